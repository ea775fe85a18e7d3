//! Content files as an editor's tools (or an accident) can leave them: a byte-order mark,
//! truncated or mangled copies, wrong types, huge strings, deep nesting and very long lists.
//! The loader must answer every one with the content or a clear error naming a file, never
//! a panic, and in time in proportion to the file's size.

mod common;

use common::*;
use find_your_fit::content::{self, Content, SourceFile, Sources};
use proptest::prelude::*;
use serde_json::{Value, json};

/// Every file's path, as the problems name them.
fn paths(sources: &Sources) -> Vec<String> {
    [&sources.taxonomy, &sources.quiz, &sources.strings]
        .into_iter()
        .chain(&sources.role_files)
        .map(|f| f.path.clone())
        .collect()
}

/// Loads, and checks the answer is the content or problems that each name a real file.
fn load_names_files(sources: &Sources) -> Result<Content, Vec<String>> {
    let known = paths(sources);
    match Content::load(sources) {
        Ok(content) => Ok(content),
        Err(e) => {
            assert!(!e.problems.is_empty(), "an error with no problem in it");
            for p in &e.problems {
                assert!(
                    known.contains(&p.file) || p.file == "content/roles",
                    "a problem names no file of the content: {p}"
                );
                assert!(!p.message.is_empty(), "a problem with no message: {p:?}");
            }
            Err(e.problems.iter().map(ToString::to_string).collect())
        }
    }
}

#[test]
fn a_byte_order_mark_at_the_start_of_a_file_is_accepted() {
    let original = shipped_sources();
    for path in paths(&original) {
        let text = json_of(&original, &path).to_string();
        let mut sources = original.clone();
        let file = SourceFile::new(path.clone(), format!("\u{feff}{text}"));
        assert_eq!(file.text, text, "{path}: the mark is dropped");
        sources = with_file(sources, &path, file.text);
        let content = load_names_files(&sources)
            .unwrap_or_else(|e| panic!("{path} with a byte-order mark: {e:?}"));
        assert_eq!(content.roles.len(), shipped().roles.len());
    }
}

#[test]
fn very_long_lists_are_checked_with_every_problem_reported() {
    // Quadratic checks would take hours over lists like these; each is reported in full.
    const LONG: usize = 200_000;
    let sources = shipped_sources();
    let path = sources.role_files[0].path.clone();
    let mut value = json_of(&sources, &path);
    let subject = value["roles"][0]["subjects"][0].clone();
    value["roles"][0]["subjects"] = Value::Array(vec![subject.clone(); LONG]);
    value["roles"][1]["workplaces"] = Value::Array(vec![json!("A hospital"); LONG]);
    let mut route = value["roles"][2]["routes"][0].clone();
    route["route"] = json!("no-such-route");
    route.as_object_mut().unwrap().remove("level");
    value["roles"][2]["routes"] = Value::Array(vec![route; LONG]);
    let problems = content::check(&with_file(sources, &path, value.to_string()));
    let twice = problems
        .iter()
        .filter(|p| p.message.contains("twice"))
        .count();
    assert_eq!(twice, LONG - 1, "every repeat of {subject} is named");
    let unknown_routes = problems
        .iter()
        .filter(|p| {
            p.message
                .contains("\"no-such-route\", which is not a route")
        })
        .count();
    assert_eq!(unknown_routes, LONG);
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("more than four places"))
    );
}

#[test]
fn a_catalogue_of_many_thousands_of_roles_is_checked() {
    const MANY: usize = 20_000;
    let sources = shipped_sources();
    let path = sources.role_files[0].path.clone();
    let mut value = json_of(&sources, &path);
    let first = value["roles"][0].clone();
    let roles: Vec<Value> = (0..MANY)
        .map(|n| {
            let mut role = first.clone();
            role["id"] = json!(format!("role-{n}"));
            role
        })
        .collect();
    value["roles"] = Value::Array(roles);
    let problems = content::check(&with_file(sources, &path, value.to_string()));
    // So many ids cannot all have their own share-link key; that is reported, not a hang.
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("same share-link key")),
        "{} problems",
        problems.len()
    );
}

/// Every place in a JSON value, as a path of keys and indices.
fn places(value: &Value, at: Vec<PathStep>, out: &mut Vec<Vec<PathStep>>) {
    out.push(at.clone());
    match value {
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let mut next = at.clone();
                next.push(PathStep::Index(i));
                places(v, next, out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                let mut next = at.clone();
                next.push(PathStep::Key(k.clone()));
                places(v, next, out);
            }
        }
        _ => {}
    }
}

