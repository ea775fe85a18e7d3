//! Named colours, in two palettes: the standard one and a high-contrast one for Settings.
//! Text colours meet WCAG AA contrast (4.5:1) on the surfaces they sit on (7:1, AAA, in high
//! contrast); the focus ring and button edges meet 3:1 against what surrounds them. The tests
//! at the bottom measure every pair.

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
    /// The shadow under cards: soft normally; dark in high contrast, so a white card on the
    /// white page still has a clear edge.
    pub shadow: Color,
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
        shadow: Color::srgba(0.2, 0.1, 0.4, 0.12),
        interests: [
            hex(0xBF360C),
            hex(0x1565C0),
            hex(0x8E24AA),
            hex(0x2E7D32),
            hex(0xB35000),
            hex(0x455A64),
        ],
    };

    /// Black on white with strong, dark colours and black edges on every control.
    pub const HIGH_CONTRAST: Palette = Palette {
        background: hex(0xFFFFFF),
        surface: hex(0xFFFFFF),
        surface_raised: hex(0xF0F0F0),
        ink: hex(0x000000),
        ink_soft: hex(0x000000),
        ink_on_primary: hex(0xFFFFFF),
        primary: hex(0x1A0080),
        primary_hover: hex(0x000000),
        primary_pressed: hex(0x000000),
        secondary: hex(0xFFFFFF),
        secondary_hover: hex(0xFFF3A0),
        secondary_pressed: hex(0xFFE14D),
        choice_border: hex(0x000000),
        selected: hex(0x005A32),
        selected_ink: hex(0xFFFFFF),
        focus_ring: hex(0xC00000),
        track: hex(0xD0D0D0),
        accent: hex(0x8B0040),
        wildcard: hex(0x7A2E00),
        backdrop: Color::srgba(0.0, 0.0, 0.0, 0.8),
        shadow: Color::srgba(0.0, 0.0, 0.0, 0.7),
        interests: [
            hex(0x8B1A00),
            hex(0x0B3C8C),
            hex(0x5A0E6E),
            hex(0x14501A),
            hex(0x6B2D00),
            hex(0x263238),
        ],
    };

    #[cfg(test)]
    pub const ALL: [(&'static str, Palette); 2] = [
        ("standard", Palette::STANDARD),
        ("high contrast", Palette::HIGH_CONTRAST),
    ];
}

#[cfg(test)]
/// The WCAG contrast ratio of two opaque colours, from 1 (none) to 21 (black on white).
pub fn contrast(a: Color, b: Color) -> f32 {
    let luminance = |c: Color| {
        let l = c.to_linear();
        0.2126 * l.red + 0.7152 * l.green + 0.0722 * l.blue
    };
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at_least(name: &str, pairs: &[(&str, Color, Color)], ratio: f32) {
        for (what, fg, bg) in pairs {
            let c = contrast(*fg, *bg);
            assert!(
                c >= ratio,
                "{name}: {what} has contrast {c:.2}, needs {ratio}"
            );
        }
    }

    #[test]
    fn every_palette_meets_wcag_contrast() {
        for (name, p) in Palette::ALL {
            let text = if name == "high contrast" { 7.0 } else { 4.5 };
            let mut pairs = vec![
                ("ink on background", p.ink, p.background),
                ("ink on cards", p.ink, p.surface),
                ("ink on raised", p.ink, p.surface_raised),
                ("soft ink on background", p.ink_soft, p.background),
                ("soft ink on cards", p.ink_soft, p.surface),
                ("button text", p.ink_on_primary, p.primary),
                ("button text, hovered", p.ink_on_primary, p.primary_hover),
                ("button text, pressed", p.ink_on_primary, p.primary_pressed),
                ("ink on hovered buttons", p.ink, p.secondary_hover),
                ("ink on pressed buttons", p.ink, p.secondary_pressed),
                ("chosen answer", p.selected_ink, p.selected),
                ("badge on accent", p.ink_on_primary, p.accent),
                ("badge on wildcard", p.ink_on_primary, p.wildcard),
            ];
            for (i, c) in p.interests.iter().enumerate() {
                pairs.push((
                    [
                        "interest 1",
                        "interest 2",
                        "interest 3",
                        "interest 4",
                        "interest 5",
                        "interest 6",
                    ][i],
                    p.ink_on_primary,
                    *c,
                ));
            }
            at_least(name, &pairs, text);
            // Chart bars against their empty track (WCAG non-text contrast).
            for c in p.interests {
                at_least(name, &[("chart bar on its track", c, p.track)], 3.0);
            }
            at_least(
                name,
                &[
                    ("focus ring on background", p.focus_ring, p.background),
                    ("focus ring on cards", p.focus_ring, p.surface),
                    ("button edge on cards", p.choice_border, p.surface),
                    ("button edge on background", p.choice_border, p.background),
                ],
                3.0,
            );
        }
    }

    #[test]
    fn contrast_matches_the_wcag_examples() {
        let black = hex(0x000000);
        let white = hex(0xFFFFFF);
        assert!((contrast(black, white) - 21.0).abs() < 0.01);
        assert!((contrast(white, white) - 1.0).abs() < 0.01);
        // #767676 on white is the well-known lightest grey that passes AA (4.54:1).
        assert!((contrast(hex(0x767676), white) - 4.54).abs() < 0.02);
    }
}
