//! Inline suppressions: `# lashing: ignore[...]` comments, applied to a run's
//! findings, and `unused-suppression` for the ones that suppress nothing.
//!
//! They are applied over the whole run, not per project: a base file linted under
//! several variants is one file, and a suppression in it is used if any project
//! produced the finding it names.

mod directive;

use std::collections::{HashMap, HashSet};

use lashing_diagnostics::{Finding, Label, Severity, Suppression, SuppressionKind};
use lashing_rule::{declare_rule, did_you_mean, Context, Rule, RuleMeta};
use lashing_syntax::{FileId, SourceMap, Span};

pub use directive::{directives, Directive, Malformed, Parsed, Scope, Selector, MARKER};

use crate::settings::{selects, validate_selector};

declare_rule! {
    /// ## What it does
    /// Reports a `# lashing: ignore[...]` comment that suppresses nothing: the rule
    /// it names found nothing on that line (or in that file), the name is not a
    /// rule, or the comment is not a suppression lashing can read.
    ///
    /// A suppression of a rule that is not enabled in the run is not reported: it
    /// cannot be told apart from one that is needed when the rule runs.
    ///
    /// ## Why is this bad?
    /// Suppressions outlive the problems they hid. A stale one hides the next real
    /// finding of that rule on the same line, and a misspelt one never worked.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   web:
    ///     image: nginx:1.27
    ///     privileged: true  # lashing: ignore[privilegd] needs raw sockets
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   web:
    ///     image: nginx:1.27
    /// ```
    pub struct UnusedSuppression {
        code: "L801",
        name: "unused-suppression",
        category: Suppression,
        severity: Warning,
        default_enabled: true,
        fixable: No,
        summary: "A `# lashing: ignore[...]` comment that suppresses nothing",
    }
}

impl Rule for UnusedSuppression {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    /// The findings come from [`apply`], once the whole run's findings are known;
    /// there is nothing to look at in one project alone.
    fn check(&self, _cx: &mut Context<'_>) {}
}

/// The suppressions of one file, and what the run did with it.
pub struct FileSuppressions {
    pub directives: Vec<Parsed>,
    /// Rules enabled for this file in some project of the run.
    pub enabled: HashSet<&'static str>,
    /// The severity of `unused-suppression` here, when it is enabled.
    pub unused: Option<Severity>,
    pub registry: Vec<&'static dyn Rule>,
    /// The settings of the first project that read the file (for the fail
    /// threshold of its `unused-suppression` findings).
    pub owner: usize,
}

/// A file's directives (by position in its list): those for each line, and the
/// file-wide ones.
type DirectiveIndex = (HashMap<u32, Vec<usize>>, Vec<usize>);

/// Marks the findings that a directive names as suppressed, and returns the
/// `unused-suppression` findings.
pub fn apply(
    files: &mut HashMap<FileId, FileSuppressions>,
    findings: &mut [Finding],
    sources: &SourceMap,
) -> Vec<Finding> {
    // Which directives apply where, per file: by target line, and file-wide. A
    // finding then looks at its own line's directives only (no pass over every
    // directive of the file per finding).
    let mut index: HashMap<FileId, DirectiveIndex> = HashMap::new();
    for (id, file) in files.iter() {
        let (by_line, file_wide) = index.entry(*id).or_default();
        for (i, parsed) in file.directives.iter().enumerate() {
            match parsed {
                Parsed::Directive(d) => match d.scope {
                    Scope::Line(line) => by_line.entry(line).or_default().push(i),
                    Scope::File => file_wide.push(i),
                },
                Parsed::Malformed(_) => {}
            }
        }
    }
    for finding in findings.iter_mut() {
        let span = finding.primary.span;
        let (Some(file), Some((by_line, file_wide))) =
            (files.get_mut(&span.file), index.get(&span.file))
        else {
            continue;
        };
        let Some(source) = sources.get(span.file) else {
            continue;
        };
        let line = source.line_col(span.start as usize).line;
        let Some(meta) = file
            .registry
            .iter()
            .map(|r| r.meta())
            .find(|m| m.code == finding.code)
        else {
            continue;
        };
        let candidates = by_line.get(&line).into_iter().flatten().chain(file_wide);
        for &i in candidates {
            let Some(Parsed::Directive(directive)) = file.directives.get_mut(i) else {
                continue;
            };
            for selector in &mut directive.selectors {
                if selects(meta, &selector.text) {
                    selector.used = true;
                    if finding.suppression.is_none() {
                        finding.suppression = Some(Suppression {
                            kind: SuppressionKind::Inline,
                            reason: directive.reason.clone(),
                        });
                    }
                }
            }
        }
    }
    let mut unused = Vec::new();
    for file in files.values() {
        let Some(severity) = file.unused else {
            continue;
        };
        for parsed in &file.directives {
            match parsed {
                Parsed::Malformed(m) => unused.push(finding(
                    severity,
                    m.span,
                    format!("not a suppression lashing can read: {}", m.message),
                    "write `# lashing: ignore[rule-name] reason`",
                )),
                Parsed::Directive(d) => {
                    for s in d.selectors.iter().filter(|s| !s.used) {
                        if let Some(f) = unused_selector(file, d, s, severity) {
                            unused.push(f);
                        }
                    }
                }
            }
        }
    }
    unused
}

fn unused_selector(
    file: &FileSuppressions,
    directive: &Directive,
    selector: &Selector,
    severity: Severity,
) -> Option<Finding> {
    if let Err(unknown) = validate_selector(&file.registry, &selector.text) {
        let names = file.registry.iter().map(|r| r.meta().name);
        let help = match did_you_mean(&selector.text, names).or(unknown.suggestion.as_deref()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => "`lashing rules` lists the rule names and codes".to_string(),
        };
        return Some(finding(
            severity,
            selector.span,
            format!(
                "`{}` is not a rule name or code, so this suppresses nothing",
                selector.text
            ),
            &help,
        ));
    }
    let enabled = file
        .registry
        .iter()
        .any(|r| file.enabled.contains(r.meta().code) && selects(r.meta(), &selector.text));
    if !enabled {
        return None;
    }
    let (message, help) = match directive.scope {
        Scope::Line(line) => (
            format!("no `{}` finding on line {line} to suppress", selector.text),
            "remove it, or move it to the line the finding is on",
        ),
        Scope::File => (
            format!("no `{}` finding in this file to suppress", selector.text),
            "remove it",
        ),
    };
    Some(finding(severity, selector.span, message, help))
}

fn finding(severity: Severity, span: Span, message: String, help: &str) -> Finding {
    let meta = &UnusedSuppression::META;
    Finding {
        code: meta.code,
        rule: meta.name,
        category: meta.category.as_str(),
        severity,
        message,
        primary: Label {
            span,
            message: String::new(),
        },
        help: Some(help.to_string()),
        related: Vec::new(),
        service: None,
        suppression: None,
    }
}
