//! `cargo xtask test`: every test layer, then one summary line per layer and
//! the plain total `N passed, N failed`.
//!
//! Layers, in order: checks (format, lints, the safety-rule index), native
//! `cargo test`, `wasm-bindgen-test` in headless Chromium, and Playwright
//! end-to-end journeys against the release build served on 127.0.0.1. A
//! layer that fails does not stop the next one; any failure makes the exit
//! status non-zero. A layer whose command fails without reporting a failed
//! test (a build error, say) counts as one failure, never as a pass.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use crate::{dist, rules, serve, tools};

/// The outcome of one layer.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub passed: u64,
    pub failed: u64,
}

struct Layer {
    name: &'static str,
    tally: Tally,
    note: Option<String>,
}

pub fn run(root: &Path) -> Result<(), String> {
    tools::ensure_test_tools(root)?;
    let layers = vec![checks(root), native(root), browser(root), end_to_end(root)];
    println!();
    println!("Summary:");
    let mut total = Tally::default();
    for layer in &layers {
        let note = layer
            .note
            .as_deref()
            .map(|n| format!(" ({n})"))
            .unwrap_or_default();
        println!(
            "{}: {} passed, {} failed{note}",
            layer.name, layer.tally.passed, layer.tally.failed
        );
        total.passed += layer.tally.passed;
        total.failed += layer.tally.failed;
    }
    println!("{} passed, {} failed", total.passed, total.failed);
    if total.failed == 0 {
        Ok(())
    } else {
        Err(format!("{} failed", total.failed))
    }
}

/// A named check of the `checks` layer.
type Check<'a> = (&'static str, Box<dyn Fn() -> Result<(), String> + 'a>);

/// Format, lints and the rule index: each check counts as one test.
fn checks(root: &Path) -> Layer {
    section("checks: cargo fmt --check, cargo clippy -D warnings, cargo xtask rules");
    let mut tally = Tally::default();
    let mut failed_names = Vec::new();
    let steps: [Check; 3] = [
        (
            "fmt",
            Box::new(|| {
                tools::run_step(
                    "cargo fmt --check",
                    Command::new("cargo")
                        .args(["fmt", "--all", "--check"])
                        .current_dir(root),
                )
            }),
        ),
        (
            "clippy",
            Box::new(|| {
                tools::run_step(
                    "cargo clippy",
                    Command::new("cargo")
                        .args([
                            "clippy",
                            "--workspace",
                            "--all-targets",
                            "--quiet",
                            "--",
                            "-D",
                            "warnings",
                        ])
                        .current_dir(root),
                )
            }),
        ),
        ("rules", Box::new(|| rules::run(root))),
    ];
    for (name, step) in steps {
        match step() {
            Ok(()) => tally.passed += 1,
            Err(message) => {
                eprintln!("xtask: {message}");
                tally.failed += 1;
                failed_names.push(name);
            }
        }
    }
    let note = (!failed_names.is_empty()).then(|| format!("failed: {}", failed_names.join(", ")));
    Layer {
        name: "checks (fmt, clippy, rules)",
        tally,
        note,
    }
}

fn native(root: &Path) -> Layer {
    section("native: cargo test --workspace");
    let mut command = Command::new("cargo");
    command.args(["test", "--workspace"]).current_dir(root);
    let (tally, note) = cargo_test_tally(&mut command);
    Layer {
        name: "native (cargo test)",
        tally,
        note,
    }
}

fn browser(root: &Path) -> Layer {
    section("browser: wasm-bindgen-test in headless Chromium");
    let mut command = Command::new("cargo");
    command
        .args(["test", "--target", "wasm32-unknown-unknown", "--test", "*"])
        .current_dir(root)
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            "wasm-bindgen-test-runner",
        )
        .env("CHROMEDRIVER", tools::CHROMEDRIVER)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "180")
        .env_remove("GECKODRIVER")
        .env_remove("SAFARIDRIVER");
    let (tally, note) = cargo_test_tally(&mut command);
    Layer {
        name: "browser (wasm-bindgen-test, headless Chromium)",
        tally,
        note,
    }
}

