//! Headless game tests: the real game plugins on `MinimalPlugins` + `StatesPlugin`, no window.
//! They play the game through the same path the page's buttons use (the DOM mirror's
//! entities), and check the screens, the recorded answers and the matches shown.
#![cfg(feature = "game")]

mod common;

use bevy::input::ButtonState;
use bevy::input::InputPlugin;
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::text::RemSize;
use bevy::time::TimeUpdateStrategy;
use bevy::window::RequestRedraw;
use common::shipped;
use find_your_fit::content::{Format, fill};
use find_your_fit::game::MemoryBackend;
use find_your_fit::game::{
    self, Activate, DomSnapshot, GameContent, Menu, SaveStore, Screen, Session, Settings,
    SettingsStore, TextSize,
};
use std::time::Duration;

fn app_with_save(save: Option<&str>) -> App {
    app_with_stores(save, None)
}

fn app_with_stores(save: Option<&str>, settings: Option<&str>) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin, InputPlugin));
    app.init_resource::<RemSize>();
    app.insert_resource(SaveStore::new(MemoryBackend(save.map(str::to_owned))));
    app.insert_resource(SettingsStore::new(MemoryBackend(
        settings.map(str::to_owned),
    )));
    app.add_plugins(game::plugin);
    app.insert_resource(GameContent::new(shipped().clone()));
    settle(&mut app);
    app
}

fn app() -> App {
    app_with_save(None)
}

/// Runs frames until the screen stops changing (state changes apply on the next frame).
fn settle(app: &mut App) {
    for _ in 0..4 {
        app.update();
    }
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

fn snapshot(app: &App) -> DomSnapshot {
    app.world().resource::<DomSnapshot>().clone()
}

fn labels(app: &App) -> Vec<String> {
    snapshot(app)
        .flatten()
        .iter()
        .map(|n| n.label.clone())
        .collect()
}

/// Presses the button with this label, as the page does when its HTML button is clicked.
fn press(app: &mut App, label: &str) {
    let entity = snapshot(app).find_button(label).unwrap_or_else(|| {
        panic!(
            "no button {label:?} on {:?}; buttons: {:?}",
            screen(app),
            buttons(app)
        )
    });
    app.world_mut().write_message(Activate(entity));
    settle(app);
}

fn buttons(app: &App) -> Vec<String> {
    snapshot(app)
        .flatten()
        .iter()
        .filter(|n| matches!(n.role, game::AccessRole::Button { .. }))
        .map(|n| n.label.clone())
        .collect()
}

fn ui() -> &'static find_your_fit::content::UiStrings {
    &shipped().strings.ui
}

/// Answers the whole quiz: the first option of every item (two subjects for the subjects item).
fn answer_everything(app: &mut App) {
    let quiz = &shipped().quiz;
    for (n, item) in quiz.items.iter().enumerate() {
        assert_eq!(screen(app), Screen::Quiz);
        let progress = fill(
            &ui().progress,
            &[
                ("number", &(n + 1).to_string()),
                ("total", &quiz.items.len().to_string()),
            ],
        );
        assert!(
            labels(app).contains(&progress),
            "progress {progress:?} not shown"
        );
        if item.format == Format::Subjects {
            press(app, &item.options[2].label);
            press(app, &item.options[0].label);
            press(app, &ui().next);
        } else {
            press(app, &item.options[0].label);
        }
    }
}

