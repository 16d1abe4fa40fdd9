//! `cargo xtask rules`: where each safety rule id is encoded and tested.
//!
//! Reads the ids from the table rows of `docs/safety-rules.md` (lines that
//! start with `| DEV-1 |` and the like), then finds every occurrence of each
//! id in the project's sources and prints one line per id:
//! `ID  code: file:line, ...  tests: file:line, ...`.
//!
//! Invariants:
//! - Test code is: files under a `tests` or `e2e` directory, files whose
//!   first attribute is `#![cfg(test)]`, and the lines after a
//!   `#[cfg(test)]` that opens an inline item (a `#[cfg(test)]` followed by
//!   `mod name;` only marks that declaration). Everything else under `src/`
//!   is code. This is a line heuristic, not a parser.
//! - An id matches only as a whole token: `AFT-1` does not match `AFT-10`.
//! - When `../shared/safety-rules.md` exists next to the project, its ids
//!   must equal the docs' ids; when it does not exist the check is skipped.
//! - Only std is used.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// How many locations to print per kind before summarising the rest.
const SHOWN: usize = 6;

/// Prints where each rule id occurs; fails when one is missing from code or
/// from tests, or when the docs and the shared reference disagree.
pub fn run(root: &Path) -> Result<(), String> {
    let docs = root.join("docs/safety-rules.md");
    println!("rules: reading ids from {}", docs.display());
    let ids = ids_in(&read(&docs)?);
    if ids.is_empty() {
        return Err(format!("no rule ids found in {}", docs.display()));
    }
    check_shared(root, &ids)?;
    let files = source_files(root);
    println!(
        "rules: scanning {} source files under src/, tests/ and e2e/",
        files.len()
    );
    let scanned: Vec<ScannedFile> = files.iter().filter_map(|f| scan(root, f)).collect();
    let mut missing_code = Vec::new();
    let mut missing_tests = Vec::new();
    for id in &ids {
        let (code, tests) = locate(id, &scanned);
        println!("{id:<8}  code: {}  tests: {}", list(&code), list(&tests));
        if code.is_empty() {
            missing_code.push(id.as_str());
        }
        if tests.is_empty() {
            missing_tests.push(id.as_str());
        }
    }
    if missing_code.is_empty() && missing_tests.is_empty() {
        println!("rules: all {} ids are encoded and tested", ids.len());
        return Ok(());
    }
    Err(format!(
        "ids missing from code: [{}]; ids missing from tests: [{}]",
        missing_code.join(", "),
        missing_tests.join(", ")
    ))
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// The ids of the table rows of a rules document, in order, without repeats.
pub fn ids_in(text: &str) -> Vec<String> {
    let mut seen = BTreeSet::new();
    let mut ids = Vec::new();
    for line in text.lines() {
        let Some(rest) = line.strip_prefix("| ") else {
            continue;
        };
        let Some((cell, _)) = rest.split_once(" |") else {
            continue;
        };
        if is_id(cell) && seen.insert(cell.to_string()) {
            ids.push(cell.to_string());
        }
    }
    ids
}

/// `UPPER-digits`, e.g. `SKIN-10`.
fn is_id(s: &str) -> bool {
    let Some((prefix, number)) = s.split_once('-') else {
        return false;
    };
    !prefix.is_empty()
        && prefix.chars().all(|c| c.is_ascii_uppercase())
        && !number.is_empty()
        && number.chars().all(|c| c.is_ascii_digit())
}

/// Compares with `../shared/safety-rules.md` when it exists.
fn check_shared(root: &Path, ids: &[String]) -> Result<(), String> {
    let shared = root.join("../shared/safety-rules.md");
    if !shared.is_file() {
        return Ok(());
    }
    println!("rules: comparing with {}", shared.display());
    let theirs: BTreeSet<String> = ids_in(&read(&shared)?).into_iter().collect();
    let ours: BTreeSet<String> = ids.iter().cloned().collect();
    if theirs == ours {
        return Ok(());
    }
    let only_docs: Vec<&String> = ours.difference(&theirs).collect();
    let only_shared: Vec<&String> = theirs.difference(&ours).collect();
    Err(format!(
        "docs/safety-rules.md and the shared reference differ: only in docs {only_docs:?}, only in shared {only_shared:?}"
    ))
}

/// Every source file under `src/`, `tests/` and `e2e/`.
fn source_files(root: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in ["src", "tests", "e2e"] {
        walk(&root.join(dir), &mut files);
    }
    files.sort();
    files
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if path.is_dir() {
            if !name.starts_with('.') && name != "node_modules" && name != "target" {
                walk(&path, out);
            }
        } else if [".rs", ".js", ".mjs", ".ts"]
            .iter()
            .any(|ext| name.ends_with(ext))
        {
            out.push(path);
        }
    }
}

