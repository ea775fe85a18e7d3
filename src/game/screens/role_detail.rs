//! Everything the catalogue holds about one role: what it is, a day in it, where people work,
//! ways in, pay, patient contact, subjects, a myth-buster, similar roles, and the official
//! page to read more.

use bevy::prelude::*;

use super::{back_footer, keep_button, root, show_screen, top_bar};
use crate::content::{Content, Role, UiStrings};
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
                    c.spawn(widgets::row()).with_children(|r| {
                        if let Some(f) = family {
                            r.spawn(widgets::badge(f.name.clone(), Surface::Primary));
                        }
                        keep_button(r, ui, role, index, session.is_kept(role));
                    });
                    facts(c, content, role);
                    similar_roles(c, &game, index);
                    let url = family.map(|f| role.read_more(&f.read_more).to_owned());
                    if let Some(url) = url.filter(|u| !u.is_empty()) {
                        read_more(c, ui, url);
                    }
                });
            back_footer(s, ui, []);
        });
}

/// The role's facts, one card each, in the order a student reads them. A job that involves
/// death, serious illness or harm is introduced gently, before anything else about it.
fn facts(c: &mut ChildSpawnerCommands, content: &Content, role: &Role) {
    let ui = &content.strings.ui;
    if let Some(intro) = &role.gentle_intro {
        section(c, &ui.take_care, intro.clone(), motion::after(0));
    }
    section(c, &ui.about, role.summary.clone(), motion::after(0));
    section(c, &ui.day, role.day.clone(), motion::after(1));
    let workplaces = role.workplaces.join(", ");
    section(c, &ui.where_work, workplaces, motion::after(2));
    ways_in(c, content, role);
    section(c, &ui.pay_label, content.pay_text(role), motion::after(5));
    let contact = content.contact_name(role);
    section(c, &ui.contact_label, contact, motion::after(6));
    let subjects = content.subject_names(role).join(", ");
    section(c, &ui.subjects_label, subjects, motion::after(6));
    c.spawn((widgets::card("Myth buster"), PopIn::new(motion::after(7))))
        .insert(Surface::Raised)
        .with_children(|card| {
            card.spawn(widgets::subheading(ui.myth.clone()));
            card.spawn(widgets::body(role.myth.clone()));
        });
}

/// Each route in by name (with its apprenticeship level), then what it means.
fn ways_in(c: &mut ChildSpawnerCommands, content: &Content, role: &Role) {
    let ui = &content.strings.ui;
    c.spawn((widgets::card("Ways in"), PopIn::new(motion::after(4))))
        .with_children(|card| {
            card.spawn(widgets::subheading(ui.routes_label.clone()));
            let names = content.route_names(role);
            for (name, route) in names.into_iter().zip(&role.routes) {
                card.spawn(widgets::body(name)).insert(TextRole::Subheading);
                card.spawn(widgets::body(route.detail.clone()));
            }
        });
}

fn similar_roles(c: &mut ChildSpawnerCommands, game: &GameContent, index: usize) {
    let content = game.content;
    c.spawn(widgets::subheading(content.strings.ui.similar.clone()));
    c.spawn(widgets::row()).with_children(|r| {
        for other in game.matcher.similar(index, SIMILAR) {
            r.spawn(widgets::button(
                content.roles[other].title.clone(),
                Action::OpenRole(other),
                ButtonKind::Choice,
            ));
        }
    });
}

/// The official careers page: a link for screen readers, opened in a new tab.
fn read_more(c: &mut ChildSpawnerCommands, ui: &UiStrings, url: String) {
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