fn end_to_end(root: &Path) -> Layer {
    section("end-to-end: Playwright against the release build on 127.0.0.1");
    let name = "end-to-end (Playwright, 390x844)";
    if let Err(message) = dist::build(root) {
        return failed_layer(name, &format!("the release build failed: {message}"));
    }
    let dist_dir = root.join("dist");
    // A copy the update journey may change, to play a newer build.
    let update_dir = root.join("target/e2e-update-dist");
    if let Err(message) = copy_dir(&dist_dir, &update_dir) {
        return failed_layer(name, &message);
    }
    let servers = (|| {
        Ok::<_, String>((
            serve::Server::start(&dist_dir, "127.0.0.1", 0, "/")?,
            serve::Server::start(&dist_dir, "127.0.0.1", 0, "/sub/path/")?,
            serve::Server::start(&update_dir, "127.0.0.1", 0, "/")?,
        ))
    })();
    let (at_root, under_sub_path, for_update) = match servers {
        Ok(servers) => servers,
        Err(message) => return failed_layer(name, &message),
    };
    let results = root.join("target/e2e-results.json");
    let _ = std::fs::remove_file(&results);
    let status = Command::new(root.join("node_modules/.bin/playwright"))
        .args(["test", "--reporter=list,json"])
        .current_dir(root)
        .env("ROLLWISE_BASE_URL", at_root.url())
        .env("ROLLWISE_SUBPATH_URL", under_sub_path.url())
        .env("ROLLWISE_UPDATE_URL", for_update.url())
        .env("ROLLWISE_UPDATE_DIR", &update_dir)
        .env("PLAYWRIGHT_JSON_OUTPUT_NAME", &results)
        .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        .status();
    let json = std::fs::read_to_string(&results).unwrap_or_default();
    let mut tally = playwright_tally(&json).unwrap_or_default();
    let ok = matches!(status, Ok(s) if s.success());
    let mut note = None;
    if !ok && tally.failed == 0 {
        tally.failed = 1;
        note = Some("Playwright exited with an error before reporting a failed test".into());
    }
    Layer { name, tally, note }
}

/// Replaces `to` with a copy of the files of `from`.
fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    dist::fresh_dir(to)?;
    dist::copy_files(from, to)
}

fn failed_layer(name: &'static str, why: &str) -> Layer {
    eprintln!("xtask: {why}");
    Layer {
        name,
        tally: Tally {
            passed: 0,
            failed: 1,
        },
        note: Some(why.lines().next().unwrap_or("").to_string()),
    }
}

fn section(title: &str) {
    println!();
    println!("==> {title}");
}

/// Runs a `cargo test` command, echoing its output while it adds up the
/// `test result:` lines.
fn cargo_test_tally(command: &mut Command) -> (Tally, Option<String>) {
    let child = command.stdout(Stdio::piped()).spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(e) => {
            return (
                Tally {
                    passed: 0,
                    failed: 1,
                },
                Some(format!("could not start cargo: {e}")),
            )
        }
    };
    let mut tally = Tally::default();
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            println!("{line}");
            if let Some(result) = parse_test_result(&line) {
                tally.passed += result.passed;
                tally.failed += result.failed;
            }
        }
    }
    let ok = child.wait().map(|s| s.success()).unwrap_or(false);
    if !ok && tally.failed == 0 {
        tally.failed = 1;
        return (
            tally,
            Some("the test command failed before reporting a failed test (a build error?)".into()),
        );
    }
    (tally, None)
}

/// Reads `test result: ok. 12 passed; 0 failed; ...` (libtest and
/// wasm-bindgen-test-runner print the same shape).
pub fn parse_test_result(line: &str) -> Option<Tally> {
    let rest = line.trim().strip_prefix("test result: ")?;
    let mut tally = Tally::default();
    for part in rest.split(['.', ';']) {
        let mut words = part.split_whitespace();
        let (Some(count), Some(label)) = (words.next(), words.next()) else {
            continue;
        };
        let Ok(count) = count.parse::<u64>() else {
            continue;
        };
        match label {
            "passed" => tally.passed = count,
            "failed" => tally.failed = count,
            _ => {}
        }
    }
    Some(tally)
}

/// Reads the counts of Playwright's JSON reporter: `expected` tests passed,
/// `unexpected` failed, `flaky` passed on retry and count as failed here,
/// because a flaky journey is a bug.
pub fn playwright_tally(json: &str) -> Option<Tally> {
    let value: serde_json::Value = serde_json::from_str(json).ok()?;
    let stats = value.get("stats")?;
    let count = |key: &str| {
        stats
            .get(key)
            .and_then(serde_json::Value::as_u64)
            .unwrap_or(0)
    };
    Some(Tally {
        passed: count("expected"),
        failed: count("unexpected") + count("flaky"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_test_result_lines() {
        let cases = [
            ("test result: ok. 12 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s", Some((12, 0))),
            ("test result: FAILED. 3 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out", Some((3, 2))),
            ("running 4 tests", None),
            ("test foo ... ok", None),
        ];
        for (line, want) in cases {
            let got = parse_test_result(line).map(|t| (t.passed, t.failed));
            assert_eq!(got, want, "{line}");
        }
    }

    #[test]
    fn reads_playwright_stats() {
        let json = r#"{"config":{},"stats":{"expected":7,"unexpected":1,"flaky":1,"skipped":0}}"#;
        assert_eq!(
            playwright_tally(json),
            Some(Tally {
                passed: 7,
                failed: 2
            })
        );
        assert_eq!(playwright_tally("not json"), None);
    }
}
