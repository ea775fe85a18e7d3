//! Share codes: a student's answers, the jobs they kept and the jobs they said were not for
//! them, as a short text that fits in a link and a QR code, and nothing else (no name, no
//! time, no device). Plain Rust, apart from the game.
//!
//! A code is base64url (no padding) of `[version][roles…][entries…][checksum]`:
//!
//! - the roles (version 2 on) are two lists, the shortlist then the jobs marked "not for
//!   me": a count byte, then each role's key (2 bytes); version 1 codes have none;
//! - each entry is an answered item: the item's key (2 bytes), then each chosen option's key
//!   (2 bytes each), the last with its top bit set to end the entry;
//! - a key is a hash of the item's or role's id (16 bits) or the option's id (15 bits), so a link keeps
//!   working when items are added, reordered or reworded; the content check makes sure no two
//!   items (and no two options of one item) share a key;
//! - the checksum (4 bytes) covers everything before it, so a mangled or truncated link is
//!   refused rather than read as different answers.
//!
//! Decoding gives the answers the current quiz still has, and says how many it had to drop
//! (items or options removed since the link was made).

use std::fmt;

use crate::content::{Answers, Item, Quiz};

/// The format's version, the code's first byte. Version 1 codes (answers only) still open.
pub const SHARE_VERSION: u8 = 2;

/// The most roles one list in a code can hold (its count is one byte).
pub const MAX_LISTED: usize = 255;

/// Bytes of checksum at the end of a code.
const CHECKSUM: usize = 4;

/// The longest code accepted: far more than a whole quiz of answers needs, and a guard
/// against being handed a huge text.
pub const MAX_CODE_LEN: usize = 2_000;

/// Why a share code could not be read. The game turns each into friendly words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareError {
    /// Nothing to read.
    Empty,
    /// Longer than any real code.
    TooLong,
    /// A character that is not part of a code (letters, digits, `-` and `_`).
    NotACode,
    /// Damaged or cut short: the checksum does not match.
    Damaged,
    /// Made by a newer (or unknown) version of the game.
    UnknownVersion(u8),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::Empty => write!(f, "the share code is empty"),
            ShareError::TooLong => write!(f, "the share code is too long to be real"),
            ShareError::NotACode => write!(f, "the share code has characters no code uses"),
            ShareError::Damaged => write!(f, "the share code is damaged or cut short"),
            ShareError::UnknownVersion(v) => write!(f, "share code version {v} is not known"),
        }
    }
}

impl std::error::Error for ShareError {}

/// The answers a code holds, as far as the current quiz still has them, and the keys of the
/// roles it lists (see [`role_index`] to find them in the catalogue).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Shared {
    pub answers: Answers,
    /// Answers in the code that the quiz no longer has (an item or option removed since).
    pub dropped: usize,
    /// Keys of the roles the student kept, in the order they kept them.
    pub shortlist: Vec<u16>,
    /// Keys of the roles the student said were not for them.
    pub not_for_me: Vec<u16>,
}

/// The student's own lists of roles, by id, to put in a code beside the answers.
#[derive(Debug, Clone, Copy, Default)]
pub struct Picks<'a> {
    pub shortlist: &'a [String],
    pub not_for_me: &'a [String],
}

/// The index of the role with this key, if the catalogue still has it.
pub fn role_index(roles: &[crate::content::Role], role_key: u16) -> Option<usize> {
    roles.iter().position(|r| key(&r.id) == role_key)
}

/// 32-bit FNV-1a: a small, stable hash (the same on every platform and in every version).
fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(*b)).wrapping_mul(0x0100_0193)
    })
}

/// The 16-bit key of an item's id in a code.
pub fn key(id: &str) -> u16 {
    let h = fnv1a(id.as_bytes());
    ((h >> 16) ^ (h & 0xffff)) as u16
}

/// Marks the last option of an entry.
const LAST: u16 = 0x8000;

/// The 15-bit key of an option's id (the top bit marks the end of an entry).
pub fn option_key(id: &str) -> u16 {
    key(id) & !LAST
}

/// The student's answers as a share code, items in quiz order.
pub fn encode(quiz: &Quiz, answers: &Answers) -> String {
    encode_with(quiz, answers, Picks::default())
}

