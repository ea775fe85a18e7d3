//! A small static file server for `dist/`, for trying the game on this machine and for the
//! browser tests. `.wasm` is served as `application/wasm`; when the browser accepts them, the
//! precompressed `.br` or `.gz` copies are sent instead. It sends the headers a real host
//! should (docs/hosting.md): caching for ever for files whose names carry a hash of their
//! contents, revalidation for the rest, and the security policy.
//!
//! Teachers and editors run it on their own machines, so it is careful: it listens on
//! 127.0.0.1 only, answers only requests addressed to that address (a web page elsewhere
//! cannot reach it through a DNS name of its own), maps only plain path components into
//! `dist/` and never follows a link out of it, and bounds what one connection may cost
//! (request size, idle time, number of connections at once).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

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
pub const PAGE_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

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

/// What one connection may cost the machine it runs on.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The request line (`GET /path HTTP/1.1`), in bytes.
    pub line_bytes: usize,
    /// All the header lines together, in bytes.
    pub header_bytes: usize,
    /// How long the server waits for a request to arrive, and for a reply to be taken.
    pub timeout: Duration,
    /// Connections served at once; more are told to try again.
    pub connections: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            line_bytes: 8 * 1024,
            header_bytes: 32 * 1024,
            timeout: Duration::from_secs(10),
            // A browser opens six or so at once; the browser tests and a whole class
            // trying it on one laptop stay far below this.
            connections: 64,
        }
    }
}

/// Serves until the process is stopped.
pub fn serve_forever(dist: &Path, port: u16) -> Result<(), String> {
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on port {port}: {e}"))?;
    let site = Site::new(dist, port, Limits::default())?;
    println!("Find Your Fit is being served at http://127.0.0.1:{port}/ (press Ctrl+C to stop)");
    accept(listener, Arc::new(site));
    Ok(())
}

/// Serves on a free port from a background thread; returns the port.
pub fn serve_in_background(dist: &Path) -> Result<u16, String> {
    serve_in_background_with(dist, Limits::default())
}

/// As [`serve_in_background`], with other limits (the tests make them small).
pub fn serve_in_background_with(dist: &Path, limits: Limits) -> Result<u16, String> {
    let listener =
        TcpListener::bind(("127.0.0.1", 0)).map_err(|e| format!("cannot listen: {e}"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let site = Arc::new(Site::new(dist, port, limits)?);
    std::thread::spawn(move || accept(listener, site));
    Ok(port)
}

/// The folder served, the address it is served at, and the limits.
struct Site {
    /// `dist/` with every link in its path resolved, so a file's resolved path can be checked
    /// to lie inside it.
    dist: PathBuf,
    port: u16,
    limits: Limits,
    open: AtomicUsize,
}

impl Site {
    fn new(dist: &Path, port: u16, limits: Limits) -> Result<Site, String> {
        let dist = dist.canonicalize().map_err(|e| {
            format!(
                "{} cannot be served ({e}): build it first with `cargo xtask build-web`",
                dist.display()
            )
        })?;
        Ok(Site {
            dist,
            port,
            limits,
            open: AtomicUsize::new(0),
        })
    }

    /// Whether a `Host` header names this server: its own address, as the browser was told
    /// it. Any other name (a DNS name pointed at 127.0.0.1 by a hostile site) is refused.
    fn is_own_host(&self, host: &str) -> bool {
        let host = host.trim().to_ascii_lowercase();
        let port = self.port;
        [format!("127.0.0.1:{port}"), format!("localhost:{port}")].contains(&host)
            || (port == 80 && (host == "127.0.0.1" || host == "localhost"))
    }
}

fn accept(listener: TcpListener, site: Arc<Site>) {
    for stream in listener.incoming().flatten() {
        let site = Arc::clone(&site);
        // Counted before the thread starts, so a burst cannot slip past the cap.
        let open = site.open.fetch_add(1, Ordering::SeqCst) + 1;
        std::thread::spawn(move || {
            let _ = if open > site.limits.connections {
                busy(stream, &site)
            } else {
                handle(stream, &site)
            };
            site.open.fetch_sub(1, Ordering::SeqCst);
        });
    }
}

/// Too many connections at once: say so at once and close, rather than queue.
fn busy(mut stream: TcpStream, site: &Site) -> std::io::Result<()> {
    stream.set_write_timeout(Some(site.limits.timeout))?;
    refuse(&mut stream, Refusal::Busy)
}

/// Why a request is not answered with a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refusal {
    BadRequest,
    WrongHost,
    NotFound,
    Method,
    LineTooLong,
    HeadersTooLarge,
    Busy,
}

impl Refusal {
    fn status(self) -> &'static str {
        match self {
            Refusal::BadRequest => "400 Bad Request",
            Refusal::WrongHost => "421 Misdirected Request",
            Refusal::NotFound => "404 Not Found",
            Refusal::Method => "405 Method Not Allowed",
            Refusal::LineTooLong => "414 URI Too Long",
            Refusal::HeadersTooLarge => "431 Request Header Fields Too Large",
            Refusal::Busy => "503 Service Unavailable",
        }
    }

    fn body(self) -> &'static [u8] {
        match self {
            Refusal::BadRequest => b"bad request",
            Refusal::WrongHost => b"this server answers only at http://127.0.0.1 and its port",
            Refusal::NotFound => b"not found",
            Refusal::Method => b"method not allowed",
            Refusal::LineTooLong => b"request line too long",
            Refusal::HeadersTooLarge => b"headers too large",
            Refusal::Busy => b"too many connections: try again",
        }
    }
}

