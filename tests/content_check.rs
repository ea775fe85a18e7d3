//! The content check on the shipped files (which must be clean) and on broken copies of them
//! (which must be reported clearly: the file, the entry and what is wrong, all at once).

mod common;

use common::*;
use find_your_fit::content::{
    self, Content, MIN_NON_CLINICAL_PERCENT, MIN_ROLES, MIN_SOCIAL_CARE_ROLES, Problem, Severity,
    Sources, schema,
};
use serde_json::{Value, json};

fn messages(problems: &[Problem]) -> Vec<String> {
    problems.iter().map(ToString::to_string).collect()
}

/// Asserts that some problem mentions every one of `parts`, and returns it.
fn expect_problem<'a>(problems: &'a [Problem], parts: &[&str]) -> &'a Problem {
    problems
        .iter()
        .find(|p| {
            let text = p.to_string();
            parts.iter().all(|part| text.contains(part))
        })
        .unwrap_or_else(|| {
            panic!(
                "no problem mentions {parts:?}; got:\n{}",
                messages(problems).join("\n")
            )
        })
}

const DENTAL: &str = "content/roles/dental.json";
const QUIZ: &str = "content/quiz.json";

fn edit(path: &str, change: impl FnOnce(&mut Value)) -> Sources {
    let sources = shipped_sources();
    let mut value = json_of(&sources, path);
    change(&mut value);
    with_file(sources, path, pretty(&value))
}

#[test]
fn shipped_content_passes_every_check() {
    let problems = content::check(&shipped_sources());
    assert!(
        problems.is_empty(),
        "content check problems:\n{}",
        messages(&problems).join("\n")
    );
}

#[test]
fn shipped_schemas_are_up_to_date_with_the_taxonomy() {
    let c = shipped();
    for (name, value) in schema::all(&c.taxonomy) {
        let on_disk = std::fs::read_to_string(assets().join("schema").join(name)).unwrap();
        assert_eq!(
            on_disk,
            schema::to_text(&value),
            "assets/schema/{name} is stale: run `cargo run --bin content -- schemas`"
        );
    }
}

#[test]
fn shipped_catalogue_is_balanced() {
    let c = shipped();
    let n = c.roles.len();
    assert!(n >= MIN_ROLES, "{n} roles");
    let non_clinical = c.roles.iter().filter(|r| !r.clinical).count();
    assert!(
        non_clinical * 100 >= MIN_NON_CLINICAL_PERCENT * n,
        "{non_clinical} of {n} non-clinical"
    );
    let social = c.roles.iter().filter(|r| r.family == "social_care").count();
    assert!(
        social >= MIN_SOCIAL_CARE_ROLES,
        "{social} social care roles"
    );
    for f in &c.taxonomy.families {
        assert!(
            c.roles.iter().any(|r| r.family == f.id),
            "family {} has no roles",
            f.id
        );
    }
}

#[test]
fn every_shipped_role_has_what_a_student_reads() {
    let c = shipped();
    for r in &c.roles {
        let pay = c.pay_text(r);
        assert!(
            pay.contains('£') || matches!(r.pay, content::Pay::Scale(_)),
            "{}: pay line {pay:?}",
            r.id
        );
        assert!(!pay.is_empty(), "{} has no pay line", r.id);
        assert!(!r.sources.is_empty(), "{} has no source", r.id);
        let family = c.taxonomy.family(&r.family).unwrap();
        assert!(
            r.read_more(&family.read_more).starts_with("https://"),
            "{} read more",
            r.id
        );
    }
    let paramedic = c.role("paramedic").expect("the catalogue has a paramedic");
    assert_eq!(
        c.pay_text(paramedic),
        "Band 5 to 6: £31,049 to £46,580 a year"
    );
}

#[test]
fn a_clean_copy_loads_and_a_broken_one_names_file_entry_and_problem() {
    assert!(Content::load(&shipped_sources()).is_ok());
    let broken = edit(DENTAL, |v| {
        v["roles"][0]["interests"]["social"] = json!(9);
    });
    let err = Content::load(&broken).expect_err("an out-of-range profile value must not load");
    let text = err.to_string();
    assert!(text.contains("assets/content/roles/dental.json"), "{text}");
    assert!(text.contains("role 1 \"dentist\""), "{text}");
    assert!(
        text.contains("`interests.social` is 9; profile values run from 0 to 5"),
        "{text}"
    );
}

