//! The Settings overlay, reachable from every screen through the top bar's Menu button. It
//! covers the screen (and is the only thing the DOM mirror shows while open); Escape or
//! Close returns to the screen underneath.

use bevy::prelude::*;

use super::actions::Action;
use super::content::GameContent;
use super::theme::{ButtonKind, Surface, widgets};

#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Menu {
    #[default]
    Closed,
    Settings,
}

/// Marks the overlay's root.
#[derive(Component, Debug, Default)]
pub struct MenuRoot;

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Menu>()
        .add_systems(OnEnter(Menu::Settings), spawn_settings);
}

fn spawn_settings(mut commands: Commands, game: Option<Res<GameContent>>) {
    let Some(game) = game else { return };
    let ui = &game.content.strings.ui;
    commands
        .spawn((
            Name::new("Settings overlay"),
            MenuRoot,
            DespawnOnExit(Menu::Settings),
            GlobalZIndex(100),
            Node {
                position_type: PositionType::Absolute,
                width: percent(100),
                height: percent(100),
                justify_content: JustifyContent::Center,
                align_items: AlignItems::Center,
                padding: UiRect::all(px(16)),
                ..default()
            },
            Surface::Backdrop,
            BackgroundColor::default(),
            // The backdrop takes clicks so nothing underneath can be pressed.
            Interaction::default(),
        ))
        .with_children(|o| {
            o.spawn(widgets::card("Settings panel"))
                .insert(Node {
                    width: percent(100),
                    max_width: px(440),
                    flex_direction: FlexDirection::Column,
                    padding: UiRect::all(px(20)),
                    row_gap: px(12),
                    border_radius: BorderRadius::all(px(18)),
                    ..default()
                })
                .with_children(|p| {
                    p.spawn(widgets::heading(ui.settings.clone()));
                    p.spawn(widgets::soft(ui.settings_intro.clone()));
                    p.spawn(widgets::button(
                        ui.start_again.clone(),
                        Action::StartAgain,
                        ButtonKind::Secondary,
                    ));
                    p.spawn(widgets::button(
                        ui.finish_and_clear.clone(),
                        Action::FinishAndClear,
                        ButtonKind::Secondary,
                    ));
                    p.spawn(widgets::button(
                        ui.close.clone(),
                        Action::CloseMenu,
                        ButtonKind::Primary,
                    ));
                });
        });
}
