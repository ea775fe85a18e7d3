//! What buttons do, however they are pressed. A press by pointer, touch, keyboard or the
//! DOM mirror becomes an [`Activate`] of the button's entity; its [`Action`] then becomes an
//! [`Act`] message that the session applies. Keyboard focus lives here too: one [`Focused`]
//! entity, moved by Tab and arrow keys or by the page's focus, and shown as a ring.

use bevy::input::ButtonState;
use bevy::input::keyboard::KeyboardInput;
use bevy::prelude::*;

use super::model::{
    Act, Action, Activate, AppSystems, FocusOrder, FocusOwner, Focused, InputSystems, Menu, Screen,
};

pub(super) fn plugin(app: &mut App) {
    app.add_message::<Activate>()
        .add_message::<Act>()
        .init_resource::<Focused>()
        .init_resource::<FocusOwner>()
        .add_systems(
            Update,
            (press_on_pointer, keyboard_input, activate_to_act)
                .chain()
                .in_set(InputSystems)
                .in_set(AppSystems::RecordInput),
        )
        .init_resource::<FocusMemory>()
        .add_systems(Update, keep_focus.in_set(AppSystems::Present));
}

fn press_on_pointer(
    buttons: Query<(Entity, &Interaction), (Changed<Interaction>, With<Action>)>,
    mut activate: MessageWriter<Activate>,
    mut focused: ResMut<Focused>,
) {
    for (entity, interaction) in &buttons {
        if *interaction == Interaction::Pressed {
            // Pointer presses don't show a focus ring, but keep focus in step.
            focused.set_if_neq(Focused(Some(entity)));
            activate.write(Activate(entity));
        }
    }
}

fn keyboard_input(
    mut keys: MessageReader<KeyboardInput>,
    held: Res<ButtonInput<KeyCode>>,
    focus_order: Res<FocusOrder>,
    screen: Option<Res<State<Screen>>>,
    menu: Option<Res<State<Menu>>>,
    owner: Res<FocusOwner>,
    mut focused: ResMut<Focused>,
    mut activate: MessageWriter<Activate>,
    mut act: MessageWriter<Act>,
) {
    for key in keys.read() {
        if key.state != ButtonState::Pressed {
            continue;
        }
        let on_question = screen.as_ref().is_some_and(|s| *s.get() == Screen::Quiz)
            && menu.as_ref().is_none_or(|m| *m.get() == Menu::Closed);
        let order = &focus_order.controls;
        let step = |forward: bool, current: Option<Entity>| -> Option<Entity> {
            if order.is_empty() {
                return None;
            }
            let at = current.and_then(|c| order.iter().position(|e| *e == c));
            let next = match (at, forward) {
                (None, true) => 0,
                (None, false) => order.len() - 1,
                (Some(i), true) => (i + 1) % order.len(),
                (Some(i), false) => (i + order.len() - 1) % order.len(),
            };
            Some(order[next])
        };
        let shift = held.any_pressed([KeyCode::ShiftLeft, KeyCode::ShiftRight]);
        let moves_focus = *owner == FocusOwner::Game;
        match key.key_code {
            KeyCode::Tab if moves_focus => focused.0 = step(!shift, focused.0),
            KeyCode::ArrowDown | KeyCode::ArrowRight if moves_focus => {
                focused.0 = step(true, focused.0)
            }
            KeyCode::ArrowUp | KeyCode::ArrowLeft if moves_focus => {
                focused.0 = step(false, focused.0)
            }
            KeyCode::Enter | KeyCode::NumpadEnter | KeyCode::Space => {
                if let Some(entity) = focused.0 {
                    activate.write(Activate(entity));
                }
            }
            KeyCode::Escape => {
                act.write(Act(Action::Back));
            }
            // Number keys choose a question's answer by its place (1 is the first).
            code if on_question => {
                if let Some(n) = digit(code)
                    && let Some(option) = focus_order.options.get(n - 1)
                {
                    activate.write(Activate(*option));
                }
            }
            _ => {}
        }
    }
}

fn digit(code: KeyCode) -> Option<usize> {
    let n = match code {
        KeyCode::Digit1 | KeyCode::Numpad1 => 1,
        KeyCode::Digit2 | KeyCode::Numpad2 => 2,
        KeyCode::Digit3 | KeyCode::Numpad3 => 3,
        KeyCode::Digit4 | KeyCode::Numpad4 => 4,
        KeyCode::Digit5 | KeyCode::Numpad5 => 5,
        KeyCode::Digit6 | KeyCode::Numpad6 => 6,
        KeyCode::Digit7 | KeyCode::Numpad7 => 7,
        KeyCode::Digit8 | KeyCode::Numpad8 => 8,
        KeyCode::Digit9 | KeyCode::Numpad9 => 9,
        _ => return None,
    };
    Some(n)
}

fn activate_to_act(
    mut activations: MessageReader<Activate>,
    actions: Query<&Action>,
    mut act: MessageWriter<Act>,
) {
    for Activate(entity) in activations.read() {
        if let Ok(action) = actions.get(*entity) {
            act.write(Act(action.clone()));
        }
    }
}

/// The focused control's action, and where it was, so focus survives a rebuild.
#[derive(Resource, Debug, Default)]
struct FocusMemory(Option<(Place, Action)>);

/// Where the student is: the screen and whether the menu is open.
type Place = (Option<Screen>, Option<Menu>);

fn place(screen: &Option<Res<State<Screen>>>, menu: &Option<Res<State<Menu>>>) -> Place {
    (
        screen.as_ref().map(|s| *s.get()),
        menu.as_ref().map(|m| *m.get()),
    )
}

/// When the focused control is despawned because its screen was rebuilt (a subject ticked, a
/// setting changed), focus moves to the control that does the same thing in the new build,
/// so keyboard and screen-reader users stay where they were. On a new screen it is dropped.
fn keep_focus(
    mut focused: ResMut<Focused>,
    mut memory: ResMut<FocusMemory>,
    buttons: Query<(Entity, &Action)>,
    screen: Option<Res<State<Screen>>>,
    menu: Option<Res<State<Menu>>>,
) {
    let here = place(&screen, &menu);
    if let Some(e) = focused.0
        && !buttons.contains(e)
    {
        let same = memory.0.as_ref().and_then(|(at, action)| {
            (*at == here)
                .then(|| buttons.iter().find(|(_, a)| *a == action).map(|(e, _)| e))
                .flatten()
        });
        focused.0 = same;
    }
    let now = focused
        .0
        .and_then(|e| buttons.get(e).ok())
        .map(|(_, a)| (here, a.clone()));
    if memory.0 != now {
        memory.0 = now;
    }
}
