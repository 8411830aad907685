//! Fixture testing for rule crates: every `fail_*.yaml` under
//! `tests/fixtures/<rule-name>/` must produce the rule's finding, every `pass_*.yaml`
//! none, and the rendered report of each is returned for a snapshot.

use std::path::{Path, PathBuf};

use lashing_diagnostics::render::{self, Format, FullOptions, Report};
use lashing_diagnostics::{Finding, Summary};
use lashing_rule::Rule;
use lashing_syntax::{FileId, SourceMap};

use crate::lint_source;

/// The rendering used in snapshots: miette's unicode theme, no colour, width 80.
pub const SNAPSHOT_OPTIONS: FullOptions = FullOptions {
    color: false,
    width: 80,
    quiet: false,
};

/// Lints `text` with only `rule`, naming the file `display` in the output.
/// Returns the findings and the `full` rendering.
pub fn lint_text(rule: &'static dyn Rule, display: &str, text: &str) -> (Vec<Finding>, String) {
    lint_bytes(rule, display, text.as_bytes().to_vec())
}

pub fn lint_bytes(
    rule: &'static dyn Rule,
    display: &str,
    bytes: Vec<u8>,
) -> (Vec<Finding>, String) {
    let (sources, findings) = lint_source(
        FileId(0),
        PathBuf::from(display),
        display.to_string(),
        bytes,
        &[rule],
    );
    let mut map = SourceMap::new();
    for s in sources {
        map.add(s);
    }
    let report = Report {
        sources: &map,
        findings: &findings,
        summary: Summary::new(1, &findings),
        tool_version: env!("CARGO_PKG_VERSION"),
        rules: &[],
        show_suppressed: false,
    };
    let mut out = Vec::new();
    // Writing into a Vec cannot fail; a rendering error would be a bug worth seeing.
    if let Err(err) = render::render(&mut out, Format::Full, &report, &SNAPSHOT_OPTIONS) {
        return (findings, format!("<render error: {err}>"));
    }
    (findings, String::from_utf8_lossy(&out).into_owned())
}

/// One checked fixture: its name (`<rule>/<file>`) and rendered report.
#[derive(Debug)]
pub struct FixtureResult {
    pub name: String,
    pub rendered: String,
}

/// Checks every fixture of every rule under `fixtures` (a `tests/fixtures` folder).
/// Returns an error listing every fixture that misbehaves, or the rendered reports.
pub fn check_fixtures(
    rules: &[&'static dyn Rule],
    fixtures: &Path,
) -> Result<Vec<FixtureResult>, String> {
    let mut problems = Vec::new();
    let mut results = Vec::new();
    for &rule in rules {
        let name = rule.meta().name;
        let dir = fixtures.join(name);
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.sort();
        let (mut fails, mut passes) = (0, 0);
        for path in files {
            let file_name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("")
                .to_string();
            let bytes = match std::fs::read(&path) {
                Ok(b) => b,
                Err(err) => {
                    problems.push(format!("{}: {err}", path.display()));
                    continue;
                }
            };
            let display = format!("{name}/{file_name}");
            let (findings, rendered) = lint_bytes(rule, &display, bytes);
            let fired = findings.iter().any(|f| f.rule == name);
            if file_name.starts_with("fail_") {
                fails += 1;
                if !fired {
                    problems.push(format!(
                        "{display}: expected `{name}` to fire, it stayed silent"
                    ));
                }
            } else if file_name.starts_with("pass_") {
                passes += 1;
                if fired {
                    problems.push(format!(
                        "{display}: expected no `{name}` finding, got:\n{rendered}"
                    ));
                }
            } else {
                continue;
            }
            results.push(FixtureResult {
                name: display,
                rendered,
            });
        }
        if fails == 0 || passes == 0 {
            problems.push(format!(
                "{name}: needs at least one fail_ and one pass_ fixture in {} (has {fails} and {passes})",
                dir.display()
            ));
        }
    }
    if problems.is_empty() {
        Ok(results)
    } else {
        Err(problems.join("\n"))
    }
}
