//! Widget functions: each returns a bundle with its layout, its theme role, its `Name` and
//! its entry in the accessible DOM mirror, so every screen built from them is themed and
//! accessible without extra work.

use bevy::prelude::*;

use super::{ButtonKind, Surface, TextRole};
use crate::game::model::{AccessRole, Accessible, Action, Selected};

/// Buttons are at least this tall and wide in logical pixels (WCAG target size).
pub const MIN_TARGET: f32 = 48.0;
/// The height of a this-or-that answer: a big, easy pair to choose between.
pub const TALL_TARGET: f32 = 96.0;
/// The content column never grows wider than this, so lines stay readable on big screens.
pub const MAX_CONTENT_WIDTH: f32 = 760.0;
/// How far below a card its shadow falls, and how soft it is (pixels).
pub const CARD_SHADOW_DROP: f32 = 3.0;
pub const CARD_SHADOW_BLUR: f32 = 8.0;

/// A screen's outermost node: fills the window with the background colour.
pub fn screen_root(name: &'static str) -> impl Bundle {
    (
        Name::new(name),
        Node {
            width: percent(100),
            height: percent(100),
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Center,
            ..default()
        },
        Surface::Background,
        BackgroundColor::default(),
    )
}

/// The readable column inside a screen; it scrolls if its content is taller than the window.
pub fn content_column() -> impl Bundle {
    (
        Name::new("Content"),
        Scrollable,
        ScrollPosition::default(),
        Node {
            width: percent(100),
            max_width: px(MAX_CONTENT_WIDTH),
            flex_grow: 1.0,
            flex_direction: FlexDirection::Column,
            align_items: AlignItems::Stretch,
            padding: UiRect::axes(px(16), px(12)),
            row_gap: px(14),
            overflow: Overflow::scroll_y(),
            ..default()
        },
    )
}

/// A container that scrolls with the wheel, touch drag and keyboard focus.
#[derive(Component, Debug, Default)]
pub struct Scrollable;

/// A row of things side by side that wraps on narrow screens.
pub fn row() -> impl Bundle {
    (
        Name::new("Row"),
        Node {
            flex_direction: FlexDirection::Row,
            flex_wrap: FlexWrap::Wrap,
            align_items: AlignItems::Center,
            column_gap: px(10),
            row_gap: px(10),
            ..default()
        },
    )
}

/// Buttons side by side in a [`row`], in the order given.
pub fn button_row<'a>(
    parent: &mut ChildSpawnerCommands,
    buttons: impl IntoIterator<Item = (&'a String, Action, ButtonKind)>,
) {
    parent.spawn(row()).with_children(|r| {
        for (label, action, kind) in buttons {
            r.spawn(button(label.clone(), action, kind));
        }
    });
}

/// A list read out as one by screen readers: its items stacked with `gap` pixels between.
pub fn list(name: &'static str, gap: f32) -> impl Bundle {
    (
        Name::new(name),
        Node {
            flex_direction: FlexDirection::Column,
            row_gap: px(gap),
            ..default()
        },
        Accessible::new(AccessRole::List, ""),
    )
}

/// A labelled group of buttons side by side (such as the text sizes), announced as a group.
pub fn group(label: impl Into<String>) -> impl Bundle {
    (row(), Accessible::new(AccessRole::Group, label))
}

/// A white card with rounded corners.
pub fn card(name: &'static str) -> impl Bundle {
    (
        Name::new(name),
        Node {
            flex_direction: FlexDirection::Column,
            padding: UiRect::all(px(16)),
            row_gap: px(8),
            border_radius: BorderRadius::all(px(18)),
            ..default()
        },
        Surface::Card,
        BackgroundColor::default(),
        // Its colour comes from the palette (see `style`), so high contrast darkens it.
        BoxShadow::new(
            Color::NONE,
            px(0),
            px(CARD_SHADOW_DROP),
            px(0),
            px(CARD_SHADOW_BLUR),
        ),
        Accessible::new(AccessRole::Group, ""),
    )
}

fn text(value: impl Into<String>, role: TextRole, access: AccessRole) -> impl Bundle {
    let value = value.into();
    (
        Name::new(format!(
            "Text: {}",
            value.chars().take(40).collect::<String>()
        )),
        Accessible::new(access, value.clone()),
        Text::new(value),
        role,
        TextFont::default(),
        TextColor::default(),
    )
}

pub fn title(value: impl Into<String>) -> impl Bundle {
    text(value, TextRole::Title, AccessRole::Heading { level: 1 })
}

pub fn heading(value: impl Into<String>) -> impl Bundle {
    text(value, TextRole::Heading, AccessRole::Heading { level: 1 })
}

pub fn subheading(value: impl Into<String>) -> impl Bundle {
    text(
        value,
        TextRole::Subheading,
        AccessRole::Heading { level: 2 },
    )
}

