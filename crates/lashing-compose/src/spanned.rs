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
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned {
            value,
            span,
            via: None,
        }
    }

    pub fn with_via(mut self, via: Option<Span>) -> Self {
        self.via = via;
        self
    }

    /// Where to report a problem that depends on the service using the value.
    pub fn use_site(&self) -> Span {
        self.via.unwrap_or(self.span)
    }

    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Spanned<U> {
        Spanned {
            value: f(self.value),
            span: self.span,
            via: self.via,
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
