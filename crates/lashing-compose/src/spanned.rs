//! Values that remember where they were written.

use std::ops::Range;
use std::sync::Arc;

use lashing_syntax::Span;

use crate::interpolation::{Substitution, ValueSource};

/// A value of the model with the span of the node it was read from.
///
/// `via` is the place the value was *used* from when that differs from where it is
/// written: the `*alias` or `<<: *anchor` through which a service got it. Rules report
/// use-site problems there and add "defined here" at `span`.
///
/// The file is in the span (an override file's value points into that file), and
/// `text` records how an interpolated value was produced.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
    pub via: Option<Span>,
    /// How a string value relates to the file's bytes, so that a range inside the
    /// value (the host of a URL) has an exact span.
    pub text: TextOrigin,
}

/// How a string value's text relates to the bytes of its file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum TextOrigin {
    /// Transformed (block scalars, escapes, folding): sub-ranges fall back to the
    /// whole value, which is never wrong.
    #[default]
    Transformed,
    /// Written verbatim (see `Document::text_start`): byte `i` of the value is byte
    /// `at + i` of the file.
    Verbatim(u32),
    /// Produced by interpolating `${...}` references; the value starts at byte
    /// `offset` of the interpolated text (a part of a value, such as the source of
    /// a volume, keeps its whole value's provenance).
    Interpolated {
        text: Arc<InterpolatedText>,
        /// `u32` like every offset in a file (files are far smaller than 4 GiB);
        /// as `usize` it made every spanned value 8 bytes larger.
        offset: u32,
    },
}

/// An interpolated string value: what was written, and what each reference gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterpolatedText {
    /// The authored text (after YAML escapes), with its `${...}`.
    pub raw: String,
    /// Where `raw` starts in the file when it is written verbatim.
    pub raw_at: Option<u32>,
    /// The whole scalar.
    pub span: Span,
    /// Every reference evaluated, in text order (see `interpolation::interpolate`).
    pub substitutions: Vec<Substitution>,
}

impl InterpolatedText {
    /// The file span of a range of `raw` (exact when `raw` is verbatim).
    pub fn raw_span(&self, range: Range<usize>) -> Span {
        match self.raw_at {
            Some(at) => {
                let start = (at - self.span.start) as usize;
                self.span.sub(start + range.start..start + range.end)
            }
            None => self.span,
        }
    }

    /// The file span of `range`, a range of the interpolated value: inside a
    /// substitution, the `${...}` that produced it; inside literal text, that text;
    /// across both, the whole scalar.
    pub fn span_of(&self, range: Range<usize>) -> Span {
        let mut raw_pos = 0;
        let mut out_pos = 0;
        for sub in self.top_level() {
            let literal_out = out_pos..sub.output.start;
            if range.start >= literal_out.start && range.end <= literal_out.end {
                return self.literal_span(raw_pos..sub.range.start, literal_out, range);
            }
            if range.start >= sub.output.start && range.end <= sub.output.end {
                return self.raw_span(sub.range.clone());
            }
            raw_pos = sub.range.end;
            out_pos = sub.output.end;
        }
        let literal_out = out_pos..usize::MAX;
        if range.start >= literal_out.start {
            return self.literal_span(raw_pos..self.raw.len(), literal_out, range);
        }
        self.span
    }

    /// Substitutions not nested in another's argument.
    pub fn top_level(&self) -> impl Iterator<Item = &Substitution> {
        let mut end = 0;
        self.substitutions.iter().filter(move |s| {
            let top = s.range.start >= end;
            if top {
                end = s.range.end;
            }
            top
        })
    }

    /// A literal stretch of `raw` maps byte for byte unless it held `$$` escapes.
    fn literal_span(&self, raw: Range<usize>, out: Range<usize>, range: Range<usize>) -> Span {
        let escapes = self.raw.get(raw.clone()).is_none_or(|t| t.contains("$$"));
        if escapes {
            return self.span;
        }
        let offset = raw.start as isize - out.start as isize;
        let shift = |i: usize| (i as isize + offset).max(0) as usize;
        self.raw_span(shift(range.start)..shift(range.end))
    }

    /// Whether any reference that gave the value came from an operator-less `$V` /
    /// `${V}` of an unset variable (the value is then not what will run).
    pub fn has_unset(&self) -> bool {
        self.substitutions
            .iter()
            .any(|s| s.source == ValueSource::Unset && is_plain_reference(&self.raw, s))
    }
}

/// `$NAME` or `${NAME}` (no operator).
pub fn is_plain_reference(raw: &str, sub: &Substitution) -> bool {
    let written = raw.get(sub.range.clone()).unwrap_or("");
    written.len() == sub.name.len() + 1 || written.len() == sub.name.len() + 3
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned {
            value,
            span,
            via: None,
            text: TextOrigin::Transformed,
        }
    }

    pub fn with_via(mut self, via: Option<Span>) -> Self {
        self.via = via;
        self
    }

    /// Where to report a problem that depends on the service using the value.
    /// The span of `range`, a byte range of the value's text: exact when the text is
    /// verbatim in the file, else the whole value.
    pub fn sub_span(&self, range: Range<usize>) -> Span {
        match &self.text {
            TextOrigin::Verbatim(at) => {
                let start = (at - self.span.start) as usize;
                self.span.sub(start + range.start..start + range.end)
            }
            TextOrigin::Interpolated { text, offset } => {
                let offset = *offset as usize;
                text.span_of(range.start + offset..range.end + offset)
            }
            TextOrigin::Transformed => self.span,
        }
    }

    /// The interpolation that produced the value, if any.
    pub fn interpolation(&self) -> Option<&InterpolatedText> {
        match &self.text {
            TextOrigin::Interpolated { text, .. } => Some(text),
            _ => None,
        }
    }

    pub fn use_site(&self) -> Span {
        self.via.unwrap_or(self.span)
    }

    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Spanned<U> {
        Spanned {
            value: f(self.value),
            span: self.span,
            via: self.via,
            text: self.text,
        }
    }
}

impl Spanned<String> {
    pub fn as_str(&self) -> &str {
        &self.value
    }

    /// A part of the value (`range` of its text), spanned exactly where possible and
    /// keeping the value's provenance.
    pub fn part(&self, range: Range<usize>) -> Spanned<String> {
        let value = self.value.get(range.clone()).unwrap_or("").to_string();
        let text = match &self.text {
            TextOrigin::Verbatim(at) => TextOrigin::Verbatim(at + range.start as u32),
            TextOrigin::Interpolated { text, offset } => TextOrigin::Interpolated {
                text: text.clone(),
                offset: offset + range.start as u32,
            },
            TextOrigin::Transformed => TextOrigin::Transformed,
        };
        Spanned {
            value,
            span: self.sub_span(range),
            via: self.via,
            text,
        }
    }

    /// The span of `range`, a range of [`Self::authored`].
    pub fn authored_span(&self, range: Range<usize>) -> Span {
        match &self.text {
            TextOrigin::Interpolated { text, offset: 0 } => text.raw_span(range),
            _ => self.sub_span(range),
        }
    }

    /// The text as the author wrote it (before interpolation, `$$` still doubled).
    pub fn authored(&self) -> &str {
        match &self.text {
            TextOrigin::Interpolated { text, offset: 0 } => &text.raw,
            _ => &self.value,
        }
    }
}

impl<T: std::fmt::Display> std::fmt::Display for Spanned<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.value.fmt(f)
    }
}
