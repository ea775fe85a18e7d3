//! The game's model: states, the action vocabulary and its messages, focus and selection,
//! accessible descriptions, settings values, root markers and what the game was opened with. No systems live here. Every
//! other part of the game depends on this layer; it depends on nothing else in the game.

mod access;
mod action;
mod link;
mod prefs;
mod state;

pub use access::{AccessRole, Accessible, Announce, ReadAloud};
pub use action::{
    Act, Action, Activate, FilterKind, FocusOrder, FocusOwner, Focused, InputSystems, Selected,
};
pub use link::{IdleLimits, IncomingLink, ShareBase, WorkshopQuery};
pub use prefs::{DeviceMotion, DeviceVoice, Settings, TextSize, Toggle};
pub use state::{
    AppSystems, Dirty, LoadingSystems, Menu, MenuRoot, ReadAgainButton, Screen, ScreenRoot,
};
