//! What `undefined-volume`, `undefined-secret` and `undefined-config` share: a
//! service names a resource that the top level does not declare.

use lashing_compose::{Resource, Spanned};
use lashing_rule::{did_you_mean, Context, Report};

/// Reports `used` (a resource name a service refers to) unless `declared` has it.
/// `kind` is "volume", "secret" or "config".
pub(crate) fn check_reference(
    cx: &mut Context<'_>,
    service: &str,
    used: &Spanned<String>,
    declared: &[Resource],
    kind: &str,
) {
    let name = used.as_str();
    // An unresolved `${...}` is judged by the interpolation rules.
    if name.is_empty() || name.contains('$') || declared.iter().any(|r| r.name.value == name) {
        return;
    }
    let section = format!("{kind}s");
    let mut report = Report::new(
        used.use_site(),
        format!("service `{service}` uses {kind} `{name}`, which the top-level `{section}:` does not declare"),
    )
    .label(format!("undefined {kind}"))
    .service(service);
    if used.via.is_some() {
        report = report.related(used.span, "defined here");
    }
    let help = match did_you_mean(name, declared.iter().map(|r| r.name.as_str())) {
        Some(close) => {
            format!("did you mean `{close}`? Otherwise declare it: `{section}: {{{name}: {{}}}}`")
        }
        None => format!("declare it at the top level: `{section}:` with a `{name}:` entry"),
    };
    cx.report(report.help(help));
}
