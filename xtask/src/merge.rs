//! Fewer, larger chunks for the split build.
//!
//! `wasm_split_cli_support` puts the code that several lazily loaded modules
//! share into one chunk per set of users: about 85 chunks for Rollwise, of
//! which a screen needs 30 to 50. Each chunk is a request and a
//! `WebAssembly.instantiateStreaming` call, and the link module issues them
//! all in the task that asks for the screen: opening Home with data stored
//! spent about 90 ms of main thread on the dashboard's 41 chunks before any
//! of them was compiled. This pass merges the chunks into one group per
//! module, in [`PRIORITY`] order: a chunk joins the group of the first
//! module (in that order) that uses it. The dashboard then needs one chunk
//! file, a screen after it at most a few.
//!
//! The rewritten link module also compiles each module as soon as it is
//! asked for ([`COMPILE_NOW`]), and [`Merged::openings`] tells the
//! bootstrap module (`dist::boot_module`) which files the screen a page
//! opens at needs, so that it can start compiling them with the main module.
//!
//! Invariants:
//! - every chunk is in exactly one group, so each is still instantiated
//!   once (its data and table segments are written once, as before);
//! - the chunks only import the main module's memory, table and stack
//!   pointer (`__wasm_split`); a merged group imports the same, once;
//! - a link module of a shape this pass does not know fails the build,
//!   rather than producing a bundle that loads the wrong code.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::tools::run_quiet;

/// The modules whose chunks are grouped first, by the short name of their
/// split point: the reader of stored data and the dashboard (both needed by
/// anyone with data stored at Home), then the screens by how often they are
/// opened. Modules not listed come after, in
/// the link module's order. Every name here must exist in the build.
pub const PRIORITY: &[&str] = &[
    APP_MODULE,
    READER_MODULE,
    "dashboard",
    "session",
    "log",
    "aftercare",
    "history",
    "settings",
    "setup",
];

/// The import module of the main module's memory, table and globals.
const SPLIT_MODULE: &str = "__wasm_split";
/// What the chunks' imports are renamed to while merging, so that they bind
/// to the exports of one small module that imports the real ones.
const BASE_MODULE: &str = "rollwise_base";

/// A loader of the link module: a chunk (`const __chunk_N = makeLoad(...)`)
/// or an exported split point (`export const __wasm_split_load_X = ...`).
#[derive(Debug, Clone, PartialEq)]
struct Loader {
    /// `__chunk_15`, `__wasm_split_load_dashboard_1087...`.
    ident: String,
    /// The WASM file it fetches, relative to the link module.
    file: String,
    /// The loaders it waits for.
    deps: Vec<String>,
    exported: bool,
    /// Its text, from its first line (a comment, for chunks) to the line
    /// that lists its dependencies.
    lines: std::ops::Range<usize>,
}

/// The link module, read.
#[derive(Debug)]
struct Link<'a> {
    lines: Vec<&'a str>,
    loaders: Vec<Loader>,
}

fn parse(text: &str) -> Result<Link<'_>, String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut loaders = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let (ident, exported) = if let Some(rest) = line.strip_prefix("const __chunk_") {
            (format!("__chunk_{}", ident_prefix(rest)), false)
        } else if let Some(rest) = line.strip_prefix("export const __wasm_split_load_") {
            (format!("__wasm_split_load_{}", ident_prefix(rest)), true)
        } else {
            i += 1;
            continue;
        };
        let start = if !exported && i > 0 && lines[i - 1].starts_with("/*") {
            i - 1
        } else {
            i
        };
        let mut file = None;
        let mut end = None;
        for (j, body) in lines.iter().enumerate().skip(i + 1) {
            if let Some(at) = body.find("new URL(\"./") {
                let rest = &body[at + "new URL(\"./".len()..];
                file = rest.split('"').next().map(str::to_string);
            }
            if body.starts_with(", [") {
                end = Some(j);
                break;
            }
            if body.starts_with("const ") || body.starts_with("export ") {
                break;
            }
        }
        let (Some(file), Some(end)) = (file, end) else {
            return Err(format!(
                "the link module's loader {ident} is not in the expected form"
            ));
        };
        let list = lines[end]
            .strip_prefix(", [")
            .and_then(|rest| rest.split(']').next())
            .ok_or_else(|| format!("{ident}: no dependency list"))?;
        let deps = list
            .split(',')
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(str::to_string)
            .collect();
        loaders.push(Loader {
            ident,
            file,
            deps,
            exported,
            lines: start..end + 1,
        });
        i = end + 1;
    }
    Ok(Link { lines, loaders })
}

