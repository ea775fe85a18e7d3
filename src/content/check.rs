//! Reads every content file and checks it, collecting every problem instead of stopping at the
//! first, so an editor can fix a whole file in one pass. Produces the typed [`Content`] when
//! nothing is broken.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::catalogue::{Pay, Role, RoleFile};
use super::problem::Problems;
use super::quiz::{Choice, Format, Item, ItemRecord, Quiz, QuizFile, ScaleLevel};
use super::strings::{Strings, placeholders};
use super::taxonomy::{Group, Taxonomy};
use super::{Content, SourceFile, Sources};

/// Profile values run from 0 (not at all) to this.
pub const PROFILE_MAX: i64 = 5;
/// Quiz options add from 1 to this many points to a dimension.
pub const POINTS_MAX: i64 = 3;

/// Catalogue balance the product promises (checked by the content check, not the game).
pub const MIN_ROLES: usize = 120;
pub const MIN_NON_CLINICAL_PERCENT: usize = 35;
pub const MIN_SOCIAL_CARE_ROLES: usize = 20;
pub const SOCIAL_CARE_FAMILY: &str = "social_care";
pub const MIN_ITEMS: usize = 20;
pub const MAX_ITEMS: usize = 30;
pub const MIN_FORMATS: usize = 4;
pub const MIN_ITEMS_PER_INTEREST: usize = 3;
pub const MIN_ITEMS_PER_SKILL_OR_STYLE: usize = 2;

/// Word limits from the editors' guide.
const SUMMARY_WORDS: usize = 35;
const DAY_WORDS: usize = 70;
const MYTH_WORDS: usize = 40;
const SENTENCE_WORDS: usize = 20;
const PROMPT_WORDS: usize = 16;

/// Checks everything and returns every problem, plus the content if nothing is broken.
pub(crate) fn check_sources(sources: &Sources) -> (Option<Content>, Problems) {
    let mut p = Problems::default();
    let taxonomy = parse_whole::<Taxonomy>(&sources.taxonomy, &mut p);
    let strings = parse_whole::<Strings>(&sources.strings, &mut p);
    if let Some(strings) = &strings {
        check_strings(strings, &sources.strings.path, &mut p);
    }
    let Some(taxonomy) = taxonomy else {
        // Without the shared lists nothing else can be checked against them; still report
        // files that are not even JSON so the editor sees everything we can tell them.
        for f in sources.role_files.iter().chain([&sources.quiz]) {
            parse_json(f, &mut p);
        }
        return (None, p);
    };
    check_taxonomy(&taxonomy, &sources.taxonomy.path, &mut p);
    let roles = check_role_files(&taxonomy, &sources.role_files, &mut p);
    let quiz = check_quiz(&taxonomy, &sources.quiz, &mut p);

    let content = match (strings, quiz) {
        (Some(strings), Some(quiz)) if !p.any_broken() => {
            Some(Content::new(taxonomy, roles, quiz, strings))
        }
        _ => None,
    };
    if let Some(content) = &content {
        check_balance(content, sources, &mut p);
    }
    (content, p)
}

fn parse_json(file: &SourceFile, p: &mut Problems) -> Option<Value> {
    match serde_json::from_str::<Value>(&file.text) {
        Ok(v) => Some(v),
        Err(e) => {
            p.broken(&file.path, "-", format!("not valid JSON: {e}"));
            None
        }
    }
}

/// Parses a file that is one typed object, naming the field at fault on failure.
fn parse_whole<T: DeserializeOwned>(file: &SourceFile, p: &mut Problems) -> Option<T> {
    let value = parse_json(file, p)?;
    typed(&value, &file.path, "-", p)
}

fn typed<T: DeserializeOwned>(
    value: &Value,
    file: &str,
    entry: &str,
    p: &mut Problems,
) -> Option<T> {
    match serde_path_to_error::deserialize::<_, T>(value) {
        Ok(t) => Some(t),
        Err(e) => {
            let path = e.path().to_string();
            let inner = e.into_inner();
            let message = if path == "." || path.is_empty() {
                inner.to_string()
            } else {
                format!("field `{path}`: {inner}")
            };
            p.broken(file, entry, message);
            None
        }
    }
}

