//! Reading `# lashing: ignore[...]` comments.
//!
//! ```yaml
//! ports:
//!   - "5432:5432"  # lashing: ignore[sensitive-port-all-interfaces] local dev only
//! # lashing: ignore[obsolete-version]        (applies to the next line)
//! # lashing: ignore-file[undefined-variable] (applies to the whole file)
//! ```
//!
//! Only YAML comments are read (the parser's comment events), so `#` inside a
//! quoted string is never taken for a directive.

use lashing_syntax::yaml::Comment;
use lashing_syntax::{SourceFile, Span};

/// Where a directive applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Findings that start on this line (1-based).
    Line(u32),
    /// Every finding in the file.
    File,
}

/// One rule named in a directive.
#[derive(Debug, Clone)]
pub struct Selector {
    pub text: String,
    pub span: Span,
    /// Whether a finding was suppressed by it.
    pub used: bool,
}

#[derive(Debug, Clone)]
pub struct Directive {
    pub scope: Scope,
    pub selectors: Vec<Selector>,
    pub reason: Option<String>,
}

/// A comment that starts like a directive but is not one.
#[derive(Debug, Clone)]
pub struct Malformed {
    pub span: Span,
    pub message: String,
}

#[derive(Debug, Clone)]
pub enum Parsed {
    Directive(Directive),
    Malformed(Malformed),
}

/// The directives among a file's comments.
/// What every directive starts with, after `#`.
pub const MARKER: &str = "lashing:";

pub fn directives(file: &SourceFile, comments: &[Comment]) -> Vec<Parsed> {
    comments
        .iter()
        .filter_map(|comment| parse(file, comment))
        .collect()
}

fn parse(file: &SourceFile, comment: &Comment) -> Option<Parsed> {
    let start = comment.span.start as usize;
    let end = comment.span.end as usize;
    let whole = file.text.get(start..end)?;
    // The comment's text after `#`, and its offset in the file.
    let body = whole.strip_prefix('#')?;
    let trimmed = body.trim_start();
    let rest = trimmed.strip_prefix(MARKER)?.trim_start();
    // Only a comment that goes on with `ignore` is meant as a directive; any other
    // comment that mentions lashing is left alone.
    if !rest.starts_with("ignore") {
        return None;
    }
    let offset_of = |s: &str| start + (s.as_ptr() as usize - whole.as_ptr() as usize);
    let directive_span = Span::new(comment.span.file, offset_of(rest), end);
    let malformed = |message: &str| {
        Some(Parsed::Malformed(Malformed {
            span: directive_span,
            message: message.to_string(),
        }))
    };
    let (scope_file, after) = if let Some(after) = rest.strip_prefix("ignore-file") {
        (true, after)
    } else if let Some(after) = rest.strip_prefix("ignore") {
        (false, after)
    } else {
        return None;
    };
    let Some(list) = after.strip_prefix('[') else {
        return malformed(
            "a suppression names its rules in brackets: `# lashing: ignore[rule-name]`",
        );
    };
    let Some(close) = list.find(']') else {
        return malformed("the rule list of this suppression has no closing `]`");
    };
    let mut selectors = Vec::new();
    let mut cursor = &list[..close];
    for part in list[..close].split(',') {
        let text = part.trim();
        // Position of this part within the list, found from where the previous
        // one ended (parts can repeat, so `find` on the whole list would not do).
        let at = cursor.find(part).unwrap_or(0);
        let part_start = offset_of(&cursor[at..]) + (part.len() - part.trim_start().len());
        cursor = &cursor[at + part.len()..];
        if text.is_empty() {
            continue;
        }
        selectors.push(Selector {
            text: text.to_string(),
            span: Span::new(comment.span.file, part_start, part_start + text.len()),
            used: false,
        });
    }
    if selectors.is_empty() {
        return malformed("this suppression names no rule: `# lashing: ignore[rule-name]`");
    }
    let reason = list[close + 1..].trim();
    let scope = if scope_file {
        Scope::File
    } else {
        Scope::Line(target_line(file, start))
    };
    Some(Parsed::Directive(Directive {
        scope,
        selectors,
        reason: (!reason.is_empty()).then(|| reason.to_string()),
    }))
}

/// The line a line directive applies to: its own, when it follows code; else the
/// next line that is neither blank nor only a comment (so several directives can
/// be stacked above one line).
fn target_line(file: &SourceFile, comment_start: usize) -> u32 {
    let here = file.line_col(comment_start).line;
    let line_start = file.line_index.line_start(here).unwrap_or(0);
    let before = file.text.get(line_start..comment_start).unwrap_or("");
    if !before.trim().is_empty() {
        return here;
    }
    let mut line = here + 1;
    while let Some(start) = file.line_index.line_start(line) {
        let end = file
            .line_index
            .line_start(line + 1)
            .unwrap_or(file.text.len());
        let text = file.text.get(start..end).unwrap_or("").trim();
        if !text.is_empty() && !text.starts_with('#') {
            return line;
        }
        line += 1;
    }
    here
}

#[cfg(test)]
#[path = "directive_test.rs"]
mod tests;
