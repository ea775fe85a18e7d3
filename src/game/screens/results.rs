//! The matches, revealed one card at a time: how well each fits (in words, never a false
//! percentage), kind (wildcard, not hands-on), reasons from
//! the student's own answers, subjects, ways in, pay and patient contact, with a way to find
//! out more about each, to keep it or to say it is not for me (with undo). Then the jobs kept,
//! comparing them, and sharing or printing.

use bevy::prelude::*;

use super::{RebuildSystems, back_footer, keep_button, root, shared_banner, show_screen, top_bar};
use crate::content::{Content, UiStrings, fill};
use crate::game::anim::PopIn;
use crate::game::content::GameContent;
use crate::game::model::{AccessRole, Accessible, Action, Announce, AppSystems, ReadAloud, Screen};
use crate::game::session::Session;
use crate::game::theme::{ButtonKind, Surface, motion, widgets};
use crate::matching::{Confidence, Match, MatchKind};

pub(super) fn plugin(app: &mut App) {
    show_screen(app, Screen::Results, spawn_results);
    app.add_systems(
        Update,
        refresh_shortlist
            .run_if(in_state(Screen::Results).and_then(resource_changed::<Session>))
            .in_set(AppSystems::Rebuild)
            .after(RebuildSystems),
    );
}

/// The shortlist card, rebuilt alone when a Keep is pressed.
#[derive(Component)]
struct ShortlistCard;

/// Only when the shortlist itself changed: other changes (a job dropped, undo) rebuild the
/// whole screen, card included.
fn refresh_shortlist(
    mut commands: Commands,
    game: Res<GameContent>,
    session: Res<Session>,
    cards: Query<Entity, With<ShortlistCard>>,
    mut shown: Local<Vec<String>>,
) {
    if *shown == session.shortlist {
        return;
    }
    shown.clone_from(&session.shortlist);
    for card in &cards {
        commands
            .entity(card)
            .despawn_children()
            .with_children(|c| shortlist_contents(c, game.content, &session));
    }
}

fn spawn_results(mut commands: Commands, game: Res<GameContent>, session: Res<Session>) {
    let content = game.content;
    let ui = &content.strings.ui;
    let dropped = session.dropped_roles(content);
    let results = game.matcher.results_without(&session.answers, &dropped);
    commands
        .spawn(root(Screen::Results, "Results screen"))
        .with_children(|s| {
            s.spawn(top_bar(ui));
            s.spawn(widgets::content_column()).with_children(|c| {
                c.spawn((widgets::heading(ui.results_title.clone()), Announce));
                shared_banner(c, ui, &session);
                if results.matches.is_empty() {
                    c.spawn(widgets::body(ui.no_results.clone()));
                    return;
                }
                c.spawn((widgets::soft(ui.results_intro.clone()), Announce));
                if let Some(text) = evidence_notice(ui, results.confidence) {
                    c.spawn((widgets::notice(text.clone()), Announce));
                }
                undo_notice(c, content, &session);
                c.spawn((widgets::list("Matches", 14.0), ReadAloud))
                    .with_children(|list| {
                        for (n, m) in results.matches.iter().enumerate() {
                            let delay = motion::after(4) + motion::REVEAL_STEP * n as f32;
                            let kept = session.is_kept(&content.roles[m.role]);
                            match_card(list, content, m, kept, delay);
                        }
                    });
                shortlist(c, content, &session);
                clear_buttons(c, ui);
            });
            back_footer(s, ui, [(&ui.explore, Action::Explore, ButtonKind::Primary)]);
        });
}

/// Honest about how much the answers say, and kind about it.
fn evidence_notice(ui: &UiStrings, confidence: Confidence) -> Option<&String> {
    match confidence {
        Confidence::Little => Some(&ui.little_evidence),
        Confidence::Some => Some(&ui.some_evidence),
        Confidence::Enough => None,
    }
}

/// After "Not for me": which job went, with a way to bring it back.
fn undo_notice(parent: &mut ChildSpawnerCommands, content: &Content, session: &Session) {
    let ui = &content.strings.ui;
    let Some(role) = session
        .undo
        .as_ref()
        .and_then(|id| content.role_index(id))
        .map(|i| &content.roles[i])
    else {
        return;
    };
    parent
        .spawn((widgets::card("Undo"), Announce))
        .insert(Surface::Raised)
        .with_children(|card| {
            card.spawn(widgets::body(fill(
                &ui.dropped_notice,
                &[("role", &role.title)],
            )));
            card.spawn(widgets::button(
                ui.undo.clone(),
                Action::Undo,
                ButtonKind::Primary,
            ));
        });
}

/// The jobs the student kept, each a way to its page, and comparing them.
fn shortlist(parent: &mut ChildSpawnerCommands, content: &Content, session: &Session) {
    parent
        .spawn((widgets::card("Shortlist"), ShortlistCard))
        .with_children(|card| shortlist_contents(card, content, session));
}

fn shortlist_contents(card: &mut ChildSpawnerCommands, content: &Content, session: &Session) {
    let ui = &content.strings.ui;
    let kept = session.kept_roles(content);
    card.spawn(widgets::subheading(ui.shortlist_title.clone()));
    if kept.is_empty() {
        card.spawn(widgets::soft(ui.shortlist_empty.clone()));
        return;
    }
    card.spawn(widgets::row()).with_children(|row| {
        for i in &kept {
            row.spawn(widgets::button(
                content.roles[*i].title.clone(),
                Action::OpenRole(*i),
                ButtonKind::Choice,
            ));
        }
    });
    if kept.len() >= 2 {
        card.spawn(widgets::button(
            ui.compare.clone(),
            Action::Compare,
            ButtonKind::Primary,
        ));
    }
}

