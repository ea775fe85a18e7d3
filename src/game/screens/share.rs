//! Keep your results (and, in workshop mode, "Before you go"): the QR code a phone can scan
//! off the screen, the link as text (to copy with one press, or to read and write down), and
//! printing the careers profile. In workshop mode it ends with "Finish and clear".

use bevy::asset::RenderAssetUsages;
use bevy::image::ImageSampler;
use bevy::prelude::*;
use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat};

use super::{back_footer, root, show_screen, top_bar};
use crate::content::UiStrings;
use crate::game::content::GameContent;
use crate::game::model::{
    AccessRole, Accessible, Action, Announce, ReadAloud, Screen, Settings, ShareBase,
};
use crate::game::session::Session;
use crate::game::sharing::link_for;
use crate::game::theme::{ButtonKind, widgets};
use crate::share::{Qr, qr};

/// Light squares around the code: readers need four.
const QUIET: usize = 4;
/// Screen pixels per square: big enough for a phone a metre from a laptop.
const SQUARE: f32 = 4.0;

pub(super) fn plugin(app: &mut App) {
    show_screen(app, Screen::Share, spawn_share);
}

fn spawn_share(
    mut commands: Commands,
    game: Res<GameContent>,
    session: Res<Session>,
    settings: Res<Settings>,
    base: Res<ShareBase>,
    images: Option<ResMut<Assets<Image>>>,
) {
    let ui = &game.content.strings.ui;
    let link = link_for(game.content, &session, &base);
    let workshop = settings.workshop && session.shared.is_none();
    let (title, intro) = if workshop {
        (&ui.before_you_go, &ui.before_you_go_intro)
    } else {
        (&ui.share_title, &ui.share_intro)
    };
    let code = qr(&link);
    if code.is_none() {
        log::warn!(
            "the share link is too long for a QR code ({} characters)",
            link.len()
        );
    }
    let image = code
        .as_ref()
        .zip(images)
        .map(|(c, mut images)| images.add(qr_image(c)));
    commands
        .spawn(root(Screen::Share, "Share screen"))
        .with_children(|s| {
            s.spawn(top_bar(ui));
            s.spawn((widgets::content_column(), ReadAloud))
                .with_children(|c| {
                    c.spawn((widgets::heading(title.clone()), Announce));
                    c.spawn(widgets::body(intro.clone()));
                    if let Some(code) = &code {
                        c.spawn(qr_card(ui, code, image));
                    }
                    c.spawn(widgets::soft(ui.share_link_label.clone()));
                    // One long word: it must wrap anywhere to fit a phone.
                    c.spawn(widgets::body(link)).insert((
                        Name::new("Share link"),
                        TextLayout::linebreak(LineBreak::AnyCharacter),
                    ));
                    if let Some(news) = &session.share_notice {
                        c.spawn((widgets::notice(news.clone()), Announce));
                    }
                    buttons(c, ui, workshop);
                });
            back_footer(s, ui, []);
        });
}

fn buttons(parent: &mut ChildSpawnerCommands, ui: &UiStrings, workshop: bool) {
    let finish = (
        &ui.finish_and_clear,
        Action::FinishAndClear,
        ButtonKind::Primary,
    );
    let all = [
        (&ui.copy_link, Action::CopyLink, ButtonKind::Primary),
        (&ui.print, Action::Print, ButtonKind::Secondary),
    ];
    widgets::button_row(parent, all.into_iter().chain(workshop.then_some(finish)));
}

/// The code on white (in every theme: readers need dark on light), with its squares for the
/// page's image and a text alternative.
fn qr_card(ui: &UiStrings, code: &Qr, image: Option<Handle<Image>>) -> impl Bundle {
    let side = (code.size + 2 * QUIET) as f32 * SQUARE;
    (
        Name::new("QR code"),
        Node {
            width: px(side),
            height: px(side),
            align_self: AlignSelf::Center,
            flex_shrink: 0.0,
            ..default()
        },
        BackgroundColor(Color::WHITE),
        ImageNode::new(image.unwrap_or_default()),
        Accessible::new(
            AccessRole::Qr {
                modules: code.bits(),
                size: code.size as u32,
            },
            ui.qr_alt.clone(),
        ),
    )
}

/// One pixel per square, with the quiet zone, drawn without smoothing so edges stay sharp.
fn qr_image(code: &Qr) -> Image {
    let side = code.size + 2 * QUIET;
    let mut data = vec![255u8; side * side * 4];
    for (i, dark) in code.modules.iter().enumerate() {
        if *dark {
            let (x, y) = (i % code.size + QUIET, i / code.size + QUIET);
            let at = (y * side + x) * 4;
            data[at..at + 3].fill(0);
        }
    }
    let size = Extent3d {
        width: side as u32,
        height: side as u32,
        depth_or_array_layers: 1,
    };
    let mut image = Image::new(
        size,
        TextureDimension::D2,
        data,
        TextureFormat::Rgba8UnormSrgb,
        RenderAssetUsages::RENDER_WORLD,
    );
    image.sampler = ImageSampler::nearest();
    image
}
