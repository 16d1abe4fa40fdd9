//! The WASM half of the release build, for the app and for the framework
//! floor alike: `cargo build` for `wasm32-unknown-unknown`, an optional split
//! into lazily loaded modules whose shared chunks are then merged into a
//! few groups (`merge.rs`), `wasm-bindgen --target web`, then `wasm-opt -Oz`
//! on every module and esbuild's minifier on the JS modules.
//!
//! Invariants:
//! - every file this writes is named by a hash of the compiled WASM (chunks
//!   by a hash of their own bytes), so a host may cache them for ever;
//! - a split build's chunks are only loaded through the generated link
//!   module, which fetches them relative to its own URL: the bundle works
//!   at the root of a host or under any sub-path.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::dist::content_hash;
use crate::tools::run_step;

/// The WASM features the build uses, for binaryen's tools (`wasm-opt` here,
/// `wasm-merge` in `merge.rs`).
pub const FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// What to build and how.
pub struct Build<'a> {
    /// The crate's directory (its `Cargo.toml`).
    pub crate_dir: &'a Path,
    /// The binary target to build.
    pub bin: &'a str,
    /// A target directory of its own, so this build neither waits on nor
    /// invalidates the test builds.
    pub target_dir: PathBuf,
    /// Split at the crate's `#[lazy]` points.
    pub split: bool,
}

/// The files a build wrote into the output folder.
pub struct Output {
    /// The wasm-bindgen JS module (`<bin>-<hash>.js`).
    pub js: String,
    /// Its WASM (`<bin>-<hash>_bg.wasm`). The JS module imports the link
    /// module of a split build, which fetches the chunks on demand.
    pub wasm: String,
    /// The lazily loaded modules each screen needs, by the path below the
    /// base that opens it (`""`: Home with data stored); empty without the
    /// split. The bootstrap module starts compiling them with the main one.
    pub openings: Vec<(String, Vec<String>)>,
    /// The lazily loaded modules that read stored data, which every screen
    /// needs when data is stored; empty without the split.
    pub reading: Vec<String>,
    /// The app's own modules (everything but the welcome's first stage),
    /// which every start but a first visit of the start page needs at
    /// once; empty without the split.
    pub app: Vec<String>,
}

/// Builds into `out` and returns what it wrote.
pub fn build(spec: &Build, out: &Path) -> Result<Output, String> {
    let raw = cargo_build(spec)?;
    let bytes = std::fs::read(&raw).map_err(|e| format!("cannot read {}: {e}", raw.display()))?;
    let hash = content_hash(&bytes);
    let name = format!("{}-{hash}", spec.bin);
    let stage = spec.target_dir.join("wasm-stage");
    let _ = std::fs::remove_dir_all(&stage);
    std::fs::create_dir_all(&stage)
        .map_err(|e| format!("cannot create {}: {e}", stage.display()))?;

    let (bindgen_input, lazy, openings, reading, app) = if spec.split {
        let split = split(&bytes, &name, &hash, &stage, out)?;
        (
            split.main,
            split.files,
            split.openings,
            split.reading,
            split.app,
        )
    } else {
        (raw.clone(), Vec::new(), Vec::new(), Vec::new(), Vec::new())
    };
    bindgen(&bindgen_input, &name, out, spec.split)?;
    let wasm = format!("{name}_bg.wasm");
    optimise(&out.join(&wasm))?;
    for chunk in lazy.iter().filter(|file| file.ends_with(".wasm")) {
        optimise(&out.join(chunk))?;
    }
    let js = out.join(format!("{name}.js"));
    minify(&js, &js)?;
    for link in lazy.iter().filter(|file| file.ends_with(".js")) {
        minify(&out.join(link), &out.join(link))?;
    }
    Ok(Output {
        js: format!("{name}.js"),
        wasm,
        openings,
        reading,
        app,
    })
}

