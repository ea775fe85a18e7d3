//! How easy the game's words are to read. Every sentence a student sees (quiz questions and
//! options, role text, reasons, the taxonomy's names and descriptions, the interface strings)
//! is scored with the Flesch–Kincaid grade, turned into a UK reading age (grade + 5), and the
//! hardest texts are reported so editors know what to rewrite first.
//!
//! Flesch–Kincaid is a blunt tool (it only counts words, sentences and syllables), so it is
//! used two ways: the whole game, weighted by words, must read at [`TARGET_AGE`] or below,
//! and no single text long enough to score fairly may read above [`MAX_TEXT_AGE`].

use serde_json::Value;

use super::Content;

/// The whole game's reading age must be this or below (the brief: ages 9–11).
pub const TARGET_AGE: f64 = 11.0;
/// No one text (of [`MIN_SCORED_WORDS`] or more) may read above this.
pub const MAX_TEXT_AGE: f64 = 12.0;
/// Shorter texts (names, button labels) are counted in the whole but not judged alone: one
/// long word in a three-word label says little about how hard it is to read.
pub const MIN_SCORED_WORDS: usize = 8;

/// The counts behind a score.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
}

impl Counts {
    pub fn of(text: &str) -> Self {
        let mut counts = Counts::default();
        let mut in_sentence = false;
        for token in text.split_whitespace() {
            let word: String = token
                .chars()
                .filter(|c| c.is_alphabetic() || *c == '\'' || *c == '’')
                .collect();
            if word.chars().any(char::is_alphabetic) {
                counts.words += 1;
                counts.syllables += syllables(&word);
                in_sentence = true;
            }
            let ends = token
                .trim_end_matches(['"', '”', '’', ')'])
                .ends_with(['.', '!', '?']);
            if ends && in_sentence {
                counts.sentences += 1;
                in_sentence = false;
            }
        }
        if in_sentence {
            counts.sentences += 1;
        }
        counts
    }

    fn add(&mut self, other: Counts) {
        self.words += other.words;
        self.sentences += other.sentences;
        self.syllables += other.syllables;
    }

    /// The Flesch–Kincaid grade (US school grade); 0 for no words.
    pub fn grade(&self) -> f64 {
        if self.words == 0 {
            return 0.0;
        }
        let words = self.words as f64;
        0.39 * words / self.sentences.max(1) as f64 + 11.8 * self.syllables as f64 / words - 15.59
    }

    /// The reading age in years: the grade plus five, never below five.
    pub fn age(&self) -> f64 {
        (self.grade() + 5.0).max(5.0)
    }
}

/// Syllables in one word, by vowel groups: "nurse" 1, "physio" 3, "radiographer" 5. It is
/// an estimate, like every syllable counter, but a steady one.
pub fn syllables(word: &str) -> usize {
    let word: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut count = 0;
    let mut previous = false;
    for &c in &word {
        let v = vowel(c);
        if v && !previous {
            count += 1;
        }
        previous = v;
    }
    // A silent final "e" ("care", "nurse"), but not "-le" ("people") or "-ee".
    let n = word.len();
    if n > 2
        && word[n - 1] == 'e'
        && !vowel(word[n - 2])
        && (word[n - 2] != 'l' || vowel(word[n - 3]))
    {
        count -= 1;
    }
    // "-ed" after anything but t or d is not a syllable ("helped", "cared").
    if n > 3
        && word.ends_with(&['e', 'd'])
        && !matches!(word[n - 3], 't' | 'd')
        && !vowel(word[n - 3])
    {
        count -= 1;
    }
    count.max(1)
}

/// One text a student sees, and where it lives.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    /// File and place, for example `roles/nursing.json: adult-nurse.summary`.
    pub place: String,
    pub text: String,
    pub counts: Counts,
}

/// Every student-facing text, scored.
#[derive(Debug, Clone)]
pub struct Report {
    pub texts: Vec<Text>,
    pub whole: Counts,
}

