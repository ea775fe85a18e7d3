//! Explore: every role in the catalogue, filtered by family, patient contact, way in and
//! school subject, each with Keep to put it on the shortlist.

use bevy::prelude::*;

use super::{back_footer, keep_button, root, show_screen, top_bar};
use crate::content::{Content, Role, UiStrings, fill};
use crate::game::content::GameContent;
use crate::game::model::{AccessRole, Accessible, Action, FilterKind, Screen};
use crate::game::session::{ExploreFilters, Session};
use crate::game::theme::{ButtonKind, widgets};

pub(super) fn plugin(app: &mut App) {
    show_screen(app, Screen::Explore, spawn_explore);
}

/// The filter's name and its current value, in words.
fn filter_label(content: &Content, filters: &ExploreFilters, kind: FilterKind) -> String {
    let ui = &content.strings.ui;
    let t = &content.taxonomy;
    let (name, value) = match kind {
        FilterKind::Family => (
            &ui.family_label,
            filters
                .family
                .as_ref()
                .and_then(|f| t.family(f))
                .map(|f| f.name.clone()),
        ),
        FilterKind::Contact => (
            &ui.contact_label,
            filters
                .contact
                .and_then(|c| t.patient_contact(c.id()))
                .map(|c| c.name.clone()),
        ),
        FilterKind::Route => (
            &ui.routes_label,
            filters
                .route
                .as_ref()
                .and_then(|r| t.route(r))
                .map(|r| r.name.clone()),
        ),
        FilterKind::Subject => (
            &ui.subjects_label,
            filters
                .subject
                .as_ref()
                .and_then(|s| t.subject(s))
                .map(|s| s.name.clone()),
        ),
    };
    fill(
        &ui.filter,
        &[
            ("name", name),
            ("value", &value.unwrap_or_else(|| ui.any.clone())),
        ],
    )
}

fn spawn_explore(mut commands: Commands, game: Res<GameContent>, session: Res<Session>) {
    let content = game.content;
    let ui = &content.strings.ui;
    let filters = &session.filters;
    let shown: Vec<usize> = (0..content.roles.len())
        .filter(|i| filters.matches(&content.roles[*i], &content.taxonomy))
        .collect();
    commands
        .spawn(root(Screen::Explore, "Explore screen"))
        .with_children(|s| {
            s.spawn(top_bar(ui));
            s.spawn(widgets::content_column()).with_children(|c| {
                c.spawn(widgets::heading(ui.explore_title.clone()));
                filter_buttons(c, content, filters);
                let count = match shown.len() {
                    1 => ui.explore_count_one.clone(),
                    n => fill(&ui.explore_count, &[("count", &n.to_string())]),
                };
                c.spawn(widgets::soft(count));
                if shown.is_empty() {
                    c.spawn(widgets::body(ui.no_matches.clone()));
                }
                c.spawn(widgets::list("Role list", 8.0))
                    .with_children(|list| {
                        for i in shown {
                            let role = &content.roles[i];
                            role_item(list, ui, role, i, session.is_kept(role));
                        }
                    });
            });
            back_footer(s, ui, []);
        });
}

/// One button per filter, showing its current value; a press moves it on. Clear appears
/// once any filter is set.
fn filter_buttons(c: &mut ChildSpawnerCommands, content: &Content, filters: &ExploreFilters) {
    let ui = &content.strings.ui;
    c.spawn(widgets::row()).with_children(|r| {
        for kind in [
            FilterKind::Family,
            FilterKind::Contact,
            FilterKind::Route,
            FilterKind::Subject,
        ] {
            r.spawn(widgets::button(
                filter_label(content, filters, kind),
                Action::CycleFilter(kind),
                ButtonKind::Choice,
            ));
        }
        if !filters.is_empty() {
            r.spawn(widgets::button(
                ui.clear_filters.clone(),
                Action::ClearFilters,
                ButtonKind::Secondary,
            ));
        }
    });
}

/// A role's name (opening its page) and Keep beside it.
fn role_item(
    list: &mut ChildSpawnerCommands,
    ui: &UiStrings,
    role: &Role,
    index: usize,
    kept: bool,
) {
    list.spawn((
        Name::new("Role item"),
        Node {
            column_gap: px(8),
            align_items: AlignItems::Center,
            ..default()
        },
        Accessible::new(AccessRole::ListItem, ""),
    ))
    .with_children(|item| {
        item.spawn(widgets::button(
            role.title.clone(),
            Action::OpenRole(index),
            ButtonKind::Secondary,
        ))
        .insert(Node {
            flex_grow: 1.0,
            ..widgets::button_node()
        });
        keep_button(item, ui, role, index, kept);
    });
}