#[test]
fn a_whole_game_from_start_to_a_role_and_back() {
    let mut app = app();
    assert_eq!(screen(&app), Screen::Title);
    assert!(labels(&app).contains(&ui().app_name));
    assert!(
        !buttons(&app).contains(&ui().carry_on),
        "nothing saved yet, so no Continue"
    );

    press(&mut app, &ui().start);
    assert_eq!(screen(&app), Screen::Intro);
    assert!(labels(&app).contains(&ui().intro_private));
    press(&mut app, &ui().intro_go);

    answer_everything(&mut app);
    assert_eq!(screen(&app), Screen::Strengths);
    let session = app.world().resource::<Session>().clone();
    let quiz = &shipped().quiz;
    assert_eq!(
        session.answers.len(),
        quiz.items.len(),
        "every item's answer is recorded"
    );
    let subjects = quiz
        .items
        .iter()
        .find(|i| i.format == Format::Subjects)
        .unwrap();
    assert_eq!(
        session.answers.chosen(&subjects.id),
        [
            subjects.options[2].id.clone(),
            subjects.options[0].id.clone()
        ]
    );

    let expected = game::GameContent::new(shipped().clone())
        .matcher
        .results(&session.answers);
    let top_strength = &expected.strengths.interests[0];
    assert!(
        labels(&app).contains(&top_strength.name),
        "strengths shows {}",
        top_strength.name
    );

    press(&mut app, &ui().see_matches);
    assert_eq!(screen(&app), Screen::Results);
    let shown = labels(&app);
    for m in &expected.matches {
        let role = &shipped().roles[m.role];
        assert!(
            shown.contains(&role.title),
            "results should show {}",
            role.title
        );
        for r in &m.reasons {
            assert!(
                shown.contains(&r.text),
                "reason {:?} for {}",
                r.text,
                role.title
            );
        }
    }
    assert!(shown.contains(&ui().wildcard));

    let first = &shipped().roles[expected.matches[0].role];
    press(
        &mut app,
        &fill(&ui().find_out_more, &[("role", &first.title)]),
    );
    assert_eq!(screen(&app), Screen::RoleDetail);
    assert_eq!(snapshot(&app).heading(), Some(first.title.as_str()));
    assert!(labels(&app).contains(&first.myth));
    assert!(labels(&app).contains(&shipped().pay_text(first)));

    press(&mut app, &ui().back);
    assert_eq!(screen(&app), Screen::Results);

    press(&mut app, &ui().explore);
    assert_eq!(screen(&app), Screen::Explore);
    let all = fill(
        &ui().explore_count,
        &[("count", &shipped().roles.len().to_string())],
    );
    assert!(labels(&app).contains(&all));
    let contact = fill(
        &ui().filter,
        &[("name", &ui().contact_label), ("value", &ui().any)],
    );
    press(&mut app, &contact);
    let lots = shipped()
        .roles
        .iter()
        .filter(|r| r.patient_contact == find_your_fit::content::PatientContact::Lots)
        .count();
    assert!(labels(&app).contains(&fill(&ui().explore_count, &[("count", &lots.to_string())])));
    // The first subject is "Science", which stands for biology, chemistry and physics.
    press(&mut app, &ui().clear_filters);
    let subject = fill(
        &ui().filter,
        &[("name", &ui().subjects_label), ("value", &ui().any)],
    );
    press(&mut app, &subject);
    let science = shipped()
        .roles
        .iter()
        .filter(|r| {
            r.subjects
                .iter()
                .any(|s| ["biology", "chemistry", "physics"].contains(&s.as_str()))
        })
        .count();
    assert!(science > 10);
    assert!(
        labels(&app).contains(&fill(
            &ui().explore_count,
            &[("count", &science.to_string())]
        )),
        "Science should show every job listing biology, chemistry or physics"
    );
    press(&mut app, &ui().back);
    assert_eq!(screen(&app), Screen::Results);
}

#[test]
fn back_is_always_there_and_skipping_still_gives_results() {
    let mut app = app();
    press(&mut app, &ui().start);
    press(&mut app, &ui().intro_go);
    let quiz = &shipped().quiz;
    // Answer the first item, go back to it, and see the answer still chosen.
    press(&mut app, &quiz.items[0].options[1].label);
    press(&mut app, &ui().back);
    let chosen = snapshot(&app).flatten().iter().any(|n| {
        n.label == quiz.items[0].options[1].label
            && n.role
                == game::AccessRole::Button {
                    pressed: Some(true),
                }
    });
    assert!(chosen, "going back shows the earlier answer as chosen");
    // Skip everything else.
    press(&mut app, &quiz.items[0].options[1].label);
    for item in &quiz.items[1..] {
        if item.format == Format::Subjects {
            press(&mut app, &ui().next);
        } else {
            press(&mut app, &ui().skip);
        }
    }
    assert_eq!(screen(&app), Screen::Strengths);
    // The chart says which interests no answer measured, instead of showing them as 0 %.
    let chart = labels(&app)
        .into_iter()
        .find(|l| l.starts_with(&ui().chart_title))
        .expect("the interest chart is described for screen readers");
    let measured = &quiz.items[0].options[0].adds;
    for interest in &shipped().taxonomy.interests {
        let unanswered = fill(&ui().chart_unanswered, &[("name", &interest.name)]);
        assert_eq!(
            chart.contains(&unanswered),
            !measured.iter().any(|(d, _)| *d == interest.id),
            "{chart}"
        );
    }
    press(&mut app, &ui().see_matches);
    assert!(
        buttons(&app)
            .iter()
            .any(|b| b.starts_with(&fill(&ui().find_out_more, &[("role", "")]))),
        "one answer still gives matches"
    );
}