/// After the list, not in the footer: on a small screen a footer of four buttons would hide
/// half the cards. The clearing ones are in the Settings menu as well.
fn clear_buttons(parent: &mut ChildSpawnerCommands, ui: &UiStrings) {
    widgets::button_row(
        parent,
        [
            (&ui.share, Action::Share, ButtonKind::Primary),
            (&ui.start_again, Action::StartAgain, ButtonKind::Secondary),
            (
                &ui.finish_and_clear,
                Action::FinishAndClear,
                ButtonKind::Secondary,
            ),
        ],
    );
}

/// "Label: value" lines share this look.
fn fact(parent: &mut ChildSpawnerCommands, label: &str, value: String) {
    parent
        .spawn((
            Name::new(format!("Fact: {label}")),
            Node {
                flex_direction: FlexDirection::Column,
                ..default()
            },
        ))
        .with_children(|f| {
            f.spawn(widgets::soft(label.to_owned()));
            f.spawn(widgets::body(value));
        });
}

fn match_card(
    list: &mut ChildSpawnerCommands,
    content: &Content,
    m: &Match,
    kept: bool,
    delay: f32,
) {
    let ui = &content.strings.ui;
    let role = &content.roles[m.role];
    let family = content
        .taxonomy
        .family(&role.family)
        .map(|f| f.name.clone())
        .unwrap_or_default();
    list.spawn((widgets::card("Match card"), PopIn::new(delay)))
        .insert(Accessible::new(AccessRole::ListItem, ""))
        .with_children(|card| {
            card_head(card, ui, &role.title, m);
            card.spawn(widgets::soft(family));
            card.spawn(widgets::subheading(ui.why.clone()));
            card.spawn(widgets::list("Reasons", 4.0))
                .with_children(|reasons| {
                    for r in &m.reasons {
                        reason_line(reasons, &r.text);
                    }
                });
            card.spawn(facts_row()).with_children(|facts| {
                let subjects = content.subject_names(role).join(", ");
                fact(facts, &ui.subjects_label, subjects);
                fact(
                    facts,
                    &ui.routes_label,
                    content.route_names(role).join(", "),
                );
                fact(facts, &ui.contact_label, content.contact_name(role));
            });
            fact(card, &ui.pay_label, content.pay_text(role));
            card.spawn(widgets::row()).with_children(|row| {
                row.spawn(widgets::button(
                    fill(&ui.find_out_more, &[("role", &role.title)]),
                    Action::OpenRole(m.role),
                    ButtonKind::Secondary,
                ));
                keep_button(row, ui, role, m.role, kept);
                row.spawn(widgets::button(
                    ui.not_for_me.clone(),
                    Action::NotForMe(m.role),
                    ButtonKind::Secondary,
                ))
                .insert(Accessible::new(
                    AccessRole::Button { pressed: None },
                    fill(&ui.not_for_me_named, &[("role", &role.title)]),
                ));
            });
        });
}

/// The role's title with its fit in words, and a badge if it is the wildcard or the pick
/// that is not hands-on with patients.
fn card_head(card: &mut ChildSpawnerCommands, ui: &UiStrings, title: &str, m: &Match) {
    let extra = match m.kind {
        MatchKind::Wildcard => Some((&ui.wildcard, Surface::Wildcard)),
        MatchKind::NonClinical => Some((&ui.non_clinical_pick, Surface::Accent)),
        MatchKind::Top => None,
    };
    card.spawn((
        Name::new("Card head"),
        Node {
            flex_wrap: FlexWrap::Wrap,
            align_items: AlignItems::Center,
            column_gap: px(10),
            row_gap: px(6),
            ..default()
        },
    ))
    .with_children(|head| {
        head.spawn(widgets::subheading(title.to_owned()));
        head.spawn(widgets::badge(m.band.words(ui), Surface::Primary));
        if let Some((text, surface)) = extra {
            head.spawn(widgets::badge(text.clone(), surface));
        }
    });
}

/// One reason, after a coloured dot.
fn reason_line(list: &mut ChildSpawnerCommands, text: &str) {
    list.spawn((
        Name::new("Reason"),
        Node {
            column_gap: px(8),
            align_items: AlignItems::Start,
            ..default()
        },
        Accessible::new(AccessRole::ListItem, ""),
    ))
    .with_children(|line| {
        line.spawn((
            Name::new("Dot"),
            Node {
                width: px(10),
                height: px(10),
                margin: UiRect::top(px(8)),
                border_radius: BorderRadius::all(px(5)),
                flex_shrink: 0.0,
                ..default()
            },
            Surface::Accent,
            BackgroundColor::default(),
        ));
        line.spawn(widgets::body(text.to_owned()));
    });
}

fn facts_row() -> impl Bundle {
    (
        Name::new("Facts"),
        Node {
            flex_wrap: FlexWrap::Wrap,
            column_gap: px(18),
            row_gap: px(8),
            ..default()
        },
    )
}