#[derive(Debug, Clone)]
enum PathStep {
    Key(String),
    Index(usize),
}

fn at_mut<'a>(value: &'a mut Value, path: &[PathStep]) -> &'a mut Value {
    path.iter().fold(value, |v, step| match step {
        PathStep::Key(k) => &mut v[k.as_str()],
        PathStep::Index(i) => &mut v[*i],
    })
}

/// What is done to one file.
#[derive(Debug, Clone)]
enum Mutation {
    /// Cut off after this share of its text, as an interrupted save or download leaves it.
    Truncate(f64),
    /// One value (picked by this share of its places) replaced by another kind of value.
    Retype(f64, u8),
    /// One value replaced by a string of this many kilobytes.
    Huge(f64, usize),
    /// One value replaced by arrays nested this deep.
    Nest(f64, usize),
    /// One value removed from its object or list.
    Remove(f64),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let share = 0.0..1.0f64;
    prop_oneof![
        share.clone().prop_map(Mutation::Truncate),
        (share.clone(), 0u8..7).prop_map(|(s, k)| Mutation::Retype(s, k)),
        (share.clone(), 64usize..1024).prop_map(|(s, n)| Mutation::Huge(s, n)),
        (share.clone(), 2usize..5000).prop_map(|(s, n)| Mutation::Nest(s, n)),
        share.prop_map(Mutation::Remove),
    ]
}

fn replacement(kind: u8) -> Value {
    match kind {
        0 => Value::Null,
        1 => json!(true),
        2 => json!(-1),
        3 => json!(1.5e300),
        4 => json!(""),
        5 => json!([]),
        _ => json!({}),
    }
}

fn nested(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

/// The mutated text of one file.
fn mutate(text: &str, mutation: &Mutation) -> String {
    let mut value: Value = serde_json::from_str(text).unwrap();
    let mut all = Vec::new();
    places(&value, Vec::new(), &mut all);
    let pick = |share: f64| all[((all.len() as f64 * share) as usize).min(all.len() - 1)].clone();
    match mutation {
        Mutation::Truncate(share) => {
            let mut cut = (text.len() as f64 * share) as usize;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            return text[..cut].to_owned();
        }
        Mutation::Retype(share, kind) => *at_mut(&mut value, &pick(*share)) = replacement(*kind),
        Mutation::Huge(share, kb) => {
            *at_mut(&mut value, &pick(*share)) = json!("é".repeat(kb * 512));
        }
        Mutation::Nest(share, depth) => {
            // Written as text: a `Value` this deep could not be built by the parser either.
            *at_mut(&mut value, &pick(*share)) = json!("@@NEST@@");
            return value
                .to_string()
                .replacen("\"@@NEST@@\"", &nested(*depth), 1);
        }
        Mutation::Remove(share) => {
            let path = pick(*share);
            if let Some((last, parent)) = path.split_last() {
                match (at_mut(&mut value, parent), last) {
                    (Value::Object(map), PathStep::Key(k)) => {
                        map.remove(k);
                    }
                    (Value::Array(items), PathStep::Index(i)) => {
                        items.remove(*i);
                    }
                    _ => {}
                }
            }
        }
    }
    value.to_string()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn mutated_content_loads_or_names_the_file_never_panics(
        file in 0usize..64,
        mutation in mutation(),
    ) {
        let shipped = shipped_sources();
        let all = paths(&shipped);
        let path = &all[file % all.len()];
        let text = json_of(&shipped, path).to_string();
        let sources = with_file(shipped.clone(), path, mutate(&text, &mutation));
        let result = load_names_files(&sources);
        // A file that is no longer JSON is named as such.
        if serde_json::from_str::<Value>(&sources_text(&sources, path)).is_err() {
            let problems = result.expect_err("a file that is not JSON cannot load");
            prop_assert!(
                problems.iter().any(|p| p.contains(path.as_str()) && p.contains("not valid JSON")),
                "{path}: {problems:?}"
            );
        }
    }
}

fn sources_text(sources: &Sources, path: &str) -> String {
    [&sources.taxonomy, &sources.quiz, &sources.strings]
        .into_iter()
        .chain(&sources.role_files)
        .find(|f| f.path == path)
        .map(|f| f.text.clone())
        .unwrap()
}
