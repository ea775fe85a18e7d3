//! Shared helpers for the integration tests: the shipped content, and small hand-made
//! catalogues where a rule needs exact control over the numbers.
#![allow(dead_code)] // each test file uses its own subset

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use find_your_fit::content::{Answers, Content, DEFAULT_LANGUAGE, SourceFile, Sources};
use serde_json::{Value, json};

pub fn assets() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets")
}

pub fn shipped_sources() -> Sources {
    Sources::read_dir(&assets(), DEFAULT_LANGUAGE).expect("the shipped assets can be read")
}

/// The shipped content, loaded once per test binary.
pub fn shipped() -> &'static Content {
    static CONTENT: OnceLock<Content> = OnceLock::new();
    CONTENT.get_or_init(|| Content::load(&shipped_sources()).expect("the shipped content loads"))
}

/// Answers built from (item id, option ids) pairs, checked against the quiz.
pub fn answers(content: &Content, picks: &[(&str, &[&str])]) -> Answers {
    let mut a = Answers::new();
    for (item, options) in picks {
        a.answer(&content.quiz, item, options)
            .unwrap_or_else(|e| panic!("test answer {item}: {e}"));
    }
    a
}

/// Replaces one file's text in a copy of the sources.
pub fn with_file(mut sources: Sources, path: &str, text: String) -> Sources {
    let file = if sources.taxonomy.path == path {
        &mut sources.taxonomy
    } else if sources.quiz.path == path {
        &mut sources.quiz
    } else if sources.strings.path == path {
        &mut sources.strings
    } else {
        sources
            .role_files
            .iter_mut()
            .find(|f| f.path == path)
            .unwrap_or_else(|| panic!("no source file {path}"))
    };
    file.text = text;
    sources
}

/// Parses a file of the sources as JSON, for editing in a test.
pub fn json_of(sources: &Sources, path: &str) -> Value {
    let file = [&sources.taxonomy, &sources.quiz, &sources.strings]
        .into_iter()
        .chain(&sources.role_files)
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("no source file {path}"));
    serde_json::from_str(&file.text).expect("shipped files are JSON")
}

pub fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap()
}

/// A role with the given interests (realistic, investigative, artistic, social,
/// enterprising, conventional) and subjects; skills and work style follow the interests so
/// that different interests give different shapes.
pub fn role(id: &str, clinical: bool, interests: [i64; 6], subjects: &[&str]) -> Value {
    let [r, i, a, s, e, c] = interests;
    json!({
        "id": id,
        "title": format!("Test role {id}"),
        "clinical": clinical,
        "summary": "A role made for a test.",
        "day": "You do test things all day.",
        "patient_contact": if clinical { "lots" } else { "none" },
        "workplaces": ["Test labs"],
        "subjects": subjects,
        "routes": [{ "route": "degree", "detail": "Study for a degree." }],
        "pay": { "bands": { "from": "5", "to": "6" } },
        "myth": "Tests are for everyone.",
        "interests": { "realistic": r, "investigative": i, "artistic": a, "social": s, "enterprising": e, "conventional": c },
        "skills": { "communication": s, "empathy": s, "numbers": c, "problem_solving": i, "practical": r, "organising": c, "creativity": a, "digital": i, "staying_calm": e },
        "work_style": { "active": r, "desk": c, "variety": a, "routine": c, "team": s, "solo": i, "face_to_face": s, "behind_scenes": c },
        "sources": [{ "title": "Test", "url": "https://example.org/test" }]
    })
}

fn activity(id: &str, dim: &str) -> Value {
    json!({
        "id": id, "format": "activity", "prompt": format!("Do some {dim} things"),
        "measures": { dim: 2 },
        "reasons": { "love": format!("You love {dim} things."), "like": format!("You like {dim} things.") }
    })
}

/// A small quiz: one activity card per interest type (`love-<type>`), a subjects item
/// (`subjects`, up to three), a rating (`good-with-numbers`) and a this-or-that (`team-or-solo`).
pub fn mini_quiz(taxonomy: &Value) -> Value {
    // One card per interest type, named `love-<type>`.
    let mut items: Vec<Value> = taxonomy["interests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let d = d["id"].as_str().unwrap();
            activity(&format!("love-{d}"), d)
        })
        .collect();
    let subjects: Vec<Value> = taxonomy["subjects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let id = s["id"].as_str().unwrap();
            json!({ "id": id, "adds": { id: 1 }, "reason": format!("You chose {}.", s["name"].as_str().unwrap()) })
        })
        .collect();
    items.push(json!({ "id": "subjects", "format": "subjects", "prompt": "Pick up to three subjects.", "max_choices": 3, "options": subjects }));
    items.push(json!({
        "id": "good-with-numbers", "format": "rating", "prompt": "Working with numbers",
        "measures": { "numbers": 2 },
        "reasons": { "very_good": "You're really good with numbers.", "good": "You're quite good with numbers." }
    }));
    items.push(json!({
        "id": "team-or-solo", "format": "this_or_that", "prompt": "How do you like to work?",
        "options": [
            { "id": "team", "label": "In a team", "adds": { "team": 1 }, "reason": "You like working in a team." },
            { "id": "solo", "label": "On my own", "adds": { "solo": 1 }, "reason": "You like working on your own." }
        ]
    }));
    json!({
        "scales": {
            "activity": [
                { "level": "love", "label": "Love it", "value": 1 }, { "level": "like", "label": "Like it", "value": 0.5 },
                { "level": "not_sure", "label": "Not sure", "value": null }, { "level": "not_for_me", "label": "Not for me", "value": -1 }
            ],
            "rating": [
                { "level": "very_good", "label": "Really good", "value": 1 }, { "level": "good", "label": "Quite good", "value": 0.5 },
                { "level": "getting_there", "label": "Getting there", "value": 0 }, { "level": "not_yet", "label": "Not yet", "value": -0.5 }
            ]
        },
        "items": items
    })
}

/// Sources with the shipped taxonomy cut down to the given families, each with its roles,
/// and the mini quiz.
pub fn mini_sources(families: &[(&str, Vec<Value>)]) -> Sources {
    let shipped = shipped_sources();
    let mut taxonomy = json_of(&shipped, "content/taxonomy.json");
    let kept: Vec<Value> = taxonomy["families"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| families.iter().any(|(id, _)| f["id"] == *id))
        .cloned()
        .collect();
    assert_eq!(
        kept.len(),
        families.len(),
        "mini families must exist in the shipped taxonomy"
    );
    taxonomy["families"] = Value::Array(kept);
    let quiz = mini_quiz(&taxonomy);
    Sources {
        taxonomy: SourceFile::new("content/taxonomy.json", pretty(&taxonomy)),
        role_files: families
            .iter()
            .map(|(family, roles)| {
                SourceFile::new(
                    format!("content/roles/{family}.json"),
                    pretty(&json!({ "family": family, "roles": roles })),
                )
            })
            .collect(),
        quiz: SourceFile::new("content/quiz.json", pretty(&quiz)),
        strings: shipped.strings,
    }
}