/// `--remap-path-prefix` flags (TOML strings) that shorten each registry
/// source folder to `crates` and the crate's own folder to `rollwise`.
fn path_remaps(crate_dir: &Path) -> Vec<String> {
    let mut prefixes = Vec::new();
    if let Ok(entries) = std::fs::read_dir(crate::tools::cargo_home().join("registry/src")) {
        for entry in entries.flatten() {
            prefixes.push((entry.path(), "crates"));
        }
    }
    if let Ok(dir) = crate_dir.canonicalize() {
        prefixes.push((dir, "rollwise"));
    }
    prefixes
        .into_iter()
        .filter_map(|(from, to)| {
            let from = from.to_str()?;
            // A folder whose name needs TOML escaping is left as it is.
            (!from.contains(['"', '\\', '=']))
                .then(|| format!("\"--remap-path-prefix={from}={to}\""))
        })
        .collect()
}

fn cargo_build(spec: &Build) -> Result<PathBuf, String> {
    let mut command = Command::new("cargo");
    command
        .args([
            "build",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "--bin",
        ])
        .arg(spec.bin)
        .current_dir(spec.crate_dir)
        .env("CARGO_TARGET_DIR", &spec.target_dir);
    // Leptos's `erase_components` turns each component's view type into an
    // erased one, so far fewer generic copies of the renderer are compiled.
    let mut flags: Vec<&str> = vec!["\"--cfg\"", "\"erase_components\""];
    if spec.split {
        // The crate's split points exist only under this cfg, and the
        // splitter needs the linker's relocations to move functions.
        flags.extend([
            "\"--cfg\"",
            "\"rollwise_split\"",
            "\"-Clink-args=--emit-relocs\"",
        ]);
    }
    // Panic locations name source files: shorten the paths of the registry's
    // crates and of this project, so the WASM carries no long (or personal)
    // directory names.
    let remaps = path_remaps(spec.crate_dir);
    flags.extend(remaps.iter().map(String::as_str));
    command.args([
        "--config".to_string(),
        format!(
            "target.wasm32-unknown-unknown.rustflags=[{}]",
            flags.join(", ")
        ),
    ]);
    println!(
        "xtask: cargo build --release --target wasm32-unknown-unknown --bin {}{} (target dir {})",
        spec.bin,
        if spec.split {
            " (with relocations, to split)"
        } else {
            ""
        },
        spec.target_dir.display()
    );
    run_step("cargo build (wasm32)", &mut command)?;
    let release = spec.target_dir.join("wasm32-unknown-unknown/release");
    // Cargo names a binary's WASM after the binary as written; older cargo
    // versions wrote underscores for hyphens. Take the one just built.
    let candidates = [
        release.join(format!("{}.wasm", spec.bin)),
        release.join(format!("{}.wasm", spec.bin.replace('-', "_"))),
    ];
    candidates
        .iter()
        .filter_map(|path| Some((std::fs::metadata(path).ok()?.modified().ok()?, path)))
        .max_by_key(|(modified, _)| *modified)
        .map(|(_, path)| path.clone())
        .ok_or_else(|| {
            format!(
                "cargo built no {} in {}",
                candidates[0].display(),
                release.display()
            )
        })
}

/// What [`split`] wrote.
struct Split {
    /// The main module, in the stage folder.
    main: PathBuf,
    /// The files written to the output folder.
    files: Vec<String>,
    /// The modules each screen opened at a path needs (see
    /// [`crate::merge::Merged::openings`]), by their final names.
    openings: Vec<(String, Vec<String>)>,
    /// The reader's modules ([`crate::merge::Merged::reading`]).
    reading: Vec<String>,
    /// The app's modules ([`crate::merge::Merged::app`]).
    app: Vec<String>,
}