#[test]
fn restarting_twenty_times_leaves_nothing_behind() {
    let mut app = app();
    press(&mut app, &ui().start);
    press(&mut app, &ui().intro_go);
    let baseline = app.world().entities().count_spawned();
    for _ in 0..20 {
        press(&mut app, &shipped().quiz.items[0].options[0].label);
        press(&mut app, &ui().menu);
        assert_eq!(*app.world().resource::<State<Menu>>().get(), Menu::Settings);
        assert!(
            snapshot(&app).modal,
            "the open menu is all the mirror shows"
        );
        press(&mut app, &ui().start_again);
        assert_eq!(screen(&app), Screen::Intro);
        assert!(app.world().resource::<Session>().answers.is_empty());
        press(&mut app, &ui().intro_go);
    }
    assert_eq!(
        app.world().entities().count_spawned(),
        baseline,
        "entities leaked across restarts"
    );
}

#[test]
fn saved_answers_continue_and_a_corrupt_save_is_dropped_with_a_notice() {
    let mut app = app();
    press(&mut app, &ui().start);
    press(&mut app, &ui().intro_go);
    press(&mut app, &shipped().quiz.items[0].options[0].label);
    press(&mut app, &shipped().quiz.items[1].options[0].label);
    let saved = app
        .world()
        .resource::<SaveStore>()
        .raw()
        .expect("answers are saved as they are given");

    let mut again = app_with_save(Some(&saved));
    assert!(buttons(&again).contains(&ui().carry_on));
    press(&mut again, &ui().carry_on);
    assert_eq!(screen(&again), Screen::Quiz);
    assert_eq!(again.world().resource::<Session>().position, 2);
    assert_eq!(again.world().resource::<Session>().answers.len(), 2);

    let broken = app_with_save(Some("{ this is not a save"));
    assert_eq!(screen(&broken), Screen::Title);
    assert!(labels(&broken).contains(&ui().save_lost));
    assert!(!buttons(&broken).contains(&ui().carry_on));
    assert!(
        broken.world().resource::<SaveStore>().raw().is_none(),
        "the unreadable save is cleared"
    );

    // Finish and clear (for shared computers) forgets everything.
    let mut shared = app_with_save(Some(&saved));
    press(&mut shared, &ui().settings);
    press(&mut shared, &ui().finish_and_clear);
    assert_eq!(screen(&shared), Screen::Title);
    assert!(shared.world().resource::<SaveStore>().raw().is_none());
    assert!(!buttons(&shared).contains(&ui().carry_on));
}

fn key(app: &mut App, code: KeyCode, logical: Key) {
    let window = Entity::PLACEHOLDER;
    for state in [ButtonState::Pressed, ButtonState::Released] {
        app.world_mut().write_message(KeyboardInput {
            key_code: code,
            logical_key: logical.clone(),
            state,
            text: None,
            repeat: false,
            window,
        });
    }
    settle(app);
}

#[test]
fn the_keyboard_alone_can_start_and_answer() {
    let mut app = app();
    // Tab to Start (the first control) and press Enter.
    key(&mut app, KeyCode::Tab, Key::Tab);
    let focused = app.world().resource::<game::Focused>().0;
    assert_eq!(focused, snapshot(&app).find_button(&ui().start));
    assert!(
        snapshot(&app)
            .flatten()
            .iter()
            .any(|n| n.focused && n.label == ui().start),
        "the mirror marks the focused control"
    );
    key(&mut app, KeyCode::Enter, Key::Enter);
    assert_eq!(screen(&app), Screen::Intro);
    // Escape goes back.
    key(&mut app, KeyCode::Escape, Key::Escape);
    assert_eq!(screen(&app), Screen::Title);
}

#[test]
fn a_content_error_shows_the_error_screen_not_a_blank() {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin, InputPlugin));
    app.insert_resource(SaveStore::new(MemoryBackend(None)));
    app.add_plugins(game::plugin);
    app.insert_resource(game::ContentFailed(
        "assets/content/roles/dental.json: role 1: broken".into(),
    ));
    settle(&mut app);
    assert_eq!(screen(&app), Screen::Error);
    assert!(labels(&app).iter().any(|l| l.contains("dental.json")));
}

fn pressed(app: &App, label: &str) -> Option<bool> {
    snapshot(app)
        .flatten()
        .into_iter()
        .find(|n| n.label == label)
        .and_then(|n| match n.role {
            game::AccessRole::Button { pressed } => pressed,
            _ => None,
        })
}

