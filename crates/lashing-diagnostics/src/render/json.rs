//! `--format json`: the object documented in docs/interfaces (version 1).

use std::io::{self, Write};

use serde::Serialize;

use super::{position, write_json, Report};

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    tool: Tool<'a>,
    findings: Vec<JsonFinding<'a>>,
    summary: JsonSummary,
}

#[derive(Serialize)]
struct Tool<'a> {
    name: &'static str,
    version: &'a str,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    path: &'a str,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    code: &'static str,
    rule: &'static str,
    category: &'static str,
    severity: &'static str,
    message: &'a str,
    help: Option<&'a str>,
    service: Option<&'a str>,
    related: Vec<Related<'a>>,
    /// Present only on suppressed findings (shown with `--show-suppressed`).
    #[serde(skip_serializing_if = "Option::is_none")]
    suppression: Option<JsonSuppression<'a>>,
    /// Reserved for automatic fixes; no rule offers one yet.
    fix: Option<()>,
}

#[derive(Serialize)]
struct Related<'a> {
    path: &'a str,
    line: u32,
    column: u32,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonSuppression<'a> {
    kind: &'static str,
    reason: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonSummary {
    files: usize,
    findings: usize,
    error: usize,
    warning: usize,
    info: usize,
    suppressed: usize,
}

pub(super) fn render(out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
    let findings = report
        .shown()
        .map(|f| {
            let p = position(report.sources, f.primary.span);
            JsonFinding {
                path: p.path,
                line: p.line,
                column: p.column,
                end_line: p.end_line,
                end_column: p.end_column,
                code: f.code,
                rule: f.rule,
                category: f.category,
                severity: f.severity.as_str(),
                message: &f.message,
                help: f.help.as_deref(),
                service: f.service.as_deref(),
                related: f
                    .related
                    .iter()
                    .map(|r| {
                        let p = position(report.sources, r.span);
                        Related {
                            path: p.path,
                            line: p.line,
                            column: p.column,
                            message: &r.message,
                        }
                    })
                    .collect(),
                suppression: f.suppression.as_ref().map(|s| JsonSuppression {
                    kind: s.kind.as_str(),
                    reason: s.reason.as_deref(),
                }),
                fix: None,
            }
        })
        .collect();
    let s = report.summary;
    let output = Output {
        version: 1,
        tool: Tool {
            name: "lashing",
            version: report.tool_version,
        },
        findings,
        summary: JsonSummary {
            files: s.files,
            findings: s.findings(),
            error: s.error,
            warning: s.warning,
            info: s.info,
            suppressed: s.suppressed,
        },
    };
    write_json(out, &output)
}
