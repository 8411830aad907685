//! `lashing baseline`: writes the current findings to a baseline file, so that a
//! repository can turn lashing on today and fail only on new findings.

use lashing_linter::baseline::write_baseline;

use crate::args::BaselineArgs;
use crate::check::{lint, write_atomically};
use crate::{error, exit};

pub fn run(args: &BaselineArgs) -> u8 {
    let mut overrides = args.rules.overrides();
    // A fresh baseline lists every finding, including those an older one held.
    overrides.ignore_baseline = true;
    let linted = match lint(&args.paths, &args.load, &args.rules, overrides) {
        Ok(linted) => linted,
        Err(code) => return code,
    };
    for err in linted.discovery.errors.iter().chain(&linted.run.errors) {
        error(crate::check::path_error(err));
    }
    if !linted.discovery.errors.is_empty() || !linted.run.errors.is_empty() {
        return exit::ERROR;
    }
    let text = write_baseline(&args.output, &linted.run.sources, &linted.run.findings);
    if let Err(err) = write_atomically(&args.output, &text) {
        error(format!("cannot write {}: {err}", args.output.display()));
        return exit::ERROR;
    }
    let count = linted
        .run
        .findings
        .iter()
        .filter(|f| f.suppression.is_none())
        .count();
    eprintln!(
        "lashing: wrote {count} finding{} to {}; run `lashing check --baseline {}` (or set `baseline` in [lint] of lashing.toml)",
        if count == 1 { "" } else { "s" },
        args.output.display(),
        args.output.display()
    );
    exit::OK
}
