//! Output formats. Each renderer writes the whole report at once, in the order of
//! the findings it is given (already sorted by the engine).

mod checkstyle;
mod concise;
mod full;
mod github;
mod gitlab;
mod json;
mod junit;
mod sarif;
mod statistics;
mod xml;

use std::io::{self, Write};

use lashing_syntax::SourceMap;

use crate::{Finding, Severity, Summary};

pub use full::FullOptions;
pub use statistics::render as render_statistics;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Full,
    Concise,
    Json,
    Sarif,
    Github,
    Gitlab,
    Checkstyle,
    Junit,
}

impl Format {
    pub const ALL: &'static [Format] = &[
        Format::Full,
        Format::Concise,
        Format::Json,
        Format::Sarif,
        Format::Github,
        Format::Gitlab,
        Format::Checkstyle,
        Format::Junit,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Full => "full",
            Format::Concise => "concise",
            Format::Json => "json",
            Format::Sarif => "sarif",
            Format::Github => "github",
            Format::Gitlab => "gitlab",
            Format::Checkstyle => "checkstyle",
            Format::Junit => "junit",
        }
    }

    /// What the format is, one line (the command line's help for `--format`).
    pub fn summary(self) -> &'static str {
        match self {
            Format::Full => "Graphical diagnostics with source snippets (default on a terminal)",
            Format::Concise => {
                "One line per finding: path:line:col: severity[rule] message (default otherwise)"
            }
            Format::Json => "A JSON object with every finding and a summary",
            Format::Sarif => "SARIF 2.1.0, for GitHub code scanning and other SARIF consumers",
            Format::Github => "GitHub Actions workflow commands (annotations on the pull request)",
            Format::Gitlab => "A GitLab Code Quality report",
            Format::Checkstyle => "Checkstyle XML",
            Format::Junit => "JUnit XML",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL.iter().copied().find(|f| f.as_str() == s)
    }
}

/// A rule as the report describes it (SARIF lists every rule of the run's tool).
#[derive(Debug, Clone)]
pub struct RuleInfo {
    pub code: &'static str,
    pub name: &'static str,
    pub category: &'static str,
    /// One line, without a final period.
    pub summary: &'static str,
    /// What the rule reports, a paragraph.
    pub description: String,
    /// The rule's page, Markdown (what `lashing explain` prints).
    pub documentation: String,
    pub help_uri: String,
    pub severity: Severity,
    pub enabled: bool,
}

/// What every renderer gets.
pub struct Report<'a> {
    pub sources: &'a SourceMap,
    /// Every finding, suppressed ones included, sorted.
    pub findings: &'a [Finding],
    pub summary: Summary,
    pub tool_version: &'a str,
    /// Every rule lashing has (for SARIF's tool description).
    pub rules: &'a [RuleInfo],
    /// Show suppressed findings too (`--show-suppressed`). SARIF always carries
    /// them, marked with `suppressions`, since that is how SARIF consumers expect
    /// accepted findings.
    pub show_suppressed: bool,
}

impl Report<'_> {
    /// The findings a text format shows.
    pub fn shown(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| self.show_suppressed || f.suppression.is_none())
    }
}

pub fn render(
    out: &mut dyn Write,
    format: Format,
    report: &Report<'_>,
    full: &FullOptions,
) -> io::Result<()> {
    match format {
        Format::Full => full::render(out, report, full),
        Format::Concise => concise::render(out, report),
        Format::Json => json::render(out, report),
        Format::Sarif => sarif::render(out, report),
        Format::Github => github::render(out, report),
        Format::Gitlab => gitlab::render(out, report),
        Format::Checkstyle => checkstyle::render(out, report),
        Format::Junit => junit::render(out, report),
    }
}

/// Writes `value` as pretty JSON and a final newline, keeping the I/O error's kind
/// (a closed pipe is not an error worth reporting).
pub(crate) fn write_json(out: &mut dyn Write, value: &impl serde::Serialize) -> io::Result<()> {
    // Into memory first: serde_json writes token by token, and through `dyn
    // Write` each token was a dynamic call into the buffered writer (a third of
    // rendering 4,000 findings).
    let mut text = Vec::with_capacity(1 << 16);
    serde_json::to_writer_pretty(&mut text, value).map_err(io::Error::other)?;
    text.push(b'\n');
    out.write_all(&text)
}

/// Messages are single-line by construction; guard the line formats anyway, since
/// a line break would split one finding into two for every consumer.
pub(crate) fn one_line(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains(['\n', '\r']) {
        s.replace(['\n', '\r'], " ").into()
    } else {
        s.into()
    }
}

/// A finding's position, 1-based with an inclusive end, and the file's display path.
pub(crate) struct Position<'a> {
    pub path: &'a str,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

pub(crate) fn position<'a>(sources: &'a SourceMap, span: lashing_syntax::Span) -> Position<'a> {
    match sources.get(span.file) {
        Some(file) => {
            let (start, end) = file.span_positions(span);
            Position {
                path: &file.display_path,
                line: start.line,
                column: start.column,
                end_line: end.line,
                end_column: end.column,
            }
        }
        None => Position {
            path: "<unknown>",
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 1,
        },
    }
}

/// The shown findings grouped by file, files in the order they first appear
/// (the findings are sorted, so each file's findings are already together).
pub(crate) fn by_file<'r>(report: &'r Report<'_>) -> Vec<(&'r str, Vec<&'r Finding>)> {
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
