//! Scrolling for long screens: the mouse wheel or a touch drag scrolls the scrollable column
//! under the pointer, and keyboard focus always scrolls the focused control into view.

use bevy::input::mouse::{MouseScrollUnit, MouseWheel};
use bevy::input::touch::{TouchInput, TouchPhase};
use bevy::prelude::*;
use bevy::window::PrimaryWindow;

use super::model::{AppSystems, Focused};
use super::theme::widgets::Scrollable;

/// Pixels one wheel "line" scrolls.
const LINE: f32 = 40.0;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (wheel_and_touch, scroll_focus_into_view).in_set(AppSystems::Present),
    );
}

/// Is this logical-pixel point inside the node?
fn contains(node: &ComputedNode, transform: &UiGlobalTransform, point: Vec2) -> bool {
    let scale = node.inverse_scale_factor();
    let center = transform.translation * scale;
    let half = node.size() * scale / 2.0;
    (point - center).abs().cmple(half).all()
}

fn wheel_and_touch(
    mut wheel: MessageReader<MouseWheel>,
    mut touches: MessageReader<TouchInput>,
    mut last_touch: Local<Option<Vec2>>,
    windows: Query<&Window, With<PrimaryWindow>>,
    mut scrollables: Query<
        (&mut ScrollPosition, &ComputedNode, &UiGlobalTransform),
        With<Scrollable>,
    >,
) {
    let cursor = windows.single().ok().and_then(Window::cursor_position);
    let mut deltas: Vec<(Vec2, f32)> = Vec::new();
    for w in wheel.read() {
        let dy = match w.unit {
            MouseScrollUnit::Line => w.y * LINE,
            MouseScrollUnit::Pixel => w.y,
        };
        if let Some(at) = cursor {
            deltas.push((at, -dy));
        }
    }
    for t in touches.read() {
        match t.phase {
            TouchPhase::Started => *last_touch = Some(t.position),
            TouchPhase::Moved => {
                if let Some(prev) = *last_touch {
                    deltas.push((t.position, prev.y - t.position.y));
                }
                *last_touch = Some(t.position);
            }
            TouchPhase::Ended | TouchPhase::Canceled => *last_touch = None,
        }
    }
    for (at, dy) in deltas {
        for (mut pos, node, transform) in &mut scrollables {
            if contains(node, transform, at) {
                let max =
                    (node.content_size().y - node.size().y).max(0.0) * node.inverse_scale_factor();
                pos.y = (pos.y + dy).clamp(0.0, max);
            }
        }
    }
}

fn scroll_focus_into_view(
    focused: Res<Focused>,
    nodes: Query<(&ComputedNode, &UiGlobalTransform)>,
    parents: Query<&ChildOf>,
    mut scrollables: Query<
        (&mut ScrollPosition, &ComputedNode, &UiGlobalTransform),
        With<Scrollable>,
    >,
) {
    if !focused.is_changed() {
        return;
    }
    let Some(target) = focused.0 else { return };
    let Ok((node, transform)) = nodes.get(target) else {
        return;
    };
    let scale = node.inverse_scale_factor();
    let (top, bottom) = {
        let c = transform.translation.y * scale;
        let h = node.size().y * scale / 2.0;
        (c - h, c + h)
    };
    for ancestor in parents.iter_ancestors(target) {
        if let Ok((mut pos, area, area_transform)) = scrollables.get_mut(ancestor) {
            let s = area.inverse_scale_factor();
            let c = area_transform.translation.y * s;
            let h = area.size().y * s / 2.0;
            let (view_top, view_bottom) = (c - h, c + h);
            let margin = 12.0;
            if top < view_top {
                pos.y = (pos.y - (view_top - top) - margin).max(0.0);
            } else if bottom > view_bottom {
                pos.y += bottom - view_bottom + margin;
            }
            break;
        }
    }
}
