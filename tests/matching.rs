//! The matching rules a student would notice: the right roles rise, the same answers always
//! give the same list, skipped questions don't break anything, every match explains itself
//! from the student's own answers, and the list always widens their view.

mod common;

use std::collections::BTreeSet;

use common::*;
use find_your_fit::content::{Answers, Content, Group};
use find_your_fit::matching::{
    Basis, Confidence, FitBand, MAX_PER_FAMILY, MAX_REASONS, MIN_REASONS, MatchKind, Matcher,
    Profile, Results, SHOWN_MATCHES, WEIGHTS,
};

/// Realistic, investigative, artistic, social, enterprising, conventional.
const R: [i64; 6] = [5, 1, 0, 1, 1, 2];
const I: [i64; 6] = [1, 5, 1, 0, 0, 2];
const A: [i64; 6] = [1, 1, 5, 1, 2, 0];
const S: [i64; 6] = [0, 1, 1, 5, 1, 0];
const E: [i64; 6] = [1, 0, 1, 2, 5, 1];
const C: [i64; 6] = [1, 1, 0, 0, 1, 5];

fn mini() -> Content {
    Content::load(&mini_sources(&[
        (
            "doctors",
            vec![
                role("builder-doctor", true, R, &["design_technology", "physics"]),
                role("thinker-doctor", true, I, &["biology", "chemistry"]),
                role("helper-doctor", true, S, &["biology", "english"]),
            ],
        ),
        (
            "wider_team",
            vec![
                role("organiser", false, C, &["maths", "english"]),
                role("artist", false, A, &["art", "design_technology"]),
                role("leader", false, E, &["english", "history"]),
            ],
        ),
    ]))
    .expect("the mini catalogue loads")
}

fn love(content: &Content, dim: &str) -> Answers {
    answers(content, &[(&format!("love-{dim}"), &["love"])])
}

/// A student keen on `dims`: "Love it" or "Really good" on every rated card that measures one
/// of them and "Not for me" or "Not yet" on the rest; otherwise the options adding most to
/// them (up to three subjects).
fn keen_on(content: &Content, dims: &[&str]) -> Answers {
    let score = |o: &find_your_fit::content::Choice| -> u32 {
        o.adds
            .iter()
            .filter(|(d, _)| dims.contains(&d.as_str()))
            .map(|(_, p)| *p)
            .sum()
    };
    let mut a = Answers::new();
    for item in &content.quiz.items {
        let picks: Vec<&str> = if item.format.scale().is_some() {
            // Keen when the card is mostly about these.
            let total: u32 = item.options[0].adds.iter().map(|(_, p)| *p).sum();
            let keen = 2 * score(&item.options[0]) >= total;
            let at = if keen { 0 } else { item.options.len() - 1 };
            vec![item.options[at].id.as_str()]
        } else {
            let mut options: Vec<_> = item.options.iter().collect();
            options.sort_by_key(|o| std::cmp::Reverse(score(o)));
            let n = if item.max_choices > 1 { 3 } else { 1 };
            options.iter().take(n).map(|o| o.id.as_str()).collect()
        };
        a.answer(&content.quiz, &item.id, &picks).unwrap();
    }
    a
}

fn ids(content: &Content, matcher: &Matcher, answers: &Answers) -> Vec<String> {
    matcher
        .rank(&Profile::from_answers(content, answers))
        .iter()
        .map(|r| content.roles[r.role].id.clone())
        .collect()
}

#[test]
fn the_role_that_fits_the_answers_comes_first() {
    let c = mini();
    let m = Matcher::new(&c);
    let a = answers(
        &c,
        &[
            ("love-investigative", &["love"]),
            ("love-realistic", &["not_for_me"]),
            ("love-artistic", &["not_for_me"]),
            ("love-social", &["like"]),
            ("love-enterprising", &["not_sure"]),
            ("love-conventional", &["not_for_me"]),
            ("subjects", &["biology", "chemistry"]),
        ],
    );
    let ranked = ids(&c, &m, &a);
    assert_eq!(ranked[0], "thinker-doctor");
    assert_eq!(
        ranked[1], "helper-doctor",
        "biology and a liking for helping put the helper second"
    );
    let p = Profile::from_answers(&c, &a);
    let top = m.rank(&p)[0].score;
    assert!(
        top.fit() >= 80,
        "a clear match should show a high fit, got {}",
        top.fit()
    );
}

