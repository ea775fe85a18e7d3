//! The student's session: their answers, where they are in the quiz, the role they are
//! looking at, the jobs they kept and dropped, the Explore filters, and where Back goes. The
//! actions that change them are applied here, one small system per kind, so every way of
//! pressing a button behaves the same. It also restores a saved session when the content has
//! loaded, or opens results shared by link without touching the one saved on this device.

use bevy::prelude::*;

use super::content::GameContent;
use super::model::{
    Act, Action, AppSystems, Dirty, FilterKind, IncomingLink, LoadingSystems, Menu, Screen,
    Settings,
};
use super::persistence::{SAVE_VERSION, SaveStore, Saved};
use crate::content::{Answers, Content, PatientContact, Role, Taxonomy};
use crate::share::{self, ShareError};

/// A place Back can return to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub screen: Screen,
    pub role: Option<usize>,
}

/// Which roles Explore shows. `None` means any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExploreFilters {
    pub family: Option<String>,
    pub contact: Option<PatientContact>,
    pub route: Option<String>,
    pub subject: Option<String>,
}

impl ExploreFilters {
    /// True when the role passes every filter. A broad subject ("Science") matches a role
    /// that lists any subject it covers.
    pub fn matches(&self, role: &Role, taxonomy: &Taxonomy) -> bool {
        self.family.as_ref().is_none_or(|f| &role.family == f)
            && self.contact.is_none_or(|c| role.patient_contact == c)
            && self
                .route
                .as_ref()
                .is_none_or(|r| role.routes.iter().any(|x| &x.route == r))
            && self.subject.as_ref().is_none_or(|s| {
                let covers = taxonomy
                    .subject(s)
                    .map(|x| x.covers.as_slice())
                    .unwrap_or(&[]);
                role.subjects.iter().any(|r| r == s || covers.contains(r))
            })
    }

    pub fn is_empty(&self) -> bool {
        *self == ExploreFilters::default()
    }

    /// Moves one filter on to its next value, wrapping back to "any".
    fn cycle(&mut self, kind: FilterKind, content: &Content) {
        fn next<T: Clone + PartialEq>(current: &Option<T>, values: &[T]) -> Option<T> {
            match current
                .as_ref()
                .and_then(|c| values.iter().position(|v| v == c))
            {
                None => values.first().cloned(),
                Some(i) => values.get(i + 1).cloned(),
            }
        }
        let t = &content.taxonomy;
        match kind {
            FilterKind::Family => {
                let ids: Vec<String> = t.families.iter().map(|f| f.id.clone()).collect();
                self.family = next(&self.family, &ids);
            }
            FilterKind::Contact => {
                self.contact = next(
                    &self.contact,
                    &[
                        PatientContact::Lots,
                        PatientContact::Some,
                        PatientContact::None,
                    ],
                );
            }
            FilterKind::Route => {
                let ids: Vec<String> = t.routes.iter().map(|r| r.id.clone()).collect();
                self.route = next(&self.route, &ids);
            }
            FilterKind::Subject => {
                let ids: Vec<String> = t.subjects.iter().map(|s| s.id.clone()).collect();
                self.subject = next(&self.subject, &ids);
            }
        }
    }
}

#[derive(Resource, Debug, Clone, Default)]
pub struct Session {
    pub answers: Answers,
    /// The quiz item on screen (an index into the quiz).
    pub position: usize,
    /// The role on the detail screen.
    pub role: Option<usize>,
    /// Where Back goes from Explore and role details.
    pub history: Vec<Place>,
    pub filters: ExploreFilters,
    /// A message for the title screen (for example, a save that could not be read).
    pub notice: Option<String>,
    /// True once the student has reached the end of the quiz.
    pub finished: bool,
    /// The ids of the roles the student kept, in the order they kept them.
    pub shortlist: Vec<String>,
    /// The ids of the roles the student said were not for them: left out of their matches.
    pub not_for_me: Vec<String>,
    /// The role just marked "not for me", which Undo brings back.
    pub undo: Option<String>,
    /// Set while showing results opened from a link: nothing is saved, and this device's own
    /// saved answers stay as they were.
    pub shared: Option<SharedView>,
    /// News for the share screen: the link was copied, the profile was saved.
    pub share_notice: Option<String>,
}

