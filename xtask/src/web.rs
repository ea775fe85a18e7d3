//! The web build: the game compiled to WebAssembly with the size-tuned profile, bound with
//! `wasm-bindgen` at exactly the version in Cargo.lock, shrunk with `wasm-opt` where a good
//! one is present, then put together with `web/` and the content into `dist/`, with gzip and
//! brotli copies for hosts that serve them.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{output, page, run};

const BIN: &str = "find_your_fit";
const TARGET: &str = "wasm32-unknown-unknown";
const PROFILE: &str = "wasm-release";
/// binaryen releases before this produce broken modules for current Rust.
const MIN_WASM_OPT: u32 = 116;
/// What the game loads at run time from `assets/` (not the schemas or font tooling).
const ASSET_DIRS: [&str; 3] = ["content", "strings", "fonts"];
/// Files under the asset folders that are for the people who edit them, not for the game:
/// everything else is copied, so a new font or data format cannot 404 by being forgotten here.
const EDITOR_ONLY_EXTENSIONS: [&str; 2] = ["md", "py"];

pub fn build(root: &Path) -> Result<String, String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    ensure_wasm_target(root)?;
    run(Command::new(&cargo).current_dir(root).args([
        "build",
        "--profile",
        PROFILE,
        "--target",
        TARGET,
        "--bin",
        BIN,
    ]))?;
    let wasm_in = root
        .join("target")
        .join(TARGET)
        .join(PROFILE)
        .join(format!("{BIN}.wasm"));
    let bindgen = ensure_wasm_bindgen(root)?;

    let dist = root.join("dist");
    if dist.exists() {
        std::fs::remove_dir_all(&dist)
            .map_err(|e| format!("cannot clear {}: {e}", dist.display()))?;
    }
    std::fs::create_dir_all(&dist).map_err(|e| e.to_string())?;
    run(Command::new(&bindgen)
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--out-name",
            BIN,
            "--out-dir",
        ])
        .arg(&dist)
        .arg(&wasm_in))?;

    let wasm = dist.join(format!("{BIN}_bg.wasm"));
    // FYF_SKIP_WASM_OPT=1 skips the slow shrinking step while iterating locally.
    let skip = std::env::var_os("FYF_SKIP_WASM_OPT").is_some();
    let optimised = match find_wasm_opt(root).filter(|_| !skip) {
        Some(opt) => {
            let tmp = dist.join("optimised.wasm");
            run(Command::new(&opt)
                .args(["-Oz", "--strip-debug", "--strip-producers"])
                .args([
                    "--enable-bulk-memory",
                    "--enable-nontrapping-float-to-int",
                    "--enable-sign-ext",
                ])
                .args([
                    "--enable-mutable-globals",
                    "--enable-reference-types",
                    "--enable-multivalue",
                ])
                .arg(&wasm)
                .arg("-o")
                .arg(&tmp))?;
            std::fs::rename(&tmp, &wasm).map_err(|e| e.to_string())?;
            true
        }
        None if skip => {
            println!("xtask: FYF_SKIP_WASM_OPT is set; the wasm is not shrunk further");
            false
        }
        None => {
            println!(
                "xtask: no wasm-opt {MIN_WASM_OPT}+ found (npm ci installs one); the wasm is not shrunk further"
            );
            false
        }
    };

    copy_dir(&root.join("web"), &dist, &|_| true)?;
    write_page(root, &dist)?;
    for dir in ASSET_DIRS {
        copy_dir(
            &root.join("assets").join(dir),
            &dist.join("assets").join(dir),
            &|p: &Path| {
                p.extension()
                    .and_then(|e| e.to_str())
                    .is_none_or(|e| !EDITOR_ONLY_EXTENSIONS.contains(&e))
            },
        )?;
    }
    let files = files_in(&dist);
    let (mut raw, mut gz, mut br) = (0u64, 0u64, 0u64);
    for f in &files {
        let (a, b, c) = precompress(f)?;
        raw += a;
        gz += b;
        br += c;
    }
    let (wr, wg, wb) = (
        size(&wasm),
        size(&with_ext(&wasm, "gz")),
        size(&with_ext(&wasm, "br")),
    );
    Ok(format!(
        "web build in {}:\n  wasm: {} raw, {} gzip, {} brotli (wasm-opt -Oz: {})\n  whole site: {} files, {} raw, {} gzip, {} brotli",
        dist.display(),
        mb(wr),
        mb(wg),
        mb(wb),
        if optimised { "yes" } else { "no" },
        files.len(),
        mb(raw),
        mb(gz),
        mb(br)
    ))
}

/// rust-toolchain.toml names the wasm target, but rustup adds it only when it installs the
/// toolchain itself: a machine that came with the toolchain can lack it.
fn ensure_wasm_target(root: &Path) -> Result<(), String> {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let sysroot = output(
        Command::new(rustc)
            .current_dir(root)
            .args(["--print", "sysroot"]),
    )
    .ok_or("cannot run rustc --print sysroot")?;
    if Path::new(sysroot.trim())
        .join("lib/rustlib")
        .join(TARGET)
        .exists()
    {
        return Ok(());
    }
    println!("xtask: adding the {TARGET} target with rustup");
    run(Command::new("rustup")
        .current_dir(root)
        .args(["target", "add", TARGET]))
    .map_err(|e| format!("{e}; the web build needs it: run `rustup target add {TARGET}`"))
}