#[test]
fn settings_apply_at_once_are_kept_and_survive_a_damaged_save() {
    let mut app = app();
    let standard_rem = app.world().resource::<RemSize>().0;
    press(&mut app, &ui().settings);
    assert_eq!(*app.world().resource::<State<Menu>>().get(), Menu::Settings);
    assert_eq!(pressed(&app, "100%"), Some(true), "standard size is chosen");
    assert_eq!(pressed(&app, &ui().settings_high_contrast), Some(false));

    // Text size: the rem (every text size) follows, and the menu shows the new choice.
    press(&mut app, "200%");
    assert_eq!(app.world().resource::<RemSize>().0, standard_rem * 2.0);
    assert_eq!(pressed(&app, "200%"), Some(true));
    assert_eq!(pressed(&app, "100%"), Some(false));

    // High contrast swaps the palette; the dyslexia-friendly font swaps the fonts.
    let standard_palette = *app.world().resource::<game::Palette>();
    press(&mut app, &ui().settings_high_contrast);
    let high_contrast = *app.world().resource::<game::Palette>();
    assert_ne!(high_contrast, standard_palette);
    assert_eq!(pressed(&app, &ui().settings_high_contrast), Some(true));
    // The settings card's shadow follows the palette too, not only the flat colours.
    let mut shadows = app.world_mut().query::<&BoxShadow>();
    let colours: Vec<Color> = shadows
        .iter(app.world())
        .flat_map(|s| s.0.iter().map(|style| style.color))
        .collect();
    assert!(!colours.is_empty(), "the open menu's card has a shadow");
    assert!(
        colours.iter().all(|c| *c == high_contrast.shadow),
        "{colours:?}"
    );
    press(&mut app, &ui().settings_reading_font);
    press(&mut app, &ui().settings_reduce_motion);
    assert!(app.world().resource::<game::Motion>().reduced);

    // Kept apart from the answers: finishing and clearing the answers keeps them.
    press(&mut app, &ui().finish_and_clear);
    let kept = app
        .world()
        .resource::<SettingsStore>()
        .raw()
        .expect("settings saved");
    let expected = Settings {
        text_size: TextSize::Largest,
        high_contrast: true,
        reading_font: true,
        reduce_motion: Some(true),
        read_aloud: false,
        sound: false,
    };
    assert_eq!(*app.world().resource::<Settings>(), expected);

    // A new visit starts with them applied.
    let again = app_with_stores(None, Some(&kept));
    assert_eq!(*again.world().resource::<Settings>(), expected);
    assert_eq!(again.world().resource::<RemSize>().0, standard_rem * 2.0);
    assert_ne!(*again.world().resource::<game::Palette>(), standard_palette);

    // A damaged copy gives the standard settings, and the game still starts.
    let damaged = app_with_stores(None, Some("{ not json"));
    assert_eq!(*damaged.world().resource::<Settings>(), Settings::default());
    assert_eq!(screen(&damaged), Screen::Title);
    assert!(damaged.world().resource::<SettingsStore>().raw().is_none());
}

#[test]
fn keyboard_focus_stays_on_a_setting_after_it_changes() {
    let mut app = app();
    press(&mut app, &ui().settings);
    let order = snapshot(&app).focus_order();
    let target = snapshot(&app)
        .find_button(&ui().settings_high_contrast)
        .unwrap();
    let steps = order.iter().position(|e| *e == target).unwrap() + 1;
    for _ in 0..steps {
        key(&mut app, KeyCode::Tab, Key::Tab);
    }
    key(&mut app, KeyCode::Enter, Key::Enter);
    assert!(app.world().resource::<Settings>().high_contrast);
    let focused = snapshot(&app)
        .flatten()
        .into_iter()
        .find(|n| n.focused)
        .map(|n| n.label.clone());
    assert_eq!(
        focused.as_deref(),
        Some(ui().settings_high_contrast.as_str())
    );
}