/// Results opened from a share link.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SharedView {
    /// Answers in the link that the quiz no longer asks (left out, and the student is told).
    pub dropped: usize,
}

impl Session {
    /// True if there are saved answers to carry on with.
    pub fn can_continue(&self) -> bool {
        !self.answers.is_empty() || self.position > 0
    }

    pub fn is_kept(&self, role: &Role) -> bool {
        self.shortlist.contains(&role.id)
    }

    /// The catalogue indices of the roles the student dropped (those still in it).
    pub fn dropped_roles(&self, content: &Content) -> Vec<usize> {
        indices(content, &self.not_for_me)
    }

    /// The catalogue indices of the kept roles, in the order kept.
    pub fn kept_roles(&self, content: &Content) -> Vec<usize> {
        indices(content, &self.shortlist)
    }
}

/// Where each role id is in the catalogue, leaving out ids it no longer has.
fn indices(content: &Content, ids: &[String]) -> Vec<usize> {
    ids.iter().filter_map(|id| content.role_index(id)).collect()
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Session>()
        .add_message::<OpenUrl>()
        .add_systems(Update, apply_actions_systems().in_set(AppSystems::Update))
        .init_resource::<IncomingLink>()
        // Before the frame's state transition, so that content checked at startup opens the
        // title (or a shared link's strengths) in the very first frame.
        .add_systems(
            PreUpdate,
            restore_save
                .run_if(resource_added::<GameContent>)
                .in_set(LoadingSystems::Restore),
        );
}

/// The actions this module applies, one system for each kind, in a fixed order so that two
/// presses in one frame apply as they came. Retry, settings and read aloud are applied where
/// they belong (content loading, settings, the mirror).
fn apply_actions_systems() -> impl IntoScheduleConfigs<bevy::ecs::system::ScheduleSystem, ()> {
    (
        open_and_close_menu,
        start_and_clear,
        record_answer,
        go_back,
        open_roles,
        filter_roles,
        keep_and_drop,
    )
        .chain()
}

/// The student's session with what applying an action may change.
#[derive(bevy::ecs::system::SystemParam)]
struct Step<'w> {
    session: ResMut<'w, Session>,
    screen: Res<'w, State<Screen>>,
    menu: Res<'w, State<Menu>>,
    next_screen: ResMut<'w, NextState<Screen>>,
    dirty: ResMut<'w, Dirty>,
    store: ResMut<'w, SaveStore>,
}

impl Step<'_> {
    fn here(&self) -> Screen {
        *self.screen.get()
    }

    fn menu_open(&self) -> bool {
        *self.menu.get() != Menu::Closed
    }

    fn go(&mut self, screen: Screen) {
        self.next_screen.set(screen);
    }

    /// Shows the open screen again with what changed (a filter, the next question).
    fn redraw(&mut self) {
        self.dirty.0 = true;
    }

    /// Keeps the session on this device, unless it came from someone's link.
    fn save(&mut self) {
        if self.session.shared.is_none() {
            self.store.save(&Saved::from(&*self.session));
        }
    }

    /// Back to this device's own saved answers (if any) and the title screen.
    fn leave_shared(&mut self, content: &Content) {
        *self.session = Session::default();
        restore_into(content, &mut self.store, &mut self.session);
        self.go(Screen::Title);
    }

    /// Remembers where the student is, so Back returns here.
    fn remember(&mut self) {
        let place = Place {
            screen: self.here(),
            role: self.session.role,
        };
        self.session.history.push(place);
    }

    /// Moves to the next item, or on to the strengths screen after the last one.
    fn advance(&mut self, items: usize) {
        if self.session.position + 1 >= items {
            self.session.finished = true;
            self.go(Screen::Strengths);
        } else {
            self.session.position += 1;
            self.redraw();
        }
    }
}

fn open_and_close_menu(
    mut acts: MessageReader<Act>,
    menu: Res<State<Menu>>,
    mut next_menu: ResMut<NextState<Menu>>,
) {
    for Act(action) in acts.read() {
        match action {
            Action::OpenMenu => next_menu.set(Menu::Settings),
            Action::CloseMenu => next_menu.set(Menu::Closed),
            Action::Back if *menu.get() != Menu::Closed => next_menu.set(Menu::Closed),
            _ => {}
        }
    }
}

