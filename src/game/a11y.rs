//! The accessible mirror of the game. Widgets carry an [`Accessible`] component; this module
//! walks the UI tree of the current screen (or the open menu, which is modal) and builds a
//! [`DomSnapshot`]: headings, text, buttons with their pressed state, progress and lists, in
//! reading order. On the web it becomes real HTML that screen readers and the keyboard use;
//! everywhere it is also the order keyboard focus moves in.

use bevy::prelude::*;
use serde::Serialize;

use super::AppSystems;
use super::actions::Focused;
use super::menu::MenuRoot;
use super::screens::ScreenRoot;

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

/// One node of the mirror. `id` names the game entity so the page can act on it; `rect` is
/// where it is drawn on the canvas, in CSS pixels (used by tests that click the canvas).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DomNode {
    pub id: String,
    #[serde(flatten)]
    pub role: AccessRole,
    pub label: String,
    pub focused: bool,
    pub rect: [f32; 4],
    pub children: Vec<DomNode>,
}

/// The mirror as last built. `modal` is true while the menu covers the screen.
#[derive(Resource, Debug, Clone, Default, PartialEq, Serialize)]
pub struct DomSnapshot {
    pub screen: String,
    pub modal: bool,
    pub nodes: Vec<DomNode>,
}

impl DomSnapshot {
    /// Every node, depth first, in reading order.
    pub fn flatten(&self) -> Vec<&DomNode> {
        fn walk<'a>(nodes: &'a [DomNode], out: &mut Vec<&'a DomNode>) {
            for n in nodes {
                out.push(n);
                walk(&n.children, out);
            }
        }
        let mut out = Vec::new();
        walk(&self.nodes, &mut out);
        out
    }

    /// The buttons and links, in the order keyboard focus visits them.
    pub fn focus_order(&self) -> Vec<Entity> {
        self.flatten()
            .into_iter()
            .filter(|n| matches!(n.role, AccessRole::Button { .. } | AccessRole::Link { .. }))
            .filter_map(|n| n.id.parse::<u64>().ok().and_then(Entity::try_from_bits))
            .collect()
    }

    /// The first heading's text: the screen's name for people and tests.
    pub fn heading(&self) -> Option<&str> {
        self.flatten()
            .into_iter()
            .find(|n| matches!(n.role, AccessRole::Heading { .. }))
            .map(|n| n.label.as_str())
    }

    pub fn find_button(&self, label: &str) -> Option<Entity> {
        self.flatten()
            .into_iter()
            .find(|n| matches!(n.role, AccessRole::Button { .. }) && n.label == label)
            .and_then(|n| n.id.parse::<u64>().ok())
            .and_then(Entity::try_from_bits)
    }
}

/// What the mirror reads from each UI node.
type MirrorNode = (
    Option<&'static Accessible>,
    Option<&'static Children>,
    Option<&'static ComputedNode>,
    Option<&'static UiGlobalTransform>,
    Option<&'static Visibility>,
);

/// The system that builds the mirror (the web bridge sends it after).
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct A11ySystems;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<DomSnapshot>().add_systems(
        Update,
        build_snapshot
            .in_set(A11ySystems)
            .in_set(AppSystems::Present)
            .after(super::anim::AnimSystems),
    );
}

fn build_snapshot(
    mut snapshot: ResMut<DomSnapshot>,
    screen: Option<Res<State<super::Screen>>>,
    focused: Res<Focused>,
    menus: Query<Entity, With<MenuRoot>>,
    screens: Query<Entity, With<ScreenRoot>>,
    nodes: Query<MirrorNode>,
) {
    let modal = !menus.is_empty();
    let roots: Vec<Entity> = if modal {
        menus.iter().collect()
    } else {
        screens.iter().collect()
    };
    let mut out = Vec::new();
    for root in roots {
        collect(root, &nodes, focused.0, &mut out);
    }
    let next = DomSnapshot {
        screen: screen.map(|s| format!("{:?}", s.get())).unwrap_or_default(),
        modal,
        nodes: out,
    };
    // Only touch the resource when something changed, so the page is only updated then.
    if *snapshot != next {
        *snapshot = next;
    }
}

fn collect(
    entity: Entity,
    nodes: &Query<MirrorNode>,
    focused: Option<Entity>,
    out: &mut Vec<DomNode>,
) {
    let Ok((access, children, computed, transform, visible)) = nodes.get(entity) else {
        return;
    };
    if visible.is_some_and(|v| *v == Visibility::Hidden) {
        return;
    }
    let mut kids = Vec::new();
    // A button's label is its name: don't repeat its text as separate nodes.
    let leaf = access.is_some_and(|a| {
        matches!(
            a.role,
            AccessRole::Button { .. } | AccessRole::Link { .. } | AccessRole::Image
        )
    });
    if let (Some(children), false) = (children, leaf) {
        for child in children {
            collect(*child, nodes, focused, &mut kids);
        }
    }
    match access {
        Some(a) => {
            let rect = match (computed, transform) {
                (Some(c), Some(t)) => {
                    let scale = c.inverse_scale_factor();
                    let size = c.size() * scale;
                    let center = t.translation * scale;
                    [
                        center.x - size.x / 2.0,
                        center.y - size.y / 2.0,
                        size.x,
                        size.y,
                    ]
                }
                _ => [0.0; 4],
            };
            // Empty groups add nothing for a screen reader; lift their children instead.
            if a.role == AccessRole::Group && a.label.is_empty() {
                out.extend(kids);
                return;
            }
            out.push(DomNode {
                id: entity.to_bits().to_string(),
                role: a.role.clone(),
                label: a.label.clone(),
                focused: focused == Some(entity),
                rect,
                children: kids,
            });
        }
        None => out.extend(kids),
    }
}