/// The parts of a request the server uses.
struct Request {
    method: String,
    target: String,
    host: Option<String>,
    accept_encoding: String,
}

fn handle(mut stream: TcpStream, site: &Site) -> std::io::Result<()> {
    stream.set_read_timeout(Some(site.limits.timeout))?;
    stream.set_write_timeout(Some(site.limits.timeout))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let request = match read_request(&mut reader, &site.limits) {
        Ok(Some(request)) => request,
        // Closed or timed out before a whole request arrived: nothing to answer.
        Ok(None) => return Ok(()),
        Err(refusal) => {
            refuse(&mut stream, refusal)?;
            linger(&mut stream, &mut reader);
            return Ok(());
        }
    };
    let head_only = request.method == "HEAD";
    match find_file(site, &request) {
        Ok((file, relative)) => send_file(&mut stream, &file, &relative, &request, head_only),
        Err(refusal) => refuse_to(&mut stream, refusal, head_only),
    }
}

/// After refusing a request that was not read to its end, lets the client finish sending for
/// a moment (discarding it), so that it can read the answer: closing with unread bytes makes
/// the system reset the connection, which can lose the answer on the way.
fn linger(stream: &mut TcpStream, reader: &mut impl Read) {
    const MOST: u64 = 16 * 1024 * 1024;
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(1)));
    let _ = std::io::copy(&mut reader.take(MOST), &mut std::io::sink());
}

/// Reads the request line and headers within the limits. `Ok(None)` when the connection
/// ends (or idles past the timeout) first.
fn read_request(reader: &mut impl BufRead, limits: &Limits) -> Result<Option<Request>, Refusal> {
    let Some(line) = read_line(reader, limits.line_bytes, Refusal::LineTooLong)? else {
        return Ok(None);
    };
    let mut parts = line.split_whitespace();
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Refusal::BadRequest);
    };
    if !version.starts_with("HTTP/1.") {
        return Err(Refusal::BadRequest);
    }
    let mut request = Request {
        method: method.to_owned(),
        target: target.to_owned(),
        host: None,
        accept_encoding: String::new(),
    };
    let mut budget = limits.header_bytes;
    loop {
        let Some(header) = read_line(reader, budget, Refusal::HeadersTooLarge)? else {
            return Ok(None);
        };
        budget = budget.saturating_sub(header.len() + 2);
        if header.is_empty() {
            return Ok(Some(request));
        }
        if budget == 0 {
            return Err(Refusal::HeadersTooLarge);
        }
        let Some((name, value)) = header.split_once(':') else {
            return Err(Refusal::BadRequest);
        };
        if name.eq_ignore_ascii_case("host") {
            if request.host.is_some() {
                return Err(Refusal::BadRequest);
            }
            request.host = Some(value.trim().to_owned());
        } else if name.eq_ignore_ascii_case("accept-encoding") {
            request.accept_encoding = value.trim().to_ascii_lowercase();
        }
    }
}

/// One line without its line ending, reading at most `limit` bytes of it. `Ok(None)` when
/// the connection closes or times out first.
fn read_line(
    reader: &mut impl BufRead,
    limit: usize,
    too_long: Refusal,
) -> Result<Option<String>, Refusal> {
    let mut bytes = Vec::new();
    // One byte over the limit tells a line at the limit from a longer one.
    let read = reader
        .by_ref()
        .take(limit as u64 + 2)
        .read_until(b'\n', &mut bytes);
    match read {
        Ok(0) | Err(_) => return Ok(None),
        Ok(_) => {}
    }
    if bytes.last() != Some(&b'\n') {
        return if bytes.len() > limit {
            Err(too_long)
        } else {
            Ok(None)
        };
    }
    bytes.pop();
    if bytes.last() == Some(&b'\r') {
        bytes.pop();
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| Refusal::BadRequest)
}

