//! How things move, as named values: how long an entrance takes and how far apart the
//! entrances of a screen's parts start. "Less movement" turns the movement off (in `anim`);
//! a calmer or livelier theme changes these numbers.

/// Seconds an entrance (a card popping in, a bar growing) takes.
pub const ENTRANCE: f32 = 0.28;

/// Seconds between one part of a screen starting to appear and the next.
pub const STEP: f32 = 0.04;

/// Seconds between one match card's reveal and the next on the results.
pub const REVEAL_STEP: f32 = 0.12;

/// The delay before the part that appears `steps` steps after the screen opens.
pub fn after(steps: usize) -> f32 {
    STEP * steps as f32
}
