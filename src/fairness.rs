//! A simulation of many students, to show the catalogue is fair: every role can reach
//! someone's top five, no role dominates, and the families share the results. Used by a
//! test (which fails if a role becomes unreachable) and by `content fairness`, whose report
//! is recorded in `docs/fairness.md`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{RngExt, SeedableRng};

use crate::content::{Answers, Content, Format, Group};
use crate::matching::{MatchKind, Matcher, Profile};

/// The "top five" the fairness figures are about.
pub const TOP: usize = 5;
/// Share of items a simulated student skips.
const SKIP_CHANCE: f64 = 0.1;

/// Answers picked at random: each item skipped one time in ten, otherwise any option.
pub fn random_answers(content: &Content, rng: &mut StdRng) -> Answers {
    let mut answers = Answers::new();
    for item in &content.quiz.items {
        if rng.random_bool(SKIP_CHANCE) {
            continue;
        }
        let mut ids: Vec<&str> = item.options.iter().map(|o| o.id.as_str()).collect();
        ids.shuffle(rng);
        let n = rng.random_range(1..=item.max_choices.min(ids.len()));
        answers
            .answer(&content.quiz, &item.id, &ids[..n])
            .expect("options taken from the item itself are valid");
    }
    answers
}

/// Answers from a made-up person with a few strong likes: a random preference for every
/// dimension, skewed so most are low and a few high, then answered consistently with a
/// little noise. These look like real students far more than random answers do.
pub fn persona_answers(content: &Content, rng: &mut StdRng) -> Answers {
    let t = &content.taxonomy;
    let dims: Vec<&str> = Group::ALL
        .iter()
        .flat_map(|g| t.dimension_ids(*g))
        .collect();
    let liking: BTreeMap<&str, f64> = dims
        .iter()
        .map(|d| (*d, rng.random_range(0.0..1.0f64).powi(3)))
        .collect();
    let appeal = |adds: &[(String, u32)]| -> f64 {
        let total: u32 = adds.iter().map(|(_, p)| p).sum();
        if total == 0 {
            return 0.0;
        }
        adds.iter()
            .map(|(d, p)| liking.get(d.as_str()).copied().unwrap_or(0.0) * f64::from(*p))
            .sum::<f64>()
            / f64::from(total)
    };
    let mut answers = Answers::new();
    for item in &content.quiz.items {
        if rng.random_bool(SKIP_CHANCE) {
            continue;
        }
        let chosen: Vec<&str> = match item.format {
            // Rated items: options run from the most to the least keen. How keen the person is
            // on the top option decides how far down the scale they answer.
            Format::Activity | Format::Rating => {
                let keen = (appeal(&item.options[0].adds) + rng.random_range(-0.15..0.15))
                    .clamp(0.0, 0.999);
                let n = item.options.len();
                let at = ((1.0 - keen) * n as f64) as usize;
                vec![item.options[at.min(n - 1)].id.as_str()]
            }
            Format::ThisOrThat | Format::Scenario | Format::Subjects => {
                let mut scored: Vec<(f64, &str)> = item
                    .options
                    .iter()
                    .map(|o| (appeal(&o.adds) + rng.random_range(0.0..0.1), o.id.as_str()))
                    .collect();
                scored.sort_by(|a, b| b.0.total_cmp(&a.0));
                let n = rng.random_range(1..=item.max_choices);
                scored.into_iter().take(n).map(|(_, id)| id).collect()
            }
        };
        answers
            .answer(&content.quiz, &item.id, &chosen)
            .expect("options taken from the item itself are valid");
    }
    answers
}

#[derive(Debug, Clone, PartialEq)]
pub struct FamilyShare {
    pub family: String,
    pub roles: usize,
    /// Share of the catalogue's roles in this family.
    pub catalogue_share: f64,
    /// Share of all top-five places that went to this family.
    pub top_share: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub students: usize,
    pub random_students: usize,
    pub seed: u64,
    pub roles: usize,
    /// For each role id: how many students had it in their top five.
    pub top_counts: BTreeMap<String, usize>,
    /// Roles that never reached anyone's top five.
    pub unreachable: Vec<String>,
    /// Roles that never appeared anywhere on a results list (top matches or wildcard).
    pub never_shown: Vec<String>,
    pub families: Vec<FamilyShare>,
    /// Share of top-five places held by non-clinical roles.
    pub non_clinical_top_share: f64,
    /// Share of results lists whose top matches include a non-clinical role without help.
    pub lists_with_natural_non_clinical: f64,
}

impl Report {
    /// Share of roles that reached at least one top five.
    pub fn reach(&self) -> f64 {
        1.0 - self.unreachable.len() as f64 / self.roles.max(1) as f64
    }