pub fn body(value: impl Into<String>) -> impl Bundle {
    text(value, TextRole::Body, AccessRole::Text)
}

pub fn soft(value: impl Into<String>) -> impl Bundle {
    text(value, TextRole::Soft, AccessRole::Text)
}

pub fn big(value: impl Into<String>) -> impl Bundle {
    text(value, TextRole::Big, AccessRole::Heading { level: 2 })
}

/// A short message the student should not miss ("Answer a few more cards…"), on a raised card.
pub fn notice(value: impl Into<String>) -> impl Bundle {
    (
        Name::new("Notice"),
        Node {
            padding: UiRect::axes(px(14), px(10)),
            border_radius: BorderRadius::all(px(12)),
            ..default()
        },
        Surface::Raised,
        BackgroundColor::default(),
        children![body(value)],
    )
}

/// A small coloured label such as "Wildcard" or "Strong match".
pub fn badge(value: impl Into<String>, surface: Surface) -> impl Bundle {
    let value = value.into();
    (badge_frame("Badge", surface), children![badge_label(value)])
}

/// The pill a badge's text sits in.
pub fn badge_frame(name: &'static str, surface: Surface) -> impl Bundle {
    (
        Name::new(name),
        Node {
            padding: UiRect::axes(px(10), px(4)),
            border_radius: BorderRadius::all(px(999)),
            ..default()
        },
        surface,
        BackgroundColor::default(),
    )
}

/// A badge's text.
pub fn badge_label(value: impl Into<String>) -> impl Bundle {
    text(value, TextRole::Badge, AccessRole::Text)
}

/// The default size and padding of a button.
pub fn button_node() -> Node {
    Node {
        min_width: px(MIN_TARGET),
        min_height: px(MIN_TARGET),
        padding: UiRect::axes(px(18), px(10)),
        border: UiRect::all(px(2)),
        border_radius: BorderRadius::all(px(14)),
        justify_content: JustifyContent::Center,
        align_items: AlignItems::Center,
        ..default()
    }
}

/// A button that performs `action` when pressed, clicked, tapped, or activated from the
/// keyboard or the DOM mirror.
pub fn button(label: impl Into<String>, action: Action, kind: ButtonKind) -> impl Bundle {
    button_with(label, action, kind, button_node(), None)
}

/// A button with its own layout; `pressed` is `Some` for options that can be chosen.
pub fn button_with(
    label: impl Into<String>,
    action: Action,
    kind: ButtonKind,
    node: Node,
    pressed: Option<bool>,
) -> impl Bundle {
    let label = label.into();
    (
        Name::new(format!("Button: {label}")),
        Button,
        action,
        kind,
        Accessible::new(AccessRole::Button { pressed }, label.clone()),
        node,
        BackgroundColor::default(),
        BorderColor::default(),
        SelectedIf(pressed == Some(true)),
        children![(
            Name::new("Label"),
            Text::new(label),
            TextRole::Button,
            TextFont::default(),
            TextColor::default(),
            TextLayout::justify(Justify::Center),
        )],
    )
}

/// An answer or option card; `selected` shows (and tells screen readers) it is chosen.
pub fn choice(label: impl Into<String>, action: Action, selected: bool, node: Node) -> impl Bundle {
    button_with(label, action, ButtonKind::Choice, node, Some(selected))
}

/// Inserts [`Selected`] when true (a bundle cannot add a component conditionally).
#[derive(Component)]
#[component(on_add = insert_selected)]
pub struct SelectedIf(pub bool);

fn insert_selected(
    mut world: bevy::ecs::world::DeferredWorld,
    ctx: bevy::ecs::lifecycle::HookContext,
) {
    let selected = world.get::<SelectedIf>(ctx.entity).is_some_and(|s| s.0);
    if selected {
        world.commands().entity(ctx.entity).insert(Selected);
    }
}

/// A progress bar: `done` of `total`, with its own label for screen readers.
pub fn progress_bar(done: usize, total: usize, label: impl Into<String>) -> impl Bundle {
    let fraction = if total == 0 {
        0.0
    } else {
        done as f32 / total as f32
    };
    (
        Name::new("Progress"),
        Accessible::new(
            AccessRole::Progress {
                value: done as u32,
                max: total as u32,
            },
            label.into(),
        ),
        Node {
            width: percent(100),
            height: px(12),
            // Never squeezed away when large text makes the screen taller than the window.
            flex_shrink: 0.0,
            border_radius: BorderRadius::all(px(6)),
            overflow: Overflow::clip(),
            ..default()
        },
        Surface::Track,
        BackgroundColor::default(),
        children![(
            Name::new("Progress fill"),
            Node {
                width: percent(fraction * 100.0),
                height: percent(100),
                border_radius: BorderRadius::all(px(6)),
                ..default()
            },
            Surface::Primary,
            BackgroundColor::default(),
        )],
    )
}
