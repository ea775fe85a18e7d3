//! Small animations: cards pop in, chart bars grow. Each runs for a fraction
//! of a second and asks for redraws only while it runs (the game is otherwise idle). With
//! reduced motion, everything jumps straight to its end.

use bevy::prelude::*;
use bevy::window::RequestRedraw;

use super::model::AppSystems;
use super::theme::motion::ENTRANCE;

/// True when the student (or their browser) asked for reduced motion.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Motion {
    pub reduced: bool,
}

/// Scales and slides a node in after `delay` seconds.
#[derive(Component, Debug, Clone, Copy)]
#[require(UiTransform = UiTransform::from_scale(Vec2::splat(0.92)))]
pub struct PopIn {
    delay: f32,
    elapsed: f32,
}

impl PopIn {
    pub fn new(delay: f32) -> Self {
        Self {
            delay,
            elapsed: 0.0,
        }
    }
}

/// Grows a node's width to `target` percent after `delay` seconds (chart bars).
#[derive(Component, Debug, Clone, Copy)]
pub struct Grow {
    target: f32,
    delay: f32,
    elapsed: f32,
}

impl Grow {
    pub fn to(target: f32, delay: f32) -> Self {
        Self {
            target,
            delay,
            elapsed: 0.0,
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Motion>()
        .add_systems(Update, (pop_in, grow).in_set(AppSystems::Present));
}

/// Eased progress from 0 to 1 of an animation that starts after `delay`.
fn progress(elapsed: f32, delay: f32) -> f32 {
    let t = ((elapsed - delay) / ENTRANCE).clamp(0.0, 1.0);
    1.0 - (1.0 - t).powi(3)
}

fn pop_in(
    mut commands: Commands,
    time: Res<Time>,
    motion: Res<Motion>,
    mut nodes: Query<(Entity, &mut PopIn, &mut UiTransform)>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    // A long idle gap before the first frame would skip the animation; cap the step.
    let dt = time.delta_secs().min(1.0 / 20.0);
    for (entity, mut pop, mut transform) in &mut nodes {
        pop.elapsed += dt;
        let t = if motion.reduced {
            1.0
        } else {
            progress(pop.elapsed, pop.delay)
        };
        transform.scale = Vec2::splat(0.92 + 0.08 * t);
        transform.translation = Val2::px(0.0, 14.0 * (1.0 - t));
        if t >= 1.0 {
            *transform = UiTransform::IDENTITY;
            commands.entity(entity).remove::<PopIn>();
        } else {
            redraw.write(RequestRedraw);
        }
    }
}

fn grow(
    mut commands: Commands,
    time: Res<Time>,
    motion: Res<Motion>,
    mut nodes: Query<(Entity, &mut Grow, &mut Node)>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    let dt = time.delta_secs().min(1.0 / 20.0);
    for (entity, mut g, mut node) in &mut nodes {
        g.elapsed += dt;
        let t = if motion.reduced {
            1.0
        } else {
            progress(g.elapsed, g.delay)
        };
        node.width = Val::Percent(g.target * t);
        if t >= 1.0 {
            commands.entity(entity).remove::<Grow>();
        } else {
            redraw.write(RequestRedraw);
        }
    }
}
