//! Why a role was suggested, in plain words that join the student's own answer to what it
//! means in this job: "You like getting money exactly right." + "Pharmacists check every
//! dose with the same care." A reason is only built from an answer that spoke for something
//! the job is built on (a role value of 4 or 5, or one of its first two subjects), never from
//! one about something the student answered against. Fallback sentences (from the strings
//! file) only fill in when fewer than two answers say something about the role.

use std::collections::HashMap;

use crate::content::{Answers, CORE_VALUE, Content, Group, PROFILE_MAX, Role, fill};

use super::profile::Profile;
use super::score::{RoleVector, weight};

/// A match shows at least this many reasons, and at most `MAX_REASONS`.
pub const MIN_REASONS: usize = 2;
pub const MAX_REASONS: usize = 3;
/// A role value (0..=1) at or above which a dimension is at the heart of the job.
pub const RELEVANT_ROLE_VALUE: f64 = CORE_VALUE as f64 / PROFILE_MAX as f64;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Basis {
    /// The student gave this answer, which speaks for `dimension`, a core part of the job.
    Answer {
        item: String,
        option: String,
        dimension: String,
    },
    /// The role is centred on one of the student's well-supported interest types.
    InterestType(String),
    /// The role is the wildcard, from a family not otherwise shown.
    Wildcard,
    /// Nothing in the answers speaks to the role: the skill it needs most.
    SkillToGrow(String),
    /// Nothing in the answers speaks to the role: an honest invitation to look anyway.
    Explore,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub text: String,
    pub basis: Basis,
}

struct Candidate<'a> {
    item: &'a str,
    option: &'a str,
    answer: &'a str,
    dimension: &'a str,
    link: &'a str,
    relevance: f64,
    group: Group,
}

pub(crate) fn reasons(
    content: &Content,
    answers: &Answers,
    profile: &Profile,
    role: &Role,
    vector: &RoleVector,
    wildcard: bool,
    used: &mut HashMap<String, usize>,
) -> Vec<Reason> {
    let t = &content.taxonomy;
    let mut out = Vec::new();
    if wildcard {
        let family = t.family(&role.family).map_or("", |f| f.name.as_str());
        out.push(Reason {
            text: fill(&content.strings.reasons.wildcard, &[("family", family)]),
            basis: Basis::Wildcard,
        });
    }

    let mut candidates = answer_candidates(content, answers, profile, role, vector);
    // A reason already shown on earlier cards counts for less, so each card in a results
    // list tells the student something a little different (all of it still true).
    for c in &mut candidates {
        c.relevance /= 1.0 + used.get(c.answer).copied().unwrap_or(0) as f64;
    }
    candidates.sort_by(|a, b| b.relevance.total_cmp(&a.relevance));
    for c in pick_diverse(candidates, MAX_REASONS - out.len()) {
        *used.entry(c.answer.to_owned()).or_default() += 1;
        out.push(Reason {
            text: fill(
                &content.strings.reasons.linked,
                &[("answer", c.answer), ("link", c.link)],
            ),
            basis: Basis::Answer {
                item: c.item.to_owned(),
                option: c.option.to_owned(),
                dimension: c.dimension.to_owned(),
            },
        });
    }
    fill_in(content, profile, vector, &mut out);
    out
}

/// Honest fallbacks when the answers say little about this job.
fn fill_in(content: &Content, profile: &Profile, vector: &RoleVector, out: &mut Vec<Reason>) {
    let t = &content.taxonomy;
    if out.len() < MIN_REASONS {
        // The student's strongest well-supported interest, if it sits at the heart of this role.
        let scores = profile.group(Group::Interests);
        let top = t
            .interests
            .iter()
            .enumerate()
            .filter(|(_, d)| profile.well_supported(t, &d.id))
            .filter_map(|(i, d)| scores[i].map(|s| (i, d, s)))
            .max_by(|a, b| a.2.total_cmp(&b.2).then(b.0.cmp(&a.0)));
        if let Some((i, d, _)) = top
            && vector.value(Group::Interests, i) >= RELEVANT_ROLE_VALUE
        {
            out.push(Reason {
                text: fill(&content.strings.reasons.interest_type, &[("type", &d.name)]),
                basis: Basis::InterestType(d.id.clone()),
            });
        }
    }
    if out.len() < MIN_REASONS {
        let best = t.skills.iter().enumerate().max_by(|a, b| {
            let (va, vb) = (
                vector.value(Group::Skills, a.0),
                vector.value(Group::Skills, b.0),
            );
            va.total_cmp(&vb).then(b.0.cmp(&a.0))
        });
        if let Some((_, skill)) = best {
            out.push(Reason {
                text: fill(
                    &content.strings.reasons.skill_to_grow,
                    &[("skill", &skill.name)],
                ),
                basis: Basis::SkillToGrow(skill.id.clone()),
            });
        }
    }
    if out.len() < MIN_REASONS {
        out.push(Reason {
            text: content.strings.reasons.explore.clone(),
            basis: Basis::Explore,
        });
    }
}

