//! `--format junit`: JUnit XML, which most CI systems display as test results.
//! One test suite per file, one test case per finding: errors and warnings fail,
//! `info` findings pass with their text as output (the default threshold never
//! fails on them, and a green job must not show red tests), suppressed findings
//! (with `--show-suppressed`) are skipped. A clean run is one passing test case,
//! so that the report is never an empty suite.

use std::io::{self, Write};

use super::xml::escape;
use super::{by_file, position, Report};

pub(super) fn render(out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
    let groups = by_file(report);
    let total: usize = groups.iter().map(|(_, f)| f.len()).sum();
    let failures = |findings: &[&crate::Finding]| findings.iter().filter(|f| fails(f)).count();
    let all_failures: usize = groups.iter().map(|(_, f)| failures(f)).sum();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    if groups.is_empty() {
        writeln!(out, r#"<testsuites name="lashing" tests="1" failures="0">"#)?;
        writeln!(
            out,
            r#"  <testsuite name="lashing" tests="1" failures="0">"#
        )?;
        let files = report.summary.files;
        writeln!(
            out,
            r#"    <testcase name="no problems found in {files} file{}" classname="lashing"/>"#,
            if files == 1 { "" } else { "s" }
        )?;
        writeln!(out, "  </testsuite>")?;
        return writeln!(out, "</testsuites>");
    }
    writeln!(
        out,
        r#"<testsuites name="lashing" tests="{total}" failures="{all_failures}">"#
    )?;
    for (path, findings) in &groups {
        writeln!(
            out,
            r#"  <testsuite name="{}" tests="{}" failures="{}">"#,
            escape(path),
            findings.len(),
            failures(findings)
        )?;
        for f in findings {
            let p = position(report.sources, f.primary.span);
            writeln!(
                out,
                r#"    <testcase name="{}" classname="{}" file="{}" line="{}">"#,
                escape(&format!("{}:{}:{} {}", p.path, p.line, p.column, f.rule)),
                escape(p.path),
                escape(p.path),
                p.line
            )?;
            match &f.suppression {
                Some(s) => writeln!(
                    out,
                    r#"      <skipped message="{}"/>"#,
                    escape(&s.to_string())
                )?,
                None if !fails(f) => writeln!(
                    out,
                    r#"      <system-out>{}</system-out>"#,
                    escape(&format!(
                        "{}:{}:{}: {}[{}] {}",
                        p.path, p.line, p.column, f.severity, f.rule, f.message
                    ))
                )?,
                None => {
                    let mut body = format!(
                        "{}:{}:{}: {}[{}] {}",
                        p.path, p.line, p.column, f.severity, f.rule, f.message
                    );
                    if let Some(help) = &f.help {
                        body.push_str("\nhelp: ");
                        body.push_str(help);
                    }
                    writeln!(
                        out,
                        r#"      <failure message="{}" type="{}">{}</failure>"#,
                        escape(&f.message),
                        f.severity,
                        escape(&body)
                    )?;
                }
            }
            writeln!(out, "    </testcase>")?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
}

/// Whether a finding is a failed test: not suppressed, and above `info`.
fn fails(f: &crate::Finding) -> bool {
    f.suppression.is_none() && f.severity > crate::Severity::Info
}
