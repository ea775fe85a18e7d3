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
    self, Activate, DomSnapshot, GameContent, IdleLimits, IncomingLink, Menu, ProfileDir,
    SaveStore, Screen, Session, Settings, SettingsStore, ShareBase, TextSize, WorkshopQuery,
};
use std::time::Duration;

fn app_with_save(save: Option<&str>) -> App {
    app_with_stores(save, None)
}

fn app_with_stores(save: Option<&str>, settings: Option<&str>) -> App {
    app_opened(save, settings, |_| {})
}

/// A game whose page address set something up before it starts (a share link, `?workshop`).
fn app_opened(save: Option<&str>, settings: Option<&str>, address: impl FnOnce(&mut App)) -> App {
    let mut app = App::new();
    address(&mut app);
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
        workshop: false,
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

/// Plays a whole game and opens the matches.
fn play_to_results(app: &mut App) {
    press(app, &ui().start);
    press(app, &ui().intro_go);
    answer_everything(app);
    press(app, &ui().see_matches);
    assert_eq!(screen(app), Screen::Results);
}

/// The titles of the matches on the results screen, in order (each card has a Keep button).
fn match_titles(app: &App) -> Vec<String> {
    let keep = ui().keep_named.replace("{role}", "");
    buttons(app)
        .into_iter()
        .filter_map(|b| b.strip_prefix(&keep).map(str::to_owned))
        .collect()
}

fn session_of(app: &App) -> Session {
    app.world().resource::<Session>().clone()
}

fn named(template: &str, role: &str) -> String {
    fill(template, &[("role", role)])
}

fn saved(app: &App) -> Option<String> {
    app.world().resource::<SaveStore>().raw()
}

#[test]
fn keep_drop_undo_and_compare_from_the_results() {
    let mut app = app();
    play_to_results(&mut app);
    let before = match_titles(&app);
    assert!(before.len() >= 4, "several matches: {before:?}");

    // Keep two: each button shows it at once, and both are saved.
    press(&mut app, &named(&ui().keep_named, &before[0]));
    press(&mut app, &named(&ui().keep_named, &before[1]));
    assert_eq!(
        pressed(&app, &named(&ui().keep_named, &before[0])),
        Some(true)
    );
    assert_eq!(
        pressed(&app, &named(&ui().keep_named, &before[2])),
        Some(false)
    );
    let kept: Vec<String> = session_of(&app)
        .kept_roles(shipped())
        .iter()
        .map(|i| shipped().roles[*i].title.clone())
        .collect();
    assert_eq!(kept, before[..2]);
    assert!(saved(&app).unwrap().contains("shortlist"));
    assert!(labels(&app).contains(&ui().shortlist_title));

    // Not for me: the role goes, the next one takes its place, and it stays gone on reload.
    press(&mut app, &named(&ui().not_for_me_named, &before[2]));
    let after = match_titles(&app);
    assert!(!after.contains(&before[2]), "{after:?}");
    assert_eq!(after.len(), before.len(), "the next match fills the gap");
    assert!(labels(&app).contains(&named(&ui().dropped_notice, &before[2])));
    let reloaded = app_with_save(saved(&app).as_deref());
    assert_eq!(session_of(&reloaded).not_for_me.len(), 1);

    press(&mut app, &ui().undo);
    assert_eq!(
        match_titles(&app),
        before,
        "undo brings it back in its place"
    );

    // Compare the two kept, side by side, with the same facts for each.
    press(&mut app, &ui().compare);
    assert_eq!(screen(&app), Screen::Compare);
    let shown = labels(&app);
    for title in &before[..2] {
        assert!(shown.contains(title), "{title} compared");
    }
    let contact_rows = shown.iter().filter(|l| **l == ui().contact_label).count();
    assert_eq!(contact_rows, 2, "one patient-contact row for each job");
    press(&mut app, &ui().back);
    assert_eq!(screen(&app), Screen::Results);
}

/// The share link shown on the share screen.
fn share_link(app: &mut App) -> String {
    press(app, &ui().share);
    assert_eq!(screen(app), Screen::Share);
    let base = app.world().resource::<ShareBase>().0.clone();
    let link = labels(app)
        .into_iter()
        .find(|l| l.starts_with(&base))
        .expect("the link is shown as text");
    let qr = snapshot(app)
        .flatten()
        .into_iter()
        .find_map(|n| match &n.role {
            game::AccessRole::Qr { modules, size } => Some((modules.len(), *size, n.label.clone())),
            _ => None,
        })
        .expect("a QR code in the accessible page");
    assert_eq!(qr.0, (qr.1 * qr.1) as usize);
    assert_eq!(qr.2, ui().qr_alt);
    link
}

fn opened_with(link: &str, save: Option<&str>) -> App {
    let code = IncomingLink::from_fragment(link.split_once('#').map_or("", |x| x.1));
    app_opened(save, None, |app| {
        app.insert_resource(code);
    })
}

#[test]
fn a_share_link_shows_the_same_results_and_leaves_this_devices_save_alone() {
    let mut app = app();
    play_to_results(&mut app);
    let titles = match_titles(&app);
    press(&mut app, &named(&ui().keep_named, &titles[1]));
    press(&mut app, &named(&ui().not_for_me_named, &titles[0]));
    let expected = match_titles(&app);
    let link = share_link(&mut app);
    assert!(
        link.len() < 260,
        "short enough for a QR code: {}",
        link.len()
    );

    // Another device, with a student's own answers saved.
    let mut own = self::app();
    press(&mut own, &ui().start);
    press(&mut own, &ui().intro_go);
    press(&mut own, &shipped().quiz.items[0].options[1].label);
    let own_save = saved(&own).unwrap();

    let mut other = opened_with(&link, Some(&own_save));
    assert_eq!(screen(&other), Screen::Strengths);
    assert!(labels(&other).contains(&ui().shared_banner));
    press(&mut other, &ui().see_matches);
    assert_eq!(
        match_titles(&other),
        expected,
        "the same matches, the dropped one still gone"
    );
    assert_eq!(
        pressed(&other, &named(&ui().keep_named, &titles[1])),
        Some(true)
    );
    // Keeping something while looking changes nothing saved here.
    press(&mut other, &named(&ui().keep_named, &expected[2]));
    assert_eq!(saved(&other).as_deref(), Some(own_save.as_str()));

    press(&mut other, &ui().take_quiz_yourself);
    assert_eq!(screen(&other), Screen::Title);
    assert!(
        buttons(&other).contains(&ui().carry_on),
        "their own answers are still there"
    );
    assert_eq!(session_of(&other).answers.len(), 1);
    assert!(session_of(&other).shared.is_none());
}

#[test]
fn a_link_with_answers_to_removed_cards_opens_with_the_rest_and_says_so() {
    // A link made when the quiz had one more card than it has now.
    let mut older = shipped().quiz.clone();
    let mut gone = older.items[0].clone();
    gone.id = "a-card-since-removed".into();
    older.items.push(gone.clone());
    let mut answers = find_your_fit::content::Answers::new();
    answers
        .answer(
            &older,
            &older.items[0].id,
            &[older.items[0].options[0].id.as_str()],
        )
        .unwrap();
    answers
        .answer(&older, &gone.id, &[gone.options[0].id.as_str()])
        .unwrap();
    let code = find_your_fit::share::encode(&older, &answers);
    let link = ShareBase::default().link(&code);

    let opened = opened_with(&link, None);
    assert_eq!(screen(&opened), Screen::Strengths);
    let said = fill(&ui().shared_dropped, &[("count", "1")]);
    assert!(
        labels(&opened).contains(&said),
        "it says one answer was left out"
    );
    assert_eq!(
        session_of(&opened).answers.len(),
        1,
        "the answer the quiz still has"
    );
}

#[test]
fn a_mangled_link_gives_a_friendly_message_and_the_title_screen() {
    let mut app = app();
    play_to_results(&mut app);
    let link = share_link(&mut app);
    let own = saved(&app);
    for bad in [
        format!("{}x", &link[..link.len() - 9]),
        link.replace("#r=", "#r=%3Cscript%3E"),
        format!("{}#r=", &link[..link.find('#').unwrap()]),
    ] {
        let opened = opened_with(&bad, own.as_deref());
        assert_eq!(screen(&opened), Screen::Title, "{bad}");
        assert!(labels(&opened).contains(&ui().link_broken), "{bad}");
        assert_eq!(saved(&opened), own, "the saved answers are untouched");
    }
}

#[test]
fn printing_on_the_desktop_saves_the_profile_and_says_where() {
    let dir = std::env::temp_dir().join(format!("fyf-profile-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut app = app();
    app.insert_resource(ProfileDir(Some(dir.clone())));
    play_to_results(&mut app);
    let top = match_titles(&app)[0].clone();
    press(&mut app, &named(&ui().keep_named, &top));
    let _ = share_link(&mut app);
    press(&mut app, &ui().print);
    let path = dir.join("careers-profile.txt");
    let text = std::fs::read_to_string(&path).expect("profile saved");
    assert!(text.contains(&top) && text.contains(&ui().reflect_next));
    assert!(text.contains(&ui().shortlist_title));
    let said = fill(&ui().print_saved, &[("path", &path.display().to_string())]);
    assert!(
        labels(&app).contains(&said),
        "the screen says where it went"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

fn workshop_app() -> App {
    app_opened(None, None, |app| {
        app.insert_resource(WorkshopQuery::parse("?workshop"));
    })
}

fn menu(app: &App) -> Menu {
    *app.world().resource::<State<Menu>>().get()
}

#[test]
fn a_workshop_ends_with_before_you_go_and_leaves_nothing() {
    let mut app = workshop_app();
    assert!(app.world().resource::<Settings>().workshop);
    play_to_results(&mut app);
    let saved_during = saved(&app).expect("saved while playing, in case the tab closes");

    press(&mut app, &ui().finish_and_clear);
    assert_eq!(screen(&app), Screen::Share);
    assert!(labels(&app).contains(&ui().before_you_go));
    assert!(buttons(&app).contains(&ui().print) && buttons(&app).contains(&ui().copy_link));
    press(&mut app, &ui().finish_and_clear);
    assert_eq!(screen(&app), Screen::Title);
    assert_eq!(saved(&app), None, "nothing left on the computer");

    // The next student, even if a save were left, is never offered the last one's answers.
    let next = app_opened(Some(&saved_during), None, |app| {
        app.insert_resource(WorkshopQuery::parse("workshop&idle=120"));
    });
    assert!(!buttons(&next).contains(&ui().carry_on));
    assert_eq!(
        next.world().resource::<IdleLimits>().ask,
        Duration::from_secs(120)
    );
}

#[test]
fn an_idle_workshop_computer_asks_then_clears() {
    let mut app = workshop_app();
    press(&mut app, &ui().start);
    press(&mut app, &ui().intro_go);
    press(&mut app, &shipped().quiz.items[0].options[0].label);
    assert_eq!(
        menu(&app),
        Menu::Closed,
        "not asked while someone is playing"
    );
    app.insert_resource(IdleLimits {
        ask: Duration::ZERO,
        clear: Duration::from_secs(3600),
    });
    settle(&mut app);
    assert_eq!(menu(&app), Menu::StillThere);
    assert!(labels(&app).contains(&ui().still_there));

    app.insert_resource(IdleLimits {
        ask: Duration::from_secs(3600),
        clear: Duration::from_secs(3600),
    });
    press(&mut app, &ui().still_here);
    assert_eq!(menu(&app), Menu::Closed);
    assert_eq!(screen(&app), Screen::Quiz, "carried on where they were");
    assert!(saved(&app).is_some());

    app.insert_resource(IdleLimits {
        ask: Duration::ZERO,
        clear: Duration::ZERO,
    });
    settle(&mut app);
    settle(&mut app);
    assert_eq!(screen(&app), Screen::Title);
    assert_eq!(menu(&app), Menu::Closed);
    assert_eq!(saved(&app), None, "cleared for the next student");
    assert!(session_of(&app).answers.is_empty());
}

/// The page's copies of the content files, as `web/app.js` hands them to the game: read from
/// the shipped `assets/`, with one role file missing in the second version.
fn page_file(path: &str) -> Option<String> {
    std::fs::read_to_string(common::assets().join(path)).ok()
}

fn page_file_without_a_role(path: &str) -> Option<String> {
    if path == "content/roles/allied_health.json" {
        None
    } else {
        page_file(path)
    }
}

/// A game that is handed the content by the page, not loaded by the test.
fn app_with_page_files(files: game::PageFiles) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin, InputPlugin));
    app.init_resource::<RemSize>();
    app.insert_resource(SaveStore::new(MemoryBackend(None)));
    app.insert_resource(SettingsStore::new(MemoryBackend(None)));
    app.insert_resource(files);
    app.add_plugins(game::plugin);
    app
}

#[test]
fn content_the_page_already_holds_starts_the_game_without_waiting_for_downloads() {
    let mut app = app_with_page_files(game::PageFiles(page_file));
    // The content is checked at startup, so the very first frame draws the title: no frame
    // of the loading screen comes before it.
    app.update();
    let game = app
        .world()
        .get_resource::<GameContent>()
        .expect("content from the page");
    assert_eq!(game.content.roles.len(), shipped().roles.len());
    assert_eq!(screen(&app), Screen::Title);
    assert_eq!(screen_root_names(&mut app), ["Title screen"]);
}

#[test]
fn a_results_link_with_content_from_the_page_opens_the_strengths_in_the_first_frame() {
    let mut app = app_with_page_files(game::PageFiles(page_file));
    let quiz = &shipped().quiz;
    let mut answers = find_your_fit::content::Answers::new();
    for item in &quiz.items {
        answers
            .answer(quiz, &item.id, &[item.options[0].id.as_str()])
            .unwrap();
    }
    let code = find_your_fit::share::encode(quiz, &answers);
    app.insert_resource(IncomingLink(Some(code)));
    app.update();
    assert_eq!(screen(&app), Screen::Strengths);
    let session = app.world().resource::<Session>();
    assert!(session.finished && session.shared.is_some());
}

/// The names of the screen roots that exist: one, once a frame has drawn.
fn screen_root_names(app: &mut App) -> Vec<String> {
    let mut roots = app
        .world_mut()
        .query_filtered::<&Name, With<DespawnOnExit<Screen>>>();
    roots
        .iter(app.world())
        .map(|n| n.as_str().to_owned())
        .collect()
}

#[test]
fn a_file_the_page_lacks_leaves_loading_to_the_game_own_requests() {
    let sources = game::sources_from_page(game::PageFiles(page_file)).expect("all files");
    assert_eq!(sources.role_files.len(), shipped_sources_count());
    assert!(game::sources_from_page(game::PageFiles(page_file_without_a_role)).is_none());
    let mut app = app_with_page_files(game::PageFiles(page_file_without_a_role));
    app.update();
    app.update();
    assert!(app.world().get_resource::<GameContent>().is_none());
    assert_eq!(screen(&app), Screen::Loading);
}

fn shipped_sources_count() -> usize {
    common::shipped_sources().role_files.len()
}

/// A device that keeps nothing: storage blocked outright (`available` false), or (`full`)
/// there but refusing every write.
struct Refusing {
    full: bool,
}

impl game::SaveBackend for Refusing {
    fn read(&self) -> Option<String> {
        None
    }
    fn write(&mut self, _: &str) -> bool {
        false
    }
    fn clear(&mut self) {}
    fn available(&self) -> bool {
        self.full
    }
}

fn app_on_a_device_that_keeps_nothing(full: bool) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin, InputPlugin));
    app.init_resource::<RemSize>();
    app.insert_resource(SaveStore::new(Refusing { full }));
    app.insert_resource(SettingsStore::new(Refusing { full }));
    app.add_plugins(game::plugin);
    app.insert_resource(GameContent::new(shipped().clone()));
    settle(&mut app);
    app
}

