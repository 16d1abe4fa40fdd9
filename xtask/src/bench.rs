//! `cargo xtask bench`: builds the release bundle and prints every file of
//! `dist/` raw, gzip -9 and brotli -q 11, then the total of what the page
//! fetches before it is interactive (HTML, scripts, WASM, CSS, manifest), as
//! requested by Chromium, for the start page and two deep links.
//! Figures are printed, never asserted: speed is measured, not tested.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;

use std::process::Command;

use crate::{dist, serve, tools};

pub fn run(root: &Path) -> Result<(), String> {
    tools::ensure_test_tools(root)?;
    dist::build(root)?;
    let dist_dir = root.join("dist");
    print_sizes("Rollwise", &dist_dir)?;
    let mut failures = Vec::new();
    let server = serve::Server::start(&dist_dir, "127.0.0.1", 0, "/")?;

    let ours = match first_load_in_browser(root, server.url(), &dist_dir) {
        Ok(start_page) => Some(start_page),
        Err(why) => {
            failures.push(format!("first load: {why}"));
            None
        }
    };
    let floor_dir = build_floor(root);
    match floor_dir
        .as_ref()
        .map_err(Clone::clone)
        .and_then(|dir| first_load_total(dir))
    {
        Ok(floor) => {
            println!();
            match ours {
                Some(ours) => println!(
                    "first load: Rollwise {:.1} KB brotli; the framework's floor (a Leptos 0.8 CSR counter with chrono, serde and gloo-storage, same chain and profile) {:.1} KB brotli; ratio {:.2}",
                    kb(ours.brotli),
                    kb(floor.brotli),
                    ours.brotli as f64 / floor.brotli.max(1) as f64
                ),
                None => println!(
                    "first load: the framework's floor {:.1} KB brotli (Rollwise's was not measured)",
                    kb(floor.brotli)
                ),
            }
        }
        Err(why) => failures.push(format!("floor: {why}")),
    }
    match build_floor_crate(root, "floor-router", "rollwise-floor-router")
        .and_then(|dir| first_load_total(&dir))
    {
        Ok(routed) => println!(
            "first load: the floor with leptos_router (the same counter behind three routes and their links) {:.1} KB brotli",
            kb(routed.brotli)
        ),
        Err(why) => failures.push(format!("floor with a router: {why}")),
    }

    if let Err(why) = lighthouse(root, server.url()) {
        failures.push(format!("lighthouse: {why}"));
    }
    if let Err(why) = browser_figures(root, server.url()) {
        failures.push(format!("browser figures: {why}"));
    }
    if let Err(why) = floor_dir.and_then(|dir| interaction_floor(root, &dir)) {
        failures.push(format!("interaction floor: {why}"));
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "not everything was measured: {}",
            failures.join("; ")
        ))
    }
}

/// The routes whose first load is measured: the start page, and deep links
/// to two screens that are loaded on demand.
const FIRST_LOAD_ROUTES: [&str; 3] = ["", "session", "log"];

/// Opens each of [`FIRST_LOAD_ROUTES`] in Chromium (bench/first_load.mjs),
/// prints the brotli total of every file requested before the page was
/// interactive, and returns the start page's total.
fn first_load_in_browser(root: &Path, url: &str, dist_dir: &Path) -> Result<Sizes, String> {
    println!();
    println!("xtask: what each route fetches before it is interactive, in Chromium (bench/first_load.mjs)");
    let mut args: Vec<&std::ffi::OsStr> = vec![url.as_ref()];
    args.extend(FIRST_LOAD_ROUTES.iter().map(std::ffi::OsStr::new));
    let json = tools::node_json(root, "bench/first_load.mjs", &args)?;
    let mut start_page = None;
    for route in FIRST_LOAD_ROUTES {
        let urls: Vec<&str> = json[route]
            .as_array()
            .ok_or_else(|| format!("no list for route `{route}`"))?
            .iter()
            .filter_map(|u| u.as_str())
            .collect();
        let files = files_of_urls(url, &urls, dist_dir)?;
        let total = total_of(dist_dir, &files)?;
        println!(
            "first load of /{route} ({} files: {}): raw {} B, gzip {} B, brotli {} B ({:.1} KB brotli)",
            files.len(),
            files.iter().cloned().collect::<Vec<_>>().join(", "),
            total.raw,
            total.gzip,
            total.brotli,
            kb(total.brotli)
        );
        if route.is_empty() {
            start_page = Some(total);
        }
    }
    start_page.ok_or_else(|| "the start page was not measured".into())
}