/// One file, with each line marked as test code or not.
struct ScannedFile {
    display: String,
    lines: Vec<(String, bool)>,
}

fn scan(root: &Path, path: &Path) -> Option<ScannedFile> {
    let text = fs::read_to_string(path).ok()?;
    let relative = path.strip_prefix(root).unwrap_or(path);
    let in_test_dir = relative
        .components()
        .any(|c| matches!(c.as_os_str().to_str(), Some("tests" | "e2e")));
    Some(ScannedFile {
        display: relative.display().to_string(),
        lines: mark_test_lines(&text, in_test_dir),
    })
}

/// Marks each line as test code following the heuristic of the module docs.
fn mark_test_lines(text: &str, all_test: bool) -> Vec<(String, bool)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut test = all_test
        || lines
            .iter()
            .map(|l| l.trim())
            .find(|l| l.starts_with("#!["))
            .is_some_and(|l| l.starts_with("#![cfg(test)]"));
    let mut out = Vec::with_capacity(lines.len());
    for (i, line) in lines.iter().enumerate() {
        if !test && line.contains("#[cfg(test)]") && !declares_module(lines.get(i + 1)) {
            test = true;
        }
        out.push((line.to_string(), test));
    }
    out
}

/// Returns true for a `mod name;` declaration (its body is another file).
fn declares_module(line: Option<&&str>) -> bool {
    line.map(|l| l.trim())
        .is_some_and(|l| (l.starts_with("mod ") || l.starts_with("pub mod ")) && l.ends_with(';'))
}

/// The code and test locations of `id`.
fn locate(id: &str, files: &[ScannedFile]) -> (Vec<String>, Vec<String>) {
    let mut code = Vec::new();
    let mut tests = Vec::new();
    for file in files {
        for (n, (line, is_test)) in file.lines.iter().enumerate() {
            if contains_id(line, id) {
                let at = format!("{}:{}", file.display, n + 1);
                if *is_test {
                    tests.push(at);
                } else {
                    code.push(at);
                }
            }
        }
    }
    (code, tests)
}

/// Returns true when `line` holds `id` as a whole token.
pub fn contains_id(line: &str, id: &str) -> bool {
    let bytes = line.as_bytes();
    line.match_indices(id).any(|(start, _)| {
        let end = start + id.len();
        let before_ok =
            start == 0 || !(bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'-');
        let after_ok = end == bytes.len() || !bytes[end].is_ascii_digit();
        before_ok && after_ok
    })
}

fn list(locations: &[String]) -> String {
    if locations.is_empty() {
        return "-".to_string();
    }
    let shown: Vec<&str> = locations.iter().take(SHOWN).map(String::as_str).collect();
    let rest = locations.len().saturating_sub(SHOWN);
    if rest == 0 {
        shown.join(", ")
    } else {
        format!("{} (+{rest} more)", shown.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_come_from_table_rows_only() {
        let text = "| id | rule |\n|---|---|\n| DEV-1 | x |\n| SKIN-10 | y |\n- DEV-2 in prose\n| DEV-1 | again |";
        assert_eq!(ids_in(text), vec!["DEV-1", "SKIN-10"]);
    }

    #[test]
    fn ids_match_whole_tokens() {
        assert!(contains_id("/// AFT-1: bland only", "AFT-1"));
        assert!(!contains_id("/// AFT-10: water", "AFT-1"));
        assert!(!contains_id("XAFT-1", "AFT-1"));
        assert!(contains_id("\"AFT-1\"", "AFT-1"));
    }

    #[test]
    fn test_lines_follow_cfg_test() {
        let text = "fn a() {} // DEV-1\n#[cfg(test)]\nmod laws;\nfn b() {}\n#[cfg(test)]\nmod tests {\n// DEV-1\n}";
        let marks: Vec<bool> = mark_test_lines(text, false)
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        assert_eq!(
            marks,
            vec![false, false, false, false, true, true, true, true]
        );
        let inner = "#![cfg(test)]\n//! docs\nfn x() {}";
        assert!(mark_test_lines(inner, false).iter().all(|(_, t)| *t));
    }
}
