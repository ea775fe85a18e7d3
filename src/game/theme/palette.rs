//! Named colours. Text colours meet WCAG AA contrast (4.5:1) on the surfaces they sit on;
//! the focus ring meets 3:1 against both the background and button colours.

use bevy::prelude::*;

#[derive(Resource, Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    pub background: Color,
    pub surface: Color,
    pub surface_raised: Color,
    pub ink: Color,
    pub ink_soft: Color,
    pub ink_on_primary: Color,
    pub primary: Color,
    pub primary_hover: Color,
    pub primary_pressed: Color,
    pub secondary: Color,
    pub secondary_hover: Color,
    pub secondary_pressed: Color,
    pub choice_border: Color,
    pub selected: Color,
    pub selected_ink: Color,
    pub focus_ring: Color,
    pub track: Color,
    pub accent: Color,
    pub wildcard: Color,
    pub backdrop: Color,
    /// Chart bar colours for the interest types, in taxonomy order.
    pub interests: [Color; 6],
}

const fn hex(rgb: u32) -> Color {
    Color::srgb(
        ((rgb >> 16) & 0xff) as f32 / 255.0,
        ((rgb >> 8) & 0xff) as f32 / 255.0,
        (rgb & 0xff) as f32 / 255.0,
    )
}

impl Palette {
    pub const STANDARD: Palette = Palette {
        background: hex(0xF3EFFB),
        surface: hex(0xFFFFFF),
        surface_raised: hex(0xEAE3FA),
        ink: hex(0x1D1B2E),
        ink_soft: hex(0x4A4763),
        ink_on_primary: hex(0xFFFFFF),
        primary: hex(0x5B2EE5),
        primary_hover: hex(0x4A1FD0),
        primary_pressed: hex(0x3A14B0),
        secondary: hex(0xFFFFFF),
        secondary_hover: hex(0xEDE7FD),
        secondary_pressed: hex(0xDCD0FB),
        choice_border: hex(0x8C7FD9),
        selected: hex(0x12805C),
        selected_ink: hex(0xFFFFFF),
        focus_ring: hex(0x0B57D0),
        track: hex(0xD9D2EE),
        accent: hex(0xC2185B),
        wildcard: hex(0xB34700),
        backdrop: Color::srgba(0.08, 0.06, 0.16, 0.55),
        interests: [
            hex(0xD84315),
            hex(0x1565C0),
            hex(0x8E24AA),
            hex(0x2E7D32),
            hex(0xEF6C00),
            hex(0x455A64),
        ],
    };
}
