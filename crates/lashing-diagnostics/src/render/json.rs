//! `--format json`: the object documented in docs/interfaces (version 1).

use std::io::{self, Write};

use serde::Serialize;

use super::{position, write_json, Report};

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    tool: Tool<'a>,
    /// Written apart (see [`render`]); empty here.
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
    use rayon::prelude::*;
    let shown: Vec<&crate::Finding> = report.shown().collect();
    // Each finding is written on its own, in parallel (a large run's report is
    // megabytes, and this is the last step of a run, on one thread otherwise);
    // the pieces are then put in the object, indented as one pretty document.
    let findings: Vec<Vec<u8>> = shown
        .par_iter()
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
        .map(|finding| serde_json::to_vec_pretty(&finding).map_err(io::Error::other))
        .collect::<io::Result<_>>()?;
    let s = report.summary;
    let output = Output {
        version: 1,
        tool: Tool {
            name: "lashing",
            version: report.tool_version,
        },
        findings: Vec::new(),
        summary: JsonSummary {
            files: s.files,
            findings: s.findings(),
            error: s.error,
            warning: s.warning,
            info: s.info,
            suppressed: s.suppressed,
        },
    };
    if findings.is_empty() {
        return write_json(out, &output);
    }
    let envelope = serde_json::to_vec_pretty(&output).map_err(io::Error::other)?;
    // The only empty array of the envelope: `findings` is its third key, and the
    // keys before it hold no brackets.
    let at = find(&envelope, FINDINGS_EMPTY).ok_or_else(|| io::Error::other("no findings key"))?;
    let size: usize = findings.iter().map(|f| f.len() + f.len() / 8 + 8).sum();
    let mut text = Vec::with_capacity(envelope.len() + size);
    text.extend_from_slice(&envelope[..at]);
    text.extend_from_slice(b"\"findings\": [\n");
    for (i, finding) in findings.iter().enumerate() {
        if i > 0 {
            text.extend_from_slice(b",\n");
        }
        // Two levels deeper than a document of its own: four spaces before each
        // line (a JSON string holds no raw line break, so lines are lines).
        for (n, line) in finding.split(|&b| b == b'\n').enumerate() {
            if n > 0 {
                text.push(b'\n');
            }
            text.extend_from_slice(b"    ");
            text.extend_from_slice(line);
        }
    }
    text.extend_from_slice(b"\n  ]");
    text.extend_from_slice(&envelope[at + FINDINGS_EMPTY.len()..]);
    text.push(b'\n');
    out.write_all(&text)
}

const FINDINGS_EMPTY: &[u8] = b"\"findings\": []";

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
