//! The compose loader on arbitrary input. The bytes are split at 0xFF (never in
//! UTF-8 text) into a `.env` file, a `compose.yaml` and a `compose.override.yaml`,
//! written to a private folder and loaded as `docker compose` would: `.env`
//! parsing and interpolation, `${...}` in the files, the override merge, and the
//! model (ports, short syntaxes). Each piece is also fed to the string parsers
//! (interpolation templates, port specs) line by line.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use lashing_cli::registry::all_rules;
use lashing_compose::{dotenv, interpolation, ports};
use lashing_linter::{lint_project, load_paths, LoadOptions};
use lashing_rule::Rule;
use libfuzzer_sys::fuzz_target;

/// One folder per fuzzing process; every run rewrites its three files.
fn workdir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("lashing-fuzz-loader-{}", std::process::id()));
        // Harness, not lashing: a fuzzing process cannot run without its folder,
        // and stopping loudly is the right answer when the machine refuses it.
        std::fs::create_dir_all(&dir).expect("create the fuzzing folder");
        dir
    })
}

fn rules() -> &'static [&'static dyn Rule] {
    static RULES: OnceLock<Vec<&'static dyn Rule>> = OnceLock::new();
    RULES.get_or_init(all_rules)
}

fn write(path: &PathBuf, bytes: &[u8]) {
    // Harness, not lashing: the folder is ours and the disk is local; a failed
    // write is the machine's problem, and stopping is better than fuzzing stale
    // files.
    std::fs::write(path, bytes).expect("write a fuzzing input");
}

fn strings(text: &str) {
    let lookup = |name: &str| (name.len() % 3 != 0).then(|| name.to_ascii_lowercase());
    for line in text.lines() {
        if let Ok(parts) = interpolation::parse(line) {
            let _ = interpolation::variables(&parts);
        }
        let _ = interpolation::interpolate(line, &lookup);
        let _ = ports::parse_short_port(line);
        let _ = ports::parse_expose(line);
        let _ = ports::parse_port_range(line);
    }
}

fuzz_target!(|data: &[u8]| {
    let mut pieces = data.splitn(3, |b| *b == 0xFF);
    let env = pieces.next().unwrap_or_default();
    let base = pieces.next().unwrap_or_default();
    let over = pieces.next();

    if let Ok(text) = std::str::from_utf8(env) {
        if let Ok(parsed) = dotenv::parse(text) {
            let _ = dotenv::resolve(&parsed, &|_| None);
        }
        strings(text);
    }
    if let Ok(text) = std::str::from_utf8(base) {
        strings(text);
    }

    let dir = workdir();
    write(&dir.join(".env"), env);
    let base_path = dir.join("compose.yaml");
    write(&base_path, base);
    let mut paths = vec![base_path];
    if let Some(over) = over {
        let over_path = dir.join("compose.override.yaml");
        write(&over_path, over);
        paths.push(over_path);
    }
    let project = load_paths(&paths, &LoadOptions::default(), dir);
    // And the graph and every rule over the merged model.
    std::hint::black_box(lint_project(&project, rules()));
});
