//! Keeps the student's answers on this device (browser storage on the web, a file on the
//! desktop) so they can come back later. Nothing is sent anywhere. A save that cannot be read
//! is dropped with a notice on the title screen, never a crash.

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
    fn write(&mut self, text: &str);
    fn clear(&mut self);
}

/// Keeps the save in memory only (tests, and when the platform has no storage).
#[derive(Default)]
pub struct MemoryBackend(pub Option<String>);

impl SaveBackend for MemoryBackend {
    fn read(&self) -> Option<String> {
        self.0.clone()
    }
    fn write(&mut self, text: &str) {
        self.0 = Some(text.to_owned());
    }
    fn clear(&mut self) {
        self.0 = None;
    }
}

#[derive(Resource)]
pub struct SaveStore(Box<dyn SaveBackend>);

impl SaveStore {
    pub fn new(backend: impl SaveBackend) -> Self {
        Self(Box::new(backend))
    }

    pub fn save(&mut self, saved: &Saved) {
        if let Ok(text) = serde_json::to_string(saved) {
            self.0.write(&text);
        }
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    pub fn raw(&self) -> Option<String> {
        self.0.read()
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
    fn write(&mut self, text: &str) {
        if let Some(path) = &self.0 {
            if let Some(dir) = path.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            if let Err(e) = std::fs::write(path, text) {
                log::warn!("could not save answers to {}: {e}", path.display());
            }
        }
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
    fn write(&mut self, text: &str) {
        if let Some(s) = storage() {
            let _ = s.set_item(&self.key(), text);
        }
    }
    fn clear(&mut self) {
        if let Some(s) = storage() {
            let _ = s.remove_item(&self.key());
        }
    }
}
