//! Sentences the engine builds from parts (extra reasons, pay lines), read from one strings
//! file per language (`assets/strings/<language>.json`) so that a translation is a new file.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Strings {
    #[serde(rename = "$schema", default, skip_serializing)]
    pub schema: Option<String>,
    pub language: String,
    pub reasons: ReasonStrings,
    pub pay: PayStrings,
    pub strengths: StrengthStrings,
    pub ui: UiStrings,
    pub page: PageStrings,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReasonStrings {
    /// A reason from an answer: `{answer}` (the student's side, from the quiz) joined to
    /// `{link}` (how it shows up in this job, from the role or the taxonomy).
    pub linked: String,
    /// `{type}`: the name of one of the student's top interest types.
    pub interest_type: String,
    /// `{family}`: the wildcard role's family name.
    pub wildcard: String,
    /// `{skill}`: the name of the skill the role needs most.
    pub skill_to_grow: String,
    /// When the answers say little about a role: an honest invitation to look anyway.
    pub explore: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PayStrings {
    /// One band whose pay rises: `{band}`, `{entry}`, `{top}`.
    pub band: String,
    /// One band with a single rate: `{band}`, `{entry}`.
    pub band_fixed: String,
    /// A range of bands: `{from}`, `{to}`, `{entry}`, `{top}`.
    pub band_range: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StrengthStrings {
    /// Shown when no interest or skill stands out yet.
    pub none_yet: String,
}

impl Strings {
    /// Every template with the placeholders it must use, for the content check.
    pub fn templates(&self) -> Vec<(&'static str, &str, &'static [&'static str])> {
        let fixed: Vec<(&'static str, &str, &'static [&'static str])> = vec![
            ("reasons.linked", &self.reasons.linked, &["answer", "link"]),
            (
                "reasons.interest_type",
                &self.reasons.interest_type,
                &["type"],
            ),
            ("reasons.wildcard", &self.reasons.wildcard, &["family"]),
            (
                "reasons.skill_to_grow",
                &self.reasons.skill_to_grow,
                &["skill"],
            ),
            ("reasons.explore", &self.reasons.explore, &[]),
            ("pay.band", &self.pay.band, &["band", "entry", "top"]),
            ("pay.band_fixed", &self.pay.band_fixed, &["band", "entry"]),
            (
                "pay.band_range",
                &self.pay.band_range,
                &["from", "to", "entry", "top"],
            ),
            ("strengths.none_yet", &self.strengths.none_yet, &[]),
        ];
        fixed
            .into_iter()
            .chain(self.ui.entries())
            .chain(self.page.entries())
            .collect()
    }
}

/// Words on the web page around the game: shown while it downloads, or instead of it when it
/// cannot run, so they cannot come from the game itself. `cargo xtask build-web` writes them
/// into the page from this file, which keeps a translation to one new file here too.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageStrings {
    pub title: String,
    pub description: String,
    pub loading: String,
    pub starting: String,
    pub problem_title: String,
    pub no_webgl: String,
    pub no_webgl_next: String,
    pub download_failed: String,
    pub download_failed_next: String,
    pub crash: String,
    pub crash_next: String,
    pub crash_next_unsaved: String,
    pub noscript: String,
    pub update_ready: String,
}

impl PageStrings {
    /// Every key with what it is for (the schema's descriptions).
    pub const KEYS: &'static [(&'static str, &'static str)] = &[
        ("title", "The browser tab's title."),
        (
            "description",
            "The page description search engines and link previews show.",
        ),
        (
            "loading",
            "Under the progress bar while the game downloads.",
        ),
        ("starting", "Once downloaded, while the game starts."),
        ("problem_title", "Heading when the game cannot run."),
        (
            "no_webgl",
            "When the browser cannot draw the game (no WebGL 2).",
        ),
        (
            "no_webgl_next",
            "What to try next when there is no WebGL 2.",
        ),
        (
            "download_failed",
            "When the game did not finish downloading.",
        ),
        (
            "download_failed_next",
            "What to try next after a failed download.",
        ),
        ("crash", "When the game stopped working."),
        ("crash_next", "What to try next after the game stopped."),
        (
            "crash_next_unsaved",
            "What to try next after the game stopped, on a device that keeps nothing (so the answers were not saved).",
        ),
        ("noscript", "When JavaScript is turned off."),
        (
            "update_ready",
            "When a newer version has been stored on the device while the old one is open.",
        ),
    ];

    fn entries(&self) -> Vec<(&'static str, &str, &'static [&'static str])> {
        let values = [
            &self.title,
            &self.description,
            &self.loading,
            &self.starting,
            &self.problem_title,
            &self.no_webgl,
            &self.no_webgl_next,
            &self.download_failed,
            &self.download_failed_next,
            &self.crash,
            &self.crash_next,
            &self.crash_next_unsaved,
            &self.noscript,
            &self.update_ready,
        ];
        Self::KEYS
            .iter()
            .zip(values)
            .map(|((key, _), value)| (*key, value.as_str(), &[] as &'static [&'static str]))
            .collect()
    }
}

/// Declares the game's interface strings once: the struct, and the list of keys with the
/// placeholders each must use (for the content check and the schema).
macro_rules! ui_strings {
    ($($name:ident $([$($placeholder:literal),*])?),* $(,)?) => {
        /// Words on the game's buttons, headings and screens.
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct UiStrings {
            $(pub $name: String,)*
        }

        impl UiStrings {
            /// Every key with the placeholders its text must use.
            pub const KEYS: &'static [(&'static str, &'static [&'static str])] = &[
                $((stringify!($name), &[$($($placeholder),*)?]),)*
            ];

            fn entries(&self) -> Vec<(&'static str, &str, &'static [&'static str])> {
                vec![$((stringify!($name), self.$name.as_str(), &[$($($placeholder),*)?]),)*]
            }
        }
    };
}

