//! `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other consumers.
//!
//! One run; the tool's driver lists every rule lashing has (with its page as help
//! and a link to it), results point at rules by id and index. Suppressed findings
//! are included with a `suppressions` entry, as SARIF intends, so that a code
//! scanning service closes the alert instead of never seeing it.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{self, Write};

use serde::Serialize;

use super::{position, write_json, Position, Report, RuleInfo};
use crate::fingerprint::fingerprints;
use crate::{Severity, SuppressionKind};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI: &str = "https://github.com/lashing-dev/lashing";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'a str,
    semantic_version: &'a str,
    information_uri: &'static str,
    rules: Vec<Rule<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule<'a> {
    id: &'static str,
    name: &'static str,
    short_description: Text<'a>,
    full_description: Text<'a>,
    help: Help<'a>,
    help_uri: &'a str,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Text<'a> {
    text: Cow<'a, str>,
}

#[derive(Serialize)]
struct Help<'a> {
    text: &'a str,
    markdown: &'a str,
}

#[derive(Serialize)]
struct Configuration {
    enabled: bool,
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    tags: [&'static str; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text<'a>,
    locations: [Location<'a>; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location<'a>>,
    partial_fingerprints: Fingerprints,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suppressions: Vec<Suppression<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    start_column: u32,
    end_line: u32,
    /// SARIF's end column is the one after the region (exclusive).
    end_column: u32,
}

#[derive(Serialize)]
struct Fingerprints {
    #[serde(rename = "lashing/v1")]
    lashing: String,
}

#[derive(Serialize)]
struct Suppression<'a> {
    kind: &'static str,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    justification: Option<&'a str>,
}

pub(super) fn render(out: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
    let index: HashMap<&str, usize> = report
        .rules
        .iter()
        .enumerate()
        .map(|(i, r)| (r.code, i))
        .collect();
    let prints = fingerprints(report.sources, report.findings, |file| {
        file.display_path.as_str().into()
    });
    let results = report
        .findings
        .iter()
        .zip(prints)
        .map(|(f, print)| {
            let message = match &f.help {
                Some(help) => format!("{}\nhelp: {help}", f.message),
                None => f.message.clone(),
            };
            SarifResult {
                rule_id: f.code,
                // The report lists the whole registry, so every finding's rule
                // is there; were it not, the id alone still names the rule.
                rule_index: index.get(f.code).copied(),
                level: level(f.severity),
                message: Text {
                    text: message.into(),
                },
                locations: [Location {
                    id: None,
                    physical_location: physical(position(report.sources, f.primary.span)),
                    message: None,
                }],
                related_locations: f
                    .related
                    .iter()
                    .enumerate()
                    .map(|(i, r)| Location {
                        id: Some(i),
                        physical_location: physical(position(report.sources, r.span)),
                        message: Some(Text {
                            text: r.message.as_str().into(),
                        }),
                    })
                    .collect(),
                partial_fingerprints: Fingerprints { lashing: print },
                suppressions: f
                    .suppression
                    .iter()
                    .map(|s| Suppression {
                        kind: match s.kind {
                            SuppressionKind::Inline => "inSource",
                            SuppressionKind::Exception | SuppressionKind::Baseline => "external",
                        },
                        status: "accepted",
                        justification: s.reason.as_deref(),
                    })
                    .collect(),
            }
        })
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "lashing",
                    version: report.tool_version,
                    semantic_version: report.tool_version,
                    information_uri: INFORMATION_URI,
                    rules: report.rules.iter().map(rule).collect(),
                },
            },
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    write_json(out, &log)
}

fn rule(info: &RuleInfo) -> Rule<'_> {
    Rule {
        id: info.code,
        name: info.name,
        short_description: Text {
            text: info.summary.into(),
        },
        full_description: Text {
            text: info.description.as_str().into(),
        },
        help: Help {
            text: &info.documentation,
            markdown: &info.documentation,
        },
        help_uri: &info.help_uri,
        default_configuration: Configuration {
            enabled: info.enabled,
            level: level(info.severity),
        },
        properties: RuleProperties {
            tags: [info.category],
        },
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative path as a relative URI (resolved against the checkout by GitHub),
/// an absolute one as a `file://` URI. Characters that URIs reserve are
/// percent-encoded; `/` stays a separator.
fn physical(p: Position<'_>) -> PhysicalLocation {
    let absolute = p.path.starts_with('/');
    let mut uri = String::with_capacity(p.path.len() + 8);
    if absolute {
        uri.push_str("file://");
    }
    for byte in p.path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                uri.push(byte as char)
            }
            b':' if absolute => uri.push(':'),
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    PhysicalLocation {
        artifact_location: ArtifactLocation {
            uri,
            uri_base_id: (!absolute).then_some("%SRCROOT%"),
        },
        region: Region {
            start_line: p.line,
            start_column: p.column,
            end_line: p.end_line,
            end_column: p.end_column + 1,
        },
    }
}
