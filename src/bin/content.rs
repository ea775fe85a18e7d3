//! The content tool for the people who keep the catalogue and quiz up to date:
//!
//! - `content check` (the default): reads every content file and reports every problem at
//!   once, with the file, the entry and what is wrong; exits non-zero if there are any.
//! - `content schemas`: rewrites `assets/schema/*.schema.json` from the taxonomy.
//! - `content fairness [--students N] [--seed S] [--write FILE]`: simulates students and
//!   prints (or writes) the fairness figures.
//!
//! - `content sample [--seed S]`: plays the quiz as a made-up student and prints what they
//!   would see: their answers, strengths and matches with reasons.
//!
//! - `content readability [--top N]`: scores every text a student sees for reading age and
//!   lists the hardest (20 unless `--top` says otherwise); exits non-zero if the game reads
//!   above age 11 overall or any text reads above age 12.
//!
//! `--assets DIR` points at another `assets/` folder (for example a copy being edited).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use find_your_fit::content::{self, Content, DEFAULT_LANGUAGE, Severity, Sources, schema};
use find_your_fit::fairness;
use find_your_fit::matching::{MatchKind, Matcher};
use rand::SeedableRng;
use rand::rngs::StdRng;

const USAGE: &str = "usage: content [check | schemas | fairness [--students N] [--seed S] [--write FILE] | sample [--seed S] | readability [--top N]] [--assets DIR]";

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let assets = match take_option(&mut args, "--assets") {
        Ok(dir) => dir.map_or_else(
            || Path::new(env!("CARGO_MANIFEST_DIR")).join("assets"),
            PathBuf::from,
        ),
        Err(e) => return fail(&e),
    };
    let command = if args.is_empty() {
        "check".to_owned()
    } else {
        args.remove(0)
    };
    match command.as_str() {
        "check" if args.is_empty() => check(&assets),
        "schemas" if args.is_empty() => write_schemas(&assets),
        "fairness" => fairness_report(&assets, args),
        "sample" => sample(&assets, args),
        "readability" => readability(&assets, args),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => fail(USAGE),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("{message}");
    ExitCode::from(2)
}

/// Loads the content, printing every problem if it cannot.
fn load(assets: &Path) -> Option<Content> {
    Content::load_dir(assets).map_err(|e| eprint!("{e}")).ok()
}

fn parse_number(value: Option<String>, default: u64) -> Result<u64, String> {
    value.map_or(Ok(default), |v| {
        v.parse().map_err(|_| format!("not a number: {v}\n{USAGE}"))
    })
}

fn take_option(args: &mut Vec<String>, name: &str) -> Result<Option<String>, String> {
    let Some(at) = args.iter().position(|a| a == name) else {
        return Ok(None);
    };
    if at + 1 >= args.len() {
        return Err(format!("{name} needs a value\n{USAGE}"));
    }
    let value = args.remove(at + 1);
    args.remove(at);
    Ok(Some(value))
}

/// Schema files that differ from what the taxonomy says they should be.
fn stale_schemas(assets: &Path, sources: &Sources) -> Vec<String> {
    let Ok(taxonomy) = serde_json::from_str(&sources.taxonomy.text) else {
        return Vec::new();
    };
    schema::all(&taxonomy)
        .into_iter()
        .filter(|(name, value)| {
            std::fs::read_to_string(assets.join("schema").join(name)).ok()
                != Some(schema::to_text(value))
        })
        .map(|(name, _)| name.to_owned())
        .collect()
}

fn check(assets: &Path) -> ExitCode {
    let sources = match Sources::read_dir(assets, DEFAULT_LANGUAGE) {
        Ok(s) => s,
        Err(e) => {
            eprint!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let problems = content::check(&sources);
    for p in &problems {
        println!("{p}");
    }
    let stale = stale_schemas(assets, &sources);
    for name in &stale {
        println!(
            "guideline: assets/schema/{name}: -: out of date with taxonomy.json; run `cargo run --bin content -- schemas`"
        );
    }
    let broken = problems
        .iter()
        .filter(|p| p.severity == Severity::Broken)
        .count();
    let guideline = problems.len() - broken + stale.len();
    if broken + guideline == 0 {
        if let Ok(c) = Content::load(&sources) {
            review_reminder(&c);
            let non_clinical = c.roles.iter().filter(|r| !r.clinical).count();
            println!(
                "content check passed: {} roles in {} families ({} non-clinical), {} quiz items",
                c.roles.len(),
                c.taxonomy.families.len(),
                non_clinical,
                c.quiz.items.len()
            );
        }
        ExitCode::SUCCESS
    } else {
        println!(
            "content check failed: {broken} error(s) the game cannot load, {guideline} guideline problem(s)"
        );
        ExitCode::FAILURE
    }
}

/// Lists roles whose facts are due for another check: a reminder, never a failure.
fn review_reminder(c: &Content) {
    let due = content::due_for_review(&c.roles, today());
    if due.is_empty() {
        return;
    }
    println!(
        "reminder: {} of {} roles are due for a fact check (never checked, or last checked over a year ago):",
        due.len(),
        c.roles.len()
    );
    for (role, checked) in due {
        let file = content::role_file_path(&role.family);
        match checked {
            Some(date) => println!("  assets/{file}: {} (last checked {date})", role.id),
            None => println!("  assets/{file}: {} (never checked)", role.id),
        }
    }
}

/// Today's date (UTC) as (year, month, day), from the system clock.
fn today() -> (u32, u32, u32) {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400) as i64;
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year as u32, month as u32, day as u32)
}

