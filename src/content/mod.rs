//! The game's content, as plain data read from JSON that non-programmers edit: the shared
//! taxonomy, the role catalogue, the quiz and the strings. Loading checks every file and
//! either hands back typed [`Content`] or a [`ContentError`] listing every problem.

mod catalogue;
mod check;
mod problem;
mod quiz;
pub mod readability;
pub mod schema;
mod strings;
mod taxonomy;

use std::collections::HashMap;
use std::path::Path;

pub use catalogue::{BandRange, PatientContact, Pay, Role, Route, Source};
pub use check::{
    CORE_VALUE, MAX_ITEMS, MIN_ITEMS, MIN_ITEMS_PER_INTEREST, MIN_NON_CLINICAL_PERCENT, MIN_ROLES,
    MIN_SOCIAL_CARE_ROLES, POINTS_MAX, PROFILE_MAX, REASON_SUBJECTS, SOCIAL_CARE_FAMILY,
    due_for_review, measured_by, parse_date,
};
pub use problem::{ContentError, Problem, Severity};
pub use quiz::{AnswerError, Answers, Choice, Format, Item, Quiz};
pub use strings::{ErrorWords, LoadingWords, Strings, UiStrings, fill, pounds};
pub use taxonomy::{Band, Dimension, Family, Group, Named, PayScale, PayTable, Subject, Taxonomy};

/// Paths of the content files, relative to the `assets/` folder.
pub const TAXONOMY_PATH: &str = "content/taxonomy.json";
pub const QUIZ_PATH: &str = "content/quiz.json";
pub const ROLES_DIR: &str = "content/roles";
pub const DEFAULT_LANGUAGE: &str = "en-GB";

pub fn strings_path(language: &str) -> String {
    format!("strings/{language}.json")
}

pub fn role_file_path(family: &str) -> String {
    format!("{ROLES_DIR}/{family}.json")
}

/// One file's text and where it came from (a path under `assets/`, used in messages).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

impl SourceFile {
    /// A file's text. A UTF-8 byte-order mark at its start (older Windows editors write one)
    /// is dropped: it is not part of the JSON, and would make every file it starts "not
    /// valid JSON".
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        let mut text = text.into();
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        Self {
            path: path.into(),
            text,
        }
    }
}

/// The raw text of every content file. The game fills this from its asset loader (one role
/// file per family listed in the taxonomy); tools read it from disk with [`Sources::read_dir`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sources {
    pub taxonomy: SourceFile,
    pub role_files: Vec<SourceFile>,
    pub quiz: SourceFile,
    pub strings: SourceFile,
}

impl Sources {
    /// Reads the files under an `assets/` folder. Every `.json` file in `content/roles/`
    /// is read, so a stray or misnamed file is reported rather than silently ignored.
    pub fn read_dir(assets: &Path, language: &str) -> Result<Sources, ContentError> {
        let read = |rel: &str| -> Result<SourceFile, Problem> {
            std::fs::read_to_string(assets.join(rel))
                .map(|text| SourceFile::new(rel, text))
                .map_err(|e| Problem {
                    severity: Severity::Broken,
                    file: rel.to_owned(),
                    entry: "-".into(),
                    message: format!("cannot read the file: {e}"),
                })
        };
        let mut problems = Vec::new();
        let mut role_files = Vec::new();
        match std::fs::read_dir(assets.join(ROLES_DIR)) {
            Ok(entries) => {
                let mut names: Vec<String> = entries
                    .filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| n.ends_with(".json"))
                    .collect();
                names.sort();
                for name in names {
                    match read(&format!("{ROLES_DIR}/{name}")) {
                        Ok(f) => role_files.push(f),
                        Err(p) => problems.push(p),
                    }
                }
            }
            Err(e) => problems.push(Problem {
                severity: Severity::Broken,
                file: ROLES_DIR.into(),
                entry: "-".into(),
                message: format!("cannot read the folder: {e}"),
            }),
        }
        let taxonomy = read(TAXONOMY_PATH);
        let quiz = read(QUIZ_PATH);
        let strings = read(&strings_path(language));
        match (taxonomy, quiz, strings) {
            (Ok(taxonomy), Ok(quiz), Ok(strings)) if problems.is_empty() => Ok(Sources {
                taxonomy,
                role_files,
                quiz,
                strings,
            }),
            (t, q, s) => {
                problems.extend([t.err(), q.err(), s.err()].into_iter().flatten());
                Err(ContentError { problems })
            }
        }
    }

    fn role_file_of(&self, family: &str) -> Option<&str> {
        let path = role_file_path(family);
        self.role_files
            .iter()
            .find(|f| f.path == path)
            .map(|f| f.path.as_str())
    }
}