#[test]
fn every_problem_in_a_file_is_reported_at_once() {
    let broken = edit(DENTAL, |v| {
        let role = &mut v["roles"][1];
        let obj = role.as_object_mut().unwrap();
        obj.remove("summary");
        obj.remove("myth");
        obj.insert("sumary".into(), json!("typo"));
        v["roles"][2]["subjects"] = json!(["biology", "astrology"]);
        v["roles"][3]["skills"]["empathy"] = json!(-1);
        v["roles"][4]["id"] = v["roles"][0]["id"].clone();
    });
    let problems = content::check(&broken);
    expect_problem(
        &problems,
        &["dental.json", "role 2", "missing field `summary`"],
    );
    expect_problem(
        &problems,
        &["dental.json", "role 2", "missing field `myth`"],
    );
    expect_problem(
        &problems,
        &["role 2", "unknown field `sumary` (did you mean `summary`?)"],
    );
    expect_problem(
        &problems,
        &[
            "role 3",
            "\"astrology\", which is not a subject in taxonomy.json",
        ],
    );
    expect_problem(&problems, &["role 4", "`skills.empathy` is -1"]);
    expect_problem(
        &problems,
        &[
            "role 5 \"dentist\"",
            "already used in assets/content/roles/dental.json",
        ],
    );
}

#[test]
fn unknown_family_and_mismatched_file_are_reported() {
    let mut sources = shipped_sources();
    let dental = sources
        .role_files
        .iter()
        .find(|f| f.path == DENTAL)
        .unwrap()
        .clone();
    sources
        .role_files
        .push(find_your_fit::content::SourceFile::new(
            "content/roles/dentle.json",
            dental.text.clone(),
        ));
    let problems = content::check(&sources);
    expect_problem(
        &problems,
        &[
            "content/roles/dentle.json",
            "`family` says \"dental\" but the file name says \"dentle\"",
        ],
    );
    expect_problem(
        &problems,
        &[
            "content/roles/dentle.json",
            "\"dentle\" is not a family in taxonomy.json (did you mean `dental`?)",
        ],
    );

    let missing = Sources {
        role_files: shipped_sources()
            .role_files
            .into_iter()
            .filter(|f| f.path != DENTAL)
            .collect(),
        ..shipped_sources()
    };
    expect_problem(
        &content::check(&missing),
        &["family \"dental\" has no file content/roles/dental.json"],
    );
}

#[test]
fn wrong_types_name_the_field() {
    let broken = edit(DENTAL, |v| {
        v["roles"][0]["clinical"] = json!("yes");
        v["roles"][1]["patient_contact"] = json!("loads");
        v["roles"][2]["pay"] = json!({ "bands": { "from": "6", "to": "4" } });
        v["roles"][3]["pay"] = json!({ "scale": "footballers" });
        v["roles"][4]["routes"] =
            json!([{ "route": "apprenticeship", "detail": "Learn on the job." }]);
    });
    let problems = content::check(&broken);
    expect_problem(
        &problems,
        &["role 1", "field `clinical`", "expected a boolean"],
    );
    expect_problem(
        &problems,
        &[
            "role 2",
            "field `patient_contact`",
            "`lots`, `some`, `none`",
        ],
    );
    expect_problem(&problems, &["role 3", "from band 6 down to band 4"]);
    expect_problem(
        &problems,
        &["role 4", "\"footballers\", which is not a pay scale"],
    );
    expect_problem(&problems, &["role 5", "needs a `level` from 2 to 7"]);
}

#[test]
fn invalid_json_gives_line_and_column() {
    let sources = shipped_sources();
    let text = sources
        .role_files
        .iter()
        .find(|f| f.path == DENTAL)
        .unwrap()
        .text
        .replacen("\"roles\": [", "\"roles\": [,", 1);
    let problems = content::check(&with_file(sources, DENTAL, text));
    let p = expect_problem(
        &problems,
        &["assets/content/roles/dental.json", "not valid JSON", "line"],
    );
    assert_eq!(p.severity, Severity::Broken);
    // The other files were still checked: no problem elsewhere, and the bad file is named once.
    assert!(
        problems.iter().all(|p| p.file == DENTAL),
        "{:?}",
        messages(&problems)
    );
}

