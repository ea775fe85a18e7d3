//! `cargo xtask bench-web`: measures the web build that is already in `dist/` (it builds
//! nothing). Sizes come from the files; where the wasm's bytes go from the function names
//! cargo's wasm keeps (before wasm-bindgen and wasm-opt); times, idle frames and memory from
//! `benches/web.mjs` in headless Chromium. The figures are printed and written into
//! `docs/benchmarks.md` between its `bench-web` markers.

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use crate::{output, run, serve, web};

const START: &str = "<!-- bench-web: written by `cargo xtask bench-web` -->";
const END: &str = "<!-- /bench-web -->";

/// The whole benchmark; with `sizes_only`, only the sizes and the breakdown, printed (for
/// size work, in seconds) and not recorded.
pub fn measure(root: &Path, sizes_only: bool) -> Result<(), String> {
    let dist = root.join("dist");
    if !dist.join("index.html").is_file() {
        return Err("no dist/: run `cargo xtask build-web` first".into());
    }
    let sizes = sizes(&dist);
    let breakdown = breakdown(root).unwrap_or_else(|e| format!("(no breakdown: {e})\n"));
    if sizes_only {
        println!("{sizes}\n{breakdown}");
        return Ok(());
    }
    web::ensure_browser_tools(root)?;
    let port = serve::serve_in_background(&dist)?;
    let out = root.join("target/bench-web.json");
    run(Command::new("node")
        .current_dir(root)
        .env("FYF_URL", format!("http://127.0.0.1:{port}/"))
        .env("FYF_BENCH_OUT", &out)
        .arg("benches/web.mjs"))?;
    let figures: serde_json::Value = std::fs::read(&out)
        .map_err(|e| e.to_string())
        .and_then(|b| serde_json::from_slice(&b).map_err(|e| e.to_string()))
        .map_err(|e| format!("the benchmark wrote no figures: {e}"))?;
    let report = format!(
        "{}\n{}\nWhere the wasm's bytes go (code by crate, from the names in cargo's wasm before wasm-bindgen and wasm-opt):\n{breakdown}",
        sizes,
        times(&figures)
    );
    println!("{report}");
    record(root, &report)
}

/// Bytes of the wasm and of the whole site, as stored and as hosts send them.
fn sizes(dist: &Path) -> String {
    let mut site = (0, 0, 0, 0u64);
    let mut wasm = (0, 0, 0);
    for f in web::files_in(dist) {
        let ext = f.extension().and_then(|e| e.to_str()).unwrap_or("");
        if ext == "gz" || ext == "br" {
            continue;
        }
        let raw = len(&f);
        let compressed = |e: &str| {
            let mut p = f.clone().into_os_string();
            p.push(".");
            p.push(e);
            let l = len(Path::new(&p));
            if l == 0 { raw } else { l }
        };
        let (gz, br) = (compressed("gz"), compressed("br"));
        site = (site.0 + raw, site.1 + gz, site.2 + br, site.3 + 1);
        if ext == "wasm" {
            wasm = (raw, gz, br);
        }
    }
    format!(
        "wasm: {} raw, {} gzip, {} brotli (budget {} brotli: {})\nwhole site: {} files, {} raw, {} gzip, {} brotli",
        mb(wasm.0),
        mb(wasm.1),
        mb(wasm.2),
        mb(web::WASM_BROTLI_BUDGET),
        if wasm.2 <= web::WASM_BROTLI_BUDGET {
            "within it"
        } else {
            "over it"
        },
        site.3,
        mb(site.0),
        mb(site.1),
        mb(site.2),
    )
}

