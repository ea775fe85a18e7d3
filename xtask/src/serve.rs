//! A small static file server for `dist/`, for trying the game on this machine and for the
//! browser tests. `.wasm` is served as `application/wasm`; when the browser accepts them, the
//! precompressed `.br` or `.gz` copies are sent instead. It listens on 127.0.0.1 only.

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
        "ttf" => "font/ttf",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
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
    respond(
        &mut stream,
        "200 OK",
        kind,
        encoding,
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
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nVary: Accept-Encoding\r\nConnection: close\r\n",
        body.len()
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
