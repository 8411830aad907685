//! The `lashing` command line. `main` parses arguments and dispatches; each command
//! lives in its own module.

mod args;
mod baseline;
mod check;
pub mod docs;
mod explain;
mod graph;
pub mod registry;
mod rules;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

pub use args::Cli;
pub use check::rule_infos;

/// Exit codes, as documented in interfaces.md.
pub mod exit {
    /// No finding at or above the fail threshold.
    pub const OK: u8 = 0;
    /// At least one finding at or above the threshold.
    pub const FINDINGS: u8 = 1;
    /// lashing could not do its job (bad arguments, unreadable path, internal error).
    pub const ERROR: u8 = 2;
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // clap prints help/version to stdout (exit 0) and usage errors to stderr (2).
            let code = if err.use_stderr() {
                exit::ERROR
            } else {
                exit::OK
            };
            let _ = err.print();
            return ExitCode::from(code);
        }
    };
    let code = match cli.command.unwrap_or_default() {
        args::Command::Check(args) => check::run(&args),
        args::Command::Rules(args) => rules::run(&args),
        args::Command::Explain(args) => explain::run(&args),
        args::Command::Baseline(args) => baseline::run(&args),
        args::Command::Graph(args) => graph::run(&args),
    };
    let _ = std::io::stdout().flush();
    ExitCode::from(code)
}

/// Prints `lashing: error: ...` to stderr.
pub(crate) fn error(message: impl std::fmt::Display) {
    let _ = writeln!(std::io::stderr(), "lashing: error: {message}");
}
