//! How one role is scored against a student's profile: a similarity for each group of
//! dimensions, combined with explicit weights into a fit from 0 to 100.

use crate::content::{Content, Group, PROFILE_MAX, Role};

use super::profile::Profile;

/// How much each group counts towards the fit. They add up to 1. Interests lead, as in
/// interest-based career guidance; subjects and skills tie the result to school and to what
/// the student can already do; work style breaks ties between similar jobs.
pub const WEIGHTS: [(Group, f64); 4] = [
    (Group::Interests, 0.45),
    (Group::Skills, 0.20),
    (Group::Subjects, 0.20),
    (Group::WorkStyle, 0.15),
];

/// Weight of a role's subjects by their place in its list: the first matters most.
pub const SUBJECT_POSITION_WEIGHTS: [f64; 4] = [1.0, 0.85, 0.7, 0.6];

/// Two chosen subjects that the role uses at the front of its list make a full subject match;
/// one alone is half of one.
const SUBJECTS_FOR_FULL_MATCH: f64 = 2.0;

/// Below this spread a set of scores has no shape to compare (every answer the same).
const FLAT: f64 = 1e-9;

pub fn weight(group: Group) -> f64 {
    WEIGHTS
        .iter()
        .find(|(g, _)| *g == group)
        .map_or(0.0, |(_, w)| *w)
}

/// A role's numbers, scaled to 0..=1 in taxonomy order, ready to compare.
#[derive(Debug, Clone)]
pub(crate) struct RoleVector {
    pub interests: Vec<f64>,
    pub skills: Vec<f64>,
    pub work_style: Vec<f64>,
    /// (subject index in the taxonomy, weight by position in the role's list).
    pub subjects: Vec<(usize, f64)>,
}

impl RoleVector {
    pub fn new(content: &Content, role: &Role) -> Self {
        let t = &content.taxonomy;
        let scale = |group: Group, values: &std::collections::BTreeMap<String, i64>| {
            t.dimension_ids(group)
                .iter()
                .map(|d| values.get(*d).copied().unwrap_or(0) as f64 / PROFILE_MAX as f64)
                .collect()
        };
        let subject_ids = t.dimension_ids(Group::Subjects);
        let subjects = role
            .subjects
            .iter()
            .enumerate()
            .filter_map(|(pos, s)| {
                let at = subject_ids.iter().position(|id| id == s)?;
                let w = SUBJECT_POSITION_WEIGHTS
                    .get(pos)
                    .or(SUBJECT_POSITION_WEIGHTS.last())
                    .copied()?;
                Some((at, w))
            })
            .collect();
        Self {
            interests: scale(Group::Interests, &role.interests),
            skills: scale(Group::Skills, &role.skills),
            work_style: scale(Group::WorkStyle, &role.work_style),
            subjects,
        }
    }

    /// The role's value (0..=1) for a dimension of a profiled group, by index.
    pub fn value(&self, group: Group, index: usize) -> f64 {
        let values = match group {
            Group::Interests => &self.interests,
            Group::Skills => &self.skills,
            Group::WorkStyle => &self.work_style,
            Group::Subjects => {
                return self
                    .subjects
                    .iter()
                    .find(|(i, _)| *i == index)
                    .map_or(0.0, |(_, w)| *w);
            }
        };
        values.get(index).copied().unwrap_or(0.0)
    }
}

/// How a role scored in each group (`None`: the student gave nothing to compare) and overall.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    /// 0.0 ..= 1.0.
    pub total: f64,
    /// Similarity per group in `Group::ALL` order.
    pub parts: [Option<f64>; 4],
}

impl Score {
    /// The fit shown to students, 0 to 100.
    pub fn fit(&self) -> u8 {
        (self.total * 100.0).round().clamp(0.0, 100.0) as u8
    }
}

pub(crate) fn score(profile: &Profile, role: &RoleVector) -> Option<Score> {
    let parts = Group::ALL.map(|g| match g {
        Group::Interests => shape_similarity(profile.unit_group(g), &role.interests),
        Group::Skills => shape_similarity(profile.unit_group(g), &role.skills),
        Group::WorkStyle => shape_similarity(profile.unit_group(g), &role.work_style),
        Group::Subjects => subject_similarity(profile.group(g), &role.subjects),
    });
    let combine = |with_subjects: bool| -> Option<f64> {
        let (mut sum, mut weights) = (0.0, 0.0);
        for (g, part) in Group::ALL.iter().zip(parts) {
            if let Some(s) = part
                && (with_subjects || *g != Group::Subjects)
            {
                sum += weight(*g) * s;
                weights += weight(*g);
            }
        }
        // A group the student skipped entirely is left out; the others share its weight.
        (weights > 0.0).then(|| (sum / weights).clamp(0.0, 1.0))
    };
    // Subjects can raise a fit but never lower it: enjoying a subject a job does not use
    // says nothing against the job.
    let total = match (combine(true), combine(false)) {
        (Some(a), Some(b)) => a.max(b),
        (a, b) => a.or(b)?,
    };
    Some(Score { total, parts })
}

