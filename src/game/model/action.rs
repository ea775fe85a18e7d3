//! What controls do, as data: the [`Action`] on a button, the messages a press becomes, and
//! which control has keyboard focus. The systems that produce and apply them live above this
//! layer (input, session, settings, menu).

use bevy::prelude::*;

use super::prefs::{TextSize, Toggle};

/// Which Explore filter a button changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FilterKind {
    Family,
    Contact,
    Route,
    Subject,
}

/// The systems that turn input into actions (page input is queued before them).
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct InputSystems;

/// What a button does.
#[derive(Component, Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Title: a fresh quiz.
    Start,
    /// Title: carry on with saved answers.
    Continue,
    /// Browse every role.
    Explore,
    OpenMenu,
    CloseMenu,
    /// Intro: on to the first question.
    BeginQuiz,
    /// Quiz: choose option `option` of item `item` (for subjects, toggle it).
    Choose {
        item: usize,
        option: usize,
    },
    /// Quiz: on from a multi-choice item.
    Next,
    /// Quiz: move on without answering.
    Skip,
    /// Go back one step.
    Back,
    /// Strengths: on to the matches.
    ShowMatches,
    /// Show one role (an index into the catalogue).
    OpenRole(usize),
    CycleFilter(FilterKind),
    ClearFilters,
    /// Open the official careers page.
    ReadMore(String),
    /// Forget the answers and start a new quiz.
    StartAgain,
    /// Forget the answers and go back to the title (for shared computers).
    FinishAndClear,
    /// Error screen: try loading again.
    Retry,
    /// Settings: text size.
    SetTextSize(TextSize),
    /// Settings: turn one on or off.
    ToggleSetting(Toggle),
    /// Read aloud: say the current question or screen again.
    ReadAgain,
    /// Put a role on the shortlist, or take it off (an index into the catalogue).
    Keep(usize),
    /// Results: this suggestion is not for me; show the next one.
    NotForMe(usize),
    /// Results: bring back the role just marked "not for me".
    Undo,
    /// Compare the roles on the shortlist side by side.
    Compare,
    /// The share screen: QR code, link and printing ("Before you go" in workshop mode).
    Share,
    /// Copy the share link.
    CopyLink,
    /// Print the careers profile (on the desktop, save it as a file).
    Print,
    /// Leave results opened from someone's link, back to this device's own.
    LeaveShared,
    /// "Still there?": yes, carry on.
    StillHere,
}

/// Press the button on this entity.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Activate(pub Entity);

/// An action to apply, from any source.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub struct Act(pub Action);

/// Marks a chosen option (drawn filled, and `pressed` for screen readers).
#[derive(Component, Debug, Default)]
pub struct Selected;

/// The one focused control, if any: moved by keyboard here, or by the page's focus on the web.
/// Bevy's own focus model (`bevy_input_focus`: `InputFocus`, `TabIndex`) is not used, and its
/// feature is off: on the web the browser moves focus through the mirror's real HTML buttons
/// and the game must follow the page, which Bevy's tab navigation over the UI tree cannot do;
/// one focus model for both cases is simpler than two kept in step.
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Focused(pub Option<Entity>);

/// Who moves focus with Tab and arrows: the game (desktop, tests) or the page (web: the
/// browser moves focus through the mirror's real buttons, and the game follows).
#[derive(Resource, Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum FocusOwner {
    #[default]
    Game,
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    Page,
}

/// The controls the student can move focus between, in reading order, and (on a question)
/// its options in order for the number keys. Built with the accessible mirror each frame from
/// the entities on screen, so keyboard focus follows the game's own tree, never page text.
#[derive(Resource, Debug, Default, Clone, PartialEq, Eq)]
pub struct FocusOrder {
    pub controls: Vec<Entity>,
    pub options: Vec<Entity>,
}
