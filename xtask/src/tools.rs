//! Installs the tools the build and the tests need, each only when it is
//! missing or at the wrong version, and only from crates.io, npm or Debian.
//!
//! Invariant: every install says what it installs and where, and a failure
//! ends with one line that names the cause.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Everything `dist` and `run` need: the wasm target, wasm-bindgen,
/// wasm-opt (from npm `binaryen`), and Chromium with Playwright, which
/// pre-render the first screen (`shell.rs`). The splitter is a library of
/// xtask itself.
pub fn ensure_build_tools(root: &Path) -> Result<(), String> {
    ensure_path(root);
    ensure_wasm_target()?;
    ensure_wasm_bindgen(root)?;
    ensure_npm_packages(root)?;
    ensure_chromium()
}

/// Everything `test` needs: the build tools (Chromium and ChromeDriver
/// among them).
pub fn ensure_test_tools(root: &Path) -> Result<(), String> {
    ensure_build_tools(root)
}

/// Puts cargo's bin directory and the project's `node_modules/.bin` on PATH
/// for every child process, so freshly installed tools are found.
pub fn ensure_path(root: &Path) {
    let mut dirs = vec![root.join("node_modules/.bin"), cargo_bin_dir()];
    if let Some(existing) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&existing));
    }
    if let Ok(joined) = std::env::join_paths(dirs) {
        // xtask sets PATH once, before it starts any thread or child process.
        std::env::set_var("PATH", joined);
    }
}

fn cargo_bin_dir() -> PathBuf {
    cargo_home().join("bin")
}

/// Cargo's home: `CARGO_HOME`, else `~/.cargo`.
pub fn cargo_home() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
}

/// The first line a command prints for `args`, or `None` when it is not there.
pub fn version_of(program: &str, args: &[&str]) -> Option<String> {
    let output = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&output.stdout);
    text.lines().next().map(|line| line.trim().to_string())
}

/// Runs a command with inherited output; `Err` names what failed and why.
pub fn run_step(what: &str, command: &mut Command) -> Result<(), String> {
    let status = command
        .status()
        .map_err(|e| format!("{what}: could not start {:?}: {e}", command.get_program()))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what} failed ({status})"))
    }
}

/// Runs a step whose output only matters when it fails (binaryen's tools
/// warn about every name subsection they do not know, which is harmless):
/// its output is shown then, in the error.
pub fn run_quiet(what: &str, command: &mut Command) -> Result<(), String> {
    let output = command
        .output()
        .map_err(|e| format!("{what}: could not start {:?}: {e}", command.get_program()))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{what} failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ))
    }
}

fn ensure_wasm_target() -> Result<(), String> {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map_err(|e| format!("rustup is needed to add the wasm32 target: {e}"))?;
    if String::from_utf8_lossy(&installed.stdout)
        .lines()
        .any(|line| line.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    println!("xtask: installing the Rust target wasm32-unknown-unknown (rustup, into the active toolchain)");
    run_step(
        "rustup target add wasm32-unknown-unknown (is the Rust distribution server reachable?)",
        Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]),
    )
}

