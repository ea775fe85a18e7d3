//! The accessible mirror of the game. Widgets carry an [`Accessible`] component; this module
//! walks the UI tree of the current screen (or the open menu, which is modal) and builds a
//! [`DomSnapshot`]: headings, text, buttons with their pressed state, progress and lists, in
//! reading order. On the web it becomes real HTML that screen readers and the keyboard use;
//! everywhere it is also the order keyboard focus moves in. It also decides what to announce:
//! the part of a screen marked [`Announce`] (or its heading) when that changes, and short news
//! such as the answer just chosen, each once, with a number the page uses to say it once.

use bevy::prelude::*;
use serde::Serialize;

use super::content::GameContent;
use super::model::{
    AccessRole, Accessible, Act, Action, Activate, Announce, AppSystems, FocusOrder, Focused,
    MenuRoot, ReadAloud, ScreenRoot, Settings,
};
use crate::content::fill;

/// One node of the mirror. `id` names the game entity so the page can act on it; `rect` is
/// where it is drawn on the canvas and `shown` the part of that which can be seen (x, y,
/// width, height in CSS pixels; `shown` is empty when scrolled out of view). Tests that click
/// the canvas use them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DomNode {
    /// The game entity; it becomes a string (its bits) only where the page receives it.
    #[serde(rename = "id", serialize_with = "entity_id")]
    pub entity: Entity,
    #[serde(flatten)]
    pub role: AccessRole,
    pub label: String,
    pub focused: bool,
    pub rect: [f32; 4],
    pub shown: [f32; 4],
    pub children: Vec<DomNode>,
    /// Inside an `Announce` node: read out when it changes.
    #[serde(skip)]
    pub announce: bool,
    /// Inside a `ReadAloud` node: part of what read aloud says.
    #[serde(skip)]
    pub read: bool,
}

/// The latest announcement. `seq` goes up by one for each new one, so the page says each
/// once; `speech` is what read aloud says (the announcement, then the [`ReadAloud`] text).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Announcement {
    pub seq: u32,
    pub text: String,
    pub speech: String,
}

/// The mirror as last built. `modal` is true while the menu covers the screen.
#[derive(Resource, Debug, Clone, Default, PartialEq, Serialize)]
pub struct DomSnapshot {
    pub screen: String,
    pub modal: bool,
    pub nodes: Vec<DomNode>,
    pub announcement: Announcement,
    /// The settings the page acts on: speak announcements, play sounds.
    pub read_aloud: bool,
    pub sound: bool,
}

fn entity_id<S: serde::Serializer>(entity: &Entity, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&entity.to_bits().to_string())
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
            .map(|n| n.entity)
            .collect()
    }

    /// The first heading's text: the screen's name for people and tests.
    pub fn heading(&self) -> Option<&str> {
        self.flatten()
            .into_iter()
            .find(|n| matches!(n.role, AccessRole::Heading { .. }))
            .map(|n| n.label.as_str())
    }

    /// The options that can be chosen (a question's answers), in order.
    pub fn options(&self) -> Vec<Entity> {
        self.flatten()
            .into_iter()
            .filter(|n| matches!(n.role, AccessRole::Button { pressed: Some(_) }))
            .map(|n| n.entity)
            .collect()
    }

    pub fn find_button(&self, label: &str) -> Option<Entity> {
        self.flatten()
            .into_iter()
            .find(|n| matches!(n.role, AccessRole::Button { .. }) && n.label == label)
            .map(|n| n.entity)
    }
}

/// What the mirror reads from each UI node.
type MirrorNode = (
    Option<&'static Accessible>,
    Option<&'static Children>,
    Option<&'static ComputedNode>,
    Option<&'static UiGlobalTransform>,
    Option<&'static Visibility>,
    Option<&'static Node>,
    Option<&'static CalculatedClip>,
    Has<Announce>,
    Has<ReadAloud>,
);

