//! Share codes against the shipped quiz: every student's answers come back exactly, links
//! keep working when the quiz changes, and a mangled link is refused, never misread.

mod common;

use common::shipped;
use find_your_fit::content::{Answers, Quiz};
use find_your_fit::fairness::{persona_answers, random_answers};
use find_your_fit::share::{
    MAX_CODE_LEN, Picks, ShareError, decode, encode, encode_with, key, qr, role_index,
};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

/// Every option of every item chosen as fully as the item allows: the longest code.
fn everything_answered(quiz: &Quiz) -> Answers {
    let mut answers = Answers::new();
    for item in &quiz.items {
        let chosen: Vec<&str> = item
            .options
            .iter()
            .take(item.max_choices)
            .map(|o| o.id.as_str())
            .collect();
        answers.answer(quiz, &item.id, &chosen).unwrap();
    }
    answers
}

#[test]
fn every_students_answers_come_back_exactly() {
    let content = shipped();
    let quiz = &content.quiz;
    let mut rng = StdRng::seed_from_u64(11);
    for n in 0..3000 {
        let answers = if n % 2 == 0 {
            persona_answers(content, &mut rng)
        } else {
            random_answers(content, &mut rng)
        };
        let shared = decode(quiz, &encode(quiz, &answers)).expect("a fresh code reads");
        assert_eq!(shared.answers, answers);
        assert_eq!(shared.dropped, 0);
    }
    let empty = decode(quiz, &encode(quiz, &Answers::new())).unwrap();
    assert!(empty.answers.is_empty());
}

#[test]
fn a_whole_quiz_of_answers_fits_a_short_link() {
    let quiz = &shipped().quiz;
    let code = encode(quiz, &everything_answered(quiz));
    eprintln!(
        "share code for a full set of answers: {} characters",
        code.len()
    );
    // A QR code of version 10 (57×57 modules, easy to scan off a projector) holds 213 bytes
    // at error-correction level M; the code leaves room for the page's address.
    assert!(code.len() <= 175, "{} characters: {code}", code.len());
    assert!(
        code.bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
    );
}

#[test]
fn a_full_link_with_picked_jobs_fits_a_qr_code_a_phone_reads_off_a_projector() {
    let content = shipped();
    let quiz = &content.quiz;
    let ids = |range: std::ops::Range<usize>| -> Vec<String> {
        content.roles[range].iter().map(|r| r.id.clone()).collect()
    };
    let (kept, dropped) = (ids(0..5), ids(10..13));
    let picks = Picks {
        shortlist: &kept,
        not_for_me: &dropped,
    };
    let code = encode_with(quiz, &everything_answered(quiz), picks);
    // A school's own address, longer than most.
    let link = format!("https://careers.example-school.sch.uk/find-your-fit/#r={code}");
    let code_qr = qr(&link).expect("fits a QR code");
    eprintln!(
        "full answers, 5 kept and 3 dropped: code {} characters, link {} characters, QR version {} ({}×{})",
        code.len(),
        link.len(),
        code_qr.version,
        code_qr.size,
        code_qr.size
    );
    // Version 12 (65×65) at level M, drawn at 4 screen pixels a square (292 pixels with its
    // border), reads with a phone camera off a laptop or a projector.
    assert!(code_qr.version <= 12, "QR version {}", code_qr.version);
    assert_eq!(code_qr.modules.len(), code_qr.size * code_qr.size);

    // The picked jobs come back, in order, as the same roles.
    let shared = decode(quiz, &code).unwrap();
    let back = |keys: &[u16]| -> Vec<String> {
        keys.iter()
            .map(|k| {
                content.roles[role_index(&content.roles, *k).unwrap()]
                    .id
                    .clone()
            })
            .collect()
    };
    assert_eq!(back(&shared.shortlist), kept);
    assert_eq!(back(&shared.not_for_me), dropped);
    assert_eq!(key(&kept[0]), shared.shortlist[0]);
}