/// Everything the game and the matching engine need, checked.
#[derive(Debug, Clone)]
pub struct Content {
    pub taxonomy: Taxonomy,
    /// In the order the families are listed in the taxonomy, then file order.
    pub roles: Vec<Role>,
    pub quiz: Quiz,
    pub strings: Strings,
    role_index: HashMap<String, usize>,
}

impl Content {
    fn new(taxonomy: Taxonomy, mut roles: Vec<Role>, quiz: Quiz, strings: Strings) -> Self {
        let family_rank = |id: &str| taxonomy.families.iter().position(|f| f.id == id);
        roles.sort_by_key(|r| family_rank(&r.family)); // stable: keeps file order within a family
        let role_index = roles
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect();
        Self {
            taxonomy,
            roles,
            quiz,
            strings,
            role_index,
        }
    }

    /// Checks the files and returns the content, unless something in them is broken.
    /// Guideline problems (writing rules, catalogue balance) do not stop the game.
    pub fn load(sources: &Sources) -> Result<Content, ContentError> {
        let (content, problems) = check::check_sources(sources);
        match content {
            Some(c) => Ok(c),
            None => Err(ContentError {
                problems: problems
                    .0
                    .into_iter()
                    .filter(|p| p.severity == Severity::Broken)
                    .collect(),
            }),
        }
    }

    /// Reads and loads the content under an `assets/` folder.
    pub fn load_dir(assets: &Path) -> Result<Content, ContentError> {
        Content::load(&Sources::read_dir(assets, DEFAULT_LANGUAGE)?)
    }

    pub fn role(&self, id: &str) -> Option<&Role> {
        self.role_index.get(id).map(|&i| &self.roles[i])
    }

    pub fn role_index(&self, id: &str) -> Option<usize> {
        self.role_index.get(id).copied()
    }
    /// The route names a role can be entered by, with apprenticeship levels.
    pub fn route_names(&self, role: &Role) -> Vec<String> {
        let ui = &self.strings.ui;
        role.routes
            .iter()
            .filter_map(|r| {
                let name = self.taxonomy.route(&r.route)?.name.clone();
                Some(match r.level {
                    Some(level) => fill(
                        &ui.route_level,
                        &[("route", &name), ("level", &level.to_string())],
                    ),
                    None => name,
                })
            })
            .collect()
    }

    /// The names of the school subjects a role lists.
    pub fn subject_names(&self, role: &Role) -> Vec<String> {
        role.subjects
            .iter()
            .filter_map(|s| self.taxonomy.subject(s).map(|s| s.name.clone()))
            .collect()
    }

    /// How much a role works with patients, in words.
    pub fn contact_name(&self, role: &Role) -> String {
        self.taxonomy
            .patient_contact(role.patient_contact.id())
            .map(|c| c.name.clone())
            .unwrap_or_default()
    }

    /// The student-facing pay line for a role.
    pub fn pay_text(&self, role: &Role) -> String {
        let t = &self.taxonomy;
        let s = &self.strings.pay;
        match &role.pay {
            Pay::Scale(id) => t.pay_scale(id).map(|s| s.text.clone()).unwrap_or_default(),
            Pay::Bands(range) => {
                let (Some(from), Some(to)) = (t.band(&range.from), t.band(&range.to)) else {
                    return String::new();
                };
                let (entry, top) = (pounds(from.entry), pounds(to.top));
                if range.from != range.to {
                    fill(
                        &s.band_range,
                        &[
                            ("from", &from.band),
                            ("to", &to.band),
                            ("entry", &entry),
                            ("top", &top),
                        ],
                    )
                } else if from.entry == from.top {
                    fill(&s.band_fixed, &[("band", &from.band), ("entry", &entry)])
                } else {
                    fill(
                        &s.band,
                        &[("band", &from.band), ("entry", &entry), ("top", &top)],
                    )
                }
            }
        }
    }
}

/// Every problem in the files, broken or guideline, for the content check command.
pub fn check(sources: &Sources) -> Vec<Problem> {
    let (_, problems) = check::check_sources(sources);
    let mut problems = problems.0;
    problems.sort_by_key(|a| a.severity);
    problems
}
