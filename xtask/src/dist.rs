//! The release build: Trunk (always `--offline`) into `dist/`, then a
//! post-processing pass.
//!
//! Invariants of a finished `dist/`:
//! - `index.html` has no inline script: Trunk's bootstrap module is moved to
//!   `boot-<hash>.js`, so the Content-Security-Policy needs no
//!   `'unsafe-inline'` and no hash for scripts;
//! - every asset URL is relative and no URL names another origin, so the
//!   folder works at the root of any static host or under any sub-path.

use std::path::Path;
use std::process::Command;

use sha2::{Digest, Sha256};

use crate::tools::run_step;

/// Builds into `dist/`.
pub fn build(root: &Path) -> Result<(), String> {
    build_into(root, &root.join("dist"))
}

/// Builds into `out` (another folder lets several builds be served at once).
pub fn build_into(root: &Path, out: &Path) -> Result<(), String> {
    println!(
        "xtask: building the release bundle into {} (trunk build --release --offline)",
        out.display()
    );
    run_step(
        "trunk build",
        Command::new("trunk")
            .args(["build", "--release", "--offline", "--dist"])
            .arg(out)
            .current_dir(root)
            // Trunk's own cargo build uses a separate target directory so it
            // does not wait on, or invalidate, the test builds.
            .env("CARGO_TARGET_DIR", root.join("target/trunk")),
    )?;
    post_process(out)
}

/// Applies the invariants of the module doc to a fresh Trunk output.
pub fn post_process(dist: &Path) -> Result<(), String> {
    let index_path = dist.join("index.html");
    let html = std::fs::read_to_string(&index_path)
        .map_err(|e| format!("cannot read {}: {e}", index_path.display()))?;
    let (html, boot) = externalise_inline_module(&html)?;
    let html = drop_preload_integrity(&html);
    if let Some((name, body)) = boot {
        std::fs::write(dist.join(&name), body).map_err(|e| format!("cannot write {name}: {e}"))?;
    }
    check_html(&html)?;
    std::fs::write(&index_path, html).map_err(|e| format!("cannot write index.html: {e}"))?;
    write_service_worker(dist)?;
    precompress(dist)?;
    println!("xtask: {} is ready", dist.display());
    Ok(())
}

/// Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every text or
/// WASM file, for hosts (and `cargo xtask serve`) that send them to
/// browsers that accept them.
fn precompress(dist: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    collect_files(dist, dist, &mut files)?;
    for name in files {
        let compressible = ["html", "js", "wasm", "css", "svg", "webmanifest", "json"]
            .iter()
            .any(|ext| name.ends_with(&format!(".{ext}")));
        if !compressible {
            continue;
        }
        let path = dist.join(&name);
        let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {name}: {e}"))?;
        std::fs::write(
            dist.join(format!("{name}.br")),
            crate::bench::brotli_compress(&bytes),
        )
        .map_err(|e| format!("cannot write {name}.br: {e}"))?;
        std::fs::write(
            dist.join(format!("{name}.gz")),
            crate::bench::gzip_compress(&bytes),
        )
        .map_err(|e| format!("cannot write {name}.gz: {e}"))?;
    }
    Ok(())
}

const SW_TEMPLATE: &str = include_str!("sw.js");
const SW_NAME: &str = "sw.js";

/// Writes `sw.js` with the precache list of every file in `dist` and a
/// version that changes whenever any file does, so a new build installs a
/// new worker and the old caches are removed.
fn write_service_worker(dist: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    collect_files(dist, dist, &mut files)?;
    files.retain(|name| name != SW_NAME && !name.starts_with('.'));
    files.sort();
    let mut hasher = Sha256::new();
    for name in &files {
        let bytes =
            std::fs::read(dist.join(name)).map_err(|e| format!("cannot read {name}: {e}"))?;
        hasher.update(name.as_bytes());
        hasher.update(Sha256::digest(&bytes));
    }
    let version = hex(&hasher.finalize())[..16].to_string();
    let worker = service_worker_source(&version, &files);
    std::fs::write(dist.join(SW_NAME), worker).map_err(|e| format!("cannot write sw.js: {e}"))
}

