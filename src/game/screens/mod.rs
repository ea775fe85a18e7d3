//! The game's screens as one `Screen` state. Each screen spawns a root tagged
//! `DespawnOnExit`, so leaving a screen cleans it up; when what a screen shows changes while
//! it is open (the next question, a new filter), the session marks it [`Dirty`] and it is
//! rebuilt from the session.

mod compare;
mod error;
mod explore;
mod intro;
mod loading;
mod quiz;
mod results;
mod role_detail;
mod share;
mod strengths;
mod title;

use bevy::prelude::*;

use super::content::GameContent;
use super::model::{
    AccessRole, Accessible, Action, Announce, AppSystems, Dirty, ReadAgainButton, Screen,
    ScreenRoot, Selected,
};
use super::session::Session;
use super::theme::widgets;
use super::theme::{ButtonKind, Surface};
use crate::content::{Role, UiStrings, fill};

/// True when the open screen must be rebuilt and no screen change is pending.
pub fn dirty_and_settled(dirty: Res<Dirty>, next: Res<NextState<Screen>>) -> bool {
    dirty.0 && matches!(*next, NextState::Unchanged)
}

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>()
        .init_resource::<Dirty>()
        .add_systems(
            Update,
            clear_dirty
                .in_set(AppSystems::Rebuild)
                .after(RebuildSystems),
        )
        .configure_sets(Update, RebuildSystems.in_set(AppSystems::Rebuild))
        .add_systems(
            Update,
            show_kept
                .run_if(resource_changed::<Session>)
                .in_set(AppSystems::Rebuild)
                .after(RebuildSystems),
        );
    app.add_plugins((
        loading::plugin,
        error::plugin,
        title::plugin,
        intro::plugin,
        quiz::plugin,
        strengths::plugin,
        results::plugin,
        role_detail::plugin,
        explore::plugin,
        compare::plugin,
        share::plugin,
    ));
}

/// The set the screens' rebuild systems run in.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RebuildSystems;

/// Builds a screen or overlay with `spawn` when `state` is entered, and again whenever
/// `changed` says what it shows has changed while it is open (the next question, a filter, a
/// setting): the old root, marked `R`, goes first. Every screen and the menu use this one
/// helper, so a new screen cannot forget to rebuild.
pub fn show_while<S, R, M, C>(
    app: &mut App,
    state: S,
    spawn: impl IntoSystem<(), (), M> + Copy + Send + Sync + 'static,
    changed: impl SystemCondition<C>,
) where
    S: States + Copy,
    R: Component,
{
    app.add_systems(OnEnter(state), spawn).add_systems(
        Update,
        (despawn_all::<R>, spawn)
            .chain()
            .run_if(in_state(state).and_then(changed))
            .in_set(RebuildSystems),
    );
}

/// Builds a screen when it opens and when the session marks it dirty while it is open.
fn show_screen<M>(
    app: &mut App,
    screen: Screen,
    spawn: impl IntoSystem<(), (), M> + Copy + Send + Sync + 'static,
) {
    show_while::<_, ScreenRoot, _, _>(app, screen, spawn, dirty_and_settled);
}

fn despawn_all<R: Component>(mut commands: Commands, roots: Query<Entity, With<R>>) {
    for root in &roots {
        commands.entity(root).despawn();
    }
}

fn clear_dirty(mut dirty: ResMut<Dirty>) {
    if dirty.0 {
        dirty.0 = false;
    }
}

/// The root of a screen: full window, removed when the screen is left.
pub fn root(screen: Screen, name: &'static str) -> impl Bundle {
    (
        widgets::screen_root(name),
        ScreenRoot,
        DespawnOnExit(screen),
    )
}

/// The bar along the top of every screen: the game's name and the menu button.
pub fn top_bar(ui: &UiStrings) -> impl Bundle {
    (
        Name::new("Top bar"),
        Node {
            width: percent(100),
            max_width: px(widgets::MAX_CONTENT_WIDTH),
            justify_content: JustifyContent::SpaceBetween,
            align_items: AlignItems::Center,
            padding: UiRect::axes(px(16), px(8)),
            ..default()
        },
        children![
            widgets::badge(ui.app_name.clone(), Surface::Primary),
            (
                Name::new("Top bar actions"),
                Node {
                    column_gap: px(10),
                    align_items: AlignItems::Center,
                    ..default()
                },
                children![
                    (
                        widgets::button(
                            ui.read_again.clone(),
                            Action::ReadAgain,
                            ButtonKind::Secondary
                        ),
                        ReadAgainButton,
                    ),
                    widgets::button(ui.menu.clone(), Action::OpenMenu, ButtonKind::Secondary),
                ],
            ),
        ],
    )
}

