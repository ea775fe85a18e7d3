//! Why a role was suggested, in plain words that point back to the student's own answers:
//! the answers that added most to what the role needs most. Fallback sentences (from the
//! strings file) only fill in when fewer than two answers say something about the role.

use std::collections::HashMap;

use crate::content::{Answers, Content, Group, Role, fill};

use super::profile::Profile;
use super::score::{RoleVector, weight};

/// A match shows at least this many reasons, and at most `MAX_REASONS`.
pub const MIN_REASONS: usize = 2;
pub const MAX_REASONS: usize = 3;
/// A role value (out of 5) at or above which a dimension is something the job really involves;
/// below it, an answer about that dimension is not offered as a reason.
pub const RELEVANT_ROLE_VALUE: f64 = 3.0 / 5.0;
/// An interest named in an "it suits a … like you" reason must be this central to the role.
const CORE_ROLE_VALUE: f64 = 4.0 / 5.0;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Basis {
    /// The student gave this answer.
    Answer { item: String, option: String },
    /// The role is centred on one of the student's top interest types.
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
    text: &'a str,
    relevance: f64,
    /// The group that contributed most, to vary the reasons shown.
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

    let mut candidates = answer_candidates(content, answers, vector);
    // A reason already shown on earlier cards counts for less, so each card in a results
    // list tells the student something a little different (all of it still true).
    for c in &mut candidates {
        c.relevance /= 1.0 + used.get(c.text).copied().unwrap_or(0) as f64;
    }
    candidates.sort_by(|a, b| b.relevance.total_cmp(&a.relevance));
    for c in pick_diverse(candidates, MAX_REASONS - out.len()) {
        *used.entry(c.text.to_owned()).or_default() += 1;
        out.push(Reason {
            text: c.text.to_owned(),
            basis: Basis::Answer {
                item: c.item.to_owned(),
                option: c.option.to_owned(),
            },
        });
    }

    if out.len() < MIN_REASONS {
        // The student's strongest interest, if it sits at the heart of this role.
        let top = t
            .interests
            .iter()
            .enumerate()
            .filter_map(|(i, d)| profile.group(Group::Interests)[i].map(|s| (i, d, s)))
            .filter(|(_, _, s)| *s > 0.0)
            .max_by(|a, b| a.2.total_cmp(&b.2).then(b.0.cmp(&a.0)));
        if let Some((i, d, _)) = top
            && vector.value(Group::Interests, i) >= CORE_ROLE_VALUE
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
    out
}

/// Each answered item's best option for this role, if it adds to something the role needs.
fn answer_candidates<'a>(
    content: &'a Content,
    answers: &Answers,
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
            let Some(text) = option.reason.as_deref() else {
                continue;
            };
            let mut relevance = 0.0;
            let mut top_group = (Group::Interests, 0.0);
            for (dim, points) in &option.adds {
                let Some(group) = t.group_of(dim) else {
                    continue;
                };
                let Some(i) = t.dimension_ids(group).iter().position(|d| d == dim) else {
                    continue;
                };
                let value = vector.value(group, i);
                // Subjects count wherever the role lists them; other dimensions only where
                // they are a real part of the job.
                if group != Group::Subjects && value < RELEVANT_ROLE_VALUE {
                    continue;
                }
                let part = f64::from(*points) * value * weight(group);
                relevance += part;
                if part > top_group.1 {
                    top_group = (group, part);
                }
            }
            if relevance > 0.0 && best.as_ref().is_none_or(|b| relevance > b.relevance) {
                best = Some(Candidate {
                    item: &item.id,
                    option: &option.id,
                    text,
                    relevance,
                    group: top_group.0,
                });
            }
        }
        candidates.extend(best);
    }
    // Most relevant first; equal ones keep quiz order (the sort is stable).
    candidates.sort_by(|a, b| b.relevance.total_cmp(&a.relevance));
    candidates
}

/// The best candidates, preferring a different group each time so the reasons cover
/// interests, subjects and skills rather than three versions of one thing.
fn pick_diverse(mut candidates: Vec<Candidate<'_>>, n: usize) -> Vec<Candidate<'_>> {
    let mut picked: Vec<Candidate> = Vec::new();
    while picked.len() < n && !candidates.is_empty() {
        let at = candidates
            .iter()
            .position(|c| {
                picked.iter().all(|p| p.group != c.group) && picked.iter().all(|p| p.text != c.text)
            })
            .or_else(|| {
                candidates
                    .iter()
                    .position(|c| picked.iter().all(|p| p.text != c.text))
            });
        match at {
            Some(i) => picked.push(candidates.remove(i)),
            None => break,
        }
    }
    picked
}
