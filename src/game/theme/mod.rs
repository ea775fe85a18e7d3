//! The look of the game in one place: named palette colours, text roles sized in `rem`,
//! widget functions that return bundles, and the systems that apply colours and fonts.
//! A high-contrast or large-text theme is a change of values here, not a hunt through screens.

pub mod motion;
pub mod palette;
mod style;
pub mod widgets;

use bevy::prelude::*;

pub use palette::Palette;
pub use style::{ButtonKind, StyleSystems, Surface, TextRole};

/// The fonts the game's text is drawn in now (one of the [`FontFamilies`]).
#[derive(Resource, Clone, Default)]
pub struct Fonts {
    pub regular: Handle<Font>,
    pub bold: Handle<Font>,
}

/// The font families a student can choose between in Settings.
#[derive(Resource, Clone, Default)]
pub struct FontFamilies {
    /// Fit Reading (a subset of Andika): clear letter shapes for early readers.
    pub standard: Fonts,
    /// OpenDyslexic: the dyslexia-friendly option.
    pub reading: Fonts,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Fonts>()
        .init_resource::<FontFamilies>()
        .insert_resource(Palette::STANDARD);
    if app.world().contains_resource::<AssetServer>() {
        app.add_systems(Startup, load_fonts);
    }
    app.add_plugins(style::plugin);
}

fn load_fonts(mut fonts: ResMut<Assets<Font>>, mut families: ResMut<FontFamilies>) {
    *families = FontFamilies {
        // Built in, not downloaded: every screen, the loading and error screens included, has
        // words even when the assets folder is missing or a download fails.
        standard: Fonts {
            regular: fonts.add(Font::from_bytes(
                include_bytes!("../../../assets/fonts/FitReading-Regular.ttf").to_vec(),
            )),
            bold: fonts.add(Font::from_bytes(
                include_bytes!("../../../assets/fonts/FitReading-Bold.ttf").to_vec(),
            )),
        },
        // Downloaded only once a student chooses it (see `FontFamilies::load_reading`).
        reading: Fonts::default(),
    };
}

impl FontFamilies {
    /// Starts loading the dyslexia-friendly font the first time it is chosen: most students
    /// never do, so it is not part of every download.
    pub fn load_reading(&mut self, server: &AssetServer) {
        if self.reading.regular == Handle::default() {
            self.reading = Fonts {
                regular: server.load("fonts/opendyslexic/OpenDyslexic-Regular.otf"),
                bold: server.load("fonts/opendyslexic/OpenDyslexic-Bold.otf"),
            };
        }
    }
}