/// The worker's source for a version and a sorted file list (paths relative
/// to the app's folder; `./` stands for the start page).
pub fn service_worker_source(version: &str, files: &[String]) -> String {
    let mut list = String::from("[\n  './',\n");
    for name in files {
        list.push_str(&format!(
            "  './{}',\n",
            name.replace('\\', "/").replace('\'', "%27")
        ));
    }
    list.push(']');
    SW_TEMPLATE
        .replace("'__VERSION__'", &format!("'{version}'"))
        .replace("__PRECACHE__", &list)
}

fn collect_files(root: &Path, dir: &Path, out: &mut Vec<String>) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect_files(root, &path, out)?;
        } else if let Ok(relative) = path.strip_prefix(root) {
            let relative = relative.to_string_lossy().replace('\\', "/");
            if !relative.ends_with(".br") && !relative.ends_with(".gz") {
                out.push(relative);
            }
        }
    }
    Ok(())
}

const MODULE_OPEN: &str = "<script type=\"module\"";
const SCRIPT_CLOSE: &str = "</script>";

/// Moves the one inline `<script type="module">` into its own file named by
/// a hash of its content, and points a `src` at it. Returns the new HTML and
/// the file to write (`None` when there was no inline module).
pub fn externalise_inline_module(html: &str) -> Result<(String, Option<(String, String)>), String> {
    let Some(start) = html.find(MODULE_OPEN) else {
        return Ok((html.to_string(), None));
    };
    let open_end = html[start..]
        .find('>')
        .map(|i| start + i + 1)
        .ok_or("an unterminated <script> tag in index.html")?;
    let open_tag = &html[start..open_end];
    if open_tag.contains("src=") {
        return Ok((html.to_string(), None));
    }
    let close = html[open_end..]
        .find(SCRIPT_CLOSE)
        .map(|i| open_end + i)
        .ok_or("an inline module in index.html has no </script>")?;
    let body = make_urls_module_relative(html[open_end..close].trim());
    let hash = hex(&Sha256::digest(body.as_bytes()))[..16].to_string();
    let name = format!("boot-{hash}.js");
    let tag = format!("<script type=\"module\" src=\"./{name}\"></script>");
    let new_html = format!(
        "{}{}{}",
        &html[..start],
        tag,
        &html[close + SCRIPT_CLOSE.len()..]
    );
    Ok((new_html, Some((name, format!("{body}\n")))))
}

/// Trunk's bootstrap passes the WASM path as a string, which `fetch` resolves
/// against the page's URL; in a module file it must resolve against the
/// module's own URL, so a deep link never changes where the WASM is read.
fn make_urls_module_relative(body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 32);
    let mut rest = body;
    while let Some(i) = rest.find("'./") {
        let (before, after) = rest.split_at(i);
        let Some(end) = after[1..].find('\'') else {
            break;
        };
        let url = &after[1..=end];
        out.push_str(before);
        if url.ends_with(".wasm") {
            out.push_str(&format!("new URL('{url}', import.meta.url)"));
        } else {
            out.push_str(&format!("'{url}'"));
        }
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    out
}

