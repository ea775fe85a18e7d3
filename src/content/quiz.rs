//! The quiz (`quiz.json`) and a student's answers to it. Every option says exactly which
//! dimensions it adds points to; rated formats share their answer labels through `scales`.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// How an item is shown and answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// An activity card rated on the `activity` scale (love it … not for me).
    Activity,
    /// "I'm good at…", rated on the `rating` scale.
    Rating,
    /// Two choices side by side.
    ThisOrThat,
    /// A short everyday situation with three or four things you might do.
    Scenario,
    /// Pick up to `max_choices` favourite school subjects.
    Subjects,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Activity,
        Format::Rating,
        Format::ThisOrThat,
        Format::Scenario,
        Format::Subjects,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Format::Activity => "activity",
            Format::Rating => "rating",
            Format::ThisOrThat => "this_or_that",
            Format::Scenario => "scenario",
            Format::Subjects => "subjects",
        }
    }

    /// The scale whose levels are this format's options, for rated formats.
    pub fn scale(self) -> Option<&'static str> {
        match self {
            Format::Activity => Some("activity"),
            Format::Rating => Some("rating"),
            _ => None,
        }
    }
}

/// One answer the student can give, with what it says about which dimensions.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub id: String,
    pub label: String,
    /// (dimension id, points): what this answer is evidence about, in file order. For a
    /// rated item every level names the item's `measures`; the level's `evidence` says which
    /// way the answer points.
    pub adds: Vec<(String, u32)>,
    /// How strongly the answer speaks for the dimensions in `adds`: 1 for "love it" or a
    /// chosen option, negative for "not for me", `None` for "not sure" (no evidence either way).
    pub evidence: Option<f64>,
    /// The dimensions the `reason` sentence is about: a reason is shown only on jobs built on
    /// one of them, joined to the job's own sentence for it.
    pub because: Vec<String>,
    /// Shown on results to explain a match; present exactly when the answer speaks for something.
    pub reason: Option<String>,
}

impl Choice {
    /// True when this answer is evidence for what it names (not against, not unsure).
    pub fn speaks_for(&self) -> bool {
        self.evidence.is_some_and(|e| e > 0.0) && !self.adds.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: String,
    pub format: Format,
    pub prompt: String,
    /// How many options may be chosen at once (1 for every format but `subjects`).
    pub max_choices: usize,
    pub options: Vec<Choice>,
}

impl Item {
    pub fn option(&self, id: &str) -> Option<&Choice> {
        self.options.iter().find(|o| o.id == id)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Quiz {
    pub items: Vec<Item>,
}

impl Quiz {
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    /// Checks that `chosen` is an allowed answer to item `item_id`.
    pub fn check_answer(&self, item_id: &str, chosen: &[String]) -> Result<(), AnswerError> {
        let item = self
            .item(item_id)
            .ok_or_else(|| AnswerError::UnknownItem(item_id.to_owned()))?;
        if chosen.len() > item.max_choices {
            return Err(AnswerError::TooMany {
                item: item_id.to_owned(),
                max: item.max_choices,
            });
        }
        for (i, option) in chosen.iter().enumerate() {
            if item.option(option).is_none() {
                return Err(AnswerError::UnknownOption {
                    item: item_id.to_owned(),
                    option: option.clone(),
                });
            }
            if chosen[..i].contains(option) {
                return Err(AnswerError::Repeated {
                    item: item_id.to_owned(),
                    option: option.clone(),
                });
            }
        }
        Ok(())
    }
}

/// Why an answer was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerError {
    UnknownItem(String),
    UnknownOption { item: String, option: String },
    TooMany { item: String, max: usize },
    Repeated { item: String, option: String },
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerError::UnknownItem(item) => write!(f, "there is no quiz item \"{item}\""),
            AnswerError::UnknownOption { item, option } => {
                write!(f, "item \"{item}\" has no option \"{option}\"")
            }
            AnswerError::TooMany { item, max } => {
                write!(f, "item \"{item}\" takes at most {max} choices")
            }
            AnswerError::Repeated { item, option } => {
                write!(f, "item \"{item}\": option \"{option}\" was chosen twice")
            }
        }
    }
}

