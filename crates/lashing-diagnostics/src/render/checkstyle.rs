//! `--format checkstyle`: Checkstyle's XML report, read by Jenkins' warnings
//! plugin, reviewdog and many CI dashboards. One `<file>` per file, one `<error>`
//! per finding.

use std::io::{self, Write};

use super::xml::escape;
use super::{by_file, position, Report};

pub(super) fn render(out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<checkstyle version="4.3">"#)?;
    for (path, findings) in by_file(report) {
        writeln!(out, r#"  <file name="{}">"#, escape(path))?;
        for f in findings {
            let p = position(report.sources, f.primary.span);
            let mut message = f.message.clone();
            if let Some(help) = &f.help {
                message.push_str(" (help: ");
                message.push_str(help);
                message.push(')');
            }
            // Only with --show-suppressed: marked, and at the lowest severity.
            let severity = match &f.suppression {
                Some(s) => {
                    message.push_str(&format!(" ({s})"));
                    "info"
                }
                None => f.severity.as_str(),
            };
            writeln!(
                out,
                r#"    <error line="{}" column="{}" severity="{}" message="{}" source="lashing.{}"/>"#,
                p.line,
                p.column,
                severity,
                escape(&message),
                f.rule
            )?;
        }
        writeln!(out, "  </file>")?;
    }
    writeln!(out, "</checkstyle>")
}
