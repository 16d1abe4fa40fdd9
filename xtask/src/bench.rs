//! `cargo xtask bench`: builds the release bundle and prints every file of
//! `dist/` raw, gzip -9 and brotli -q 11, then the total of what the page
//! fetches before it is interactive (HTML, scripts, WASM, CSS, manifest).
//! Figures are printed, never asserted: speed is measured, not tested.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;

use crate::{dist, tools};

pub fn run(root: &Path) -> Result<(), String> {
    tools::ensure_build_tools(root)?;
    dist::build(root)?;
    let dist_dir = root.join("dist");
    let mut files = list_files(&dist_dir)?;
    files.sort();
    println!();
    println!(
        "{:<44} {:>10} {:>10} {:>10}",
        "dist/ file", "raw B", "gzip-9 B", "brotli-11 B"
    );
    let mut sizes = Vec::new();
    for name in &files {
        let bytes =
            std::fs::read(dist_dir.join(name)).map_err(|e| format!("cannot read {name}: {e}"))?;
        let size = Sizes {
            raw: bytes.len(),
            gzip: gzip_len(&bytes),
            brotli: brotli_len(&bytes),
        };
        println!(
            "{:<44} {:>10} {:>10} {:>10}",
            name, size.raw, size.gzip, size.brotli
        );
        sizes.push((name.clone(), size));
    }
    let first_load = first_load_files(&dist_dir)?;
    let mut total = Sizes::default();
    for (name, size) in &sizes {
        if first_load.contains(name) {
            total.raw += size.raw;
            total.gzip += size.gzip;
            total.brotli += size.brotli;
        }
    }
    println!();
    println!(
        "first load ({} files: {}): raw {} B, gzip {} B, brotli {} B ({:.1} KB brotli)",
        first_load.len(),
        first_load.iter().cloned().collect::<Vec<_>>().join(", "),
        total.raw,
        total.gzip,
        total.brotli,
        total.brotli as f64 / 1000.0
    );
    Ok(())
}

#[derive(Default)]
struct Sizes {
    raw: usize,
    gzip: usize,
    brotli: usize,
}

fn list_files(dir: &Path) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        let entries = std::fs::read_dir(&current)
            .map_err(|e| format!("cannot list {}: {e}", current.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(relative) = path.strip_prefix(dir) {
                let name = relative.to_string_lossy().replace('\\', "/");
                if !name.ends_with(".br") && !name.ends_with(".gz") {
                    out.push(name);
                }
            }
        }
    }
    Ok(out)
}

fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = encoder.write_all(bytes);
    encoder.finish().map(|v| v.len()).unwrap_or(0)
}

pub fn brotli_compress(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    let _ = brotli::BrotliCompress(&mut &bytes[..], &mut out, &params);
    out
}

fn brotli_len(bytes: &[u8]) -> usize {
    brotli_compress(bytes).len()
}

/// The files the page fetches before it is interactive: `index.html`, what
/// it links as a stylesheet, script, module preload, preload or manifest,
/// and what those scripts import by relative URL.
fn first_load_files(dist_dir: &Path) -> Result<BTreeSet<String>, String> {
    let html = std::fs::read_to_string(dist_dir.join("index.html"))
        .map_err(|e| format!("cannot read index.html: {e}"))?;
    let mut set = BTreeSet::new();
    set.insert("index.html".to_string());
    let mut queue = first_load_references(&html);
    while let Some(name) = queue.pop() {
        if !set.insert(name.clone()) {
            continue;
        }
        if name.ends_with(".js") {
            if let Ok(script) = std::fs::read_to_string(dist_dir.join(&name)) {
                queue.extend(relative_urls(&script));
            }
        }
    }
    set.retain(|name| dist_dir.join(name).is_file());
    Ok(set)
}

/// The `href`/`src` of every tag in `html` that the browser fetches up front
/// (icons are left out: they do not hold up interactivity).
pub fn first_load_references(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for tag in html.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or("");
        let is_link = tag.starts_with("link ");
        let is_script = tag.starts_with("script ");
        if !(is_link || is_script) {
            continue;
        }
        if is_link
            && !["stylesheet", "modulepreload", "preload", "manifest"]
                .iter()
                .any(|rel| tag.contains(&format!("rel=\"{rel}\"")))
        {
            continue;
        }
        for attr in ["href=\"", "src=\""] {
            if let Some(i) = tag.find(attr) {
                let value = &tag[i + attr.len()..];
                let value = value.split('"').next().unwrap_or("");
                out.push(value.trim_start_matches("./").to_string());
            }
        }
    }
    out
}

/// Every `'./name'` or `"./name"` string in a script.
fn relative_urls(script: &str) -> Vec<String> {
    let mut out = Vec::new();
    for quote in ['\'', '"'] {
        let marker = format!("{quote}./");
        for (i, _) in script.match_indices(&marker) {
            let rest = &script[i + marker.len()..];
            if let Some(end) = rest.find(quote) {
                out.push(rest[..end].to_string());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_the_page_loads_first() {
        let html = r#"<link rel="icon" href="./icon.svg"><link rel="stylesheet" href="./main-1.css" integrity="x"><link rel="modulepreload" href="./app-1.js"><link rel="manifest" href="./manifest.webmanifest"><script type="module" src="./boot-1.js"></script>"#;
        assert_eq!(
            first_load_references(html),
            vec![
                "main-1.css",
                "app-1.js",
                "manifest.webmanifest",
                "boot-1.js"
            ]
        );
        assert_eq!(
            relative_urls(
                "import x from './app-1.js'; new URL('./app-1_bg.wasm', import.meta.url)"
            ),
            vec!["app-1.js", "app-1_bg.wasm"]
        );
    }

    #[test]
    fn compression_shrinks_repetitive_text() {
        let text = "rollwise ".repeat(1000);
        assert!(brotli_len(text.as_bytes()) < text.len() / 10);
        assert!(gzip_len(text.as_bytes()) < text.len() / 10);
    }
}
