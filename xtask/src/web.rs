//! The web build: the game compiled to WebAssembly with the size-tuned profile, bound with
//! `wasm-bindgen` at exactly the version in Cargo.lock, shrunk with `wasm-opt` where a good
//! one is present, then put together with `web/` and the content into `dist/`, with gzip and
//! brotli copies for hosts that serve them.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use std::time::Instant;

use crate::{icon, output, page, run, serve};

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

/// Builds `dist/`. Steps whose inputs have not changed since the last build are skipped:
/// cargo's own check, then binding and shrinking the wasm and compressing it, which are
/// kept in `target/web-cache/` under a hash of the wasm cargo made. An edit to a role file
/// therefore costs a copy and a few small compressions, not a rebuild.
pub fn build(root: &Path) -> Result<String, String> {
    let started = Instant::now();
    ensure_wasm_target(root)?;
    run(&mut cargo_build(root))?;
    let wasm_in = target_dir(root)
        .join(TARGET)
        .join(PROFILE)
        .join(format!("{BIN}.wasm"));
    let game = bind_and_shrink(root, &wasm_in)?;

    let dist = root.join("dist");
    if dist.exists() {
        std::fs::remove_dir_all(&dist)
            .map_err(|e| format!("cannot clear {}: {e}", dist.display()))?;
    }
    std::fs::create_dir_all(&dist).map_err(|e| e.to_string())?;
    let wasm = assemble(root, &dist, &game)?;

    let files = files_in(&dist);
    let (mut raw, mut gz, mut br) = (0u64, 0u64, 0u64);
    for f in files.iter().filter(|f| !is_compressed_copy(f)) {
        let sizes = if *f == wasm {
            // Compressed once per wasm, in the cache.
            (size(f), size(&with_ext(f, "gz")), size(&with_ext(f, "br")))
        } else {
            precompress(f, root)?
        };
        raw += sizes.0;
        gz += sizes.1;
        br += sizes.2;
    }
    let (wr, wg, wb) = (
        size(&wasm),
        size(&with_ext(&wasm, "gz")),
        size(&with_ext(&wasm, "br")),
    );
    let count = files.iter().filter(|f| !is_compressed_copy(f)).count();
    Ok(format!(
        "web build in {} ({:.1} s{}):\n  wasm: {} raw, {} gzip, {} brotli (wasm-opt -Oz: {}; budget {} brotli)\n  whole site: {} files, {} raw, {} gzip, {} brotli",
        dist.display(),
        started.elapsed().as_secs_f64(),
        if game.reused {
            "; the wasm was unchanged, its bound, shrunk and compressed copy reused"
        } else {
            ""
        },
        mb(wr),
        mb(wg),
        mb(wb),
        if game.optimised { "yes" } else { "no" },
        mb(WASM_BROTLI_BUDGET),
        count,
        mb(raw),
        mb(gz),
        mb(br)
    ))
}

/// `cargo build` of the game for the web.
fn cargo_build(root: &Path) -> Command {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.current_dir(root).args([
        "build",
        "--profile",
        PROFILE,
        "--target",
        TARGET,
        "--bin",
        BIN,
    ]);
    cmd
}

/// The wasm build running in the background, its output going to a log file.
pub struct WasmBuild {
    child: std::process::Child,
    log: PathBuf,
}

/// Starts the web's cargo build in the background (`build` then finds it done).
pub fn start_wasm_build(root: &Path) -> Result<WasmBuild, String> {
    ensure_wasm_target(root)?;
    let dir = target_dir(root);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let log = dir.join("wasm-build.log");
    let file = std::fs::File::create(&log).map_err(|e| e.to_string())?;
    let err = file.try_clone().map_err(|e| e.to_string())?;
    println!(
        "xtask: building the web version in the background (output in {})",
        log.display()
    );
    let child = cargo_build(root)
        .stdout(file)
        .stderr(err)
        .spawn()
        .map_err(|e| format!("could not start the web build: {e}"))?;
    Ok(WasmBuild { child, log })
}

impl WasmBuild {
    /// Waits for it; on failure, shows the end of its output.
    pub fn finish(mut self) -> Result<(), String> {
        let status = self.child.wait().map_err(|e| e.to_string())?;
        if status.success() {
            return Ok(());
        }
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        eprintln!("{}", lines[lines.len().saturating_sub(60)..].join("\n"));
        Err(format!(
            "the web build failed ({status}); its output is in {}",
            self.log.display()
        ))
    }

