//! The Settings overlay, reachable from every screen through the top bar's Menu button: text
//! size, high contrast, the dyslexia-friendly font, less movement, read aloud and sounds, then
//! workshop mode, then the answers (start again, finish and clear). It covers the screen (and
//! is the only thing the DOM mirror shows while open); Escape or Close returns to the screen
//! underneath. The same overlay asks "Still there?" on an idle workshop computer.

use bevy::prelude::*;

use super::content::GameContent;
use super::model::{
    Action, Announce, DeviceMotion, DeviceVoice, Menu, MenuRoot, Settings, TextSize, Toggle,
};
use super::persistence::{SaveStore, Saving};
use super::screens::show_while;
use super::settings::SettingsStore;
use super::theme::widgets::Scrollable;
use super::theme::{ButtonKind, Surface, widgets};
use crate::content::{UiStrings, fill};

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Menu>();
    show_while::<_, MenuRoot, _, _>(app, Menu::Settings, spawn_settings, settings_changed);
    show_while::<_, MenuRoot, _, _>(app, Menu::StillThere, spawn_still_there, never);
}

/// "Still there?" shows nothing that changes while it is open.
fn never() -> bool {
    false
}

fn spawn_still_there(mut commands: Commands, game: Option<Res<GameContent>>) {
    let Some(game) = game else { return };
    let ui = &game.content.strings.ui;
    commands
        .spawn(overlay(Menu::StillThere))
        .with_children(|o| {
            o.spawn(widgets::card("Still there panel"))
                .insert(panel(TextSize::Standard))
                .with_children(|p| {
                    p.spawn((widgets::heading(ui.still_there.clone()), Announce));
                    p.spawn((widgets::body(ui.still_there_intro.clone()), Announce));
                    p.spawn(widgets::button(
                        ui.still_here.clone(),
                        Action::StillHere,
                        ButtonKind::Primary,
                    ));
                    p.spawn(widgets::button(
                        ui.finish_and_clear.clone(),
                        Action::FinishAndClear,
                        ButtonKind::Secondary,
                    ));
                });
        });
}

/// The settings (or what the device can do) changed while the menu is open: it is rebuilt to
/// show them.
fn settings_changed(settings: Res<Settings>, voice: Res<DeviceVoice>) -> bool {
    (settings.is_changed() && !settings.is_added()) || (voice.is_changed() && !voice.is_added())
}

fn spawn_settings(
    mut commands: Commands,
    game: Option<Res<GameContent>>,
    settings: Res<Settings>,
    device: Res<DeviceMotion>,
    voice: Res<DeviceVoice>,
    store: Res<SettingsStore>,
    answers: Res<SaveStore>,
) {
    let Some(game) = game else { return };
    let ui = &game.content.strings.ui;
    // Only say the choices stay on this device when it keeps them (one refused write, of the
    // settings or of the answers, says it does not).
    let intro = if store.saving() && answers.saving() != Saving::Off {
        &ui.settings_intro
    } else {
        &ui.settings_intro_unsaved
    };
    commands.spawn(overlay(Menu::Settings)).with_children(|o| {
        o.spawn(widgets::card("Settings panel"))
            .insert(panel(settings.text_size))
            .with_children(|p| {
                p.spawn(widgets::heading(ui.settings.clone()));
                p.spawn(widgets::soft(intro.clone()));
                text_sizes(p, ui, settings.text_size);
                for (toggle, label) in [
                    (Toggle::HighContrast, &ui.settings_high_contrast),
                    (Toggle::ReadingFont, &ui.settings_reading_font),
                    (Toggle::ReduceMotion, &ui.settings_reduce_motion),
                    (Toggle::ReadAloud, &ui.settings_read_aloud),
                    (Toggle::Sound, &ui.settings_sound),
                    (Toggle::Workshop, &ui.settings_workshop),
                ] {
                    p.spawn(widgets::choice(
                        label.clone(),
                        Action::ToggleSetting(toggle),
                        settings.is_on(toggle, *device),
                        widgets::button_node(),
                    ));
                    if toggle == Toggle::ReadAloud && voice.0 == Some(false) {
                        p.spawn(widgets::soft(ui.read_aloud_no_voice.clone()));
                    }
                }
                p.spawn(widgets::subheading(ui.settings_answers.clone()));
                for (label, action, kind) in [
                    (&ui.start_again, Action::StartAgain, ButtonKind::Secondary),
                    (
                        &ui.finish_and_clear,
                        Action::FinishAndClear,
                        ButtonKind::Secondary,
                    ),
                    (&ui.close, Action::CloseMenu, ButtonKind::Primary),
                ] {
                    p.spawn(widgets::button(label.clone(), action, kind));
                }
            });
    });
}

/// The backdrop over the whole screen. It takes clicks so nothing underneath can be pressed.
fn overlay(menu: Menu) -> impl Bundle {
    (
        Name::new("Overlay"),
        MenuRoot,
        DespawnOnExit(menu),
        GlobalZIndex(100),
        Node {
            position_type: PositionType::Absolute,
            width: percent(100),
            height: percent(100),
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            padding: UiRect::all(px(12)),
            ..default()
        },
        Surface::Backdrop,
        BackgroundColor::default(),
        Interaction::default(),
    )
}

/// The panel scrolls: at 200 % text it is taller than a small screen. It is wider with larger
/// text, so the words still fit on each button.
fn panel(size: TextSize) -> impl Bundle {
    (
        Node {
            width: percent(100),
            max_width: px(PANEL_WIDTH * size.percent() as f32 / 100.0),
            max_height: percent(100),
            flex_direction: FlexDirection::Column,
            padding: UiRect::all(px(20)),
            row_gap: px(12),
            border_radius: BorderRadius::all(px(18)),
            overflow: Overflow::scroll_y(),
            ..default()
        },
        Scrollable,
        ScrollPosition::default(),
    )
}

/// The settings panel's width at standard text size, in pixels.
const PANEL_WIDTH: f32 = 480.0;

fn text_sizes(panel: &mut ChildSpawnerCommands, ui: &UiStrings, current: TextSize) {
    panel.spawn(widgets::subheading(ui.settings_text_size.clone()));
    panel
        .spawn(widgets::group(ui.settings_text_size.clone()))
        .with_children(|row| {
            for size in TextSize::ALL {
                row.spawn(widgets::choice(
                    fill(&ui.percent, &[("percent", &size.percent().to_string())]),
                    Action::SetTextSize(size),
                    current == size,
                    widgets::button_node(),
                ));
            }
        });
}
