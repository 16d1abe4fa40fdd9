//! Rollwise's task runner, run as `cargo xtask <command>` (an alias in
//! `.cargo/config.toml`). Every command installs what it needs first, from
//! crates.io, npm and Debian only, and says what it installs and where.

mod bench;
mod coverage;
mod dist;
mod merge;
mod rules;
mod serve;
mod shell;
mod test;
mod tools;
mod wasm;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command> [options]

commands:
  run [--host H] [--port P]   install what is missing, build the release bundle and serve it
                              (default http://127.0.0.1:8080)
  test                        install what is missing and run every test layer
  dist [--out DIR]            release build into dist/ or DIR (works at the root or under a sub-path)
  bench                       print the size of every file of dist/ and the first-load total
  rules                       print where each safety rule id is encoded and tested
  coverage                    line coverage of src/domain
  serve [--host H] [--port P] [--base /sub/path/] [--dir DIR]   serve an existing dist/ (or DIR)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = project_root();
    let result = match args.first().map(String::as_str) {
        Some("run") => run(&root, &args[1..]),
        Some("test") => test::run(&root),
        Some("dist") => dist_command(&root, &args[1..]),
        Some("bench") => bench::run(&root),
        Some("rules") => rules::run(&root),
        Some("coverage") => coverage::run(&root),
        Some("serve") => serve_only(&root, &args[1..]),
        Some("help" | "--help" | "-h") | None => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command `{other}`\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root: the parent of this crate's manifest directory.
fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}

/// Options shared by `run` and `serve`.
struct ServeOptions {
    host: String,
    port: u16,
    base: String,
    dir: Option<PathBuf>,
}

fn parse_serve_options(args: &[String]) -> Result<ServeOptions, String> {
    let mut options = ServeOptions {
        host: "127.0.0.1".into(),
        port: 8080,
        base: "/".into(),
        dir: None,
    };
    let mut iter = args.iter();
    while let Some(flag) = iter.next() {
        let mut value = || {
            iter.next()
                .cloned()
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match flag.as_str() {
            "--host" => options.host = value()?,
            "--port" => {
                let raw = value()?;
                options.port = raw
                    .parse()
                    .map_err(|_| format!("--port takes a number from 0 to 65535, not `{raw}`"))?;
            }
            "--base" => options.base = serve::normalise_base(&value()?),
            "--dir" => options.dir = Some(PathBuf::from(value()?)),
            other => return Err(format!("unknown option `{other}`\n{USAGE}")),
        }
    }
    Ok(options)
}

fn dist_command(root: &Path, args: &[String]) -> Result<(), String> {
    let out = match args {
        [] => root.join("dist"),
        [flag, dir] if flag == "--out" => PathBuf::from(dir),
        _ => return Err(format!("dist takes only --out DIR\n{USAGE}")),
    };
    tools::ensure_build_tools(root)?;
    dist::build_into(root, &out)
}

fn run(root: &Path, args: &[String]) -> Result<(), String> {
    let options = parse_serve_options(args)?;
    tools::ensure_build_tools(root)?;
    dist::build(root)?;
    serve_forever(root, &options)
}

fn serve_only(root: &Path, args: &[String]) -> Result<(), String> {
    let options = parse_serve_options(args)?;
    let dir = served_dir(root, &options);
    if !dir.join("index.html").is_file() {
        return Err(format!(
            "{} has no index.html: run `cargo xtask dist` first",
            dir.display()
        ));
    }
    serve_forever(root, &options)
}

fn served_dir(root: &Path, options: &ServeOptions) -> PathBuf {
    options.dir.clone().unwrap_or_else(|| root.join("dist"))
}

fn serve_forever(root: &Path, options: &ServeOptions) -> Result<(), String> {
    let server = serve::Server::start(
        &served_dir(root, options),
        &options.host,
        options.port,
        &options.base,
    )?;
    println!("Rollwise is being served at {}", server.url());
    println!("Press Ctrl+C to stop.");
    server.join();
    Ok(())
}