/// The file a request asks for, and its path relative to `dist/`.
fn find_file(site: &Site, request: &Request) -> Result<(PathBuf, String), Refusal> {
    // Checked before the method and the path, so nothing about the site is told to a page
    // that reached this server under another name.
    match &request.host {
        None => return Err(Refusal::BadRequest),
        Some(host) if !site.is_own_host(host) => return Err(Refusal::WrongHost),
        Some(_) => {}
    }
    if request.method != "GET" && request.method != "HEAD" {
        return Err(Refusal::Method);
    }
    let components = path_components(&request.target)?;
    let mut file = site.dist.clone();
    for part in &components {
        file.push(part);
    }
    // Resolving links last: a link inside dist/ that points outside it is not served.
    let resolved = file.canonicalize().map_err(|_| Refusal::NotFound)?;
    if !resolved.starts_with(&site.dist) || !resolved.is_file() {
        return Err(Refusal::NotFound);
    }
    Ok((resolved, format!("/{}", components.join("/"))))
}

/// The plain names a request's path is made of, decoded; `index.html` for a folder. Anything
/// that could name a place outside `dist/` on any system is refused: `.` and `..`,
/// backslashes, drive letters and other colons, and control characters.
fn path_components(target: &str) -> Result<Vec<String>, Refusal> {
    let path = target.split(['?', '#']).next().unwrap_or("");
    let Some(path) = path.strip_prefix('/') else {
        return Err(Refusal::BadRequest);
    };
    // `/` and `/a/` are folders, served by their `index.html`.
    let (folder, names) = match path.strip_suffix('/') {
        Some(names) => (true, names),
        None => (path.is_empty(), path),
    };
    let mut components = Vec::new();
    for raw in names.split('/').filter(|_| !names.is_empty()) {
        let part = percent_decode(raw)?;
        let plain = !part.is_empty()
            && part != "."
            && part != ".."
            && !part.contains(['/', '\\', ':'])
            && !part.chars().any(char::is_control);
        if !plain {
            return Err(Refusal::BadRequest);
        }
        components.push(part);
    }
    if folder {
        components.push("index.html".to_owned());
    }
    Ok(components)
}

/// `%41` → `A`; a broken escape or bytes that are not UTF-8 are a bad request.
fn percent_decode(raw: &str) -> Result<String, Refusal> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = raw.get(i + 1..i + 3).ok_or(Refusal::BadRequest)?;
            out.push(u8::from_str_radix(hex, 16).map_err(|_| Refusal::BadRequest)?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| Refusal::BadRequest)
}

fn send_file(
    stream: &mut TcpStream,
    file: &Path,
    relative: &str,
    request: &Request,
    head_only: bool,
) -> std::io::Result<()> {
    let kind = content_type(file);
    let compressed = [("br", "br"), ("gzip", "gz")]
        .into_iter()
        .find_map(|(enc, ext)| {
            let mut p = file.to_path_buf().into_os_string();
            p.push(".");
            p.push(ext);
            let p = PathBuf::from(p);
            (request.accept_encoding.contains(enc) && p.is_file()).then_some((enc, p))
        });
    let (encoding, body) = match compressed {
        Some((enc, p)) => (Some(enc), std::fs::read(p)?),
        None => (None, std::fs::read(file)?),
    };
    let reply = Reply {
        status: "200 OK",
        kind,
        encoding,
        cache: cache_control(relative),
    };
    reply.send(stream, &body, head_only)
}

fn refuse(stream: &mut TcpStream, refusal: Refusal) -> std::io::Result<()> {
    refuse_to(stream, refusal, false)
}

fn refuse_to(stream: &mut TcpStream, refusal: Refusal, head_only: bool) -> std::io::Result<()> {
    let reply = Reply {
        status: refusal.status(),
        kind: "text/plain; charset=utf-8",
        encoding: None,
        cache: "no-cache",
    };
    reply.send(stream, refusal.body(), head_only)
}

/// The status line and headers of an answer.
struct Reply<'a> {
    status: &'a str,
    kind: &'a str,
    encoding: Option<&'a str>,
    cache: &'a str,
}

