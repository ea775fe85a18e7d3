//! A short intro before the quiz: no right or wrong answers, skip any time, nothing leaves
//! the device.

use bevy::prelude::*;

use super::{back_footer, root, show_screen, top_bar};
use crate::game::anim::PopIn;
use crate::game::content::GameContent;
use crate::game::model::{Action, ReadAloud, Screen};
use crate::game::theme::{ButtonKind, motion, widgets};

pub(super) fn plugin(app: &mut App) {
    show_screen(app, Screen::Intro, spawn_intro);
}

fn spawn_intro(mut commands: Commands, game: Res<GameContent>) {
    let ui = &game.content.strings.ui;
    commands
        .spawn(root(Screen::Intro, "Intro screen"))
        .with_children(|s| {
            s.spawn(top_bar(ui));
            s.spawn((widgets::content_column(), ReadAloud))
                .with_children(|c| {
                    c.spawn(widgets::heading(ui.intro_title.clone()));
                    let points = [
                        &ui.intro_no_wrong,
                        &ui.intro_skip,
                        &ui.intro_private,
                        &ui.intro_time,
                    ];
                    for (i, point) in points.into_iter().enumerate() {
                        c.spawn((
                            widgets::card("Intro point"),
                            PopIn::new(motion::after(2 * i)),
                        ))
                        .with_children(|card| {
                            card.spawn(widgets::body(point.clone()));
                        });
                    }
                });
            back_footer(
                s,
                ui,
                [(&ui.intro_go, Action::BeginQuiz, ButtonKind::Primary)],
            );
        });
}
