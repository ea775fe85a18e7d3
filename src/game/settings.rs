//! The student's settings: text size, high contrast, the dyslexia-friendly font, reduced
//! motion, read aloud and sound. They are kept on this device apart from the answers (so
//! "Finish and clear my answers" leaves a student's reading needs in place), applied the
//! moment they change, and turned into the theme's values here: the rem size, the palette, the
//! fonts and the motion switch.
//!
//! Versions: the saved copy carries `version` ([`SETTINGS_VERSION`]). Settings are read field
//! by field, whatever the version: a field that is missing or cannot be read takes its
//! default and the others are kept, and fields this version does not know (from a newer one)
//! are written back unchanged. Bump the version only when a field's meaning changes, and read
//! the old meaning in `restore`.

use bevy::prelude::*;

use super::anim::Motion;
use super::model::{Act, Action, AppSystems, DeviceMotion, DeviceVoice, ReadAgainButton, Settings};
use super::persistence::{SaveBackend, platform_backend};
use super::theme::{FontFamilies, Fonts, Palette};

/// The settings format written by this version.
pub const SETTINGS_VERSION: u64 = 1;

/// Where settings are kept: their own slot, apart from the answers.
#[derive(Resource)]
pub struct SettingsStore {
    backend: Box<dyn SaveBackend>,
    /// The saved copy's fields, including any this version does not know, written back with
    /// the student's changes.
    kept: serde_json::Map<String, serde_json::Value>,
    saving: bool,
}

impl SettingsStore {
    pub fn new(backend: impl SaveBackend) -> Self {
        let saving = backend.available();
        Self {
            backend: Box::new(backend),
            kept: serde_json::Map::new(),
            saving,
        }
    }

    /// The stored text, as kept.
    pub fn raw(&self) -> Option<String> {
        self.backend.read()
    }

    /// Whether this device keeps the settings between visits.
    pub fn saving(&self) -> bool {
        self.saving
    }

    fn write(&mut self, settings: &Settings) {
        let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(settings) else {
            return;
        };
        self.kept.extend(fields);
        let newest = self.kept.get("version").and_then(serde_json::Value::as_u64);
        self.kept.insert(
            "version".into(),
            newest.unwrap_or(0).max(SETTINGS_VERSION).into(),
        );
        let text = serde_json::Value::Object(self.kept.clone()).to_string();
        if !self.backend.write(&text) {
            self.saving = false;
        }
    }
}

impl Default for SettingsStore {
    fn default() -> Self {
        Self::new(platform_backend("settings"))
    }
}

/// The rem size at 100 %: Bevy's default.
const BASE_REM: f32 = 20.0;

pub(super) fn plugin(app: &mut App) {
    // Tests insert their own store before adding the plugin.
    if !app.world().contains_resource::<SettingsStore>() {
        app.init_resource::<SettingsStore>();
    }
    app.init_resource::<DeviceMotion>();
    app.init_resource::<DeviceVoice>();
    let settings = restore(app.world_mut().resource_mut::<SettingsStore>().as_mut());
    app.insert_resource(settings)
        .add_systems(Update, change_settings.in_set(AppSystems::Update))
        .add_systems(Update, show_read_again.in_set(AppSystems::Present))
        .add_systems(
            Update,
            apply_settings
                .in_set(AppSystems::Present)
                .before(super::theme::StyleSystems),
        );
}

/// Reads the saved settings field by field: one that cannot be read takes its default and
/// the rest are kept. A copy that is not a JSON object at all gives the defaults (and is
/// removed).
fn restore(store: &mut SettingsStore) -> Settings {
    let Some(raw) = store.backend.read() else {
        return Settings::default();
    };
    let fields = match serde_json::from_str::<serde_json::Value>(&raw) {
        Ok(serde_json::Value::Object(fields)) => fields,
        _ => {
            log::warn!("the saved settings could not be read; using the standard ones");
            store.backend.clear();
            return Settings::default();
        }
    };
    let (settings, unreadable) = Settings::from_fields(&fields);
    if !unreadable.is_empty() {
        log::warn!("saved settings not read, standard ones used: {unreadable:?}");
    }
    store.kept = fields;
    settings
}

fn change_settings(
    mut acts: MessageReader<Act>,
    mut settings: ResMut<Settings>,
    device: Res<DeviceMotion>,
    mut store: ResMut<SettingsStore>,
) {
    let mut changed = false;
    for Act(action) in acts.read() {
        match action {
            Action::SetTextSize(size) => {
                settings.text_size = *size;
                changed = true;
            }
            Action::ToggleSetting(toggle) => {
                settings.flip(*toggle, *device);
                changed = true;
            }
            _ => {}
        }
    }
    if changed {
        store.write(&settings);
    }
}

/// "Read it again" is only there while read aloud is on: out of the layout (and so out of the
/// mirror) otherwise, so it takes no room on a phone.
fn show_read_again(settings: Res<Settings>, mut buttons: Query<&mut Node, With<ReadAgainButton>>) {
    let display = if settings.read_aloud {
        Display::Flex
    } else {
        Display::None
    };
    for mut node in &mut buttons {
        if node.display != display {
            node.display = display;
        }
    }
}

/// Turns the settings into the theme's values whenever they (or the device) change.
fn apply_settings(
    settings: Res<Settings>,
    device: Res<DeviceMotion>,
    mut families: ResMut<FontFamilies>,
    server: Option<Res<AssetServer>>,
    // Absent in windowless tests without the text plugin.
    rem: Option<ResMut<bevy::text::RemSize>>,
    mut palette: ResMut<Palette>,
    mut fonts: ResMut<Fonts>,
    mut motion: ResMut<Motion>,
) {
    if !settings.is_changed() && !device.is_changed() && !families.is_changed() {
        return;
    }
    let size = BASE_REM * settings.text_size.percent() as f32 / 100.0;
    if let Some(mut rem) = rem
        && rem.0 != size
    {
        rem.0 = size;
    }
    palette.set_if_neq(if settings.high_contrast {
        Palette::HIGH_CONTRAST
    } else {
        Palette::STANDARD
    });
    if settings.reading_font
        && let Some(server) = &server
    {
        families.load_reading(server);
    }
    let family = if settings.reading_font {
        &families.reading
    } else {
        &families.standard
    };
    if fonts.regular != family.regular || fonts.bold != family.bold {
        *fonts = family.clone();
    }
    motion.set_if_neq(Motion {
        reduced: settings.motion_reduced(*device),
    });
}