#[test]
fn news_is_announced_once_and_read_aloud_says_the_options() {
    let mut app = app();
    press(&mut app, &ui().start);
    press(&mut app, &ui().intro_go);
    let quiz = &shipped().quiz;
    let first = &quiz.items[0];
    let said = snapshot(&app).announcement;
    let progress = |n: usize| {
        fill(
            &ui().progress,
            &[
                ("number", &n.to_string()),
                ("total", &quiz.items.len().to_string()),
            ],
        )
    };
    assert!(said.text.starts_with(&progress(1)), "{said:?}");
    assert!(said.text.contains(&first.prompt), "{said:?}");
    // Read aloud goes on to the answers, in order; the announcement itself stays short.
    let mut at = 0;
    for option in &first.options {
        let found = said.speech[at..].find(&option.label);
        assert!(
            found.is_some(),
            "{:?} not read after {at}: {:?}",
            option.label,
            said.speech
        );
        at += found.unwrap();
        assert!(!said.text.contains(&option.label));
    }
    // Nothing new: nothing said again.
    settle(&mut app);
    assert_eq!(snapshot(&app).announcement.seq, said.seq);

    // An answer: what was chosen, then the next question, in one announcement.
    press(&mut app, &first.options[1].label);
    let next = snapshot(&app).announcement;
    assert_eq!(next.seq, said.seq + 1);
    let chosen = fill(
        &ui().announce_chosen,
        &[("answer", &first.options[1].label)],
    );
    assert!(next.text.starts_with(&chosen), "{next:?}");
    assert!(next.text.contains(&progress(2)), "{next:?}");

    // "Read it again" is there only with read aloud on, and says it all again.
    assert!(!buttons(&app).contains(&ui().read_again));
    press(&mut app, &ui().menu);
    press(&mut app, &ui().settings_read_aloud);
    press(&mut app, &ui().close);
    assert!(snapshot(&app).read_aloud);
    let before = snapshot(&app).announcement;
    press(&mut app, &ui().read_again);
    let again = snapshot(&app).announcement;
    assert_eq!(again.seq, before.seq + 1);
    assert!(again.text.contains(&quiz.items[1].prompt));
}

#[test]
fn the_last_answer_is_announced_with_the_screen_it_leads_to() {
    let mut app = app();
    press(&mut app, &ui().start);
    press(&mut app, &ui().intro_go);
    answer_everything(&mut app);
    assert_eq!(screen(&app), Screen::Strengths);
    let last = shipped().quiz.items.last().unwrap();
    let said = snapshot(&app).announcement;
    let chosen = fill(&ui().announce_chosen, &[("answer", &last.options[0].label)]);
    // One announcement, not "You chose …" at once replaced by the next screen's.
    assert!(said.text.starts_with(&chosen), "{said:?}");
    assert!(said.text.contains(&ui().strengths_title), "{said:?}");
}

#[test]
fn number_keys_choose_an_answer_by_its_place() {
    let mut app = app();
    press(&mut app, &ui().start);
    press(&mut app, &ui().intro_go);
    let first = &shipped().quiz.items[0];
    key(&mut app, KeyCode::Digit3, Key::Character("3".into()));
    assert_eq!(
        app.world().resource::<Session>().answers.chosen(&first.id),
        [first.options[2].id.clone()]
    );
    assert_eq!(app.world().resource::<Session>().position, 1);
}

/// Runs frames, a tenth of a second apart, until one asks for no further frame (animations
/// done): what a real idle game does between a student's presses.
fn run_until_idle(app: &mut App) {
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
        100,
    )));
    for _ in 0..100 {
        app.update();
        if !asked_for_a_frame(app) {
            return;
        }
    }
    panic!("the game never went idle: something asks for frames forever");
}

fn asked_for_a_frame(app: &App) -> bool {
    app.world()
        .resource::<Messages<RequestRedraw>>()
        .iter_current_update_messages()
        .len()
        > 0
}

#[test]
fn a_press_that_changes_the_screen_asks_for_the_frame_that_shows_it() {
    // The real game only updates on input or when asked: a press handled in one frame whose
    // change lands in the next must ask for that frame, or Close waits for a mouse move.
    let mut app = app();
    for (label, shows) in [
        (ui().settings.clone(), (Screen::Title, Menu::Settings)),
        (ui().close.clone(), (Screen::Title, Menu::Closed)),
        (ui().start.clone(), (Screen::Intro, Menu::Closed)),
    ] {
        run_until_idle(&mut app);
        let button = snapshot(&app)
            .find_button(&label)
            .unwrap_or_else(|| panic!("no button {label:?}; buttons: {:?}", buttons(&app)));
        app.world_mut().write_message(Activate(button));
        app.update();
        assert!(
            asked_for_a_frame(&app),
            "pressing {label:?} did not ask for the next frame"
        );
        app.update();
        let menu = *app.world().resource::<State<Menu>>().get();
        assert_eq!((screen(&app), menu), shows, "after pressing {label:?}");
    }
}