/// The `dist` files behind requested URLs: a route (any URL that is not a
/// file) is answered with `index.html`. A URL of another origin is an error.
pub fn files_of_urls(
    base: &str,
    urls: &[&str],
    dist_dir: &Path,
) -> Result<BTreeSet<String>, String> {
    let mut files = BTreeSet::new();
    for url in urls {
        let path = url
            .strip_prefix(base)
            .ok_or_else(|| format!("a request left the app: {url}"))?;
        let path = path.split(['?', '#']).next().unwrap_or("");
        let name = if !path.is_empty() && dist_dir.join(path).is_file() {
            path.to_string()
        } else {
            "index.html".to_string()
        };
        files.insert(name);
    }
    Ok(files)
}

fn kb(bytes: usize) -> f64 {
    bytes as f64 / 1000.0
}

/// Prints every file of `dir` raw, gzip -9 and brotli -q 11.
fn print_sizes(label: &str, dir: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    dist::collect_files(dir, dir, &mut files)?;
    files.sort();
    println!();
    println!(
        "{:<44} {:>10} {:>10} {:>12}",
        format!("{label}: file"),
        "raw B",
        "gzip-9 B",
        "brotli-11 B"
    );
    for name in &files {
        let size = sizes_of(&dir.join(name))?;
        println!(
            "{:<44} {:>10} {:>10} {:>12}",
            name, size.raw, size.gzip, size.brotli
        );
    }
    Ok(())
}

fn sizes_of(path: &Path) -> Result<Sizes, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok(Sizes {
        raw: bytes.len(),
        gzip: gzip_len(&bytes),
        brotli: brotli_len(&bytes),
    })
}

fn first_load_total(dir: &Path) -> Result<Sizes, String> {
    total_of(dir, &first_load_files(dir)?)
}

/// The summed sizes of the files `names` of `dir`.
fn total_of(dir: &Path, names: &BTreeSet<String>) -> Result<Sizes, String> {
    let mut total = Sizes::default();
    for name in names {
        let size = sizes_of(&dir.join(name))?;
        total.raw += size.raw;
        total.gzip += size.gzip;
        total.brotli += size.brotli;
    }
    Ok(total)
}

/// Builds `bench/floor` (a minimal counter) with the same chain, profile
/// and wasm-opt as the app, and returns its output folder.
fn build_floor(root: &Path) -> Result<std::path::PathBuf, String> {
    build_floor_crate(root, "floor", "rollwise-floor")
}

/// Builds the floor crate `bench/<name>` (binary `bin`) with the same
/// chain, profile and wasm-opt as the app into `target/bench-<name>-dist`,
/// and returns that folder.
fn build_floor_crate(root: &Path, name: &str, bin: &str) -> Result<std::path::PathBuf, String> {
    let out = root.join(format!("target/bench-{name}-dist"));
    let floor = root.join("bench").join(name);
    println!();
    println!(
        "xtask: building the framework floor (bench/{name}) into {}",
        out.display()
    );
    crate::dist::fresh_dir(&out)?;
    let built = crate::wasm::build(
        &crate::wasm::Build {
            crate_dir: &floor,
            bin,
            target_dir: root.join(format!("target/bench-{name}")),
            split: false,
        },
        &out,
    )?;
    // Both floors use the same page.
    let index = root.join("bench/floor/index.html");
    crate::dist::write_index(&index, &out, &built, None)?;
    Ok(out)
}