impl Report {
    pub fn new(content: &Content) -> Self {
        let texts = student_texts(content);
        let mut whole = Counts::default();
        for t in &texts {
            whole.add(t.counts);
        }
        Report { texts, whole }
    }

    /// The texts long enough to judge alone, hardest first.
    pub fn hardest(&self) -> Vec<&Text> {
        let mut scored: Vec<&Text> = self
            .texts
            .iter()
            .filter(|t| t.counts.words >= MIN_SCORED_WORDS)
            .collect();
        scored.sort_by(|a, b| b.counts.age().total_cmp(&a.counts.age()));
        scored
    }

    /// The texts that read above [`MAX_TEXT_AGE`].
    pub fn too_hard(&self) -> Vec<&Text> {
        self.hardest()
            .into_iter()
            .filter(|t| t.counts.age() > MAX_TEXT_AGE)
            .collect()
    }

    /// True when the game meets both rules.
    pub fn passes(&self) -> bool {
        self.whole.age() <= TARGET_AGE && self.too_hard().is_empty()
    }
}

fn text(place: String, text: &str) -> Text {
    named_text(place, text, None)
}

/// A role's own text: its job title is a name the student is there to learn, so it is scored
/// as one short word, as placeholders are ("Occupational therapists help…" is not hard to
/// read because the job has a long name).
fn named_text(place: String, text: &str, title: Option<&str>) -> Text {
    let mut plain = replace_placeholders(text);
    if let Some(title) = title {
        plain = replace_ignoring_case(&plain, title, "it");
    }
    Text {
        counts: Counts::of(&plain),
        place,
        text: text.to_owned(),
    }
}

