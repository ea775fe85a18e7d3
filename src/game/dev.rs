//! Development conveniences, only with the `dev` feature (never in a web release): F1 toggles
//! Bevy's UI debug outlines, and screen and menu transitions are logged to the console.

use super::model::{Menu, Screen};
use bevy::prelude::*;
use bevy::ui_render::GlobalUiDebugOptions;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (
            log_transitions::<Screen>,
            log_transitions::<Menu>,
            toggle_ui_outlines.run_if(resource_exists::<GlobalUiDebugOptions>),
        ),
    );
}

fn log_transitions<S: States>(mut transitions: MessageReader<StateTransitionEvent<S>>) {
    for t in transitions.read() {
        log::info!(
            "{} transition: {:?} => {:?}",
            std::any::type_name::<S>(),
            t.exited,
            t.entered
        );
    }
}

fn toggle_ui_outlines(keys: Res<ButtonInput<KeyCode>>, mut options: ResMut<GlobalUiDebugOptions>) {
    if keys.just_pressed(KeyCode::F1) {
        options.enabled = !options.enabled;
        log::info!(
            "UI debug outlines {}",
            if options.enabled { "on" } else { "off" }
        );
    }
}
