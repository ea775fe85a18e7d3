//! The look of the game in one place: named palette colours, text roles sized in `rem`,
//! widget functions that return bundles, and the systems that apply colours and fonts.
//! A high-contrast or large-text theme is a change of values here, not a hunt through screens.

pub mod palette;
mod style;
pub mod widgets;

use bevy::prelude::*;

pub use palette::Palette;
pub use style::{ButtonKind, Surface, TextRole};

/// The fonts the game's text uses.
#[derive(Resource, Clone, Default)]
pub struct Fonts {
    pub regular: Handle<Font>,
    pub bold: Handle<Font>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Fonts>()
        .insert_resource(Palette::STANDARD);
    if app.world().contains_resource::<AssetServer>() {
        app.add_systems(Startup, load_fonts);
    }
    app.add_plugins(style::plugin);
}

fn load_fonts(server: Res<AssetServer>, mut fonts: ResMut<Fonts>) {
    *fonts = Fonts {
        regular: server.load("fonts/FitReading-Regular.ttf"),
        bold: server.load("fonts/FitReading-Bold.ttf"),
    };
}
