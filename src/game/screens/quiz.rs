//! The quiz: one item per screen in its own format (activity card, "I'm good at…" rating,
//! this-or-that, scenario, favourite subjects), with progress always shown, Back always
//! there, Skip for any item, and no timers.

use bevy::prelude::*;

use super::{back_footer, root, show_screen, top_bar};
use crate::content::{Format, Item, UiStrings, fill};
use crate::game::anim::PopIn;
use crate::game::content::GameContent;
use crate::game::model::{AccessRole, Accessible, Action, Announce, ReadAloud, Screen};
use crate::game::session::Session;
use crate::game::theme::{ButtonKind, motion, widgets};

pub(super) fn plugin(app: &mut App) {
    show_screen(app, Screen::Quiz, spawn_quiz);
}

fn spawn_quiz(mut commands: Commands, game: Res<GameContent>, session: Res<Session>) {
    let content = game.content;
    let ui = &content.strings.ui;
    let total = content.quiz.items.len();
    let index = session.position.min(total.saturating_sub(1));
    let Some(item) = content.quiz.items.get(index) else {
        return;
    };
    let chosen = session.answers.chosen(&item.id);
    let progress_text = fill(
        &ui.progress,
        &[
            ("number", &(index + 1).to_string()),
            ("total", &total.to_string()),
        ],
    );
    commands
        .spawn(root(Screen::Quiz, "Quiz screen"))
        .with_children(|s| {
            s.spawn(top_bar(ui));
            s.spawn(widgets::content_column()).with_children(|c| {
                c.spawn((widgets::soft(progress_text.clone()), Announce));
                c.spawn(widgets::progress_bar(index, total, progress_text));
                question_card(c, ui, item, chosen.len());
                c.spawn(options_group(ui, item.format)).with_children(|o| {
                    for (n, option) in item.options.iter().enumerate() {
                        let selected = chosen.contains(&option.id);
                        let action = Action::Choose {
                            item: index,
                            option: n,
                        };
                        o.spawn((
                            widgets::choice(
                                option.label.clone(),
                                action,
                                selected,
                                option_node(item.format),
                            ),
                            PopIn::new(motion::after(n.min(8) + 1)),
                        ));
                    }
                });
            });
            back_footer(s, ui, [onward(ui, item.format)]);
        });
}

/// The question: a hint on how to answer, the prompt, and for subjects how many are picked.
fn question_card(parent: &mut ChildSpawnerCommands, ui: &UiStrings, item: &Item, picked: usize) {
    parent
        .spawn((widgets::card("Question card"), PopIn::new(motion::after(0))))
        .with_children(|card| {
            let hint = match item.format {
                Format::Activity => Some(&ui.activity_hint),
                Format::Rating => Some(&ui.rating_hint),
                _ => None,
            };
            if let Some(hint) = hint {
                card.spawn(widgets::soft(hint.clone()));
            }
            card.spawn((widgets::big(item.prompt.clone()), Announce));
            if item.format == Format::Subjects {
                let (picked, max) = (picked.to_string(), item.max_choices.to_string());
                card.spawn(widgets::soft(fill(
                    &ui.subjects_hint,
                    &[("picked", &picked), ("max", &max)],
                )));
            }
        });
}

/// The answers' container: scenarios stack their longer answers, the rest wrap in rows.
fn options_group(ui: &UiStrings, format: Format) -> impl Bundle {
    let direction = if format == Format::Scenario {
        FlexDirection::Column
    } else {
        FlexDirection::Row
    };
    (
        Name::new("Options"),
        ReadAloud,
        Accessible::new(AccessRole::Group, ui.answers_group.clone()),
        Node {
            flex_direction: direction,
            flex_wrap: FlexWrap::Wrap,
            justify_content: JustifyContent::Center,
            column_gap: px(10),
            row_gap: px(10),
            ..default()
        },
    )
}

/// One answer's box: subjects are small chips, scenarios full width, pairs tall halves.
fn option_node(format: Format) -> Node {
    let width = match format {
        Format::Subjects => Val::Auto,
        Format::Scenario => percent(100),
        Format::ThisOrThat | Format::Activity | Format::Rating => percent(46),
    };
    let min_height = if format == Format::ThisOrThat {
        widgets::TALL_TARGET
    } else {
        widgets::MIN_TARGET
    };
    Node {
        width,
        flex_grow: if format == Format::Subjects { 0.0 } else { 1.0 },
        min_height: px(min_height),
        min_width: px(widgets::MIN_TARGET),
        padding: UiRect::axes(px(16), px(10)),
        border: UiRect::all(px(2)),
        border_radius: BorderRadius::all(px(14)),
        justify_content: JustifyContent::Center,
        align_items: AlignItems::Center,
        ..default()
    }
}

/// Subjects take several picks, so they move on with Next; anything else can be skipped.
fn onward(ui: &UiStrings, format: Format) -> (&String, Action, ButtonKind) {
    if format == Format::Subjects {
        (&ui.next, Action::Next, ButtonKind::Primary)
    } else {
        (&ui.skip, Action::Skip, ButtonKind::Secondary)
    }
}
