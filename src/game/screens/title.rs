//! The title screen: the game's name, Start, Continue (when answers are saved), Explore and
//! Settings.

use bevy::prelude::*;

use super::{root, show_screen};
use crate::game::anim::PopIn;
use crate::game::content::GameContent;
use crate::game::model::{Action, Screen};
use crate::game::session::Session;
use crate::game::theme::{ButtonKind, Surface, motion, widgets};

pub(super) fn plugin(app: &mut App) {
    show_screen(app, Screen::Title, spawn_title);
}

fn spawn_title(mut commands: Commands, game: Res<GameContent>, session: Res<Session>) {
    let ui = &game.content.strings.ui;
    commands
        .spawn(root(Screen::Title, "Title screen"))
        .with_children(|s| {
            s.spawn((
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
            ))
            .with_children(|c| {
                c.spawn((
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
                ))
                .with_children(|h| {
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
                if session.can_continue() {
                    c.spawn((
                        widgets::button(ui.carry_on.clone(), Action::Continue, ButtonKind::Primary),
                        PopIn::new(motion::after(2)),
                    ));
                    c.spawn((
                        widgets::button(ui.start.clone(), Action::Start, ButtonKind::Secondary),
                        PopIn::new(motion::after(3)),
                    ));
                } else {
                    c.spawn((
                        widgets::button(ui.start.clone(), Action::Start, ButtonKind::Primary),
                        PopIn::new(motion::after(2)),
                    ));
                }
                c.spawn((
                    widgets::button(ui.explore.clone(), Action::Explore, ButtonKind::Secondary),
                    PopIn::new(motion::after(4)),
                ));
                c.spawn((
                    widgets::button(ui.settings.clone(), Action::OpenMenu, ButtonKind::Secondary),
                    PopIn::new(motion::after(5)),
                ));
            });
        });
}
