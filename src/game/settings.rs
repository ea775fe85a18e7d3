//! The student's settings: text size, high contrast, the dyslexia-friendly font, reduced
//! motion, read aloud and sound. They are kept on this device apart from the answers (so
//! "Finish and clear my answers" leaves a student's reading needs in place), applied the
//! moment they change, and turned into the theme's values here: the rem size, the palette, the
//! fonts and the motion switch.

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::AppSystems;
use super::actions::Act;
use super::actions::Action;
use super::anim::Motion;
use super::persistence::{SaveBackend, platform_backend};
use super::screens::ReadAgainButton;
use super::theme::{FontFamilies, Fonts, Palette};

/// How big text is, as a share of the standard size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextSize {
    #[default]
    Standard,
    Large,
    Larger,
    Largest,
}

impl TextSize {
    pub const ALL: [TextSize; 4] = [
        TextSize::Standard,
        TextSize::Large,
        TextSize::Larger,
        TextSize::Largest,
    ];

    pub fn percent(self) -> u32 {
        match self {
            TextSize::Standard => 100,
            TextSize::Large => 125,
            TextSize::Larger => 150,
            TextSize::Largest => 200,
        }
    }
}

/// The on/off settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Toggle {
    HighContrast,
    ReadingFont,
    ReduceMotion,
    ReadAloud,
    Sound,
}

/// What the student chose. Unknown or missing fields in a saved copy take their defaults, so
/// an old or damaged save never loses the rest.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub text_size: TextSize,
    pub high_contrast: bool,
    /// The dyslexia-friendly font (OpenDyslexic) instead of the standard one.
    pub reading_font: bool,
    /// `None` follows the device's "reduce motion" setting.
    pub reduce_motion: Option<bool>,
    pub read_aloud: bool,
    /// Off by default: a classroom of laptops beeping helps nobody.
    pub sound: bool,
}

impl Settings {
    /// Whether motion is reduced, given what the device asks for.
    pub fn motion_reduced(&self, device: DeviceMotion) -> bool {
        self.reduce_motion.unwrap_or(device.reduced)
    }

    pub fn is_on(&self, toggle: Toggle, device: DeviceMotion) -> bool {
        match toggle {
            Toggle::HighContrast => self.high_contrast,
            Toggle::ReadingFont => self.reading_font,
            Toggle::ReduceMotion => self.motion_reduced(device),
            Toggle::ReadAloud => self.read_aloud,
            Toggle::Sound => self.sound,
        }
    }

    fn flip(&mut self, toggle: Toggle, device: DeviceMotion) {
        let on = !self.is_on(toggle, device);
        match toggle {
            Toggle::HighContrast => self.high_contrast = on,
            Toggle::ReadingFont => self.reading_font = on,
            Toggle::ReduceMotion => self.reduce_motion = Some(on),
            Toggle::ReadAloud => self.read_aloud = on,
            Toggle::Sound => self.sound = on,
        }
    }
}

/// The device's own preference for reduced motion (the browser's `prefers-reduced-motion`).
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DeviceMotion {
    pub reduced: bool,
}

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
            warn!("the saved settings could not be read ({e}); using the standard ones");
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
    families: Res<FontFamilies>,
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
