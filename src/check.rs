//! `lashing check`.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use lashing_diagnostics::render::{self, Format, FullOptions, Report, RuleInfo};
use lashing_diagnostics::Summary;
use lashing_linter::{discover, lint_jobs, plan_jobs, projects, Discovery, LintRun, Overrides};

use crate::args::{CheckArgs, ColorChoice, LoadArgs, RuleArgs};
use crate::{docs, error, exit, registry};

pub fn run(args: &CheckArgs) -> u8 {
    let format = match output_format(args.format) {
        Ok(f) => f,
        Err(message) => {
            error(message);
            return exit::ERROR;
        }
    };
    // `--statistics` prints text or JSON. A format from LASHING_FORMAT (set for a
    // whole CI job) falls back to text; one asked for with --format is an error.
    let format = match (args.statistics, args.format) {
        (true, None) if !matches!(format, Format::Full | Format::Concise | Format::Json) => {
            Format::Concise
        }
        _ => format,
    };
    if args.statistics && !matches!(format, Format::Full | Format::Concise | Format::Json) {
        error(format!(
            "--statistics prints text or JSON; it cannot be combined with --format {}",
            format.as_str()
        ));
        return exit::ERROR;
    }
    let linted = match lint(&args.paths, &args.load, &args.rules, args.rules.overrides()) {
        Ok(linted) => linted,
        Err(code) => return code,
    };
    let Linted { discovery, run, .. } = linted;

    let summary = Summary::new(
        discovery.files.len().saturating_sub(run.errors.len()),
        &run.findings,
    );
    // Only SARIF describes every rule; building those descriptions (each rule's
    // whole page) is most of a small file's run otherwise.
    let rules = if format == Format::Sarif && !args.statistics {
        rule_infos()
    } else {
        Vec::new()
    };
    let report = Report {
        sources: &run.sources,
        findings: &run.findings,
        summary,
        tool_version: env!("CARGO_PKG_VERSION"),
        rules: &rules,
        show_suppressed: args.show_suppressed,
    };
    let full = FullOptions {
        color: use_color(args.color),
        width: terminal_width(),
        quiet: args.quiet,
    };
    // Renderers write many small pieces; stdout alone is line-buffered, which
    // would be a system call per line of a large report.
    let mut stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let written = if args.statistics {
        render::render_statistics(&mut stdout, &report, format == Format::Json)
    } else {
        render::render(&mut stdout, format, &report, &full)
    };
    if let Err(err) = written.and_then(|()| stdout.flush()) {
        if err.kind() != std::io::ErrorKind::BrokenPipe {
            error(format!("could not write the report: {err}"));
            return exit::ERROR;
        }
    }
    // The process ends right after this: handing the project back to the allocator
    // piece by piece would be the slowest part of a large run, and the system takes
    // the memory back at exit anyway.
    std::mem::forget(run.sources);
    std::mem::forget(run.findings);
    let mut failed_paths = false;
    for err in discovery.errors.iter().chain(&run.errors) {
        error(path_error(err));
        failed_paths = true;
    }
    if failed_paths {
        return exit::ERROR;
    }
    if discovery.files.is_empty() && !args.quiet {
        // On stderr in every format: a CI step pointed at the wrong folder must
        // say so, without breaking what parses stdout.
        let _ = writeln!(
            std::io::stderr(),
            "lashing: no compose files found (names lashing looks for: compose.yaml, docker-compose.yml, their .override. and variant forms; hidden folders and .gitignore'd paths are skipped)"
        );
    }
    if run.failing > 0 && !args.exit_zero {
        exit::FINDINGS
    } else {
        exit::OK
    }
}

/// A path that could not be linted, shown the way findings show paths.
pub(crate) fn path_error(err: &lashing_linter::DiscoveryError) -> String {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    format!(
        "{}: {}",
        lashing_linter::display_path(&err.path, &cwd),
        err.message
    )
}

/// A finished run, with what it was run on.
pub(crate) struct Linted {
    pub discovery: Discovery,
    pub run: LintRun,
}

/// Finds the projects, the settings of each (lashing.toml and the command line)
/// and lints them. An error has been printed when this returns `Err(exit code)`.
pub(crate) fn lint(
    paths: &[PathBuf],
    load: &LoadArgs,
    rule_args: &RuleArgs,
    overrides: Overrides,
) -> Result<Linted, u8> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let (discovery, projects) = project_list(load, paths).map_err(|message| {
        error(message);
        exit::ERROR
    })?;
    let registry = registry::all_rules();
    let (jobs, settings) = plan_jobs(
        projects,
        &registry,
        &overrides,
        &rule_args.config.source(),
        &cwd,
    )
    .map_err(|errors| {
        for e in errors {
            error(e);
        }
        exit::ERROR
    })?;
    let run = lint_jobs(&jobs, &load.options(), &cwd, &settings);
    Ok(Linted { discovery, run })
}

/// Every rule, as the reports describe them.
pub fn rule_infos() -> Vec<RuleInfo> {
    registry::all_rules()
        .iter()
        .map(|rule| {
            let meta = rule.meta();
            RuleInfo {
                code: meta.code,
                name: meta.name,
                category: meta.category.as_str(),
                summary: meta.summary,
                description: docs::what_it_does(meta),
                documentation: docs::rule_page(meta),
                help_uri: meta.docs_url(),
                severity: meta.severity,
                enabled: meta.default_enabled,
            }
        })
        .collect()
}

/// The projects to lint: `-f` files as one project, else the projects the PATHs'
/// compose files belong to.
pub(crate) fn project_list(
    load: &LoadArgs,
    paths: &[PathBuf],
) -> Result<(Discovery, Vec<Vec<PathBuf>>), String> {
    if load.files.is_empty() {
        let default = [PathBuf::from(".")];
        let paths = if paths.is_empty() {
            &default[..]
        } else {
            paths
        };
        let discovery = discover(paths);
        let projects = projects(&discovery.files);
        return Ok((discovery, projects));
    }
    if !paths.is_empty() {
        return Err("give either `-f FILE`s (one project) or PATHs, not both".to_string());
    }
    let discovery = discover(&load.files);
    let files = discovery.files.clone();
    // `-f` keeps the order given (discover sorts).
    let ordered: Vec<PathBuf> = load
        .files
        .iter()
        .filter(|f| files.contains(f))
        .cloned()
        .collect();
    Ok((discovery, vec![ordered]))
}

/// `--format`, else `LASHING_FORMAT`, else `full` on a terminal and `concise` otherwise.
fn output_format(flag: Option<Format>) -> Result<Format, String> {
    if let Some(flag) = flag {
        return Ok(flag);
    }
    match std::env::var("LASHING_FORMAT") {
        Ok(value) if !value.is_empty() => Format::parse(&value).ok_or_else(|| {
            let names: Vec<&str> = Format::ALL.iter().map(|f| f.as_str()).collect();
            format!(
                "LASHING_FORMAT=`{value}` is not a format (expected one of: {})",
                names.join(", ")
            )
        }),
        _ if std::io::stdout().is_terminal() => Ok(Format::Full),
        _ => Ok(Format::Concise),
    }
}

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

/// `COLUMNS` when the shell exports it, else 100: wide enough for snippets, narrow
/// enough for a split editor pane.
fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&w| w >= 40)
        .unwrap_or(100)
}

/// Writes `text` to `path` through a temporary file in the same folder, renamed
/// over it: an interrupted run never leaves a half-written file.
pub(crate) fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "lashing-baseline.json".to_string());
    let temporary = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&temporary, text)?;
    std::fs::rename(&temporary, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temporary);
    })
}
