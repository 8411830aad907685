//! Values that remember where they were written.

use lashing_syntax::Span;

/// A value of the model with the span of the node it was read from.
///
/// `via` is the place the value was *used* from when that differs from where it is
/// written: the `*alias` or `<<: *anchor` through which a service got it. Rules report
/// use-site problems there and add "defined here" at `span`.
///
/// Later layers extend provenance without changing rules: the file is in the span,
/// and interpolation will record which `${...}` produced a value.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
    pub via: Option<Span>,
    /// For a string written verbatim in the file (see `Document::text_start`), the
    /// file offset of its first byte, so that a range inside the value (the host of a
    /// URL) has an exact span. `None` when the text was transformed (block scalars,
    /// escapes): sub-ranges then fall back to the whole value.
    pub text_at: Option<u32>,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned {
            value,
            span,
            via: None,
            text_at: None,
        }
    }

    pub fn with_via(mut self, via: Option<Span>) -> Self {
        self.via = via;
        self
    }

    /// Where to report a problem that depends on the service using the value.
    /// The span of `range`, a byte range of the value's text: exact when the text is
    /// verbatim in the file, else the whole value.
    pub fn sub_span(&self, range: std::ops::Range<usize>) -> Span {
        match self.text_at {
            Some(at) => {
                let start = (at - self.span.start) as usize;
                self.span.sub(start + range.start..start + range.end)
            }
            None => self.span,
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
            text_at: self.text_at,
        }
    }
}

impl Spanned<String> {
    pub fn as_str(&self) -> &str {
        &self.value
    }
}

impl<T: std::fmt::Display> std::fmt::Display for Spanned<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.value.fmt(f)
    }
}