ui_strings! {
    app_name,
    tagline,
    loading,
    menu,
    start,
    carry_on,
    explore,
    settings,
    settings_intro,
    settings_intro_unsaved,
    save_lost,
    save_from_newer,
    saving_off,
    intro_title,
    intro_no_wrong,
    intro_skip,
    intro_private,
    intro_time,
    intro_go,
    progress ["number", "total"],
    back,
    skip,
    next,
    activity_hint,
    rating_hint,
    subjects_hint ["picked", "max"],
    strengths_title,
    strengths_interests,
    strengths_skills,
    strengths_styles,
    chart_title,
    chart_bar ["name", "percent"],
    chart_unanswered ["name"],
    not_answered,
    percent ["percent"],
    see_matches,
    results_title,
    results_intro,
    fit_strong,
    fit_good,
    fit_worth_a_look,
    little_evidence,
    some_evidence,
    wildcard,
    non_clinical_pick,
    why,
    subjects_label,
    routes_label,
    route_level ["route", "level"],
    pay_label,
    contact_label,
    find_out_more ["role"],
    start_again,
    finish_and_clear,
    no_results,
    about,
    day,
    where_work,
    myth,
    take_care,
    similar,
    read_more,
    family_label,
    explore_title,
    explore_count_one,
    explore_count ["count"],
    filter ["name", "value"],
    any,
    clear_filters,
    no_matches,
    close,
    settings_text_size,
    settings_high_contrast,
    settings_reading_font,
    settings_reduce_motion,
    settings_read_aloud,
    read_aloud_no_voice,
    settings_sound,
    settings_answers,
    read_again,
    answers_group,
    announce_chosen ["answer"],
    error_title,
    error_content,
    error_retry,
    keep,
    kept,
    keep_named ["role"],
    not_for_me,
    not_for_me_named ["role"],
    dropped_notice ["role"],
    undo,
    shortlist_title,
    shortlist_empty,
    compare,
    compare_title,
    compare_more ["count"],
    compare_none,
    share,
    share_title,
    share_intro,
    share_link_label,
    copy_link,
    link_copied,
    copy_failed,
    qr_alt,
    print,
    print_saved ["path"],
    print_failed,
    before_you_go,
    before_you_go_intro,
    shared_banner,
    shared_dropped ["count"],
    take_quiz_yourself,
    link_broken,
    link_too_new,
    still_there,
    still_there_intro,
    still_here,
    settings_workshop,
    print_title,
    print_intro,
    print_matches,
    print_reflection,
    reflect_three,
    reflect_surprise,
    reflect_next,
    print_scan,
}

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The `{name}` placeholders a template uses, in order of first use.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else { break };
        let name = &after[..end];
        if !found.contains(&name) {
            found.push(name);
        }
        rest = &after[end + 1..];
    }
    found
}