fn ident_prefix(rest: &str) -> &str {
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    &rest[..end]
}

/// `__wasm_split_load___session_route_view_3203…` → `session`,
/// `__wasm_split_load_dashboard_1087…` → `dashboard`.
fn short_name(ident: &str) -> String {
    let name = ident
        .trim_start_matches("__wasm_split_load_")
        .trim_start_matches('_');
    let name = name.trim_end_matches(|c: char| c.is_ascii_digit());
    let name = name.trim_end_matches('_');
    name.strip_suffix("_route_view").unwrap_or(name).to_string()
}

/// The groups: for each module in priority order, the chunks it is the
/// first to use. Modules with no chunk of their own get no group.
fn groups(link: &Link) -> Result<Vec<(String, Vec<String>)>, String> {
    let modules: Vec<&Loader> = link.loaders.iter().filter(|l| l.exported).collect();
    let chunks: BTreeSet<&str> = link
        .loaders
        .iter()
        .filter(|l| !l.exported)
        .map(|l| l.ident.as_str())
        .collect();
    for loader in &link.loaders {
        if !loader.exported && !loader.deps.is_empty() {
            return Err(format!(
                "chunk {} waits for other chunks; merging assumes chunks never do",
                loader.ident
            ));
        }
        for dep in &loader.deps {
            if !chunks.contains(dep.as_str()) {
                return Err(format!(
                    "{} waits for {dep}, which is no chunk",
                    loader.ident
                ));
            }
        }
    }
    let mut ordered: Vec<&Loader> = Vec::new();
    for wanted in PRIORITY {
        let found = modules
            .iter()
            .find(|m| short_name(&m.ident) == *wanted)
            .ok_or_else(|| {
                format!(
                    "xtask/src/merge.rs names the split point {wanted:?}, which the build lacks"
                )
            })?;
        ordered.push(found);
    }
    for module in &modules {
        if !ordered.iter().any(|m| m.ident == module.ident) {
            ordered.push(module);
        }
    }
    let mut taken = BTreeSet::new();
    let mut groups = Vec::new();
    for module in ordered {
        let mine: Vec<String> = module
            .deps
            .iter()
            .filter(|d| taken.insert(d.as_str()))
            .cloned()
            .collect();
        if !mine.is_empty() {
            groups.push((short_name(&module.ident), mine));
        }
    }
    if let Some(unused) = chunks.iter().find(|c| !taken.contains(*c)) {
        return Err(format!("chunk {unused} is used by no split point"));
    }
    Ok(groups)
}

/// Merges the chunks of the link module at `link_path` (in `out`) into
/// groups, rewrites the link module to load the groups, and deletes the
/// merged chunk files. Returns the WASM files the link module now names.
/// What [`merge_chunks`] left in the output folder.
pub struct Merged {
    /// Every WASM file the link module now names.
    pub files: Vec<PathBuf>,
    /// For each screen whose code is a module of its own, the path below
    /// the app's base that opens it (`""` for Home's dashboard, shown when
    /// data is stored) and the files it needs: its chunk groups, then the
    /// module itself.
    pub openings: Vec<(String, Vec<String>)>,
    /// The files of the reader of stored data (`ui::data::reader`), which
    /// every screen needs when data is stored: its chunk groups, then the
    /// module itself.
    pub reading: Vec<String>,
    /// The files of the app's own module (`ui::app`), which every start
    /// but a first visit of the start page needs at once: its chunk
    /// groups, then the module itself.
    pub app: Vec<String>,
}

/// The split point of Home's dashboard, which opens at the base path.
const HOME_MODULE: &str = "dashboard";
/// The split point of the reader of stored data.
const READER_MODULE: &str = "reader";
/// The split point of the app itself (`ui::app`): everything but the
/// welcome's first stage.
const APP_MODULE: &str = "app";

/// The path below the base that opens the split point `ident`, if it is a
/// screen: the screens' lazy views are named `<path>_route_view` (`ui::lazy_page!`),
/// so their split points end in `_route_view_<n>`.
fn opening_path(ident: &str) -> Option<String> {
    let name = short_name(ident);
    if name == HOME_MODULE {
        Some(String::new())
    } else if ident.contains("_route_view_") {
        Some(name)
    } else {
        None
    }
}

