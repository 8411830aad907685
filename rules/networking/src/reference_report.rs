//! Reporting a problem found in a URL-like reference, the same way in every rule:
//! at the host inside the value (or the alias/merge key the value came through,
//! with "defined here" on the definition).

use lashing_graph::{ProjectGraph, Reference};
use lashing_rule::Report;

/// A report at `reference`'s host, with `label` under it.
pub(crate) fn at_host(reference: &Reference<'_>, message: String, label: &str) -> Report {
    let mut report = Report::new(reference.use_site(), message).label(label);
    if reference.via().is_some() {
        report = report.related(reference.host_span, "defined here");
    }
    report
}

/// The host as written in the value (`localhost`, `127.0.0.1`, `[::1]`).
pub(crate) fn written_host<'r>(reference: &'r Reference<'_>) -> &'r str {
    value_of(reference)
        .get(reference.endpoint.host_range.clone())
        .unwrap_or(&reference.endpoint.host)
}

pub(crate) fn value_of<'r>(reference: &'r Reference<'_>) -> &'r str {
    reference
        .variable
        .value
        .as_ref()
        .map_or("", |v| v.value.as_str())
}

/// The value with the host (and, if given, the port) replaced: what to write instead.
/// `None` when the value is long enough that quoting it whole would not help.
pub(crate) fn rewritten(
    reference: &Reference<'_>,
    host: &str,
    port: Option<u16>,
) -> Option<String> {
    let value = value_of(reference);
    if value.len() > 120 {
        return None;
    }
    let host_range = reference.endpoint.host_range.clone();
    let mut out = String::with_capacity(value.len() + host.len());
    out.push_str(value.get(..host_range.start)?);
    out.push_str(host);
    match (port, reference.endpoint.port_range.clone()) {
        (Some(port), Some(range)) if range.start >= host_range.end => {
            out.push_str(value.get(host_range.end..range.start)?);
            out.push_str(&port.to_string());
            out.push_str(value.get(range.end..)?);
        }
        (Some(port), None) => {
            out.push(':');
            out.push_str(&port.to_string());
            out.push_str(value.get(host_range.end..)?);
        }
        _ => out.push_str(value.get(host_range.end..)?),
    }
    Some(out)
}

/// The service's name for messages.
pub(crate) fn service_name<'g>(graph: &'g ProjectGraph<'_>, reference: &Reference<'_>) -> &'g str {
    graph.service(reference.service).name()
}
