//! The role catalogue: one `roles/<family>.json` file per family, each holding that family's
//! roles as a student sees them (title, summary, day, routes in, pay…) plus the interest,
//! skill and work-style profile the matching engine compares answers with.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// How much of the job is spent with patients.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PatientContact {
    Lots,
    Some,
    None,
}

impl PatientContact {
    pub fn id(self) -> &'static str {
        match self {
            PatientContact::Lots => "lots",
            PatientContact::Some => "some",
            PatientContact::None => "none",
        }
    }
}

/// One way into a role, with a line on what it involves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    pub route: String,
    /// Apprenticeship level (2–7); only for apprenticeships and degree apprenticeships.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<i64>,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandRange {
    pub from: String,
    pub to: String,
}

/// Either an Agenda for Change band range or a named pay scale with its own words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Pay {
    Bands(BandRange),
    Scale(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    pub url: String,
}

/// A role as written in its family file. Profile values are kept wide (`i64`) so that an
/// out-of-range number reaches the content check as a clear message, not a parse failure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: String,
    pub title: String,
    pub clinical: bool,
    pub summary: String,
    pub day: String,
    pub patient_contact: PatientContact,
    pub workplaces: Vec<String>,
    pub subjects: Vec<String>,
    pub routes: Vec<Route>,
    pub pay: Pay,
    pub myth: String,
    /// For a job whose day involves death, serious illness or keeping people safe from harm:
    /// calm words shown before anything else on its page. Such a role is never a wildcard.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gentle_intro: Option<String>,
    pub interests: BTreeMap<String, i64>,
    pub skills: BTreeMap<String, i64>,
    pub work_style: BTreeMap<String, i64>,
    /// Dimension id → how that trait shows up in this job, one sentence. A reason on a results
    /// card joins the student's answer to this ("Pharmacists check every dose with care.");
    /// where a role has none for a dimension, the taxonomy's general `link` is used.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub links: BTreeMap<String, String>,
    pub sources: Vec<Source>,
    /// When the facts were last checked against the sources, as `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_more: Option<String>,
    /// For the people who maintain the catalogue; never shown to students.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editor_note: Option<String>,
    /// Filled from the file the role was loaded from, not written in it.
    #[serde(skip)]
    pub family: String,
}

impl Role {
    /// The fields every role must have, in the order the guide lists them.
    pub const REQUIRED_FIELDS: [&'static str; 15] = [
        "id",
        "title",
        "clinical",
        "summary",
        "day",
        "patient_contact",
        "workplaces",
        "subjects",
        "routes",
        "pay",
        "myth",
        "interests",
        "skills",
        "work_style",
        "sources",
    ];
    pub const OPTIONAL_FIELDS: [&'static str; 5] = [
        "gentle_intro",
        "links",
        "checked",
        "read_more",
        "editor_note",
    ];

    /// Not hands-on with patients: non-clinical and without lots of patient contact (a
    /// porter is non-clinical but moves patients all day, so is not "hands-off").
    pub fn hands_off(&self) -> bool {
        !self.clinical && self.patient_contact != PatientContact::Lots
    }

    /// Where a student can read more: the role's own page, else its family's.
    pub fn read_more<'a>(&'a self, family_page: &'a str) -> &'a str {
        self.read_more.as_deref().unwrap_or(family_page)
    }
}

/// A role file as written: `{ "family": ..., "roles": [...] }`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RoleFile {
    /// Accepted so editors can point the file at its schema; not used otherwise.
    #[serde(rename = "$schema", default)]
    #[allow(dead_code)]
    pub schema: Option<String>,
    pub family: serde_json::Value,
    pub roles: Vec<serde_json::Value>,
}
