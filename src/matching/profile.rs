//! A student's profile: for every interest, skill, work style and subject, how far their
//! answers speak for it (1) or against it (-1), and how much evidence there is.
//!
//! The rules, per answer:
//! - a rated card counts its level's `value` (love 1, like ½, not for me −1) towards every
//!   dimension the card measures; "not sure" is no evidence either way; a dislike of an
//!   activity counts against its interests and work styles but not its skills (only the
//!   student's own rating speaks to ability);
//! - a chosen this-or-that, scenario or subject option counts 1 towards what it adds;
//! - the unchosen side of a this-or-that, and the subjects not picked, count 0 (less of
//!   it, not against it); the unchosen options of a scenario count nothing, because picking
//!   one thing to do first says nothing against the others.
//!
//! Skipped items count for nothing, so partial answers give a fair profile of what was answered.

use crate::content::{Answers, Content, Format, Group, Taxonomy};

/// How much the answers tell us: the share of the quiz's rated cards ("love it … not for
/// me", "I'm good at …") answered with an opinion rather than "not sure" or a skip. Forced
/// choices do not count here: picking one of two things says too little on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Confidence {
    /// Under a third of the rated cards answered with an opinion: no confident match.
    Little,
    /// Under two thirds: good matches, none called strong.
    Some,
    Enough,
}

/// Rated cards with an opinion, as a share of all rated cards, needed for each level.
pub const SOME_EVIDENCE: f64 = 1.0 / 3.0;
pub const ENOUGH_EVIDENCE: f64 = 2.0 / 3.0;

#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct Tally {
    /// Σ points × value.
    sum: f64,
    /// Σ points over answers that are evidence.
    weight: f64,
    /// Answers that spoke for this dimension.
    support: usize,
    /// A self-rating ("I'm good at …") at "getting there" or below.
    rated_low: bool,
    /// A self-rating at "quite good" or above.
    rated_high: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// Indexed by `Group::ALL` order, then by the taxonomy's order within the group.
    tallies: [Vec<Tally>; 4],
    /// The scores from the tallies, worked out once: scoring reads them for every role.
    scores: [Vec<Option<f64>>; 4],
    /// The same on the roles' 0..=1 scale ((score + 1) / 2), for comparing shapes.
    units: [Vec<Option<f64>>; 4],
    /// How many subjects the student picked.
    subjects_picked: usize,
    rated_opinions: usize,
    rated_items: usize,
}

fn group_index(group: Group) -> usize {
    Group::ALL.iter().position(|g| *g == group).unwrap_or(0)
}

impl Profile {
    /// Builds the profile from the answers, ignoring any answer the quiz does not accept.
    pub fn from_answers(content: &Content, answers: &Answers) -> Profile {
        let t = &content.taxonomy;
        let ids: [Vec<&str>; 4] = Group::ALL.map(|g| t.dimension_ids(g));
        let mut tallies: [Vec<Tally>; 4] = ids.clone().map(|v| vec![Tally::default(); v.len()]);
        let locate = |dim: &str| -> Option<(usize, usize)> {
            ids.iter()
                .enumerate()
                .find_map(|(g, list)| list.iter().position(|d| *d == dim).map(|i| (g, i)))
        };
        let mut profile_counts = (0, 0, 0);
        for item in &content.quiz.items {
            let rated = item.format.scale().is_some();
            if rated {
                profile_counts.1 += 1;
            }
            let chosen = answers.chosen(&item.id);
            if chosen.is_empty() || content.quiz.check_answer(&item.id, chosen).is_err() {
                continue;
            }
            for option in &item.options {
                let picked = chosen.contains(&option.id);
                let value = match (item.format, picked) {
                    (_, true) => option.evidence,
                    (Format::ThisOrThat | Format::Subjects, false) => Some(0.0),
                    _ => None,
                };
                let Some(value) = value else { continue };
                if picked && rated {
                    profile_counts.0 += 1;
                }
                if picked && item.format == Format::Subjects {
                    profile_counts.2 += 1;
                }
                for (dim, points) in &option.adds {
                    let Some((g, i)) = locate(dim) else { continue };
                    // Disliking an activity says nothing about ability: only the student's
                    // own "I'm good at" rating can count against a skill.
                    if value < 0.0
                        && Group::ALL[g] == Group::Skills
                        && item.format != Format::Rating
                    {
                        continue;
                    }
                    let tally = &mut tallies[g][i];
                    tally.sum += f64::from(*points) * value;
                    tally.weight += f64::from(*points);
                    if value > 0.0 {
                        tally.support += 1;
                    }
                    if item.format == Format::Rating {
                        tally.rated_low |= value <= 0.0;
                        tally.rated_high |= value > 0.0;
                    }
                }
            }
        }
        let mut profile = Profile {
            tallies,
            scores: Default::default(),
            units: Default::default(),
            subjects_picked: profile_counts.2,
            rated_opinions: profile_counts.0,
            rated_items: profile_counts.1,
        };
        profile.spread_broad_subjects(t);
        profile.scores = profile.tallies.clone().map(|group| {
            group
                .iter()
                .map(|t| (t.weight > 0.0).then(|| (t.sum / t.weight).clamp(-1.0, 1.0)))
                .collect()
        });
        profile.units = profile
            .scores
            .clone()
            .map(|group| group.iter().map(|v| v.map(|v| (v + 1.0) / 2.0)).collect());
        profile
    }

