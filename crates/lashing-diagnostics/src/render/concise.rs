//! `path:line:col: severity[rule] message` — one line per finding, for editors'
//! problem matchers and grep.

use std::io::{self, Write};

use super::{one_line, position, Report};

pub(super) fn render(out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
    for f in report.shown() {
        let p = position(report.sources, f.primary.span);
        write!(
            out,
            "{}:{}:{}: {}[{}] {}",
            p.path,
            p.line,
            p.column,
            f.severity,
            f.rule,
            one_line(&f.message)
        )?;
        if let Some(s) = &f.suppression {
            // Only with --show-suppressed; a problem matcher still reads the line.
            write!(out, " ({})", one_line(&s.to_string()))?;
        }
        writeln!(out)?;
    }
    Ok(())
}