/// Chromium ignores `integrity` on `<link rel="preload" as="fetch">` and warns
/// about it in the console, so the attribute is dropped there (the module
/// preload and the stylesheet keep theirs).
pub fn drop_preload_integrity(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find("<link rel=\"preload\"") {
        out.push_str(&rest[..i]);
        let end = rest[i..].find('>').map_or(rest.len(), |j| i + j + 1);
        let tag = &rest[i..end];
        match tag.find(" integrity=\"") {
            Some(at) => {
                let value_end = tag[at + 12..]
                    .find('"')
                    .map_or(tag.len(), |k| at + 12 + k + 1);
                out.push_str(&tag[..at]);
                out.push_str(&tag[value_end..]);
            }
            None => out.push_str(tag),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Refuses an `index.html` that breaks the invariants of the module doc.
pub fn check_html(html: &str) -> Result<(), String> {
    let mut from = 0;
    while let Some(i) = html[from..].find("<script") {
        let at = from + i;
        let tag_end = html[at..].find('>').map_or(html.len(), |j| at + j);
        if !html[at..tag_end].contains("src=") {
            return Err("index.html still has an inline script, which the CSP forbids".into());
        }
        from = tag_end;
    }
    for attr in ["src=\"", "href=\""] {
        for (i, _) in html.match_indices(attr) {
            let value = &html[i + attr.len()..];
            if value.starts_with("http:") || value.starts_with("https:") || value.starts_with("//")
            {
                return Err(format!(
                    "index.html loads from another origin: {}",
                    &value[..value.find('"').unwrap_or(40)]
                ));
            }
            if value.starts_with('/') {
                return Err(format!(
                    "index.html has an absolute asset path, which breaks sub-path hosting: {}",
                    &value[..value.find('"').unwrap_or(40)]
                ));
            }
        }
    }
    if !html.contains("Content-Security-Policy") {
        return Err("index.html lost its Content-Security-Policy".into());
    }
    Ok(())
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK_LIKE: &str = r#"<html><head><meta http-equiv="Content-Security-Policy" content="x"><link rel="modulepreload" href="./app-1.js"><script type="module">
import init, * as bindings from './app-1.js';
const wasm = await init({ module_or_path: './app-1_bg.wasm' });
</script></head><body></body></html>"#;

    #[test]
    fn inline_module_moves_to_a_hashed_file() {
        let (html, boot) = externalise_inline_module(TRUNK_LIKE).unwrap();
        let (name, body) = boot.expect("a boot file");
        assert!(name.starts_with("boot-") && name.ends_with(".js"));
        assert!(html.contains(&format!(
            "<script type=\"module\" src=\"./{name}\"></script>"
        )));
        assert!(body.contains("from './app-1.js'"));
        assert!(body.contains("new URL('./app-1_bg.wasm', import.meta.url)"));
        check_html(&html).unwrap();
    }

    #[test]
    fn preload_links_lose_only_their_integrity() {
        let html = r#"<link rel="modulepreload" href="./a.js" integrity="sha384-A"><link rel="preload" href="./a_bg.wasm" crossorigin="anonymous" integrity="sha384-B" as="fetch" type="application/wasm"></head>"#;
        let out = drop_preload_integrity(html);
        assert!(out.contains(r#"integrity="sha384-A""#));
        assert!(!out.contains("sha384-B"));
        assert!(out.contains(r#"<link rel="preload" href="./a_bg.wasm" crossorigin="anonymous" as="fetch" type="application/wasm"></head>"#));
    }

    #[test]
    fn the_worker_lists_every_file_and_its_version() {
        let files = vec!["index.html".to_string(), "app-1_bg.wasm".to_string()];
        let source = service_worker_source("abc123", &files);
        assert!(source.contains("const VERSION = 'abc123';"));
        assert!(source
            .contains("const PRECACHE = [\n  './',\n  './index.html',\n  './app-1_bg.wasm',\n];"));
        assert!(!source.contains("__PRECACHE__"));
    }

    #[test]
    fn the_same_content_gives_the_same_name() {
        let a = externalise_inline_module(TRUNK_LIKE).unwrap().1.unwrap().0;
        let b = externalise_inline_module(TRUNK_LIKE).unwrap().1.unwrap().0;
        assert_eq!(a, b);
    }

    #[test]
    fn html_checks_refuse_what_breaks_the_invariants() {
        let csp = r#"<meta http-equiv="Content-Security-Policy" content="x">"#;
        let cases = [
            (format!("{csp}<script>alert(1)</script>"), "inline script"),
            (
                format!("{csp}<script src=\"https://cdn.example/x.js\"></script>"),
                "another origin",
            ),
            (
                format!("{csp}<link href=\"/style.css\">"),
                "absolute asset path",
            ),
            ("<p>no policy</p>".to_string(), "Content-Security-Policy"),
        ];
        for (html, want) in cases {
            let err = check_html(&html).unwrap_err();
            assert!(err.contains(want), "{html}: {err}");
        }
        check_html(&format!(
            "{csp}<script type=\"module\" src=\"./boot.js\"></script>"
        ))
        .unwrap();
    }
}
