//! A small static file server for `dist/`, used by `cargo xtask run` and by
//! the end-to-end tests and benchmarks.
//!
//! It behaves like a plain static host with a single-page fallback: a path
//! with a file extension is served from disk or answered 404, and any other
//! path under the base answers `index.html`, so deep links reload. It can
//! serve the app under a sub-path (`--base /sub/path/`) to prove that
//! `dist/` works there too. When the client accepts brotli or gzip and a
//! precompressed `.br` / `.gz` sibling exists, that is sent instead.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;

pub struct Server {
    url: String,
    handle: JoinHandle<()>,
}

impl Server {
    /// Binds `host:port` (port 0 picks a free one) and serves `dir` under
    /// `base` on a background thread.
    pub fn start(dir: &Path, host: &str, port: u16, base: &str) -> Result<Server, String> {
        let listener = TcpListener::bind((host, port))
            .map_err(|e| format!("cannot listen on {host}:{port}: {e}"))?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        let site = Arc::new(Site {
            dir: dir.to_path_buf(),
            base: normalise_base(base),
        });
        let url = format!("http://{addr}{}", site.base);
        let handle = std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let site = Arc::clone(&site);
                std::thread::spawn(move || {
                    let _ = site.answer(stream);
                });
            }
        });
        Ok(Server { url, handle })
    }

    /// The address of the app, ending with `/`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Blocks until the server thread ends (it does not, short of a signal).
    pub fn join(self) {
        let _ = self.handle.join();
    }
}

/// `sub/path` → `/sub/path/`; empty → `/`.
pub fn normalise_base(base: &str) -> String {
    let trimmed = base.trim_matches('/');
    if trimmed.is_empty() {
        "/".to_string()
    } else {
        format!("/{trimmed}/")
    }
}

struct Site {
    dir: PathBuf,
    base: String,
}

/// What the server answers for one request path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    File(PathBuf),
    Redirect(String),
    NotFound,
}

impl Site {
    fn answer(&self, stream: TcpStream) -> std::io::Result<()> {
        let mut reader = BufReader::new(stream.try_clone()?);
        let mut request_line = String::new();
        reader.read_line(&mut request_line)?;
        let mut accept_encoding = String::new();
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':') {
                if name.eq_ignore_ascii_case("accept-encoding") {
                    accept_encoding = value.trim().to_ascii_lowercase();
                }
            }
        }
        let mut parts = request_line.split_whitespace();
        let method = parts.next().unwrap_or("");
        let target = parts.next().unwrap_or("/");
        let mut out = stream;
        if method != "GET" && method != "HEAD" {
            return respond(
                &mut out,
                "405 Method Not Allowed",
                "text/plain",
                &[],
                b"method not allowed",
                method,
            );
        }
        match resolve(&self.dir, &self.base, target) {
            Resolved::Redirect(location) => respond(
                &mut out,
                "301 Moved Permanently",
                "text/plain",
                &[("Location", &location)],
                b"",
                method,
            ),
            Resolved::NotFound => respond(
                &mut out,
                "404 Not Found",
                "text/plain; charset=utf-8",
                &[],
                b"not found",
                method,
            ),
            Resolved::File(path) => {
                let content_type = content_type(&path);
                let cache = cache_control(&path);
                let (body, encoding) = read_best_encoding(&path, &accept_encoding)?;
                let mut headers = vec![("Cache-Control", cache), ("Vary", "Accept-Encoding")];
                if let Some(encoding) = encoding {
                    headers.push(("Content-Encoding", encoding));
                }
                respond(&mut out, "200 OK", content_type, &headers, &body, method)
            }
        }
    }
}

/// Maps a request target to what to send, following the module doc.
pub fn resolve(dir: &Path, base: &str, target: &str) -> Resolved {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let path = percent_decode(path);
    if format!("{path}/") == base {
        return Resolved::Redirect(base.to_string());
    }
    let Some(rest) = path.strip_prefix(base) else {
        return Resolved::NotFound;
    };
    if rest.split('/').any(|segment| segment == "..") {
        return Resolved::NotFound;
    }
    let last = rest.rsplit('/').next().unwrap_or("");
    if last.contains('.') {
        let file = dir.join(rest);
        return if file.is_file() {
            Resolved::File(file)
        } else {
            Resolved::NotFound
        };
    }
    Resolved::File(dir.join("index.html"))
}

