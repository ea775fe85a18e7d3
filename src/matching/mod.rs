//! The matching engine: turns a student's answers into a profile, scores every role against
//! it, and builds the results a student sees: strengths first, then ranked matches with
//! reasons, always including a non-clinical role and a wildcard from an unexpected family.

mod profile;
mod reasons;
mod score;
mod strengths;

use std::collections::{BTreeMap, HashMap};

use crate::content::{Answers, Content, UiStrings};

pub use profile::{Confidence, ENOUGH_EVIDENCE, Profile, SOME_EVIDENCE};
pub use reasons::{Basis, MAX_REASONS, MIN_REASONS, Reason};
pub use score::{SUBJECT_POSITION_WEIGHTS, Score, WEIGHTS};
pub use strengths::{ChartBar, Strength, Strengths};

use score::RoleVector;

/// How many matches the results list shows before the wildcard.
pub const SHOWN_MATCHES: usize = 8;
/// At most this many of the shown matches come from one family, so that one strong
/// interest does not fill the list with near-identical jobs.
pub const MAX_PER_FAMILY: usize = 3;

/// How well a role fits, in words a 12-year-old reads correctly instead of a falsely precise
/// percentage. Thresholds are on the 0..=1 fit, and capped by how much the answers say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FitBand {
    WorthALook,
    Good,
    Strong,
}

/// A fit at or above this is a strong match (with enough evidence).
pub const STRONG_FIT: f64 = 0.72;
/// A fit at or above this is a good match (with some evidence).
pub const GOOD_FIT: f64 = 0.60;

impl FitBand {
    /// The words a student reads for this band.
    pub fn words(self, ui: &UiStrings) -> &str {
        match self {
            FitBand::Strong => &ui.fit_strong,
            FitBand::Good => &ui.fit_good,
            FitBand::WorthALook => &ui.fit_worth_a_look,
        }
    }

    pub fn of(total: f64, confidence: Confidence) -> FitBand {
        let band = if total >= STRONG_FIT {
            FitBand::Strong
        } else if total >= GOOD_FIT {
            FitBand::Good
        } else {
            FitBand::WorthALook
        };
        let cap = match confidence {
            Confidence::Little => FitBand::WorthALook,
            Confidence::Some => FitBand::Good,
            Confidence::Enough => FitBand::Strong,
        };
        band.min(cap)
    }
}

impl FitBand {
    /// The most a match can be called, given its reasons: a strong match needs at least two
    /// of the student's own answers speaking for what the job is built on, a good match one.
    /// A student who dislikes nearly everything still has a "best" shape, but nothing they
    /// said speaks for those jobs, so they are only worth a look.
    pub fn backed_by(reasons: &[Reason]) -> FitBand {
        let answers = reasons
            .iter()
            .filter(|r| matches!(r.basis, Basis::Answer { .. }))
            .count();
        match answers {
            0 => FitBand::WorthALook,
            1 => FitBand::Good,
            _ => FitBand::Strong,
        }
    }
}

/// Why a role is on the results list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchKind {
    /// One of the best fits.
    Top,
    /// The best role that is not hands-on with patients, added because no top fit was.
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
    pub band: FitBand,
    pub kind: MatchKind,
    pub reasons: Vec<Reason>,
}

impl Match {
    /// The fit from 0 to 100, for tools and tests; students see `band`.
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
    /// How much the answers say; with little, the game says so and shows broader matches.
    pub confidence: Confidence,
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
        self.results_without(answers, &[])
    }

    /// Results leaving out the roles the student said are not for them (catalogue
    /// indices): the next best take their place.
    pub fn results_without(&self, answers: &Answers, not_for_me: &[usize]) -> Results {
        let profile = Profile::from_answers(self.content, answers);
        let confidence = profile.confidence();
        let strengths = if confidence == Confidence::Little {
            // Forced choices alone are too little to tell a student who they are.
            Strengths {
                chart: strengths::strengths(&self.content.taxonomy, &profile).chart,
                ..Strengths::default()
            }
        } else {
            strengths::strengths(&self.content.taxonomy, &profile)
        };
        let mut ranked = self.rank(&profile);
        ranked.retain(|r| !not_for_me.contains(&r.role));
        let shown = self.pick(&ranked, confidence);
        let roles = &self.content.roles;
        let mut used_reasons = HashMap::new();
        let matches = shown
            .into_iter()
            .map(|(r, kind)| {
                let reasons = reasons::reasons(
                    self.content,
                    answers,
                    &profile,
                    &roles[r.role],
                    &self.vectors[r.role],
                    kind == MatchKind::Wildcard,
                    &mut used_reasons,
                );
                Match {
                    role_id: roles[r.role].id.clone(),
                    role: r.role,
                    score: r.score,
                    band: FitBand::of(r.score.total, confidence).min(FitBand::backed_by(&reasons)),
                    kind,
                    reasons,
                }
            })
            .collect();
        Results {
            confidence,
            strengths,
            matches,
        }
    }

    /// Which ranked roles to show: the best, at most `MAX_PER_FAMILY` a family (one a
    /// family when the answers say little, so the list is broad rather than falsely sure),
    /// at least one role that is not hands-on with patients, then the wildcard.
    fn pick(&self, ranked: &[Ranked], confidence: Confidence) -> Vec<(Ranked, MatchKind)> {
        let roles = &self.content.roles;
        let per_family_limit = if confidence == Confidence::Little {
            1
        } else {
            MAX_PER_FAMILY
        };
        let mut shown: Vec<(Ranked, MatchKind)> = Vec::new();
        let mut per_family: BTreeMap<&str, usize> = BTreeMap::new();
        for r in ranked {
            if shown.len() == SHOWN_MATCHES {
                break;
            }
            let count = per_family.entry(roles[r.role].family.as_str()).or_default();
            if *count < per_family_limit {
                *count += 1;
                shown.push((*r, MatchKind::Top));
            }
        }
        if !shown.iter().any(|(r, _)| roles[r.role].hands_off()) {
            // Make room, then take the best hands-off role that keeps the family limit.
            if let Some((dropped, _)) = shown.pop()
                && let Some(n) = per_family.get_mut(roles[dropped.role].family.as_str())
            {
                *n -= 1;
            }
            let best_hands_off = ranked.iter().find(|r| {
                let family = roles[r.role].family.as_str();
                roles[r.role].hands_off()
                    && per_family.get(family).copied().unwrap_or(0) < per_family_limit
            });
            if let Some(r) = best_hands_off {
                shown.push((*r, MatchKind::NonClinical));
            }
        }
        if let Some(r) = self.wildcard(ranked, &shown) {
            shown.push((*r, MatchKind::Wildcard));
        }
        shown
    }

    /// The best role from a family not on the list and not one every student knows already,
    /// never a job about death, serious illness or harm (those are only met by choice).
    fn wildcard<'r>(
        &self,
        ranked: &'r [Ranked],
        shown: &[(Ranked, MatchKind)],
    ) -> Option<&'r Ranked> {
        let roles = &self.content.roles;
        let t = &self.content.taxonomy;
        ranked.iter().find(|r| {
            let role = &roles[r.role];
            role.gentle_intro.is_none()
                && t.family(&role.family).is_none_or(|f| !f.familiar)
                && !shown
                    .iter()
                    .any(|(s, _)| roles[s.role].family == role.family)
        })
    }
}