#[test]
fn a_device_that_keeps_nothing_plays_on_and_never_claims_to_save() {
    for full in [false, true] {
        let mut app = app_on_a_device_that_keeps_nothing(full);
        // Blocked storage is known at once; full storage at the first answer it will not keep.
        assert_eq!(labels(&app).contains(&ui().saving_off), !full);
        press(&mut app, &ui().start);
        press(&mut app, &ui().intro_go);
        let first = &shipped().quiz.items[0];
        press(&mut app, &first.options[0].label);
        assert_eq!(
            session_of(&app).answers.len(),
            1,
            "the answer counts all the same"
        );
        assert_eq!(
            app.world().resource::<SaveStore>().saving(),
            game::Saving::Off
        );
        press(&mut app, &ui().menu);
        let said = labels(&app);
        assert!(said.contains(&ui().settings_intro_unsaved), "{said:?}");
        assert!(!said.contains(&ui().settings_intro));
        press(&mut app, &ui().close);
        for _ in 0..5 {
            if screen(&app) == Screen::Title {
                break;
            }
            press(&mut app, &ui().back);
        }
        assert!(labels(&app).contains(&ui().saving_off));
    }
}

#[test]
fn a_save_from_a_newer_version_is_kept_untouched_and_the_student_told() {
    let newer = r#"{"version": 99, "answers": {"a new": "shape"}, "position": "elsewhere"}"#;
    let mut app = app_with_save(Some(newer));
    assert_eq!(screen(&app), Screen::Title);
    assert!(labels(&app).contains(&ui().save_from_newer));
    assert!(!buttons(&app).contains(&ui().carry_on));
    let kept = |app: &App| app.world().resource::<SaveStore>().raw();
    // Playing here saves nothing over it, and clearing leaves it too.
    press(&mut app, &ui().start);
    press(&mut app, &ui().intro_go);
    press(&mut app, &shipped().quiz.items[0].options[0].label);
    assert_eq!(kept(&app).as_deref(), Some(newer));
    press(&mut app, &ui().menu);
    press(&mut app, &ui().finish_and_clear);
    assert_eq!(kept(&app).as_deref(), Some(newer));
    // An older save (version 1, before the shortlist) is still read.
    let older = r#"{"version": 1, "answers": {}, "position": 0, "finished": false}"#;
    let app = app_with_save(Some(older));
    assert!(!labels(&app).contains(&ui().save_lost));
    assert!(!labels(&app).contains(&ui().save_from_newer));
}

