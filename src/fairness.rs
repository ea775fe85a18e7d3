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
use crate::matching::{FitBand, MatchKind, Matcher, Profile};

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
    answers_from_liking(content, &liking, rng)
}

/// A student who taps "Not sure" on every activity card but two, and answers everything
/// else (the "I'm good at" ratings and forced choices) at random: the answers of a low
/// reader or a student new to English who is unsure of the words. They must never be told
/// they have a strong match.
pub fn unsure_answers(content: &Content, rng: &mut StdRng) -> Answers {
    let mut answers = random_answers(content, rng);
    let mut cards: Vec<&crate::content::Item> = content
        .quiz
        .items
        .iter()
        .filter(|i| i.options.iter().any(|o| o.evidence.is_none()))
        .collect();
    cards.shuffle(rng);
    for item in cards.into_iter().skip(UNSURE_EXCEPTIONS) {
        let unsure = item.options.iter().find(|o| o.evidence.is_none());
        if let Some(o) = unsure {
            answers
                .answer(&content.quiz, &item.id, &[o.id.as_str()])
                .expect("a scale level is a valid answer");
        }
    }
    answers
}

/// Activity cards an "unsure" student answers with an opinion after all.
const UNSURE_EXCEPTIONS: usize = 2;

/// A kind of student named in the brief, with what they like (dimension → 0..=1, others 0)
/// and the families a careers adviser would call plausible for them.
pub struct Persona {
    pub name: &'static str,
    pub likes: &'static [(&'static str, f64)],
    pub plausible: &'static [&'static str],
}

pub const PERSONAS: &[Persona] = &[
    Persona {
        name: "gamer",
        likes: &[
            ("digital", 1.0),
            ("investigative", 0.6),
            ("problem_solving", 0.7),
            ("desk", 0.8),
            ("solo", 0.6),
            ("behind_scenes", 0.7),
            ("computing", 1.0),
            ("maths", 0.6),
        ],
        plausible: &[
            "digital",
            "healthcare_science",
            "wider_team",
            "public_health",
        ],
    },
    Persona {
        name: "cook",
        likes: &[
            ("realistic", 0.9),
            ("practical", 0.9),
            ("team", 0.6),
            ("active", 0.6),
            ("food", 1.0),
            ("design_technology", 0.5),
        ],
        plausible: &[
            "wider_team",
            "allied_health",
            "estates",
            "healthcare_support",
            "social_care",
        ],
    },
    Persona {
        name: "lab scientist",
        likes: &[
            ("investigative", 1.0),
            ("problem_solving", 0.9),
            ("conventional", 0.5),
            ("numbers", 0.6),
            ("behind_scenes", 0.6),
            ("science", 1.0),
            ("chemistry", 0.9),
            ("biology", 0.9),
        ],
        plausible: &[
            "healthcare_science",
            "pharmacy",
            "public_health",
            "doctors",
            "digital",
        ],
    },
    Persona {
        name: "carer",
        likes: &[
            ("social", 1.0),
            ("empathy", 1.0),
            ("communication", 0.8),
            ("face_to_face", 0.9),
            ("team", 0.6),
            ("pshe", 0.9),
            ("biology", 0.5),
        ],
        plausible: &[
            "social_care",
            "nursing",
            "healthcare_support",
            "midwifery",
            "allied_health",
            "psychological",
            "ambulance",
        ],
    },
    Persona {
        name: "organiser",
        likes: &[
            ("conventional", 1.0),
            ("organising", 1.0),
            ("numbers", 0.7),
            ("routine", 0.9),
            ("desk", 0.8),
            ("maths", 0.9),
            ("english", 0.6),
        ],
        plausible: &[
            "wider_team",
            "digital",
            "pharmacy",
            "public_health",
            "ambulance",
        ],
    },
    Persona {
        name: "builder",
        likes: &[
            ("realistic", 1.0),
            ("practical", 1.0),
            ("problem_solving", 0.6),
            ("active", 0.7),
            ("design_technology", 1.0),
            ("physics", 0.7),
        ],
        plausible: &[
            "estates",
            "healthcare_science",
            "allied_health",
            "dental",
            "wider_team",
        ],
    },
    Persona {
        name: "artist",
        likes: &[
            ("artistic", 1.0),
            ("creativity", 1.0),
            ("solo", 0.5),
            ("art", 1.0),
            ("design_technology", 0.6),
        ],
        plausible: &[
            "allied_health",
            "estates",
            "digital",
            "healthcare_science",
            "social_care",
            "psychological",
            "dental",
        ],
    },
    Persona {
        name: "athlete",
        likes: &[
            ("active", 1.0),
            ("realistic", 0.7),
            ("team", 0.8),
            ("variety", 0.7),
            ("staying_calm", 0.5),
            ("pe", 1.0),
            ("biology", 0.6),
        ],
        plausible: &[
            "allied_health",
            "ambulance",
            "estates",
            "healthcare_support",
            "wider_team",
            "nursing",
        ],
    },
    Persona {
        name: "leader",
        likes: &[
            ("enterprising", 1.0),
            ("communication", 0.9),
            ("organising", 0.7),
            ("team", 0.7),
            ("face_to_face", 0.6),
            ("english", 0.8),
        ],
        plausible: &[
            "wider_team",
            "social_care",
            "public_health",
            "digital",
            "estates",
            "pharmacy",
        ],
    },
    Persona {
        name: "animal lover",
        likes: &[
            ("realistic", 0.8),
            ("social", 0.7),
            ("active", 0.7),
            ("empathy", 0.6),
            ("biology", 0.9),
            ("science", 0.6),
        ],
        plausible: &[
            "healthcare_support",
            "social_care",
            "nursing",
            "allied_health",
            "ambulance",
            "estates",
            "healthcare_science",
        ],
    },
    Persona {
        name: "performer",
        likes: &[
            ("artistic", 1.0),
            ("communication", 0.9),
            ("face_to_face", 0.8),
            ("team", 0.7),
            ("drama", 1.0),
            ("music", 0.9),
        ],
        // Arts therapies, talking therapies, health campaigns, care activities, hospital play
        // and communications.
        plausible: &[
            "allied_health",
            "psychological",
            "public_health",
            "social_care",
            "healthcare_support",
            "wider_team",
        ],
    },
];

