//! Shown when the content cannot be used: what went wrong, in words for students, the
//! details for whoever maintains the site, and a way to try again.

use bevy::prelude::*;

use super::{root, show_screen};
use crate::game::content::{ContentFailed, LoadProgress};
use crate::game::model::{Action, ReadAloud, Screen};
use crate::game::theme::{ButtonKind, widgets};

pub(super) fn plugin(app: &mut App) {
    show_screen(app, Screen::Error, spawn_error);
}

fn spawn_error(
    mut commands: Commands,
    failed: Option<Res<ContentFailed>>,
    progress: Res<LoadProgress>,
) {
    let details = failed.map(|f| f.0.clone()).unwrap_or_default();
    // The strings file may be what is broken, so the words come with the failure when they
    // could be read, and otherwise the details speak for themselves.
    let words = progress.words.error.clone();
    commands
        .spawn(root(Screen::Error, "Error screen"))
        .with_children(|s| {
            s.spawn((widgets::content_column(), ReadAloud))
                .with_children(|c| {
                    if let Some(words) = &words {
                        c.spawn(widgets::heading(words.title.clone()));
                        c.spawn(widgets::body(words.explanation.clone()));
                    }
                    c.spawn(widgets::soft(details.clone()));
                    if let Some(words) = &words {
                        c.spawn(widgets::button(
                            words.retry.clone(),
                            Action::Retry,
                            ButtonKind::Primary,
                        ));
                    }
                });
        });
}