/// The system that builds the mirror (the web bridge sends it after).
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct A11ySystems;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<DomSnapshot>()
        .init_resource::<FocusOrder>()
        .init_resource::<Announcer>()
        .add_systems(
            Update,
            note_news
                .in_set(AppSystems::RecordInput)
                .after(super::model::InputSystems),
        )
        // After layout, so a control that appeared this frame has its real size and place in
        // the mirror at once, not only after the next input wakes the game.
        .add_systems(
            PostUpdate,
            build_snapshot
                .in_set(A11ySystems)
                .after(bevy::ui::UiSystems::PostLayout),
        );
}

/// What has been announced, and what is waiting to be.
#[derive(Resource, Debug, Default)]
struct Announcer {
    /// The announced part of the screen as last seen.
    current: String,
    seq: u32,
    /// Short news to say before the next announcement ("You chose Biology.").
    pending: Vec<String>,
    /// Read aloud asked to say the current announcement again.
    again: bool,
}

/// The labels of the marked nodes, in reading order.
fn marked_text(nodes: &[&DomNode], marked: impl Fn(&DomNode) -> bool) -> String {
    let parts: Vec<&str> = nodes
        .iter()
        .filter(|n| marked(n) && !n.label.is_empty())
        .map(|n| n.label.as_str())
        .collect();
    sentences(&parts)
}

/// Joins texts into one string to be read, ending each with a full stop if it has none.
fn sentences(parts: &[&str]) -> String {
    let mut out = String::new();
    for p in parts {
        let p = p.trim();
        if p.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(p);
        if !p.ends_with(['.', '!', '?', ':', '…']) {
            out.push('.');
        }
    }
    out
}

/// Notes a chosen answer (to announce) and requests to read again.
fn note_news(
    mut activations: MessageReader<Activate>,
    mut acts: MessageReader<Act>,
    buttons: Query<(&Action, &Accessible)>,
    game: Option<Res<GameContent>>,
    mut announcer: ResMut<Announcer>,
) {
    for Activate(entity) in activations.read() {
        if let (Ok((Action::Choose { .. }, access)), Some(game)) = (buttons.get(*entity), &game) {
            let ui = &game.content.strings.ui;
            let news = fill(&ui.announce_chosen, &[("answer", &access.label)]);
            announcer.pending.push(news);
        }
    }
    if acts.read().any(|Act(a)| *a == Action::ReadAgain) {
        announcer.again = true;
    }
}

fn build_snapshot(
    mut snapshot: ResMut<DomSnapshot>,
    mut order: ResMut<FocusOrder>,
    mut announcer: ResMut<Announcer>,
    screen: Option<Res<State<super::Screen>>>,
    next_screen: Option<Res<NextState<super::Screen>>>,
    focused: Res<Focused>,
    settings: Res<Settings>,
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
        collect(root, &nodes, focused.0, Marks::default(), &mut out);
    }
    let mut next = DomSnapshot {
        screen: screen.map(|s| format!("{:?}", s.get())).unwrap_or_default(),
        modal,
        nodes: out,
        announcement: snapshot.announcement.clone(),
        read_aloud: settings.read_aloud,
        sound: settings.sound,
    };
    // The last answer's "You chose …" waits for the screen it leads to, so both are said.
    let screen_changing = next_screen.is_some_and(|n| !matches!(*n, NextState::Unchanged));
    announce(&mut next, &mut announcer, screen_changing);
    order.set_if_neq(FocusOrder {
        controls: next.focus_order(),
        options: next.options(),
    });
    // Only touch the resource when something changed, so the page is only updated then.
    if *snapshot != next {
        *snapshot = next;
    }
}

