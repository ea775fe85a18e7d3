//! Fairness over many simulated students: every role in the catalogue can reach someone's
//! top five (a role nobody reaches has a broken profile), no role dominates, and no family
//! crowds out the rest. The recorded figures live in docs/fairness.md.

mod common;

use common::shipped;
use find_your_fit::fairness::{TOP, simulate};

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
