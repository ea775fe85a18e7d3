//! The student's settings as data: text size, the on/off settings and the device's own
//! motion preference. Keeping, applying and showing them happen in the layers above.

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

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
    Workshop,
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
    /// A shared computer in a workshop: no carrying on with the last student's answers,
    /// "Before you go" at the end, and clearing after a long idle time.
    pub workshop: bool,
}

impl Settings {
    /// Reads each known field on its own: the settings, and the names of the fields that
    /// were there but could not be read (they keep their defaults). Fields it does not know
    /// are passed over.
    pub fn from_fields(
        fields: &serde_json::Map<String, serde_json::Value>,
    ) -> (Settings, Vec<String>) {
        let mut settings = Settings::default();
        let mut unreadable = Vec::new();
        let Ok(serde_json::Value::Object(known)) = serde_json::to_value(settings) else {
            return (settings, unreadable);
        };
        for (name, value) in fields.iter().filter(|(name, _)| known.contains_key(*name)) {
            // Tried on top of what has been read so far: one field at a time.
            let Ok(serde_json::Value::Object(mut trial)) = serde_json::to_value(settings) else {
                continue;
            };
            trial.insert(name.clone(), value.clone());
            match serde_json::from_value(serde_json::Value::Object(trial)) {
                Ok(read) => settings = read,
                Err(_) => unreadable.push(name.clone()),
            }
        }
        (settings, unreadable)
    }

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
            Toggle::Workshop => self.workshop,
        }
    }

    pub fn flip(&mut self, toggle: Toggle, device: DeviceMotion) {
        let on = !self.is_on(toggle, device);
        match toggle {
            Toggle::HighContrast => self.high_contrast = on,
            Toggle::ReadingFont => self.reading_font = on,
            Toggle::ReduceMotion => self.reduce_motion = Some(on),
            Toggle::ReadAloud => self.read_aloud = on,
            Toggle::Sound => self.sound = on,
            Toggle::Workshop => self.workshop = on,
        }
    }
}

/// The device's own preference for reduced motion (the browser's `prefers-reduced-motion`).
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DeviceMotion {
    pub reduced: bool,
}

/// Whether the device has a voice of its own to read aloud with (`None` until the page says;
/// always `None` off the web). Read aloud never uses a voice in the cloud: it would send the
/// student's words away.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DeviceVoice(pub Option<bool>);