/// Each answered item's best reason for this role: an answer that speaks for a dimension the
/// job is built on, joined to the job's own sentence about it.
fn answer_candidates<'a>(
    content: &'a Content,
    answers: &Answers,
    profile: &Profile,
    role: &'a Role,
    vector: &RoleVector,
) -> Vec<Candidate<'a>> {
    let t = &content.taxonomy;
    let mut candidates: Vec<Candidate> = Vec::new();
    for item in &content.quiz.items {
        let chosen = answers.chosen(&item.id);
        if content.quiz.check_answer(&item.id, chosen).is_err() {
            continue;
        }
        let mut best: Option<Candidate> = None;
        for option in item.options.iter().filter(|o| chosen.contains(&o.id)) {
            let (Some(answer), Some(evidence)) = (option.reason.as_deref(), option.evidence) else {
                continue;
            };
            // Never a reason resting on something the student said is not theirs.
            if evidence <= 0.0 || option.because.iter().any(|d| profile.against(t, d)) {
                continue;
            }
            for dim in &option.because {
                let points = option
                    .adds
                    .iter()
                    .find(|(d, _)| d == dim)
                    .map_or(0, |(_, p)| *p);
                let Some((group, value, link)) = core_link(content, role, vector, dim) else {
                    continue;
                };
                let relevance = f64::from(points) * evidence * value * weight(group);
                if best.as_ref().is_none_or(|b| relevance > b.relevance) {
                    best = Some(Candidate {
                        item: &item.id,
                        option: &option.id,
                        answer,
                        dimension: dim,
                        link,
                        relevance,
                        group,
                    });
                }
            }
        }
        candidates.extend(best);
    }
    candidates
}

/// If `dim` is at the heart of this role: its group, how central it is (0..=1), and the
/// sentence that says how it shows up in the job (the role's own, else the taxonomy's).
/// A broad subject ("Science") counts through the subjects it covers.
fn core_link<'a>(
    content: &'a Content,
    role: &'a Role,
    vector: &RoleVector,
    dim: &str,
) -> Option<(Group, f64, &'a str)> {
    let t = &content.taxonomy;
    let group = t.group_of(dim)?;
    if group == Group::Subjects {
        let subject = t.subject(dim)?;
        let (at, id) = role
            .subjects
            .iter()
            .enumerate()
            .take(crate::content::REASON_SUBJECTS)
            .find(|(_, s)| subject.includes(s))?;
        let weight = super::SUBJECT_POSITION_WEIGHTS.get(at).copied()?;
        let link = role
            .links
            .get(id)
            .map(String::as_str)
            .or_else(|| t.subject(id).map(|s| s.link.as_str()))?;
        return Some((group, weight, link));
    }
    let index = t.dimension_ids(group).iter().position(|d| *d == dim)?;
    let value = vector.value(group, index);
    if value < RELEVANT_ROLE_VALUE {
        return None;
    }
    let link = role
        .links
        .get(dim)
        .map(String::as_str)
        .or_else(|| t.dimension(dim).map(|d| d.link.as_str()))?;
    Some((group, value, link))
}

/// The best candidates, preferring a different group each time so the reasons cover
/// interests, subjects and skills rather than three versions of one thing, and never the
/// same job sentence twice.
fn pick_diverse(mut candidates: Vec<Candidate<'_>>, n: usize) -> Vec<Candidate<'_>> {
    let mut picked: Vec<Candidate> = Vec::new();
    while picked.len() < n && !candidates.is_empty() {
        let fresh = |c: &Candidate, p: &Candidate| p.answer != c.answer && p.link != c.link;
        let at = candidates
            .iter()
            .position(|c| picked.iter().all(|p| p.group != c.group && fresh(c, p)))
            .or_else(|| {
                candidates
                    .iter()
                    .position(|c| picked.iter().all(|p| fresh(c, p)))
            });
        match at {
            Some(i) => picked.push(candidates.remove(i)),
            None => break,
        }
    }
    picked
}
