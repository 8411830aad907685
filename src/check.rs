//! `lashing check`.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use lashing_diagnostics::render::{self, Format, FullOptions, Report};
use lashing_diagnostics::{Severity, Summary};
use lashing_linter::{discover, lint_projects, projects, Discovery};

use crate::args::{CheckArgs, ColorChoice, FailOn, OutputFormat};
use crate::{error, exit, registry};

pub fn run(args: &CheckArgs) -> u8 {
    let format = match output_format(args.format) {
        Ok(f) => f,
        Err(message) => {
            error(message);
            return exit::ERROR;
        }
    };
    let Some(selection) = registry::selection(args.select.as_deref(), &args.ignore) else {
        return exit::ERROR;
    };
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let (discovery, projects) = match project_list(args, &paths) {
        Ok(found) => found,
        Err(message) => {
            error(message);
            return exit::ERROR;
        }
    };
    let run = lint_projects(&projects, &args.load.options(), &cwd, &selection);

    let summary = Summary::new(discovery.files.len() - run.errors.len(), &run.findings);
    let report = Report {
        sources: &run.sources,
        findings: &run.findings,
        summary,
        tool_version: env!("CARGO_PKG_VERSION"),
    };
    let full = FullOptions {
        color: use_color(args.color),
        width: terminal_width(),
    };
    let mut stdout = std::io::stdout().lock();
    if let Err(err) =
        render::render(&mut stdout, format, &report, &full).and_then(|()| stdout.flush())
    {
        if err.kind() != std::io::ErrorKind::BrokenPipe {
            error(format!("could not write the report: {err}"));
            return exit::ERROR;
        }
    }
    let mut failed_paths = false;
    for err in discovery.errors.iter().chain(&run.errors) {
        error(format!("{}: {}", err.path.display(), err.message));
        failed_paths = true;
    }
    if failed_paths {
        return exit::ERROR;
    }
    if discovery.files.is_empty() && format == Format::Full {
        let _ = writeln!(std::io::stderr(), "lashing: no compose files found");
    }
    let threshold = match args.fail_on.unwrap_or(FailOn::Warning) {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Info => Severity::Info,
    };
    let failing = run.findings.iter().any(|f| f.severity >= threshold);
    if failing && !args.exit_zero {
        exit::FINDINGS
    } else {
        exit::OK
    }
}

/// The projects to lint: `-f` files as one project, else the projects the PATHs'
/// compose files belong to.
pub(crate) fn project_list(
    args: &CheckArgs,
    paths: &[PathBuf],
) -> Result<(Discovery, Vec<Vec<PathBuf>>), String> {
    if args.load.files.is_empty() {
        let discovery = discover(paths);
        let projects = projects(&discovery.files);
        return Ok((discovery, projects));
    }
    if !args.paths.is_empty() {
        return Err("give either `-f FILE`s (one project) or PATHs, not both".to_string());
    }
    let discovery = discover(&args.load.files);
    let files = discovery.files.clone();
    // `-f` keeps the order given (discover sorts).
    let ordered: Vec<PathBuf> = args
        .load
        .files
        .iter()
        .filter(|f| files.contains(f))
        .cloned()
        .collect();
    Ok((discovery, vec![ordered]))
}

/// `--format`, else `LASHING_FORMAT`, else `full` on a terminal and `concise` otherwise.
fn output_format(flag: Option<OutputFormat>) -> Result<Format, String> {
    if let Some(flag) = flag {
        return Ok(match flag {
            OutputFormat::Full => Format::Full,
            OutputFormat::Concise => Format::Concise,
            OutputFormat::Json => Format::Json,
        });
    }
    match std::env::var("LASHING_FORMAT") {
        Ok(value) if !value.is_empty() => Format::parse(&value).ok_or_else(|| {
            format!(
                "LASHING_FORMAT=`{value}` is not a format (expected one of: {})",
                Format::NAMES.join(", ")
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