#[test]
fn each_interest_type_leads_to_its_role() {
    let c = mini();
    let m = Matcher::new(&c);
    let everything = c.taxonomy.dimension_ids(Group::Interests);
    for (dim, expected) in [
        ("realistic", "builder-doctor"),
        ("investigative", "thinker-doctor"),
        ("artistic", "artist"),
        ("social", "helper-doctor"),
        ("enterprising", "leader"),
        ("conventional", "organiser"),
    ] {
        let picks: Vec<(String, &[&str])> = everything
            .iter()
            .map(|d| {
                (
                    format!("love-{d}"),
                    if *d == dim {
                        &["love"][..]
                    } else {
                        &["not_for_me"][..]
                    },
                )
            })
            .collect();
        let picks: Vec<(&str, &[&str])> = picks.iter().map(|(i, o)| (i.as_str(), *o)).collect();
        let a = answers(&c, &picks);
        assert_eq!(ids(&c, &m, &a)[0], expected, "loving only {dim}");
    }
}

#[test]
fn same_answers_same_results_and_ties_go_by_id() {
    let c = Content::load(&mini_sources(&[
        (
            "doctors",
            vec![
                role("zeta-twin", true, S, &["biology"]),
                role("alpha-twin", true, S, &["biology"]),
            ],
        ),
        ("wider_team", vec![role("organiser", false, C, &["maths"])]),
    ]))
    .unwrap();
    let m = Matcher::new(&c);
    let a = love(&c, "social");
    let first = ids(&c, &m, &a);
    assert_eq!(
        first[..2],
        ["alpha-twin".to_owned(), "zeta-twin".to_owned()],
        "identical roles are ordered by id, not file order"
    );
    for _ in 0..5 {
        assert_eq!(ids(&c, &m, &a), first);
        assert_eq!(m.results(&a), m.results(&a));
    }
}

#[test]
fn partial_answers_still_give_results_from_what_was_answered() {
    let c = mini();
    let m = Matcher::new(&c);
    // Only the subjects question answered: the fit is the subject match alone.
    let a = answers(&c, &[("subjects", &["art"])]);
    let p = Profile::from_answers(&c, &a);
    assert!(p.has(Group::Subjects) && !p.has(Group::Interests) && !p.has(Group::Skills));
    let ranked = m.rank(&p);
    assert_eq!(c.roles[ranked[0].role].id, "artist");
    assert_eq!(
        ranked[0].score.fit(),
        50,
        "art is the artist's first subject, but one subject alone is only half a subject match"
    );
    assert_eq!(
        ranked[0].score.parts[0], None,
        "interests were skipped, so they are left out"
    );
    let results = m.results(&a);
    assert!(!results.matches.is_empty());
    for mt in &results.matches {
        assert!(
            mt.reasons.len() >= MIN_REASONS,
            "{} has {:?}",
            mt.role_id,
            mt.reasons
        );
    }

    // A single activity card is enough to rank.
    let a = love(&c, "enterprising");
    assert_eq!(ids(&c, &m, &a)[0], "leader");
}

#[test]
fn skipped_groups_hand_their_weight_to_the_others() {
    let c = mini();
    let m = Matcher::new(&c);
    let a = answers(
        &c,
        &[
            ("love-social", &["love"]),
            ("love-realistic", &["not_for_me"]),
            ("love-conventional", &["like"]),
            ("subjects", &["biology"]),
        ],
    );
    let p = Profile::from_answers(&c, &a);
    for r in m.rank(&p) {
        let parts = r.score.parts;
        let combine = |with_subjects: bool| {
            let (mut sum, mut weight) = (0.0, 0.0);
            for ((_, w), part) in WEIGHTS.iter().zip([parts[0], parts[1], parts[3], parts[2]]) {
                if let Some(s) = part {
                    sum += w * s;
                    weight += w;
                }
            }
            if !with_subjects {
                let (_, w) = WEIGHTS[2];
                sum -= w * parts[3].unwrap();
                weight -= w;
            }
            sum / weight
        };
        // Subjects can raise a fit but never lower it.
        let expected = combine(true).max(combine(false));
        assert!((r.score.total - expected).abs() < 1e-12);
        assert!(
            parts[1].is_none() && parts[2].is_none(),
            "skills and work style were not asked"
        );
    }
}

