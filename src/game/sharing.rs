//! Sharing and printing: the link that reopens a student's results (answers and picked jobs,
//! nothing else), copying it, and the printable profile. On the web the page copies and
//! prints (see `web`); on the desktop copying is not offered by the system, so the student
//! is told to use the code or the link as shown, and the profile is saved as a text file in
//! the game's data folder, with where it went.

use bevy::prelude::*;

use super::content::GameContent;
use super::model::{Act, Action, AppSystems, Dirty, ShareBase};
use super::session::Session;
use crate::content::Content;
use crate::share::{self, Picks};
use crate::summary::Summary;

/// What the page is asked to do: copy this link, or print this profile.
#[derive(Message, Debug, Clone, PartialEq)]
pub enum ShareRequest {
    Copy(String),
    Print(Box<Summary>),
}

/// Where the desktop saves the printable profile; `None` when there is nowhere to save.
#[derive(Resource, Debug, Clone)]
pub struct ProfileDir(pub Option<std::path::PathBuf>);

impl Default for ProfileDir {
    fn default() -> Self {
        Self(super::persistence::data_dir())
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ShareBase>()
        .init_resource::<ProfileDir>()
        .add_message::<ShareRequest>()
        .add_systems(Update, ask_to_share.in_set(AppSystems::Update));
    #[cfg(not(target_arch = "wasm32"))]
    app.add_systems(Update, share_on_desktop.in_set(AppSystems::Present));
}

/// The link that opens this student's results on any device.
pub fn link_for(content: &Content, session: &Session, base: &ShareBase) -> String {
    let picks = Picks {
        shortlist: &session.shortlist,
        not_for_me: &session.not_for_me,
    };
    base.link(&share::encode_with(&content.quiz, &session.answers, picks))
}

/// The printable profile for this student.
pub fn summary_for(game: &GameContent, session: &Session, base: &ShareBase) -> Summary {
    let content = game.content;
    let results = game
        .matcher
        .results_without(&session.answers, &session.dropped_roles(content));
    let link = link_for(content, session, base);
    Summary::new(content, &results, &session.kept_roles(content), &link)
}

fn ask_to_share(
    mut acts: MessageReader<Act>,
    game: Option<Res<GameContent>>,
    session: Res<Session>,
    base: Res<ShareBase>,
    mut requests: MessageWriter<ShareRequest>,
) {
    let Some(game) = game else { return };
    for Act(action) in acts.read() {
        match action {
            Action::CopyLink => {
                requests.write(ShareRequest::Copy(link_for(game.content, &session, &base)));
            }
            Action::Print => {
                let summary = summary_for(&game, &session, &base);
                requests.write(ShareRequest::Print(Box::new(summary)));
            }
            _ => {}
        }
    }
}

/// Says on the share screen what happened (the link copied, the profile saved), and shows it.
pub fn tell(session: &mut Session, dirty: &mut Dirty, news: String) {
    session.share_notice = Some(news);
    dirty.0 = true;
}

#[cfg(not(target_arch = "wasm32"))]
fn share_on_desktop(
    mut requests: MessageReader<ShareRequest>,
    game: Option<Res<GameContent>>,
    dir: Res<ProfileDir>,
    mut session: ResMut<Session>,
    mut dirty: ResMut<Dirty>,
) {
    let Some(game) = game else { return };
    let ui = &game.content.strings.ui;
    for request in requests.read() {
        let news = match request {
            ShareRequest::Copy(_) => ui.copy_failed.clone(),
            ShareRequest::Print(summary) => {
                let text = summary.to_text(&ui.percent, &ui.not_answered);
                match save_profile(dir.0.as_deref(), &text) {
                    Some(path) => crate::content::fill(
                        &ui.print_saved,
                        &[("path", &path.display().to_string())],
                    ),
                    None => ui.print_failed.clone(),
                }
            }
        };
        tell(&mut session, &mut dirty, news);
    }
}

/// Writes the profile as `careers-profile.txt` in `dir`; where it went, or `None`.
#[cfg(not(target_arch = "wasm32"))]
fn save_profile(dir: Option<&std::path::Path>, text: &str) -> Option<std::path::PathBuf> {
    let dir = dir?;
    std::fs::create_dir_all(dir).ok()?;
    let path = dir.join("careers-profile.txt");
    match std::fs::write(&path, text) {
        Ok(()) => Some(path),
        Err(e) => {
            log::warn!("could not save the profile to {}: {e}", path.display());
            None
        }
    }
}