/// Reports every missing and unknown field of an object at once (serde stops at the first).
fn check_fields(
    value: &Value,
    required: &[&str],
    optional: &[&str],
    file: &str,
    entry: &str,
    p: &mut Problems,
) -> bool {
    let Some(obj) = value.as_object() else {
        p.broken(file, entry, "must be an object { … }");
        return false;
    };
    let mut ok = true;
    for field in required {
        if !obj.contains_key(*field) {
            p.broken(file, entry, format!("missing field `{field}`"));
            ok = false;
        }
    }
    for key in obj.keys() {
        if !required.contains(&key.as_str()) && !optional.contains(&key.as_str()) {
            let known: Vec<&str> = required.iter().chain(optional).copied().collect();
            p.broken(
                file,
                entry,
                format!("unknown field `{key}`{}", did_you_mean(key, &known)),
            );
            ok = false;
        }
    }
    ok
}

/// " (did you mean `x`?)" when a known word is one or two edits away.
fn did_you_mean(word: &str, known: &[&str]) -> String {
    known
        .iter()
        .map(|k| (edit_distance(word, k), *k))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, k)| format!(" (did you mean `{k}`?)"))
        .unwrap_or_default()
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn is_snake_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('_').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Sentences split at `.`, `!` or `?` followed by a space.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for i in 0..bytes.len() {
        if matches!(bytes[i], b'.' | b'!' | b'?') && bytes.get(i + 1).is_some_and(|b| *b == b' ') {
            out.push(text[start..=i].trim());
            start = i + 1;
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

const GENDERED: [&str; 8] = [
    "he", "she", "him", "her", "his", "hers", "himself", "herself",
];

/// Writing rules for any sentence a student reads: not empty, short sentences, no
/// gender-coded pronouns, within a word limit.
fn check_text(
    text: &str,
    limit: Option<usize>,
    file: &str,
    entry: &str,
    field: &str,
    p: &mut Problems,
) {
    if text.trim().is_empty() {
        p.broken(file, entry, format!("`{field}` is empty"));
        return;
    }
    if let Some(limit) = limit {
        let n = words(text);
        if n > limit {
            p.guideline(
                file,
                entry,
                format!("`{field}` has {n} words; keep it to {limit} or fewer"),
            );
        }
    }
    for s in sentences(text) {
        let n = words(s);
        if n > SENTENCE_WORDS {
            p.guideline(
                file,
                entry,
                format!("`{field}` has a {n}-word sentence; split it (at most {SENTENCE_WORDS}): \"{s}\""),
            );
        }
    }
    let found: BTreeSet<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(|w| GENDERED.iter().find(|g| g.eq_ignore_ascii_case(w)).copied())
        .collect();
    if !found.is_empty() {
        let list: Vec<&str> = found.into_iter().collect();
        p.guideline(
            file,
            entry,
            format!(
                "`{field}` uses gendered words ({}); use \"they\" or \"you\"",
                list.join(", ")
            ),
        );
    }
}

fn check_url(url: &str, file: &str, entry: &str, field: &str, p: &mut Problems) {
    if !url.starts_with("https://") && !url.starts_with("http://") {
        p.guideline(
            file,
            entry,
            format!("`{field}` should be a web address starting https://, not \"{url}\""),
        );
    }
}

fn check_unique<'a>(
    ids: impl IntoIterator<Item = &'a str>,
    file: &str,
    list: &str,
    p: &mut Problems,
) {
    let mut seen = BTreeSet::new();
    for id in ids {
        if !seen.insert(id) {
            p.broken(
                file,
                format!("{list} \"{id}\""),
                format!("the id \"{id}\" is used twice in `{list}`"),
            );
        }
    }
}

fn check_taxonomy(t: &Taxonomy, file: &str, p: &mut Problems) {
    let lists: [(&str, Vec<&str>); 7] = [
        ("interests", t.dimension_ids(Group::Interests)),
        ("skills", t.dimension_ids(Group::Skills)),
        ("work_styles", t.dimension_ids(Group::WorkStyle)),
        ("subjects", t.dimension_ids(Group::Subjects)),
        (
            "families",
            t.families.iter().map(|f| f.id.as_str()).collect(),
        ),
        ("routes", t.routes.iter().map(|r| r.id.as_str()).collect()),
        (
            "pay.scales",
            t.pay.scales.iter().map(|s| s.id.as_str()).collect(),
        ),
    ];
    for (list, ids) in &lists {
        if ids.is_empty() {
            p.broken(file, "-", format!("`{list}` is empty"));
        }
        check_unique(ids.iter().copied(), file, list, p);
        for id in ids {
            if !is_snake_id(id) {
                p.broken(
                    file,
                    format!("{list} \"{id}\""),
                    "ids are lower case words joined by `_`",
                );
            }
        }
    }
    // Quiz options name dimensions without saying their group, so an id may live in one group only.
    let mut group_of: HashMap<&str, &str> = HashMap::new();
    for (list, ids) in lists.iter().take(4) {
        for id in ids {
            if let Some(other) = group_of.insert(id, list)
                && other != *list
            {
                p.broken(
                    file,
                    format!("{list} \"{id}\""),
                    format!(
                        "\"{id}\" is also in `{other}`; a dimension id can be in one list only"
                    ),
                );
            }
        }
    }
    if t.interests.len() < 2 || t.skills.len() < 2 || t.work_styles.len() < 2 {
        p.broken(
            file,
            "-",
            "`interests`, `skills` and `work_styles` each need at least two entries",
        );
    }
    for d in t.interests.iter().chain(&t.skills).chain(&t.work_styles) {
        check_text(&d.name, None, file, &format!("\"{}\"", d.id), "name", p);
        check_text(
            &d.strength,
            Some(25),
            file,
            &format!("\"{}\"", d.id),
            "strength",
            p,
        );
    }
    for n in t.subjects.iter().chain(&t.routes).chain(&t.patient_contact) {
        check_text(&n.name, None, file, &format!("\"{}\"", n.id), "name", p);
    }
    for f in &t.families {
        let entry = format!("families \"{}\"", f.id);
        check_text(&f.name, None, file, &entry, "name", p);
        check_text(&f.about, Some(30), file, &entry, "about", p);
        check_url(&f.read_more, file, &entry, "read_more", p);
    }
    let contact: BTreeSet<&str> = t.patient_contact.iter().map(|c| c.id.as_str()).collect();
    let expected: BTreeSet<&str> = ["lots", "some", "none"].into();
    if contact != expected {
        p.broken(
            file,
            "patient_contact",
            "must list exactly `lots`, `some` and `none`",
        );
    }
    check_unique(
        t.pay.bands.iter().map(|b| b.band.as_str()),
        file,
        "pay.bands",
        p,
    );
    for pair in t.pay.bands.windows(2) {
        if pair[1].entry < pair[0].entry {
            p.broken(
                file,
                format!("pay.bands \"{}\"", pair[1].band),
                "bands must be listed lowest pay first",
            );
        }
    }
    for b in &t.pay.bands {
        if b.top < b.entry {
            p.broken(
                file,
                format!("pay.bands \"{}\"", b.band),
                "`top` is less than `entry`",
            );
        }
    }
    for s in &t.pay.scales {
        check_text(
            &s.text,
            Some(40),
            file,
            &format!("pay.scales \"{}\"", s.id),
            "text",
            p,
        );
    }
}

fn check_strings(s: &Strings, file: &str, p: &mut Problems) {
    for (key, template, expected) in s.templates() {
        check_text(template, None, file, key, "text", p);
        let used = placeholders(template);
        for name in expected {
            if !used.contains(name) {
                p.broken(file, key, format!("must use the placeholder {{{name}}}"));
            }
        }
        for name in used {
            if !expected.contains(&name) {
                p.broken(
                    file,
                    key,
                    format!(
                        "unknown placeholder {{{name}}}; this text can use {}",
                        braces(expected)
                    ),
                );
            }
        }
    }
}

fn braces(names: &[&str]) -> String {
    if names.is_empty() {
        return "none".into();
    }
    names
        .iter()
        .map(|n| format!("{{{n}}}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The family a role file is for: its file name (`roles/<family>.json`).
fn family_of_path(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.strip_suffix(".json").unwrap_or(name)
}

fn check_role_files(t: &Taxonomy, files: &[SourceFile], p: &mut Problems) -> Vec<Role> {
    let mut roles = Vec::new();
    let mut first_seen: HashMap<String, String> = HashMap::new();
    let mut family_files: BTreeSet<&str> = BTreeSet::new();
    for file in files {
        let path = file.path.as_str();
        // The file exists even if it is broken: don't also report its family as file-less.
        let family = family_of_path(path);
        family_files.insert(family);
        let Some(value) = parse_json(file, p) else {
            continue;
        };
        let Some(role_file) = typed::<RoleFile>(&value, path, "-", p) else {
            continue;
        };
        match role_file.family.as_str() {
            Some(f) if f == family => {}
            Some(f) => p.broken(
                path,
                "-",
                format!(
                    "`family` says \"{f}\" but the file name says \"{family}\"; they must match"
                ),
            ),
            None => p.broken(path, "-", "`family` must be a family id in quotes"),
        }
        if t.family(family).is_none() {
            let known: Vec<&str> = t.families.iter().map(|f| f.id.as_str()).collect();
            p.broken(
                path,
                "-",
                format!(
                    "\"{family}\" is not a family in taxonomy.json{}",
                    did_you_mean(family, &known)
                ),
            );
            continue;
        }
        for (i, value) in role_file.roles.iter().enumerate() {
            let id = value.get("id").and_then(Value::as_str).unwrap_or("?");
            let entry = format!("role {} \"{id}\"", i + 1);
            if !check_fields(
                value,
                &Role::REQUIRED_FIELDS,
                &Role::OPTIONAL_FIELDS,
                path,
                &entry,
                p,
            ) {
                continue;
            }
            let Some(mut role) = typed::<Role>(value, path, &entry, p) else {
                continue;
            };
            role.family = family.to_owned();
            if let Some(other) = first_seen.get(&role.id) {
                p.broken(
                    path,
                    &entry,
                    format!("the id \"{}\" is already used in {other}", role.id),
                );
            } else {
                first_seen.insert(role.id.clone(), format!("assets/{path}"));
            }
            check_role(t, &role, path, &entry, p);
            roles.push(role);
        }
    }
    for f in &t.families {
        if !family_files.contains(f.id.as_str()) {
            p.broken(
                "content/roles",
                "-",
                format!(
                    "family \"{}\" has no file content/roles/{}.json",
                    f.id, f.id
                ),
            );
        }
    }
    roles
}

fn check_role(t: &Taxonomy, r: &Role, file: &str, entry: &str, p: &mut Problems) {
    if !is_id(&r.id) {
        p.broken(
            file,
            entry,
            "`id` must be lower case words joined by dashes, like `speech-and-language-therapist`",
        );
    }
    check_text(&r.title, Some(8), file, entry, "title", p);
    check_text(&r.summary, Some(SUMMARY_WORDS), file, entry, "summary", p);
    check_text(&r.day, Some(DAY_WORDS), file, entry, "day", p);
    check_text(&r.myth, Some(MYTH_WORDS), file, entry, "myth", p);

    if r.workplaces.is_empty() {
        p.broken(file, entry, "`workplaces` needs at least one place");
    } else if r.workplaces.len() > 4 {
        p.guideline(file, entry, "`workplaces` lists more than four places");
    }
    for w in &r.workplaces {
        check_text(w, Some(6), file, entry, "workplaces", p);
    }

    if r.subjects.is_empty() || r.subjects.len() > 4 {
        p.broken(
            file,
            entry,
            format!(
                "`subjects` needs one to four subjects, not {}",
                r.subjects.len()
            ),
        );
    }
    let subject_ids = t.dimension_ids(Group::Subjects);
    for (i, s) in r.subjects.iter().enumerate() {
        if t.subject(s).is_none() {
            p.broken(
                file,
                entry,
                format!(
                    "`subjects` has \"{s}\", which is not a subject in taxonomy.json{}",
                    did_you_mean(s, &subject_ids)
                ),
            );
        }
        if r.subjects[..i].contains(s) {
            p.broken(file, entry, format!("`subjects` lists \"{s}\" twice"));
        }
    }

    if r.routes.is_empty() {
        p.broken(file, entry, "`routes` needs at least one way in");
    }
    let route_ids: Vec<&str> = t.routes.iter().map(|r| r.id.as_str()).collect();
    for route in &r.routes {
        if t.route(&route.route).is_none() {
            p.broken(
                file,
                entry,
                format!(
                    "`routes` has \"{}\", which is not a route in taxonomy.json{}",
                    route.route,
                    did_you_mean(&route.route, &route_ids)
                ),
            );
        }
        match (route.route.as_str(), route.level) {
            ("apprenticeship", None) => p.broken(
                file,
                entry,
                "an `apprenticeship` route needs a `level` from 2 to 7",
            ),
            ("apprenticeship", Some(l)) if !(2..=7).contains(&l) => p.broken(
                file,
                entry,
                format!("apprenticeship `level` {l} must be from 2 to 7"),
            ),
            ("degree_apprenticeship", Some(l)) if !(6..=7).contains(&l) => p.broken(
                file,
                entry,
                format!("degree apprenticeship `level` {l} must be 6 or 7"),
            ),
            ("apprenticeship" | "degree_apprenticeship", _) | (_, None) => {}
            (other, Some(_)) => p.broken(
                file,
                entry,
                format!("only apprenticeships have a `level`, not \"{other}\""),
            ),
        }
        check_text(&route.detail, Some(30), file, entry, "routes.detail", p);
    }

    match &r.pay {
        Pay::Bands(range) => {
            let from = t.band_rank(&range.from);
            let to = t.band_rank(&range.to);
            for (field, band, rank) in [("from", &range.from, from), ("to", &range.to, to)] {
                if rank.is_none() {
                    p.broken(file, entry, format!("`pay.bands.{field}` is \"{band}\", which is not a band in the taxonomy.json pay table"));
                }
            }
            if let (Some(a), Some(b)) = (from, to)
                && a > b
            {
                p.broken(file, entry, format!("`pay.bands` goes from band {} down to band {}; put the lower band in `from`", range.from, range.to));
            }
        }
        Pay::Scale(scale) => {
            if t.pay_scale(scale).is_none() {
                let known: Vec<&str> = t.pay.scales.iter().map(|s| s.id.as_str()).collect();
                p.broken(
                    file,
                    entry,
                    format!(
                        "`pay.scale` is \"{scale}\", which is not a pay scale in taxonomy.json{}",
                        did_you_mean(scale, &known)
                    ),
                );
            }
        }
    }

    for (field, group, values) in [
        ("interests", Group::Interests, &r.interests),
        ("skills", Group::Skills, &r.skills),
        ("work_style", Group::WorkStyle, &r.work_style),
    ] {
        check_profile(t.dimension_ids(group), field, values, file, entry, p);
    }

    if r.sources.is_empty() {
        p.guideline(
            file,
            entry,
            "`sources` should name at least one source the facts were checked against",
        );
    }
    for s in &r.sources {
        check_text(&s.title, None, file, entry, "sources.title", p);
        check_url(&s.url, file, entry, "sources.url", p);
    }
    if let Some(url) = &r.read_more {
        check_url(url, file, entry, "read_more", p);
    }
}

fn check_profile(
    dims: Vec<&str>,
    field: &str,
    values: &BTreeMap<String, i64>,
    file: &str,
    entry: &str,
    p: &mut Problems,
) {
    let missing: Vec<&str> = dims
        .iter()
        .copied()
        .filter(|d| !values.contains_key(*d))
        .collect();
    if !missing.is_empty() {
        p.broken(
            file,
            entry,
            format!("`{field}` is missing {}", missing.join(", ")),
        );
    }
    for (key, value) in values {
        if !dims.contains(&key.as_str()) {
            p.broken(
                file,
                entry,
                format!(
                    "`{field}` has \"{key}\", which is not one of: {}{}",
                    dims.join(", "),
                    did_you_mean(key, &dims)
                ),
            );
        }
        if !(0..=PROFILE_MAX).contains(value) {
            p.broken(
                file,
                entry,
                format!("`{field}.{key}` is {value}; profile values run from 0 to {PROFILE_MAX}"),
            );
        }
    }
    let distinct: BTreeSet<i64> = values.values().copied().collect();
    if missing.is_empty() && distinct.len() == 1 {
        p.guideline(
            file,
            entry,
            format!(
                "`{field}` gives every entry the same value; give it a shape so it matches someone"
            ),
        );
    }
}

fn check_quiz(t: &Taxonomy, file: &SourceFile, p: &mut Problems) -> Option<Quiz> {
    let path = file.path.as_str();
    let value = parse_json(file, p)?;
    let quiz_file = typed::<QuizFile>(&value, path, "-", p)?;

    for (name, levels) in &quiz_file.scales {
        let entry = format!("scales \"{name}\"");
        if !Format::ALL.iter().any(|f| f.scale() == Some(name.as_str())) {
            p.broken(
                path,
                &entry,
                "unknown scale; the scales are `activity` and `rating`",
            );
        }
        if levels.len() < 2 {
            p.broken(path, &entry, "a scale needs at least two levels");
        }
        check_unique(levels.iter().map(|l| l.level.as_str()), path, &entry, p);
        for l in levels {
            check_text(&l.label, Some(4), path, &entry, "label", p);
        }
    }
    for f in Format::ALL {
        if let Some(scale) = f.scale()
            && !quiz_file.scales.contains_key(scale)
        {
            p.broken(path, "scales", format!("missing the `{scale}` scale"));
        }
    }

    let mut items = Vec::new();
    let mut seen = BTreeSet::new();
    for (i, value) in quiz_file.items.iter().enumerate() {
        let id = value.get("id").and_then(Value::as_str).unwrap_or("?");
        let entry = format!("item {} \"{id}\"", i + 1);
        if !check_fields(
            value,
            &ItemRecord::REQUIRED_FIELDS,
            &ItemRecord::OPTIONAL_FIELDS,
            path,
            &entry,
            p,
        ) {
            continue;
        }
        let Some(record) = typed::<ItemRecord>(value, path, &entry, p) else {
            continue;
        };
        if !seen.insert(record.id.clone()) {
            p.broken(
                path,
                &entry,
                format!("the id \"{}\" is used by an earlier item", record.id),
            );
        }
        if let Some(item) = check_item(t, &quiz_file.scales, record, path, &entry, p) {
            items.push(item);
        }
    }
    let quiz = Quiz { items };
    check_quiz_coverage(t, &quiz, path, p);
    Some(quiz)
}

fn check_item(
    t: &Taxonomy,
    scales: &BTreeMap<String, Vec<ScaleLevel>>,
    record: ItemRecord,
    path: &str,
    entry: &str,
    p: &mut Problems,
) -> Option<Item> {
    let before = p.0.len();
    if !is_id(&record.id) {
        p.broken(
            path,
            entry,
            "`id` must be lower case words joined by dashes",
        );
    }
    check_text(&record.prompt, Some(PROMPT_WORDS), path, entry, "prompt", p);
    let format = record.format;
    let max_choices = match (format, record.max_choices) {
        (Format::Subjects, Some(n)) if (1..=5).contains(&n) => n as usize,
        (Format::Subjects, Some(n)) => {
            p.broken(
                path,
                entry,
                format!("`max_choices` is {n}; it must be from 1 to 5"),
            );
            1
        }
        (Format::Subjects, None) => {
            p.broken(
                path,
                entry,
                "a `subjects` item needs `max_choices` (1 to 5)",
            );
            1
        }
        (_, Some(_)) => {
            p.broken(path, entry, "only a `subjects` item has `max_choices`");
            1
        }
        (_, None) => 1,
    };

    let mut options = Vec::new();
    let subjects = t.dimension_ids(Group::Subjects);
    match format {
        Format::Activity | Format::Rating => {
            let scale_name = format.scale().unwrap_or_default();
            let levels = scales.get(scale_name).map(Vec::as_slice).unwrap_or(&[]);
            let given: Vec<&str> = record
                .options
                .iter()
                .map(|o| o.level.as_deref().unwrap_or("?"))
                .collect();
            let wanted: Vec<&str> = levels.iter().map(|l| l.level.as_str()).collect();
            if given != wanted {
                p.broken(path, entry, format!("options must be the `{scale_name}` scale's levels in order ({}), found ({})", wanted.join(", "), given.join(", ")));
            }
            for (o, level) in record.options.iter().zip(levels) {
                if o.id.is_some() || o.label.is_some() {
                    p.broken(path, entry, format!("option \"{}\": rated options take `level`, not `id` or `label` (the label comes from the scale)", level.level));
                }
                options.push((level.level.clone(), level.label.clone(), o));
            }
        }
        Format::ThisOrThat | Format::Scenario => {
            let (lo, hi) = if format == Format::ThisOrThat {
                (2, 2)
            } else {
                (3, 4)
            };
            if !(lo..=hi).contains(&record.options.len()) {
                let wanted = if lo == hi {
                    format!("exactly {lo}")
                } else {
                    format!("{lo} to {hi}")
                };
                p.broken(
                    path,
                    entry,
                    format!(
                        "a `{}` item needs {wanted} options, not {}",
                        format.id(),
                        record.options.len()
                    ),
                );
            }
            for (n, o) in record.options.iter().enumerate() {
                if o.level.is_some() {
                    p.broken(
                        path,
                        entry,
                        format!("option {}: only rated items have `level`", n + 1),
                    );
                }
                match (&o.id, &o.label) {
                    (Some(id), Some(label)) => {
                        check_text(
                            label,
                            Some(10),
                            path,
                            entry,
                            &format!("option \"{id}\" label"),
                            p,
                        );
                        options.push((id.clone(), label.clone(), o));
                    }
                    _ => p.broken(
                        path,
                        entry,
                        format!("option {} needs an `id` and a `label`", n + 1),
                    ),
                }
            }
        }
        Format::Subjects => {
            for (n, o) in record.options.iter().enumerate() {
                if o.level.is_some() || o.label.is_some() {
                    p.broken(path, entry, format!("option {}: subject options take only `id`, `adds` and `reason` (the label is the subject's name)", n + 1));
                }
                let Some(id) = &o.id else {
                    p.broken(
                        path,
                        entry,
                        format!("option {} needs an `id`: a subject id", n + 1),
                    );
                    continue;
                };
                match t.subject(id) {
                    Some(s) => options.push((id.clone(), s.name.clone(), o)),
                    None => p.broken(
                        path,
                        entry,
                        format!(
                            "option \"{id}\" is not a subject in taxonomy.json{}",
                            did_you_mean(id, &subjects)
                        ),
                    ),
                }
            }
            let given: BTreeSet<&str> = record
                .options
                .iter()
                .filter_map(|o| o.id.as_deref())
                .collect();
            let missing: Vec<&str> = subjects
                .iter()
                .copied()
                .filter(|s| !given.contains(s))
                .collect();
            if !missing.is_empty() {
                p.broken(
                    path,
                    entry,
                    format!(
                        "a `subjects` item needs an option for every subject; missing {}",
                        missing.join(", ")
                    ),
                );
            }
        }
    }
    check_unique(
        options.iter().map(|(id, _, _)| id.as_str()),
        path,
        &format!("{entry} options"),
        p,
    );

    let all_dims: Vec<&str> = Group::ALL
        .iter()
        .flat_map(|g| t.dimension_ids(*g))
        .collect();
    let mut choices = Vec::new();
    for (id, label, o) in options {
        let mut adds = Vec::new();
        for (dim, points) in &o.adds {
            if t.group_of(dim).is_none() {
                p.broken(path, entry, format!("option \"{id}\" adds to \"{dim}\", which is not an interest, skill, work style or subject in taxonomy.json{}", did_you_mean(dim, &all_dims)));
            }
            if !(1..=POINTS_MAX).contains(points) {
                p.broken(path, entry, format!("option \"{id}\" adds {points} to \"{dim}\"; points run from 1 to {POINTS_MAX}"));
            }
            adds.push((dim.clone(), (*points).clamp(0, POINTS_MAX) as u32));
        }
        match (&o.reason, adds.is_empty()) {
            (None, false) => p.broken(
                path,
                entry,
                format!(
                    "option \"{id}\" adds points, so it needs a `reason` for the results screen"
                ),
            ),
            (Some(_), true) => p.guideline(
                path,
                entry,
                format!("option \"{id}\" adds nothing, so its `reason` is never shown"),
            ),
            (Some(r), false) => check_text(
                r,
                Some(16),
                path,
                entry,
                &format!("option \"{id}\" reason"),
                p,
            ),
            (None, true) => {}
        }
        choices.push(Choice {
            id,
            label,
            adds,
            reason: if o.adds.is_empty() {
                None
            } else {
                o.reason.clone()
            },
        });
    }
    if choices.iter().all(|c| c.adds.is_empty()) {
        p.broken(
            path,
            entry,
            "no option adds any points, so this item cannot change a result",
        );
    }
    // Only hand the engine items that passed: it relies on these rules.
    let broken_here = p.0[before..]
        .iter()
        .any(|x| x.severity == super::Severity::Broken);
    (!broken_here).then_some(Item {
        id: record.id,
        format,
        prompt: record.prompt,
        max_choices,
        options: choices,
    })
}

fn check_quiz_coverage(t: &Taxonomy, quiz: &Quiz, path: &str, p: &mut Problems) {
    let n = quiz.items.len();
    if !(MIN_ITEMS..=MAX_ITEMS).contains(&n) {
        p.guideline(
            path,
            "items",
            format!("the quiz has {n} items; it should have {MIN_ITEMS} to {MAX_ITEMS}"),
        );
    }
    let formats: BTreeSet<&str> = quiz.items.iter().map(|i| i.format.id()).collect();
    if formats.len() < MIN_FORMATS {
        p.guideline(
            path,
            "items",
            format!(
                "the quiz uses {} formats; use at least {MIN_FORMATS}",
                formats.len()
            ),
        );
    }
    let measured = measured_by(quiz);
    for (group, min) in [
        (Group::Interests, MIN_ITEMS_PER_INTEREST),
        (Group::Skills, MIN_ITEMS_PER_SKILL_OR_STYLE),
        (Group::WorkStyle, MIN_ITEMS_PER_SKILL_OR_STYLE),
    ] {
        for dim in t.dimension_ids(group) {
            let count = measured.get(dim).map_or(0, BTreeSet::len);
            if count < min {
                p.guideline(path, "items", format!("\"{dim}\" is measured by {count} item(s); it needs at least {min} so one answer never decides a result"));
            }
        }
    }
}

/// Which items can add to each dimension.
pub fn measured_by(quiz: &Quiz) -> BTreeMap<&str, BTreeSet<&str>> {
    let mut measured: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for item in &quiz.items {
        for option in &item.options {
            for (dim, _) in &option.adds {
                measured.entry(dim).or_default().insert(&item.id);
            }
        }
    }
    measured
}

fn check_balance(c: &Content, sources: &Sources, p: &mut Problems) {
    let n = c.roles.len();
    let entry = "catalogue";
    let files = "content/roles";
    if n < MIN_ROLES {
        p.guideline(
            files,
            entry,
            format!("the catalogue has {n} roles; it should have at least {MIN_ROLES}"),
        );
    }
    let non_clinical = c.roles.iter().filter(|r| !r.clinical).count();
    if non_clinical * 100 < MIN_NON_CLINICAL_PERCENT * n.max(1) {
        p.guideline(files, entry, format!("{non_clinical} of {n} roles are non-clinical; at least {MIN_NON_CLINICAL_PERCENT}% should be"));
    }
    let social = c
        .roles
        .iter()
        .filter(|r| r.family == SOCIAL_CARE_FAMILY)
        .count();
    if c.taxonomy.family(SOCIAL_CARE_FAMILY).is_some() && social < MIN_SOCIAL_CARE_ROLES {
        p.guideline(
            files,
            entry,
            format!("{social} social care roles; there should be at least {MIN_SOCIAL_CARE_ROLES}"),
        );
    }
    for f in &c.taxonomy.families {
        if !c.roles.iter().any(|r| r.family == f.id) {
            p.guideline(files, entry, format!("family \"{}\" has no roles", f.id));
        }
    }
    // Two roles with the same profile can never be told apart by any student.
    let mut shapes: HashMap<Vec<i64>, &str> = HashMap::new();
    for r in &c.roles {
        let shape: Vec<i64> = r
            .interests
            .values()
            .chain(r.skills.values())
            .chain(r.work_style.values())
            .copied()
            .collect();
        if let Some(other) = shapes.insert(shape, &r.id) {
            let file = sources.role_file_of(&r.family).unwrap_or(files);
            p.guideline(file, format!("role \"{}\"", r.id), format!("has exactly the same interests, skills and work style as \"{other}\"; make them differ"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_on_end_marks_followed_by_space() {
        assert_eq!(
            sentences("One. Two! Three? Four"),
            vec!["One.", "Two!", "Three?", "Four"]
        );
        assert_eq!(sentences("Costs £1.50 each."), vec!["Costs £1.50 each."]);
    }

    #[test]
    fn ids_are_checked() {
        assert!(is_id("speech-and-language-therapist"));
        assert!(is_id("a1"));
        assert!(!is_id("Bad-Id"));
        assert!(!is_id("double--dash"));
        assert!(!is_id("-lead"));
        assert!(!is_id(""));
        assert!(is_snake_id("work_style"));
        assert!(!is_snake_id("work-style"));
    }

    #[test]
    fn did_you_mean_suggests_close_words_only() {
        assert_eq!(
            did_you_mean("sumary", &["summary", "day"]),
            " (did you mean `summary`?)"
        );
        assert_eq!(did_you_mean("zzzzzz", &["summary", "day"]), "");
    }
}
