//! Workshop mode, for a shared computer: turned on by the Settings toggle or by opening the
//! game with `?workshop`. It hides "Carry on" on the title screen (see `title`), sends
//! "Finish and clear" through "Before you go" (see `session`), and here watches for a long
//! time with nobody pressing anything: it asks "Still there?", and if nobody answers, clears
//! the answers and goes back to the title screen, so the next student finds nothing.

use std::time::Duration;

use bevy::prelude::*;

use super::model::{
    Act, Action, Activate, AppSystems, Focused, IdleLimits, Menu, Screen, Settings, WorkshopQuery,
};
use super::session::Session;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<IdleLimits>()
        .init_resource::<Idle>()
        .add_systems(Startup, apply_query)
        .add_systems(
            Update,
            (note_activity, ask_if_still_there)
                .chain()
                .in_set(AppSystems::Update),
        )
        .add_systems(Update, keep_checking.run_if(resource_changed::<Settings>));
}

/// An idle game sleeps; a workshop computer wakes every few seconds (even when its window is
/// not in front) so that "Still there?" and the clearing come on time.
fn keep_checking(settings: Res<Settings>, winit: Option<ResMut<bevy::winit::WinitSettings>>) {
    let Some(mut winit) = winit else { return };
    let every = if settings.workshop {
        CHECK_EVERY
    } else {
        Duration::from_secs(60)
    };
    winit.unfocused_mode = bevy::winit::UpdateMode::reactive_low_power(every);
}

/// How often a sleeping workshop computer looks at the clock.
const CHECK_EVERY: Duration = Duration::from_secs(5);

/// When the student last did anything, and when "Still there?" was asked.
#[derive(Resource, Debug, Default)]
struct Idle {
    last: Duration,
    asked: Option<Duration>,
}

/// `?workshop` (and `idle=N`) in the page's address, which the platform inserts on the web.
fn apply_query(
    query: Option<Res<WorkshopQuery>>,
    mut settings: ResMut<Settings>,
    mut limits: ResMut<IdleLimits>,
) {
    let Some(query) = query else { return };
    if query.workshop {
        settings.workshop = true;
    }
    if let Some(ask) = query.idle {
        // The warning stays up as long as the wait before it, at most a minute.
        *limits = IdleLimits {
            ask,
            clear: ask.min(Duration::from_secs(60)),
        };
    }
}

/// Any press, key, click, touch or move of focus counts as someone being there.
fn note_activity(
    time: Res<Time<Real>>,
    mut idle: ResMut<Idle>,
    mut acts: MessageReader<Act>,
    mut presses: MessageReader<Activate>,
    keys: Option<Res<ButtonInput<KeyCode>>>,
    mouse: Option<Res<ButtonInput<MouseButton>>>,
    touches: Option<Res<Touches>>,
    focused: Res<Focused>,
    mut next_menu: ResMut<NextState<Menu>>,
    menu: Res<State<Menu>>,
) {
    let mut active = presses.read().count() > 0 || focused.is_changed();
    for Act(action) in acts.read() {
        active = true;
        if *action == Action::StillHere && *menu.get() == Menu::StillThere {
            next_menu.set(Menu::Closed);
        }
    }
    active |= keys.is_some_and(|k| k.get_just_pressed().next().is_some())
        || mouse.is_some_and(|m| m.get_just_pressed().next().is_some())
        || touches.is_some_and(|t| t.iter_just_pressed().next().is_some());
    if active {
        idle.last = time.elapsed();
        idle.asked = None;
    }
}

fn ask_if_still_there(
    time: Res<Time<Real>>,
    limits: Res<IdleLimits>,
    settings: Res<Settings>,
    session: Res<Session>,
    screen: Res<State<Screen>>,
    menu: Res<State<Menu>>,
    mut idle: ResMut<Idle>,
    mut next_menu: ResMut<NextState<Menu>>,
    mut acts: MessageWriter<Act>,
) {
    let now = time.elapsed();
    let something_to_clear = session.can_continue()
        || !session.shortlist.is_empty()
        || !matches!(
            screen.get(),
            Screen::Title | Screen::Loading | Screen::Error
        );
    if !settings.workshop || !something_to_clear {
        idle.last = now;
        return;
    }
    match idle.asked {
        None if now.saturating_sub(idle.last) >= limits.ask && *menu.get() != Menu::StillThere => {
            idle.asked = Some(now);
            next_menu.set(Menu::StillThere);
        }
        Some(asked) if now.saturating_sub(asked) >= limits.clear => {
            idle.asked = None;
            idle.last = now;
            // The session clears at once while "Still there?" is open (no "Before you go").
            acts.write(Act(Action::FinishAndClear));
        }
        _ => {}
    }
}