pub fn merge_chunks(link_path: &Path, out: &Path, work: &Path) -> Result<Merged, String> {
    let text = std::fs::read_to_string(link_path)
        .map_err(|e| format!("cannot read {}: {e}", link_path.display()))?;
    let link = parse(&text)?;
    let groups = groups(&link)?;
    let by_ident: BTreeMap<&str, &Loader> =
        link.loaders.iter().map(|l| (l.ident.as_str(), l)).collect();
    std::fs::create_dir_all(work).map_err(|e| format!("cannot create {}: {e}", work.display()))?;

    let mut files = Vec::new();
    for (name, members) in &groups {
        let file = group_file(name);
        let inputs: Vec<PathBuf> = members
            .iter()
            .map(|m| out.join(&by_ident[m.as_str()].file))
            .collect();
        merge_files(&inputs, &out.join(&file), &work.join(name))?;
        for input in &inputs {
            std::fs::remove_file(input)
                .map_err(|e| format!("cannot remove {}: {e}", input.display()))?;
        }
        files.push(out.join(&file));
    }
    let mut openings = Vec::new();
    let mut reading = Vec::new();
    let mut app = Vec::new();
    for loader in link.loaders.iter().filter(|l| l.exported) {
        files.push(out.join(&loader.file));
        let mut needs: Vec<String> = Vec::new();
        for (name, members) in &groups {
            if members.iter().any(|m| loader.deps.contains(m)) {
                needs.push(group_file(name));
            }
        }
        needs.push(loader.file.clone());
        if let Some(path) = opening_path(&loader.ident) {
            openings.push((path, needs));
        } else if short_name(&loader.ident) == READER_MODULE {
            reading = needs;
        } else if short_name(&loader.ident) == APP_MODULE {
            app = needs;
        }
    }
    let rewritten = rewrite(&link, &groups);
    std::fs::write(link_path, rewritten)
        .map_err(|e| format!("cannot write {}: {e}", link_path.display()))?;
    Ok(Merged {
        files,
        openings,
        reading,
        app,
    })
}

fn group_file(name: &str) -> String {
    format!("chunks_{name}.wasm")
}

/// What every loader of the rewritten link module calls: it fetches and
/// compiles its module as soon as the loader is first asked for it (or
/// takes the compilation `dist::boot_module` started at the opening
/// screen, once; a failed one is not reused, as a retry asks again). The
/// generated loaders only started compiling once their dependencies'
/// promises had been awaited, that is after the whole task that asked for
/// the module (at start-up, the app's first render) had ended.
const COMPILE_NOW: &str = "/* Fetches and compiles a module at once, or takes the compilation the bootstrap module started for the opening screen; the loader instantiates it once its chunks are in (xtask/src/merge.rs). */
function compileNow(file) {
    const url = new URL(file, import.meta.url).href;
    const early = globalThis.__rollwiseEarly;
    let compiled = early && early.get(url);
    if (compiled) {
        early.delete(url);
    } else {
        compiled = WebAssembly.compileStreaming(fetch(url));
    }
    compiled.catch(() => {});
    return async (imports) => (WebAssembly.instantiate(await compiled, imports));
}
";
/// The link module's text with the chunks' loaders replaced by one loader
/// per group, each split point waiting for its chunks' groups, and every
/// loader compiling at once ([`COMPILE_NOW`]).
fn rewrite(link: &Link, groups: &[(String, Vec<String>)]) -> String {
    let mut group_of: BTreeMap<&str, String> = BTreeMap::new();
    let mut definitions = COMPILE_NOW.to_string();
    for (name, members) in groups {
        let ident = format!("__chunks_{name}");
        for member in members {
            group_of.insert(member.as_str(), ident.clone());
        }
        definitions.push_str(&format!(
            "/* the chunks {} merged, first used by {name} */\nconst {ident} = makeLoad(() => compileNow(\"./{}\"), []);\n",
            members.join(", "),
            group_file(name),
        ));
    }
    let mut rewritten = String::new();
    let mut defined = false;
    let mut line = 0;
    let copy = |out: &mut String, lines: &[&str]| {
        for text in lines {
            out.push_str(text);
            out.push('\n');
        }
    };
    for loader in &link.loaders {
        copy(&mut rewritten, &link.lines[line..loader.lines.start]);
        line = loader.lines.end;
        if !loader.exported {
            continue;
        }
        if !defined {
            rewritten.push_str(&definitions);
            defined = true;
        }
        let mut deps: Vec<&str> = Vec::new();
        for dep in &loader.deps {
            let group = group_of[dep.as_str()].as_str();
            if !deps.contains(&group) {
                deps.push(group);
            }
        }
        rewritten.push_str(&format!(
            "export const {} = wrapAsyncCb(makeLoad(() => compileNow(\"./{}\"), [{}]));\n",
            loader.ident,
            loader.file,
            deps.join(", ")
        ));
    }
    copy(&mut rewritten, &link.lines[line..]);
    rewritten
}

