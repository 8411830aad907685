//! `--format checkstyle`: Checkstyle's XML report, read by Jenkins' warnings
//! plugin, reviewdog and many CI dashboards. One `<file>` per file, one `<error>`
//! per finding.

use std::io::{self, Write};

use super::xml::escape;
use super::{position, Report};
use crate::Finding;

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
                    message.push_str(&format!(" (suppressed by {}", s.kind.as_str()));
                    if let Some(reason) = &s.reason {
                        message.push_str(&format!(": {reason}"));
                    }
                    message.push(')');
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

/// The shown findings grouped by file, files in the order they first appear
/// (the findings are sorted, so each file's findings are already together).
pub(super) fn by_file<'r>(report: &'r Report<'_>) -> Vec<(&'r str, Vec<&'r Finding>)> {
    let mut groups: Vec<(&str, Vec<&Finding>)> = Vec::new();
    for f in report.shown() {
        let path = position(report.sources, f.primary.span).path;
        match groups.iter_mut().find(|(p, _)| *p == path) {
            Some((_, list)) => list.push(f),
            None => groups.push((path, vec![f])),
        }
    }
    groups
}