#[test]
fn no_answers_means_no_matches_and_no_strengths() {
    let c = shipped();
    let results = Matcher::new(c).results(&Answers::new());
    assert!(results.matches.is_empty());
    assert!(results.strengths.is_empty());
    assert!(results.strengths.chart.iter().all(|b| b.percent.is_none()));
}

#[test]
fn reasons_quote_the_students_own_answers() {
    let c = mini();
    let m = Matcher::new(&c);
    let a = answers(
        &c,
        &[
            ("love-investigative", &["love"]),
            ("subjects", &["biology", "chemistry"]),
            ("good-with-numbers", &["good"]),
        ],
    );
    let results = m.results(&a);
    let thinker = results
        .matches
        .iter()
        .find(|mt| mt.role_id == "thinker-doctor")
        .unwrap();
    let texts: Vec<&str> = thinker.reasons.iter().map(|r| r.text.as_str()).collect();
    let thinker_link = &c.taxonomy.dimension("investigative").unwrap().link;
    assert!(
        texts.contains(&format!("You love investigative things. {thinker_link}").as_str()),
        "the answer is joined to what it means in the job: {texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.starts_with("You chose Biology. ")
            || t.starts_with("You chose Chemistry. ")),
        "{texts:?}"
    );
    for r in &thinker.reasons {
        if let Basis::Answer { item, option, .. } = &r.basis {
            assert!(
                a.chosen(item).contains(option),
                "reason {r:?} cites an answer not given"
            );
            let text = c
                .quiz
                .item(item)
                .unwrap()
                .option(option)
                .unwrap()
                .reason
                .as_deref()
                .unwrap();
            assert!(r.text.starts_with(text), "{r:?} does not start with {text}");
        }
    }
}

#[test]
fn a_match_with_little_to_say_still_gets_two_true_reasons() {
    let c = mini();
    let m = Matcher::new(&c);
    // Loving social things (and nothing else) says nothing about the organiser's work.
    let mut a = keen_on(&c, &["social"]);
    a.skip("subjects");
    a.skip("team-or-solo");
    let results = m.results(&a);
    let organiser = results
        .matches
        .iter()
        .find(|mt| mt.role_id == "organiser")
        .expect("the organiser is shown");
    assert_eq!(organiser.reasons.len(), MIN_REASONS);
    assert!(
        organiser
            .reasons
            .iter()
            .all(|r| !matches!(r.basis, Basis::Answer { .. }))
    );
    assert!(
        organiser
            .reasons
            .iter()
            .any(|r| matches!(&r.basis, Basis::SkillToGrow(_)))
    );
    let helper = results
        .matches
        .iter()
        .find(|mt| mt.role_id == "helper-doctor")
        .unwrap();
    assert!(
        helper
            .reasons
            .iter()
            .any(|r| r.text.starts_with("You love social things. "))
    );
}

