//! "Strengths first": what a student's answers say about them, in positive words, from the
//! same profile the matches use, plus the numbers for a simple interest chart. A strength is
//! only named when the answers clearly speak for it and nothing the student said speaks
//! against it (a skill they rated "not yet" is never called one of theirs).

use crate::content::{Dimension, Group, Taxonomy};

use super::profile::Profile;

/// At most this many of each kind are named as strengths.
pub const TOP_INTERESTS: usize = 3;
pub const TOP_SKILLS: usize = 3;
pub const TOP_WORK_STYLES: usize = 2;
/// An interest counts as a strength if it scores at least this share of the student's top one.
const NEAR_THE_TOP: f64 = 0.6;
/// Any strength needs at least this score (−1 against … 1 for): "like it" on most of its cards.
const CLEAR_LEAN: f64 = 0.5;

#[derive(Debug, Clone, PartialEq)]
pub struct Strength {
    pub id: String,
    pub name: String,
    /// The positive sentence from the taxonomy.
    pub text: String,
    /// 0 to 100.
    pub percent: u8,
}

/// One bar of the interest chart; `percent` is `None` if no answered item measured it.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartBar {
    pub id: String,
    pub name: String,
    pub percent: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Strengths {
    pub interests: Vec<Strength>,
    pub skills: Vec<Strength>,
    pub work_styles: Vec<Strength>,
    /// Every interest type in taxonomy order, for the chart.
    pub chart: Vec<ChartBar>,
}

impl Strengths {
    /// True when nothing stands out yet (the strings file has words for that).
    pub fn is_empty(&self) -> bool {
        self.interests.is_empty() && self.skills.is_empty() && self.work_styles.is_empty()
    }
}

/// A score as the chart's percentage: how far the answers speak for it (against counts as 0).
fn percent(score: f64) -> u8 {
    (score * 100.0).round().clamp(0.0, 100.0) as u8
}

/// The group's well-supported dimensions, highest first; equal scores keep taxonomy order.
fn ranked<'a>(
    taxonomy: &Taxonomy,
    profile: &Profile,
    dims: &'a [Dimension],
    scores: &[Option<f64>],
) -> Vec<(&'a Dimension, f64)> {
    let mut ranked: Vec<(&Dimension, f64)> = dims
        .iter()
        .zip(scores)
        .filter_map(|(d, s)| s.map(|s| (d, s)))
        .filter(|(d, s)| *s >= CLEAR_LEAN && profile.well_supported(taxonomy, &d.id))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    ranked
}

fn strength((d, score): (&Dimension, f64)) -> Strength {
    Strength {
        id: d.id.clone(),
        name: d.name.clone(),
        text: d.strength.clone(),
        percent: percent(score),
    }
}

pub fn strengths(taxonomy: &Taxonomy, profile: &Profile) -> Strengths {
    let scores = |g: Group| profile.group(g);
    let interests = ranked(
        taxonomy,
        profile,
        &taxonomy.interests,
        scores(Group::Interests),
    );
    let top = interests.first().map_or(0.0, |(_, s)| *s);
    let take = |list: Vec<(&Dimension, f64)>, n: usize| -> Vec<Strength> {
        list.into_iter().take(n).map(strength).collect()
    };
    Strengths {
        interests: take(
            interests
                .into_iter()
                .filter(|(_, s)| *s >= top * NEAR_THE_TOP)
                .collect(),
            TOP_INTERESTS,
        ),
        skills: take(
            ranked(taxonomy, profile, &taxonomy.skills, scores(Group::Skills)),
            TOP_SKILLS,
        ),
        work_styles: take(
            ranked(
                taxonomy,
                profile,
                &taxonomy.work_styles,
                scores(Group::WorkStyle),
            ),
            TOP_WORK_STYLES,
        ),
        chart: taxonomy
            .interests
            .iter()
            .zip(scores(Group::Interests))
            .map(|(d, s)| ChartBar {
                id: d.id.clone(),
                name: d.name.clone(),
                percent: s.map(percent),
            })
            .collect(),
    }
}