/// The student's answers and their lists of roles as a share code. A list longer than
/// [`MAX_LISTED`] keeps its first roles.
pub fn encode_with(quiz: &Quiz, answers: &Answers, picks: Picks) -> String {
    let mut bytes = vec![SHARE_VERSION];
    for list in [picks.shortlist, picks.not_for_me] {
        let list = &list[..list.len().min(MAX_LISTED)];
        bytes.push(list.len() as u8);
        for id in list {
            bytes.extend_from_slice(&key(id).to_be_bytes());
        }
    }
    for item in &quiz.items {
        let chosen = answers.chosen(&item.id);
        if chosen.is_empty() {
            continue;
        }
        bytes.extend_from_slice(&key(&item.id).to_be_bytes());
        for (i, option) in chosen.iter().enumerate() {
            let last = if i + 1 == chosen.len() { LAST } else { 0 };
            bytes.extend_from_slice(&(option_key(option) | last).to_be_bytes());
        }
    }
    let sum = fnv1a(&bytes);
    bytes.extend_from_slice(&sum.to_be_bytes());
    base64url(&bytes)
}

/// Reads a share code against the current quiz. Never panics, whatever the text.
pub fn decode(quiz: &Quiz, code: &str) -> Result<Shared, ShareError> {
    let code = code.trim();
    if code.is_empty() {
        return Err(ShareError::Empty);
    }
    if code.len() > MAX_CODE_LEN {
        return Err(ShareError::TooLong);
    }
    let bytes = from_base64url(code).ok_or(ShareError::NotACode)?;
    if bytes.len() < 1 + CHECKSUM {
        return Err(ShareError::Damaged);
    }
    let (body, sum) = bytes.split_at(bytes.len() - CHECKSUM);
    if fnv1a(body).to_be_bytes() != sum {
        return Err(ShareError::Damaged);
    }
    match body[0] {
        1 => read_entries(quiz, &body[1..]),
        2 => {
            let (shortlist, rest) = role_list(&body[1..]).ok_or(ShareError::Damaged)?;
            let (not_for_me, rest) = role_list(rest).ok_or(ShareError::Damaged)?;
            Ok(Shared {
                shortlist,
                not_for_me,
                ..read_entries(quiz, rest)?
            })
        }
        v => Err(ShareError::UnknownVersion(v)),
    }
}

/// A count byte and that many role keys, and what follows them.
fn role_list(bytes: &[u8]) -> Option<(Vec<u16>, &[u8])> {
    let (count, rest) = bytes.split_first()?;
    let len = usize::from(*count) * 2;
    if rest.len() < len {
        return None;
    }
    let (keys, rest) = rest.split_at(len);
    let keys = keys
        .chunks(2)
        .map(|k| u16::from_be_bytes([k[0], k[1]]))
        .collect();
    Some((keys, rest))
}

/// The entries after the version byte. The checksum matched, so a short or odd entry means
/// a code this version did not write: refused as damaged rather than half read.
fn read_entries(quiz: &Quiz, mut rest: &[u8]) -> Result<Shared, ShareError> {
    let mut answers = Answers::new();
    let mut dropped = 0;
    while !rest.is_empty() {
        let [a, b, tail @ ..] = rest else {
            return Err(ShareError::Damaged);
        };
        let (keys, next) = entry_options(tail).ok_or(ShareError::Damaged)?;
        rest = next;
        let Some(item) = quiz
            .items
            .iter()
            .find(|i| key(&i.id) == u16::from_be_bytes([*a, *b]))
        else {
            dropped += 1;
            continue;
        };
        let chosen = chosen_options(item, &keys);
        if chosen.len() == keys.len() && answers.answer(quiz, &item.id, &chosen).is_ok() {
            continue;
        }
        // Some of its options are gone (or too many for it now): the item is left unanswered.
        dropped += 1;
    }
    Ok(Shared {
        answers,
        dropped,
        ..Shared::default()
    })
}

/// An entry's option keys (without the end mark) and what follows the entry; `None` if the
/// bytes end before an option marked last.
fn entry_options(mut bytes: &[u8]) -> Option<(Vec<u16>, &[u8])> {
    let mut keys = Vec::new();
    loop {
        let [a, b, rest @ ..] = bytes else {
            return None;
        };
        let k = u16::from_be_bytes([*a, *b]);
        keys.push(k & !LAST);
        bytes = rest;
        if k & LAST != 0 {
            return Some((keys, bytes));
        }
    }
}

/// The ids of the options with these keys, in order, leaving out unknown keys.
fn chosen_options<'q>(item: &'q Item, keys: &[u16]) -> Vec<&'q str> {
    keys.iter()
        .filter_map(|k| item.options.iter().find(|o| option_key(&o.id) == *k))
        .map(|o| o.id.as_str())
        .collect()
}

