//! The release build into `dist/`: the WASM (see `wasm.rs`), the stylesheet,
//! the static files of `public/` and `index.html`, then the service worker and
//! precompressed copies.
//!
//! Invariants of a finished `dist/`:
//! - `index.html` has no inline script but the one that decides whether the
//!   pre-rendered first screen shows (`shell.rs`), allowed by its hash: the
//!   bootstrap module is its own file, and the Content-Security-Policy never
//!   needs `'unsafe-inline'`;
//! - every asset URL is relative and no URL names another origin, so the
//!   folder works at the root of any static host or under any sub-path;
//! - every file but `index.html`, `sw.js`, the manifest and the icons is named
//!   by a hash of its content.

use std::path::Path;

use sha2::{Digest, Sha256};

use crate::wasm;

/// Where `index.html` templates take the build's stylesheet and scripts.
pub const ASSETS_MARKER: &str = "<!-- xtask:assets -->";

/// Builds into `dist/`.
pub fn build(root: &Path) -> Result<(), String> {
    build_into(root, &root.join("dist"))
}

/// Builds into `out` (another folder lets several builds be served at once).
pub fn build_into(root: &Path, out: &Path) -> Result<(), String> {
    println!("xtask: building the release bundle into {}", out.display());
    fresh_dir(out)?;
    let built = wasm::build(
        &wasm::Build {
            crate_dir: root,
            bin: "rollwise",
            // Its own target directory, so the build neither waits on nor
            // invalidates the test builds.
            target_dir: root.join("target/dist-wasm"),
            split: true,
        },
        out,
    )?;
    // Minified beside the WASM build's intermediate files, then named by
    // the hash of what is served.
    let css_min = root.join("target/dist-wasm/main.min.css");
    crate::wasm::minify(&root.join("style/main.css"), &css_min)?;
    let css = copy_hashed(&css_min, out, "main", "css")?;
    copy_files(&root.join("public"), out)?;
    write_index(&root.join("index.html"), out, &built, Some(&css))?;
    crate::shell::prerender(root, out)?;
    post_process(out)
}

/// Removes what an earlier build left in `dir` and creates it.
pub fn fresh_dir(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(|e| format!("cannot empty {}: {e}", dir.display()))?;
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))
}

/// Copies `source` into `out` as `<stem>-<hash>.<ext>` and returns that name.
fn copy_hashed(source: &Path, out: &Path, stem: &str, ext: &str) -> Result<String, String> {
    let bytes =
        std::fs::read(source).map_err(|e| format!("cannot read {}: {e}", source.display()))?;
    let name = format!("{stem}-{}.{ext}", content_hash(&bytes));
    std::fs::write(out.join(&name), bytes).map_err(|e| format!("cannot write {name}: {e}"))?;
    Ok(name)
}

/// Copies every file of `from` (one level deep, as `public/` and `dist/`
/// are) into `to`.
pub fn copy_files(from: &Path, to: &Path) -> Result<(), String> {
    let entries =
        std::fs::read_dir(from).map_err(|e| format!("cannot list {}: {e}", from.display()))?;
    for entry in entries.flatten() {
        if entry.path().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name()))
                .map_err(|e| format!("cannot copy {}: {e}", entry.path().display()))?;
        }
    }
    Ok(())
}

/// Writes `index.html` from its template, with the stylesheet, the preloads
/// and the bootstrap module where the template has [`ASSETS_MARKER`].
pub fn write_index(
    template: &Path,
    out: &Path,
    built: &wasm::Output,
    css: Option<&str>,
) -> Result<(), String> {
    let html = std::fs::read_to_string(template)
        .map_err(|e| format!("cannot read {}: {e}", template.display()))?;
    let boot = boot_module(
        &built.js,
        &built.wasm,
        &built.app,
        &built.openings,
        &built.reading,
    )?;
    let boot_name = format!("boot-{}.js", content_hash(boot.as_bytes()));
    std::fs::write(out.join(&boot_name), boot)
        .map_err(|e| format!("cannot write {boot_name}: {e}"))?;
    let html = with_assets(&html, &asset_tags(css, &boot_name))?;
    check_html(&html)?;
    std::fs::write(out.join("index.html"), html)
        .map_err(|e| format!("cannot write index.html: {e}"))
}