/// Title and intro: a fresh start, carrying on, or clearing the answers away. In workshop
/// mode, finishing goes through "Before you go" (the QR, the link, printing) first. While
/// results from a link are shown, each of these leads back to this device's own instead.
fn start_and_clear(
    mut acts: MessageReader<Act>,
    mut step: Step,
    mut next_menu: ResMut<NextState<Menu>>,
    settings: Res<Settings>,
    game: Option<Res<GameContent>>,
) {
    for Act(action) in acts.read() {
        let leaves = matches!(
            action,
            Action::Start | Action::StartAgain | Action::FinishAndClear | Action::LeaveShared
        );
        if let (true, Some(_), Some(game)) = (leaves, &step.session.shared, &game) {
            next_menu.set(Menu::Closed);
            step.leave_shared(game.content);
            continue;
        }
        let idle_clear = *step.menu.get() == Menu::StillThere;
        match action {
            Action::FinishAndClear
                if settings.workshop
                    && !idle_clear
                    && step.session.can_continue()
                    && step.here() != Screen::Share =>
            {
                next_menu.set(Menu::Closed);
                step.remember();
                step.go(Screen::Share);
            }
            Action::Start | Action::StartAgain => {
                let keep_notice = step
                    .session
                    .notice
                    .take()
                    .filter(|_| *action == Action::Start);
                *step.session = Session {
                    notice: keep_notice,
                    ..default()
                };
                step.store.clear();
                next_menu.set(Menu::Closed);
                step.go(Screen::Intro);
            }
            Action::FinishAndClear => {
                *step.session = Session::default();
                step.store.clear();
                next_menu.set(Menu::Closed);
                step.go(Screen::Title);
            }
            Action::Continue => {
                let to = if step.session.finished {
                    Screen::Strengths
                } else {
                    Screen::Quiz
                };
                step.go(to);
            }
            Action::BeginQuiz => {
                step.session.position = 0;
                step.go(Screen::Quiz);
            }
            _ => {}
        }
    }
}

/// Quiz: choosing an answer (toggling one of several), moving on, or skipping. Every answer
/// is saved at once, so a closed tab loses nothing.
fn record_answer(mut acts: MessageReader<Act>, mut step: Step, game: Option<Res<GameContent>>) {
    let Some(game) = game else { return };
    let quiz = &game.content.quiz;
    for Act(action) in acts.read() {
        match action {
            Action::Choose { item, option } => {
                let Some((it, opt)) = quiz
                    .items
                    .get(*item)
                    .and_then(|it| Some((it, it.options.get(*option)?)))
                else {
                    log::warn!("no quiz item {item} with option {option}: answer not recorded");
                    continue;
                };
                let several = it.max_choices > 1;
                let chosen: Vec<String> = if several {
                    toggled(step.session.answers.chosen(&it.id), &opt.id, it.max_choices)
                } else {
                    vec![opt.id.clone()]
                };
                let refs: Vec<&str> = chosen.iter().map(String::as_str).collect();
                if let Err(e) = step.session.answers.answer(quiz, &it.id, &refs) {
                    log::warn!("answer to {} not recorded: {e}", it.id);
                }
                if several {
                    step.redraw();
                } else {
                    step.advance(quiz.items.len());
                }
                step.save();
            }
            Action::Next | Action::Skip if step.here() == Screen::Quiz => {
                step.advance(quiz.items.len());
                step.save();
            }
            _ => {}
        }
    }
}

/// The choices of a multi-choice item after pressing `option`: off if it was on, else on
/// while there is room for it.
fn toggled(chosen: &[String], option: &str, max: usize) -> Vec<String> {
    let mut chosen = chosen.to_vec();
    if let Some(at) = chosen.iter().position(|c| c == option) {
        chosen.remove(at);
    } else if chosen.len() < max {
        chosen.push(option.to_string());
    }
    chosen
}