#[test]
fn quiz_options_pointing_at_unknown_dimensions_are_reported() {
    let broken = edit(QUIZ, |v| {
        let items = v["items"].as_array_mut().unwrap();
        let rated = items
            .iter()
            .position(|i| i["format"] == "activity")
            .unwrap();
        items[rated]["measures"]
            .as_object_mut()
            .unwrap()
            .insert("creatvity".into(), json!(1));
        let pair = items
            .iter()
            .position(|i| i["format"] == "this_or_that")
            .unwrap();
        items[pair]["options"][0]["adds"] = json!({ "social": 7 });
        let scenario = items
            .iter()
            .position(|i| i["format"] == "scenario")
            .unwrap();
        items[scenario]["options"][0]
            .as_object_mut()
            .unwrap()
            .remove("reason");
        let rating = items.iter().position(|i| i["format"] == "rating").unwrap();
        items[rating]["reasons"]
            .as_object_mut()
            .unwrap()
            .remove("good");
        items[rating]["because"] = json!(["staying_calm"]);
    });
    let problems = content::check(&broken);
    let items = json_of(&broken, QUIZ)["items"].clone();
    let at = |format: &str| {
        let i = items
            .as_array()
            .unwrap()
            .iter()
            .position(|i| i["format"] == format)
            .unwrap();
        format!("item {} \"{}\"", i + 1, items[i]["id"].as_str().unwrap())
    };
    expect_problem(
        &problems,
        &[
            "quiz.json",
            &at("activity"),
            "\"creatvity\"",
            "did you mean `creativity`?",
        ],
    );
    expect_problem(
        &problems,
        &[
            &at("this_or_that"),
            "\"social\" 7 points; points run from 1 to 3",
        ],
    );
    expect_problem(&problems, &[&at("scenario"), "needs a `reason`"]);
    expect_problem(
        &problems,
        &[&at("rating"), "`reasons` needs a sentence for \"good\""],
    );
    expect_problem(
        &problems,
        &[
            &at("rating"),
            "`because` names \"staying_calm\", which this answer does not add to",
        ],
    );
    assert!(Content::load(&broken).is_err());
}

/// Removes a dimension from an item's `measures` or an option's `adds`, and from `because`.
fn strip_dimension(holder: &mut Value, points: &str, dim: &str) {
    if let Some(map) = holder.get_mut(points).and_then(Value::as_object_mut) {
        map.remove(dim);
        if map.is_empty() {
            holder.as_object_mut().unwrap().remove("reason");
        }
    }
    if let Some(list) = holder.get_mut("because").and_then(Value::as_array_mut) {
        list.retain(|d| d != dim);
        if list.is_empty() {
            holder.as_object_mut().unwrap().remove("because");
        }
    }
}

#[test]
fn an_interest_measured_by_too_few_items_is_reported() {
    // Strip "artistic" from every item but one.
    let broken = edit(QUIZ, |v| {
        let mut kept = false;
        for item in v["items"].as_array_mut().unwrap() {
            let text = item.to_string();
            if !text.contains("\"artistic\"") {
                continue;
            }
            if !kept {
                kept = true;
                continue;
            }
            strip_dimension(item, "measures", "artistic");
            if let Some(options) = item.get_mut("options").and_then(Value::as_array_mut) {
                for o in options {
                    strip_dimension(o, "adds", "artistic");
                }
            }
        }
    });
    let problems = content::check(&broken);
    let p = expect_problem(
        &problems,
        &[
            "quiz.json",
            "\"artistic\" is measured by 1 item(s); it needs at least 3",
        ],
    );
    assert_eq!(p.severity, Severity::Guideline);
}

#[test]
fn quiz_format_rules_are_checked() {
    let broken = edit(QUIZ, |v| {
        let items = v["items"].as_array_mut().unwrap();
        let mut rated = items.iter_mut().filter(|i| i["format"] == "activity");
        let with_options = rated.next().unwrap();
        with_options["options"] = json!([{ "id": "love", "adds": { "social": 1 } }]);
        let without_measures = rated.next().unwrap();
        without_measures.as_object_mut().unwrap().remove("measures");
        let pair = items
            .iter_mut()
            .find(|i| i["format"] == "this_or_that")
            .unwrap();
        pair["options"].as_array_mut().unwrap().pop();
        pair["measures"] = json!({ "team": 1 });
        let subjects = items
            .iter_mut()
            .find(|i| i["format"] == "subjects")
            .unwrap();
        subjects["options"]
            .as_array_mut()
            .unwrap()
            .retain(|o| o["id"] != "music");
        subjects["max_choices"] = json!(9);
        let id = items[1]["id"].clone();
        items[2]["id"] = id;
        v["scales"]["activity"][0]["value"] = json!(3);
    });
    let problems = content::check(&broken);
    expect_problem(&problems, &["a rated item takes no `options`"]);
    expect_problem(&problems, &["a rated item needs `measures`"]);
    expect_problem(
        &problems,
        &["a `this_or_that` item needs exactly 2 options, not 1"],
    );
    expect_problem(
        &problems,
        &[
            "a `this_or_that` item has `options`",
            "`measures`, `reasons` and `because` are for rated items",
        ],
    );
    expect_problem(
        &problems,
        &["needs an option for every subject; missing music"],
    );
    expect_problem(&problems, &["`max_choices` is 9"]);
    expect_problem(&problems, &["item 3", "is used by an earlier item"]);
    expect_problem(
        &problems,
        &[
            "scales \"activity\"",
            "`value` 3; values run from -1 (against) to 1 (for)",
        ],
    );
}

