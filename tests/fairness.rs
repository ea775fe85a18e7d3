//! Fairness over many simulated students: every role in the catalogue can reach someone's
//! top five (a role nobody reaches has a broken profile), no role dominates, and no family
//! crowds out the rest. The recorded figures live in docs/fairness.md.

mod common;

use common::shipped;
use find_your_fit::fairness::{PERSONAS, TOP, simulate};

const STUDENTS: usize = 3000;
/// No single role may sit in more than this share of students' top five.
const MAX_ROLE_SHARE: f64 = 0.2;
/// No family may take more than this multiple of its share of the catalogue.
const MAX_FAMILY_OVERSHARE: f64 = 2.5;

#[test]
fn every_role_reaches_someone_and_none_dominates() {
    let report = simulate(shipped(), STUDENTS, 7);
    assert!(
        report.unreachable.is_empty(),
        "roles no student ever gets in their top {TOP}: {:?}",
        report.unreachable
    );
    assert!(
        report.never_shown.is_empty(),
        "roles never on a results list: {:?}",
        report.never_shown
    );
    let (role, share) = report.most_reached();
    assert!(
        share <= MAX_ROLE_SHARE,
        "{role} is in {:.1}% of top fives",
        share * 100.0
    );
    for f in &report.families {
        assert!(
            f.top_share > 0.0,
            "family {} never reaches a top five",
            f.family
        );
        assert!(
            f.top_share <= f.catalogue_share * MAX_FAMILY_OVERSHARE,
            "family {} takes {:.1}% of top-five places with {:.1}% of the roles",
            f.family,
            f.top_share * 100.0,
            f.catalogue_share * 100.0
        );
    }
}

#[test]
fn the_simulation_is_repeatable() {
    assert_eq!(simulate(shipped(), 200, 42), simulate(shipped(), 200, 42));
    assert_ne!(
        simulate(shipped(), 200, 42).top_counts,
        simulate(shipped(), 200, 43).top_counts
    );
}

/// A persona's top five should mostly fall in families an adviser would call plausible.
const MIN_PERSONA_PLAUSIBLE: f64 = 0.5;
/// No family may supply more than this share of all wildcards.
const MAX_WILDCARD_FAMILY_SHARE: f64 = 0.25;

#[test]
fn unsure_students_are_never_told_they_have_a_strong_match() {
    let report = simulate(shipped(), 2000, 11);
    assert!(report.unsure_students >= 200);
    assert_eq!(
        report.unsure_with_strong, 0.0,
        "a student who answered \"not sure\" to nearly every card was shown a strong match"
    );
    assert!(
        report.lists_with_strong > 0.3,
        "decisive students should often see a strong match, got {:.1}%",
        report.lists_with_strong * 100.0
    );
}

#[test]
fn personas_land_in_plausible_families_and_wildcards_spread() {
    let c = shipped();
    let report = simulate(c, 2000, 5);
    assert_eq!(report.personas.len(), PERSONAS.len());
    for (name, share) in &report.personas {
        assert!(
            *share >= MIN_PERSONA_PLAUSIBLE,
            "the {name} persona's top five are only {:.1}% in plausible families",
            share * 100.0
        );
    }
    let (family, share) = report.top_wildcard_family();
    assert!(
        share <= MAX_WILDCARD_FAMILY_SHARE,
        "{family} is {:.1}% of all wildcards",
        share * 100.0
    );
    for f in c.taxonomy.families.iter().filter(|f| f.familiar) {
        assert!(
            !report.wildcard_families.contains_key(&f.id),
            "{} is a family every student knows, yet was a wildcard",
            f.id
        );
    }
}