impl std::error::Error for AnswerError {}

/// A student's answers: item id → the option ids chosen. An item that is missing, or has no
/// options chosen, was skipped. Keyed by id so answers survive the quiz being reordered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(BTreeMap<String, Vec<String>>);

impl Answers {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records an answer after checking it against the quiz; replaces any earlier answer.
    pub fn answer(
        &mut self,
        quiz: &Quiz,
        item_id: &str,
        chosen: &[&str],
    ) -> Result<(), AnswerError> {
        let chosen: Vec<String> = chosen.iter().map(|s| (*s).to_owned()).collect();
        quiz.check_answer(item_id, &chosen)?;
        if chosen.is_empty() {
            self.0.remove(item_id);
        } else {
            self.0.insert(item_id.to_owned(), chosen);
        }
        Ok(())
    }

    /// Forgets the answer to an item, as if it was skipped.
    pub fn skip(&mut self, item_id: &str) {
        self.0.remove(item_id);
    }

    pub fn chosen(&self, item_id: &str) -> &[String] {
        self.0.get(item_id).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn is_answered(&self, item_id: &str) -> bool {
        !self.chosen(item_id).is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_slice()))
    }

    /// Drops answers the current quiz no longer accepts (an old save after a content
    /// update), keeping every answer that still makes sense. Returns how many were dropped.
    pub fn retain_valid(&mut self, quiz: &Quiz) -> usize {
        let before = self.0.len();
        self.0
            .retain(|item, chosen| quiz.check_answer(item, chosen).is_ok() && !chosen.is_empty());
        before - self.0.len()
    }
}

/// The quiz file as written, before it is checked and its labels resolved.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct QuizFile {
    /// Accepted so editors can point the file at its schema; not used otherwise.
    #[serde(rename = "$schema", default)]
    #[allow(dead_code)]
    pub schema: Option<String>,
    pub scales: BTreeMap<String, Vec<ScaleLevel>>,
    pub items: Vec<serde_json::Value>,
}

/// One answer on a rating scale. `value` is how strongly it speaks for what the item
/// measures (1 the most; negative: against it); `null` means it is no evidence either way.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ScaleLevel {
    pub level: String,
    pub label: String,
    pub value: Option<f64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ItemRecord {
    pub id: String,
    pub format: Format,
    pub prompt: String,
    #[serde(default)]
    pub max_choices: Option<i64>,
    /// Rated items: what the item measures (dimension → points).
    #[serde(default)]
    pub measures: Option<BTreeMap<String, i64>>,
    /// Rated items: the dimensions the reasons are about (default: the most points).
    #[serde(default)]
    pub because: Option<Vec<String>>,
    /// Rated items: level → the reason shown on results, for every level that speaks for it.
    #[serde(default)]
    pub reasons: Option<BTreeMap<String, String>>,
    /// Items with their own options (this or that, scenario, subjects).
    #[serde(default)]
    pub options: Option<Vec<OptionRecord>>,
    /// Why the item is in the quiz and what it measures, for editors only.
    #[serde(default)]
    #[allow(dead_code)]
    pub note: Option<String>,
}

impl ItemRecord {
    pub const REQUIRED_FIELDS: [&'static str; 3] = ["id", "format", "prompt"];
    pub const OPTIONAL_FIELDS: [&'static str; 6] = [
        "max_choices",
        "measures",
        "because",
        "reasons",
        "options",
        "note",
    ];
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OptionRecord {
    pub id: String,
    #[serde(default)]
    pub label: Option<String>,
    pub adds: BTreeMap<String, i64>,
    #[serde(default)]
    pub because: Option<Vec<String>>,
    #[serde(default)]
    pub reason: Option<String>,
}