    /// Stops it (something else failed first).
    pub fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The size the wasm should stay within, compressed as hosts send it.
pub const WASM_BROTLI_BUDGET: u64 = 2_800_000;

/// The bound and shrunk game, in the cache: the glue script and the wasm with its
/// compressed copies beside it.
struct Game {
    glue: PathBuf,
    wasm: PathBuf,
    optimised: bool,
    reused: bool,
}

/// wasm-bindgen, then wasm-opt, then gzip and brotli: minutes of work, done once per wasm.
fn bind_and_shrink(root: &Path, wasm_in: &Path) -> Result<Game, String> {
    let bindgen = ensure_wasm_bindgen(root)?;
    // FYF_SKIP_WASM_OPT=1 skips the slow shrinking step while iterating locally.
    let skip = std::env::var_os("FYF_SKIP_WASM_OPT").is_some();
    let opt = find_wasm_opt(root).filter(|_| !skip);
    let input =
        std::fs::read(wasm_in).map_err(|e| format!("cannot read {}: {e}", wasm_in.display()))?;
    let recipe = format!(
        "{}|{:?}|{}",
        output(Command::new(&bindgen).arg("--version")).unwrap_or_default(),
        opt.as_ref()
            .map(|o| output(Command::new(o).arg("--version")).unwrap_or_default()),
        WASM_OPT_ARGS.join(" ")
    );
    let key = format!("{:016x}", hash(&[&input, recipe.as_bytes()]));
    let cache_root = target_dir(root).join("web-cache");
    let cache = cache_root.join(&key);
    let game = Game {
        glue: cache.join(format!("{BIN}.js")),
        wasm: cache.join(format!("{BIN}_bg.wasm")),
        optimised: opt.is_some(),
        reused: true,
    };
    if cache.join("done").is_file() {
        return Ok(game);
    }
    // One cached build is enough: older ones only fill the disk (the compressed copies of
    // small files go too, and are made again in seconds).
    let _ = std::fs::remove_dir_all(&cache_root);
    std::fs::create_dir_all(&cache).map_err(|e| e.to_string())?;
    run(Command::new(&bindgen)
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--remove-name-section",
            "--out-name",
            BIN,
            "--out-dir",
        ])
        .arg(&cache)
        .arg(wasm_in))?;
    match &opt {
        Some(opt) => {
            let tmp = cache.join("optimised.wasm");
            run(Command::new(opt)
                .args(WASM_OPT_ARGS)
                .arg(&game.wasm)
                .arg("-o")
                .arg(&tmp))?;
            std::fs::rename(&tmp, &game.wasm).map_err(|e| e.to_string())?;
        }
        None if skip => {
            println!("xtask: FYF_SKIP_WASM_OPT is set; the wasm is not shrunk further")
        }
        None => println!(
            "xtask: no wasm-opt {MIN_WASM_OPT}+ found (npm ci installs one); the wasm is not shrunk further"
        ),
    }
    precompress(&game.wasm, root)?;
    std::fs::write(cache.join("done"), &key).map_err(|e| e.to_string())?;
    Ok(Game {
        reused: false,
        ..game
    })
}

