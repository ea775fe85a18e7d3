//! Build tooling for Find Your Fit.
//!
//! - `cargo xtask serve [--port N]`: builds the web version into `dist/` and serves it on
//!   this machine, printing the address. Unchanged steps are skipped, so after an edit to the
//!   content it serves within seconds.
//! - `cargo xtask serve-built [--port N]`: serves `dist/` as it is, building nothing.
//! - `cargo xtask build-web`: only builds `dist/` (a folder any static web host can serve).
//! - `cargo xtask bench-web`: measures the built `dist/` in headless Chromium (sizes, start
//!   times cold and warm, idle frames, memory over many games, where the wasm's bytes go)
//!   and records the figures in `docs/benchmarks.md`. It builds nothing. `--sizes` prints
//!   only the sizes and the breakdown, in seconds.
//! - `cargo xtask test`: every test: unit and headless game tests, the content check, the web
//!   build and the browser tests in headless Chromium. It installs what it needs on a fresh
//!   machine of this kind, or stops with one line saying what to install.

mod bench;
mod icon;
mod page;
mod serve;
mod web;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => port(&args).and_then(|port| {
            let report = web::build(&root())?;
            println!("{report}");
            serve::serve_forever(&root().join("dist"), port)
        }),
        Some("serve-built") => {
            port(&args).and_then(|port| serve::serve_forever(&root().join("dist"), port))
        }
        Some("build-web") => web::build(&root()).map(|report| println!("{report}")),
        Some("bench-web") => bench::measure(&root(), args.iter().any(|a| a == "--sizes")),
        Some("test") => test(),
        _ => Err(
            "usage: cargo xtask (serve [--port N] | serve-built [--port N] | build-web | bench-web [--sizes] | test)"
                .into(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The `--port N` option, 8080 when it is not given.
fn port(args: &[String]) -> Result<u16, String> {
    let port = option(args, "--port")?.unwrap_or_else(|| "8080".into());
    port.parse::<u16>()
        .map_err(|_| format!("--port takes a number, not {port}"))
}

fn option(args: &[String], name: &str) -> Result<Option<String>, String> {
    match args.iter().position(|a| a == name) {
        None => Ok(None),
        Some(i) => args
            .get(i + 1)
            .cloned()
            .map(Some)
            .ok_or(format!("{name} needs a value")),
    }
}

/// The repository root (the folder above this crate).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the repository")
        .to_path_buf()
}

/// Runs a command, streaming its output; fails with its name if it fails.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    let shown = format!("{cmd:?}");
    println!("xtask: running {shown}");
    let status = cmd
        .status()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

/// The output of a command, if it runs and succeeds.
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn test() -> Result<(), String> {
    let root = root();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    // Style first, so a slip fails in seconds rather than after the long builds. Clippy's
    // check build of the dependencies is shared with `cargo doc`, and `cargo test` builds
    // them once more (natively, at another opt-level); the web build is the only other.
    run(Command::new(&cargo)
        .current_dir(&root)
        .args(["fmt", "--all", "--check"]))?;
    // The wasm build runs beside the native checks and tests (its own profile, so its own
    // cargo lock): its long single-threaded link would otherwise leave a core idle.
    let wasm = web::start_wasm_build(&root)?;
    if let Err(e) = native_checks(&root, &cargo) {
        wasm.stop();
        return Err(e);
    }
    wasm.finish()?;
    // The browser and npm tools first (npm brings a good wasm-opt), then the web build and
    // the browser tests against it.
    web::ensure_browser_tools(&root)?;
    let report = web::build(&root)?;
    println!("{report}");
    std::fs::write(web::target_dir(&root).join("web-size.txt"), &report)
        .map_err(|e| e.to_string())?;
    let server = serve::serve_in_background(&root.join("dist"))?;
    let url = format!("http://127.0.0.1:{}/", server);
    println!("xtask: browser tests against {url}");
    run(Command::new("node")
        .current_dir(&root)
        .env("FYF_URL", &url)
        .args(["--test", "--test-concurrency=1", "tests/browser/"]))
}

/// Clippy, the docs, `cargo test` and the content check, natively.
fn native_checks(root: &Path, cargo: &str) -> Result<(), String> {
    run(Command::new(cargo).current_dir(root).args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    // Private items too: the game's modules (and the layers its header draws) are private.
    run(Command::new(cargo)
        .current_dir(root)
        .env("RUSTDOCFLAGS", "-D warnings")
        .args([
            "doc",
            "--workspace",
            "--no-deps",
            "--document-private-items",
        ]))?;
    // Unit, headless game and content tests (natively).
    run(Command::new(cargo)
        .current_dir(root)
        .args(["test", "--workspace"]))?;
    // The content check, as editors run it, with the binary `cargo test` just built for the
    // content tests: `cargo run` would build Bevy again, with other features (8 minutes).
    let content = web::target_dir(root)
        .join("debug")
        .join(format!("content{}", std::env::consts::EXE_SUFFIX));
    if !content.exists() {
        return Err(format!("cargo test did not build {}", content.display()));
    }
    run(Command::new(&content).current_dir(root).arg("check"))
}