    /// A broad subject ("Science") counts for each subject it covers.
    fn spread_broad_subjects(&mut self, t: &Taxonomy) {
        let g = group_index(Group::Subjects);
        for (i, subject) in t.subjects.iter().enumerate() {
            let broad = self.tallies[g][i];
            for covered in &subject.covers {
                if let Some(j) = t.subjects.iter().position(|s| &s.id == covered)
                    && broad.sum > self.tallies[g][j].sum
                {
                    self.tallies[g][j] = broad;
                }
            }
        }
    }

    fn tally(&self, group: Group, index: usize) -> Option<&Tally> {
        self.tallies[group_index(group)].get(index)
    }

    /// The group's scores in taxonomy order: `None` where no answer is evidence about a
    /// dimension, else from −1 (against) through 0 (none of it) to 1 (all for it). Subjects
    /// run from 0 (not picked) to 1 (picked).
    pub fn group(&self, group: Group) -> &[Option<f64>] {
        &self.scores[group_index(group)]
    }

    /// The group's scores on the roles' 0..=1 scale, for comparing shapes.
    pub fn unit_group(&self, group: Group) -> &[Option<f64>] {
        &self.units[group_index(group)]
    }

    /// One dimension's score by id.
    pub fn get(&self, taxonomy: &Taxonomy, id: &str) -> Option<f64> {
        let (group, at) = locate(taxonomy, id)?;
        self.group(group)[at]
    }

    /// True when the answers speak against this dimension, or do not speak for it at all:
    /// a net score of 0 or below, or the student's own rating of the skill at "getting there"
    /// or below. Nothing shown to the student may claim it as theirs.
    pub fn against(&self, taxonomy: &Taxonomy, id: &str) -> bool {
        let Some((group, at)) = locate(taxonomy, id) else {
            return true;
        };
        let Some(t) = self.tally(group, at) else {
            return true;
        };
        t.rated_low || t.weight <= 0.0 || t.sum <= 0.0
    }

    /// True when the student can be told this is one of their strengths: their own rating
    /// says so, or at least two answers spoke for it, and nothing speaks against it.
    pub fn well_supported(&self, taxonomy: &Taxonomy, id: &str) -> bool {
        let Some((group, at)) = locate(taxonomy, id) else {
            return false;
        };
        let Some(t) = self.tally(group, at) else {
            return false;
        };
        !self.against(taxonomy, id) && (t.rated_high || t.support >= 2)
    }

    /// How many subjects the student picked.
    pub fn subjects_picked(&self) -> usize {
        self.subjects_picked
    }

    /// Rated cards answered with an opinion, and rated cards in the quiz.
    pub fn rated_opinions(&self) -> (usize, usize) {
        (self.rated_opinions, self.rated_items)
    }

    pub fn confidence(&self) -> Confidence {
        let share = self.rated_opinions as f64 / self.rated_items.max(1) as f64;
        if share >= ENOUGH_EVIDENCE {
            Confidence::Enough
        } else if share >= SOME_EVIDENCE {
            Confidence::Some
        } else {
            Confidence::Little
        }
    }

    /// True when no answered item measured anything: there is nothing to match on.
    pub fn is_empty(&self) -> bool {
        self.tallies.iter().flatten().all(|t| t.weight <= 0.0)
    }

    /// True when the student gave at least one answer that counted in this group (for
    /// subjects: chose at least one).
    pub fn has(&self, group: Group) -> bool {
        match group {
            Group::Subjects => self.subjects_picked > 0,
            _ => self.group(group).iter().any(Option::is_some),
        }
    }
}

fn locate(taxonomy: &Taxonomy, id: &str) -> Option<(Group, usize)> {
    let group = taxonomy.group_of(id)?;
    let at = taxonomy
        .dimension_ids(group)
        .iter()
        .position(|d| *d == id)?;
    Some((group, at))
}
