//! Where this copy of the game lives and what it was opened with: the address share links
//! start with, a share code the page was opened with, and the workshop options in its
//! address. Set by the platform at start (the page's address on the web), read by the session.

use bevy::prelude::*;
use std::time::Duration;

/// The address a share link starts with (the game's own page, without any `#…`).
#[derive(Resource, Debug, Clone, PartialEq, Eq)]
pub struct ShareBase(pub String);

impl Default for ShareBase {
    /// The address `cargo xtask serve` uses; the web build uses the page's real address.
    fn default() -> Self {
        Self("http://127.0.0.1:8080/".into())
    }
}

impl ShareBase {
    /// The link that opens these results: the code goes after `#`, which browsers never send
    /// to the web server, so it stays out of server logs.
    pub fn link(&self, code: &str) -> String {
        format!("{}#r={code}", self.0)
    }
}

/// The share code the game was opened with (`#r=…` in the address), read once content loads.
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub struct IncomingLink(pub Option<String>);

impl IncomingLink {
    /// The code in an address's fragment (`#r=CODE`, with or without the `#`), if any.
    pub fn from_fragment(fragment: &str) -> Self {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        Self(
            fragment
                .split('&')
                .find_map(|part| part.strip_prefix("r="))
                .map(str::to_owned),
        )
    }
}

/// How long a workshop computer waits with nobody pressing anything before asking "Still
/// there?", and then how long before it clears the answers.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdleLimits {
    pub ask: Duration,
    pub clear: Duration,
}

impl Default for IdleLimits {
    fn default() -> Self {
        Self {
            ask: Duration::from_secs(5 * 60),
            clear: Duration::from_secs(60),
        }
    }
}

/// Workshop options read from the page's address: `?workshop` turns workshop mode on, and
/// `idle=N` (seconds, 10 to 3600) sets how long before "Still there?".
#[derive(Resource, Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WorkshopQuery {
    pub workshop: bool,
    pub idle: Option<Duration>,
}

impl WorkshopQuery {
    pub fn parse(query: &str) -> Self {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut out = Self::default();
        for part in query.split('&') {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            match key {
                "workshop" => out.workshop = value != "0" && value != "off",
                "idle" => {
                    out.idle = value
                        .parse::<u64>()
                        .ok()
                        .map(|s| Duration::from_secs(s.clamp(10, 3600)))
                }
                _ => {}
            }
        }
        out
    }
}
