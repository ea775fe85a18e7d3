//! The loading screen: a progress bar while the content files arrive, then on to the title,
//! or to the error screen if the content cannot be used.

use bevy::prelude::*;
use bevy::window::RequestRedraw;

use super::{root, show_screen};
use crate::game::content::{ContentFailed, GameContent, LoadProgress};
use crate::game::model::{AppSystems, Dirty, LoadingSystems, Screen};
use crate::game::session::Session;
use crate::game::theme::widgets;

pub(super) fn plugin(app: &mut App) {
    show_screen(app, Screen::Loading, spawn_loading);
    app.add_systems(
        Update,
        (show_progress, keep_updating)
            .run_if(in_state(Screen::Loading))
            .in_set(AppSystems::Update),
    );
    // Content the page held is checked at startup: choosing the next screen before the first
    // frame's transition draws the title in that frame, with no loading screen before it.
    app.add_systems(
        PreUpdate,
        leave_loading
            .run_if(in_state(Screen::Loading))
            .in_set(LoadingSystems::Leave),
    );
}

fn spawn_loading(mut commands: Commands, progress: Res<LoadProgress>) {
    let label = progress.words.loading.clone().unwrap_or_default();
    commands
        .spawn(root(Screen::Loading, "Loading screen"))
        .with_children(|s| {
            s.spawn((
                Name::new("Loading"),
                Node {
                    width: percent(80),
                    max_width: px(420),
                    flex_grow: 1.0,
                    flex_direction: FlexDirection::Column,
                    justify_content: JustifyContent::Center,
                    row_gap: px(16),
                    ..default()
                },
            ))
            .with_children(|c| {
                if !label.is_empty() {
                    c.spawn(widgets::heading(label.clone()));
                }
                c.spawn(widgets::progress_bar(
                    progress.done,
                    progress.total.max(1),
                    label,
                ));
            });
        });
}

fn show_progress(progress: Res<LoadProgress>, mut dirty: ResMut<Dirty>) {
    if progress.is_changed() && !progress.is_added() {
        dirty.0 = true;
    }
}

/// On to the title, or straight to the strengths when the game was opened with someone's
/// results link.
fn leave_loading(
    game: Option<Res<GameContent>>,
    failed: Option<Res<ContentFailed>>,
    session: Res<Session>,
    mut next: ResMut<NextState<Screen>>,
) {
    if failed.is_some() {
        next.set(Screen::Error);
    } else if game.is_some() {
        next.set(if session.shared.is_some() {
            Screen::Strengths
        } else {
            Screen::Title
        });
    }
}

/// Downloads finishing don't wake a reactive game loop, so keep frames coming while loading.
fn keep_updating(mut redraw: MessageWriter<RequestRedraw>) {
    redraw.write(RequestRedraw);
}