#[test]
fn strengths_come_from_the_same_answers_in_positive_words() {
    let c = shipped();
    let social_items: Vec<&str> = c
        .quiz
        .items
        .iter()
        .filter(|i| {
            i.options
                .first()
                .is_some_and(|o| o.adds.iter().any(|(d, _)| d == "social"))
                && i.options[0].id == "love"
        })
        .map(|i| i.id.as_str())
        .collect();
    assert!(!social_items.is_empty());
    let mut a = Answers::new();
    for item in &c.quiz.items {
        let pick = if social_items.contains(&item.id.as_str()) {
            "love"
        } else if item.options[0].id == "love" {
            "not_for_me"
        } else {
            continue;
        };
        a.answer(&c.quiz, &item.id, &[pick]).unwrap();
    }
    let s = Matcher::new(c).results(&a).strengths;
    assert_eq!(s.interests[0].id, "social");
    let helper = c.taxonomy.dimension("social").unwrap();
    assert_eq!(s.interests[0].name, helper.name);
    assert_eq!(s.interests[0].text, helper.strength);
    assert_eq!(s.chart.len(), c.taxonomy.interests.len());
    let bar = s.chart.iter().find(|b| b.id == "social").unwrap();
    assert_eq!(bar.percent, Some(100));
    let rating = c
        .quiz
        .items
        .iter()
        .find(|i| {
            i.options[0].adds.iter().any(|(d, _)| d == "numbers")
                && i.format == find_your_fit::content::Format::Rating
        })
        .unwrap();
    a.answer(&c.quiz, &rating.id, &[&rating.options[0].id])
        .unwrap();
    let s = Matcher::new(c).results(&a).strengths;
    assert!(
        s.skills.iter().any(|st| st.id == "numbers"),
        "{:?}",
        s.skills
    );
}

#[test]
fn saying_no_to_everything_gives_no_made_up_strengths() {
    let c = shipped();
    let mut a = Answers::new();
    for item in &c.quiz.items {
        // "Not for me" and "Not yet" to every rated card.
        let most_against = item
            .options
            .iter()
            .filter(|o| o.evidence.is_some_and(|e| e < 0.0))
            .min_by(|x, y| x.evidence.unwrap().total_cmp(&y.evidence.unwrap()));
        if let Some(o) = most_against {
            a.answer(&c.quiz, &item.id, &[&o.id]).unwrap();
        }
    }
    let results = Matcher::new(c).results(&a);
    let s = &results.strengths;
    assert!(s.is_empty(), "{s:?}");
    assert!(s.chart.iter().all(|b| b.percent == Some(0)));
    for m in &results.matches {
        assert!(
            m.reasons
                .iter()
                .all(|r| !matches!(r.basis, Basis::Answer { .. })),
            "a dislike is never a reason: {:?}",
            m.reasons
        );
    }
}

fn check_invariants(c: &Content, results: &Results) {
    let roles = &c.roles;
    let main: Vec<_> = results
        .matches
        .iter()
        .filter(|m| m.kind != MatchKind::Wildcard)
        .collect();
    assert_eq!(main.len(), SHOWN_MATCHES);
    assert!(
        main.iter().any(|m| roles[m.role].hands_off()),
        "no role that is not hands-on with patients"
    );
    let wild: Vec<_> = results
        .matches
        .iter()
        .filter(|m| m.kind == MatchKind::Wildcard)
        .collect();
    assert_eq!(wild.len(), 1, "exactly one wildcard");
    let wild_family = &roles[wild[0].role].family;
    assert!(
        main.iter().all(|m| &roles[m.role].family != wild_family),
        "the wildcard's family is already shown"
    );
    assert_eq!(wild[0].reasons[0].basis, Basis::Wildcard);
    let wild_role = &roles[wild[0].role];
    assert!(
        wild_role.gentle_intro.is_none(),
        "{} is about a hard topic and must not be a surprise",
        wild_role.id
    );
    assert!(
        c.taxonomy.family(wild_family).is_some_and(|f| !f.familiar),
        "the wildcard comes from {wild_family}, a family every student knows"
    );
    for family in main
        .iter()
        .map(|m| &roles[m.role].family)
        .collect::<BTreeSet<_>>()
    {
        let n = main
            .iter()
            .filter(|m| &roles[m.role].family == family)
            .count();
        assert!(n <= MAX_PER_FAMILY, "{n} roles from {family}");
    }
    let ids: BTreeSet<_> = results.matches.iter().map(|m| &m.role_id).collect();
    assert_eq!(ids.len(), results.matches.len(), "a role is shown twice");
    for m in &results.matches {
        assert!(
            (MIN_REASONS..=MAX_REASONS).contains(&m.reasons.len()),
            "{}: {:?}",
            m.role_id,
            m.reasons
        );
        assert!(m.fit() <= 100);
    }
}

