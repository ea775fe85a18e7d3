//! How long scoring takes: one student against the whole catalogue. Prints figures (no
//! pass/fail: shared machines are noisy); record them in docs/benchmarks.md.
//!
//! Run with `cargo bench --bench scoring`.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use find_your_fit::content::{Content, DEFAULT_LANGUAGE, Sources};
use find_your_fit::fairness::persona_answers;
use find_your_fit::matching::{Matcher, Profile};
use rand::SeedableRng;
use rand::rngs::StdRng;

const STUDENTS: usize = 500;
const ROUNDS: usize = 5;

/// Runs `f` once per student per round and reports the median and slowest time per call.
fn measure(name: &str, students: usize, mut f: impl FnMut(usize)) {
    let mut times: Vec<Duration> = Vec::with_capacity(students * ROUNDS);
    for _ in 0..ROUNDS {
        for i in 0..students {
            let start = Instant::now();
            f(i);
            times.push(start.elapsed());
        }
    }
    times.sort();
    let median = times[times.len() / 2];
    let p99 = times[times.len() * 99 / 100];
    println!(
        "{name:<44} median {:>9.1} µs   p99 {:>9.1} µs   ({} calls)",
        median.as_secs_f64() * 1e6,
        p99.as_secs_f64() * 1e6,
        times.len()
    );
}

fn main() {
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    let start = Instant::now();
    let sources = Sources::read_dir(&assets, DEFAULT_LANGUAGE).expect("assets readable");
    let read = start.elapsed();
    let start = Instant::now();
    let content = Content::load(&sources).expect("content loads");
    let load = start.elapsed();
    println!(
        "catalogue: {} roles, {} quiz items; read files {:.1} ms, parse and check {:.1} ms",
        content.roles.len(),
        content.quiz.items.len(),
        read.as_secs_f64() * 1e3,
        load.as_secs_f64() * 1e3
    );

    let mut rng = StdRng::seed_from_u64(1);
    let students: Vec<_> = (0..STUDENTS)
        .map(|_| persona_answers(&content, &mut rng))
        .collect();
    let profiles: Vec<_> = students
        .iter()
        .map(|a| Profile::from_answers(&content, a))
        .collect();

    measure("prepare the matcher (once per content load)", 50, |_| {
        black_box(Matcher::new(black_box(&content)));
    });
    let matcher = Matcher::new(&content);
    measure("answers → profile", STUDENTS, |i| {
        black_box(Profile::from_answers(&content, black_box(&students[i])));
    });
    measure("score and rank every role for one student", STUDENTS, |i| {
        black_box(matcher.rank(black_box(&profiles[i])));
    });
    measure(
        "full results (profile, rank, strengths, reasons)",
        STUDENTS,
        |i| {
            black_box(matcher.results(black_box(&students[i])));
        },
    );
}