fn replace_ignoring_case(text: &str, find: &str, with: &str) -> String {
    let find = find.to_lowercase();
    if find.is_empty() {
        return text.to_owned();
    }
    // Lower-casing can change a character's length ("İ" grows, the Kelvin sign "K" shrinks),
    // so matches are found in the lower-cased text and mapped back through where each
    // character's lower case starts; a match that starts or ends inside one is not a match.
    let mut lower = String::with_capacity(text.len());
    let mut origin: Vec<Option<usize>> = Vec::with_capacity(text.len() + 1);
    for (at, c) in text.char_indices() {
        let start = lower.len();
        lower.extend(c.to_lowercase());
        origin.resize(lower.len(), None);
        origin[start] = Some(at);
    }
    origin.push(Some(text.len()));
    let mut out = String::with_capacity(text.len());
    let (mut copied, mut search) = (0, 0);
    while let Some(found) = lower[search..].find(&find) {
        let start = search + found;
        let end = start + find.len();
        if let (Some(from), Some(to)) = (origin[start], origin[end]) {
            out.push_str(&text[copied..from]);
            out.push_str(with);
            copied = to;
            search = end;
        } else {
            search = start + lower[start..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out.push_str(&text[copied..]);
    out
}

fn replace_placeholders(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut inside = false;
    for c in text.chars() {
        match c {
            '{' => inside = true,
            '}' if inside => {
                inside = false;
                out.push_str("it");
            }
            _ if inside => {}
            _ => out.push(c),
        }
    }
    out
}

/// Every text a student can see, in file order.
pub fn student_texts(content: &Content) -> Vec<Text> {
    let mut out = Vec::new();
    for role in &content.roles {
        let at = |field: &str| format!("roles/{}.json: {}.{field}", role.family, role.id);
        let own = |field: &str, value: &str| named_text(at(field), value, Some(&role.title));
        out.push(text(at("title"), &role.title));
        out.push(own("summary", &role.summary));
        out.push(own("day", &role.day));
        out.push(own("myth", &role.myth));
        for (n, w) in role.workplaces.iter().enumerate() {
            out.push(text(at(&format!("workplaces[{n}]")), w));
        }
    }
    for item in &content.quiz.items {
        let at = |field: &str| format!("quiz.json: {}.{field}", item.id);
        out.push(text(at("prompt"), &item.prompt));
        for option in &item.options {
            out.push(text(at(&format!("{}.label", option.id)), &option.label));
            if let Some(reason) = &option.reason {
                out.push(text(at(&format!("{}.reason", option.id)), reason));
            }
        }
    }
    // The taxonomy's and the strings' words, found by walking their JSON: every string but
    // identifiers, links, sources and editor notes.
    if let Ok(value) = serde_json::to_value(&content.taxonomy) {
        walk("taxonomy.json", &value, &mut out);
    }
    if let Ok(value) = serde_json::to_value(&content.strings) {
        let file = format!("strings/{}.json", content.strings.language);
        walk(&file, &value, &mut out);
    }
    out
}

/// Keys whose strings students never read.
const NOT_FOR_STUDENTS: [&str; 8] = [
    "id",
    "$schema",
    "schema",
    "language",
    "read_more",
    "source",
    "url",
    "editor_note",
];

fn walk(place: &str, value: &Value, out: &mut Vec<Text>) {
    match value {
        Value::String(s) => out.push(text(place.to_owned(), s)),
        Value::Array(items) => {
            for (n, v) in items.iter().enumerate() {
                walk(&format!("{place}[{n}]"), v, out);
            }
        }
        Value::Object(map) => {
            for (key, v) in map {
                if NOT_FOR_STUDENTS.contains(&key.as_str()) {
                    continue;
                }
                let sep = if place.ends_with(".json") { ": " } else { "." };
                walk(&format!("{place}{sep}{key}"), v, out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_of_common_words() {
        for (word, n) in [
            ("nurse", 1),
            ("care", 1),
            ("people", 2),
            ("helped", 1),
            ("tested", 2),
            ("hospital", 3),
            ("computer", 3),
            ("cared", 1),
            ("you", 1),
            ("the", 1),
        ] {
            assert_eq!(syllables(word), n, "{word}");
        }
    }

    #[test]
    fn simple_text_reads_younger_than_hard_text() {
        let easy = Counts::of("You help people. You talk to them. It is fun.");
        let hard = Counts::of(
            "Practitioners administer pharmacological interventions, evaluating physiological \
             responsiveness systematically throughout multidisciplinary consultations.",
        );
        assert_eq!(easy.sentences, 3);
        assert_eq!(easy.words, 10);
        assert!(easy.age() < 8.0, "easy text reads at {}", easy.age());
        assert!(hard.age() > 18.0, "hard text reads at {}", hard.age());
    }

    #[test]
    fn a_role_title_counts_as_a_name() {
        let t = named_text(
            "x".into(),
            "Occupational therapists help people.",
            Some("Occupational therapist"),
        );
        assert_eq!(t.counts.words, 3);
    }

    #[test]
    fn placeholders_and_numbers_are_not_long_words() {
        let t = text("x".into(), "You chose {subject_name_here} and £24,465.");
        assert_eq!(t.counts.words, 4);
        assert_eq!(t.counts.sentences, 1);
    }

    #[test]
    fn titles_are_found_in_text_whose_lower_case_changes_length() {
        // "İ" lower-cases to two characters (3 bytes from 2); the Kelvin sign "K" to a plain
        // "k" (1 byte from 3): together the lengths match but the boundaries do not.
        assert_eq!(
            replace_ignoring_case("İİK nurse KİND İ", "nurse", "it"),
            "İİK it KİND İ"
        );
        assert_eq!(replace_ignoring_case("a Kelvin", "kelvin", "it"), "a it");
        assert_eq!(
            replace_ignoring_case("İstanbul NURSE", "i", "x"),
            "İstanbul NURSE"
        );
        assert_eq!(replace_ignoring_case("İ", "i̇", "x"), "x");
        for text in ["İİK", "KİKİ", "ǅİ", "ΣİK", ""] {
            let t = named_text("x".into(), &format!("{text} works here."), Some("İK"));
            assert!(t.counts.words >= 2, "{text}");
        }
    }
}
