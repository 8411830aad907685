//! What a rule reports.

use lashing_syntax::Span;

/// Ordered: `Info < Warning < Error`, so "at or above the threshold" is `>=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A position with a short message: the primary label or a related location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

/// One problem at one place. Code, name, category and docs link are stamped by the
/// rule context from the rule's metadata; severity is the configured one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: &'static str,
    pub rule: &'static str,
    pub category: &'static str,
    pub severity: Severity,
    /// What is wrong, in the project's terms.
    pub message: String,
    /// Where: the node at fault, with an optional short label.
    pub primary: Label,
    /// How to fix it.
    pub help: Option<String>,
    /// Other places that explain the finding ("first defined here").
    pub related: Vec<Label>,
    /// The service the finding is about, when there is one.
    pub service: Option<String>,
    /// Set when the team accepted the finding (an inline comment, a configured
    /// exception, the baseline): it is counted, never fails the run, and is shown
    /// only on request (`--show-suppressed`) and in SARIF.
    pub suppression: Option<Suppression>,
}

/// Who accepted a finding, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    pub kind: SuppressionKind,
    /// The reason written beside the suppression, when there is one.
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SuppressionKind {
    /// `# lashing: ignore[...]` in the compose file.
    Inline,
    /// `[[lint.exceptions]]` in the configuration.
    Exception,
    /// An entry of the baseline file.
    Baseline,
}

/// "suppressed by inline: local dev only": how every format marks a suppressed
/// finding it shows.
impl std::fmt::Display for Suppression {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "suppressed by {}", self.kind.as_str())?;
        if let Some(reason) = &self.reason {
            write!(f, ": {reason}")?;
        }
        Ok(())
    }
}

impl SuppressionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SuppressionKind::Inline => "inline",
            SuppressionKind::Exception => "exception",
            SuppressionKind::Baseline => "baseline",
        }
    }
}

impl Finding {
    /// The order every output uses: file, position, then rule name.
    pub fn sort_key(&self) -> (u32, u32, u32, &'static str, &str) {
        let s = self.primary.span;
        (s.file.0, s.start, s.end, self.rule, &self.message)
    }
}

/// Counts for the summary line and the JSON `summary` object.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub error: usize,
    pub warning: usize,
    pub info: usize,
    /// Findings suppressed (inline, exception or baseline); not in the counts above.
    pub suppressed: usize,
}

impl Summary {
    pub fn new(files: usize, findings: &[Finding]) -> Self {
        let mut s = Summary {
            files,
            ..Summary::default()
        };
        for f in findings {
            if f.suppression.is_some() {
                s.suppressed += 1;
                continue;
            }
            match f.severity {
                Severity::Error => s.error += 1,
                Severity::Warning => s.warning += 1,
                Severity::Info => s.info += 1,
            }
        }
        s
    }

    pub fn findings(&self) -> usize {
        self.error + self.warning + self.info
    }
}
