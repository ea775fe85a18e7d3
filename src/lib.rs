//! Find Your Fit: the careers game's domain, in plain Rust with no game engine, so the game,
//! the tests, the benchmarks and the content check all share it.
//!
//! - [`content`]: the JSON content (taxonomy, role catalogue, quiz, strings), loaded and checked.
//! - [`matching`]: answers → profile → explained, ranked matches and strengths.
//! - [`share`]: answers and picked jobs as a short share code for links and QR codes, and back.
//! - [`summary`]: the printable careers profile.
//! - [`fairness`]: a simulation of many students that shows every role can be reached.
//! - `game` (feature `game`, on by default): the Bevy game around them.

pub mod content;
pub mod fairness;
#[cfg(feature = "game")]
pub mod game;
pub mod matching;
pub mod share;
pub mod summary;