#[test]
fn a_student_who_only_likes_caring_still_sees_a_non_clinical_role_and_a_wildcard() {
    let c = shipped();
    let m = Matcher::new(c);
    let a = keen_on(c, &["social", "empathy", "face_to_face", "biology"]);
    let results = m.results(&a);
    check_invariants(c, &results);
    let top = &c.roles[results.matches[0].role];
    assert!(
        top.interests["social"] >= 4,
        "top match {} should be a caring role",
        top.id
    );
}

#[test]
fn a_science_lover_gets_science_roles_with_science_reasons() {
    let c = shipped();
    let m = Matcher::new(c);
    let a = keen_on(
        c,
        &[
            "investigative",
            "problem_solving",
            "science",
            "biology",
            "chemistry",
            "physics",
            "behind_scenes",
        ],
    );
    let results = m.results(&a);
    check_invariants(c, &results);
    let families: Vec<&str> = results
        .matches
        .iter()
        .take(5)
        .map(|mt| c.roles[mt.role].family.as_str())
        .collect();
    assert!(
        families.contains(&"healthcare_science"),
        "top five: {families:?}"
    );
    let first = &results.matches[0];
    assert!(
        first.reasons.iter().any(|r| r.text.contains("Science")
            || r.text.contains("Biology")
            || r.text.contains("Chemistry")
            || r.text.contains("Physics")
            || r.text.starts_with("You love finding out how")),
        "{:?}",
        first.reasons
    );
}

#[test]
fn stale_answers_are_dropped_not_fatal() {
    let c = shipped();
    let item = &c.quiz.items[0];
    let mut a = Answers::new();
    a.answer(&c.quiz, &item.id, &[&item.options[0].id]).unwrap();
    let saved = serde_json::to_string(&a).unwrap();
    let mut restored: Answers =
        serde_json::from_str(&saved.replace('}', ",\"gone-item\":[\"x\"]}")).unwrap();
    assert_eq!(restored.len(), 2);
    // Scoring ignores the unknown answer…
    assert_eq!(
        Matcher::new(c).results(&restored),
        Matcher::new(c).results(&a)
    );
    // …and it can be cleaned out.
    assert_eq!(restored.retain_valid(&c.quiz), 1);
    assert_eq!(restored, a);
    assert!(a.answer(&c.quiz, &item.id, &["no-such-option"]).is_err());
    assert!(a.answer(&c.quiz, "no-such-item", &["love"]).is_err());
    let subjects = c.quiz.items.iter().find(|i| i.max_choices > 1).unwrap();
    let too_many: Vec<&str> = subjects
        .options
        .iter()
        .take(subjects.max_choices + 1)
        .map(|o| o.id.as_str())
        .collect();
    assert!(a.answer(&c.quiz, &subjects.id, &too_many).is_err());
}

mod properties_support {
    use super::*;
    use proptest::prelude::*;

    /// Any answers at all: per item, skip or pick some of its options (as indexes).
    pub fn any_answers() -> impl Strategy<Value = Vec<Option<Vec<prop::sample::Index>>>> {
        let items = shipped().quiz.items.len();
        prop::collection::vec(
            prop::option::of(prop::collection::vec(any::<prop::sample::Index>(), 1..=3)),
            items,
        )
    }

    pub fn build(picks: &[Option<Vec<prop::sample::Index>>]) -> Answers {
        let c = shipped();
        let mut a = Answers::new();
        for (item, pick) in c.quiz.items.iter().zip(picks) {
            let Some(indexes) = pick else { continue };
            let mut chosen: Vec<&str> = indexes
                .iter()
                .map(|i| item.options[i.index(item.options.len())].id.as_str())
                .collect();
            chosen.dedup();
            chosen.sort();
            chosen.dedup();
            chosen.truncate(item.max_choices);
            a.answer(&c.quiz, &item.id, &chosen).unwrap();
        }
        a
    }
}

