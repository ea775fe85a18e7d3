//! The student's settings: text size, high contrast, the dyslexia-friendly font, reduced
//! motion, read aloud and sound. They are kept on this device apart from the answers (so
//! "Finish and clear my answers" leaves a student's reading needs in place), applied the
//! moment they change, and turned into the theme's values here: the rem size, the palette, the
//! fonts and the motion switch.

use bevy::prelude::*;

use super::anim::Motion;
use super::model::{Act, Action, AppSystems, DeviceMotion, ReadAgainButton, Settings};
use super::persistence::{SaveBackend, platform_backend};
use super::theme::{FontFamilies, Fonts, Palette};

/// Where settings are kept: their own slot, apart from the answers.
#[derive(Resource)]
pub struct SettingsStore(Box<dyn SaveBackend>);

impl SettingsStore {
    pub fn new(backend: impl SaveBackend) -> Self {
        Self(Box::new(backend))
    }

    /// The stored text, as kept.
    pub fn raw(&self) -> Option<String> {
        self.0.read()
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

/// Reads the saved settings; anything unreadable gives the defaults (and is not kept).
fn restore(store: &mut SettingsStore) -> Settings {
    match store.0.read() {
        None => Settings::default(),
        Some(raw) => serde_json::from_str(&raw).unwrap_or_else(|e| {
            log::warn!("the saved settings could not be read ({e}); using the standard ones");
            store.0.clear();
            Settings::default()
        }),
    }
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
    if changed && let Ok(text) = serde_json::to_string(&*settings) {
        store.0.write(&text);
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
