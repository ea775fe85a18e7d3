//! "Strengths first": before any job, what the answers say about the student, in positive
//! words, with a bar chart of their interests drawn in the game.

use bevy::prelude::*;

use super::{back_footer, root, shared_banner, show_screen, top_bar};
use crate::content::UiStrings;
use crate::content::fill;
use crate::game::anim::{Grow, PopIn};
use crate::game::content::GameContent;
use crate::game::model::{AccessRole, Accessible, Action, ReadAloud, Screen};
use crate::game::session::Session;
use crate::game::theme::{ButtonKind, Surface, motion, widgets};
use crate::matching::{ChartBar, Strength};

pub(super) fn plugin(app: &mut App) {
    show_screen(app, Screen::Strengths, spawn_strengths);
}

fn spawn_strengths(mut commands: Commands, game: Res<GameContent>, session: Res<Session>) {
    let content = game.content;
    let ui = &content.strings.ui;
    let strengths = game.matcher.results(&session.answers).strengths;
    commands
        .spawn(root(Screen::Strengths, "Strengths screen"))
        .with_children(|s| {
            s.spawn(top_bar(ui));
            s.spawn((widgets::content_column(), ReadAloud))
                .with_children(|c| {
                    c.spawn(widgets::heading(ui.strengths_title.clone()));
                    shared_banner(c, ui, &session);

                    chart(c, ui, &strengths.chart);
                    if strengths.is_empty() {
                        c.spawn(widgets::body(content.strings.strengths.none_yet.clone()));
                    }
                    let mut delay = motion::after(5);
                    for (heading, list) in [
                        (&ui.strengths_interests, &strengths.interests),
                        (&ui.strengths_skills, &strengths.skills),
                        (&ui.strengths_styles, &strengths.work_styles),
                    ] {
                        if list.is_empty() {
                            continue;
                        }
                        c.spawn(widgets::subheading(heading.clone()));
                        for st in list {
                            strength_card(c, st, delay);
                            delay += motion::after(2);
                        }
                    }
                });
            back_footer(
                s,
                ui,
                [(&ui.see_matches, Action::ShowMatches, ButtonKind::Primary)],
            );
        });
}

/// The interest chart in a card, described in words for screen readers. An interest no
/// answered card measured says so instead of showing 0 %, which would read as a dislike.
fn chart(parent: &mut ChildSpawnerCommands, ui: &UiStrings, bars: &[ChartBar]) {
    let words = |bar: &ChartBar| match bar.percent {
        Some(p) => fill(
            &ui.chart_bar,
            &[("name", &bar.name), ("percent", &p.to_string())],
        ),
        None => fill(&ui.chart_unanswered, &[("name", &bar.name)]),
    };
    let description: Vec<String> = bars.iter().map(words).collect();
    parent
        .spawn((
            widgets::card("Interest chart"),
            PopIn::new(motion::after(0)),
        ))
        .insert(Accessible::new(
            AccessRole::Image,
            format!("{} — {}", ui.chart_title, description.join(", ")),
        ))
        .with_children(|card| {
            card.spawn(widgets::subheading(ui.chart_title.clone()));
            for (i, bar) in bars.iter().enumerate() {
                chart_bar(card, ui, i, bar);
            }
        });
}

/// One row of the chart: the interest's name, a bar that grows to its share, and the figure.
fn chart_bar(card: &mut ChildSpawnerCommands, ui: &UiStrings, i: usize, bar: &ChartBar) {
    let value = match bar.percent {
        Some(p) => fill(&ui.percent, &[("percent", &p.to_string())]),
        None => ui.not_answered.clone(),
    };
    card.spawn((
        Name::new(format!("Bar: {}", bar.name)),
        Node {
            align_items: AlignItems::Center,
            column_gap: px(10),
            ..default()
        },
    ))
    .with_children(|row| {
        row.spawn((
            Node {
                width: Val::Percent(28.0),
                ..default()
            },
            Name::new("Bar name"),
        ))
        .with_children(|n| {
            n.spawn(widgets::body(bar.name.clone()));
        });
        row.spawn(bar_track()).with_children(|t| {
            t.spawn(bar_fill(i, bar.percent.unwrap_or(0)));
        });
        row.spawn((
            Node {
                min_width: px(52),
                ..default()
            },
            Name::new("Bar value"),
        ))
        .with_children(|n| {
            n.spawn(widgets::soft(value));
        });
    });
}

fn bar_track() -> impl Bundle {
    (
        Name::new("Bar track"),
        Node {
            flex_grow: 1.0,
            height: px(22),
            border_radius: BorderRadius::all(px(11)),
            overflow: Overflow::clip(),
            ..default()
        },
        Surface::Track,
        BackgroundColor::default(),
    )
}

/// The coloured part of a bar; it grows from nothing, one bar after another.
fn bar_fill(i: usize, percent: u8) -> impl Bundle {
    (
        Name::new("Bar fill"),
        Node {
            width: Val::Percent(0.0),
            height: Val::Percent(100.0),
            border_radius: BorderRadius::all(px(11)),
            ..default()
        },
        Surface::Interest(i),
        BackgroundColor::default(),
        Grow::to(f32::from(percent), motion::after(2 + 2 * i)),
    )
}

fn strength_card(parent: &mut ChildSpawnerCommands, st: &Strength, delay: f32) {
    parent
        .spawn((widgets::card("Strength"), PopIn::new(delay)))
        .with_children(|card| {
            card.spawn(widgets::subheading(st.name.clone()));
            card.spawn(widgets::body(st.text.clone()));
        });
}
