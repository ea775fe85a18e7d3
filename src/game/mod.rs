//! The game around the engine: screens, theme, input, the accessible DOM mirror and saving.
//! [`plugin`] is the whole game without a window, so headless tests can drive it;
//! [`run`] adds the window, renderer and asset loading.
//!
//! The modules form layers; each uses only those below it (and the engine in
//! `crate::content` and `crate::matching`):
//!
//! ```text
//!   screens · menu · settings · web/platform  what the student sees and the page around it
//!   sharing · workshop                        links, printing, the shared-computer mode
//!   session                                   answers, place, filters; applies actions
//!   a11y · actions (input) · scroll · frames   mirror for the page, keyboard and pointer
//!   theme · anim · content · persistence       look, movement, loaded content, storage
//!   model                                     states, actions, focus, settings values
//! ```
//!
//! A new screen needs a variant in [`Screen`] (`model/state.rs`), one file in `screens/` whose
//! plugin is `show_screen(app, Screen::New, spawn_new)` and whose spawn system composes
//! `root`, `top_bar`, `back_footer` and theme widgets, and its `mod` and plugin lines in
//! `screens/mod.rs`.

mod a11y;
mod actions;
mod anim;
mod content;
#[cfg(feature = "dev")]
mod dev;
mod frames;
mod menu;
mod model;
mod persistence;
mod platform;
mod screens;
mod scroll;
mod session;
mod settings;
mod sharing;
mod theme;
#[cfg(target_arch = "wasm32")]
mod web;
mod workshop;

use bevy::prelude::*;
use model::LoadingSystems;

pub use a11y::{DomNode, DomSnapshot};
pub use anim::Motion;
pub use content::{ContentFailed, GameContent, PageFiles, sources_from_page};
pub use model::{
    AccessRole, Accessible, Act, Action, Activate, AppSystems, DeviceMotion, DeviceVoice, Focused,
    IdleLimits, IncomingLink, Menu, Screen, Settings, ShareBase, TextSize, Toggle, WorkshopQuery,
};
pub use persistence::{MemoryBackend, SaveBackend, SaveStore, Saved, Saving};
pub use session::{ExploreFilters, Session, SharedView};
pub use settings::{SETTINGS_VERSION, SettingsStore};
pub use sharing::{ProfileDir, ShareRequest, link_for};
pub use theme::Palette;

/// Everything but the platform: states, screens, session, theme, input and the DOM mirror.
pub fn plugin(app: &mut App) {
    // Animations, the frame keeper and the page all ask for frames. The window registers the
    // message too; headless tests have no window, so it is registered here, once.
    app.add_message::<bevy::window::RequestRedraw>();
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
    app.configure_sets(
        PreUpdate,
        (LoadingSystems::Restore, LoadingSystems::Leave).chain(),
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
        sharing::plugin,
        workshop::plugin,
    ));
    #[cfg(feature = "dev")]
    app.add_plugins(dev::plugin);
}

/// Runs the game in a desktop window, or in the page's canvas on the web.
pub fn run() -> AppExit {
    App::new().add_plugins((platform::plugin, plugin)).run()
}