const WASM_OPT_ARGS: [&str; 9] = [
    "-Oz",
    "--strip-debug",
    "--strip-producers",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Puts the site together: every file whose contents may change gets a name with a hash of
/// its contents (the content folder one hash for all of it), so hosts and browsers may keep
/// them for ever; `index.html`, `sw.js` and the manifest keep their names and point at them.
/// Returns where the wasm went.
fn assemble(root: &Path, dist: &Path, game: &Game) -> Result<PathBuf, String> {
    let strings = read_strings(root)?;
    let glue = hashed_copy(&game.glue, dist, BIN, "js")?;
    let wasm = hashed_copy(&game.wasm, dist, &format!("{BIN}_bg"), "wasm")?;
    for ext in ["gz", "br"] {
        std::fs::copy(with_ext(&game.wasm, ext), with_ext(&dist.join(&wasm), ext))
            .map_err(|e| e.to_string())?;
    }
    let assets = copy_assets(root, dist)?;
    let app = hashed_copy(&root.join("web/app.js"), dist, "app", "js")?;
    // The stylesheet's font comes from the content folder, whose name has its hash.
    let css = std::fs::read_to_string(root.join("web/style.css"))
        .map_err(|e| format!("cannot read web/style.css: {e}"))?
        .replace("url(\"assets/", &format!("url(\"{assets}/"));
    let style = hashed_write(css.as_bytes(), dist, "style", "css")?;
    std::fs::copy(root.join("web/favicon.svg"), dist.join("favicon.svg"))
        .map_err(|e| e.to_string())?;
    for px in ICON_SIZES {
        std::fs::write(dist.join(format!("icon-{px}.png")), icon::png(px))
            .map_err(|e| e.to_string())?;
    }
    write_manifest(&strings, dist)?;

    let mut files: Vec<String> = files_in(dist)
        .iter()
        .filter(|f| !is_compressed_copy(f))
        .filter_map(|f| f.strip_prefix(dist).ok())
        .map(|f| f.to_string_lossy().replace('\\', "/"))
        .collect();
    let id = format!(
        "{:016x}",
        hash(&files.iter().map(|f| f.as_bytes()).collect::<Vec<_>>())
    );
    files.insert(0, "./".into());
    let content = dist.join(&assets);
    let mut preload: Vec<String> = files_in(&content.join("content"))
        .iter()
        .chain(&files_in(&content.join("strings")))
        .filter_map(|f| f.strip_prefix(&content).ok())
        .map(|f| f.to_string_lossy().replace('\\', "/"))
        .collect();
    preload.sort();
    let wasm_bytes = size(&dist.join(&wasm));
    let mut values = strings;
    values["build"] = serde_json::json!({
        "id": id,
        "app": app,
        "style": style,
        "glue": glue,
        "wasm": wasm,
        "theme_color": THEME_COLOR,
        "csp": serve::PAGE_CSP,
        "files": files,
        "page": {
            "id": id,
            "glue": glue,
            "wasm": wasm,
            "wasm_bytes": wasm_bytes,
            "assets": assets,
            "preload": preload,
        },
    });
    fill_into(root, "web/index.html", &values, &dist.join("index.html"))?;
    fill_into(root, "web/sw.js", &values, &dist.join("sw.js"))?;
    Ok(dist.join(wasm))
}

const ICON_SIZES: [u32; 2] = [192, 512];
const THEME_COLOR: &str = "#5b2ee5";

/// Copies what the game loads from `assets/` into `dist/assets-<hash>/`; returns that name.
fn copy_assets(root: &Path, dist: &Path) -> Result<String, String> {
    let keep = |p: &Path| {
        p.extension()
            .and_then(|e| e.to_str())
            .is_none_or(|e| !EDITOR_ONLY_EXTENSIONS.contains(&e))
    };
    let mut parts: Vec<Vec<u8>> = Vec::new();
    for dir in ASSET_DIRS {
        for f in files_in(&root.join("assets").join(dir)) {
            if keep(&f) {
                parts.push(f.to_string_lossy().replace('\\', "/").into_bytes());
                parts.push(std::fs::read(&f).map_err(|e| e.to_string())?);
            }
        }
    }
    let name = format!(
        "assets-{:08x}",
        hash(&parts.iter().map(Vec::as_slice).collect::<Vec<_>>()) as u32
    );
    for dir in ASSET_DIRS {
        copy_dir(
            &root.join("assets").join(dir),
            &dist.join(&name).join(dir),
            &keep,
        )?;
    }
    Ok(name)
}

/// Copies `from` into `dist/` as `<stem>-<hash>.<ext>`; returns the new name.
fn hashed_copy(from: &Path, dist: &Path, stem: &str, ext: &str) -> Result<String, String> {
    let bytes = std::fs::read(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    hashed_write(&bytes, dist, stem, ext)
}

fn hashed_write(bytes: &[u8], dist: &Path, stem: &str, ext: &str) -> Result<String, String> {
    let name = format!("{stem}-{:08x}.{ext}", hash(&[bytes]) as u32);
    std::fs::write(dist.join(&name), bytes).map_err(|e| e.to_string())?;
    Ok(name)
}

/// FNV-1a, 64 bits: enough to tell versions of a file apart (not a security measure).
fn hash(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in *part {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        // A separator, so ("ab", "c") and ("a", "bc") differ.
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn is_compressed_copy(p: &Path) -> bool {
    matches!(p.extension().and_then(|e| e.to_str()), Some("gz" | "br"))
}

/// Where cargo builds: `target/`, or `CARGO_TARGET_DIR` (CI keeps it between runs).
pub fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"))
}

/// The web app manifest, so the game can be installed on a phone or Chromebook.
fn write_manifest(strings: &serde_json::Value, dist: &Path) -> Result<(), String> {
    let name = strings["ui"]["app_name"]
        .as_str()
        .unwrap_or("Find Your Fit");
    let icons: Vec<_> = ICON_SIZES
        .iter()
        .map(|px| {
            serde_json::json!({
                "src": format!("icon-{px}.png"),
                "sizes": format!("{px}x{px}"),
                "type": "image/png",
                "purpose": "any maskable",
            })
        })
        .collect();
    let manifest = serde_json::json!({
        "name": name,
        "short_name": name,
        "description": strings["page"]["description"],
        "lang": page::LANGUAGE,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#f3effb",
        "theme_color": THEME_COLOR,
        "icons": icons,
    });
    std::fs::write(
        dist.join("manifest.webmanifest"),
        serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())?,
    )
    .map_err(|e| e.to_string())
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

/// The strings file the page is built with.
fn read_strings(root: &Path) -> Result<serde_json::Value, String> {
    let file = root
        .join("assets/strings")
        .join(format!("{}.json", page::LANGUAGE));
    std::fs::read(&file)
        .map_err(|e| e.to_string())
        .and_then(|bytes| serde_json::from_slice(&bytes).map_err(|e| e.to_string()))
        .map_err(|e| format!("cannot read {}: {e}", file.display()))
}

/// A template from `web/` with its words and the build's file names filled in.
fn fill_into(
    root: &Path,
    template: &str,
    values: &serde_json::Value,
    to: &Path,
) -> Result<(), String> {
    let text = std::fs::read_to_string(root.join(template))
        .map_err(|e| format!("cannot read {template}: {e}"))?;
    let filled = page::fill(&text, values).map_err(|e| format!("{template}: {e}"))?;
    std::fs::write(to, filled).map_err(|e| e.to_string())
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

/// A wasm-opt new enough to trust: the native one `cargo install wasm-opt` makes (several
/// times faster: it uses every core), then the project's npm one (binaryen compiled to
/// WebAssembly), then one on the PATH.
fn find_wasm_opt(root: &Path) -> Option<PathBuf> {
    let candidates = [
        cargo_home().join("bin/wasm-opt"),
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

/// Every file under `dir`, sorted.
pub fn files_in(dir: &Path) -> Vec<PathBuf> {
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

/// Writes `.gz` and `.br` beside a file; returns (raw, gzip, brotli) sizes. Compressed copies
/// are kept in `target/web-cache/compressed/` under a hash of the file, so only changed files
/// are compressed again (brotli at its best is slow).
fn precompress(path: &Path, root: &Path) -> Result<(u64, u64, u64), String> {
    let data = std::fs::read(path).map_err(|e| e.to_string())?;
    let cache = target_dir(root).join("web-cache/compressed");
    let key = format!("{:016x}", hash(&[&data]));
    let (cached_gz, cached_br) = (
        cache.join(format!("{key}.gz")),
        cache.join(format!("{key}.br")),
    );
    let (gz, br) = match (std::fs::read(&cached_gz), std::fs::read(&cached_br)) {
        (Ok(gz), Ok(br)) => (gz, br),
        _ => {
            let (gz, br) = compress(&data)?;
            std::fs::create_dir_all(&cache).map_err(|e| e.to_string())?;
            std::fs::write(&cached_gz, &gz).map_err(|e| e.to_string())?;
            std::fs::write(&cached_br, &br).map_err(|e| e.to_string())?;
            (gz, br)
        }
    };
    std::fs::write(with_ext(path, "gz"), &gz).map_err(|e| e.to_string())?;
    std::fs::write(with_ext(path, "br"), &br).map_err(|e| e.to_string())?;
    Ok((data.len() as u64, gz.len() as u64, br.len() as u64))
}

/// gzip and brotli, both at their best.
fn compress(data: &[u8]) -> Result<(Vec<u8>, Vec<u8>), String> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(data).map_err(|e| e.to_string())?;
    let gz = gz.finish().map_err(|e| e.to_string())?;
    let mut br = Vec::new();
    {
        // Quality 11; the largest standard window (2^24 bytes) for the wasm, where it finds
        // repeats further apart, the usual one for small files.
        let window = if data.len() > 1 << 22 { 24 } else { 22 };
        let mut w = brotli::CompressorWriter::new(&mut br, 1 << 16, 11, window);
        w.write_all(data).map_err(|e| e.to_string())?;
    }
    Ok((gz, br))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The real page, service worker, stylesheet and content put together around a stand-in
    /// game: every name the page and the offline copy use exists, and carries its hash.
    #[test]
    fn the_site_is_put_together_with_hashed_names_that_all_exist() {
        let root = crate::root();
        let work = std::env::temp_dir().join(format!("fyf-assemble-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&work);
        let (cache, dist) = (work.join("cache"), work.join("dist"));
        std::fs::create_dir_all(&cache).unwrap();
        std::fs::create_dir_all(&dist).unwrap();
        let game = Game {
            glue: cache.join("g.js"),
            wasm: cache.join("w.wasm"),
            optimised: false,
            reused: false,
        };
        std::fs::write(&game.glue, "export default 1;").unwrap();
        for (path, text) in [
            (game.wasm.clone(), "wasm"),
            (with_ext(&game.wasm, "gz"), "gz"),
            (with_ext(&game.wasm, "br"), "br"),
        ] {
            std::fs::write(path, text).unwrap();
        }
        let wasm = assemble(&root, &dist, &game).unwrap();
        assert!(wasm.is_file());

        let html = std::fs::read_to_string(dist.join("index.html")).unwrap();
        assert!(!html.contains("{{"), "unfilled placeholder in the page");
        assert!(html.contains(&format!(
            r#"content="{}""#,
            serve::PAGE_CSP.replace('"', "&quot;")
        )));
        let json = html
            .split(r#"<script type="application/json" id="build">"#)
            .nth(1)
            .and_then(|rest| rest.split("</script>").next())
            .unwrap();
        let build: serde_json::Value = serde_json::from_str(json).unwrap();
        let name = |key: &str| build[key].as_str().unwrap().to_owned();
        for key in ["glue", "wasm", "assets"] {
            assert!(dist.join(name(key)).exists(), "{key}: {}", name(key));
            assert!(
                name(key).rsplit('-').next().unwrap().len() >= 8,
                "{key} carries a hash"
            );
        }
        assert_eq!(build["wasm_bytes"], 4);
        let preload = build["preload"].as_array().unwrap();
        assert!(preload.iter().any(|p| p == "content/taxonomy.json"));
        assert!(
            preload
                .iter()
                .any(|p| p.as_str().unwrap().starts_with("content/roles/"))
        );
        for p in preload {
            assert!(
                dist.join(name("assets"))
                    .join(p.as_str().unwrap())
                    .is_file(),
                "{p}"
            );
        }

        // The offline copy lists every file of the site (the page as "./"), and nothing else.
        let sw = std::fs::read_to_string(dist.join("sw.js")).unwrap();
        assert!(!sw.contains("{{"));
        let files: Vec<String> = serde_json::from_str(
            sw.split("const FILES = ")
                .nth(1)
                .unwrap()
                .split(";\n")
                .next()
                .unwrap(),
        )
        .unwrap();
        assert_eq!(files[0], "./");
        for f in &files[1..] {
            assert!(dist.join(f).is_file(), "{f} is listed but missing");
        }
        for f in files_in(&dist) {
            let rel = f
                .strip_prefix(&dist)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if !is_compressed_copy(&f) && rel != "index.html" && rel != "sw.js" {
                assert!(files.contains(&rel), "{rel} is not stored for offline play");
            }
        }
        assert!(
            files
                .iter()
                .any(|f| f.ends_with("OpenDyslexic-Regular.otf"))
        );

        // The stylesheet's font points into the hashed content folder.
        let style = std::fs::read_to_string(
            dist.join(
                html.split(r#"<link rel="stylesheet" href=""#)
                    .nth(1)
                    .unwrap()
                    .split('"')
                    .next()
                    .unwrap(),
            ),
        )
        .unwrap();
        assert!(style.contains(&format!("url(\"{}/fonts/", name("assets"))));

        let manifest: serde_json::Value =
            serde_json::from_slice(&std::fs::read(dist.join("manifest.webmanifest")).unwrap())
                .unwrap();
        assert_eq!(manifest["name"], "Find Your Fit");
        for icon in manifest["icons"].as_array().unwrap() {
            assert!(dist.join(icon["src"].as_str().unwrap()).is_file());
        }
        let _ = std::fs::remove_dir_all(&work);
    }
}