#[test]
fn settings_recover_field_by_field_and_keep_what_a_newer_version_wrote() {
    let stored = r#"{"version": 7, "text_size": "largest", "high_contrast": "yes please",
        "reduce_motion": 12, "sound": true, "a_later_setting": {"on": true}}"#;
    let mut app = app_with_stores(None, Some(stored));
    let read = *app.world().resource::<Settings>();
    assert_eq!(
        read.text_size,
        TextSize::Largest,
        "a good field survives a bad one"
    );
    assert!(read.sound);
    assert!(
        !read.high_contrast,
        "the unreadable field takes its default"
    );
    assert_eq!(read.reduce_motion, None);
    press(&mut app, &ui().settings);
    press(&mut app, &ui().settings_high_contrast);
    let written: serde_json::Value = serde_json::from_str(
        &app.world()
            .resource::<SettingsStore>()
            .raw()
            .expect("settings saved"),
    )
    .unwrap();
    assert_eq!(written["high_contrast"], true);
    assert_eq!(written["text_size"], "largest");
    assert_eq!(written["sound"], true);
    assert_eq!(
        written["a_later_setting"]["on"], true,
        "a newer field is kept"
    );
    assert_eq!(written["version"], 7, "the newest version that wrote it");
    // A first save carries this version's number.
    let mut fresh = app_with_stores(None, None);
    press(&mut fresh, &ui().settings);
    press(&mut fresh, &ui().settings_sound);
    let first: serde_json::Value =
        serde_json::from_str(&fresh.world().resource::<SettingsStore>().raw().unwrap()).unwrap();
    assert_eq!(first["version"], game::SETTINGS_VERSION);
}

#[test]
fn with_no_voice_of_its_own_the_read_aloud_setting_says_so() {
    for (voice, warned) in [(None, false), (Some(true), false), (Some(false), true)] {
        let mut app = app();
        app.insert_resource(game::DeviceVoice(voice));
        press(&mut app, &ui().settings);
        assert_eq!(
            labels(&app).contains(&ui().read_aloud_no_voice),
            warned,
            "{voice:?}"
        );
    }
    // Told while the menu is open (the browser finds its voices late): it is rebuilt.
    let mut app = app();
    press(&mut app, &ui().settings);
    app.world_mut().resource_mut::<game::DeviceVoice>().0 = Some(false);
    settle(&mut app);
    assert!(labels(&app).contains(&ui().read_aloud_no_voice));
}
