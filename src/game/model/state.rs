//! Where the student is: the `Screen` state, the `Menu` overlay state over it, the markers on
//! their root entities, and the order systems run in each frame.

use bevy::prelude::*;

/// The order systems run in within `Update`, set once here.
#[derive(SystemSet, Debug, Clone, Copy, Eq, PartialEq, Hash, PartialOrd, Ord)]
pub enum AppSystems {
    /// Turn pointer, keyboard and DOM input into `Activate` and `Act` messages.
    RecordInput,
    /// Apply actions to the session and the screen state.
    Update,
    /// Rebuild the screen when what it shows has changed.
    Rebuild,
    /// Restyle, animate and mirror to the DOM.
    Present,
}

/// Leaving the loading screen, in `PreUpdate` so the state changes before the frame's
/// transition: the saved session (or a shared link) is read first, then the next screen
/// chosen.
#[derive(SystemSet, Debug, Clone, Copy, Eq, PartialEq, Hash, PartialOrd, Ord)]
pub enum LoadingSystems {
    /// Read the save or the shared link into the session.
    Restore,
    /// Choose the title, the shared strengths or the error screen.
    Leave,
}

/// The screen on display; every screen's root is despawned when it is left.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    #[default]
    Loading,
    Error,
    Title,
    Intro,
    Quiz,
    Strengths,
    Results,
    RoleDetail,
    Explore,
    /// Up to three kept roles side by side.
    Compare,
    /// The share link, its QR code and printing; "Before you go" in workshop mode.
    Share,
}

/// The "Read it again" button, shown only while read aloud is on.
#[derive(Component, Debug, Default)]
#[require(Visibility = Visibility::Hidden)]
pub struct ReadAgainButton;

/// Marks the root entity of the screen on display.
#[derive(Component, Debug, Default)]
pub struct ScreenRoot;

/// Set when the open screen must be rebuilt from the session.
#[derive(Resource, Debug, Default)]
pub struct Dirty(pub bool);

/// The overlay over the screen: closed, the Settings menu, or (in workshop mode, after a
/// long idle time) "Still there?". Modal while open.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Menu {
    #[default]
    Closed,
    Settings,
    StillThere,
}

/// Marks the overlay's root.
#[derive(Component, Debug, Default)]
pub struct MenuRoot;
