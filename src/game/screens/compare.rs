//! Compare: up to three kept roles side by side (stacked on a narrow screen), each with the
//! same facts in the same order: patient contact, a day in the job, ways in, pay, subjects
//! and where people work.

use bevy::prelude::*;

use super::{back_footer, root, show_screen, top_bar};
use crate::content::{Content, fill};
use crate::game::content::GameContent;
use crate::game::model::{AccessRole, Accessible, Action, Screen};
use crate::game::session::Session;
use crate::game::theme::{ButtonKind, widgets};

/// How many roles fit side by side.
pub const COMPARED: usize = 3;

pub(super) fn plugin(app: &mut App) {
    show_screen(app, Screen::Compare, spawn_compare);
}

fn spawn_compare(mut commands: Commands, game: Res<GameContent>, session: Res<Session>) {
    let content = game.content;
    let ui = &content.strings.ui;
    let kept = session.kept_roles(content);
    // The last kept are the ones the student has in mind.
    let compared = &kept[kept.len().saturating_sub(COMPARED)..];
    commands
        .spawn(root(Screen::Compare, "Compare screen"))
        .with_children(|s| {
            s.spawn(top_bar(ui));
            s.spawn(widgets::content_column()).with_children(|c| {
                c.spawn(widgets::heading(ui.compare_title.clone()));
                if compared.len() < 2 {
                    c.spawn(widgets::body(ui.compare_none.clone()));
                } else if kept.len() > COMPARED {
                    let count = kept.len().to_string();
                    c.spawn(widgets::soft(fill(&ui.compare_more, &[("count", &count)])));
                }
                if !compared.is_empty() {
                    c.spawn(columns()).with_children(|row| {
                        for index in compared {
                            column(row, content, *index);
                        }
                    });
                }
            });
            back_footer(s, ui, []);
        });
}

fn columns() -> impl Bundle {
    (
        Name::new("Compared roles"),
        Node {
            flex_wrap: FlexWrap::Wrap,
            column_gap: px(12),
            row_gap: px(12),
            align_items: AlignItems::Stretch,
            ..default()
        },
        Accessible::new(AccessRole::List, ""),
    )
}

/// One role's facts, in the order every column shares.
fn column(row: &mut ChildSpawnerCommands, content: &Content, index: usize) {
    let ui = &content.strings.ui;
    let role = &content.roles[index];
    row.spawn(widgets::card("Compared role"))
        .insert((
            Node {
                flex_grow: 1.0,
                flex_basis: px(200),
                min_width: px(180),
                flex_direction: FlexDirection::Column,
                row_gap: px(8),
                padding: UiRect::all(px(14)),
                border_radius: BorderRadius::all(px(16)),
                ..default()
            },
            Accessible::new(AccessRole::ListItem, ""),
        ))
        .with_children(|card| {
            card.spawn(widgets::subheading(role.title.clone()));
            let facts = [
                (&ui.contact_label, content.contact_name(role)),
                (&ui.day, role.day.clone()),
                (&ui.routes_label, content.route_names(role).join(", ")),
                (&ui.pay_label, content.pay_text(role)),
                (&ui.subjects_label, content.subject_names(role).join(", ")),
                (&ui.where_work, role.workplaces.join(", ")),
            ];
            for (label, value) in facts {
                card.spawn(widgets::soft(label.clone()));
                card.spawn(widgets::body(value));
            }
            card.spawn(widgets::button(
                fill(&ui.find_out_more, &[("role", &role.title)]),
                Action::OpenRole(index),
                ButtonKind::Secondary,
            ));
        });
}