/// The `wasm-bindgen` version recorded in Cargo.lock; the CLI must equal it.
pub fn locked_wasm_bindgen_version(root: &Path) -> Result<String, String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = "))
            {
                return Ok(version.trim_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock names no wasm-bindgen package".into())
}

fn ensure_wasm_bindgen(root: &Path) -> Result<(), String> {
    let version = locked_wasm_bindgen_version(root)?;
    let want = format!("wasm-bindgen {version}");
    let cli_ok = version_of("wasm-bindgen", &["--version"]).as_deref() == Some(want.as_str());
    let runner_ok = version_of("wasm-bindgen-test-runner", &["--version"]).is_some();
    if cli_ok && runner_ok {
        return Ok(());
    }
    println!(
        "xtask: installing wasm-bindgen-cli {version} (wasm-bindgen, wasm-bindgen-test-runner) into {} (cargo install from crates.io)",
        cargo_bin_dir().display()
    );
    // Without --locked: the CLI's own lock file names a crate version the
    // registry does not serve.
    run_step(
        "cargo install wasm-bindgen-cli (is crates.io reachable?)",
        Command::new("cargo").args([
            "install",
            "wasm-bindgen-cli",
            "--version",
            &version,
            "--force",
        ]),
    )
}

/// `npm ci` when `node_modules` is missing or older than the lock file.
fn ensure_npm_packages(root: &Path) -> Result<(), String> {
    let lock = root.join("package-lock.json");
    let installed = root.join("node_modules/.package-lock.json");
    let fresh = match (modified(&lock), modified(&installed)) {
        (Some(lock_time), Some(installed_time)) => installed_time >= lock_time,
        _ => false,
    };
    let complete = ["wasm-opt", "playwright", "esbuild"]
        .iter()
        .all(|bin| root.join("node_modules/.bin").join(bin).exists());
    if fresh && complete {
        return Ok(());
    }
    refuse_linked_node_modules(&root.join("node_modules"))?;
    if version_of("npm", &["--version"]).is_none() {
        return Err(
            "npm is needed for wasm-opt (binaryen), esbuild and Playwright, and it is not on PATH"
                .into(),
        );
    }
    println!(
        "xtask: installing the npm packages of package-lock.json (binaryen's wasm-opt, esbuild, Playwright, axe-core) into {} (npm ci)",
        root.join("node_modules").display()
    );
    run_step(
        "npm ci (is the npm registry reachable?)",
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(root)
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
    )
}

/// `npm ci` first empties `node_modules`; when that is a symbolic link (a
/// second work tree sharing the first one's packages), it would empty the
/// folder the link points to, under the other tree's feet.
fn refuse_linked_node_modules(dir: &Path) -> Result<(), String> {
    match std::fs::symlink_metadata(dir) {
        Ok(meta) if meta.file_type().is_symlink() => Err(format!(
            "{} is a symbolic link and its packages are missing or older than package-lock.json; \
             `npm ci` would empty the folder it points to: remove the link and run `npm ci` here",
            dir.display()
        )),
        _ => Ok(()),
    }
}

/// Runs the Node.js script `script` (a path below `root`) with `args` in
/// `root` and returns the JSON value its last line of output holds: the
/// scripts in `bench/` and `xtask/scripts/` print their result that way.
pub fn node_json(root: &Path, script: &str, args: &[&OsStr]) -> Result<serde_json::Value, String> {
    let output = Command::new("node")
        .arg(root.join(script))
        .args(args)
        .current_dir(root)
        .env("CHROME_PATH", CHROMIUM)
        .output()
        .map_err(|e| format!("cannot run node: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "{script} failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout.lines().last().unwrap_or("");
    serde_json::from_str(line).map_err(|e| format!("{script} printed no JSON ({e}): {line}"))
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

fn ensure_chromium() -> Result<(), String> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    let uid = version_of("id", &["-u"]).unwrap_or_default();
    if uid != "0" {
        return Err(format!(
            "Chromium and ChromeDriver are missing and installing them needs root: run `sudo apt-get install chromium chromium-driver` (want {CHROMIUM} and {CHROMEDRIVER})"
        ));
    }
    println!(
        "xtask: installing Debian packages chromium and chromium-driver into /usr/bin (apt-get)"
    );
    run_step(
        "apt-get update (are Debian's package servers reachable?)",
        Command::new("apt-get").args(["update", "-q"]),
    )?;
    run_step(
        "apt-get install chromium chromium-driver",
        Command::new("apt-get")
            .args(["install", "-y", "-q", "chromium", "chromium-driver"])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

#[cfg(test)]
mod tests {
    use super::refuse_linked_node_modules;

    #[test]
    fn npm_ci_never_runs_through_a_linked_node_modules() {
        let base = std::env::temp_dir().join(format!("xtask-npm-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&base);
        let real = base.join("real");
        std::fs::create_dir_all(real.join("node_modules")).unwrap();
        std::fs::write(real.join("node_modules/kept"), "x").unwrap();
        assert!(refuse_linked_node_modules(&real.join("node_modules")).is_ok());
        assert!(refuse_linked_node_modules(&base.join("absent")).is_ok());
        #[cfg(unix)]
        {
            let linked = base.join("linked");
            std::fs::create_dir_all(&linked).unwrap();
            std::os::unix::fs::symlink(real.join("node_modules"), linked.join("node_modules"))
                .unwrap();
            let why = refuse_linked_node_modules(&linked.join("node_modules")).unwrap_err();
            assert!(why.contains("symbolic link"), "{why}");
            assert!(real.join("node_modules/kept").exists());
        }
        std::fs::remove_dir_all(&base).unwrap();
    }
}
