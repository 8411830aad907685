use std::collections::HashMap;

use lashing_compose::ports::{PortError, PortErrorKind};
use lashing_rule::Span;
use lashing_rule::{declare_rule, Context, Report, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a `ports` or `expose` entry that Compose rejects: bad syntax, a port
    /// outside 1–65535, a reversed range, host and container ranges of different
    /// lengths, a host IP that is not an address, or a protocol other than tcp, udp
    /// and sctp. Values written with `${...}` are judged after interpolation.
    ///
    /// ## Why is this bad?
    /// `docker compose up` stops with `invalid port` or `Invalid hostPort` before
    /// starting anything.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   web:
    ///     image: nginx:1.27
    ///     ports:
    ///       - "8080:80/tpc"
    ///       - "70000:80"
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   web:
    ///     image: nginx:1.27
    ///     ports:
    ///       - "8080:80/tcp"
    ///       - "7000:80"
    /// ```
    pub struct InvalidPort {
        code: "L404",
        name: "invalid-port",
        category: Ports,
        severity: Error,
        default_enabled: true,
        fixable: No,
        summary: "A port mapping that Compose rejects",
    }
}

impl Rule for InvalidPort {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        // A bad entry shared through an anchor is wrong in itself: one finding at its
        // definition, naming every service that uses it.
        let mut found: Vec<(Span, &PortError, &'static str, Vec<&str>)> = Vec::new();
        let mut index: HashMap<Span, usize> = HashMap::new();
        for service in &cx.model().services {
            let ports = service.ports.iter().map(|p| (p.as_ref_err(), "ports"));
            let exposes = service.expose.iter().map(|e| (e.as_ref_err(), "expose"));
            for ((span, error), attribute) in ports.chain(exposes) {
                let Some(error) = error else { continue };
                if error.kind.is_interpolated() {
                    continue;
                }
                let slot = *index.entry(span).or_insert_with(|| {
                    found.push((span, error, attribute, Vec::new()));
                    found.len() - 1
                });
                found[slot].3.push(service.name.as_str());
            }
        }
        for (span, error, attribute, services) in found {
            let users = match services.as_slice() {
                [one] => format!("`{one}`"),
                many => format!(
                    "{} (shared by {} services)",
                    many.iter()
                        .map(|s| format!("`{s}`"))
                        .collect::<Vec<_>>()
                        .join(", "),
                    many.len()
                ),
            };
            let mut report = Report::new(
                span,
                format!("invalid `{attribute}` entry of {users}: {}", error.message),
            )
            .label(error.kind.to_string())
            .help(help(&error.kind, attribute));
            if let [one] = services.as_slice() {
                report = report.service(*one);
            }
            cx.report(report);
        }
    }
}

/// The span of the part at fault, and the error, of an entry that failed to parse.
trait PortEntry {
    fn as_ref_err(&self) -> (Span, Option<&PortError>);
}

impl<T> PortEntry for lashing_compose::Spanned<Result<T, PortError>> {
    fn as_ref_err(&self) -> (Span, Option<&PortError>) {
        match &self.value {
            Ok(_) => (self.span, None),
            Err(e) => (self.sub_span(e.range.clone()), Some(e)),
        }
    }
}

fn help(kind: &PortErrorKind, attribute: &str) -> String {
    match kind {
        PortErrorKind::Empty if attribute == "expose" => "write a container port, e.g. `3000`".to_string(),
        PortErrorKind::Empty => "write `HOST:CONTAINER` (e.g. `\"8080:80\"`) or just the container port".to_string(),
        PortErrorKind::InvalidNumber | PortErrorKind::OutOfRange => {
            "ports are whole numbers from 1 to 65535 (ranges as `8000-8010`); quote mappings, as `\"8080:80\"`".to_string()
        }
        PortErrorKind::ReversedRange => "write the range from low to high, as `8000-8010`".to_string(),
        PortErrorKind::MismatchedRanges => {
            "give host and container ranges the same length (`8000-8001:3000-3001`), or map a host range to one container port".to_string()
        }
        PortErrorKind::InvalidIp => {
            "the host IP must be an address: `127.0.0.1:8080:80`, or `[::1]:8080:80` for IPv6".to_string()
        }
        PortErrorKind::UnknownProtocol => "the protocol is `tcp` (the default), `udp` or `sctp`".to_string(),
        PortErrorKind::TooManyParts => {
            "`expose` takes container ports only (`3000` or `3000/udp`); to publish a port on the host, use `ports`".to_string()
        }
        PortErrorKind::Interpolated | PortErrorKind::InterpolatedAllInterfaces => String::new(),
    }
}