/// `dist/index.html`: the page template with its words from the strings file.
fn write_page(root: &Path, dist: &Path) -> Result<(), String> {
    let file = root
        .join("assets/strings")
        .join(format!("{}.json", page::LANGUAGE));
    let strings: serde_json::Value = std::fs::read(&file)
        .map_err(|e| e.to_string())
        .and_then(|bytes| serde_json::from_slice(&bytes).map_err(|e| e.to_string()))
        .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let template = std::fs::read_to_string(root.join("web/index.html"))
        .map_err(|e| format!("cannot read web/index.html: {e}"))?;
    let html = page::fill(&template, &strings).map_err(|e| format!("web/index.html: {e}"))?;
    std::fs::write(dist.join("index.html"), html).map_err(|e| e.to_string())
}

fn mb(bytes: u64) -> String {
    format!("{:.2} MB", bytes as f64 / 1_000_000.0)
}

fn size(p: &Path) -> u64 {
    std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)
}

fn with_ext(p: &Path, ext: &str) -> PathBuf {
    let mut s = p.as_os_str().to_owned();
    s.push(".");
    s.push(ext);
    PathBuf::from(s)
}

/// The wasm-bindgen version the game links against, from Cargo.lock.
fn locked_wasm_bindgen(root: &Path) -> Result<String, String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\""
            && let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \""))
        {
            return Ok(v.trim_end_matches('"').to_owned());
        }
    }
    Err("Cargo.lock has no wasm-bindgen".into())
}

/// `wasm-bindgen` at the locked version, installing it with cargo if it is missing or differs.
fn ensure_wasm_bindgen(root: &Path) -> Result<PathBuf, String> {
    let version = locked_wasm_bindgen(root)?;
    let bin = cargo_home().join("bin").join("wasm-bindgen");
    let installed = output(Command::new(&bin).arg("--version")).unwrap_or_default();
    if installed.split_whitespace().nth(1) != Some(version.as_str()) {
        println!(
            "xtask: installing wasm-bindgen-cli {version} to match Cargo.lock (about two minutes)"
        );
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        run(Command::new(cargo).args([
            "install",
            "--force",
            "--version",
            &version,
            "wasm-bindgen-cli",
        ]))?;
    }
    Ok(bin)
}

fn cargo_home() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
}

/// A wasm-opt new enough to trust: the project's npm one first, then one on the PATH.
fn find_wasm_opt(root: &Path) -> Option<PathBuf> {
    let candidates = [
        root.join("node_modules/.bin/wasm-opt"),
        PathBuf::from("wasm-opt"),
    ];
    candidates.into_iter().find(|c| {
        let version = output(Command::new(c).arg("--version")).unwrap_or_default();
        // "wasm-opt version 123 (version_123)"
        let number = version
            .split_whitespace()
            .find_map(|w| w.parse::<u32>().ok())
            .unwrap_or(0);
        if number > 0 && number < MIN_WASM_OPT {
            println!(
                "xtask: ignoring {} (version {number}; {MIN_WASM_OPT} or newer is needed)",
                c.display()
            );
        }
        number >= MIN_WASM_OPT
    })
}

fn copy_dir(from: &Path, to: &Path, keep: &dyn Fn(&Path) -> bool) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| e.to_string())?;
    let entries =
        std::fs::read_dir(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &target, keep)?;
        } else if keep(&path) {
            std::fs::copy(&path, &target)
                .map_err(|e| format!("cannot copy {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let p = entry.path();
            if p.is_dir() {
                out.extend(files_in(&p));
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Writes `.gz` and `.br` beside a file; returns (raw, gzip, brotli) sizes.
fn precompress(path: &Path) -> Result<(u64, u64, u64), String> {
    let data = std::fs::read(path).map_err(|e| e.to_string())?;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&data).map_err(|e| e.to_string())?;
    let gz = gz.finish().map_err(|e| e.to_string())?;
    let mut br = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut br, 1 << 16, 11, 22);
        w.write_all(&data).map_err(|e| e.to_string())?;
    }
    std::fs::write(with_ext(path, "gz"), &gz).map_err(|e| e.to_string())?;
    std::fs::write(with_ext(path, "br"), &br).map_err(|e| e.to_string())?;
    Ok((data.len() as u64, gz.len() as u64, br.len() as u64))
}

/// Chromium, Node.js and the npm packages the browser tests use: present, installed here,
/// or one line saying what to install.
pub fn ensure_browser_tools(root: &Path) -> Result<(), String> {
    if output(Command::new("node").arg("--version")).is_none() {
        return Err(
            "Node.js is needed for the browser tests: install it (apt-get install nodejs npm)"
                .into(),
        );
    }
    if !Path::new("/usr/bin/chromium").exists() {
        let root_user = output(Command::new("id").arg("-u")).is_some_and(|u| u.trim() == "0");
        if !root_user {
            return Err("Chromium is needed for the browser tests: install it with `sudo apt-get install chromium`".into());
        }
        println!("xtask: installing Chromium from Debian's packages");
        run(Command::new("apt-get").arg("update").arg("-q"))?;
        run(Command::new("apt-get").args(["install", "-y", "-q", "chromium"]))?;
    }
    let installed = root.join("node_modules/.package-lock.json");
    let stale = match (
        std::fs::metadata(&installed),
        std::fs::metadata(root.join("package-lock.json")),
    ) {
        (Ok(i), Ok(l)) => i.modified().ok() < l.modified().ok(),
        _ => true,
    };
    if stale {
        run(Command::new("npm")
            .current_dir(root)
            .args(["ci", "--no-audit", "--no-fund"]))?;
    }
    Ok(())
}