/// The bootstrap module. It fetches the WASM and imports its JS in parallel,
/// both relative to its own URL, so a deep link never changes where they are
/// read.
///
/// When the pre-rendered first screen shows (`shell.rs` marks `<html>` with
/// `rw-shell`), it waits for the page's first paint before fetching
/// anything: on a slow network the welcome then paints without sharing the
/// bandwidth with the WASM, which it does not need. A hidden tab never
/// paints, so it does not wait there, and a second at most anywhere else.
/// The wait observes paint entries, not timers or animation frames, so a
/// test's paused clock cannot hold the app back.
///
/// Anywhere else (data is stored, or a deep link):
/// - it starts fetching and compiling the app's own module (`app`, from
///   the split build: everything but the welcome's first stage, which a
///   first visit fetches once the welcome is interactive), and
///   the modules of the screen the page
///   opens at (`openings`, from the split build: Home's dashboard, or a
///   deep link's screen) beside the main module, in
///   `globalThis.__rollwiseEarly`, where the link module takes them
///   (`merge::COMPILE_NOW`). Before, they were asked for during the first
///   render and were ready only well after it. When data is stored (the
///   inline script of `shell.rs` marks `<html>` with `rw-stored`), the
///   modules that read it (`reading`) come first: every screen waits for
///   them then;
/// - the page will write dates, and a page's first `Intl.DateTimeFormat`
///   loads the locale's data (15 to 20 ms here; the next ones take a
///   fraction of a millisecond). It makes one while the WASM downloads,
///   when the main thread has nothing else to do, rather than while the app
///   renders its first screen.
pub fn boot_module(
    js: &str,
    wasm: &str,
    app: &[String],
    openings: &[(String, Vec<String>)],
    reading: &[String],
) -> Result<String, String> {
    let safe = |text: &str| {
        text.chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-.".contains(c))
    };
    let mut table = Vec::new();
    for (path, files) in openings {
        if !safe(path) || !files.iter().all(|f| safe(f)) {
            return Err(format!(
                "a screen's path or file has unexpected characters: {path:?} {files:?}"
            ));
        }
        let files: Vec<String> = files.iter().map(|f| format!("'./{f}'")).collect();
        table.push(format!("['{path}', [{}]]", files.join(", ")));
    }
    let table = table.join(", ");
    if !reading.iter().all(|f| safe(f)) {
        return Err(format!(
            "a reading module's file has unexpected characters: {reading:?}"
        ));
    }
    let reading: Vec<String> = reading.iter().map(|f| format!("'./{f}'")).collect();
    let reading = reading.join(", ");
    if !app.iter().all(|f| safe(f)) {
        return Err(format!(
            "a file of the app's module has unexpected characters: {app:?}"
        ));
    }
    let app: Vec<String> = app.iter().map(|f| format!("'./{f}'")).collect();
    let app_spread = if app.is_empty() {
        String::new()
    } else {
        format!("{}, ", app.join(", "))
    };
    Ok(format!(
        r#"const root = document.documentElement;
const first = root.classList.contains('rw-shell');
if (first && document.visibilityState === 'visible') {{
  await new Promise((painted) => {{
    setTimeout(painted, 1000);
    try {{
      new PerformanceObserver((list, observer) => {{
        observer.disconnect();
        painted();
      }}).observe({{ type: 'paint', buffered: true }});
    }} catch (e) {{
      painted();
    }}
  }});
}}
const wasm = fetch(new URL('./{wasm}', import.meta.url));
if (!first) {{
  const base = new URL('./', import.meta.url).pathname;
  const path = location.pathname;
  const below = path.startsWith(base) ? path.slice(base.length).replace(/^index\.html$/, '').replace(/\/+$/, '') : null;
  const reading = root.classList.contains('rw-stored') ? [{reading}] : [];
  const needs = [...new Set([{app_spread}...reading, ...(new Map([{table}]).get(below) || [])])];
  if (needs.length) {{
    globalThis.__rollwiseEarly = new Map(needs.map((file) => {{
      const url = new URL(file, import.meta.url).href;
      const compiled = WebAssembly.compileStreaming(fetch(url));
      compiled.catch(() => {{}});
      return [url, compiled];
    }}));
  }}
  setTimeout(() => {{
    try {{
      new Intl.DateTimeFormat(navigator.language, {{ weekday: 'short', day: 'numeric', month: 'short' }});
    }} catch (e) {{}}
  }}, 0);
}}
const {{ default: init }} = await import('./{js}');
await init({{ module_or_path: wasm }});
"#
    ))
}

