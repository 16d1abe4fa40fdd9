//! `cargo xtask coverage`: line coverage of `src/domain` with cargo-llvm-cov.
//!
//! Installs what is missing first and says so: `cargo-llvm-cov` from
//! crates.io (`cargo install cargo-llvm-cov --locked`) and the rustup
//! component `llvm-tools-preview`. Then runs the domain's native tests (the
//! library's tests filtered by `domain::`) under instrumentation and prints
//! the line coverage of the domain files.
//!
//! Invariants:
//! - Only files under `src/domain/` count: everything else is passed to
//!   `--ignore-filename-regex`, and the summary rows are filtered again.
//! - The figure printed is covered lines / lines over the domain rows of
//!   llvm-cov's summary table (columns: regions, missed, cover, functions,
//!   missed, executed, lines, missed lines, ...).
//! - Errors are one line; only std is used.

use std::path::Path;
use std::process::Command;

/// Files that are not part of the domain, for llvm-cov to ignore.
const IGNORE: &str =
    r"(/\.cargo/|/rustc/|/xtask/|/tests/|src/ui/|src/storage/|src/main\.rs|src/lib\.rs)";

/// The coverage this project aims for.
const TARGET_PERCENT: f64 = 95.0;

/// Prints the line coverage of `src/domain`.
pub fn run(root: &Path) -> Result<(), String> {
    ensure_llvm_cov()?;
    println!(
        "coverage: running `cargo llvm-cov --lib --summary-only -- domain::` (the domain's tests)"
    );
    let output = Command::new("cargo")
        .current_dir(root)
        .args([
            "llvm-cov",
            "--lib",
            "--summary-only",
            "--ignore-filename-regex",
            IGNORE,
            "--",
            "domain::",
        ])
        .output()
        .map_err(|e| format!("cannot run cargo llvm-cov: {e}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let last = stderr
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        return Err(format!("cargo llvm-cov failed: {last}"));
    }
    let (lines, missed, files) = domain_lines(&stdout).unwrap_or_else(|| total_line(&stdout));
    if lines == 0 {
        return Err("no src/domain rows in the llvm-cov summary".to_string());
    }
    let percent = 100.0 * (lines - missed) as f64 / lines as f64;
    println!(
        "coverage: src/domain line coverage {percent:.2} % ({} of {lines} lines, {files} files; target {TARGET_PERCENT} %)",
        lines - missed
    );
    Ok(())
}

/// Installs cargo-llvm-cov and llvm-tools when missing.
fn ensure_llvm_cov() -> Result<(), String> {
    if !succeeds("cargo", &["llvm-cov", "--version"]) {
        println!("coverage: installing cargo-llvm-cov from crates.io (cargo install cargo-llvm-cov --locked)");
        if !succeeds("cargo", &["install", "cargo-llvm-cov", "--locked"]) {
            return Err("cargo install cargo-llvm-cov --locked failed".to_string());
        }
    }
    let installed = Command::new("rustup")
        .args(["component", "list", "--installed"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains("llvm-tools"))
        .unwrap_or(false);
    if !installed {
        println!("coverage: installing the rustup component llvm-tools-preview");
        if !succeeds("rustup", &["component", "add", "llvm-tools-preview"]) {
            return Err("rustup component add llvm-tools-preview failed".to_string());
        }
    }
    Ok(())
}

fn succeeds(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .status()
        .map(|s| s.success())
        .unwrap_or(false)
}

/// Sums (lines, missed lines, rows) over the summary rows of domain files;
/// `None` when no row names `domain/` (llvm-cov strips the common directory,
/// so when only domain files remain their rows have bare names).
fn domain_lines(summary: &str) -> Option<(u64, u64, usize)> {
    let rows: Vec<(u64, u64)> = summary
        .lines()
        .filter(|row| {
            row.split_whitespace()
                .next()
                .is_some_and(|name| name.contains("domain/"))
        })
        .filter_map(line_counts)
        .collect();
    if rows.is_empty() {
        return None;
    }
    Some((
        rows.iter().map(|r| r.0).sum(),
        rows.iter().map(|r| r.1).sum(),
        rows.len(),
    ))
}

/// The TOTAL row, counting the file rows (every file left is a domain file).
fn total_line(summary: &str) -> (u64, u64, usize) {
    let files = summary
        .lines()
        .filter(|r| {
            r.split_whitespace()
                .next()
                .is_some_and(|n| n.ends_with(".rs"))
        })
        .count();
    summary
        .lines()
        .find(|row| row.starts_with("TOTAL"))
        .and_then(line_counts)
        .map_or((0, 0, 0), |(lines, missed)| (lines, missed, files))
}

/// (lines, missed lines) of one summary row.
fn line_counts(row: &str) -> Option<(u64, u64)> {
    let cells: Vec<&str> = row.split_whitespace().collect();
    let lines = cells.get(7)?.parse().ok()?;
    let missed = cells.get(8)?.parse().ok()?;
    Some((lines, missed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_domain_rows() {
        let summary = "\
Filename                      Regions    Missed Regions     Cover   Functions  Missed Functions  Executed       Lines      Missed Lines     Cover    Branches   Missed Branches     Cover
-----
domain/aftercare.rs               120                 2    98.33%          20                 0   100.00%         200                 4    98.00%           0                 0         -
domain/time.rs                     50                 0   100.00%          10                 0   100.00%         100                 0   100.00%           0                 0         -
ui/app.rs                          50                50     0.00%          10                10     0.00%         100               100     0.00%           0                 0         -
TOTAL                             220                52    76.36%          40                10    75.00%         400               104    74.00%           0                 0         -";
        assert_eq!(domain_lines(summary), Some((300, 4, 2)));
        let bare = summary.replace("domain/", "").replace("ui/app.rs", "x.txt");
        assert_eq!(domain_lines(&bare), None);
        assert_eq!(total_line(&bare), (400, 104, 2));
    }
}
