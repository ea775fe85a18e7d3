//! Share codes: a student's answers as a short text that fits in a link and a QR code, and
//! nothing else (no name, no time, no device). Plain Rust, apart from the game.
//!
//! A code is base64url (no padding) of `[version][entries…][checksum]`:
//!
//! - each entry is an answered item: the item's key (2 bytes), then each chosen option's key
//!   (2 bytes each), the last with its top bit set to end the entry;
//! - a key is a hash of the item's id (16 bits) or the option's id (15 bits), so a link keeps
//!   working when items are added, reordered or reworded; the content check makes sure no two
//!   items (and no two options of one item) share a key;
//! - the checksum (4 bytes) covers everything before it, so a mangled or truncated link is
//!   refused rather than read as different answers.
//!
//! Decoding gives the answers the current quiz still has, and says how many it had to drop
//! (items or options removed since the link was made).

use std::fmt;

use crate::content::{Answers, Item, Quiz};

/// The format's version, the code's first byte.
pub const SHARE_VERSION: u8 = 1;

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

/// The answers a code holds, as far as the current quiz still has them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shared {
    pub answers: Answers,
    /// Answers in the code that the quiz no longer has (an item or option removed since).
    pub dropped: usize,
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
    let mut bytes = vec![SHARE_VERSION];
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
    if body[0] != SHARE_VERSION {
        return Err(ShareError::UnknownVersion(body[0]));
    }
    read_entries(quiz, &body[1..])
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
    Ok(Shared { answers, dropped })
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
