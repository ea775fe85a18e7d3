//! "Strengths first": before any job, what the answers say about the student, in positive
//! words, with a bar chart of their interests drawn in the game.

use bevy::prelude::*;

use super::{Screen, back_footer, root, top_bar};
use crate::content::fill;
use crate::game::a11y::ReadAloud;
use crate::game::a11y::{AccessRole, Accessible};
use crate::game::actions::Action;
use crate::game::anim::{Grow, PopIn};
use crate::game::content::GameContent;
use crate::game::session::Session;
use crate::game::theme::{ButtonKind, Surface, widgets};
use crate::matching::Strength;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Strengths), spawn_strengths);
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

                    // The chart, described in words for screen readers.
                    let description: Vec<String> = strengths
                        .chart
                        .iter()
                        .map(|b| {
                            fill(
                                &ui.chart_bar,
                                &[
                                    ("name", &b.name),
                                    ("percent", &b.percent.unwrap_or(0).to_string()),
                                ],
                            )
                        })
                        .collect();
                    c.spawn((widgets::card("Interest chart"), PopIn::new(0.0)))
                        .insert(Accessible::new(
                            AccessRole::Image,
                            format!("{} — {}", ui.chart_title, description.join(", ")),
                        ))
                        .with_children(|card| {
                            card.spawn(widgets::subheading(ui.chart_title.clone()));
                            for (i, bar) in strengths.chart.iter().enumerate() {
                                let percent = bar.percent.unwrap_or(0);
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
                                            width: percent_val(28.0),
                                            ..default()
                                        },
                                        Name::new("Bar name"),
                                    ))
                                    .with_children(|n| {
                                        n.spawn(widgets::body(bar.name.clone()));
                                    });
                                    row.spawn((
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
                                    ))
                                    .with_children(|t| {
                                        t.spawn((
                                            Name::new("Bar fill"),
                                            Node {
                                                width: percent_val(0.0),
                                                height: percent_val(100.0),
                                                border_radius: BorderRadius::all(px(11)),
                                                ..default()
                                            },
                                            Surface::Interest(i),
                                            BackgroundColor::default(),
                                            Grow::to(f32::from(percent), 0.1 + 0.08 * i as f32),
                                        ));
                                    });
                                    row.spawn((
                                        Node {
                                            width: px(52),
                                            ..default()
                                        },
                                        Name::new("Bar value"),
                                    ))
                                    .with_children(|n| {
                                        n.spawn(widgets::soft(fill(
                                            &ui.percent,
                                            &[("percent", &percent.to_string())],
                                        )));
                                    });
                                });
                            }
                        });

                    if strengths.is_empty() {
                        c.spawn(widgets::body(content.strings.strengths.none_yet.clone()));
                    }
                    let mut delay = 0.2;
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
                            delay += 0.07;
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

fn percent_val(v: f32) -> Val {
    Val::Percent(v)
}

fn strength_card(parent: &mut ChildSpawnerCommands, st: &Strength, delay: f32) {
    parent
        .spawn((widgets::card("Strength"), PopIn::new(delay)))
        .with_children(|card| {
            card.spawn(widgets::subheading(st.name.clone()));
            card.spawn(widgets::body(st.text.clone()));
        });
}
