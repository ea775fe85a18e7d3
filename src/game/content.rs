//! Loads the content files through the asset server (HTTP on the web, files on the desktop)
//! and checks them with the engine's loader. The result is either [`GameContent`] or a
//! [`ContentFailed`] message that the error screen shows.

use bevy::asset::io::Reader;
use bevy::asset::{AssetLoader, LoadContext};
use bevy::prelude::*;

use super::model::{Act, Action, Screen};
use crate::content::{
    Content, ContentError, DEFAULT_LANGUAGE, LoadingWords, QUIZ_PATH, SourceFile, Sources,
    TAXONOMY_PATH, role_file_path, strings_path,
};
use crate::matching::Matcher;

/// The checked content the game plays from, with the matcher prepared for it.
#[derive(Resource)]
pub struct GameContent {
    pub content: &'static Content,
    pub matcher: Matcher<'static>,
}

impl GameContent {
    /// Wraps loaded content. It lives for the rest of the program, so it is leaked once.
    pub fn new(content: Content) -> Self {
        let content: &'static Content = Box::leak(Box::new(content));
        Self {
            content,
            matcher: Matcher::new(content),
        }
    }
}

/// Why the content could not be used, for the error screen.
#[derive(Resource, Debug, Clone)]
pub struct ContentFailed(pub String);

/// How far loading has got, for the loading screen's progress bar, with the few words the
/// loading and error screens need as soon as the strings file has arrived (the rest of the
/// content may be what is broken).
#[derive(Resource, Debug, Clone, Default, PartialEq)]
pub struct LoadProgress {
    pub done: usize,
    pub total: usize,
    pub words: LoadingWords,
}

/// Content files the page has already fetched (on the web, beside the game's own download):
/// with all of them there, the game starts from them in its first frame instead of asking
/// for each and waiting frames for the answers. Any file missing and it asks as usual.
#[derive(Resource, Clone, Copy)]
pub struct PageFiles(pub fn(&str) -> Option<String>);

/// A content file's text.
#[derive(Asset, TypePath, Debug)]
pub struct TextFile(pub String);

#[derive(Default, TypePath)]
struct TextFileLoader;

impl AssetLoader for TextFileLoader {
    type Asset = TextFile;
    type Settings = ();
    type Error = std::io::Error;

    async fn load(
        &self,
        reader: &mut dyn Reader,
        _settings: &(),
        _context: &mut LoadContext<'_>,
    ) -> Result<TextFile, Self::Error> {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).await?;
        String::from_utf8(bytes)
            .map(TextFile)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
    }

    fn extensions(&self) -> &[&str] {
        &["json"]
    }
}

/// The files being loaded: the taxonomy, the quiz and the strings at once; the role files
/// once the taxonomy has named them.
#[derive(Resource, Default)]
struct Pending {
    taxonomy: Option<Handle<TextFile>>,
    others: Vec<(String, Handle<TextFile>)>,
    roles_requested: bool,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<LoadProgress>();
    app.add_systems(Update, retry_loading.in_set(super::AppSystems::Update));
    app.add_systems(
        Startup,
        load_from_page
            .run_if(resource_exists::<PageFiles>)
            .before(start_loading),
    );
    // Without an asset server (headless tests) the tests insert `GameContent` themselves.
    if app.world().contains_resource::<AssetServer>() {
        app.init_asset::<TextFile>()
            .register_asset_loader(TextFileLoader)
            .init_resource::<Pending>()
            .add_systems(Startup, start_loading)
            .add_systems(
                Update,
                finish_loading.run_if(
                    not(resource_exists::<GameContent>)
                        .and_then(not(resource_exists::<ContentFailed>)),
                ),
            );
    }
}

/// Checks the content the page already holds, when it holds every file.
fn load_from_page(
    mut commands: Commands,
    page: Res<PageFiles>,
    mut progress: ResMut<LoadProgress>,
) {
    let Some(sources) = sources_from_page(*page) else {
        return;
    };
    let total = sources.role_files.len() + 3;
    progress.set_if_neq(LoadProgress {
        done: total,
        total,
        words: LoadingWords::read(&sources.strings.text),
    });
    check(&mut commands, &sources);
}

/// Every content file from the page, or `None` if it lacks any of them (the role files are
/// those the taxonomy names).
pub fn sources_from_page(page: PageFiles) -> Option<Sources> {
    let file = |path: &str| page.0(path).map(|text| SourceFile::new(path, text));
    let taxonomy = file(TAXONOMY_PATH)?;
    let role_files = family_ids(&taxonomy.text)
        .iter()
        .map(|family| file(&role_file_path(family)))
        .collect::<Option<Vec<_>>>()?;
    Some(Sources {
        role_files,
        quiz: file(QUIZ_PATH)?,
        strings: file(&strings_path(DEFAULT_LANGUAGE))?,
        taxonomy,
    })
}

fn start_loading(
    server: Res<AssetServer>,
    mut pending: ResMut<Pending>,
    game: Option<Res<GameContent>>,
    failed: Option<Res<ContentFailed>>,
) {
    if game.is_none() && failed.is_none() {
        request_files(&server, &mut pending);
    }
}

/// Asks the asset server for the taxonomy, the quiz and the strings.
fn request_files(server: &AssetServer, pending: &mut Pending) {
    pending.taxonomy = Some(server.load(TAXONOMY_PATH));
    // The strings do not wait for the taxonomy: they hold the loading and error screens'
    // words, which are needed even when the taxonomy is what is missing.
    pending.others = [QUIZ_PATH.to_owned(), strings_path(DEFAULT_LANGUAGE)]
        .into_iter()
        .map(|p| (p.clone(), server.load(p)))
        .collect();
}