fn times(f: &serde_json::Value) -> String {
    let ms = |v: &serde_json::Value| v.as_f64().map_or("–".into(), |x| format!("{:.0} ms", x));
    let line = |label: &str, obj: &serde_json::Value| {
        format!(
            "{label}: fetch start {}, bytes done {}, instantiated {}, first frame {}, content ready {}, title ready {}",
            ms(&obj["fetch-start"]),
            ms(&obj["bytes-done"]),
            ms(&obj["instantiated"]),
            ms(&obj["first-frame"]),
            ms(&obj["content-ready"]),
            ms(&obj["title-ready"]),
        )
    };
    let frames = |label: &str, obj: &serde_json::Value| {
        let lengths: Vec<String> = obj["lengths"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_f64())
                    .map(|x| format!("{x:.0}"))
                    .collect()
            })
            .unwrap_or_default();
        if obj.is_null() {
            format!("\n{label}: the build marks no frames")
        } else {
            format!(
                "\n{label}: {} frames from the first at {} to the title, ms each: {}",
                lengths.len(),
                ms(&obj["firstFrameStart"]),
                lengths.join(" ")
            )
        }
    };
    let memory: Vec<String> = f["memoryAfterGames"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_f64())
                .map(|b| format!("{:.1}", b / 1e6))
                .collect()
        })
        .unwrap_or_default();
    format!(
        "medians of {} runs, headless Chromium (SwiftShader) at 640×400, served by `cargo xtask serve`:\n{}\n{}{}{}\nfirst question: {} of the game's own time from pressing Start (Start → intro {}, \"Let’s go\" → question {})\ndownloaded: {:.2} MB in {} requests cold, {:.2} MB in {} requests warm\nbaseline (a plain static file in the same run): {}; title ready cold / baseline = {}\nframes drawn in 10 idle seconds on a question: {} by the game, {} animation frames in the page\nwasm memory after each of {} games in a row (MB): {}",
        f["runs"],
        line("cold (empty cache)", &f["cold"]),
        line("warm (second visit)", &f["warm"]),
        frames(
            "cold, the median run's game frames",
            &f["coldLoadingFrames"]
        ),
        frames(
            "warm, the median run's game frames",
            &f["warmLoadingFrames"]
        ),
        ms(&f["startToQuestion"]),
        ms(&f["startToIntro"]),
        ms(&f["letsGoToQuestion"]),
        f["coldTransferBytes"].as_f64().unwrap_or(0.0) / 1e6,
        f["coldRequests"],
        f["warmTransferBytes"].as_f64().unwrap_or(0.0) / 1e6,
        f["warmRequests"],
        ms(&f["baselineMs"]),
        f["titleColdRatio"],
        f["idleFrames10s"],
        f["idleAnimationFrames10s"],
        memory.len(),
        memory.join(" "),
    )
}

/// Replaces the figures between the markers in docs/benchmarks.md with these.
fn record(root: &Path, report: &str) -> Result<(), String> {
    let path = root.join("docs/benchmarks.md");
    let doc = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
    let chromium = output(Command::new("/usr/bin/chromium").arg("--version")).unwrap_or_default();
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let block = format!(
        "{START}\nLatest run: {} cores, {}.\n\n```\n{report}```\n{END}",
        cores,
        chromium.trim()
    );
    let new = match (doc.find(START), doc.find(END)) {
        (Some(a), Some(b)) if a < b => format!("{}{block}{}", &doc[..a], &doc[b + END.len()..]),
        _ => format!("{doc}\n{block}\n"),
    };
    std::fs::write(&path, new).map_err(|e| e.to_string())?;
    println!("xtask: figures written to {}", path.display());
    Ok(())
}