/// Lighthouse's mobile preset (simulated slow 4G, 4x CPU slowdown) against
/// the release build, in Debian Chromium: three runs, and the figures of the
/// median run by performance score, as Lighthouse's own guidance on
/// variability advises.
fn lighthouse(root: &Path, url: &str) -> Result<(), String> {
    println!();
    println!("xtask: Lighthouse (mobile preset) on {url}, {LIGHTHOUSE_RUNS} runs");
    let mut reports = Vec::new();
    for run in 1..=LIGHTHOUSE_RUNS {
        let report = root.join(format!("target/lighthouse-{run}.json"));
        reports.push(lighthouse_run(root, url, &report)?);
    }
    let scores: Vec<String> = reports
        .iter()
        .map(|r| {
            r["categories"]["performance"]["score"]
                .as_f64()
                .map_or("n/a".into(), |s| format!("{s:.2}"))
        })
        .collect();
    let median = median_run(&reports);
    println!(
        "Lighthouse runs' performance scores: {} (the median run follows)",
        scores.join(", ")
    );
    for line in lighthouse_lines(median) {
        println!("{line}");
    }
    Ok(())
}

const LIGHTHOUSE_RUNS: usize = 3;

fn lighthouse_run(root: &Path, url: &str, report: &Path) -> Result<serde_json::Value, String> {
    let _ = std::fs::remove_file(report);
    let flags = "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage";
    tools::run_step(
        "lighthouse",
        Command::new(root.join("node_modules/.bin/lighthouse"))
            .arg(url)
            .args([
                "--quiet",
                "--output=json",
                "--only-categories=performance,accessibility,best-practices,seo",
            ])
            .arg(format!("--output-path={}", report.display()))
            .arg(format!("--chrome-flags={flags}"))
            .env("CHROME_PATH", tools::CHROMIUM),
    )?;
    let text = std::fs::read_to_string(report).map_err(|e| format!("no report: {e}"))?;
    serde_json::from_str(&text).map_err(|e| format!("unreadable report: {e}"))
}