/// Merges chunk files into `output` with binaryen's `wasm-merge`: each
/// chunk's imports from `__wasm_split` are renamed to a base module that
/// imports them once and exports them, and `wasm-merge` binds the chunks'
/// imports to those exports.
fn merge_files(inputs: &[PathBuf], output: &Path, work: &Path) -> Result<(), String> {
    std::fs::create_dir_all(work).map_err(|e| format!("cannot create {}: {e}", work.display()))?;
    let mut imports: Vec<Import> = Vec::new();
    let mut renamed = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        let bytes =
            std::fs::read(input).map_err(|e| format!("cannot read {}: {e}", input.display()))?;
        let (module, found) = rename_imports(&bytes, SPLIT_MODULE, BASE_MODULE)
            .map_err(|e| format!("{}: {e}", input.display()))?;
        for import in found {
            match imports.iter().find(|known| known.field == import.field) {
                Some(known) if known.kind != import.kind => {
                    return Err(format!(
                        "{}: {} is imported as two kinds of thing",
                        input.display(),
                        import.field
                    ))
                }
                Some(_) => {}
                None => imports.push(import),
            }
        }
        let path = work.join(format!("{i}.wasm"));
        std::fs::write(&path, module)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        renamed.push(path);
    }
    let base = work.join("base.wasm");
    std::fs::write(&base, base_module(&imports))
        .map_err(|e| format!("cannot write {}: {e}", base.display()))?;
    let mut command = Command::new("wasm-merge");
    command.arg(&base).arg(BASE_MODULE);
    for (i, path) in renamed.iter().enumerate() {
        command.arg(path).arg(format!("chunk{i}"));
    }
    command.args(crate::wasm::FEATURES).arg("-o").arg(output);
    run_quiet("wasm-merge", &mut command)
}

/// One import of `__wasm_split`: its field name, kind byte and description
/// bytes, as in the binary.
#[derive(Debug, Clone, PartialEq)]
struct Import {
    field: String,
    kind: u8,
    desc: Vec<u8>,
}

/// A module that imports `imports` from `__wasm_split` and exports each
/// under its own name.
fn base_module(imports: &[Import]) -> Vec<u8> {
    let mut import_section = Vec::new();
    leb(&mut import_section, imports.len() as u64);
    let mut export_section = Vec::new();
    leb(&mut export_section, imports.len() as u64);
    let mut counts = [0u64; 5];
    for import in imports {
        name(&mut import_section, SPLIT_MODULE);
        name(&mut import_section, &import.field);
        import_section.push(import.kind);
        import_section.extend(&import.desc);
        name(&mut export_section, &import.field);
        export_section.push(import.kind);
        let index = &mut counts[usize::from(import.kind)];
        leb(&mut export_section, *index);
        *index += 1;
    }
    let mut module = b"\0asm\x01\0\0\0".to_vec();
    for (id, section) in [(2u8, import_section), (7u8, export_section)] {
        module.push(id);
        leb(&mut module, section.len() as u64);
        module.extend(section);
    }
    module
}

fn leb(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn name(out: &mut Vec<u8>, text: &str) {
    leb(out, text.len() as u64);
    out.extend(text.as_bytes());
}

/// A reader of a WASM binary.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, String> {
        let byte = *self
            .bytes
            .get(self.at)
            .ok_or("the module ends in the middle of an item")?;
        self.at += 1;
        Ok(byte)
    }

    fn leb(&mut self) -> Result<u64, String> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err("a number longer than 64 bits".into())
    }

    fn name(&mut self) -> Result<String, String> {
        let len = self.leb()? as usize;
        let end = self.at.checked_add(len).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or("a name runs past the end of the module")?;
        let text = std::str::from_utf8(&self.bytes[self.at..end])
            .map_err(|_| "a name that is not UTF-8")?
            .to_string();
        self.at = end;
        Ok(text)
    }

    fn limits(&mut self) -> Result<(), String> {
        let flags = self.byte()?;
        if flags > 0x07 {
            return Err(format!("limits with flags {flags:#x}"));
        }
        self.leb()?;
        if flags & 1 == 1 {
            self.leb()?;
        }
        Ok(())
    }
}

