//! `--format full`: miette's graphical report (snippet, labels, help) per finding.

use std::fmt;
use std::io::{self, Write};

use lashing_syntax::{SourceFile, Span};
use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};

use super::{position, Report};
use crate::{Finding, Severity};

/// Presentation settings of the full format.
#[derive(Debug, Clone, Copy)]
pub struct FullOptions {
    pub color: bool,
    pub width: usize,
}

impl Default for FullOptions {
    fn default() -> Self {
        FullOptions {
            color: false,
            width: 80,
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
    for finding in report.findings {
        let Some(file) = report.sources.get(finding.primary.span.file) else {
            continue;
        };
        let diagnostic = FindingDiagnostic {
            finding,
            source: NamedText { file },
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
    let s = report.summary;
    if s.findings() == 0 {
        writeln!(
            out,
            "No problems found in {} {}.",
            s.files,
            plural(s.files, "file")
        )
    } else {
        writeln!(
            out,
            "Found {} {} ({} {}, {} {}, {} info) in {} {}.",
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
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}

struct FindingDiagnostic<'a> {
    finding: &'a Finding,
    source: NamedText<'a>,
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
        for note in &self.related {
            if !help.is_empty() {
                help.push('\n');
            }
            help.push_str(note);
        }
        (!help.is_empty()).then(|| Box::new(help) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
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

/// The file's text under its display path, for the snippet header.
struct NamedText<'a> {
    file: &'a SourceFile,
}

impl SourceCode for NamedText<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let inner =
            self.file
                .text
                .as_str()
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
