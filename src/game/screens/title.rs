//! The title screen: the game's name, Start, Continue (when answers are saved, and not in
//! workshop mode), Explore and Settings.

use bevy::prelude::*;

use super::{root, show_screen};
use crate::content::UiStrings;
use crate::game::anim::PopIn;
use crate::game::content::GameContent;
use crate::game::model::{Action, Screen, Settings};
use crate::game::persistence::{SaveStore, Saving};
use crate::game::session::Session;
use crate::game::theme::{ButtonKind, Surface, motion, widgets};

pub(super) fn plugin(app: &mut App) {
    show_screen(app, Screen::Title, spawn_title);
}

fn spawn_title(
    mut commands: Commands,
    game: Res<GameContent>,
    session: Res<Session>,
    settings: Res<Settings>,
    store: Res<SaveStore>,
) {
    let ui = &game.content.strings.ui;
    commands
        .spawn(root(Screen::Title, "Title screen"))
        .with_children(|s| {
            s.spawn(title_column()).with_children(|c| {
                c.spawn(hero()).with_children(|h| {
                    h.spawn((
                        widgets::title(ui.app_name.clone()),
                        TextLayout::justify(Justify::Center),
                    ));
                    h.spawn((
                        widgets::body(ui.tagline.clone()),
                        TextLayout::justify(Justify::Center),
                    ));
                });
                if let Some(notice) = &session.notice {
                    c.spawn(widgets::soft(notice.clone()));
                }
                // Never claim the answers are kept on a device that will not keep them.
                if store.saving() == Saving::Off {
                    c.spawn(widgets::soft(ui.saving_off.clone()));
                }
                let carry_on = session.can_continue() && !settings.workshop;
                for (step, (label, action, kind)) in (2..).zip(choices(ui, carry_on)) {
                    c.spawn((
                        widgets::button(label.clone(), action, kind),
                        PopIn::new(motion::after(step)),
                    ));
                }
            });
        });
}

/// The title's buttons, the likeliest first: carrying on leads when there are saved answers
/// (never on a workshop computer, where they would be the last student's).
fn choices(ui: &UiStrings, carry_on: bool) -> Vec<(&String, Action, ButtonKind)> {
    let mut choices = if carry_on {
        vec![
            (&ui.carry_on, Action::Continue, ButtonKind::Primary),
            (&ui.start, Action::Start, ButtonKind::Secondary),
        ]
    } else {
        vec![(&ui.start, Action::Start, ButtonKind::Primary)]
    };
    choices.push((&ui.explore, Action::Explore, ButtonKind::Secondary));
    choices.push((&ui.settings, Action::OpenMenu, ButtonKind::Secondary));
    choices
}

fn title_column() -> impl Bundle {
    (
        Name::new("Title column"),
        Node {
            width: percent(100),
            max_width: px(520),
            flex_grow: 1.0,
            flex_direction: FlexDirection::Column,
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Stretch,
            padding: UiRect::all(px(20)),
            row_gap: px(14),
            ..default()
        },
    )
}

/// The game's name and tagline on a coloured panel.
fn hero() -> impl Bundle {
    (
        Name::new("Hero"),
        Node {
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            padding: UiRect::all(px(24)),
            row_gap: px(10),
            border_radius: BorderRadius::all(px(28)),
            margin: UiRect::bottom(px(10)),
            ..default()
        },
        Surface::Primary,
        BackgroundColor::default(),
        PopIn::new(motion::after(0)),
    )
}