mod properties {
    use super::properties_support::*;
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn scores_stay_in_range_and_ranking_is_deterministic(picks in any_answers()) {
            let c = shipped();
            let m = Matcher::new(c);
            let a = build(&picks);
            let p = Profile::from_answers(c, &a);
            let ranked = m.rank(&p);
            prop_assert_eq!(&ranked, &m.rank(&p));
            for pair in ranked.windows(2) {
                prop_assert!(pair[0].score.total >= pair[1].score.total);
            }
            for r in &ranked {
                prop_assert!((0.0..=1.0).contains(&r.score.total));
                prop_assert!(r.score.fit() <= 100);
                for part in r.score.parts.iter().flatten() {
                    prop_assert!((0.0..=1.0).contains(part));
                }
            }
            for g in Group::ALL {
                for s in p.group(g).iter().flatten() {
                    prop_assert!((-1.0..=1.0).contains(s));
                }
            }
            let results = m.results(&a);
            prop_assert_eq!(&results, &m.results(&a));
            if p.is_empty() {
                prop_assert!(results.matches.is_empty());
            } else {
                prop_assert_eq!(ranked.len(), c.roles.len());
                check_invariants(c, &results);
            }
        }
    }
}

#[test]
fn similar_roles_are_alike_and_exclude_the_role_itself() {
    let c = mini();
    let m = Matcher::new(&c);
    let helper = c.role_index("helper-doctor").unwrap();
    let similar = m.similar(helper, 3);
    assert_eq!(similar.len(), 3);
    assert!(!similar.contains(&helper));
    // The social-care-free mini catalogue's nearest to a helper is not the builder.
    assert_ne!(c.roles[similar[0]].id, "builder-doctor");
    let shipped = shipped();
    let sm = Matcher::new(shipped);
    let nurse = shipped.role_index("adult-nurse").unwrap();
    let near: Vec<&str> = sm
        .similar(nurse, 3)
        .iter()
        .map(|i| shipped.roles[*i].family.as_str())
        .collect();
    assert!(
        near.iter()
            .any(|f| ["nursing", "healthcare_support", "midwifery", "social_care"].contains(f)),
        "{near:?}"
    );
}

/// Every rated card answered "Not sure", the forced choices answered as a decisive student
/// would: the forced choices alone must not make anyone a "Leader" or a strong match.
fn unsure_of_everything(c: &Content) -> Answers {
    let mut a = keen_on(c, &["enterprising", "communication"]);
    for item in &c.quiz.items {
        if let Some(unsure) = item.options.iter().find(|o| o.evidence.is_none()) {
            a.answer(&c.quiz, &item.id, &[&unsure.id]).unwrap();
        } else if item.format.scale().is_some() {
            a.skip(&item.id);
        }
    }
    a
}

#[test]
fn not_sure_is_no_evidence_and_not_for_me_counts_against() {
    let c = mini();
    let loves = answers(&c, &[("love-social", &["love"])]);
    let unsure = answers(&c, &[("love-social", &["not_sure"])]);
    let dislikes = answers(&c, &[("love-social", &["not_for_me"])]);
    let t = &c.taxonomy;
    assert_eq!(
        Profile::from_answers(&c, &loves).get(t, "social"),
        Some(1.0)
    );
    assert_eq!(
        Profile::from_answers(&c, &unsure).get(t, "social"),
        None,
        "\"not sure\" says nothing either way"
    );
    assert_eq!(
        Profile::from_answers(&c, &dislikes).get(t, "social"),
        Some(-1.0)
    );
    assert!(Profile::from_answers(&c, &unsure).is_empty());

    // A dislike pushes the matching role down, where "not sure" would leave it be.
    let m = Matcher::new(&c);
    let mut base = answers(
        &c,
        &[
            ("love-investigative", &["like"]),
            ("love-artistic", &["like"]),
        ],
    );
    let before = ids(&c, &m, &base);
    base.answer(&c.quiz, "love-social", &["not_for_me"])
        .unwrap();
    let after = ids(&c, &m, &base);
    let at = |list: &[String]| list.iter().position(|id| id == "helper-doctor").unwrap();
    assert!(
        at(&after) >= at(&before),
        "before {before:?}, after {after:?}"
    );
    assert_eq!(after.last().map(String::as_str), Some("helper-doctor"));
}