/// The run in the middle when ordered by performance score, then by LCP.
pub fn median_run(reports: &[serde_json::Value]) -> &serde_json::Value {
    let key = |r: &serde_json::Value| {
        (
            r["categories"]["performance"]["score"]
                .as_f64()
                .unwrap_or(0.0),
            -r["audits"]["largest-contentful-paint"]["numericValue"]
                .as_f64()
                .unwrap_or(f64::MAX),
        )
    };
    let mut order: Vec<&serde_json::Value> = reports.iter().collect();
    order.sort_by(|a, b| {
        key(a)
            .partial_cmp(&key(b))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    order[order.len() / 2]
}

/// The figures of a Lighthouse JSON report, as printed lines.
pub fn lighthouse_lines(report: &serde_json::Value) -> Vec<String> {
    let score = |id: &str| report["categories"][id]["score"].as_f64();
    let numeric = |id: &str| report["audits"][id]["numericValue"].as_f64();
    let fmt_score = |s: Option<f64>| s.map_or("n/a".to_string(), |v| format!("{v:.2}"));
    let mut lines = vec![
        format!(
            "Lighthouse scores: performance {}, accessibility {}, best practices {}, SEO {}",
            fmt_score(score("performance")),
            fmt_score(score("accessibility")),
            fmt_score(score("best-practices")),
            fmt_score(score("seo")),
        ),
        format!(
            "Lighthouse metrics: LCP {} ms, TBT {} ms, CLS {}, FCP {} ms, Speed Index {} ms",
            numeric("largest-contentful-paint").map_or("n/a".into(), |v| format!("{v:.0}")),
            numeric("total-blocking-time").map_or("n/a".into(), |v| format!("{v:.0}")),
            numeric("cumulative-layout-shift").map_or("n/a".into(), |v| format!("{v:.3}")),
            numeric("first-contentful-paint").map_or("n/a".into(), |v| format!("{v:.0}")),
            numeric("speed-index").map_or("n/a".into(), |v| format!("{v:.0}")),
        ),
    ];
    // Every audit of the scored categories that did not pass, by id.
    let mut failed = Vec::new();
    if let Some(categories) = report["categories"].as_object() {
        for (category, body) in categories {
            for reference in body["auditRefs"].as_array().into_iter().flatten() {
                let id = reference["id"].as_str().unwrap_or("");
                let weight = reference["weight"].as_f64().unwrap_or(0.0);
                let audit_score = report["audits"][id]["score"].as_f64();
                if weight > 0.0 && audit_score.is_some_and(|s| s < 1.0) {
                    failed.push(format!(
                        "{category}/{id} ({:.2})",
                        audit_score.unwrap_or(0.0)
                    ));
                }
            }
        }
    }
    if !failed.is_empty() {
        lines.push(format!(
            "Lighthouse audits below full marks: {}",
            failed.join(", ")
        ));
    }
    // The paints as the trace saw them, before Lighthouse simulated the slow
    // network: its LCP estimate also counts every request that finished
    // before the observed paint, such as the preloaded WASM on 127.0.0.1.
    let observed = &report["audits"]["metrics"]["details"]["items"][0];
    let observed_ms = |key: &str| observed[key].as_f64().map(|v| format!("{v:.0} ms"));
    if let (Some(fcp), Some(lcp)) = (
        observed_ms("observedFirstContentfulPaint"),
        observed_ms("observedLargestContentfulPaint"),
    ) {
        lines.push(format!(
            "Lighthouse trace, unthrottled: first contentful paint {fcp}, largest contentful paint {lcp}"
        ));
    }
    lines
}

/// Five years of data and interaction timings, measured in Chromium with
/// Performance marks and Event Timing (bench/measure.mjs).
fn browser_figures(root: &Path, url: &str) -> Result<(), String> {
    let data = root.join("target/five-years.json");
    println!();
    tools::run_step(
        "cargo run --example five_years",
        Command::new("cargo")
            .args(["run", "--quiet", "--example", "five_years", "--"])
            .arg(&data)
            .current_dir(root)
            // `cargo xtask` itself holds the lock of target/ while it runs.
            .env("CARGO_TARGET_DIR", root.join("target/bench-data")),
    )?;
    println!("xtask: measuring start-up, saving and interactions in Chromium (bench/measure.mjs)");
    let json = tools::node_json(root, "bench/measure.mjs", &[url.as_ref(), data.as_os_str()])?;
    for line in browser_lines(&json) {
        println!("{line}");
    }
    Ok(())
}

/// Clicks a button that changes its own text, measured as Rollwise's
/// interactions are (bench/click_floor.mjs), on a plain HTML page
/// (bench/plain) and on the framework floor's counter (`floor_dir`): what
/// this browser on this machine adds to any click.
fn interaction_floor(root: &Path, floor_dir: &Path) -> Result<(), String> {
    let plain = serve::Server::start(&root.join("bench/plain"), "127.0.0.1", 0, "/")?;
    let counter = serve::Server::start(floor_dir, "127.0.0.1", 0, "/")?;
    println!("xtask: measuring the interaction floor in Chromium (bench/click_floor.mjs)");
    let plain_arg = format!("plain={}", plain.url());
    let counter_arg = format!("counter={}", counter.url());
    let json = tools::node_json(
        root,
        "bench/click_floor.mjs",
        &[plain_arg.as_ref(), counter_arg.as_ref()],
    )?;
    println!("{}", floor_line(&json));
    Ok(())
}

/// The interaction floor as a printed line.
pub fn floor_line(figures: &serde_json::Value) -> String {
    let page = |name: &str| {
        let page = &figures[name];
        format!(
            "{}, main thread {}",
            click_figure(
                page["median"].as_f64(),
                page["clicks"].as_u64(),
                page["reported"].as_u64()
            ),
            show_ms(page["mainThread"].as_f64())
        )
    };
    format!(
        "interaction floor, a button that changes its own text, clicked and measured as above: \
         a plain HTML page {}; the framework floor's counter {}",
        page("plain"),
        page("counter")
    )
}

/// A duration in milliseconds as printed, or "n/a" when it was not measured.
fn show_ms(v: Option<f64>) -> String {
    v.map_or("n/a".to_string(), |v| format!("{v:.1} ms"))
}

/// The browser figures as printed lines.
pub fn browser_lines(figures: &serde_json::Value) -> Vec<String> {
    let ms = |key: &str| figures[key].as_f64();
    let empty = ms("startupEmptyMs");
    let one = ms("startupOneSessionMs");
    let full = ms("startupFiveYearsMs");
    let compare = |empty: Option<f64>, full: Option<f64>| match (empty, full) {
        (Some(e), Some(f)) => format!("{:+.1} ms, ratio {:.2}", f - e, f / e.max(0.001)),
        _ => "n/a".into(),
    };
    let returning_empty = ms("startupReturningEmptyMs");
    let returning_full = ms("startupReturningFiveYearsMs");
    let returning = format!(
        "start-up of a returning visit, files from the service worker (median of 9): empty store {}, five years of data {} ({})",
        show_ms(returning_empty),
        show_ms(returning_full),
        compare(returning_empty, returning_full)
    );
    let difference = compare(empty, full);
    vec![
        format!(
            "start-up to interactive, first visit without a service worker (median of 21, the stores' runs taking turns): empty store {}, five years of data {} ({difference}); one session stored {} ({}); five years against one session stored: {}",
            show_ms(empty),
            show_ms(full),
            show_ms(one),
            compare(empty, one),
            // What the amount of data costs, apart from having any.
            compare(one, full)
        ),
        startup_parts_line(&figures["startupParts"]),
        startup_cpu_line(&figures["startupCpu"]),
        format!(
            "saving after one edit (median of 11): empty store {}, five years of data {}",
            show_ms(ms("saveMedianEmptyMs")),
            show_ms(ms("saveMedianFiveYearsMs"))
        ),
        format!(
            "stored size of five years: {} bytes",
            figures["storedBytesFiveYears"].as_u64().map_or("n/a".into(), |b| b.to_string())
        ),
        format!(
            "interaction to next paint (Event Timing; the median of every click, and each page load's in brackets): logging a reaction {}, advancing a session step {}",
            interaction(figures, "logReaction"),
            interaction(figures, "sessionStep")
        ),
        format!(
            "main thread from the click to the end of the frame that renders it (median of every click): \
             logging a reaction {}, advancing a session step {}",
            show_ms(ms("logReactionMainThreadMs")),
            show_ms(ms("sessionStepMainThreadMs"))
        ),
        returning,
    ]
}

/// Where a first visit's start-up goes, for each store: when the app mounts
/// (its files loaded and compiled), how long opening the stored data takes
/// after that (reading and decoding it), and how long the first screen
/// takes after that. Each part is the median of its own values.
fn startup_parts_line(parts: &serde_json::Value) -> String {
    let store = |label: &str, p: &serde_json::Value| {
        format!(
            "{label}: mounted at {}, data opened {} later, first screen {} after that",
            show_ms(p["mount"].as_f64()),
            show_ms(p["opening"].as_f64()),
            show_ms(p["firstScreen"].as_f64())
        )
    };
    format!(
        "start-up's parts, first visit (medians of the same runs): {}; {}; {}",
        store("empty store", &parts["empty"]),
        store("one session stored", &parts["oneSession"]),
        store("five years of data", &parts["fiveYears"])
    )
}

/// The main thread's CPU time from mount to interactive, for each store, from
/// traced first visits (`bench/measure.mjs`, `startupCpu`): the app's own
/// work without the waits for a CPU, which the machine's load moves less
/// than the times, and the part of it V8 spent compiling functions on their
/// first call.
fn startup_cpu_line(cpu: &serde_json::Value) -> String {
    let store = |label: &str, c: &serde_json::Value| {
        let compiled = c["compiled"]
            .as_f64()
            .map_or("n/a".to_string(), |n| format!("{n:.0}"));
        format!(
            "{label} {} ({compiled} functions compiled on first call, {})",
            show_ms(c["cpu"].as_f64()),
            show_ms(c["compileCpu"].as_f64())
        )
    };
    format!(
        "main thread's CPU time from mount to interactive, first visit with tracing on (median of 7): {}; {}; {}",
        store("empty store", &cpu["empty"]),
        store("one session stored", &cpu["oneSession"]),
        store("five years of data", &cpu["fiveYears"])
    )
}

/// One interaction figure: the median of the clicks Event Timing reported,
/// and how many of the clicks made it reported. It reports only events of
/// 16 ms or more, so a click it left out took less.
fn interaction(figures: &serde_json::Value, name: &str) -> String {
    let pooled = click_figure(
        figures[format!("{name}Ms")].as_f64(),
        figures[format!("{name}Clicks")].as_u64(),
        figures[format!("{name}ClicksOver16Ms")].as_u64(),
    );
    // Each page load's own median: a load can present every tap a frame
    // later than another load does, so the loads are shown apart too.
    match figures[format!("{name}LoadMs")].as_array() {
        Some(loads) if !loads.is_empty() => {
            let loads: Vec<String> = loads
                .iter()
                .map(|ms| {
                    ms.as_f64()
                        .map_or("under 16".into(), |ms| format!("{ms:.1}"))
                })
                .collect();
            format!("{pooled} [page loads: {} ms]", loads.join(", "))
        }
        _ => pooled,
    }
}

/// The median of the clicks Event Timing reported (`median`), and how many
/// of the `clicks` it reported (`over`).
fn click_figure(median: Option<f64>, clicks: Option<u64>, over: Option<u64>) -> String {
    match (median, clicks, over) {
        (Some(ms), Some(clicks), Some(over)) => {
            format!("{ms:.1} ms ({over} of {clicks} clicks took 16 ms or more)")
        }
        (Some(ms), _, _) => format!("{ms:.1} ms"),
        (None, Some(clicks), Some(0)) if clicks > 0 => {
            format!("under 16 ms (none of {clicks} clicks took 16 ms or more)")
        }
        _ => "n/a".into(),
    }
}

#[derive(Default)]
struct Sizes {
    raw: usize,
    gzip: usize,
    brotli: usize,
}

pub fn gzip_compress(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

fn gzip_len(bytes: &[u8]) -> usize {
    gzip_compress(bytes).len()
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

/// The files a page without lazily loaded modules (the floor) fetches before
/// it is interactive, read from its HTML: `index.html`, what
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
    fn requested_urls_map_to_dist_files() {
        let dir = std::env::temp_dir().join(format!("rollwise-bench-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("app-1.js"), "x").unwrap();
        std::fs::write(dir.join("index.html"), "x").unwrap();
        let base = "http://127.0.0.1:9/";
        let files = files_of_urls(
            base,
            &[
                "http://127.0.0.1:9/session",
                "http://127.0.0.1:9/app-1.js?v=1",
                "http://127.0.0.1:9/",
            ],
            &dir,
        )
        .unwrap();
        assert_eq!(
            files.into_iter().collect::<Vec<_>>(),
            ["app-1.js", "index.html"]
        );
        let err = files_of_urls(base, &["https://cdn.example/x.js"], &dir).unwrap_err();
        assert!(err.contains("left the app"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

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
    fn prints_lighthouse_and_browser_figures() {
        let report = serde_json::json!({
            "categories": {
                "performance": {"score": 0.99, "auditRefs": [{"id": "lcp", "weight": 25}]},
                "seo": {"score": 0.92, "auditRefs": [{"id": "meta", "weight": 1}, {"id": "info", "weight": 0}]}
            },
            "audits": {
                "lcp": {"score": 1.0},
                "meta": {"score": 0.0},
                "info": {"score": 0.0},
                "largest-contentful-paint": {"numericValue": 1234.4},
                "total-blocking-time": {"numericValue": 12.0},
                "cumulative-layout-shift": {"numericValue": 0.0}
            }
        });
        let lines = lighthouse_lines(&report);
        assert!(lines[0].contains("performance 0.99") && lines[0].contains("SEO 0.92"));
        assert!(
            lines[1].contains("LCP 1234 ms")
                && lines[1].contains("TBT 12 ms")
                && lines[1].contains("CLS 0.000")
        );
        assert_eq!(
            lines[2],
            "Lighthouse audits below full marks: seo/meta (0.00)"
        );

        let figures = serde_json::json!({"startupEmptyMs": 100.0, "startupFiveYearsMs": 120.0, "storedBytesFiveYears": 333867});
        let lines = browser_lines(&figures);
        assert!(
            lines[0].ends_with(
                "empty store 100.0 ms, five years of data 120.0 ms (+20.0 ms, ratio 1.20); one session stored n/a (n/a); \
                 five years against one session stored: n/a"
            ),
            "{}",
            lines[0]
        );
        let with_one = serde_json::json!({"startupEmptyMs": 100.0, "startupOneSessionMs": 110.0, "startupFiveYearsMs": 121.0});
        assert!(browser_lines(&with_one)[0].ends_with(
            "one session stored 110.0 ms (+10.0 ms, ratio 1.10); \
             five years against one session stored: +11.0 ms, ratio 1.10"
        ));
        assert!(
            lines[1].ends_with(
                "empty store: mounted at n/a, data opened n/a later, first screen n/a after that; \
                 one session stored: mounted at n/a, data opened n/a later, first screen n/a after that; \
                 five years of data: mounted at n/a, data opened n/a later, first screen n/a after that"
            ),
            "{}",
            lines[1]
        );
        assert!(lines[2].contains("n/a") && lines[3].contains("n/a"));
        assert!(lines[4].ends_with("333867 bytes"));
        assert!(lines[5].ends_with("logging a reaction n/a, advancing a session step n/a"));
        assert!(lines[6].ends_with("logging a reaction n/a, advancing a session step n/a"));

        let figures = serde_json::json!({
            "logReactionMs": 24.0, "logReactionClicks": 2, "logReactionClicksOver16Ms": 1,
            "sessionStepMs": null, "sessionStepClicks": 6, "sessionStepClicksOver16Ms": 0,
            "logReactionMainThreadMs": 9.24, "sessionStepMainThreadMs": 7.0,
        });
        let lines = browser_lines(&figures);
        assert!(
            lines[5].ends_with(
                "logging a reaction 24.0 ms (1 of 2 clicks took 16 ms or more), \
                 advancing a session step under 16 ms (none of 6 clicks took 16 ms or more)"
            ),
            "{}",
            lines[5]
        );
        // Each page load's own median follows the pooled one.
        let figures = serde_json::json!({
            "sessionStepMs": 16.0, "sessionStepClicks": 18, "sessionStepClicksOver16Ms": 18,
            "sessionStepLoadMs": [16.0, 32.0, null],
        });
        assert!(
            browser_lines(&figures)[5].ends_with(
                "advancing a session step 16.0 ms (18 of 18 clicks took 16 ms or more) \
                 [page loads: 16.0, 32.0, under 16 ms]"
            ),
            "{}",
            browser_lines(&figures)[5]
        );
        assert!(
            lines[6].ends_with("logging a reaction 9.2 ms, advancing a session step 7.0 ms"),
            "{}",
            lines[6]
        );
    }

    #[test]
    fn prints_where_start_up_goes() {
        let figures = serde_json::json!({"startupParts": {
            "empty": {"interactive": 200.0, "mount": 175.24, "opening": 0.3, "firstScreen": 24.0},
            "oneSession": {"interactive": 230.0, "mount": 181.0, "opening": 12.0, "firstScreen": 36.05},
            "fiveYears": {"interactive": 262.0, "mount": 184.0, "opening": 33.0, "firstScreen": null},
        }});
        assert_eq!(
            browser_lines(&figures)[1],
            "start-up's parts, first visit (medians of the same runs): \
             empty store: mounted at 175.2 ms, data opened 0.3 ms later, first screen 24.0 ms after that; \
             one session stored: mounted at 181.0 ms, data opened 12.0 ms later, first screen 36.0 ms after that; \
             five years of data: mounted at 184.0 ms, data opened 33.0 ms later, first screen n/a after that"
        );
    }

    #[test]
    fn prints_the_main_thread_s_cpu_time_at_start_up() {
        let figures = serde_json::json!({"startupCpu": {
            "empty": {"cpu": 19.42, "compiled": 774.0, "compileCpu": 8.8},
            "oneSession": {"cpu": 35.3, "compiled": 1835.5, "compileCpu": 20.2},
            "fiveYears": {"cpu": null, "compiled": null, "compileCpu": null},
        }});
        assert_eq!(
            browser_lines(&figures)[2],
            "main thread's CPU time from mount to interactive, first visit with tracing on (median of 7): \
             empty store 19.4 ms (774 functions compiled on first call, 8.8 ms); \
             one session stored 35.3 ms (1836 functions compiled on first call, 20.2 ms); \
             five years of data n/a (n/a functions compiled on first call, n/a)"
        );
    }

    #[test]
    fn prints_the_observed_paints_when_the_report_has_them() {
        let report = serde_json::json!({
            "audits": {"metrics": {"details": {"items": [{
                "observedFirstContentfulPaint": 108.4,
                "observedLargestContentfulPaint": 120.6
            }]}}}
        });
        assert_eq!(
            lighthouse_lines(&report).last().unwrap(),
            "Lighthouse trace, unthrottled: first contentful paint 108 ms, largest contentful paint 121 ms"
        );
        let without = serde_json::json!({"audits": {}});
        assert!(!lighthouse_lines(&without)
            .iter()
            .any(|line| line.contains("unthrottled")));
    }

    #[test]
    fn the_median_run_is_the_middle_one_by_score_then_lcp() {
        let run = |score: f64, lcp: f64| {
            serde_json::json!({
                "categories": {"performance": {"score": score}},
                "audits": {"largest-contentful-paint": {"numericValue": lcp}}
            })
        };
        let reports = [run(0.99, 1500.0), run(0.95, 2500.0), run(0.97, 2000.0)];
        assert_eq!(median_run(&reports), &reports[2]);
        // Equal scores: the slower LCP counts as the worse run.
        let reports = [run(0.98, 1000.0), run(0.98, 3000.0), run(0.98, 2000.0)];
        assert_eq!(median_run(&reports), &reports[2]);
    }

    #[test]
    fn prints_the_interaction_floor() {
        let figures = serde_json::json!({
            "plain": {"median": 16.0, "clicks": 15, "reported": 12, "mainThread": 11.96},
            "counter": {"median": null, "clicks": 15, "reported": 0, "mainThread": 7.04}
        });
        assert_eq!(
            floor_line(&figures),
            "interaction floor, a button that changes its own text, clicked and measured as above: \
             a plain HTML page 16.0 ms (12 of 15 clicks took 16 ms or more), main thread 12.0 ms; \
             the framework floor's counter under 16 ms (none of 15 clicks took 16 ms or more), main thread 7.0 ms"
        );
        assert!(floor_line(&serde_json::json!({}))
            .ends_with("a plain HTML page n/a, main thread n/a; the framework floor's counter n/a, main thread n/a"));
    }

    #[test]
    fn prints_the_returning_visit_last() {
        let figures = serde_json::json!({
            "startupReturningEmptyMs": 80.0, "startupReturningFiveYearsMs": 100.0
        });
        assert_eq!(
            browser_lines(&figures).last().unwrap(),
            "start-up of a returning visit, files from the service worker (median of 9): \
             empty store 80.0 ms, five years of data 100.0 ms (+20.0 ms, ratio 1.25)"
        );
        let none = browser_lines(&serde_json::json!({}));
        assert!(none
            .last()
            .unwrap()
            .ends_with("empty store n/a, five years of data n/a (n/a)"));
    }

    #[test]
    fn compression_shrinks_repetitive_text() {
        let text = "rollwise ".repeat(1000);
        assert!(brotli_len(text.as_bytes()) < text.len() / 10);
        assert!(gzip_len(text.as_bytes()) < text.len() / 10);
    }
}