    /// The role in the most students' top five, and the share of students it reached.
    pub fn most_reached(&self) -> (&str, f64) {
        self.top_counts
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(id, n)| (id.as_str(), *n as f64 / self.students.max(1) as f64))
            .unwrap_or(("", 0.0))
    }

    /// The report as Markdown, for `docs/fairness.md`.
    pub fn to_markdown(&self) -> String {
        let pct = |x: f64| format!("{:.1} %", x * 100.0);
        let mut s = String::new();
        let (top_role, top_share) = self.most_reached();
        let _ = writeln!(s, "| Figure | Value |\n| --- | --- |");
        let _ = writeln!(
            s,
            "| Students simulated | {} ({} persona-like, {} random; seed {}) |",
            self.students,
            self.students - self.random_students,
            self.random_students,
            self.seed
        );
        let _ = writeln!(s, "| Roles in the catalogue | {} |", self.roles);
        let _ = writeln!(
            s,
            "| Roles that reach at least one student's top {TOP} | {} of {} ({}) |",
            self.roles - self.unreachable.len(),
            self.roles,
            pct(self.reach())
        );
        let _ = writeln!(
            s,
            "| Largest share of students one role reaches (top {TOP}) | {} ({top_role}) |",
            pct(top_share)
        );
        let _ = writeln!(
            s,
            "| Roles never shown on any results list | {} |",
            self.never_shown.len()
        );
        let _ = writeln!(
            s,
            "| Top-{TOP} places held by non-clinical roles | {} |",
            pct(self.non_clinical_top_share)
        );
        let _ = writeln!(
            s,
            "| Results lists with a non-clinical role among the top matches before any is added | {} |",
            pct(self.lists_with_natural_non_clinical)
        );
        if !self.unreachable.is_empty() {
            let _ = writeln!(
                s,
                "\nUnreachable roles (a bug in their profile): {}",
                self.unreachable.join(", ")
            );
        }
        let _ = writeln!(
            s,
            "\n### Families\n\n| Family | Roles | Share of catalogue | Share of top-{TOP} places |\n| --- | --- | --- | --- |"
        );
        for f in &self.families {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} |",
                f.family,
                f.roles,
                pct(f.catalogue_share),
                pct(f.top_share)
            );
        }
        let mut by_count: Vec<(&String, &usize)> = self.top_counts.iter().collect();
        by_count.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let list = |rows: &[(&String, &usize)]| -> String {
            rows.iter()
                .map(|(id, n)| format!("{id} ({})", pct(**n as f64 / self.students.max(1) as f64)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = writeln!(
            s,
            "\nMost reached: {}",
            list(&by_count[..by_count.len().min(10)])
        );
        let tail = &by_count[by_count.len().saturating_sub(10)..];
        let _ = writeln!(s, "\nLeast reached: {}", list(tail));
        s
    }
}

/// Simulates `students` students (a tenth answering at random, the rest persona-like) and
/// reports how the results spread over roles and families. The same seed gives the same report.
pub fn simulate(content: &Content, students: usize, seed: u64) -> Report {
    let matcher = Matcher::new(content);
    let mut rng = StdRng::seed_from_u64(seed);
    let roles = &content.roles;
    let mut top_counts: BTreeMap<String, usize> = roles.iter().map(|r| (r.id.clone(), 0)).collect();
    let mut shown_ever = vec![false; roles.len()];
    let mut family_places: BTreeMap<&str, usize> = BTreeMap::new();
    let (mut places, mut non_clinical_places, mut natural) = (0usize, 0usize, 0usize);
    let random_students = students / 10;
    for n in 0..students {
        let answers = if n < random_students {
            random_answers(content, &mut rng)
        } else {
            persona_answers(content, &mut rng)
        };
        let profile = Profile::from_answers(content, &answers);
        for r in matcher.rank(&profile).iter().take(TOP) {
            let role = &roles[r.role];
            *top_counts.entry(role.id.clone()).or_default() += 1;
            *family_places.entry(role.family.as_str()).or_default() += 1;
            places += 1;
            non_clinical_places += usize::from(!role.clinical);
        }
        let results = matcher.results(&answers);
        for m in &results.matches {
            shown_ever[m.role] = true;
        }
        natural += usize::from(
            !results
                .matches
                .iter()
                .any(|m| m.kind == MatchKind::NonClinical),
        );
    }
    let unreachable = top_counts
        .iter()
        .filter(|(_, n)| **n == 0)
        .map(|(id, _)| id.clone())
        .collect();
    let never_shown = roles
        .iter()
        .zip(&shown_ever)
        .filter(|(_, s)| !**s)
        .map(|(r, _)| r.id.clone())
        .collect();
    let families = content
        .taxonomy
        .families
        .iter()
        .map(|f| {
            let count = roles.iter().filter(|r| r.family == f.id).count();
            FamilyShare {
                family: f.id.clone(),
                roles: count,
                catalogue_share: count as f64 / roles.len().max(1) as f64,
                top_share: family_places.get(f.id.as_str()).copied().unwrap_or(0) as f64
                    / places.max(1) as f64,
            }
        })
        .collect();
    Report {
        students,
        random_students,
        seed,
        roles: roles.len(),
        top_counts,
        unreachable,
        never_shown,
        families,
        non_clinical_top_share: non_clinical_places as f64 / places.max(1) as f64,
        lists_with_natural_non_clinical: natural as f64 / students.max(1) as f64,
    }
}