fn finish_loading(
    mut commands: Commands,
    server: Res<AssetServer>,
    files: Res<Assets<TextFile>>,
    mut pending: ResMut<Pending>,
    mut progress: ResMut<LoadProgress>,
) {
    let Some(taxonomy_handle) = pending.taxonomy.clone() else {
        return;
    };
    let strings_handle = pending.handle(&strings_path(DEFAULT_LANGUAGE));
    let words = strings_handle
        .as_ref()
        .and_then(|h| files.get(h))
        .map(|f| LoadingWords::read(&f.0))
        .unwrap_or_default();
    if let Some(path) = pending.first_failed(&server) {
        // Wait for the strings to arrive or fail, so the error screen can use their words.
        let strings_settled =
            strings_handle.is_none_or(|h| files.contains(&h) || server.load_state(&h).is_failed());
        if strings_settled {
            progress.words = words;
            commands.insert_resource(ContentFailed(format!(
                "assets/{path}: the file could not be downloaded or read."
            )));
        }
        return;
    }
    let Some(taxonomy) = files.get(&taxonomy_handle) else {
        let total = pending.others.len() + 1;
        progress.set_if_neq(LoadProgress {
            done: 0,
            total,
            words,
        });
        return;
    };
    if !pending.roles_requested {
        // The taxonomy names the families, and so the role files to fetch.
        pending.roles_requested = true;
        for family in family_ids(&taxonomy.0) {
            let path = role_file_path(&family);
            let handle = server.load(path.clone());
            pending.others.push((path, handle));
        }
    }
    let done = 1 + pending
        .others
        .iter()
        .filter(|(_, h)| files.contains(h))
        .count();
    let total = pending.others.len() + 1;
    progress.set_if_neq(LoadProgress { done, total, words });
    if done < total {
        return;
    }
    check(&mut commands, &pending.sources(&taxonomy.0, &files));
}

/// Loads and checks every file: the game's content, or why it cannot be used.
fn check(commands: &mut Commands, sources: &Sources) {
    match Content::load(sources) {
        Ok(content) => commands.insert_resource(GameContent::new(content)),
        Err(e) => commands.insert_resource(describe(&e)),
    }
}

impl Pending {
    fn handle(&self, path: &str) -> Option<Handle<TextFile>> {
        self.others
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, h)| h.clone())
    }

    /// The first file that could not be downloaded or read, if any.
    fn first_failed(&self, server: &AssetServer) -> Option<String> {
        let taxonomy = self.taxonomy.iter().map(|h| (TAXONOMY_PATH, h));
        taxonomy
            .chain(self.others.iter().map(|(p, h)| (p.as_str(), h)))
            .find(|(_, h)| server.load_state(*h).is_failed())
            .map(|(path, _)| path.to_owned())
    }

    /// Every file's text, once all have arrived, as the engine loads them.
    fn sources(&self, taxonomy: &str, files: &Assets<TextFile>) -> Sources {
        let text = |path: &str| -> String {
            self.handle(path)
                .and_then(|h| files.get(&h))
                .map(|f| f.0.clone())
                .unwrap_or_default()
        };
        let strings = strings_path(DEFAULT_LANGUAGE);
        Sources {
            taxonomy: SourceFile::new(TAXONOMY_PATH, taxonomy.to_owned()),
            role_files: self
                .others
                .iter()
                .filter(|(p, _)| p.starts_with(crate::content::ROLES_DIR))
                .map(|(p, _)| SourceFile::new(p.clone(), text(p)))
                .collect(),
            quiz: SourceFile::new(QUIZ_PATH, text(QUIZ_PATH)),
            strings: SourceFile::new(strings.clone(), text(&strings)),
        }
    }
}

/// The family ids in the taxonomy's text, which name the role files; none if it cannot be
/// read (the full load then reports exactly what is wrong with it).
fn family_ids(taxonomy: &str) -> Vec<String> {
    #[derive(serde::Deserialize)]
    struct Families {
        families: Vec<Family>,
    }
    #[derive(serde::Deserialize)]
    struct Family {
        id: String,
    }
    serde_json::from_str::<Families>(taxonomy)
        .map(|t| t.families.into_iter().map(|f| f.id).collect())
        .unwrap_or_default()
}

fn describe(e: &ContentError) -> ContentFailed {
    log::error!("{e}");
    ContentFailed(e.to_string())
}

/// "Try again" on the error screen: forget the failure and fetch every file again.
fn retry_loading(
    mut commands: Commands,
    mut acts: MessageReader<Act>,
    server: Option<Res<AssetServer>>,
    pending: Option<ResMut<Pending>>,
    mut next: ResMut<NextState<Screen>>,
) {
    if !acts.read().any(|a| a.0 == Action::Retry) {
        return;
    }
    commands.remove_resource::<ContentFailed>();
    commands.insert_resource(LoadProgress::default());
    if let (Some(server), Some(mut pending)) = (server, pending) {
        if pending.taxonomy.is_none() {
            // The first try used the page's copies: ask the server this time.
            request_files(&server, &mut pending);
            next.set(Screen::Loading);
            return;
        }
        server.reload(TAXONOMY_PATH);
        for (path, _) in &pending.others {
            server.reload(path.clone());
        }
        // The role files are asked for again once the taxonomy has named them.
        pending
            .others
            .retain(|(p, _)| !p.starts_with(crate::content::ROLES_DIR));
        pending.roles_requested = false;
    }
    next.set(Screen::Loading);
}
