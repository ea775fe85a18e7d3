//! Applies the palette and fonts: text by its role, surfaces by their kind, and buttons by
//! their kind and state (hovered, pressed, selected, focused). The only place interaction
//! colours are decided.

use bevy::prelude::*;

use super::{Fonts, Palette};
use crate::game::model::{AppSystems, Focused, Selected};

/// What a piece of text is, which decides its size, weight and colour.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextRole {
    Title,
    Heading,
    Subheading,
    Body,
    Soft,
    Button,
    Badge,
    Big,
}

impl TextRole {
    /// Size in rem: `RemSize` sets what one rem is, so a text-size setting scales all text.
    pub fn rem(self) -> f32 {
        match self {
            TextRole::Title => 2.2,
            TextRole::Big => 1.6,
            TextRole::Heading => 1.45,
            TextRole::Subheading => 1.1,
            TextRole::Body | TextRole::Soft => 0.9,
            TextRole::Button => 0.95,
            TextRole::Badge => 0.75,
        }
    }

    fn bold(self) -> bool {
        matches!(
            self,
            TextRole::Title
                | TextRole::Heading
                | TextRole::Subheading
                | TextRole::Button
                | TextRole::Badge
                | TextRole::Big
        )
    }

    fn color(self, p: &Palette) -> Color {
        match self {
            TextRole::Soft => p.ink_soft,
            _ => p.ink,
        }
    }
}

/// A panel's background.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    Background,
    Card,
    Raised,
    Track,
    Backdrop,
    /// A coloured fill, such as a chart bar: (interest index).
    Interest(usize),
    Accent,
    Wildcard,
    Primary,
}

impl Surface {
    fn color(self, p: &Palette) -> Color {
        match self {
            Surface::Background => p.background,
            Surface::Card => p.surface,
            Surface::Raised => p.surface_raised,
            Surface::Track => p.track,
            Surface::Backdrop => p.backdrop,
            Surface::Interest(i) => p.interests[i % p.interests.len()],
            Surface::Accent => p.accent,
            Surface::Wildcard => p.wildcard,
            Surface::Primary => p.primary,
        }
    }

    /// Text on this surface needs the light ink.
    pub fn is_dark(self) -> bool {
        matches!(
            self,
            Surface::Accent | Surface::Wildcard | Surface::Primary | Surface::Interest(_)
        )
    }
}

/// How a button looks.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ButtonKind {
    /// The main way forward on a screen.
    Primary,
    /// Other actions.
    Secondary,
    /// An answer or a card to pick.
    Choice,
}

/// The systems that apply the theme (settings change the theme before them).
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct StyleSystems;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (style_text, style_surfaces, style_shadows, style_buttons)
            .chain()
            .in_set(StyleSystems)
            .in_set(AppSystems::Present),
    );
}

fn style_text(
    palette: Res<Palette>,
    fonts: Res<Fonts>,
    mut texts: Query<(
        Ref<TextRole>,
        &mut TextFont,
        &mut TextColor,
        Option<&ChildOf>,
    )>,
    surfaces: Query<&Surface>,
) {
    let all = palette.is_changed() || fonts.is_changed();
    for (role, mut font, mut color, parent) in &mut texts {
        if !all && !role.is_added() && !role.is_changed() {
            continue;
        }
        let handle = if role.bold() {
            &fonts.bold
        } else {
            &fonts.regular
        };
        font.font = handle.clone().into();
        font.font_size = FontSize::Rem(role.rem());
        let on_dark = parent
            .and_then(|p| surfaces.get(p.parent()).ok())
            .is_some_and(|s| s.is_dark());
        color.0 = if on_dark {
            palette.ink_on_primary
        } else {
            role.color(&palette)
        };
    }
}

fn style_surfaces(
    palette: Res<Palette>,
    mut surfaces: Query<(Ref<Surface>, &mut BackgroundColor)>,
) {
    for (surface, mut bg) in &mut surfaces {
        if palette.is_changed() || surface.is_added() || surface.is_changed() {
            bg.0 = surface.color(&palette);
        }
    }
}

/// Card shadows take the palette's shadow colour, so a theme swap reaches them too.
fn style_shadows(palette: Res<Palette>, mut shadows: Query<&mut BoxShadow>) {
    for mut shadow in &mut shadows {
        if palette.is_changed() || shadow.is_added() {
            for style in &mut shadow.0 {
                style.color = palette.shadow;
            }
        }
    }
}

type ButtonQuery<'a> = (
    Entity,
    &'a ButtonKind,
    &'a Interaction,
    Has<Selected>,
    &'a mut BackgroundColor,
    &'a mut BorderColor,
    Option<&'a mut Outline>,
    &'a Children,
);

#[allow(clippy::type_complexity)]
fn style_buttons(
    palette: Res<Palette>,
    focused: Res<Focused>,
    mut buttons: Query<ButtonQuery, With<Button>>,
    changed: Query<
        (),
        (
            With<Button>,
            Or<(
                Changed<Interaction>,
                Added<ButtonKind>,
                Changed<ButtonKind>,
                Added<Selected>,
            )>,
        ),
    >,
    mut removed: RemovedComponents<Selected>,
    mut labels: Query<&mut TextColor>,
    mut commands: Commands,
) {
    let removed: Vec<Entity> = removed.read().collect();
    let all = palette.is_changed() || focused.is_changed();
    let p = &*palette;
    for (entity, kind, interaction, selected, mut bg, mut border, outline, children) in &mut buttons
    {
        if !all && !changed.contains(entity) && !removed.contains(&entity) {
            continue;
        }
        let (fill, edge, ink) = match (kind, selected, interaction) {
            (_, true, _) => (p.selected, p.selected, p.selected_ink),
            (ButtonKind::Primary, _, Interaction::Pressed) => {
                (p.primary_pressed, p.primary_pressed, p.ink_on_primary)
            }
            (ButtonKind::Primary, _, Interaction::Hovered) => {
                (p.primary_hover, p.primary_hover, p.ink_on_primary)
            }
            (ButtonKind::Primary, _, Interaction::None) => (p.primary, p.primary, p.ink_on_primary),
            (_, _, Interaction::Pressed) => (p.secondary_pressed, p.primary, p.ink),
            (_, _, Interaction::Hovered) => (p.secondary_hover, p.primary, p.ink),
            (ButtonKind::Choice, _, Interaction::None) => (p.secondary, p.choice_border, p.ink),
            (ButtonKind::Secondary, _, Interaction::None) => (p.secondary, p.choice_border, p.ink),
        };
        bg.0 = fill;
        *border = BorderColor::all(edge);
        for child in children {
            if let Ok(mut color) = labels.get_mut(*child) {
                color.0 = ink;
            }
        }
        // A visible focus ring that meets contrast rules, drawn outside the button.
        let ring = Outline::new(px(3), px(3), p.focus_ring);
        match (focused.0 == Some(entity), outline) {
            (true, Some(mut o)) => *o = ring,
            (true, None) => {
                commands.entity(entity).insert(ring);
            }
            (false, Some(_)) => {
                commands.entity(entity).remove::<Outline>();
            }
            (false, None) => {}
        }
    }
}