#[test]
fn strings_must_keep_their_placeholders() {
    let path = "strings/en-GB.json";
    let broken = edit(path, |v| {
        v["reasons"]["wildcard"] = json!("A wildcard from {familly}.");
    });
    let problems = content::check(&broken);
    expect_problem(
        &problems,
        &[
            "strings/en-GB.json",
            "reasons.wildcard",
            "must use the placeholder {family}",
        ],
    );
    expect_problem(
        &problems,
        &["reasons.wildcard", "unknown placeholder {familly}"],
    );
    assert!(Content::load(&broken).is_err());
}

#[test]
fn a_broken_taxonomy_is_reported_and_other_files_still_parsed() {
    let sources = shipped_sources();
    let broken = with_file(
        sources,
        "content/taxonomy.json",
        "{ \"interests\": [".into(),
    );
    let problems = content::check(&broken);
    expect_problem(
        &problems,
        &["assets/content/taxonomy.json", "not valid JSON"],
    );
    let broken = edit("content/taxonomy.json", |v| {
        let subjects = v["subjects"].as_array_mut().unwrap();
        let first = subjects[0].clone();
        subjects.push(first);
        v["skills"][0]["id"] = json!("maths");
    });
    let problems = content::check(&broken);
    expect_problem(
        &problems,
        &[
            "taxonomy.json",
            "the id \"science\" is used twice in `subjects`",
        ],
    );
    expect_problem(
        &problems,
        &["taxonomy.json", "\"maths\" is also in `skills`"],
    );
}

#[test]
fn guideline_problems_are_reported_but_do_not_stop_the_game() {
    let broken = edit(DENTAL, |v| {
        v["roles"][0]["summary"] = json!("He fixes teeth.");
        v["roles"][1]["day"] = json!("word ".repeat(80));
    });
    let problems = content::check(&broken);
    let gendered = expect_problem(&problems, &["role 1", "gendered words (he)"]);
    assert_eq!(gendered.severity, Severity::Guideline);
    expect_problem(
        &problems,
        &["role 2", "`day` has 80 words; keep it to 70 or fewer"],
    );
    assert!(
        Content::load(&broken).is_ok(),
        "writing-rule problems must not stop the game"
    );
}