/// Back (or Escape) when no menu is open: one step back from wherever the student is.
fn go_back(mut acts: MessageReader<Act>, mut step: Step, game: Option<Res<GameContent>>) {
    let Some(game) = game else { return };
    let items = game.content.quiz.items.len();
    for Act(action) in acts.read() {
        if *action != Action::Back || step.menu_open() {
            continue;
        }
        match step.here() {
            Screen::Quiz if step.session.position == 0 => step.go(Screen::Intro),
            Screen::Quiz => {
                step.session.position -= 1;
                step.redraw();
                step.save();
            }
            Screen::Intro => step.go(Screen::Title),
            Screen::Strengths => {
                step.session.position = items.saturating_sub(1);
                step.go(Screen::Quiz);
            }
            Screen::Results => step.go(Screen::Strengths),
            Screen::Explore | Screen::RoleDetail | Screen::Compare | Screen::Share => {
                back_through_history(&mut step)
            }
            Screen::Title | Screen::Loading | Screen::Error => {}
        }
    }
}

/// From Explore or a role page: to wherever the student came from, or the title screen.
fn back_through_history(step: &mut Step) {
    match step.session.history.pop() {
        Some(place) => {
            step.session.role = place.role;
            if place.screen == step.here() {
                step.redraw();
            } else {
                step.go(place.screen);
            }
        }
        None => step.go(Screen::Title),
    }
}

/// The matches, Explore, a role's page, and the official careers page outside the game.
fn open_roles(
    mut acts: MessageReader<Act>,
    mut step: Step,
    game: Option<Res<GameContent>>,
    mut open_url: MessageWriter<OpenUrl>,
) {
    let Some(game) = game else { return };
    for Act(action) in acts.read() {
        match action {
            Action::ShowMatches => step.go(Screen::Results),
            Action::Explore => {
                step.remember();
                step.go(Screen::Explore);
            }
            Action::OpenRole(index) if *index < game.content.roles.len() => {
                step.remember();
                step.session.role = Some(*index);
                if step.here() == Screen::RoleDetail {
                    step.redraw();
                } else {
                    step.go(Screen::RoleDetail);
                }
            }
            Action::OpenRole(index) => log::warn!("no role {index} to open"),
            Action::ReadMore(url) => {
                open_url.write(OpenUrl(url.clone()));
            }
            _ => {}
        }
    }
}

/// Explore: moving a filter on to its next value, or clearing them all.
fn filter_roles(mut acts: MessageReader<Act>, mut step: Step, game: Option<Res<GameContent>>) {
    let Some(game) = game else { return };
    for Act(action) in acts.read() {
        match action {
            Action::CycleFilter(kind) => {
                step.session.filters.cycle(*kind, game.content);
                step.redraw();
            }
            Action::ClearFilters => {
                step.session.filters = ExploreFilters::default();
                step.redraw();
            }
            _ => {}
        }
    }
}

/// The shortlist, "not for me" with undo, and the screens that use them (compare, share).
fn keep_and_drop(mut acts: MessageReader<Act>, mut step: Step, game: Option<Res<GameContent>>) {
    let Some(game) = game else { return };
    let roles = &game.content.roles;
    for Act(action) in acts.read() {
        match action {
            Action::Keep(i) if *i < roles.len() => {
                let id = &roles[*i].id;
                let list = &mut step.session.shortlist;
                match list.iter().position(|k| k == id) {
                    Some(at) => {
                        list.remove(at);
                    }
                    None => list.push(id.clone()),
                }
                // Not rebuilt: the button changes in place, so focus and scrolling stay put.
                step.save();
            }
            Action::NotForMe(i) if *i < roles.len() => {
                let id = roles[*i].id.clone();
                let session = &mut step.session;
                session.shortlist.retain(|k| *k != id);
                if !session.not_for_me.contains(&id) {
                    session.not_for_me.push(id.clone());
                }
                session.undo = Some(id);
                step.redraw();
                step.save();
            }
            Action::Undo => {
                if let Some(id) = step.session.undo.take() {
                    step.session.not_for_me.retain(|k| *k != id);
                    step.redraw();
                    step.save();
                }
            }
            Action::Compare | Action::Share => {
                step.session.share_notice = None;
                step.remember();
                step.go(if *action == Action::Compare {
                    Screen::Compare
                } else {
                    Screen::Share
                });
            }
            _ => {}
        }
    }
}

