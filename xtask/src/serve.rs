//! A small static file server for `dist/`, for trying the game on this machine and for the
//! browser tests. `.wasm` is served as `application/wasm`; when the browser accepts them, the
//! precompressed `.br` or `.gz` copies are sent instead. It sends the headers a real host
//! should (docs/hosting.md): caching for ever for files whose names carry a hash of their
//! contents, revalidation for the rest, and the security policy. It listens on 127.0.0.1 only.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "webmanifest" => "application/manifest+json",
        "otf" => "font/otf",
        "ttf" => "font/ttf",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The page's security policy, as its `<meta>` tag carries it.
pub const PAGE_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/// The same policy as a header, which (unlike the `<meta>` copy) can also forbid other
/// sites from framing the game.
fn header_csp() -> String {
    format!("{PAGE_CSP}; frame-ancestors 'none'")
}

/// How long a browser may keep a file: for ever when its name carries a hash of its
/// contents (a new version has a new name), otherwise only after asking again.
pub fn cache_control(relative: &str) -> &'static str {
    let hashed = |name: &str, sep: char| {
        name.rsplit_once(sep)
            .is_some_and(|(_, h)| h.len() == 8 && h.bytes().all(|b| b.is_ascii_hexdigit()))
    };
    let relative = relative.trim_start_matches('/');
    let first = relative.split('/').next().unwrap_or("");
    let stem = relative
        .rsplit('/')
        .next()
        .and_then(|f| f.split_once('.').map(|(stem, _)| stem))
        .unwrap_or("");
    if (relative.contains('/') && hashed(first, '-')) || hashed(stem, '-') {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

/// Serves until the process is stopped.
pub fn serve_forever(dist: &Path, port: u16) -> Result<(), String> {
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on port {port}: {e}"))?;
    println!("Find Your Fit is being served at http://127.0.0.1:{port}/ (press Ctrl+C to stop)");
    accept(listener, dist.to_path_buf());
    Ok(())
}

/// Serves on a free port from a background thread; returns the port.
pub fn serve_in_background(dist: &Path) -> Result<u16, String> {
    let listener =
        TcpListener::bind(("127.0.0.1", 0)).map_err(|e| format!("cannot listen: {e}"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let dist = dist.to_path_buf();
    std::thread::spawn(move || accept(listener, dist));
    Ok(port)
}

fn accept(listener: TcpListener, dist: PathBuf) {
    for stream in listener.incoming().flatten() {
        let dist = dist.clone();
        std::thread::spawn(move || {
            let _ = handle(stream, &dist);
        });
    }
}

fn handle(mut stream: TcpStream, dist: &Path) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    let mut accept_encoding = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("accept-encoding")
        {
            accept_encoding = value.trim().to_ascii_lowercase();
        }
    }
    let mut parts = request.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            None,
            b"method not allowed",
            false,
        );
    }
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let relative = if path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_owned()
    };
    // Never serve anything outside dist/.
    if relative.split('/').any(|part| part == "..") {
        return respond(
            &mut stream,
            "400 Bad Request",
            "text/plain",
            None,
            b"bad path",
            false,
        );
    }
    let file = dist.join(relative.trim_start_matches('/'));
    if !file.is_file() {
        return respond(
            &mut stream,
            "404 Not Found",
            "text/plain",
            None,
            b"not found",
            method == "HEAD",
        );
    }
    let kind = content_type(&file);
    let compressed = [("br", "br"), ("gzip", "gz")]
        .into_iter()
        .find_map(|(enc, ext)| {
            let mut p = file.clone().into_os_string();
            p.push(".");
            p.push(ext);
            let p = PathBuf::from(p);
            (accept_encoding.contains(enc) && p.is_file()).then_some((enc, p))
        });
    let (encoding, body) = match compressed {
        Some((enc, p)) => (Some(enc), std::fs::read(p)?),
        None => (None, std::fs::read(&file)?),
    };
    let cache = cache_control(&relative);
    respond_with(
        &mut stream,
        "200 OK",
        kind,
        encoding,
        cache,
        &body,
        method == "HEAD",
    )
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    kind: &str,
    encoding: Option<&str>,
    body: &[u8],
    head_only: bool,
) -> std::io::Result<()> {
    respond_with(stream, status, kind, encoding, "no-cache", body, head_only)
}

fn respond_with(
    stream: &mut TcpStream,
    status: &str,
    kind: &str,
    encoding: Option<&str>,
    cache: &str,
    body: &[u8],
    head_only: bool,
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: {cache}\r\nContent-Security-Policy: {}\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\nVary: Accept-Encoding\r\nConnection: close\r\n",
        body.len(),
        header_csp()
    );
    if let Some(enc) = encoding {
        head.push_str(&format!("Content-Encoding: {enc}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_files_are_kept_for_ever_and_the_rest_asked_again() {
        for forever in [
            "/find_your_fit_bg-0123abcd.wasm",
            "/app-deadbeef.js",
            "/assets-0011aabb/content/quiz.json",
        ] {
            assert_eq!(
                cache_control(forever),
                "public, max-age=31536000, immutable",
                "{forever}"
            );
        }
        for again in [
            "/index.html",
            "/sw.js",
            "/manifest.webmanifest",
            "/favicon.svg",
            "/assets/x.json",
            "/app-nothex0.js",
        ] {
            assert_eq!(cache_control(again), "no-cache", "{again}");
        }
    }
}