/// The tags that load a build: the stylesheet, then the bootstrap module,
/// which fetches the JS and the WASM (see [`boot_module`]). Nothing else is
/// preloaded: a preload would compete with the first paint of the
/// pre-rendered screen for a slow network.
pub fn asset_tags(css: Option<&str>, boot: &str) -> String {
    let mut tags = String::new();
    if let Some(css) = css {
        tags.push_str(&format!(
            "<link rel=\"stylesheet\" href=\"./{css}\" />\n    "
        ));
    }
    tags.push_str(&format!(
        "<script type=\"module\" src=\"./{boot}\"></script>"
    ));
    tags
}

/// Puts `tags` where the template has [`ASSETS_MARKER`] (exactly once).
pub fn with_assets(template: &str, tags: &str) -> Result<String, String> {
    match template.matches(ASSETS_MARKER).count() {
        1 => Ok(template.replace(ASSETS_MARKER, tags)),
        n => Err(format!(
            "index.html must hold {ASSETS_MARKER} exactly once, where the build's tags go (found {n})"
        )),
    }
}

/// Adds the service worker and the precompressed copies to a built `dist`.
pub fn post_process(dist: &Path) -> Result<(), String> {
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

pub fn collect_files(root: &Path, dir: &Path, out: &mut Vec<String>) -> Result<(), String> {
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

/// Refuses an `index.html` that breaks the invariants of the module doc.
pub fn check_html(html: &str) -> Result<(), String> {
    let mut from = 0;
    while let Some(i) = html[from..].find("<script") {
        let at = from + i;
        let tag_end = html[at..].find('>').map_or(html.len(), |j| at + j);
        if !html[at..tag_end].contains("src=") {
            let body_end = html[tag_end..]
                .find("</script>")
                .map_or(html.len(), |j| tag_end + j);
            let hash = crate::shell::csp_hash(&html[(tag_end + 1).min(body_end)..body_end]);
            if !html.contains(&hash) {
                return Err(
                    "index.html has an inline script whose hash the CSP does not name".into(),
                );
            }
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

/// The name part that identifies a file's content: the first 16 hex digits
/// of its SHA-256.
pub fn content_hash(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))[..16].to_string()
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_boot_module_reads_the_wasm_beside_itself() {
        let openings = vec![
            (
                "".to_string(),
                vec![
                    "chunks_dashboard-1.wasm".to_string(),
                    "split_dashboard-2.wasm".to_string(),
                ],
            ),
            (
                "session".to_string(),
                vec!["split_session-3.wasm".to_string()],
            ),
        ];
        let reading = vec![
            "chunks_reader-4.wasm".to_string(),
            "split_reader-5.wasm".to_string(),
        ];
        let app = vec![
            "chunks_app-6.wasm".to_string(),
            "split_app-7.wasm".to_string(),
        ];
        let boot = boot_module("app-1.js", "app-1_bg.wasm", &app, &openings, &reading).unwrap();
        assert!(boot.contains("fetch(new URL('./app-1_bg.wasm', import.meta.url))"));
        assert!(boot.contains("await import('./app-1.js')"));
        assert!(boot.contains("init({ module_or_path: wasm })"));
        // The fetch starts before the import is awaited: they run in parallel.
        assert!(boot.find("fetch(").unwrap() < boot.find("await import(").unwrap());
        // Only the pre-rendered screen waits for a paint.
        assert!(boot.contains("classList.contains('rw-shell')"));
        // Only a page that may show dates warms the date formatting up.
        assert!(boot.contains("if (!first) {"));
        assert!(boot.contains("new Intl.DateTimeFormat("));
        // The opening screens' modules, by the path below the base.
        assert!(boot.contains(
            "new Map([['', ['./chunks_dashboard-1.wasm', './split_dashboard-2.wasm']], ['session', ['./split_session-3.wasm']]])"
        ));
        assert!(
            boot.find("fetch(new URL('./app-1_bg.wasm'").unwrap()
                < boot.find("compileStreaming").unwrap()
        );
        // Anywhere but a first visit of the start page, the app's own module
        // comes first, then with data stored the reading modules.
        assert!(boot.contains(
            "[...new Set(['./chunks_app-6.wasm', './split_app-7.wasm', ...reading, ...(new Map("
        ));
        assert!(boot.contains(
            "classList.contains('rw-stored') ? ['./chunks_reader-4.wasm', './split_reader-5.wasm'] : []"
        ));
        // Anything that could break out of the table is refused.
        let odd = vec![("x']);alert(1);//".to_string(), Vec::new())];
        assert!(boot_module("app-1.js", "app-1_bg.wasm", &[], &odd, &[]).is_err());
        let odd_reading = vec!["x'];alert(1);//".to_string()];
        assert!(boot_module("app-1.js", "app-1_bg.wasm", &[], &[], &odd_reading).is_err());
        assert!(boot_module("app-1.js", "app-1_bg.wasm", &odd_reading, &[], &[]).is_err());
    }

    #[test]
    fn the_template_gets_every_tag_once_and_passes_the_checks() {
        let template = format!(
            r#"<head><meta http-equiv="Content-Security-Policy" content="x">{ASSETS_MARKER}</head>"#
        );
        let tags = asset_tags(Some("main-2.css"), "boot-3.js");
        let html = with_assets(&template, &tags).unwrap();
        for want in [
            r#"<link rel="stylesheet" href="./main-2.css" />"#,
            r#"<script type="module" src="./boot-3.js"></script>"#,
        ] {
            assert_eq!(html.matches(want).count(), 1, "{want} in {html}");
        }
        // Nothing competes with the first paint: the bootstrap fetches the
        // rest, and chunks are fetched on demand.
        assert!(!html.contains("preload"));
        assert!(!html.contains(ASSETS_MARKER));
        check_html(&html).unwrap();
    }

    #[test]
    fn a_template_without_exactly_one_marker_is_refused() {
        assert!(with_assets("<head></head>", "x")
            .unwrap_err()
            .contains("found 0"));
        let twice = format!("{ASSETS_MARKER}{ASSETS_MARKER}");
        assert!(with_assets(&twice, "x").unwrap_err().contains("found 2"));
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
    fn html_checks_refuse_what_breaks_the_invariants() {
        let csp = r#"<meta http-equiv="Content-Security-Policy" content="x">"#;
        let cases = [
            (format!("{csp}<script>alert(1)</script>"), "inline script"),
            (
                format!(
                    "{}<script>alert(2)</script>",
                    csp.replace("x", &crate::shell::csp_hash("alert(1)"))
                ),
                "inline script",
            ),
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
        let allowed = csp.replace("x", &crate::shell::csp_hash("alert(1)"));
        check_html(&format!("{allowed}<script>alert(1)</script>")).unwrap();
    }
}
