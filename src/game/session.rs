//! The student's session: their answers, where they are in the quiz, the role they are
//! looking at, the Explore filters, and where Back goes. All actions are applied here, in one
//! place, so every way of pressing a button behaves the same.

use bevy::prelude::*;

use super::AppSystems;
use super::actions::{Act, Action, FilterKind};
use super::content::GameContent;
use super::menu::Menu;
use super::persistence::{SaveStore, Saved};
use super::screens::{Dirty, Screen};
use crate::content::{Answers, Content, PatientContact, Role, Taxonomy};

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
}

impl Session {
    /// True if there are saved answers to carry on with.
    pub fn can_continue(&self) -> bool {
        !self.answers.is_empty() || self.position > 0
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Session>()
        .add_message::<OpenUrl>()
        .add_systems(Update, apply_actions.in_set(AppSystems::Update));
}

#[allow(clippy::too_many_arguments)]
fn apply_actions(
    mut acts: MessageReader<Act>,
    mut session: ResMut<Session>,
    game: Option<Res<GameContent>>,
    screen: Res<State<Screen>>,
    menu: Res<State<Menu>>,
    mut next_screen: ResMut<NextState<Screen>>,
    mut next_menu: ResMut<NextState<Menu>>,
    mut dirty: ResMut<Dirty>,
    mut store: ResMut<SaveStore>,
    mut open_url: MessageWriter<OpenUrl>,
) {
    for Act(action) in acts.read() {
        let here = *screen.get();
        let menu_open = *menu.get() != Menu::Closed;
        let Some(game) = game.as_deref() else {
            continue;
        };
        let quiz = &game.content.quiz;
        let go = |next: &mut NextState<Screen>, s: Screen| next.set(s);
        match action {
            Action::OpenMenu => next_menu.set(Menu::Settings),
            Action::CloseMenu => next_menu.set(Menu::Closed),
            Action::Back if menu_open => next_menu.set(Menu::Closed),
            Action::Start | Action::StartAgain => {
                let keep_notice = session.notice.take().filter(|_| *action == Action::Start);
                *session = Session {
                    notice: keep_notice,
                    ..default()
                };
                store.clear();
                next_menu.set(Menu::Closed);
                go(&mut next_screen, Screen::Intro);
            }
            Action::FinishAndClear => {
                *session = Session::default();
                store.clear();
                next_menu.set(Menu::Closed);
                go(&mut next_screen, Screen::Title);
            }
            Action::Continue => {
                let s = if session.finished {
                    Screen::Strengths
                } else {
                    Screen::Quiz
                };
                go(&mut next_screen, s);
            }
            Action::BeginQuiz => {
                session.position = 0;
                go(&mut next_screen, Screen::Quiz);
            }
            Action::Explore => {
                let role = session.role;
                session.history.push(Place { screen: here, role });
                go(&mut next_screen, Screen::Explore);
            }
            Action::Choose { item, option } => {
                let Some(it) = quiz.items.get(*item) else {
                    continue;
                };
                let Some(opt) = it.options.get(*option) else {
                    continue;
                };
                if it.max_choices > 1 {
                    // Toggle, keeping at most `max_choices`.
                    let mut chosen: Vec<String> = session.answers.chosen(&it.id).to_vec();
                    if let Some(at) = chosen.iter().position(|c| *c == opt.id) {
                        chosen.remove(at);
                    } else if chosen.len() < it.max_choices {
                        chosen.push(opt.id.clone());
                    }
                    let refs: Vec<&str> = chosen.iter().map(String::as_str).collect();
                    let _ = session.answers.answer(quiz, &it.id, &refs);
                    dirty.0 = true;
                } else {
                    let _ = session.answers.answer(quiz, &it.id, &[opt.id.as_str()]);
                    advance(&mut session, quiz.items.len(), &mut next_screen, &mut dirty);
                }
                store.save(&Saved::from(&*session));
            }
            Action::Next | Action::Skip => {
                if here == Screen::Quiz {
                    advance(&mut session, quiz.items.len(), &mut next_screen, &mut dirty);
                    store.save(&Saved::from(&*session));
                }
            }
            Action::Back => match here {
                Screen::Quiz if session.position == 0 => go(&mut next_screen, Screen::Intro),
                Screen::Quiz => {
                    session.position -= 1;
                    dirty.0 = true;
                    store.save(&Saved::from(&*session));
                }
                Screen::Intro => go(&mut next_screen, Screen::Title),
                Screen::Strengths => {
                    session.position = quiz.items.len().saturating_sub(1);
                    go(&mut next_screen, Screen::Quiz);
                }
                Screen::Results => go(&mut next_screen, Screen::Strengths),
                Screen::Explore | Screen::RoleDetail => match session.history.pop() {
                    Some(place) => {
                        session.role = place.role;
                        if place.screen == here {
                            dirty.0 = true;
                        } else {
                            go(&mut next_screen, place.screen);
                        }
                    }
                    None => go(&mut next_screen, Screen::Title),
                },
                Screen::Title | Screen::Loading | Screen::Error => {}
            },
            Action::ShowMatches => go(&mut next_screen, Screen::Results),
            Action::OpenRole(index) => {
                if *index < game.content.roles.len() {
                    let role = session.role;
                    session.history.push(Place { screen: here, role });
                    session.role = Some(*index);
                    if here == Screen::RoleDetail {
                        dirty.0 = true;
                    } else {
                        go(&mut next_screen, Screen::RoleDetail);
                    }
                }
            }
            Action::CycleFilter(kind) => {
                session.filters.cycle(*kind, game.content);
                dirty.0 = true;
            }
            Action::ClearFilters => {
                session.filters = ExploreFilters::default();
                dirty.0 = true;
            }
            Action::ReadMore(url) => {
                open_url.write(OpenUrl(url.clone()));
            }
            // Handled where they belong: content loading and the settings.
            Action::Retry
            | Action::SetTextSize(_)
            | Action::ToggleSetting(_)
            | Action::ReadAgain => {}
        }
    }
}

/// Moves to the next item, or on to the strengths screen after the last one.
fn advance(session: &mut Session, items: usize, next: &mut NextState<Screen>, dirty: &mut Dirty) {
    if session.position + 1 >= items {
        session.finished = true;
        next.set(Screen::Strengths);
    } else {
        session.position += 1;
        dirty.0 = true;
    }
}

/// A request to open a web page outside the game (the page opens it in a new tab).
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct OpenUrl(pub String);
