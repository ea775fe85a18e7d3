//! The game around the engine: screens, theme, input, the accessible DOM mirror and saving.
//! [`plugin`] is the whole game without a window, so headless tests can drive it;
//! [`run`] adds the window, renderer and asset loading.

mod a11y;
mod actions;
mod anim;
mod content;
#[cfg(feature = "dev")]
mod dev;
mod frames;
mod menu;
mod persistence;
mod platform;
mod screens;
mod scroll;
mod session;
mod settings;
mod theme;
#[cfg(target_arch = "wasm32")]
mod web;

use bevy::prelude::*;

pub use a11y::{AccessRole, Accessible, DomNode, DomSnapshot};
pub use actions::{Act, Action, Activate, Focused};
pub use anim::Motion;
pub use content::{ContentFailed, GameContent};
pub use menu::Menu;
pub use persistence::{MemoryBackend, SaveBackend, SaveStore, Saved};
pub use screens::Screen;
pub use session::{ExploreFilters, Session};
pub use settings::{DeviceMotion, Settings, SettingsStore, TextSize, Toggle};
pub use theme::Palette;

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

/// Everything but the platform: states, screens, session, theme, input and the DOM mirror.
pub fn plugin(app: &mut App) {
    app.configure_sets(
        Update,
        (
            AppSystems::RecordInput,
            AppSystems::Update,
            AppSystems::Rebuild,
            AppSystems::Present,
        )
            .chain(),
    );
    app.add_plugins((
        content::plugin,
        persistence::plugin,
        session::plugin,
        theme::plugin,
        actions::plugin,
        screens::plugin,
        menu::plugin,
        anim::plugin,
        frames::plugin,
        a11y::plugin,
        scroll::plugin,
        settings::plugin,
    ));
    #[cfg(feature = "dev")]
    app.add_plugins(dev::plugin);
}

/// Runs the game in a desktop window, or in the page's canvas on the web.
pub fn run() -> AppExit {
    App::new().add_plugins((platform::plugin, plugin)).run()
}