/// Decides whether there is something new to announce, and what read aloud says with it.
fn announce(next: &mut DomSnapshot, announcer: &mut Announcer, screen_changing: bool) {
    let all = next.flatten();
    if all.is_empty() {
        return; // between screens
    }
    let mut current = marked_text(&all, |n| n.announce);
    if current.is_empty() {
        current = next.heading().map(|h| sentences(&[h])).unwrap_or_default();
    }
    let changed = current != announcer.current;
    if !changed && !announcer.again && screen_changing {
        return; // keep the news for the next screen's announcement
    }
    let news = std::mem::take(&mut announcer.pending);
    let news: Vec<&str> = news.iter().map(String::as_str).collect();
    let (text, with_details) = if changed || announcer.again {
        let mut parts = news.clone();
        parts.push(&current);
        (sentences(&parts), true)
    } else if !news.is_empty() {
        (sentences(&news), false)
    } else {
        return;
    };
    announcer.again = false;
    announcer.current = current;
    announcer.seq += 1;
    let speech = if with_details {
        let details = marked_text(&all, |n| n.read && !n.announce);
        // A screen read whole starts with its heading: don't say that twice.
        match details.strip_prefix(announcer.current.as_str()) {
            Some(rest) if !announcer.current.is_empty() => sentences(&[&text, rest]),
            _ => sentences(&[&text, &details]),
        }
    } else {
        text.clone()
    };
    next.announcement = Announcement {
        seq: announcer.seq,
        text,
        speech,
    };
}

/// What a node inherits from its ancestors.
#[derive(Clone, Copy, Default)]
struct Marks {
    announce: bool,
    read: bool,
}

fn collect(
    entity: Entity,
    nodes: &Query<MirrorNode>,
    focused: Option<Entity>,
    marks: Marks,
    out: &mut Vec<DomNode>,
) {
    let Ok((access, children, computed, transform, visible, node, clip, announce, read)) =
        nodes.get(entity)
    else {
        return;
    };
    let marks = Marks {
        announce: marks.announce || announce,
        read: marks.read || read,
    };
    // Not drawn, so not there for a screen reader either.
    if visible.is_some_and(|v| *v == Visibility::Hidden)
        || node.is_some_and(|n| n.display == Display::None)
    {
        return;
    }
    let mut kids = Vec::new();
    // A button's label is its name: don't repeat its text as separate nodes.
    let leaf = access.is_some_and(|a| {
        matches!(
            a.role,
            AccessRole::Button { .. }
                | AccessRole::Link { .. }
                | AccessRole::Image
                | AccessRole::Qr { .. }
        )
    });
    if let (Some(children), false) = (children, leaf) {
        for child in children {
            collect(*child, nodes, focused, marks, &mut kids);
        }
    }
    match access {
        Some(a) => {
            let (rect, shown) = match (computed, transform) {
                (Some(c), Some(t)) => (drawn_rect(c, t, None), drawn_rect(c, t, clip)),
                _ => ([0.0; 4], [0.0; 4]),
            };
            // Empty groups add nothing for a screen reader; lift their children instead.
            if a.role == AccessRole::Group && a.label.is_empty() {
                out.extend(kids);
                return;
            }
            out.push(DomNode {
                entity,
                role: a.role.clone(),
                label: a.label.clone(),
                focused: focused == Some(entity),
                rect,
                shown,
                children: kids,
                announce: marks.announce,
                read: marks.read,
            });
        }
        None => out.extend(kids),
    }
}

/// A node's box in CSS pixels, cut by the clip of the scrolling column it sits in if given.
fn drawn_rect(
    node: &ComputedNode,
    transform: &UiGlobalTransform,
    clip: Option<&CalculatedClip>,
) -> [f32; 4] {
    let size = node.size();
    let mut rect = Rect::from_center_size(transform.translation, size);
    if let Some(clip) = clip {
        rect = rect.intersect(clip.clip);
    }
    if rect.is_empty() {
        return [0.0; 4];
    }
    let scale = node.inverse_scale_factor();
    [
        rect.min.x * scale,
        rect.min.y * scale,
        rect.width() * scale,
        rect.height() * scale,
    ]
}