/// The buttons along the bottom of a screen: Back first (always there), then the screen's own.
pub fn back_footer<'a>(
    parent: &mut ChildSpawnerCommands,
    ui: &UiStrings,
    buttons: impl IntoIterator<Item = (&'a String, Action, ButtonKind)>,
) {
    parent.spawn(footer()).with_children(|f| {
        f.spawn(widgets::button(
            ui.back.clone(),
            Action::Back,
            ButtonKind::Secondary,
        ));
        for (label, action, kind) in buttons {
            f.spawn(widgets::button(label.clone(), action, kind));
        }
    });
}

/// A row of buttons along the bottom of a screen.
fn footer() -> impl Bundle {
    (
        Name::new("Footer"),
        Node {
            width: percent(100),
            max_width: px(widgets::MAX_CONTENT_WIDTH),
            flex_wrap: FlexWrap::Wrap,
            justify_content: JustifyContent::SpaceBetween,
            align_items: AlignItems::Center,
            column_gap: px(10),
            row_gap: px(8),
            padding: UiRect::axes(px(16), px(10)),
            ..default()
        },
    )
}

/// Every Keep button shows whether its role is on the shortlist, changed in place when the
/// student presses one (a rebuild would move focus and scrolling back to the top).
fn show_kept(
    mut commands: Commands,
    session: Res<Session>,
    game: Option<Res<GameContent>>,
    mut buttons: Query<(Entity, &Action, &mut Accessible, &Children)>,
    mut labels: Query<&mut Text>,
) {
    let Some(game) = game else { return };
    let ui = &game.content.strings.ui;
    for (entity, action, mut access, children) in &mut buttons {
        let Action::Keep(index) = action else {
            continue;
        };
        let Some(role) = game.content.roles.get(*index) else {
            continue;
        };
        let kept = session.is_kept(role);
        let pressed = AccessRole::Button {
            pressed: Some(kept),
        };
        if access.role == pressed {
            continue;
        }
        access.role = pressed;
        let label = keep_label(ui, kept);
        for child in children {
            if let Ok(mut text) = labels.get_mut(*child) {
                text.0.clone_from(label);
            }
        }
        if kept {
            commands.entity(entity).insert(Selected);
        } else {
            commands.entity(entity).remove::<Selected>();
        }
    }
}

fn keep_label(ui: &UiStrings, kept: bool) -> &String {
    if kept { &ui.kept } else { &ui.keep }
}

/// "Keep" on a role (results, role page, explore): pressed while the role is on the shortlist.
/// Its name for a screen reader says which role, since a list has one on every card.
pub fn keep_button(
    parent: &mut ChildSpawnerCommands,
    ui: &UiStrings,
    role: &Role,
    index: usize,
    kept: bool,
) {
    let label = keep_label(ui, kept);
    parent
        .spawn(widgets::button_with(
            label.clone(),
            Action::Keep(index),
            ButtonKind::Secondary,
            widgets::button_node(),
            Some(kept),
        ))
        .insert(Accessible::new(
            AccessRole::Button {
                pressed: Some(kept),
            },
            fill(&ui.keep_named, &[("role", &role.title)]),
        ));
}

/// Over results opened from someone's link: what they are, what was left out, and the way
/// back to the student's own game.
pub fn shared_banner(parent: &mut ChildSpawnerCommands, ui: &UiStrings, session: &Session) {
    let Some(view) = session.shared else { return };
    parent
        .spawn((widgets::card("Shared results"), Announce))
        .insert(Surface::Raised)
        .with_children(|card| {
            card.spawn(widgets::body(ui.shared_banner.clone()));
            if view.dropped > 0 {
                let count = view.dropped.to_string();
                card.spawn(widgets::soft(fill(
                    &ui.shared_dropped,
                    &[("count", &count)],
                )));
            }
            card.spawn(widgets::button(
                ui.take_quiz_yourself.clone(),
                Action::LeaveShared,
                ButtonKind::Primary,
            ));
        });
}