/// The largest contributors to the wasm's code, by crate and by function.
fn breakdown(root: &Path) -> Result<String, String> {
    let wasm = web::target_dir(root).join("wasm32-unknown-unknown/wasm-release/find_your_fit.wasm");
    let bytes = std::fs::read(&wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    let module = Module::parse(&bytes)?;
    if module.names.is_empty() {
        return Err("the wasm keeps no function names".into());
    }
    let mut by_crate: HashMap<String, u64> = HashMap::new();
    let mut functions: Vec<(u64, String)> = Vec::new();
    for (i, size) in module.bodies.iter().enumerate() {
        let name = module
            .names
            .get(&(module.imported + i as u32))
            .map(|n| demangle(n))
            .unwrap_or_else(|| "(unnamed)".into());
        *by_crate.entry(crate_of(&name)).or_default() += *size;
        functions.push((*size, name));
    }
    let code: u64 = module.bodies.iter().sum();
    let mut crates: Vec<_> = by_crate.into_iter().collect();
    crates.sort_by_key(|c| std::cmp::Reverse(c.1));
    functions.sort_by_key(|f| std::cmp::Reverse(f.0));
    let mut out = format!(
        "  file {}, code {}, data {}, {} functions\n",
        mb(bytes.len() as u64),
        mb(code),
        mb(module.data),
        module.bodies.len()
    );
    for (name, size) in crates.iter().take(20) {
        out.push_str(&format!(
            "  {:>8.1} KB {:>5.1}%  {name}\n",
            *size as f64 / 1e3,
            100.0 * *size as f64 / code as f64
        ));
    }
    out.push_str("  largest functions:\n");
    for (size, name) in functions.iter().take(10) {
        let short: String = name.chars().take(100).collect();
        out.push_str(&format!("  {:>8.1} KB  {short}\n", *size as f64 / 1e3));
    }
    Ok(out)
}

/// The crate a function belongs to: the first path segment, looking inside `<T as Trait>`
/// and generic wrappers such as `core::ptr::drop_in_place<T>` (whose code is T's).
fn crate_of(name: &str) -> String {
    let mut n = name.trim_start_matches(['<', '&']);
    if let Some(inner) = n.strip_prefix("core::ptr::drop_in_place<") {
        n = inner.trim_start_matches(['<', '&']);
    }
    n = n.strip_prefix("dyn ").unwrap_or(n);
    let end = n
        .find([':', '<', ' ', '>', '(', '[', '$'])
        .unwrap_or(n.len());
    match &n[..end] {
        "" => "(other)".into(),
        c => c.into(),
    }
}

/// Legacy Rust symbol names (`_ZN…E`) as paths; names the linker already split keep their
/// `$…$` escapes and a leading `_`, which are undone here.
fn demangle(name: &str) -> String {
    let Some(mut rest) = name.strip_prefix("_ZN") else {
        return unescape(name.strip_prefix('_').unwrap_or(name));
    };
    let mut parts = Vec::new();
    while let Some(digits) = rest.find(|c: char| !c.is_ascii_digit()).filter(|&d| d > 0) {
        let Ok(len) = rest[..digits].parse::<usize>() else {
            break;
        };
        let Some(part) = rest.get(digits..digits + len) else {
            break;
        };
        // A part that starts with an escape gets a `_` in front of it.
        let part = part
            .strip_prefix('_')
            .filter(|p| p.starts_with('$'))
            .unwrap_or(part);
        parts.push(unescape(part).replace("..", "::"));
        rest = &rest[digits + len..];
    }
    if parts
        .last()
        .is_some_and(|p| p.len() == 17 && p.starts_with('h'))
    {
        parts.pop();
    }
    parts.join("::")
}

fn unescape(text: &str) -> String {
    [
        ("$LT$", "<"),
        ("$GT$", ">"),
        ("$u20$", " "),
        ("$C$", ","),
        ("$RF$", "&"),
        ("$BP$", "*"),
        ("$u7b$", "{"),
        ("$u7d$", "}"),
        ("$u5b$", "["),
        ("$u5d$", "]"),
        ("$u27$", "'"),
    ]
    .iter()
    .fold(text.to_owned(), |t, (from, to)| t.replace(from, to))
}

/// Just enough of the wasm format for sizes: each function body's size, the names section,
/// and the data segments' size.
struct Module {
    imported: u32,
    bodies: Vec<u64>,
    names: HashMap<u32, String>,
    data: u64,
}

impl Module {
    fn parse(bytes: &[u8]) -> Result<Self, String> {
        if bytes.get(..4) != Some(b"\0asm") {
            return Err("not a wasm file".into());
        }
        let mut m = Module {
            imported: 0,
            bodies: Vec::new(),
            names: HashMap::new(),
            data: 0,
        };
        let mut at = 8;
        while at < bytes.len() {
            let id = bytes[at];
            at += 1;
            let size = leb(bytes, &mut at)? as usize;
            let section = bytes
                .get(at..at + size)
                .ok_or("a section runs past the end")?;
            match id {
                2 => m.imported = imported_functions(section)?,
                10 => {
                    let mut p = 0;
                    for _ in 0..leb(section, &mut p)? {
                        let len = leb(section, &mut p)?;
                        m.bodies.push(len);
                        p += len as usize;
                    }
                }
                11 => m.data = size as u64,
                0 => {
                    if let Ok(names) = names(section) {
                        m.names = names;
                    }
                }
                _ => {}
            }
            at += size;
        }
        Ok(m)
    }
}

fn imported_functions(s: &[u8]) -> Result<u32, String> {
    let mut p = 0;
    let mut functions = 0;
    for _ in 0..leb(s, &mut p)? {
        for _ in 0..2 {
            let len = leb(s, &mut p)? as usize;
            p += len;
        }
        let kind = *s.get(p).ok_or("cut import")?;
        p += 1;
        match kind {
            0 => {
                leb(s, &mut p)?;
                functions += 1;
            }
            1 => {
                p += 1;
                limits(s, &mut p)?;
            }
            2 => limits(s, &mut p)?,
            3 => p += 2,
            _ => {
                leb(s, &mut p)?;
            }
        }
    }
    Ok(functions)
}

fn limits(s: &[u8], p: &mut usize) -> Result<(), String> {
    let flags = *s.get(*p).ok_or("cut limits")?;
    *p += 1;
    leb(s, p)?;
    if flags & 1 == 1 {
        leb(s, p)?;
    }
    Ok(())
}

/// The function names of a custom section, if it is the `name` section.
fn names(s: &[u8]) -> Result<HashMap<u32, String>, String> {
    let mut p = 0;
    let len = leb(s, &mut p)? as usize;
    if s.get(p..p + len) != Some(b"name") {
        return Err("another custom section".into());
    }
    p += len;
    let mut names = HashMap::new();
    while p < s.len() {
        let id = s[p];
        p += 1;
        let size = leb(s, &mut p)? as usize;
        if id == 1 {
            let mut q = p;
            for _ in 0..leb(s, &mut q)? {
                let index = leb(s, &mut q)? as u32;
                let len = leb(s, &mut q)? as usize;
                let name = s.get(q..q + len).ok_or("cut name")?;
                names.insert(index, String::from_utf8_lossy(name).into_owned());
                q += len;
            }
        }
        p += size;
    }
    Ok(names)
}

fn leb(s: &[u8], p: &mut usize) -> Result<u64, String> {
    let mut value = 0u64;
    let mut shift = 0;
    loop {
        let b = *s.get(*p).ok_or("a number runs past the end")?;
        *p += 1;
        value |= ((b & 0x7f) as u64) << shift;
        if b & 0x80 == 0 {
            return Ok(value);
        }
        shift += 7;
        if shift > 63 {
            return Err("a number is too long".into());
        }
    }
}

fn len(p: &Path) -> u64 {
    std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)
}

