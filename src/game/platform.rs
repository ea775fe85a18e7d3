//! The platform the game runs on: window and canvas, renderer, asset loading from `assets/`,
//! reactive updates (no work while nothing changes), the UI camera, and on the web the
//! bridge to the page.

use bevy::asset::AssetMetaCheck;
use bevy::prelude::*;
use bevy::winit::WinitSettings;

pub(super) fn plugin(app: &mut App) {
    let window = Window {
        title: "Find Your Fit".into(),
        // On the web the canvas fills its sized parent and follows resizes and pixel ratio.
        canvas: Some("#game".into()),
        fit_canvas_to_parent: true,
        // Let Tab, F5 and zoom keys reach the browser: the DOM mirror owns keyboard focus.
        prevent_default_event_handling: false,
        ..default()
    };
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(window),
                ..default()
            })
            .set(AssetPlugin {
                // Static hosts answer `.meta` requests with 404 pages; we ship none.
                meta_check: AssetMetaCheck::Never,
                file_path: asset_root(),
                ..default()
            }),
    );
    // Only update when there is input or something asks for a redraw (animations do),
    // so an idle game leaves a school laptop's CPU alone.
    app.insert_resource(WinitSettings::desktop_app());
    app.add_systems(Startup, spawn_camera);
    #[cfg(target_arch = "wasm32")]
    app.add_plugins(super::web::plugin);
}

/// Where the content files are: `assets/` beside the game, or on the web the folder the page
/// names.
fn asset_root() -> String {
    #[cfg(target_arch = "wasm32")]
    return super::web::asset_root();
    #[cfg(not(target_arch = "wasm32"))]
    "assets".into()
}

fn spawn_camera(mut commands: Commands) {
    // No multisampling: the UI draws its own smooth edges, and each sample count is another
    // set of shaders for a weak school GPU to compile before the first frame.
    commands.spawn((Name::new("Camera"), Camera2d, Msaa::Off));
}