/// Answers from a named persona, with a little noise so no two runs are quite the same.
pub fn named_persona_answers(content: &Content, persona: &Persona, rng: &mut StdRng) -> Answers {
    let t = &content.taxonomy;
    let liking: BTreeMap<&str, f64> = Group::ALL
        .iter()
        .flat_map(|g| t.dimension_ids(*g))
        .map(|d| {
            let base = persona
                .likes
                .iter()
                .find(|(id, _)| *id == d)
                .map_or(0.05, |(_, v)| *v);
            (d, (base + rng.random_range(-0.1..0.1)).clamp(0.0, 1.0))
        })
        .collect();
    answers_from_liking(content, &liking, rng)
}

/// Answers consistent with how much a person likes each dimension.
fn answers_from_liking(
    content: &Content,
    liking: &BTreeMap<&str, f64>,
    rng: &mut StdRng,
) -> Answers {
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
    /// Of the students who answer "not sure" to nearly every card: how many were simulated,
    /// and the share shown any strong match (the goal is none).
    pub unsure_students: usize,
    pub unsure_with_strong: f64,
    /// Share of all results lists with at least one strong match (for comparison).
    pub lists_with_strong: f64,
    /// For each named persona: the share of its top-five places in plausible families.
    pub personas: Vec<(&'static str, f64)>,
    /// Wildcards shown, by family.
    pub wildcard_families: BTreeMap<String, usize>,
}

/// Runs of each named persona in a report.
pub const PERSONA_RUNS: usize = 100;

impl Report {
    /// The role reaching the most top fives, as a multiple of a fair share (every role
    /// equally often: `TOP / roles` of students).
    pub fn dominance(&self) -> f64 {
        let fair = TOP as f64 / self.roles.max(1) as f64;
        self.most_reached().1 / fair
    }

    /// The family shown most often as the wildcard, and its share of all wildcards.
    pub fn top_wildcard_family(&self) -> (&str, f64) {
        let total: usize = self.wildcard_families.values().sum();
        self.wildcard_families
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(f, n)| (f.as_str(), *n as f64 / total.max(1) as f64))
            .unwrap_or(("", 0.0))
    }
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
        let _ = writeln!(
            s,
            "| Most-reached role as a multiple of a fair share of top-{TOP} places | {:.1}× (goal: at most 3×) |",
            self.dominance()
        );
        let _ = writeln!(
            s,
            "| Results lists with at least one strong match | {} |",
            pct(self.lists_with_strong)
        );
        let _ = writeln!(
            s,
            "| Students answering \"not sure\" to nearly every card shown a strong match | {} of {} ({}; goal: none) |",
            (self.unsure_with_strong * self.unsure_students as f64).round(),
            self.unsure_students,
            pct(self.unsure_with_strong)
        );
        let (wf, ws) = self.top_wildcard_family();
        let _ = writeln!(
            s,
            "| Families the wildcard came from | {} (most often {wf}, {}) |",
            self.wildcard_families.len(),
            pct(ws)
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
        let _ = writeln!(
            s,
            "\n### Personas\n\nEach named student answered {PERSONA_RUNS} times with a little noise; the share of their top-{TOP} places in families an adviser would call plausible for them.\n\n| Persona | Plausible families | Share of top-{TOP} places in them |\n| --- | --- | --- |"
        );
        for (name, share) in &self.personas {
            let plausible = PERSONAS
                .iter()
                .find(|p| p.name == *name)
                .map_or(String::new(), |p| p.plausible.join(", "));
            let _ = writeln!(s, "| {name} | {plausible} | {} |", pct(*share));
        }
        let _ = writeln!(
            s,
            "\n### Wildcards by family\n\n| Family | Wildcards |\n| --- | --- |"
        );
        let mut wild: Vec<(&String, &usize)> = self.wildcard_families.iter().collect();
        wild.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (f, n) in wild {
            let _ = writeln!(s, "| {f} | {n} |");
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
    let (mut with_strong, mut wildcard_families) = (0usize, BTreeMap::<String, usize>::new());
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
            if m.kind == MatchKind::Wildcard {
                *wildcard_families
                    .entry(roles[m.role].family.clone())
                    .or_default() += 1;
            }
        }
        with_strong += usize::from(results.matches.iter().any(|m| m.band == FitBand::Strong));
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
    let unsure_students = students / 10;
    let unsure_strong = (0..unsure_students)
        .filter(|_| {
            let answers = unsure_answers(content, &mut rng);
            matcher
                .results(&answers)
                .matches
                .iter()
                .any(|m| m.band == FitBand::Strong)
        })
        .count();
    let personas = PERSONAS
        .iter()
        .map(|p| (p.name, persona_plausibility(&matcher, p, &mut rng)))
        .collect();
    Report {
        unsure_students,
        unsure_with_strong: unsure_strong as f64 / unsure_students.max(1) as f64,
        lists_with_strong: with_strong as f64 / students.max(1) as f64,
        personas,
        wildcard_families,
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

/// The share of a persona's top-five places that fall in its plausible families.
pub fn persona_plausibility(matcher: &Matcher, persona: &Persona, rng: &mut StdRng) -> f64 {
    let content = matcher.content();
    let (mut plausible, mut places) = (0usize, 0usize);
    for _ in 0..PERSONA_RUNS {
        let answers = named_persona_answers(content, persona, rng);
        let profile = Profile::from_answers(content, &answers);
        for r in matcher.rank(&profile).iter().take(TOP) {
            places += 1;
            plausible += usize::from(
                persona
                    .plausible
                    .contains(&content.roles[r.role].family.as_str()),
            );
        }
    }
    plausible as f64 / places.max(1) as f64
}
