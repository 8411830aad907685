//! Output formats. Each renderer writes the whole report at once, in the order of
//! the findings it is given (already sorted by the engine).

mod concise;
mod full;
mod json;

use std::io::{self, Write};

use lashing_syntax::SourceMap;

use crate::{Finding, Summary};

pub use full::FullOptions;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Full,
    Concise,
    Json,
}

impl Format {
    pub const NAMES: &'static [&'static str] = &["full", "concise", "json"];

    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "full" => Some(Format::Full),
            "concise" => Some(Format::Concise),
            "json" => Some(Format::Json),
            _ => None,
        }
    }
}

/// What every renderer gets.
pub struct Report<'a> {
    pub sources: &'a SourceMap,
    pub findings: &'a [Finding],
    pub summary: Summary,
    pub tool_version: &'a str,
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