/// The module with every import from `from` renamed to `to`, and those
/// imports.
fn rename_imports(bytes: &[u8], from: &str, to: &str) -> Result<(Vec<u8>, Vec<Import>), String> {
    if bytes.len() < 8 || &bytes[..4] != b"\0asm" {
        return Err("not a WASM module".into());
    }
    let mut out = bytes[..8].to_vec();
    let mut found = Vec::new();
    let mut reader = Reader { bytes, at: 8 };
    while reader.at < bytes.len() {
        let id = reader.byte()?;
        let size = reader.leb()? as usize;
        let start = reader.at;
        let end = start
            .checked_add(size)
            .filter(|&e| e <= bytes.len())
            .ok_or("a section runs past the end of the module")?;
        let mut section = bytes[start..end].to_vec();
        if id == 2 {
            let mut entries = Reader {
                bytes: &bytes[..end],
                at: start,
            };
            let count = entries.leb()?;
            let mut rewritten = Vec::new();
            leb(&mut rewritten, count);
            for _ in 0..count {
                let module = entries.name()?;
                let field = entries.name()?;
                let kind = entries.byte()?;
                let desc_start = entries.at;
                match kind {
                    0 => {
                        entries.leb()?;
                    }
                    1 => {
                        entries.byte()?;
                        entries.limits()?;
                    }
                    2 => entries.limits()?,
                    3 => {
                        entries.byte()?;
                        entries.byte()?;
                    }
                    other => return Err(format!("an import of kind {other}")),
                }
                let desc = bytes[desc_start..entries.at].to_vec();
                let module = if module == from {
                    found.push(Import {
                        field: field.clone(),
                        kind,
                        desc: desc.clone(),
                    });
                    to.to_string()
                } else {
                    return Err(format!("an import from {module:?}, not {from:?}"));
                };
                name(&mut rewritten, &module);
                name(&mut rewritten, &field);
                rewritten.push(kind);
                rewritten.extend(desc);
            }
            if entries.at != end {
                return Err("the import section has bytes after its entries".into());
            }
            section = rewritten;
        }
        out.push(id);
        leb(&mut out, section.len() as u64);
        out.extend(section);
        reader.at = end;
    }
    Ok((out, found))
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINK: &str = r#"import { initSync } from "./rollwise-1.js";

function makeLoad(fetcher, deps) {}
/* a, b */
const __chunk_1 = makeLoad(() => {
    const src = fetch(new URL("./chunk_1.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
/* b */
const __chunk_2 = makeLoad(() => {
    const src = fetch(new URL("./chunk_2.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
export const __wasm_split_load___session_route_view_3203 = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split___session_route_view_3203.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_1, __chunk_2]));
export const __wasm_split_load_dashboard_1087 = wrapAsyncCb(makeLoad(() => {
    const src = fetch(new URL("./split_dashboard_1087.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [__chunk_1]));
"#;

    #[test]
    fn the_link_module_is_read_loader_by_loader() {
        let link = parse(LINK).unwrap();
        let idents: Vec<&str> = link.loaders.iter().map(|l| l.ident.as_str()).collect();
        assert_eq!(
            idents,
            [
                "__chunk_1",
                "__chunk_2",
                "__wasm_split_load___session_route_view_3203",
                "__wasm_split_load_dashboard_1087"
            ]
        );
        assert_eq!(link.loaders[0].file, "chunk_1.wasm");
        // A chunk's text starts at its comment.
        assert_eq!(link.loaders[0].lines, 3..10);
        assert_eq!(link.loaders[2].deps, ["__chunk_1", "__chunk_2"]);
        assert!(link.loaders[3].exported);
    }

    #[test]
    fn screens_open_at_their_paths_and_the_dashboard_at_home() {
        for (ident, want) in [
            (
                "__wasm_split_load___session_route_view_3203952483473057023",
                Some("session"),
            ),
            ("__wasm_split_load_dashboard_10876530343000562144", Some("")),
            ("__wasm_split_load_check_backup_2615570305513631931", None),
        ] {
            assert_eq!(opening_path(ident).as_deref(), want, "{ident}");
        }
    }

    #[test]
    fn split_points_have_short_names() {
        for (ident, want) in [
            (
                "__wasm_split_load___session_route_view_3203952483473057023",
                "session",
            ),
            (
                "__wasm_split_load_dashboard_10876530343000562144",
                "dashboard",
            ),
            (
                "__wasm_split_load_check_backup_2615570305513631931",
                "check_backup",
            ),
        ] {
            assert_eq!(short_name(ident), want);
        }
    }

    #[test]
    fn a_chunk_joins_the_group_of_the_first_module_in_priority_order_that_uses_it() {
        // The dashboard comes before the session in PRIORITY, though the
        // link module lists it after.
        let link = parse(LINK).unwrap();
        let mut with_all = LINK.to_string();
        for name in PRIORITY
            .iter()
            .filter(|n| !["session", "dashboard"].contains(n))
        {
            with_all.push_str(&format!(
                "export const __wasm_split_load_{name}_1 = wrapAsyncCb(makeLoad(() => {{\n    const src = fetch(new URL(\"./split_{name}_1.wasm\", import.meta.url));\n}}\n, []));\n"
            ));
        }
        // The first name of PRIORITY that the build lacks is named.
        assert!(groups(&link).unwrap_err().contains("\"app\""));
        let link = parse(&with_all).unwrap();
        assert_eq!(
            groups(&link).unwrap(),
            [
                ("dashboard".to_string(), vec!["__chunk_1".to_string()]),
                ("session".to_string(), vec!["__chunk_2".to_string()]),
            ]
        );
    }

    #[test]
    fn the_link_module_loads_groups_instead_of_chunks() {
        let link = parse(LINK).unwrap();
        let groups = vec![
            ("dashboard".to_string(), vec!["__chunk_1".to_string()]),
            ("session".to_string(), vec!["__chunk_2".to_string()]),
        ];
        let text = rewrite(&link, &groups);
        assert!(!text.contains("chunk_1.wasm") && !text.contains("const __chunk_"));
        assert!(text.contains("function compileNow(file) {"));
        assert!(text.contains(
            "const __chunks_dashboard = makeLoad(() => compileNow(\"./chunks_dashboard.wasm\"), []);"
        ));
        assert!(text.contains("export const __wasm_split_load___session_route_view_3203 = wrapAsyncCb(makeLoad(() => compileNow(\"./split___session_route_view_3203.wasm\"), [__chunks_dashboard, __chunks_session]));"));
        assert!(text.contains(
            "export const __wasm_split_load_dashboard_1087 = wrapAsyncCb(makeLoad(() => compileNow(\"./split_dashboard_1087.wasm\"), [__chunks_dashboard]));"
        ));
        assert!(text.starts_with("import { initSync }"));
        // No loader of the generator's own form is left.
        assert!(!text.contains("instantiateStreaming"));
    }

    fn chunk(fields: &[(&str, u8, &[u8])]) -> Vec<u8> {
        let mut section = Vec::new();
        leb(&mut section, fields.len() as u64);
        for (field, kind, desc) in fields {
            name(&mut section, SPLIT_MODULE);
            name(&mut section, field);
            section.push(*kind);
            section.extend(*desc);
        }
        let mut module = b"\0asm\x01\0\0\0".to_vec();
        module.push(2);
        leb(&mut module, section.len() as u64);
        module.extend(section);
        // A custom section after it, kept as it is.
        module.extend([0, 4, 1, b'x', 0xAA, 0xBB]);
        module
    }

    #[test]
    fn imports_are_renamed_and_everything_else_is_kept() {
        let original = chunk(&[
            ("memory", 2, &[0, 19]),
            ("__indirect_function_table", 1, &[0x70, 0, 0x97, 0x23]),
        ]);
        let (renamed, found) = rename_imports(&original, SPLIT_MODULE, BASE_MODULE).unwrap();
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].desc, [0, 19]);
        let (back, _) = rename_imports(&renamed, BASE_MODULE, SPLIT_MODULE).unwrap();
        assert_eq!(back, original);
        assert!(rename_imports(&original, "other", BASE_MODULE)
            .unwrap_err()
            .contains("__wasm_split"));
    }

    #[test]
    fn the_base_module_exports_what_it_imports() {
        let imports = vec![
            Import {
                field: "memory".into(),
                kind: 2,
                desc: vec![0, 19],
            },
            Import {
                field: "__wasm_split_shared0".into(),
                kind: 3,
                desc: vec![0x7f, 1],
            },
        ];
        let module = base_module(&imports);
        let (_, found) = rename_imports(&module, SPLIT_MODULE, BASE_MODULE).unwrap();
        assert_eq!(found, imports);
        // The last export: the first (and only) global, under its name.
        assert!(module.ends_with(b"__wasm_split_shared0\x03\x00"));
    }
}
