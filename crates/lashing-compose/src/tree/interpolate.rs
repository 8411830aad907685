//! Interpolation of a whole tree, as compose-go does it after parsing each file:
//! every string value (never a key), in lists and `x-` extensions too.

use std::collections::HashMap;
use std::sync::Arc;

use lashing_syntax::yaml::ScalarValue;
use lashing_syntax::Span;

use super::{Node, Value};
use crate::interpolation::{interpolate, InterpolationError, ValueSource};
use crate::spanned::{is_plain_reference, InterpolatedText, TextOrigin};

/// Looks a variable up: `None` is unset, which differs from `Some("")`.
pub type Lookup<'a> = &'a dyn Fn(&str) -> Option<String>;

/// A problem interpolation met, at the `${...}` concerned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterpolationIssue {
    pub kind: IssueKind,
    /// The reference (exact when the scalar is written verbatim, else the scalar).
    pub span: Span,
    /// The scalar holding it.
    pub scalar: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IssueKind {
    /// A `${` Compose cannot read; `docker compose` refuses the file.
    Invalid { message: String },
    /// `$V` / `${V}` of a variable that is not set: Compose uses "".
    Undefined { name: String },
    /// `${V:?why}` / `${V?why}` of an unset variable: Compose refuses to run.
    RequiredUnset { name: String, message: String },
}

/// One `${...}` that was evaluated: where, and what it gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubstitutionSite {
    pub span: Span,
    pub name: String,
    pub source: ValueSource,
    /// The text it produced.
    pub value: String,
}

/// Interpolates every string value under `root` in place.
///
/// A value Compose would run with is replaced by its interpolation, which records
/// its provenance ([`TextOrigin::Interpolated`]). A value whose interpolation fails,
/// or that uses a plain reference to an unset variable, keeps its authored text:
/// what it will be at run time is not known here, and rules leave `${...}` alone
/// rather than judge an empty string. Each such problem is returned as an issue.
pub fn interpolate_tree(
    root: &mut Node,
    lookup: Lookup<'_>,
    issues: &mut Vec<InterpolationIssue>,
    sites: &mut Vec<SubstitutionSite>,
) {
    // A value written once and used many times (an anchor merged into every
    // service) is interpolated once: each copy has the same text and the same
    // variables, so the same result. Its issues and sites are recorded once, at
    // the written span; the copies share the provenance.
    let mut done: HashMap<Span, Option<(String, Arc<InterpolatedText>)>> = HashMap::new();
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        let span = node.span;
        match &mut node.value {
            Value::Scalar(scalar) => {
                if scalar.kind != ScalarValue::String || !scalar.text.contains('$') {
                    continue;
                }
                match done.get(&span) {
                    Some(Some((value, text))) => {
                        scalar.text.clone_from(value);
                        scalar.origin = TextOrigin::Interpolated {
                            text: Arc::clone(text),
                            offset: 0,
                        };
                        continue;
                    }
                    // Left as written (a failure, or an unset variable): reported once.
                    Some(None) => continue,
                    None => {}
                }
                let raw_at = match scalar.origin {
                    TextOrigin::Verbatim(at) => Some(at),
                    _ => None,
                };
                let mut text = InterpolatedText {
                    raw: scalar.text.clone(),
                    raw_at,
                    span,
                    substitutions: Vec::new(),
                };
                match interpolate(&scalar.text, lookup) {
                    Ok(result) => {
                        text.substitutions = result.substitutions;
                        record(&text, &result.value, issues, sites);
                        if text.has_unset() {
                            done.insert(span, None);
                        } else {
                            let text = Arc::new(text);
                            done.insert(span, Some((result.value.clone(), Arc::clone(&text))));
                            scalar.text = result.value;
                            scalar.origin = TextOrigin::Interpolated { text, offset: 0 };
                        }
                    }
                    Err(error) => {
                        done.insert(span, None);
                        let kind = match &error {
                            InterpolationError::Invalid(invalid) => IssueKind::Invalid {
                                message: invalid.message.clone(),
                            },
                            InterpolationError::Required { name, message, .. } => {
                                IssueKind::RequiredUnset {
                                    name: name.clone(),
                                    message: message.clone(),
                                }
                            }
                        };
                        issues.push(InterpolationIssue {
                            kind,
                            span: text.raw_span(error.range()),
                            scalar: span,
                        });
                    }
                }
            }
            Value::Sequence(items) => stack.extend(items.iter_mut()),
            Value::Mapping(entries) => stack.extend(entries.iter_mut().map(|e| &mut e.value)),
        }
    }
}

fn record(
    text: &InterpolatedText,
    value: &str,
    issues: &mut Vec<InterpolationIssue>,
    sites: &mut Vec<SubstitutionSite>,
) {
    for sub in &text.substitutions {
        let span = text.raw_span(sub.range.clone());
        if sub.source == ValueSource::Unset && is_plain_reference(&text.raw, sub) {
            issues.push(InterpolationIssue {
                kind: IssueKind::Undefined {
                    name: sub.name.clone(),
                },
                span,
                scalar: text.span,
            });
        }
        sites.push(SubstitutionSite {
            span,
            name: sub.name.clone(),
            source: sub.source,
            value: value.get(sub.output.clone()).unwrap_or("").to_string(),
        });
    }
}

#[cfg(test)]
#[path = "interpolate_test.rs"]
mod tests;
