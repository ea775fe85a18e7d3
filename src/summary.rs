//! The printable careers profile: everything the one-page summary shows, gathered from the
//! content, the student's results and their shortlist, in the words of the strings file.
//! The web page lays it out for printing (from its JSON); the desktop saves it as text.
//! Plain Rust, apart from the game.

use serde::Serialize;

use crate::content::{Content, Role, fill};
use crate::matching::{Match, Results};

/// How many reasons each job shows on paper (the page has room for two).
const REASONS: usize = 2;

/// One job on the profile.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummaryRole {
    pub title: String,
    /// The fit in words ("Strong match"); empty for a kept job that is not a match.
    pub fit: String,
    pub reasons: Vec<String>,
    pub subjects: String,
    pub routes: String,
}

/// One bar of the interest chart: `percent` is `None` when no answer measured it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummaryBar {
    pub label: String,
    pub percent: Option<u8>,
}

/// A heading with its words, as printed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Labels {
    pub title: String,
    pub intro: String,
    pub strengths: String,
    pub chart: String,
    pub matches: String,
    pub shortlist: String,
    pub why: String,
    pub subjects: String,
    pub routes: String,
    pub reflection: String,
    pub scan: String,
}

/// The whole profile.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub labels: Labels,
    /// The student's top interest types and skills, as "name: what it means".
    pub strengths: Vec<String>,
    pub chart: Vec<SummaryBar>,
    pub matches: Vec<SummaryRole>,
    pub shortlist: Vec<SummaryRole>,
    /// The reflection prompts, each followed on paper by space to write.
    pub prompts: Vec<String>,
    /// The link back to these results, printed under its QR code.
    pub link: String,
}

impl Summary {
    /// The profile for these results, the roles kept (catalogue indices) and the share link.
    pub fn new(content: &Content, results: &Results, kept: &[usize], link: &str) -> Self {
        let ui = &content.strings.ui;
        let strengths = &results.strengths;
        let role = |r: &Role, m: Option<&Match>| SummaryRole {
            title: r.title.clone(),
            fit: m.map(|m| m.band.words(ui).to_owned()).unwrap_or_default(),
            reasons: m
                .map(|m| {
                    m.reasons
                        .iter()
                        .take(REASONS)
                        .map(|x| x.text.clone())
                        .collect()
                })
                .unwrap_or_default(),
            subjects: content.subject_names(r).join(", "),
            routes: content.route_names(r).join(", "),
        };
        let find = |i: usize| results.matches.iter().find(|m| m.role == i);
        Summary {
            labels: Labels {
                title: ui.print_title.clone(),
                intro: ui.print_intro.clone(),
                strengths: ui.strengths_interests.clone(),
                chart: ui.chart_title.clone(),
                matches: ui.print_matches.clone(),
                shortlist: ui.shortlist_title.clone(),
                why: ui.why.clone(),
                subjects: ui.subjects_label.clone(),
                routes: ui.routes_label.clone(),
                reflection: ui.print_reflection.clone(),
                scan: ui.print_scan.clone(),
            },
            strengths: strengths
                .interests
                .iter()
                .chain(&strengths.skills)
                .map(|s| format!("{}: {}", s.name, s.text))
                .collect(),
            chart: strengths
                .chart
                .iter()
                .map(|b| SummaryBar {
                    label: b.name.clone(),
                    percent: b.percent,
                })
                .collect(),
            matches: results
                .matches
                .iter()
                .map(|m| role(&content.roles[m.role], Some(m)))
                .collect(),
            shortlist: kept
                .iter()
                .filter_map(|i| Some(role(content.roles.get(*i)?, find(*i))))
                .collect(),
            prompts: vec![
                ui.reflect_three.clone(),
                ui.reflect_surprise.clone(),
                ui.reflect_next.clone(),
            ],
            link: link.to_owned(),
        }
    }

    /// The profile as plain text (the desktop saves this), with lines to write on.
    pub fn to_text(&self, ui_percent: &str, unanswered: &str) -> String {
        let l = &self.labels;
        let mut out = format!("{}\n{}\n\n{}\n", l.title, l.intro, l.strengths);
        for s in &self.strengths {
            out += &format!("- {s}\n");
        }
        out += &format!("\n{}\n", l.chart);
        for b in &self.chart {
            let value = match b.percent {
                Some(p) => fill(ui_percent, &[("percent", &p.to_string())]),
                None => unanswered.to_owned(),
            };
            out += &format!("- {}: {value}\n", b.label);
        }
        for (heading, roles) in [(&l.matches, &self.matches), (&l.shortlist, &self.shortlist)] {
            if roles.is_empty() {
                continue;
            }
            out += &format!("\n{heading}\n");
            for r in roles {
                out += &format!("\n{}", r.title);
                if !r.fit.is_empty() {
                    out += &format!(" ({})", r.fit);
                }
                out += "\n";
                for reason in &r.reasons {
                    out += &format!("  - {reason}\n");
                }
                out += &format!(
                    "  {}: {}\n  {}: {}\n",
                    l.subjects, r.subjects, l.routes, r.routes
                );
            }
        }
        out += &format!("\n{}\n", l.reflection);
        for p in &self.prompts {
            out += &format!("\n{p}\n{}\n{}\n", "_".repeat(60), "_".repeat(60));
        }
        out += &format!("\n{}\n{}\n", l.scan, self.link);
        out
    }
}
