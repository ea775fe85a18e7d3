//! Asks for one more frame when this one left work for the next. The game updates only on
//! input or a redraw request, and a state change (a screen, the menu) is applied at the start
//! of the frame after the one that asked for it: without a request, a pressed Close would wait
//! for the next mouse move or key (on the web, up to a minute with the page focused).

use super::model::{Menu, Screen};
use bevy::prelude::*;
use bevy::state::state::FreelyMutableState;
use bevy::window::RequestRedraw;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Last,
        (
            request_frame_for_state_change::<Screen>,
            request_frame_for_state_change::<Menu>,
        ),
    );
}

fn request_frame_for_state_change<S: FreelyMutableState>(
    next: Res<NextState<S>>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    if !matches!(*next, NextState::Unchanged) {
        redraw.write(RequestRedraw);
    }
}