fn percent_decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let digits = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
            if let Ok(byte) = u8::from_str_radix(digits, 16) {
                out.push(byte);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn read_best_encoding(
    path: &Path,
    accept: &str,
) -> std::io::Result<(Vec<u8>, Option<&'static str>)> {
    match fresh_precompressed(path, accept) {
        Some((compressed, encoding)) => Ok((std::fs::read(compressed)?, Some(encoding))),
        None => Ok((std::fs::read(path)?, None)),
    }
}

/// The precompressed sibling to send for `path`, if the client accepts its
/// encoding and it is not older than `path`: a file changed after the build
/// (as the update journey does to `sw.js`) is sent as it is now.
pub fn fresh_precompressed(path: &Path, accept: &str) -> Option<(PathBuf, &'static str)> {
    let source_time = std::fs::metadata(path).and_then(|m| m.modified()).ok()?;
    for (encoding, suffix) in [("br", "br"), ("gzip", "gz")] {
        if !accept
            .split(',')
            .any(|e| e.trim().split(';').next() == Some(encoding))
        {
            continue;
        }
        let mut name = path.as_os_str().to_owned();
        name.push(format!(".{suffix}"));
        let compressed = PathBuf::from(name);
        let fresh = std::fs::metadata(&compressed)
            .and_then(|m| m.modified())
            .is_ok_and(|t| t >= source_time);
        if fresh {
            return Some((compressed, encoding));
        }
    }
    None
}

fn respond(
    out: &mut TcpStream,
    status: &str,
    content_type: &str,
    headers: &[(&str, &str)],
    body: &[u8],
    method: &str,
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    out.write_all(head.as_bytes())?;
    if method != "HEAD" {
        out.write_all(body)?;
    }
    out.flush()
}

pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "txt" => "text/plain; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Files whose names carry a content hash never change, so they may be kept
/// for a year; everything else is revalidated.
fn cache_control(path: &Path) -> &'static str {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let name = stem.strip_suffix("_bg").unwrap_or(stem);
    let hashed = name
        .rsplit('-')
        .next()
        .is_some_and(|tail| tail.len() >= 16 && tail.chars().all(|c| c.is_ascii_hexdigit()));
    if hashed {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_files_fallbacks_and_the_base() {
        let dir = std::env::temp_dir().join(format!("rollwise-serve-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("index.html"), "x").unwrap();
        std::fs::write(dir.join("app-0123456789abcdef.js"), "x").unwrap();
        let index = Resolved::File(dir.join("index.html"));
        let cases: Vec<(&str, &str, Resolved)> = vec![
            ("/", "/", index.clone()),
            ("/", "/history", index.clone()),
            ("/", "/history?x=1", index.clone()),
            (
                "/",
                "/app-0123456789abcdef.js",
                Resolved::File(dir.join("app-0123456789abcdef.js")),
            ),
            ("/", "/missing.js", Resolved::NotFound),
            ("/", "/../etc/passwd", Resolved::NotFound),
            ("/sub/", "/sub", Resolved::Redirect("/sub/".into())),
            ("/sub/", "/sub/", index.clone()),
            ("/sub/", "/sub/log", index.clone()),
            ("/sub/", "/other", Resolved::NotFound),
        ];
        for (base, target, want) in cases {
            assert_eq!(resolve(&dir, base, target), want, "{base} {target}");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_precompressed_copy_older_than_its_source_is_not_sent() {
        let dir = std::env::temp_dir().join(format!("rollwise-serve-br-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let source = dir.join("sw.js");
        std::fs::write(&source, "v1").unwrap();
        std::fs::write(dir.join("sw.js.br"), "compressed v1").unwrap();
        let sent = fresh_precompressed(&source, "gzip, deflate, br").map(|(_, e)| e);
        assert_eq!(sent, Some("br"));
        assert_eq!(fresh_precompressed(&source, "identity"), None);
        // The source changes after the build: its stale copy is ignored.
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&source, "v2").unwrap();
        assert_eq!(fresh_precompressed(&source, "br"), None);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn bases_are_normalised() {
        for (raw, want) in [("", "/"), ("/", "/"), ("sub", "/sub/"), ("/a/b/", "/a/b/")] {
            assert_eq!(normalise_base(raw), want);
        }
    }

    #[test]
    fn hashed_files_are_cached_for_long() {
        assert_eq!(
            cache_control(Path::new("rollwise-0123456789abcdef_bg.wasm")),
            "public, max-age=31536000, immutable"
        );
        assert_eq!(
            cache_control(Path::new("boot-0123456789abcdef.js")),
            "public, max-age=31536000, immutable"
        );
        assert_eq!(cache_control(Path::new("index.html")), "no-cache");
    }
}