/// A request to open a web page outside the game (the page opens it in a new tab).
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct OpenUrl(pub String);

impl From<&Session> for Saved {
    fn from(s: &Session) -> Self {
        Saved {
            version: SAVE_VERSION,
            answers: s.answers.clone(),
            position: s.position,
            finished: s.finished,
            shortlist: s.shortlist.clone(),
            not_for_me: s.not_for_me.clone(),
        }
    }
}

/// Once the content is known, opens the results in the link the game was opened with, or
/// else restores a saved session if there is one it can read.
fn restore_save(
    game: Res<GameContent>,
    mut store: ResMut<SaveStore>,
    mut session: ResMut<Session>,
    link: Res<IncomingLink>,
) {
    match link.0.as_deref().map(|code| open_link(game.content, code)) {
        Some(Ok(shared)) => *session = shared,
        Some(Err(notice)) => {
            restore_into(game.content, &mut store, &mut session);
            session.notice = Some(notice);
        }
        None => restore_into(game.content, &mut store, &mut session),
    }
}

/// The session a share link holds, or the friendly words for why it cannot be opened.
fn open_link(content: &Content, code: &str) -> Result<Session, String> {
    let ui = &content.strings.ui;
    let shared = share::decode(&content.quiz, code).map_err(|e| {
        log::warn!("share link not opened: {e}");
        match e {
            ShareError::UnknownVersion(_) => ui.link_too_new.clone(),
            _ => ui.link_broken.clone(),
        }
    })?;
    let ids = |keys: &[u16]| -> Vec<String> {
        keys.iter()
            .filter_map(|k| share::role_index(&content.roles, *k))
            .map(|i| content.roles[i].id.clone())
            .collect()
    };
    Ok(Session {
        answers: shared.answers,
        position: content.quiz.items.len().saturating_sub(1),
        finished: true,
        shortlist: ids(&shared.shortlist),
        not_for_me: ids(&shared.not_for_me),
        shared: Some(SharedView {
            dropped: shared.dropped,
        }),
        ..Session::default()
    })
}

/// Reads the saved session into `session`. A save that cannot be read is dropped with a
/// notice; one written by a newer version is kept as it is (and nothing saved over it), with
/// a notice saying so.
fn restore_into(content: &Content, store: &mut SaveStore, session: &mut Session) {
    let Some(raw) = store.raw() else { return };
    let ui = &content.strings.ui;
    match read_save(&raw) {
        SaveRead::Current(saved) => {
            let quiz = &content.quiz;
            let mut answers = saved.answers;
            let dropped = answers.retain_valid(quiz);
            if dropped > 0 {
                log::info!("dropped {dropped} saved answers the current quiz no longer has");
            }
            session.answers = answers;
            session.position = saved.position.min(quiz.items.len().saturating_sub(1));
            session.finished = saved.finished;
            session.shortlist = saved.shortlist;
            session.not_for_me = saved.not_for_me;
        }
        SaveRead::Newer(version) => {
            log::warn!("the saved answers are from a newer version ({version}); keeping them");
            store.hold_for_newer();
            session.notice = Some(ui.save_from_newer.clone());
        }
        SaveRead::Unreadable(e) => {
            log::warn!("the saved answers could not be read ({e}); starting fresh");
            store.clear();
            session.notice = Some(ui.save_lost.clone());
        }
    }
}

/// What a save's text turned out to be.
enum SaveRead {
    Current(Saved),
    /// Written by a newer version of the game (its version number).
    Newer(u64),
    Unreadable(String),
}

/// Reads the version first, so a newer save is recognised even when its fields have changed.
fn read_save(raw: &str) -> SaveRead {
    let value = match serde_json::from_str::<serde_json::Value>(raw) {
        Ok(value) => value,
        Err(e) => return SaveRead::Unreadable(e.to_string()),
    };
    match value.get("version").and_then(serde_json::Value::as_u64) {
        Some(v) if v > u64::from(SAVE_VERSION) => SaveRead::Newer(v),
        _ => match serde_json::from_value::<Saved>(value) {
            Ok(saved) => SaveRead::Current(saved),
            Err(e) => SaveRead::Unreadable(e.to_string()),
        },
    }
}
