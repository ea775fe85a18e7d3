//! Reading age: every text a student sees, scored. The shipped game must read at age 11 or
//! below overall with no text above age 12, and a hard sentence slipped into the content must
//! be caught and named.

mod common;

use find_your_fit::content::readability::{MAX_TEXT_AGE, Report, TARGET_AGE};

#[test]
fn the_shipped_game_reads_at_age_eleven_or_below() {
    let report = Report::new(common::shipped());
    let hardest: Vec<String> = report
        .too_hard()
        .iter()
        .map(|t| format!("age {:.1} {}: {}", t.counts.age(), t.place, t.text))
        .collect();
    assert!(
        report.whole.age() <= TARGET_AGE,
        "the whole game reads at age {:.1}",
        report.whole.age()
    );
    assert!(
        hardest.is_empty(),
        "texts above age {MAX_TEXT_AGE} (run `cargo run --bin content -- readability`):\n{}",
        hardest.join("\n")
    );
    // It covers what students read: quiz, roles, reasons, the taxonomy and the interface.
    for place in [
        "quiz.json: ",
        ".summary",
        ".myth",
        "taxonomy.json: families",
        "strings/en-GB.json: reasons",
        "strings/en-GB.json: ui.",
    ] {
        assert!(
            report.texts.iter().any(|t| t.place.contains(place)),
            "no texts from {place}"
        );
    }
    assert!(
        !report
            .texts
            .iter()
            .any(|t| t.place.ends_with(".id") || t.text.starts_with("https://")),
        "ids and links are not student reading"
    );
}

#[test]
fn a_hard_sentence_in_a_role_is_reported_by_place() {
    let mut content = common::shipped().clone();
    let role = &mut content.roles[3];
    role.myth = "Practitioners systematically administer pharmacological interventions, \
                 evaluating physiological responsiveness throughout multidisciplinary consultations."
        .into();
    let place = format!("roles/{}.json: {}.myth", role.family, role.id);
    let report = Report::new(&content);
    assert!(!report.passes());
    let worst = report.hardest()[0];
    assert_eq!(worst.place, place);
    assert!(worst.counts.age() > MAX_TEXT_AGE);
}
