//! Keeps the student's answers on this device (browser storage on the web, a file on the
//! desktop) so they can come back later. Nothing is sent anywhere. A save that cannot be read
//! is dropped with a notice on the title screen, never a crash; a save from a newer version is
//! kept as it is; a device that will not keep anything (storage blocked or full) is noticed,
//! so the game can say that saving is off rather than claim the answers are kept.
//!
//! Versions: `Saved::version` is [`SAVE_VERSION`] when written. A save with a lower version
//! is read (fields added since take their defaults: see `Saved`); a save with a higher
//! version was written by a newer game and is neither read nor overwritten, so going back to
//! an older copy of the game never loses a student's answers. Bump the version when a field's
//! meaning changes, and read the old meaning in `session::restore_into`.

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use crate::content::Answers;

/// Bumped when the save format changes; older saves are read if possible, else dropped.
/// Version 2 added the shortlist and the roles marked "not for me" (empty in a version 1 save).
pub const SAVE_VERSION: u32 = 2;

/// What is kept between visits: the answers, where the student was, the jobs they kept and
/// the jobs they dropped. No name, no identity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    pub version: u32,
    pub answers: Answers,
    pub position: usize,
    pub finished: bool,
    #[serde(default)]
    pub shortlist: Vec<String>,
    #[serde(default)]
    pub not_for_me: Vec<String>,
}

/// Where saves go.
pub trait SaveBackend: Send + Sync + 'static {
    fn read(&self) -> Option<String>;
    /// Keeps the text; `false` when the device would not (storage blocked, full or gone).
    fn write(&mut self, text: &str) -> bool;
    fn clear(&mut self);
    /// Whether the device lets the game keep anything at all, asked once at the start.
    fn available(&self) -> bool {
        true
    }
}

/// Keeps the save in memory only (tests, and when the platform has no storage).
#[derive(Default)]
pub struct MemoryBackend(pub Option<String>);

impl SaveBackend for MemoryBackend {
    fn read(&self) -> Option<String> {
        self.0.clone()
    }
    fn write(&mut self, text: &str) -> bool {
        self.0 = Some(text.to_owned());
        true
    }
    fn clear(&mut self) {
        self.0 = None;
    }
}

/// The saved answers, and whether saving works on this device.
#[derive(Resource)]
pub struct SaveStore {
    backend: Box<dyn SaveBackend>,
    state: Saving,
}

/// Whether the answers are being kept on this device.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saving {
    On,
    /// The device will not keep anything (blocked or full): the answers last until the game
    /// is closed.
    Off,
    /// A newer version's save is here: it is kept as it is, so this game saves nothing over it.
    HeldForNewer,
}

impl SaveStore {
    pub fn new(backend: impl SaveBackend) -> Self {
        let state = if backend.available() {
            Saving::On
        } else {
            Saving::Off
        };
        Self {
            backend: Box::new(backend),
            state,
        }
    }

    pub fn save(&mut self, saved: &Saved) {
        if self.state != Saving::On {
            return;
        }
        if let Ok(text) = serde_json::to_string(saved)
            && !self.backend.write(&text)
        {
            log::warn!("this device would not keep the answers; saving is off");
            self.state = Saving::Off;
        }
    }

    pub fn clear(&mut self) {
        if self.state != Saving::HeldForNewer {
            self.backend.clear();
        }
    }

    pub fn raw(&self) -> Option<String> {
        self.backend.read()
    }

    pub fn saving(&self) -> Saving {
        self.state
    }

    /// Leaves a newer version's save alone for the rest of this visit.
    pub fn hold_for_newer(&mut self) {
        self.state = Saving::HeldForNewer;
    }
}

impl Default for SaveStore {
    fn default() -> Self {
        Self::new(platform_backend("save"))
    }
}

/// The platform's storage for one named slot ("save" for answers, "settings").
#[cfg(target_arch = "wasm32")]
pub(super) fn platform_backend(slot: &'static str) -> impl SaveBackend {
    LocalStorage(slot)
}

/// The platform's storage for one named slot ("save" for answers, "settings").
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn platform_backend(slot: &'static str) -> impl SaveBackend {
    FileBackend::in_data_dir(slot)
}

/// A save file in the user's data folder on the desktop.
#[cfg(not(target_arch = "wasm32"))]
pub struct FileBackend(Option<std::path::PathBuf>);

#[cfg(not(target_arch = "wasm32"))]
impl FileBackend {
    fn in_data_dir(slot: &str) -> Self {
        Self(data_dir().map(|d| d.join(format!("{slot}.json"))))
    }
}

/// The game's folder in the user's data folder on the desktop (`None` on the web).
pub fn data_dir() -> Option<std::path::PathBuf> {
    if cfg!(target_arch = "wasm32") {
        return None;
    }
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|h| std::path::PathBuf::from(h).join(".local/share"))
        })
        .or_else(|| std::env::var_os("APPDATA").map(std::path::PathBuf::from));
    base.map(|b| b.join("find-your-fit"))
}

#[cfg(not(target_arch = "wasm32"))]
impl SaveBackend for FileBackend {
    fn read(&self) -> Option<String> {
        std::fs::read_to_string(self.0.as_ref()?).ok()
    }
    fn write(&mut self, text: &str) -> bool {
        let Some(path) = &self.0 else { return false };
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        match std::fs::write(path, text) {
            Ok(()) => true,
            Err(e) => {
                log::warn!("could not save to {}: {e}", path.display());
                false
            }
        }
    }

    fn available(&self) -> bool {
        self.0.is_some()
    }
    fn clear(&mut self) {
        if let Some(path) = &self.0 {
            let _ = std::fs::remove_file(path);
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    // Tests insert their own store before adding the plugin.
    if !app.world().contains_resource::<SaveStore>() {
        app.init_resource::<SaveStore>();
    }
}

/// Keeps one slot ("save", "settings") in the browser's local storage: on this device only,
/// never sent anywhere.
#[cfg(target_arch = "wasm32")]
struct LocalStorage(pub &'static str);

#[cfg(target_arch = "wasm32")]
impl LocalStorage {
    fn key(&self) -> String {
        format!("find-your-fit.{}", self.0)
    }
}

#[cfg(target_arch = "wasm32")]
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

#[cfg(target_arch = "wasm32")]
impl SaveBackend for LocalStorage {
    fn read(&self) -> Option<String> {
        storage()?.get_item(&self.key()).ok().flatten()
    }
    fn write(&mut self, text: &str) -> bool {
        storage().is_some_and(|s| s.set_item(&self.key(), text).is_ok())
    }
    fn clear(&mut self) {
        if let Some(s) = storage() {
            let _ = s.remove_item(&self.key());
        }
    }
    /// Private windows and school policies can refuse storage outright, or let it be read
    /// but not written: only a real write and removal tells.
    fn available(&self) -> bool {
        let probe = "find-your-fit.probe";
        storage().is_some_and(|s| s.set_item(probe, "1").is_ok() && s.remove_item(probe).is_ok())
    }
}
