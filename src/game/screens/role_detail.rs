//! Everything the catalogue holds about one role: what it is, a day in it, where people work,
//! ways in, pay, patient contact, subjects, a myth-buster, similar roles, and the official
//! page to read more.

use bevy::prelude::*;

use super::results::{contact_name, route_names, subject_names};
use super::{back_footer, root, show_screen, top_bar};
use crate::game::anim::PopIn;
use crate::game::content::GameContent;
use crate::game::model::{AccessRole, Accessible, Action, ReadAloud, Screen};
use crate::game::session::Session;
use crate::game::theme::{ButtonKind, Surface, TextRole, motion, widgets};

/// How many similar roles the page suggests.
const SIMILAR: usize = 3;

pub(super) fn plugin(app: &mut App) {
    show_screen(app, Screen::RoleDetail, spawn_role_detail);
}

fn section(parent: &mut ChildSpawnerCommands, heading: &str, text: String, delay: f32) {
    parent
        .spawn((widgets::card("Section"), PopIn::new(delay)))
        .with_children(|card| {
            card.spawn(widgets::subheading(heading.to_owned()));
            card.spawn(widgets::body(text));
        });
}

fn spawn_role_detail(mut commands: Commands, game: Res<GameContent>, session: Res<Session>) {
    let content = game.content;
    let ui = &content.strings.ui;
    let Some(index) = session.role.filter(|i| *i < content.roles.len()) else {
        return;
    };
    let role = &content.roles[index];
    let family = content.taxonomy.family(&role.family);
    commands
        .spawn(root(Screen::RoleDetail, "Role detail screen"))
        .with_children(|s| {
            s.spawn(top_bar(ui));
            s.spawn((widgets::content_column(), ReadAloud))
                .with_children(|c| {
                    c.spawn(widgets::heading(role.title.clone()));
                    if let Some(f) = family {
                        c.spawn(widgets::row()).with_children(|r| {
                            r.spawn(widgets::badge(f.name.clone(), Surface::Primary));
                        });
                    }
                    // A job that involves death, serious illness or harm is introduced gently,
                    // before anything else about it.
                    if let Some(intro) = &role.gentle_intro {
                        section(c, &ui.take_care, intro.clone(), motion::after(0));
                    }
                    section(c, &ui.about, role.summary.clone(), motion::after(0));
                    section(c, &ui.day, role.day.clone(), motion::after(1));
                    section(
                        c,
                        &ui.where_work,
                        role.workplaces.join(", "),
                        motion::after(2),
                    );
                    c.spawn((widgets::card("Ways in"), PopIn::new(motion::after(4))))
                        .with_children(|card| {
                            card.spawn(widgets::subheading(ui.routes_label.clone()));
                            let names = route_names(content, role);
                            for (name, route) in names.into_iter().zip(&role.routes) {
                                card.spawn(widgets::body(name)).insert(TextRole::Subheading);
                                card.spawn(widgets::body(route.detail.clone()));
                            }
                        });
                    section(c, &ui.pay_label, content.pay_text(role), motion::after(5));
                    section(
                        c,
                        &ui.contact_label,
                        contact_name(content, role),
                        motion::after(6),
                    );
                    section(
                        c,
                        &ui.subjects_label,
                        subject_names(content, role).join(", "),
                        motion::after(6),
                    );
                    c.spawn((widgets::card("Myth buster"), PopIn::new(motion::after(7))))
                        .insert(Surface::Raised)
                        .with_children(|card| {
                            card.spawn(widgets::subheading(ui.myth.clone()));
                            card.spawn(widgets::body(role.myth.clone()));
                        });
                    c.spawn(widgets::subheading(ui.similar.clone()));
                    c.spawn(widgets::row()).with_children(|r| {
                        for other in game.matcher.similar(index, SIMILAR) {
                            r.spawn(widgets::button(
                                content.roles[other].title.clone(),
                                Action::OpenRole(other),
                                ButtonKind::Choice,
                            ));
                        }
                    });
                    let url = family
                        .map(|f| role.read_more(&f.read_more).to_owned())
                        .unwrap_or_default();
                    if !url.is_empty() {
                        c.spawn(widgets::button(
                            ui.read_more.clone(),
                            Action::ReadMore(url.clone()),
                            ButtonKind::Secondary,
                        ))
                        .insert(Accessible::new(
                            AccessRole::Link { url },
                            ui.read_more.clone(),
                        ));
                    }
                });
            back_footer(s, ui, []);
        });
}