/// Whole pounds with thousands separators: 31049 → "31,049".
pub fn pounds(amount: u32) -> String {
    let digits = amount.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The few words the loading and error screens need before the rest of the content is known
/// to be good, read leniently from the strings file alone: when that file is what is broken,
/// they are simply missing and the screens show what they can without them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadingWords {
    /// "Loading…", over the progress bar.
    pub loading: Option<String>,
    /// The error screen's words; only when all three could be read.
    pub error: Option<ErrorWords>,
}

/// The error screen's title, explanation and retry button.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorWords {
    pub title: String,
    pub explanation: String,
    pub retry: String,
}

impl LoadingWords {
    /// The words in a strings file's text; none if it is not JSON or lacks them.
    pub fn read(json: &str) -> Self {
        #[derive(Deserialize, Default)]
        struct Early {
            #[serde(default)]
            ui: EarlyUi,
        }
        #[derive(Deserialize, Default)]
        struct EarlyUi {
            loading: Option<String>,
            error_title: Option<String>,
            error_content: Option<String>,
            error_retry: Option<String>,
        }
        let Ok(Early { ui }) = serde_json::from_str::<Early>(json) else {
            return Self::default();
        };
        let error = match (ui.error_title, ui.error_content, ui.error_retry) {
            (Some(title), Some(explanation), Some(retry)) => Some(ErrorWords {
                title,
                explanation,
                retry,
            }),
            _ => None,
        };
        Self {
            loading: ui.loading,
            error,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `PageStrings::KEYS` and the fields are listed apart: each key must name its own text,
    /// or the content check would judge one page string by another's name.
    #[test]
    fn page_keys_name_their_own_fields() {
        let names: Vec<String> = PageStrings::KEYS
            .iter()
            .map(|(k, _)| (*k).to_owned())
            .collect();
        let page: PageStrings = serde_json::from_value(serde_json::Value::Object(
            names
                .iter()
                .map(|k| (k.clone(), format!("text of {k}").into()))
                .collect(),
        ))
        .expect("KEYS names every field");
        for (key, value, _) in page.entries() {
            assert_eq!(value, format!("text of {key}"));
        }
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(
            fill("Band {from} to {to}", &[("from", "5"), ("to", "6")]),
            "Band 5 to 6"
        );
    }

    #[test]
    fn placeholders_are_listed_once_in_order() {
        assert_eq!(placeholders("{a} and {b} then {a}"), vec!["a", "b"]);
        assert!(placeholders("no braces").is_empty());
    }

    #[test]
    fn pounds_groups_thousands() {
        assert_eq!(pounds(0), "0");
        assert_eq!(pounds(999), "999");
        assert_eq!(pounds(24465), "24,465");
        assert_eq!(pounds(125637), "125,637");
        assert_eq!(pounds(1000000), "1,000,000");
    }
    #[test]
    fn loading_words_come_from_a_strings_file_even_when_the_rest_is_wrong() {
        let words = LoadingWords::read(
            r#"{"ui": {"loading": "Loading", "error_title": "Oops", "error_content": "Broken",
                "error_retry": "Try again", "app_name": 7}, "extra": true}"#,
        );
        assert_eq!(words.loading.as_deref(), Some("Loading"));
        assert_eq!(words.error.map(|e| e.retry), Some("Try again".to_string()));
        let partial =
            LoadingWords::read(r#"{"ui": {"loading": "Loading", "error_title": "Oops"}}"#);
        assert_eq!(
            partial.error, None,
            "the error words come as a set or not at all"
        );
        assert_eq!(LoadingWords::read("{ not json"), LoadingWords::default());
    }
}