#[test]
fn the_content_command_fails_with_every_problem_on_a_broken_copy() {
    let dir = std::env::temp_dir().join(format!("fyf-broken-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&assets(), &dir);
    let dental = dir.join(DENTAL);
    let text =
        std::fs::read_to_string(&dental)
            .unwrap()
            .replacen("\"dentist\"", "\"orthodontist\"", 1);
    std::fs::write(&dental, text).unwrap();
    std::fs::write(
        dir.join("content/roles/stray.json"),
        "{\"family\": \"stray\", \"roles\": []}",
    )
    .unwrap();

    let run = |dir: &std::path::Path| {
        std::process::Command::new(env!("CARGO_BIN_EXE_content"))
            .args(["check", "--assets"])
            .arg(dir)
            .output()
            .unwrap()
    };
    let out = run(&dir);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{stdout}");
    assert!(
        stdout.contains("assets/content/roles/dental.json: role"),
        "{stdout}"
    );
    assert!(
        stdout.contains("the id \"orthodontist\" is already used"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "assets/content/roles/stray.json: -: \"stray\" is not a family in taxonomy.json"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("content check failed: 2 error(s)"),
        "{stdout}"
    );

    let clean = run(&assets());
    assert!(
        clean.status.success(),
        "{}",
        String::from_utf8_lossy(&clean.stdout)
    );
    assert!(String::from_utf8_lossy(&clean.stdout).contains("content check passed"));
    let _ = std::fs::remove_dir_all(&dir);
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn sources_links_dates_and_myths_are_checked() {
    let broken = edit(DENTAL, |v| {
        let roles = v["roles"].as_array_mut().unwrap();
        roles[0]["sources"][0]["url"] = json!("http://www.healthcareers.nhs.uk/explore-roles");
        roles[1]["sources"][0]["url"] =
            json!("https://www.nhscareers.nhs.uk/explore-by-career/dental/");
        roles[2]["read_more"] = json!("javascript:alert(1)");
        // A dentist's job is not built on art: a link for it could join any answer to anything.
        roles[0]["interests"]["artistic"] = json!(1);
        roles[0]["links"]["artistic"] = json!("Dentists make teeth look their best.");
        roles[3]["checked"] = json!("2026-13-01");
        roles[4]["myth"] = json!("Dental nursing isn't only for women.");
    });
    let problems = content::check(&broken);
    let http = expect_problem(
        &problems,
        &["role 1", "must be a web address starting https://"],
    );
    assert_eq!(http.severity, Severity::Broken);
    expect_problem(
        &problems,
        &[
            "role 2",
            "nhscareers.nhs.uk, which is a retired site or a copy",
        ],
    );
    expect_problem(
        &problems,
        &[
            "role 3",
            "`read_more` must be a web address starting https://",
        ],
    );
    expect_problem(
        &problems,
        &[
            "role 1",
            "`links.artistic` is about something this role rates below 4",
        ],
    );
    expect_problem(&problems, &["role 4", "`checked` is \"2026-13-01\""]);
    let myth = expect_problem(&problems, &["role 5", "`myth` names women"]);
    assert_eq!(myth.severity, Severity::Guideline);
    assert!(
        Content::load(&broken).is_err(),
        "an http link must never reach a student"
    );
}

#[test]
fn a_link_that_is_not_https_is_an_error_the_loader_refuses() {
    for (n, url) in [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "//www.healthcareers.nhs.uk/",
        " https://www.healthcareers.nhs.uk/",
        "https://",
        "https:// evil.example/",
    ]
    .into_iter()
    .enumerate()
    {
        for field in ["read_more", "source"] {
            let broken = edit(DENTAL, |v| {
                let role = &mut v["roles"][0];
                if field == "read_more" {
                    role["read_more"] = json!(url);
                } else {
                    role["sources"][0]["url"] = json!(url);
                }
            });
            let err = Content::load(&broken).expect_err(url);
            assert!(
                err.problems.iter().any(|p| p.file == DENTAL
                    && p.message
                        .contains("must be a web address starting https://")),
                "{n}: {field} {url}: {:?}",
                err.problems
            );
        }
    }
}

#[test]
fn roles_not_checked_within_a_year_are_due_for_review() {
    let c = shipped();
    let never = c.roles.iter().filter(|r| r.checked.is_none()).count();
    let due_now = content::due_for_review(&c.roles, (2026, 12, 1));
    assert_eq!(due_now.len(), never, "only unchecked roles are due today");
    let due_later = content::due_for_review(&c.roles, (2028, 1, 1));
    assert_eq!(
        due_later.len(),
        c.roles.len(),
        "a year on, every role is due again"
    );
    assert!(content::parse_date("2026-02-29").is_none());
    assert_eq!(content::parse_date("2028-02-29"), Some((2028, 2, 29)));
}

#[test]
fn ids_that_would_mix_up_share_links_are_reported() {
    // These pairs of ids happen to give the same short key in a share link.
    let broken = edit(QUIZ, |v| {
        let items = v["items"].as_array_mut().unwrap();
        items[0]["id"] = json!("card-173");
        items[1]["id"] = json!("card-335");
        let pair = items
            .iter_mut()
            .find(|i| i["format"] == "this_or_that")
            .unwrap();
        pair["options"][0]["id"] = json!("option-123");
        pair["options"][1]["id"] = json!("option-242");
    });
    let problems = content::check(&broken);
    expect_problem(
        &problems,
        &["\"card-173\" and \"card-335\" give the same share-link key"],
    );
    expect_problem(
        &problems,
        &["\"option-123\" and \"option-242\" give the same share-link key"],
    );
    // Roles too: a link's shortlist would name the wrong job.
    let broken = edit(DENTAL, |v| {
        let roles = v["roles"].as_array_mut().unwrap();
        roles[0]["id"] = json!("card-173");
        roles[1]["id"] = json!("card-335");
    });
    expect_problem(
        &content::check(&broken),
        &[
            DENTAL,
            "\"card-173\" and \"card-335\" give the same share-link key",
        ],
    );
}