/// How closely the student's scores follow the role's, over the dimensions the student's
/// answers measured. With three or more measured and both sides having a shape, this is the
/// correlation (as O*NET compares interest profiles) mapped to 0..=1: it rewards the same
/// high and low points, whatever the overall level. With fewer, it is the closeness of the
/// values themselves. A student whose answers are all the same has no shape, so every role
/// gets the neutral 0.5 and the other groups decide.
pub(crate) fn shape_similarity(student: &[Option<f64>], role: &[f64]) -> Option<f64> {
    let pairs: Vec<(f64, f64)> = student
        .iter()
        .zip(role)
        .filter_map(|(s, r)| s.map(|s| (s, *r)))
        .collect();
    if pairs.is_empty() {
        return None;
    }
    let n = pairs.len() as f64;
    if pairs.len() < 3 {
        let distance: f64 = pairs.iter().map(|(s, r)| (s - r).abs()).sum::<f64>() / n;
        return Some(1.0 - distance);
    }
    let (ms, mr) = pairs
        .iter()
        .fold((0.0, 0.0), |(a, b), (s, r)| (a + s / n, b + r / n));
    let (mut cov, mut vs, mut vr) = (0.0, 0.0, 0.0);
    for (s, r) in &pairs {
        cov += (s - ms) * (r - mr);
        vs += (s - ms) * (s - ms);
        vr += (r - mr) * (r - mr);
    }
    if vs < FLAT || vr < FLAT {
        return Some(0.5);
    }
    let r = (cov / (vs * vr).sqrt()).clamp(-1.0, 1.0);
    Some((r + 1.0) / 2.0)
}

/// How many of the student's chosen subjects the role uses, counting those near the front
/// of the role's list more. It takes two at the front for a full match, so one subject
/// alone never decides a fit. `None` when the student chose no subjects.
pub(crate) fn subject_similarity(student: &[Option<f64>], role: &[(usize, f64)]) -> Option<f64> {
    let chosen: f64 = student.iter().flatten().sum();
    if chosen <= 0.0 {
        return None;
    }
    let hits: f64 = role
        .iter()
        .map(|(i, w)| student.get(*i).copied().flatten().unwrap_or(0.0) * w)
        .sum();
    Some((hits / SUBJECTS_FOR_FULL_MATCH).min(1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn weights_add_up_to_one() {
        assert!(close(WEIGHTS.iter().map(|(_, w)| w).sum::<f64>(), 1.0));
    }

    #[test]
    fn same_shape_scores_one_and_opposite_scores_zero() {
        let role = [1.0, 0.2, 0.0, 0.6];
        let same: Vec<Option<f64>> = role.iter().map(|v| Some(v * 0.5)).collect();
        assert!(close(shape_similarity(&same, &role).unwrap(), 1.0));
        let opposite: Vec<Option<f64>> = role.iter().map(|v| Some(1.0 - v)).collect();
        assert!(close(shape_similarity(&opposite, &role).unwrap(), 0.0));
    }

    #[test]
    fn unmeasured_dimensions_are_left_out() {
        let role = [1.0, 0.0, 0.5, 0.0];
        assert_eq!(shape_similarity(&[None, None, None, None], &role), None);
        // Only one dimension measured: compare the values themselves.
        let one = [Some(1.0), None, None, None];
        assert!(close(shape_similarity(&one, &role).unwrap(), 1.0));
        let low = [Some(0.0), None, None, None];
        assert!(close(shape_similarity(&low, &role).unwrap(), 0.0));
    }

    #[test]
    fn a_flat_student_is_neutral_for_every_role() {
        let flat = [Some(0.7); 4];
        assert!(close(
            shape_similarity(&flat, &[1.0, 0.0, 0.0, 0.0]).unwrap(),
            0.5
        ));
        assert!(close(
            shape_similarity(&flat, &[0.0, 1.0, 1.0, 0.2]).unwrap(),
            0.5
        ));
    }

    #[test]
    fn subjects_count_position_and_cap_at_two() {
        // Student chose subjects 0, 1 and 2.
        let student = [Some(1.0), Some(1.0), Some(1.0), Some(0.0)];
        // Role lists subject 0 first: one full-weight hit out of two needed.
        assert!(close(
            subject_similarity(&student, &[(0, 1.0)]).unwrap(),
            0.5
        ));
        // Two hits at the front: a full match.
        assert!(close(
            subject_similarity(&student, &[(1, 1.0), (2, 0.85)]).unwrap(),
            0.925
        ));
        assert!(close(
            subject_similarity(&student, &[(0, 1.0), (1, 0.85), (2, 0.7)]).unwrap(),
            1.0
        ));
        // No hit.
        assert!(close(
            subject_similarity(&student, &[(3, 1.0)]).unwrap(),
            0.0
        ));
        // No subjects chosen: nothing to compare.
        assert_eq!(
            subject_similarity(&[Some(0.0), Some(0.0)], &[(0, 1.0)]),
            None
        );
        // One chosen and matched first: half a match, so one subject never decides a fit.
        assert!(close(
            subject_similarity(&[Some(1.0), Some(0.0)], &[(0, 1.0)]).unwrap(),
            0.5
        ));
    }
}
