//! The shared vocabulary every other content file refers to (`taxonomy.json`): interest
//! types, skills, work styles, school subjects, role families, routes in, patient contact
//! and the pay table.

use serde::{Deserialize, Serialize};

/// One thing a student can be scored on, with the positive words shown on the strengths screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: String,
    pub name: String,
    /// A sentence in the second person, shown when this is one of the student's strengths.
    pub strength: String,
    /// How this shows up in a job that needs it, for a reason on a results card when the
    /// role has no `links` sentence of its own ("This job keeps you on the move.").
    pub link: String,
}

/// A school subject. `covers` lets a broad subject stand for narrower ones: a student who
/// picks "Science" enjoys what roles list as biology, chemistry or physics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subject {
    pub id: String,
    pub name: String,
    /// How the subject is used in a job that lists it near the front, for a reason.
    pub link: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub covers: Vec<String>,
}

impl Subject {
    /// True when a role listing `id` uses this subject: it is this one or one it covers.
    pub fn includes(&self, id: &str) -> bool {
        self.id == id || self.covers.iter().any(|c| c == id)
    }
}

/// Anything with an id and a student-facing name: a subject, a route in, a contact level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Named {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Family {
    pub id: String,
    pub name: String,
    pub about: String,
    /// The official careers page used when a role has no `read_more` of its own.
    pub read_more: String,
    /// A family nearly every student already knows (doctors, nurses): never the wildcard,
    /// whose job is to show a side of health and care the student would not have guessed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub familiar: bool,
}

/// One Agenda for Change band with its yearly pay at entry and at the top of the band.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub band: String,
    pub entry: u32,
    pub top: u32,
}

/// The words used for a role whose pay is not on Agenda for Change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PayScale {
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PayTable {
    pub title: String,
    pub source: String,
    /// Lowest band first: a role's `from` band must not come after its `to` band.
    pub bands: Vec<Band>,
    pub scales: Vec<PayScale>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Taxonomy {
    #[serde(rename = "$schema", default, skip_serializing)]
    pub schema: Option<String>,
    pub interests: Vec<Dimension>,
    pub skills: Vec<Dimension>,
    pub work_styles: Vec<Dimension>,
    pub subjects: Vec<Subject>,
    pub families: Vec<Family>,
    pub routes: Vec<Named>,
    pub patient_contact: Vec<Named>,
    pub pay: PayTable,
}

/// The four groups of dimensions a student's answers are scored on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Group {
    Interests,
    Skills,
    WorkStyle,
    Subjects,
}

impl Group {
    pub const ALL: [Group; 4] = [
        Group::Interests,
        Group::Skills,
        Group::WorkStyle,
        Group::Subjects,
    ];
}

impl Taxonomy {
    pub fn family(&self, id: &str) -> Option<&Family> {
        self.families.iter().find(|f| f.id == id)
    }

    pub fn subject(&self, id: &str) -> Option<&Subject> {
        self.subjects.iter().find(|s| s.id == id)
    }

    pub fn route(&self, id: &str) -> Option<&Named> {
        self.routes.iter().find(|r| r.id == id)
    }

    pub fn patient_contact(&self, id: &str) -> Option<&Named> {
        self.patient_contact.iter().find(|c| c.id == id)
    }

    pub fn band(&self, band: &str) -> Option<&Band> {
        self.pay.bands.iter().find(|b| b.band == band)
    }

    /// Position of a band in the pay table, lowest first.
    pub fn band_rank(&self, band: &str) -> Option<usize> {
        self.pay.bands.iter().position(|b| b.band == band)
    }

    pub fn pay_scale(&self, id: &str) -> Option<&PayScale> {
        self.pay.scales.iter().find(|s| s.id == id)
    }

    /// The ids of one group's dimensions, in file order.
    pub fn dimension_ids(&self, group: Group) -> Vec<&str> {
        match group {
            Group::Interests => self.interests.iter().map(|d| d.id.as_str()).collect(),
            Group::Skills => self.skills.iter().map(|d| d.id.as_str()).collect(),
            Group::WorkStyle => self.work_styles.iter().map(|d| d.id.as_str()).collect(),
            Group::Subjects => self.subjects.iter().map(|d| d.id.as_str()).collect(),
        }
    }

    /// Which group a dimension id belongs to, if any.
    pub fn group_of(&self, id: &str) -> Option<Group> {
        Group::ALL
            .into_iter()
            .find(|&g| self.dimension_ids(g).contains(&id))
    }

    /// The strengths-screen entry for an interest, skill or work style.
    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.interests
            .iter()
            .chain(&self.skills)
            .chain(&self.work_styles)
            .find(|d| d.id == id)
    }
}