fn mb(bytes: u64) -> String {
    format!("{:.2} MB", bytes as f64 / 1e6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn functions_are_counted_under_their_crate() {
        assert_eq!(crate_of("bevy_ecs::world::World::spawn"), "bevy_ecs");
        assert_eq!(
            crate_of("<naga::front::wgsl::Parser as core::Default>::default"),
            "naga"
        );
        assert_eq!(
            crate_of("core::ptr::drop_in_place<wgpu_core::device::Device>"),
            "wgpu_core"
        );
        assert_eq!(
            demangle("_ZN8bevy_ecs5world5World5spawn17h0123456789abcdefE"),
            "bevy_ecs::world::World::spawn"
        );
        let split =
            demangle("_<bevy_input::InputPlugin$u20$as$u20$bevy_app::plugin::Plugin>::build");
        assert_eq!(
            split,
            "<bevy_input::InputPlugin as bevy_app::plugin::Plugin>::build"
        );
        assert_eq!(crate_of(&split), "bevy_input");
        let mangled = demangle(
            "_ZN68_$LT$bevy_input..InputPlugin$u20$as$u20$bevy_app..plugin..Plugin$GT$5build17h76be2d49e14ca843E",
        );
        assert_eq!(mangled, split);
    }

    #[test]
    fn a_tiny_module_is_read() {
        // Magic, version, a code section with one 2-byte body, a name section naming it.
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        m.extend([10, 4, 1, 2, 0, 0x0b]);
        let name = b"\x04name\x01\x06\x01\x00\x03abc";
        m.push(0);
        m.push(name.len() as u8);
        m.extend(name);
        let module = Module::parse(&m).unwrap();
        assert_eq!(module.bodies, vec![2]);
        assert_eq!(module.names.get(&0).map(String::as_str), Some("abc"));
    }
}
