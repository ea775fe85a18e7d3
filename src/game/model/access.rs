//! How a control or text describes itself to assistive technology: the [`Accessible`]
//! component widgets carry, and the markers for what is announced and read aloud. The mirror
//! that turns them into the page's HTML is a layer above.

use bevy::prelude::*;
use serde::Serialize;

/// What a node is to assistive technology.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AccessRole {
    Heading {
        level: u8,
    },
    Text,
    /// `pressed`: `Some` for options that can be chosen.
    Button {
        pressed: Option<bool>,
    },
    /// A link out of the game (the official careers page).
    Link {
        url: String,
    },
    Progress {
        value: u32,
        max: u32,
    },
    /// A picture drawn in the game, such as the interest chart.
    Image,
    /// A QR code: `modules` is its dark (`1`) and light (`0`) squares row by row, `size` a
    /// side, so the page can show the same code as an image.
    Qr {
        modules: String,
        size: u32,
    },
    List,
    ListItem,
    Group,
}

#[derive(Component, Debug, Clone, PartialEq)]
pub struct Accessible {
    pub role: AccessRole,
    pub label: String,
}

impl Accessible {
    pub fn new(role: AccessRole, label: impl Into<String>) -> Self {
        Self {
            role,
            label: label.into(),
        }
    }
}

/// Marks the part of a screen that is announced (through the page's polite live region, and
/// by read aloud) when it first appears or changes: the question, the results' heading. A
/// screen with none has its first heading announced.
#[derive(Component, Debug, Default, Clone, Copy)]
pub struct Announce;

/// Marks what read aloud reads after the announcement: a question's options, the matches.
#[derive(Component, Debug, Default, Clone, Copy)]
pub struct ReadAloud;