#[test]
fn a_student_unsure_of_everything_gets_broad_honest_suggestions() {
    let c = shipped();
    let a = unsure_of_everything(c);
    let results = Matcher::new(c).results(&a);
    assert_eq!(results.confidence, Confidence::Little);
    assert!(
        results
            .matches
            .iter()
            .all(|m| m.band == FitBand::WorthALook),
        "{:?}",
        results
            .matches
            .iter()
            .map(|m| (&m.role_id, m.band))
            .collect::<Vec<_>>()
    );
    assert!(
        results.strengths.is_empty(),
        "forced choices alone made up strengths: {:?}",
        results.strengths
    );
    // Broad: one job a family, so the list spans the catalogue instead of guessing.
    let families: BTreeSet<&str> = results
        .matches
        .iter()
        .map(|m| c.roles[m.role].family.as_str())
        .collect();
    assert_eq!(families.len(), results.matches.len());

    // The same forced choices with real opinions on the cards do give confident matches.
    let decided = keen_on(c, &["enterprising", "communication"]);
    let results = Matcher::new(c).results(&decided);
    assert_eq!(results.confidence, Confidence::Enough);
    assert!(results.matches.iter().any(|m| m.band == FitBand::Strong));
    assert_eq!(results.strengths.interests[0].id, "enterprising");
}

#[test]
fn fit_words_follow_the_thresholds_and_the_evidence() {
    use find_your_fit::matching::{GOOD_FIT, STRONG_FIT};
    assert_eq!(FitBand::of(STRONG_FIT, Confidence::Enough), FitBand::Strong);
    assert_eq!(
        FitBand::of(STRONG_FIT - 1e-9, Confidence::Enough),
        FitBand::Good
    );
    assert_eq!(FitBand::of(GOOD_FIT, Confidence::Enough), FitBand::Good);
    assert_eq!(
        FitBand::of(GOOD_FIT - 1e-9, Confidence::Enough),
        FitBand::WorthALook
    );
    assert_eq!(FitBand::of(0.99, Confidence::Some), FitBand::Good);
    assert_eq!(FitBand::of(0.99, Confidence::Little), FitBand::WorthALook);
}

#[test]
fn nothing_shown_contradicts_the_students_own_rating() {
    let c = shipped();
    // Keen on calm and numbers everywhere, except their own ratings say "Not yet".
    let mut a = keen_on(
        c,
        &["staying_calm", "numbers", "conventional", "organising"],
    );
    for item in ["staying-calm", "good-with-numbers"] {
        a.answer(&c.quiz, item, &["not_yet"]).unwrap();
    }
    assert!(
        a.chosen("half-time")
            .contains(&"stick-to-the-plan".to_owned())
    );
    let results = Matcher::new(c).results(&a);
    let named: Vec<&str> = results
        .strengths
        .skills
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert!(
        !named.contains(&"staying_calm") && !named.contains(&"numbers"),
        "a skill rated \"Not yet\" was called a strength: {named:?}"
    );
    for m in &results.matches {
        for r in &m.reasons {
            assert!(
                !r.text.starts_with("You stay calm"),
                "{}: {:?} contradicts the student's own rating",
                m.role_id,
                r.text
            );
        }
    }
}

#[test]
fn one_subject_never_decides_and_subjects_never_lower_a_fit() {
    let c = mini();
    let m = Matcher::new(&c);
    let base = answers(
        &c,
        &[("love-artistic", &["like"]), ("love-social", &["love"])],
    );
    let without = m.rank(&Profile::from_answers(&c, &base));
    // Music is on no role's list.
    let mut with = base.clone();
    with.answer(&c.quiz, "subjects", &["music"]).unwrap();
    let with = m.rank(&Profile::from_answers(&c, &with));
    for r in &without {
        let other = with.iter().find(|w| w.role == r.role).unwrap();
        assert!(
            other.score.total >= r.score.total - 1e-12,
            "an unused subject lowered {}",
            c.roles[r.role].id
        );
    }
    // "Science" counts for the biology and chemistry a role lists.
    let science = answers(&c, &[("subjects", &["science"])]);
    let ranked = m.rank(&Profile::from_answers(&c, &science));
    assert_eq!(c.roles[ranked[0].role].id, "thinker-doctor");
}

