//! The matching engine: turns a student's answers into a profile, scores every role against
//! it, and builds the results a student sees: strengths first, then ranked matches with
//! reasons, always including a non-clinical role and a wildcard from an unexpected family.

mod profile;
mod reasons;
mod score;
mod strengths;

use std::collections::{BTreeMap, HashMap};

use crate::content::{Answers, Content};

pub use profile::Profile;
pub use reasons::{Basis, MAX_REASONS, MIN_REASONS, Reason};
pub use score::{SUBJECT_POSITION_WEIGHTS, Score, WEIGHTS};
pub use strengths::{ChartBar, Strength, Strengths};

use score::RoleVector;

/// How many matches the results list shows before the wildcard.
pub const SHOWN_MATCHES: usize = 8;
/// At most this many of the shown matches come from one family, so that one strong
/// interest does not fill the list with near-identical jobs.
pub const MAX_PER_FAMILY: usize = 3;

/// Why a role is on the results list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchKind {
    /// One of the best fits.
    Top,
    /// The best non-clinical role, added because no top fit was non-clinical.
    NonClinical,
    /// The best role from a family not otherwise on the list.
    Wildcard,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    pub role_id: String,
    /// Index into `Content::roles`.
    pub role: usize,
    pub score: Score,
    pub kind: MatchKind,
    pub reasons: Vec<Reason>,
}

impl Match {
    pub fn fit(&self) -> u8 {
        self.score.fit()
    }
}

/// One role's place in the full ranking.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ranked {
    pub role: usize,
    pub score: Score,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    pub strengths: Strengths,
    /// Top matches in order, then the wildcard. Empty when no answer counted.
    pub matches: Vec<Match>,
}

/// Scores students against the catalogue. Build it once per content load: it prepares each
/// role's numbers so that scoring a student is a quick pass over the catalogue.
pub struct Matcher<'c> {
    content: &'c Content,
    vectors: Vec<RoleVector>,
}

impl<'c> Matcher<'c> {
    pub fn new(content: &'c Content) -> Self {
        let vectors = content
            .roles
            .iter()
            .map(|r| RoleVector::new(content, r))
            .collect();
        Self { content, vectors }
    }

    pub fn content(&self) -> &'c Content {
        self.content
    }

    /// Every role, best fit first. Equal scores are ordered by role id, so the same answers
    /// always give the same order. Empty if the profile has nothing to match on.
    pub fn rank(&self, profile: &Profile) -> Vec<Ranked> {
        let mut ranked: Vec<Ranked> = self
            .vectors
            .iter()
            .enumerate()
            .filter_map(|(role, v)| score::score(profile, v).map(|score| Ranked { role, score }))
            .collect();
        let roles = &self.content.roles;
        ranked.sort_by(|a, b| {
            b.score
                .total
                .total_cmp(&a.score.total)
                .then_with(|| roles[a.role].id.cmp(&roles[b.role].id))
        });
        ranked
    }

    /// The roles most like `role` in interests, skills and work style, most alike first
    /// (equal ones by id). Used for "similar jobs" on a role's page.
    pub fn similar(&self, role: usize, n: usize) -> Vec<usize> {
        let Some(me) = self.vectors.get(role) else {
            return Vec::new();
        };
        let shape = |v: &RoleVector| -> Vec<f64> {
            v.interests
                .iter()
                .chain(&v.skills)
                .chain(&v.work_style)
                .copied()
                .collect()
        };
        let mine: Vec<Option<f64>> = shape(me).into_iter().map(Some).collect();
        let roles = &self.content.roles;
        let mut others: Vec<(f64, usize)> = self
            .vectors
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != role)
            .map(|(i, v)| (score::shape_similarity(&mine, &shape(v)).unwrap_or(0.0), i))
            .collect();
        others.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then_with(|| roles[a.1].id.cmp(&roles[b.1].id))
        });
        others.into_iter().take(n).map(|(_, i)| i).collect()
    }

    /// Everything the strengths and results screens show for these answers.
    pub fn results(&self, answers: &Answers) -> Results {
        let profile = Profile::from_answers(self.content, answers);
        let strengths = strengths::strengths(&self.content.taxonomy, &profile);
        let ranked = self.rank(&profile);
        let roles = &self.content.roles;

        let mut shown: Vec<(Ranked, MatchKind)> = Vec::new();
        let mut per_family: BTreeMap<&str, usize> = BTreeMap::new();
        for r in &ranked {
            if shown.len() == SHOWN_MATCHES {
                break;
            }
            let count = per_family.entry(roles[r.role].family.as_str()).or_default();
            if *count < MAX_PER_FAMILY {
                *count += 1;
                shown.push((*r, MatchKind::Top));
            }
        }
        if !shown.iter().any(|(r, _)| !roles[r.role].clinical) {
            // Make room, then take the best non-clinical role that keeps the family limit.
            if let Some((dropped, _)) = shown.pop()
                && let Some(n) = per_family.get_mut(roles[dropped.role].family.as_str())
            {
                *n -= 1;
            }
            let best_non_clinical = ranked.iter().find(|r| {
                let family = roles[r.role].family.as_str();
                !roles[r.role].clinical
                    && per_family.get(family).copied().unwrap_or(0) < MAX_PER_FAMILY
            });
            if let Some(r) = best_non_clinical {
                shown.push((*r, MatchKind::NonClinical));
            }
        }
        let wildcard = ranked.iter().find(|r| {
            let family = &roles[r.role].family;
            !shown.iter().any(|(s, _)| &roles[s.role].family == family)
        });
        if let Some(r) = wildcard {
            shown.push((*r, MatchKind::Wildcard));
        }

        let mut used_reasons = HashMap::new();
        let matches = shown
            .into_iter()
            .map(|(r, kind)| Match {
                role_id: roles[r.role].id.clone(),
                role: r.role,
                score: r.score,
                kind,
                reasons: reasons::reasons(
                    self.content,
                    answers,
                    &profile,
                    &roles[r.role],
                    &self.vectors[r.role],
                    kind == MatchKind::Wildcard,
                    &mut used_reasons,
                ),
            })
            .collect();
        Results { strengths, matches }
    }
}