fn write_schemas(assets: &Path) -> ExitCode {
    let path = assets.join(content::TAXONOMY_PATH);
    let taxonomy = match std::fs::read_to_string(&path)
        .map_err(|e| e.to_string())
        .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
    {
        Ok(t) => t,
        Err(e) => {
            eprintln!(
                "cannot read {}: {e}; fix it (see `content check`) first",
                path.display()
            );
            return ExitCode::FAILURE;
        }
    };
    for (name, value) in schema::all(&taxonomy) {
        let out = assets.join("schema").join(name);
        if let Err(e) = std::fs::write(&out, schema::to_text(&value)) {
            eprintln!("cannot write {}: {e}", out.display());
            return ExitCode::FAILURE;
        }
        println!("wrote {}", out.display());
    }
    ExitCode::SUCCESS
}

fn fairness_report(assets: &Path, mut args: Vec<String>) -> ExitCode {
    let options = (|| -> Result<(u64, u64, Option<String>), String> {
        let students = parse_number(take_option(&mut args, "--students")?, 10_000)?;
        let seed = parse_number(take_option(&mut args, "--seed")?, 2026)?;
        let write = take_option(&mut args, "--write")?;
        if !args.is_empty() {
            return Err(USAGE.to_owned());
        }
        Ok((students, seed, write))
    })();
    let (students, seed, write) = match options {
        Ok(o) => o,
        Err(e) => return fail(&e),
    };
    let Some(content) = load(assets) else {
        return ExitCode::FAILURE;
    };
    let report = fairness::simulate(&content, students as usize, seed);
    let markdown = report.to_markdown();
    match write {
        Some(file) => {
            let text = format!(
                "# Fairness figures\n\nWritten by `cargo run --release --bin content -- fairness --write docs/fairness.md`.\nRe-run it after changing roles or the quiz, and commit the result. `cargo test` runs a\nsmaller version (3,000 students) that fails if any role becomes unreachable, if one role\nreaches more than 20 % of students, or if a family takes more than 2.5 times its share; two\nmore fail if an unsure student is shown a strong match, if a persona lands under half in\nplausible families, or if one family gives over a quarter of the wildcards.\n\n## How the students are made\n\n- **Persona-like (nine in ten):** each made-up student gets a random liking for every\n  interest, skill, work style and subject, skewed so most are low and a few are high (a\n  uniform number cubed). They answer every item consistently with those likings, plus a\n  little noise: keen on an activity card's top option → \"Love it\", lukewarm → \"Not sure\".\n- **Random (one in ten):** any option of any item.\n- **Unsure (another thousand):** \"Not sure\" on every activity card but two, everything\n  else at random: the answers of a student unsure of the words. None may see a strong match.\n- **Named personas:** a gamer, a cook, a lab scientist, a carer, an organiser, a builder, an\n  artist, an athlete, a leader, an animal lover and a performer, each with fixed likings\n  (in `src/fairness.rs`) answered 100 times with noise, and the families an adviser would\n  call plausible for them.\n- Everyone skips one item in ten, so partial answers are part of the test.\n- \"Top 5\" is the raw ranking, before the results list applies its family limit and adds a\n  non-clinical role and a wildcard.\n\nReading the figures: likings drawn independently favour roles with a few sharp traits (many\nnon-clinical roles) over roles that need a particular mix (nursing needs caring, biology,\nteamwork and staying calm together), so the family shares describe this simulated\npopulation, not real students. The figures that matter are reach (every role can be\nsomeone's top match), the largest share (no role is suggested to everyone), that unsure\nstudents are never told they have a strong match, and that personas land where they should.\nThe goal of at most 3× a fair share for the most-reached role is not yet met: Creator and\nLeader students are a sixth each of the simulated population, but the NHS has few\ncreative and leading roles, so those roles share many students between them. Adding an\narts coordinator, an ocularist and a simulation technician brought it from 3.8× to 3.6×.\nA graphic designer was tried and left out: a job built almost only on art, design and\ncomputers takes nearly every Creator student (14 % of all students, 4.9×).\n\n## Figures\n\n{markdown}"
            );
            if let Err(e) = std::fs::write(&file, text) {
                eprintln!("cannot write {file}: {e}");
                return ExitCode::FAILURE;
            }
            println!("wrote {file}");
        }
        None => print!("{markdown}"),
    }
    if report.unreachable.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn sample(assets: &Path, mut args: Vec<String>) -> ExitCode {
    let seed = match take_option(&mut args, "--seed").and_then(|v| parse_number(v, 1)) {
        Ok(seed) if args.is_empty() => seed,
        Ok(_) => return fail(USAGE),
        Err(e) => return fail(&e),
    };
    let Some(content) = load(assets) else {
        return ExitCode::FAILURE;
    };
    let answers = fairness::persona_answers(&content, &mut StdRng::seed_from_u64(seed));
    println!("Answers (student {seed}):");
    for item in &content.quiz.items {
        let chosen: Vec<&str> = answers
            .chosen(&item.id)
            .iter()
            .filter_map(|id| item.option(id).map(|o| o.label.as_str()))
            .collect();
        let shown = if chosen.is_empty() {
            "(skipped)".to_owned()
        } else {
            chosen.join(", ")
        };
        println!("  {} → {shown}", item.prompt);
    }
    let results = Matcher::new(&content).results(&answers);
    let ui = &content.strings.ui;
    println!("\nEvidence: {:?}", results.confidence);
    let s = &results.strengths;
    println!("\nStrengths:");
    for st in s.interests.iter().chain(&s.skills).chain(&s.work_styles) {
        println!("  {} ({}%): {}", st.name, st.percent, st.text);
    }
    if s.is_empty() {
        println!("  {}", content.strings.strengths.none_yet);
    }
    let bars: Vec<String> = s
        .chart
        .iter()
        .map(|b| {
            format!(
                "{} {}",
                b.name,
                b.percent.map_or("-".into(), |p| p.to_string())
            )
        })
        .collect();
    println!("  Chart: {}", bars.join(" | "));
    println!("\nMatches:");
    for m in &results.matches {
        let role = &content.roles[m.role];
        let tag = match m.kind {
            MatchKind::Top => "",
            MatchKind::NonClinical => " [non-clinical pick]",
            MatchKind::Wildcard => " [wildcard]",
        };
        let band = m.band.words(ui);
        println!(
            "  {band} ({}%) {} ({}){tag}",
            m.fit(),
            role.title,
            role.family
        );
        for r in &m.reasons {
            println!("      - {}", r.text);
        }
        println!("      Pay: {}", content.pay_text(role));
    }
    ExitCode::SUCCESS
}

fn readability(assets: &Path, mut args: Vec<String>) -> ExitCode {
    use find_your_fit::content::readability::{MAX_TEXT_AGE, MIN_SCORED_WORDS, Report, TARGET_AGE};
    let top = match take_option(&mut args, "--top") {
        Ok(n) => match n.map(|n| n.parse::<usize>()) {
            None => 20,
            Some(Ok(n)) => n,
            Some(Err(_)) => return fail("--top needs a number"),
        },
        Err(e) => return fail(&e),
    };
    if !args.is_empty() {
        return fail(USAGE);
    }
    let Some(content) = load(assets) else {
        return ExitCode::FAILURE;
    };
    let report = Report::new(&content);
    println!(
        "The whole game: {} texts, {} words, reading age {:.1} (the target is {TARGET_AGE} or below).",
        report.texts.len(),
        report.whole.words,
        report.whole.age()
    );
    println!(
        "Hardest texts of {MIN_SCORED_WORDS}+ words (none may read above age {MAX_TEXT_AGE}):"
    );
    for t in report.hardest().into_iter().take(top) {
        println!(
            "  age {:>4.1}  {}\n            {}",
            t.counts.age(),
            t.place,
            t.text
        );
    }
    if report.passes() {
        println!("readability check passed");
        ExitCode::SUCCESS
    } else {
        println!(
            "readability check failed: {} texts read above age {MAX_TEXT_AGE}; rewrite them in shorter sentences and words.",
            report.too_hard().len()
        );
        ExitCode::FAILURE
    }
}
