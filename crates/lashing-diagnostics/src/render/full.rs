//! `--format full`: miette's graphical report (snippet, labels, help) per finding.

use std::fmt;
use std::io::{self, Write};

use lashing_syntax::{SourceFile, Span};
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use super::{position, Report};
use crate::{Finding, Severity, Summary};

/// Presentation settings of the full format.
#[derive(Debug, Clone, Copy)]
pub struct FullOptions {
    pub color: bool,
    pub width: usize,
    /// Leave out the summary line (`--quiet`).
    pub quiet: bool,
}

impl Default for FullOptions {
    fn default() -> Self {
        FullOptions {
            color: false,
            width: 80,
            quiet: false,
        }
    }
}

pub(super) fn render(
    out: &mut dyn Write,
    report: &Report<'_>,
    options: &FullOptions,
) -> io::Result<()> {
    let theme = if options.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(options.width)
        .with_links(false)
        .with_urls(false);
    for finding in report.shown() {
        let Some(file) = report.sources.get(finding.primary.span.file) else {
            continue;
        };
        let diagnostic = FindingDiagnostic {
            finding,
            source: NamedText::new(file),
            snippet: line_length(file, finding.primary.span) <= MAX_SNIPPET_LINE,
            related: finding
                .related
                .iter()
                .filter(|r| r.span.file != file.id)
                .map(|r| {
                    let p = position(report.sources, r.span);
                    format!("{}: {}:{}:{}", r.message, p.path, p.line, p.column)
                })
                .collect(),
        };
        let mut text = String::new();
        handler
            .render_report(&mut text, &diagnostic)
            .map_err(|_| io::Error::other("could not render a finding"))?;
        out.write_all(text.as_bytes())?;
        writeln!(out)?;
    }
    if options.quiet {
        return Ok(());
    }
    writeln!(out, "{}", summary_line(&report.summary))
}

/// "Found 3 problems (1 error, 2 warnings, 0 info) in 2 files; 1 suppressed."
fn summary_line(s: &Summary) -> String {
    let mut line = if s.findings() == 0 {
        format!(
            "No problems found in {} {}",
            s.files,
            plural(s.files, "file")
        )
    } else {
        format!(
            "Found {} {} ({} {}, {} {}, {} info) in {} {}",
            s.findings(),
            plural(s.findings(), "problem"),
            s.error,
            plural(s.error, "error"),
            s.warning,
            plural(s.warning, "warning"),
            s.info,
            s.files,
            plural(s.files, "file"),
        )
    };
    if s.suppressed > 0 {
        line.push_str(&format!("; {} suppressed", s.suppressed));
    }
    line.push('.');
    line
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

/// Lines longer than this (minified or generated YAML) are not shown as snippets:
/// the report would repeat the whole line for every finding on it.
const MAX_SNIPPET_LINE: usize = 2_000;

fn line_length(file: &SourceFile, span: Span) -> usize {
    let line = file.line_col(span.start as usize).line;
    let start = file.line_index.line_start(line).unwrap_or(0);
    let end = file
        .line_index
        .line_start(line + 1)
        .unwrap_or(file.text.len());
    end.saturating_sub(start)
}

struct FindingDiagnostic<'a> {
    finding: &'a Finding,
    source: NamedText<'a>,
    /// Whether to show the source snippet (false for absurdly long lines).
    snippet: bool,
    /// Related locations in other files, shown as notes (a snippet shows one file).
    related: Vec<String>,
}

impl fmt::Debug for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FindingDiagnostic")
            .field("rule", &self.finding.rule)
            .finish()
    }
}

impl fmt::Display for FindingDiagnostic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.finding.message)
    }
}

impl std::error::Error for FindingDiagnostic<'_> {}

impl Diagnostic for FindingDiagnostic<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(format!(
            "{}({})",
            self.finding.rule, self.finding.code
        )))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let mut help = self.finding.help.clone().unwrap_or_default();
        if !self.snippet {
            let p = self
                .source
                .file
                .line_col(self.finding.primary.span.start as usize);
            help = format!(
                "at {}:{}:{} (line too long to show)\n{help}",
                self.source.file.display_path, p.line, p.column
            );
        }
        for note in &self.related {
            if !help.is_empty() {
                help.push('\n');
            }
            help.push_str(note);
        }
        if let Some(s) = &self.finding.suppression {
            if !help.is_empty() {
                help.push('\n');
            }
            help.push_str(&s.to_string());
        }
        (!help.is_empty()).then(|| Box::new(help) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.snippet.then_some(&self.source as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let primary = &self.finding.primary;
        let label = (!primary.message.is_empty()).then(|| primary.message.clone());
        let first = LabeledSpan::new_primary_with_span(label, source_span(primary.span));
        let file = primary.span.file;
        let related = self
            .finding
            .related
            .iter()
            .filter(move |r| r.span.file == file)
            .map(|r| LabeledSpan::new_with_span(Some(r.message.clone()), source_span(r.span)));
        Some(Box::new(std::iter::once(first).chain(related)))
    }
}

fn source_span(span: Span) -> SourceSpan {
    SourceSpan::from((span.start as usize, span.len()))
}

/// The file's text under its display path, for the snippet header. miette splits
/// lines on `\n` only, so a file with old-Mac line ends (a lone `\r`) is shown with
/// them turned into `\n`: same length, so every offset still holds.
struct NamedText<'a> {
    file: &'a SourceFile,
    text: std::borrow::Cow<'a, str>,
}

impl<'a> NamedText<'a> {
    fn new(file: &'a SourceFile) -> Self {
        let bytes = file.text.as_bytes();
        let lone_cr = bytes
            .iter()
            .enumerate()
            .any(|(i, &b)| b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        let text = if lone_cr {
            let mut t = file.text.replace("\r\n", "\u{0}\u{0}");
            t = t.replace('\r', "\n").replace("\u{0}\u{0}", "\r\n");
            std::borrow::Cow::Owned(t)
        } else {
            std::borrow::Cow::Borrowed(file.text.as_str())
        };
        NamedText { file, text }
    }
}

impl SourceCode for NamedText<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let inner =
            self.text
                .as_ref()
                .read_span(span, context_lines_before, context_lines_after)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.file.display_path.clone(),
            inner.data(),
            *inner.span(),
            inner.line(),
            inner.column(),
            inner.line_count(),
        )))
    }
}