#[test]
fn links_survive_the_quiz_changing() {
    let quiz = shipped().quiz.clone();
    let answers = everything_answered(&quiz);
    let code = encode(&quiz, &answers);

    // Reworded, reordered and with a new item: the same answers.
    let mut changed = quiz.clone();
    changed.items.reverse();
    for item in &mut changed.items {
        item.prompt = format!("{} (reworded)", item.prompt);
        for option in &mut item.options {
            option.label = format!("{}!", option.label);
        }
    }
    let mut added = changed.items[0].clone();
    added.id = "a-brand-new-card".into();
    changed.items.push(added);
    let shared = decode(&changed, &code).unwrap();
    assert_eq!(shared.answers, answers);
    assert_eq!(shared.dropped, 0);

    // An item removed, and an answered option removed from another: the rest still opens,
    // and the link says how much it lost.
    let mut smaller = quiz.clone();
    let gone = smaller.items.remove(3).id;
    let trimmed = &mut smaller.items[0];
    let lost = answers.chosen(&trimmed.id)[0].clone();
    trimmed.options.retain(|o| o.id != lost);
    let trimmed_id = trimmed.id.clone();
    let shared = decode(&smaller, &code).unwrap();
    assert_eq!(shared.dropped, 2);
    assert!(!shared.answers.is_answered(&gone));
    assert!(!shared.answers.is_answered(&trimmed_id));
    assert_eq!(shared.answers.len(), answers.len() - 2);
    for (item, chosen) in shared.answers.iter() {
        assert_eq!(chosen, answers.chosen(item));
    }
}

/// One random change of the kinds links suffer: cut short, a character changed, added,
/// lost or swapped, junk on the end, or a different text altogether.
fn mangle(code: &str, rng: &mut StdRng) -> String {
    const CHARS: &[char] = &['A', 'z', '0', '-', '_', '+', '/', '=', '%', ' ', 'é', '😀'];
    let mut chars: Vec<char> = code.chars().collect();
    let at = rng.random_range(0..chars.len().max(1));
    match rng.random_range(0..7) {
        0 => chars.truncate(at),
        1 => chars[at] = CHARS[rng.random_range(0..CHARS.len())],
        2 => chars.insert(at, CHARS[rng.random_range(0..CHARS.len())]),
        3 => {
            chars.remove(at);
        }
        4 => {
            let other = rng.random_range(0..chars.len());
            chars.swap(at, other);
        }
        5 => chars.extend("&utm_source=x".chars()),
        _ => {
            let len = rng.random_range(0..300);
            chars = (0..len)
                .map(|_| char::from(rng.random_range(32u8..127)))
                .collect();
        }
    }
    chars.into_iter().collect()
}

#[test]
fn a_hundred_thousand_mangled_links_are_refused_never_misread() {
    let content = shipped();
    let quiz = &content.quiz;
    let mut rng = StdRng::seed_from_u64(2026);
    let mut refused = 0;
    // A thousand students, each code mangled a hundred ways.
    for student in 0..1000 {
        let answers = persona_answers(content, &mut StdRng::seed_from_u64(student));
        let code = encode(quiz, &answers);
        for _ in 0..100 {
            let mangled = mangle(&code, &mut rng);
            match decode(quiz, &mangled) {
                // Only a change that leaves the same bytes (say, spare bits of the last
                // character) may still open, and then it must give the same answers.
                Ok(shared) => assert_eq!(shared.answers, answers, "{code} → {mangled}"),
                Err(_) => refused += 1,
            }
        }
    }
    eprintln!("{refused} of 100000 mangled links refused; the rest were unchanged in meaning");
    assert!(refused > 90_000, "only {refused} refused");
    assert_eq!(
        decode(quiz, &"A".repeat(MAX_CODE_LEN * 10)),
        Err(ShareError::TooLong)
    );
}