impl Reply<'_> {
    fn send(&self, stream: &mut TcpStream, body: &[u8], head_only: bool) -> std::io::Result<()> {
        let mut head = format!(
            "HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: {}\r\n",
            self.status,
            self.kind,
            body.len(),
            self.cache
        );
        for (name, value) in security_headers() {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("Vary: Accept-Encoding\r\nConnection: close\r\n");
        if let Some(enc) = self.encoding {
            head.push_str(&format!("Content-Encoding: {enc}\r\n"));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes())?;
        if !head_only {
            stream.write_all(body)?;
        }
        stream.flush()
    }
}

/// The headers every answer carries, as docs/hosting.md asks real hosts to send them.
pub fn security_headers() -> [(&'static str, String); 4] {
    [
        ("Content-Security-Policy", header_csp()),
        ("X-Content-Type-Options", "nosniff".into()),
        ("Referrer-Policy", "no-referrer".into()),
        (
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=()".into(),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

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

    /// A `dist/` of its own in the system's temporary folder, beside a secret file that must
    /// never be served, and (on Unix) a link inside `dist/` that points at it.
    fn site(name: &str) -> PathBuf {
        let root = std::env::temp_dir().join(format!("fyf-serve-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let dist = root.join("dist");
        std::fs::create_dir_all(dist.join("sub")).unwrap();
        std::fs::write(dist.join("index.html"), "<p>the game</p>").unwrap();
        std::fs::write(dist.join("sub").join("a.txt"), "inside").unwrap();
        std::fs::write(root.join("secret.txt"), "SECRET").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(root.join("secret.txt"), dist.join("link.txt")).unwrap();
        dist
    }

    fn quick() -> Limits {
        Limits {
            timeout: Duration::from_millis(300),
            ..Limits::default()
        }
    }

    /// Sends raw bytes and reads the whole answer (the server closes every connection).
    fn raw(port: u16, request: &[u8]) -> String {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        // Written beside the reading, as a client would, so a huge request cannot stall it.
        let mut writer = stream.try_clone().unwrap();
        let request = request.to_vec();
        let sending = std::thread::spawn(move || {
            let _ = writer.write_all(&request);
        });
        let mut answer = Vec::new();
        let _ = stream.read_to_end(&mut answer);
        let _ = sending.join();
        String::from_utf8_lossy(&answer).into_owned()
    }

    fn get(port: u16, path: &str) -> String {
        raw(
            port,
            format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n").as_bytes(),
        )
    }

    fn status(answer: &str) -> &str {
        answer.lines().next().unwrap_or("(no answer)")
    }

    fn serves_the_game(port: u16) {
        let answer = get(port, "/");
        assert_eq!(status(&answer), "HTTP/1.1 200 OK");
        assert!(answer.ends_with("<p>the game</p>"), "{answer}");
    }

    #[test]
    fn only_plain_names_inside_dist_are_served() {
        let port = serve_in_background_with(&site("paths"), quick()).unwrap();
        assert!(get(port, "/sub/a.txt").ends_with("inside"));
        assert!(get(port, "/sub/a.txt?v=1#x").ends_with("inside"));
        for attack in [
            "/../secret.txt",
            "/sub/../../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E%2Fsecret.txt",
            "/sub/..%2f..%2fsecret.txt",
            "/..\\secret.txt",
            "/sub\\..\\..\\secret.txt",
            "/..%5csecret.txt",
            "/C:/Windows/win.ini",
            "/c:%5cwindows%5cwin.ini",
            "//etc/passwd",
            "/./index.html",
            "/sub/a.txt%00.html",
            "/%zz",
            "http://127.0.0.1/index.html",
            "*",
        ] {
            let answer = get(port, attack);
            assert!(
                status(&answer).starts_with("HTTP/1.1 400"),
                "{attack}: {answer}"
            );
            assert!(!answer.contains("SECRET"), "{attack}");
        }
        // A link that leads out of dist/ is not followed.
        #[cfg(unix)]
        {
            let answer = get(port, "/link.txt");
            assert!(status(&answer).starts_with("HTTP/1.1 404"), "{answer}");
            assert!(!answer.contains("SECRET"));
        }
        serves_the_game(port);
    }

    #[test]
    fn a_request_addressed_to_another_name_is_refused() {
        let port = serve_in_background_with(&site("host"), quick()).unwrap();
        for host in [
            "evil.example".to_owned(),
            format!("evil.example:{port}"),
            format!("127.0.0.1.evil.example:{port}"),
            format!("127.0.0.1:{}", port.wrapping_add(1)),
        ] {
            let answer = raw(
                port,
                format!("GET / HTTP/1.1\r\nHost: {host}\r\n\r\n").as_bytes(),
            );
            assert!(
                status(&answer).starts_with("HTTP/1.1 421"),
                "{host}: {answer}"
            );
            assert!(!answer.contains("the game"), "{host}");
        }
        let none = raw(port, b"GET / HTTP/1.1\r\n\r\n");
        assert!(status(&none).starts_with("HTTP/1.1 400"), "{none}");
        let twice = raw(
            port,
            format!("GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nHost: evil.example\r\n\r\n")
                .as_bytes(),
        );
        assert!(status(&twice).starts_with("HTTP/1.1 400"), "{twice}");
        let by_name = raw(
            port,
            format!("GET / HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n").as_bytes(),
        );
        assert_eq!(status(&by_name), "HTTP/1.1 200 OK");
        serves_the_game(port);
    }

    #[test]
    fn a_huge_request_line_or_headers_are_refused_and_the_server_goes_on() {
        let port = serve_in_background_with(&site("huge"), quick()).unwrap();
        let mut line = b"GET /".to_vec();
        line.resize(10 * 1024 * 1024, b'a');
        line.extend_from_slice(b" HTTP/1.1\r\n\r\n");
        let answer = raw(port, &line);
        assert!(
            status(&answer).starts_with("HTTP/1.1 414"),
            "{}",
            status(&answer)
        );
        let mut headers = format!("GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n").into_bytes();
        for i in 0..10_000 {
            headers.extend_from_slice(format!("X-Filler-{i}: {}\r\n", "b".repeat(40)).as_bytes());
        }
        headers.extend_from_slice(b"\r\n");
        let answer = raw(port, &headers);
        assert!(
            status(&answer).starts_with("HTTP/1.1 431"),
            "{}",
            status(&answer)
        );
        serves_the_game(port);
    }

    #[test]
    fn a_connection_held_open_is_closed_and_does_not_stop_others() {
        let port = serve_in_background_with(&site("slow"), quick()).unwrap();
        let mut held = TcpStream::connect(("127.0.0.1", port)).unwrap();
        held.write_all(b"GET / HTTP/1.1\r\nHost: 12").unwrap();
        // Served while the other waits.
        serves_the_game(port);
        // The server gives up on the silent one (after its 300 ms timeout) without answering.
        held.set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        let mut rest = Vec::new();
        held.read_to_end(&mut rest).unwrap();
        assert!(rest.is_empty(), "{}", String::from_utf8_lossy(&rest));
        serves_the_game(port);
    }

    #[test]
    fn connections_past_the_cap_are_told_to_try_again() {
        // Held connections are waited for (5 s) until they close, as a slow client's would be.
        let limits = Limits {
            connections: 2,
            timeout: Duration::from_secs(5),
            ..Limits::default()
        };
        let port = serve_in_background_with(&site("cap"), limits).unwrap();
        let held: Vec<TcpStream> = (0..2)
            .map(|_| TcpStream::connect(("127.0.0.1", port)).unwrap())
            .collect();
        // Until the server has counted both, a third may still get in: wait for the answer.
        let mut answer = String::new();
        for _ in 0..100 {
            answer = get(port, "/");
            if status(&answer).starts_with("HTTP/1.1 503") {
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        assert!(status(&answer).starts_with("HTTP/1.1 503"), "{answer}");
        drop(held);
        // Once they have gone, the game is served again.
        let mut served = false;
        for _ in 0..200 {
            if status(&get(port, "/")) == "HTTP/1.1 200 OK" {
                served = true;
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        assert!(
            served,
            "the server did not recover after the held connections closed"
        );
    }

    #[test]
    fn every_answer_carries_the_headers_a_host_should_send() {
        let port = serve_in_background_with(&site("headers"), quick()).unwrap();
        for answer in [get(port, "/"), get(port, "/missing.txt")] {
            let head = answer.split("\r\n\r\n").next().unwrap();
            for (name, value) in security_headers() {
                assert!(
                    head.contains(&format!("{name}: {value}")),
                    "{name} in {head}"
                );
            }
            assert!(head.contains("frame-ancestors 'none'"), "{head}");
        }
    }

    #[test]
    fn the_hosting_guide_shows_every_header_as_the_server_sends_it() {
        let guide = std::fs::read_to_string(crate::root().join("docs").join("hosting.md")).unwrap();
        for (name, value) in security_headers() {
            assert!(
                guide.contains(&format!("{name}: {value}")),
                "docs/hosting.md lacks `{name}: {value}`"
            );
        }
    }

    #[test]
    fn dist_that_does_not_exist_is_named_clearly() {
        let missing = std::env::temp_dir().join("fyf-serve-no-such-dist");
        let err = serve_in_background(&missing).unwrap_err();
        assert!(err.contains("cargo xtask build-web"), "{err}");
    }
}