/// A QR code as squares: `size` on a side, row by row, `true` for dark. It has no quiet zone
/// (the light border readers need): whoever draws it adds one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Qr {
    pub size: usize,
    pub modules: Vec<bool>,
    /// The QR version (1 to 40): how big a code the text needed.
    pub version: i16,
}

/// The squares of a QR code for `text` at error correction level M (15 % can be damaged and
/// it still reads, enough for a smudged screen or a projector), or `None` if it is too long.
pub fn qr(text: &str) -> Option<Qr> {
    let code =
        qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M).ok()?;
    let version = match code.version() {
        qrcode::Version::Normal(v) | qrcode::Version::Micro(v) => v,
    };
    Some(Qr {
        size: code.width(),
        modules: code
            .to_colors()
            .into_iter()
            .map(|c| c == qrcode::Color::Dark)
            .collect(),
        version,
    })
}

impl Qr {
    /// The squares as text, `1` for dark and `0` for light, row by row (for the web page).
    pub fn bits(&self) -> String {
        self.modules
            .iter()
            .map(|m| if *m { '1' } else { '0' })
            .collect()
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 0x3f) as usize] as char);
        }
    }
    out
}

fn from_base64url(text: &str) -> Option<Vec<u8>> {
    let sextet = |c: u8| ALPHABET.iter().position(|a| *a == c).map(|p| p as u32);
    let chars = text.as_bytes();
    // A group of 4 characters is 3 bytes; a last group of 2 or 3 is 1 or 2. One left over
    // cannot be a code.
    if chars.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(chars.len() * 3 / 4);
    for group in chars.chunks(4) {
        let mut n = 0u32;
        for (i, c) in group.iter().enumerate() {
            n |= sextet(*c)? << (18 - 6 * i);
        }
        for i in 0..group.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_every_length() {
        for len in 0..40 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            let text = base64url(&bytes);
            assert!(text.bytes().all(|c| ALPHABET.contains(&c)));
            assert_eq!(from_base64url(&text), Some(bytes), "length {len}");
        }
    }

    #[test]
    fn keys_are_stable_across_versions() {
        // A key change would break every link ever shared: these values must never change.
        assert_eq!(fnv1a(b""), 0x811c_9dc5);
        assert_eq!(fnv1a(b"a"), 0xe40c_292c);
        assert_eq!(key("a"), 0xe40c ^ 0x292c);
    }

    #[test]
    fn lists_of_roles_round_trip_and_version_1_codes_still_open() {
        let quiz = Quiz { items: Vec::new() };
        let kept = ["paramedic".to_string(), "porter".to_string()];
        let not_for_me = ["dentist".to_string()];
        let picks = Picks {
            shortlist: &kept,
            not_for_me: &not_for_me,
        };
        let shared = decode(&quiz, &encode_with(&quiz, &Answers::new(), picks)).unwrap();
        assert_eq!(shared.shortlist, vec![key("paramedic"), key("porter")]);
        assert_eq!(shared.not_for_me, vec![key("dentist")]);
        // A code from before the lists existed: version 1, no entries.
        let mut old = vec![1u8];
        let sum = fnv1a(&old);
        old.extend_from_slice(&sum.to_be_bytes());
        let shared = decode(&quiz, &base64url(&old)).unwrap();
        assert!(shared.shortlist.is_empty() && shared.answers.is_empty());
        // A list that claims more roles than the code holds is damage, not a short list.
        let mut short = vec![2u8, 3, 0, 1];
        let sum = fnv1a(&short);
        short.extend_from_slice(&sum.to_be_bytes());
        assert_eq!(decode(&quiz, &base64url(&short)), Err(ShareError::Damaged));
    }

    #[test]
    fn odd_text_is_refused_plainly() {
        let quiz = Quiz { items: Vec::new() };
        assert_eq!(decode(&quiz, "   "), Err(ShareError::Empty));
        assert_eq!(decode(&quiz, "not a code!"), Err(ShareError::NotACode));
        assert_eq!(decode(&quiz, "AQ"), Err(ShareError::Damaged));
        assert_eq!(
            decode(&quiz, &"A".repeat(MAX_CODE_LEN + 1)),
            Err(ShareError::TooLong)
        );
        let mut future = vec![9u8];
        let sum = fnv1a(&future);
        future.extend_from_slice(&sum.to_be_bytes());
        assert_eq!(
            decode(&quiz, &base64url(&future)),
            Err(ShareError::UnknownVersion(9))
        );
    }
}
