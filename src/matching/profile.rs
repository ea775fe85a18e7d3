//! A student's profile: for every interest, skill, work style and subject, the share of the
//! points they could have scored on the items they answered. Skipped items count for nothing
//! either way, so partial answers give a fair profile of what was answered.

use crate::content::{Answers, Content, Group, Taxonomy};

#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// Indexed by `Group::ALL` order, then by the taxonomy's order within the group.
    /// `None`: no answered item measures this dimension. `Some(x)`: 0.0 ..= 1.0.
    groups: [Vec<Option<f64>>; 4],
}

fn group_index(group: Group) -> usize {
    Group::ALL.iter().position(|g| *g == group).unwrap_or(0)
}

impl Profile {
    /// Builds the profile from the answers, ignoring any answer the quiz does not accept.
    pub fn from_answers(content: &Content, answers: &Answers) -> Profile {
        let t = &content.taxonomy;
        let ids: [Vec<&str>; 4] = Group::ALL.map(|g| t.dimension_ids(g));
        let mut scored: [Vec<f64>; 4] = ids.clone().map(|v| vec![0.0; v.len()]);
        let mut possible: [Vec<f64>; 4] = ids.clone().map(|v| vec![0.0; v.len()]);
        let locate = |dim: &str| -> Option<(usize, usize)> {
            ids.iter()
                .enumerate()
                .find_map(|(g, list)| list.iter().position(|d| *d == dim).map(|i| (g, i)))
        };
        for item in &content.quiz.items {
            let chosen = answers.chosen(&item.id);
            if chosen.is_empty() || content.quiz.check_answer(&item.id, chosen).is_err() {
                continue;
            }
            // What the item could have given each dimension: its best option's points.
            let mut best: Vec<((usize, usize), f64)> = Vec::new();
            for option in &item.options {
                for (dim, points) in &option.adds {
                    let Some(at) = locate(dim) else { continue };
                    match best.iter_mut().find(|(k, _)| *k == at) {
                        Some((_, v)) => *v = v.max(f64::from(*points)),
                        None => best.push((at, f64::from(*points))),
                    }
                }
            }
            for ((g, i), max) in best {
                possible[g][i] += max;
            }
            for option_id in chosen {
                let Some(option) = item.option(option_id) else {
                    continue;
                };
                for (dim, points) in &option.adds {
                    if let Some((g, i)) = locate(dim) {
                        scored[g][i] += f64::from(*points);
                    }
                }
            }
        }
        let groups = std::array::from_fn(|g| {
            scored[g]
                .iter()
                .zip(&possible[g])
                .map(|(s, p)| (*p > 0.0).then(|| (s / p).min(1.0)))
                .collect()
        });
        Profile { groups }
    }

    /// The group's scores in taxonomy order.
    pub fn group(&self, group: Group) -> &[Option<f64>] {
        &self.groups[group_index(group)]
    }

    /// One dimension's score by id.
    pub fn get(&self, taxonomy: &Taxonomy, id: &str) -> Option<f64> {
        let group = taxonomy.group_of(id)?;
        let at = taxonomy
            .dimension_ids(group)
            .iter()
            .position(|d| *d == id)?;
        self.group(group)[at]
    }

    /// True when no answered item measured anything: there is nothing to match on.
    pub fn is_empty(&self) -> bool {
        self.groups.iter().flatten().all(Option::is_none)
    }

    /// True when the student gave at least one answer that counted in this group (for
    /// subjects: chose at least one).
    pub fn has(&self, group: Group) -> bool {
        let scores = self.group(group);
        match group {
            Group::Subjects => scores.iter().flatten().any(|s| *s > 0.0),
            _ => scores.iter().any(Option::is_some),
        }
    }
}