/// Splits the module at its split points and merges the shared chunks
/// (`merge.rs`): writes the modules and the link module into `out` (modules
/// renamed by their hash) and the main module into `stage`.
fn split(bytes: &[u8], name: &str, hash: &str, stage: &Path, out: &Path) -> Result<Split, String> {
    let main_out = stage.join("main.wasm");
    let link_file = format!("lazy-{hash}.js");
    let link_name = format!("./{link_file}");
    let main_module = format!("./{name}.js");
    println!("xtask: splitting the WASM at its lazy routes (wasm_split_cli_support)");
    let result = wasm_split_cli_support::transform({
        let mut options = wasm_split_cli_support::Options::new(bytes);
        options.output_dir = out;
        options.main_out_path = &main_out;
        options.link_name = &link_name;
        options.main_module = &main_module;
        options
    })
    .map_err(|e| format!("splitting the WASM failed: {e:#}"))?;

    let link_path = out.join(&link_file);
    let merged = crate::merge::merge_chunks(&link_path, out, &stage.join("merge"))?;
    let modules = merged.files;
    let left: Vec<&PathBuf> = result
        .split_modules
        .iter()
        .filter(|module| module.exists())
        .collect();
    if left.iter().any(|module| !modules.contains(module)) {
        return Err("a chunk was neither merged nor named by the link module".into());
    }
    let mut link = std::fs::read_to_string(&link_path)
        .map_err(|e| format!("cannot read {}: {e}", link_path.display()))?;
    let mut files = Vec::new();
    let mut hashed_names = std::collections::BTreeMap::new();
    for chunk in &modules {
        let file = chunk
            .file_name()
            .and_then(|f| f.to_str())
            .ok_or("a chunk without a file name")?
            .to_string();
        let stem = file.trim_end_matches(".wasm");
        let chunk_bytes =
            std::fs::read(chunk).map_err(|e| format!("cannot read {}: {e}", chunk.display()))?;
        let hashed = format!("{stem}-{}.wasm", content_hash(&chunk_bytes));
        let quoted = format!("\"./{file}\"");
        if !link.contains(&quoted) {
            return Err(format!("the link module does not name {file}"));
        }
        link = link.replace(&quoted, &format!("\"./{hashed}\""));
        std::fs::rename(chunk, out.join(&hashed))
            .map_err(|e| format!("cannot rename {file}: {e}"))?;
        hashed_names.insert(file, hashed.clone());
        files.push(hashed);
    }
    std::fs::write(&link_path, link).map_err(|e| format!("cannot write {link_file}: {e}"))?;
    files.push(link_file);
    files.sort();
    let hashed = |needs: &[String]| {
        needs
            .iter()
            .map(|file| {
                hashed_names
                    .get(file)
                    .cloned()
                    .ok_or(format!("{file} was not written"))
            })
            .collect::<Result<Vec<_>, _>>()
    };
    let openings = merged
        .openings
        .iter()
        .map(|(path, needs)| Ok((path.clone(), hashed(needs)?)))
        .collect::<Result<Vec<_>, String>>()?;
    let reading = hashed(&merged.reading)?;
    let app = hashed(&merged.app)?;
    Ok(Split {
        main: main_out,
        files,
        openings,
        reading,
        app,
    })
}

fn bindgen(input: &Path, name: &str, out: &Path, split: bool) -> Result<(), String> {
    let mut command = Command::new("wasm-bindgen");
    command
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--out-name",
            name,
            "--out-dir",
        ])
        .arg(out);
    if split {
        // The chunks import the main module's functions by their linker names.
        command.args(["--keep-lld-exports", "--no-demangle"]);
    }
    command.arg(input);
    run_step("wasm-bindgen", &mut command)
}

/// Minifies an ES module or a stylesheet (by its extension) with esbuild
/// (npm `esbuild`) into `output`, which may be `input`: whitespace,
/// comments, syntax and local names. Exported names, imported names and
/// property names stay as they are, so the modules still link to each other
/// and to the WASM. wasm-bindgen's glue shrinks by about a fifth, brotli'd.
pub fn minify(input: &Path, output: &Path) -> Result<(), String> {
    let mut command = Command::new("esbuild");
    command.arg(input).args([
        "--minify",
        "--legal-comments=none",
        "--log-level=warning",
        "--allow-overwrite",
    ]);
    if input.extension().is_some_and(|ext| ext == "js") {
        command.arg("--format=esm");
    }
    command.arg(format!("--outfile={}", output.display()));
    crate::tools::run_quiet(
        &format!("esbuild --minify {}", input.display()),
        &mut command,
    )
}

/// `wasm-opt -Oz` in place.
fn optimise(path: &Path) -> Result<(), String> {
    crate::tools::run_quiet(
        &format!("wasm-opt -Oz {}", path.display()),
        Command::new("wasm-opt")
            .arg("-Oz")
            .args(FEATURES)
            .arg("-o")
            .arg(path)
            .arg(path),
    )
}
