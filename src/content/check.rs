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

/// " (did you mean `x`?)" when a known word is one or two edits away. Not for long words or
/// long lists (a file that is that far wrong needs no spelling hint), so a huge file is still
/// checked in time in proportion to its size.
fn did_you_mean(word: &str, known: &[&str]) -> String {
    const LONGEST: usize = 64;
    const MOST_KNOWN: usize = 200;
    if word.len() > LONGEST || known.len() > MOST_KNOWN {
        return String::new();
    }
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

/// Every address a student can open, and every source, is `https://`: a plain `http` or a
/// `javascript:` link is refused, not merely flagged.
fn check_url(url: &str, file: &str, entry: &str, field: &str, p: &mut Problems) {
    let host = url
        .strip_prefix("https://")
        .map(|rest| rest.split('/').next().unwrap_or(""));
    match host {
        Some(host) if host.contains('.') && !host.contains(char::is_whitespace) => {
            if let Some(bad) = RETIRED_OR_COPIED.iter().find(|d| host.ends_with(*d)) {
                p.broken(file, entry, format!("`{field}` points at {bad}, which is a retired site or a copy of another site; cite the primary source"));
            }
        }
        _ => p.broken(
            file,
            entry,
            format!("`{field}` must be a web address starting https://, not \"{url}\""),
        ),
    }
}

/// Sites found cited that are not primary sources: a retired careers site, scraped copies and
/// a document mirror.
const RETIRED_OR_COPIED: [&str; 5] = [
    "nhscareers.nhs.uk",
    "asli4dia.com",
    "gurneetkdhami.com",
    "abcdocz.com",
    "nationalcareersservice.direct.gov.uk",
];

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
    for d in t.interests.iter().chain(&t.skills).chain(&t.work_styles) {
        check_text(&d.link, Some(16), file, &format!("\"{}\"", d.id), "link", p);
    }
    for s in &t.subjects {
        let entry = format!("subjects \"{}\"", s.id);
        check_text(&s.name, None, file, &entry, "name", p);
        check_text(&s.link, Some(16), file, &entry, "link", p);
        for c in &s.covers {
            if c == &s.id || t.subject(c).is_none_or(|n| !n.covers.is_empty()) {
                p.broken(file, &entry, format!("`covers` has \"{c}\"; it must name other subjects that cover nothing themselves"));
            }
        }
    }
    for n in t.routes.iter().chain(&t.patient_contact) {
        check_text(&n.name, None, file, &format!("\"{}\"", n.id), "name", p);
    }
    if t.families.iter().all(|f| f.familiar) {
        p.broken(
            file,
            "families",
            "every family is `familiar`, so there is nothing to offer as a wildcard",
        );
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
    // Share links name the roles a student kept or dropped by a short key of their ids.
    let mut share_keys: HashMap<u16, String> = HashMap::new();
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
            match share_keys.insert(crate::share::key(&role.id), role.id.clone()) {
                Some(earlier) if earlier != role.id => p.broken(path, &entry, format!("the ids \"{earlier}\" and \"{}\" give the same share-link key; rename one (any small change will do)", role.id)),
                _ => {}
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
    check_myth(&r.myth, file, entry, p);
    if let Some(intro) = &r.gentle_intro {
        check_text(intro, Some(40), file, entry, "gentle_intro", p);
    }
    check_links(t, r, file, entry, p);
    if let Some(date) = &r.checked
        && parse_date(date).is_none()
    {
        p.broken(
            file,
            entry,
            format!("`checked` is \"{date}\"; write the date as YYYY-MM-DD, like 2026-12-01"),
        );
    }

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
    let mut listed = BTreeSet::new();
    for s in &r.subjects {
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
        if !listed.insert(s) {
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

/// Words that name a sex or gender. A myth that says a job "isn't only for women" repeats the
/// stereotype it means to break, so myths show who does a job without naming one.
const SEXED: [&str; 14] = [
    "women", "woman", "men", "man", "girls", "girl", "boys", "boy", "male", "female", "ladies",
    "lads", "gender", "genders",
];

fn check_myth(myth: &str, file: &str, entry: &str, p: &mut Problems) {
    let found: BTreeSet<String> = myth
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| SEXED.iter().any(|s| s.eq_ignore_ascii_case(w)))
        .map(str::to_lowercase)
        .collect();
    if !found.is_empty() {
        let list: Vec<String> = found.into_iter().collect();
        p.guideline(file, entry, format!("`myth` names {}: say who the job is for (everyone) without repeating the stereotype", list.join(", ")));
    }
}

/// A role value (0–5) from which a dimension is at the heart of the job: reasons and
/// `links` are only about such dimensions.
pub const CORE_VALUE: i64 = 4;
/// Reasons about school subjects use only the first this-many subjects a role lists.
pub const REASON_SUBJECTS: usize = 2;

/// Each `links` sentence must be about a dimension the job is built on, or it could join a
/// student's answer to something the job barely uses.
fn check_links(t: &Taxonomy, r: &Role, file: &str, entry: &str, p: &mut Problems) {
    for (dim, text) in &r.links {
        check_text(text, Some(18), file, entry, &format!("links.{dim}"), p);
        let value = match t.group_of(dim) {
            Some(Group::Interests) => r.interests.get(dim).copied(),
            Some(Group::Skills) => r.skills.get(dim).copied(),
            Some(Group::WorkStyle) => r.work_style.get(dim).copied(),
            Some(Group::Subjects) => {
                let at = r.subjects.iter().position(|s| s == dim);
                if at.is_none_or(|i| i >= REASON_SUBJECTS) {
                    p.broken(file, entry, format!("`links` has the subject \"{dim}\", which is not one of the role's first {REASON_SUBJECTS} `subjects`, so it is never shown"));
                }
                continue;
            }
            None => {
                p.broken(file, entry, format!("`links` has \"{dim}\", which is not an interest, skill, work style or subject"));
                continue;
            }
        };
        if value.is_some_and(|v| v < CORE_VALUE) {
            p.broken(file, entry, format!("`links.{dim}` is about something this role rates below {CORE_VALUE}; a reason is only given for what a job is built on, so raise the value or remove the link"));
        }
    }
    for (dim, value) in &r.interests {
        if *value >= CORE_VALUE && !r.links.contains_key(dim) {
            p.guideline(file, entry, format!("`links` has no sentence for \"{dim}\", which this job is built on ({value}); write how it shows up in this job"));
        }
    }
}

/// `YYYY-MM-DD` → (year, month, day), if it is a real date.
pub fn parse_date(text: &str) -> Option<(u32, u32, u32)> {
    let mut parts = text.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d): (u32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&d).then_some((y, m, d))
}

/// Roles whose facts were last checked more than a year before `today` (or never): a
/// reminder for the people who keep the catalogue, not a fault in it.
pub fn due_for_review(roles: &[Role], today: (u32, u32, u32)) -> Vec<(&Role, Option<&str>)> {
    roles
        .iter()
        .filter(|r| {
            r.checked
                .as_deref()
                .and_then(parse_date)
                .is_none_or(|(y, m, d)| (y + 1, m, d) < today)
        })
        .map(|r| (r, r.checked.as_deref()))
        .collect()
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
            if let Some(v) = l.value
                && !(-1.0..=1.0).contains(&v)
            {
                p.broken(path, &entry, format!("level \"{}\" has `value` {v}; values run from -1 (against) to 1 (for), or null for no evidence", l.level));
            }
        }
        if !levels.iter().any(|l| l.value.is_some_and(|v| v > 0.0)) {
            p.broken(
                path,
                &entry,
                "no level has a `value` above 0, so no answer could count",
            );
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
    check_share_keys(&quiz, path, p);
    Some(quiz)
}

/// Share links name items and options by a short key made from their ids, so two items (or
/// two options of one item) must not share one: a link would mix them up.
fn check_share_keys(quiz: &Quiz, path: &str, p: &mut Problems) {
    let clash = |ids: Vec<&str>, key: fn(&str) -> u16| -> Option<(String, String)> {
        let mut seen: BTreeMap<u16, &str> = BTreeMap::new();
        ids.into_iter().find_map(|id| {
            let earlier = seen.insert(key(id), id)?;
            (earlier != id).then(|| (earlier.to_owned(), id.to_owned()))
        })
    };
    let item_ids = quiz.items.iter().map(|i| i.id.as_str()).collect();
    if let Some((a, b)) = clash(item_ids, crate::share::key) {
        p.broken(path, "items", format!("the ids \"{a}\" and \"{b}\" give the same share-link key; rename one (any small change will do)"));
    }
    for item in &quiz.items {
        let option_ids = item.options.iter().map(|o| o.id.as_str()).collect();
        if let Some((a, b)) = clash(option_ids, crate::share::option_key) {
            let entry = format!("item \"{}\" options", item.id);
            p.broken(path, &entry, format!("the option ids \"{a}\" and \"{b}\" give the same share-link key; rename one (any small change will do)"));
        }
    }
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
    let max_choices = check_max_choices(format, record.max_choices, path, entry, p);
    let choices = match format {
        Format::Activity | Format::Rating => rated_choices(t, scales, &record, path, entry, p),
        Format::ThisOrThat | Format::Scenario | Format::Subjects => {
            if record.measures.is_some() || record.reasons.is_some() || record.because.is_some() {
                p.broken(path, entry, format!("a `{}` item has `options`, each with its own `adds`, `reason` and `because`; `measures`, `reasons` and `because` are for rated items", format.id()));
            }
            listed_choices(t, &record, path, entry, p)
        }
    };
    check_unique(
        choices.iter().map(|c| c.id.as_str()),
        path,
        &format!("{entry} options"),
        p,
    );
    if !choices.iter().any(Choice::speaks_for) {
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

fn check_max_choices(
    format: Format,
    max: Option<i64>,
    path: &str,
    entry: &str,
    p: &mut Problems,
) -> usize {
    match (format, max) {
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
    }
}

/// Checks `adds` (or `measures`) and turns it into (dimension, points) pairs.
fn check_points(
    t: &Taxonomy,
    points: &BTreeMap<String, i64>,
    what: &str,
    path: &str,
    entry: &str,
    p: &mut Problems,
) -> Vec<(String, u32)> {
    let all_dims: Vec<&str> = Group::ALL
        .iter()
        .flat_map(|g| t.dimension_ids(*g))
        .collect();
    let mut out = Vec::new();
    for (dim, n) in points {
        if t.group_of(dim).is_none() {
            p.broken(path, entry, format!("{what} \"{dim}\", which is not an interest, skill, work style or subject in taxonomy.json{}", did_you_mean(dim, &all_dims)));
        }
        if !(1..=POINTS_MAX).contains(n) {
            p.broken(
                path,
                entry,
                format!("{what} \"{dim}\" {n} points; points run from 1 to {POINTS_MAX}"),
            );
        }
        out.push((dim.clone(), (*n).clamp(0, POINTS_MAX) as u32));
    }
    out
}

/// The dimensions a reason is about: those given (each must be among `adds`), or else the
/// ones with the most points.
fn check_because(
    given: Option<&[String]>,
    adds: &[(String, u32)],
    what: &str,
    path: &str,
    entry: &str,
    p: &mut Problems,
) -> Vec<String> {
    match given {
        Some(list) => {
            if list.is_empty() {
                p.broken(path, entry, format!("{what}: `because` is empty; name the dimensions the reason is about, or leave it out"));
            }
            for d in list {
                if !adds.iter().any(|(a, _)| a == d) {
                    p.broken(
                        path,
                        entry,
                        format!(
                            "{what}: `because` names \"{d}\", which this answer does not add to"
                        ),
                    );
                }
            }
            list.to_vec()
        }
        None => {
            let top = adds.iter().map(|(_, n)| *n).max().unwrap_or(0);
            adds.iter()
                .filter(|(_, n)| *n == top)
                .map(|(d, _)| d.clone())
                .collect()
        }
    }
}

fn check_reason(reason: &str, what: &str, path: &str, entry: &str, p: &mut Problems) {
    check_text(reason, Some(16), path, entry, &format!("{what} reason"), p);
    if !reason.starts_with("You") {
        p.guideline(
            path,
            entry,
            format!("{what} reason should start with \"You\": it is about the student"),
        );
    }
}

/// An activity or rating item: one choice per level of its scale, each about `measures`.
fn rated_choices(
    t: &Taxonomy,
    scales: &BTreeMap<String, Vec<ScaleLevel>>,
    record: &ItemRecord,
    path: &str,
    entry: &str,
    p: &mut Problems,
) -> Vec<Choice> {
    let scale_name = record.format.scale().unwrap_or_default();
    let levels = scales.get(scale_name).map(Vec::as_slice).unwrap_or(&[]);
    if record.options.is_some() {
        p.broken(path, entry, format!("a rated item takes no `options`: its answers are the `{scale_name}` scale; write `measures` and `reasons`"));
    }
    let Some(measures) = &record.measures else {
        p.broken(
            path,
            entry,
            "a rated item needs `measures`: the dimensions it measures, with points",
        );
        return Vec::new();
    };
    let adds = check_points(t, measures, "`measures` has", path, entry, p);
    let because = check_because(record.because.as_deref(), &adds, "the item", path, entry, p);
    let reasons = record.reasons.clone().unwrap_or_default();
    for level in reasons.keys() {
        match levels.iter().find(|l| &l.level == level) {
            None => p.broken(path, entry, format!("`reasons` has \"{level}\", which is not a level of the `{scale_name}` scale")),
            Some(l) if l.value.is_none_or(|v| v <= 0.0) => p.guideline(path, entry, format!("`reasons` has \"{level}\", an answer that does not speak for this item, so it is never shown")),
            Some(_) => {}
        }
    }
    let mut out = Vec::new();
    for level in levels {
        let positive = level.value.is_some_and(|v| v > 0.0);
        let reason = reasons.get(&level.level).filter(|_| positive).cloned();
        match &reason {
            Some(r) => check_reason(r, &format!("level \"{}\"", level.level), path, entry, p),
            None if positive => p.broken(path, entry, format!("`reasons` needs a sentence for \"{}\", shown on results when a student answers that", level.level)),
            None => {}
        }
        out.push(Choice {
            id: level.level.clone(),
            label: level.label.clone(),
            adds: adds.clone(),
            evidence: level.value,
            because: because.clone(),
            reason,
        });
    }
    out
}

/// A this-or-that, scenario or subjects item: its own options, each adding points when chosen.
fn listed_choices(
    t: &Taxonomy,
    record: &ItemRecord,
    path: &str,
    entry: &str,
    p: &mut Problems,
) -> Vec<Choice> {
    let format = record.format;
    let Some(options) = &record.options else {
        p.broken(
            path,
            entry,
            format!("a `{}` item needs `options`", format.id()),
        );
        return Vec::new();
    };
    let wanted = match format {
        Format::ThisOrThat => Some((2, 2)),
        Format::Scenario => Some((3, 4)),
        _ => None,
    };
    if let Some((lo, hi)) = wanted
        && !(lo..=hi).contains(&options.len())
    {
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
                options.len()
            ),
        );
    }
    let subjects = t.dimension_ids(Group::Subjects);
    let mut out = Vec::new();
    for o in options {
        let what = format!("option \"{}\"", o.id);
        let label = if format == Format::Subjects {
            if o.label.is_some() {
                p.broken(
                    path,
                    entry,
                    format!("{what}: subject options take no `label` (it is the subject's name)"),
                );
            }
            match t.subject(&o.id) {
                Some(s) => s.name.clone(),
                None => {
                    p.broken(
                        path,
                        entry,
                        format!(
                            "{what} is not a subject in taxonomy.json{}",
                            did_you_mean(&o.id, &subjects)
                        ),
                    );
                    continue;
                }
            }
        } else {
            match &o.label {
                Some(label) => {
                    check_text(label, Some(10), path, entry, &format!("{what} label"), p);
                    label.clone()
                }
                None => {
                    p.broken(path, entry, format!("{what} needs a `label`"));
                    continue;
                }
            }
        };
        let adds = check_points(t, &o.adds, &format!("{what} adds to"), path, entry, p);
        let because = check_because(o.because.as_deref(), &adds, &what, path, entry, p);
        match (&o.reason, adds.is_empty()) {
            (None, false) => p.broken(
                path,
                entry,
                format!("{what} adds points, so it needs a `reason` for the results screen"),
            ),
            (Some(_), true) => p.guideline(
                path,
                entry,
                format!("{what} adds nothing, so its `reason` is never shown"),
            ),
            (Some(r), false) => check_reason(r, &what, path, entry, p),
            (None, true) => {}
        }
        out.push(Choice {
            id: o.id.clone(),
            label,
            reason: o.reason.clone().filter(|_| !adds.is_empty()),
            adds,
            evidence: Some(1.0),
            because,
        });
    }
    if format == Format::Subjects {
        let given: BTreeSet<&str> = options.iter().map(|o| o.id.as_str()).collect();
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
    out
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
    let staffed: BTreeSet<&str> = c.roles.iter().map(|r| r.family.as_str()).collect();
    for f in &c.taxonomy.families {
        if !staffed.contains(f.id.as_str()) {
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