mod reason_properties {
    use super::properties_support::*;
    use super::*;
    use find_your_fit::content::{CORE_VALUE, REASON_SUBJECTS, fill};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

        /// Every reason built from an answer rests on an answer the student gave for it, is
        /// about something the job is built on, never on something the student answered
        /// against, and joins the answer to that job's own sentence (or the general one).
        #[test]
        fn every_reason_makes_the_link_and_none_contradicts(picks in any_answers()) {
            let c = shipped();
            let t = &c.taxonomy;
            let a = build(&picks);
            let profile = Profile::from_answers(c, &a);
            let results = Matcher::new(c).results(&a);
            for m in &results.matches {
                let role = &c.roles[m.role];
                for r in &m.reasons {
                    let Basis::Answer { item, option, dimension } = &r.basis else { continue };
                    prop_assert!(a.chosen(item).contains(option));
                    prop_assert!(!profile.against(t, dimension), "{} rests on {dimension}, which the student is against", r.text);
                    let choice = c.quiz.item(item).unwrap().option(option).unwrap();
                    prop_assert!(choice.speaks_for());
                    let built_on = match t.group_of(dimension).unwrap() {
                        Group::Interests => role.interests[dimension] >= CORE_VALUE,
                        Group::Skills => role.skills[dimension] >= CORE_VALUE,
                        Group::WorkStyle => role.work_style[dimension] >= CORE_VALUE,
                        Group::Subjects => {
                            let covers = &t.subject(dimension).unwrap().covers;
                            role.subjects.iter().take(REASON_SUBJECTS).any(|s| s == dimension || covers.contains(s))
                        }
                    };
                    prop_assert!(built_on, "{}: {} is not what the job is built on", role.id, r.text);
                    let answer = choice.reason.as_deref().unwrap();
                    let joined = role.links.values().chain(
                        t.interests.iter().chain(&t.skills).chain(&t.work_styles).map(|d| &d.link),
                    ).chain(t.subjects.iter().map(|s| &s.link))
                    .any(|link| r.text == fill(&c.strings.reasons.linked, &[("answer", answer), ("link", link)]));
                    prop_assert!(joined, "{} is not an answer joined to a job's link", r.text);
                }
            }
            for s in results.strengths.interests.iter().chain(&results.strengths.skills).chain(&results.strengths.work_styles) {
                prop_assert!(!profile.against(t, &s.id), "strength {} contradicts an answer", s.id);
            }
        }
    }
}

#[test]
fn a_student_who_dislikes_nearly_everything_is_not_told_anything_is_strong() {
    let c = shipped();
    let mut a = Answers::new();
    for item in &c.quiz.items {
        let pick = match item.format.scale() {
            Some(_) => item.options.last().map(|o| o.id.as_str()),
            None if item.max_choices == 1 => item.options.first().map(|o| o.id.as_str()),
            None => None,
        };
        if let Some(pick) = pick {
            a.answer(&c.quiz, &item.id, &[pick]).unwrap();
        }
    }
    let results = Matcher::new(c).results(&a);
    assert_eq!(
        results.confidence,
        Confidence::Enough,
        "they did answer every card"
    );
    for m in &results.matches {
        let backing = m
            .reasons
            .iter()
            .filter(|r| matches!(r.basis, Basis::Answer { .. }))
            .count();
        assert!(
            m.band <= FitBand::backed_by(&m.reasons),
            "{} is {:?} with only {backing} answers behind it",
            m.role_id,
            m.band
        );
        if backing < 2 {
            assert_ne!(m.band, FitBand::Strong, "{}", m.role_id);
        }
    }
}
