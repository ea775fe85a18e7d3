//! The game's model: states, the action vocabulary and its messages, focus and selection,
//! accessible descriptions, settings values and root markers. No systems live here. Every
//! other part of the game depends on this layer; it depends on nothing else in the game.

mod access;
mod action;
mod prefs;
mod state;

pub use access::{AccessRole, Accessible, Announce, ReadAloud};
pub use action::{
    Act, Action, Activate, FilterKind, FocusOrder, FocusOwner, Focused, InputSystems, Selected,
};
pub use prefs::{DeviceMotion, Settings, TextSize, Toggle};
pub use state::{AppSystems, Dirty, Menu, MenuRoot, ReadAgainButton, Screen, ScreenRoot};
