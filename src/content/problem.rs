//! What the content check reports: each problem names the file, the entry and what is wrong,
//! and says whether it stops the game from using the content or only breaks a writing rule.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// The game cannot use the content: the loader refuses it.
    Broken,
    /// The game can run, but the content breaks a rule in the editors' guide.
    Guideline,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// The file, as a path under `assets/`.
    pub file: String,
    /// The entry in that file: `role 3 "dentist"`, `item "fix-bike"`, or `-` for the whole file.
    pub entry: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tag = match self.severity {
            Severity::Broken => "error",
            Severity::Guideline => "guideline",
        };
        write!(
            f,
            "{tag}: assets/{}: {}: {}",
            self.file, self.entry, self.message
        )
    }
}

/// Collects problems while the checker walks the files.
#[derive(Debug, Default)]
pub(crate) struct Problems(pub Vec<Problem>);

impl Problems {
    pub fn broken(&mut self, file: &str, entry: impl Into<String>, message: impl Into<String>) {
        self.push(Severity::Broken, file, entry.into(), message.into());
    }

    pub fn guideline(&mut self, file: &str, entry: impl Into<String>, message: impl Into<String>) {
        self.push(Severity::Guideline, file, entry.into(), message.into());
    }

    fn push(&mut self, severity: Severity, file: &str, entry: String, message: String) {
        self.0.push(Problem {
            severity,
            file: file.to_owned(),
            entry,
            message,
        });
    }

    pub fn any_broken(&self) -> bool {
        self.0.iter().any(|p| p.severity == Severity::Broken)
    }
}

/// The loader's answer when the content cannot be used: every problem found, for the game to
/// show and for an editor to fix in one pass.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub problems: Vec<Problem>,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        writeln!(
            f,
            "The game's content files have {n} problem{}:",
            if n == 1 { "" } else { "s" }
        )?;
        for p in &self.problems {
            writeln!(f, "- {p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ContentError {}
