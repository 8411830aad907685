//! `--format gitlab`: a GitLab Code Quality report (a JSON array of Code Climate
//! issues), with fingerprints that survive edits elsewhere in the file so that
//! GitLab's merge request widget shows only findings that are really new.

use std::io::{self, Write};

use serde::Serialize;

use super::{position, write_json, Report};
use crate::fingerprint::fingerprints;
use crate::Severity;

#[derive(Serialize)]
struct Issue<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    check_name: &'static str,
    description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    content: Option<Content<'a>>,
    categories: [&'static str; 1],
    severity: &'static str,
    fingerprint: String,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Content<'a> {
    body: &'a str,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: u32,
    end: u32,
}

pub(super) fn render(out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
    let prints = fingerprints(report.sources, report.findings, |file| {
        file.display_path.as_str().into()
    });
    let issues: Vec<Issue<'_>> = report
        .findings
        .iter()
        .zip(prints)
        .filter(|(f, _)| report.show_suppressed || f.suppression.is_none())
        .map(|(f, fingerprint)| {
            let p = position(report.sources, f.primary.span);
            Issue {
                kind: "issue",
                check_name: f.rule,
                description: match &f.suppression {
                    // Only with --show-suppressed; GitLab has no "accepted" state,
                    // so the text says it and the severity is the lowest.
                    Some(s) => format!("{} [{}] ({s})", f.message, f.rule),
                    None => format!("{} [{}]", f.message, f.rule),
                },
                content: f.help.as_deref().map(|body| Content { body }),
                categories: [match f.category {
                    "security" | "hardening" => "Security",
                    "suppression" => "Style",
                    _ => "Bug Risk",
                }],
                severity: match f.severity {
                    _ if f.suppression.is_some() => "info",
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                    Severity::Info => "info",
                },
                fingerprint,
                location: Location {
                    path: p.path,
                    lines: Lines {
                        begin: p.line,
                        end: p.end_line,
                    },
                },
            }
        })
        .collect();
    write_json(out, &issues)
}
