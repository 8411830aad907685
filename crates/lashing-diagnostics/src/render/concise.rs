//! `path:line:col: severity[rule] message` — one line per finding, for editors'
//! problem matchers and grep.

use std::io::{self, Write};

use super::{position, Report};

pub(super) fn render(out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
    for f in report.findings {
        let p = position(report.sources, f.primary.span);
        writeln!(
            out,
            "{}:{}:{}: {}[{}] {}",
            p.path,
            p.line,
            p.column,
            f.severity,
            f.rule,
            one_line(&f.message)
        )?;
    }
    Ok(())
}

/// Messages are single-line by construction; guard the format anyway, since a line
/// break would split one finding into two for every consumer.
fn one_line(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains(['\n', '\r']) {
        s.replace(['\n', '\r'], " ").into()
    } else {
        s.into()
    }
}
