use std::net::IpAddr;

use lashing_compose::ports::{PortRange, Protocol};
use lashing_compose::Service;
use lashing_graph::Namespace;
use lashing_rule::Span;
use lashing_rule::{declare_rule, Context, Report, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports two port mappings, in one service or in two, that publish the same
    /// host port for the same protocol on the same address: equal ports, overlapping
    /// ranges, or all interfaces (`0.0.0.0`, no host IP) against a specific address.
    /// Services whose profiles never run together are not compared.
    ///
    /// ## Why is this bad?
    /// The engine gives the port to the first container and fails the second with
    /// `Bind for 0.0.0.0:8080 failed: port is already allocated`.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   web:
    ///     image: nginx:1.27
    ///     ports: ["8080:80"]
    ///   admin:
    ///     image: example/admin:2.1
    ///     ports: ["8080:3000"]
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   web:
    ///     image: nginx:1.27
    ///     ports: ["8080:80"]
    ///   admin:
    ///     image: example/admin:2.1
    ///     ports: ["8081:3000"]
    /// ```
    pub struct DuplicateHostPort {
        code: "L403",
        name: "duplicate-host-port",
        category: Ports,
        severity: Error,
        default_enabled: true,
        fixable: No,
        summary: "Two mappings publish the same host port",
    }
}

/// One fixed host port (or range) a service publishes.
struct Binding<'m> {
    service: &'m Service,
    host_ip: Option<IpAddr>,
    ports: PortRange,
    protocol: Protocol,
    /// The published port as written, and the use site when it came through an anchor.
    span: Span,
    via: Option<Span>,
}

impl Rule for DuplicateHostPort {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let graph = cx.graph();
        let mut bindings = Vec::new();
        for node in &graph.services {
            // Compose discards the ports of host-network services.
            if matches!(node.namespace, Namespace::Host) {
                continue;
            }
            for item in &node.service.ports {
                let Ok(port) = &item.value else { continue };
                let Some(published) = &port.published else {
                    continue;
                };
                bindings.push(Binding {
                    service: node.service,
                    host_ip: port.host_ip.as_ref().map(|ip| ip.value),
                    ports: published.value,
                    protocol: port.protocol,
                    span: published.span,
                    via: item.via,
                });
            }
        }
        // Sort by protocol and first port, then compare each binding with the ones
        // that start before it ends: linear for the usual disjoint ports.
        bindings.sort_by_key(|b| {
            (
                b.protocol.as_str(),
                b.ports.start,
                b.span.file,
                b.span.start,
            )
        });
        let mut reported = vec![false; bindings.len()];
        for i in 0..bindings.len() {
            for j in i + 1..bindings.len() {
                let (a, b) = (&bindings[i], &bindings[j]);
                if b.protocol != a.protocol || b.ports.start > a.ports.end {
                    break;
                }
                if reported[j]
                    || !addresses_clash(a.host_ip, b.host_ip)
                    || !may_run_together(a.service, b.service)
                {
                    continue;
                }
                // Report the later one in the file; point back at the first.
                let (first, second) = if (a.span.file, a.span.start) <= (b.span.file, b.span.start)
                {
                    (a, b)
                } else {
                    (b, a)
                };
                reported[j] = true;
                cx.report(report(first, second));
            }
        }
    }
}

fn report(first: &Binding<'_>, second: &Binding<'_>) -> Report {
    let overlap = PortRange {
        start: first.ports.start.max(second.ports.start),
        end: first.ports.end.min(second.ports.end),
    };
    let specific = [first.host_ip, second.host_ip]
        .into_iter()
        .flatten()
        .find(|ip| !ip.is_unspecified());
    let address = match specific {
        Some(ip) => ip.to_string(),
        None => "all interfaces".to_string(),
    };
    let who = if first.service.name.value == second.service.name.value {
        format!("`{}` publishes it twice", second.service.name.value)
    } else {
        format!(
            "`{}` and `{}` both publish it",
            first.service.name.value, second.service.name.value
        )
    };
    let ports = if overlap.is_single() { "port" } else { "ports" };
    let mut report = Report::new(
        second.via.unwrap_or(second.span),
        format!(
            "host {ports} {overlap}/{} on {address} is already published: {who}",
            second.protocol.as_str()
        ),
    )
    .label("already allocated")
    .related(first.via.unwrap_or(first.span), format!("first published by `{}`", first.service.name.value))
    .help("Compose starts the first container and fails the second with \"port is already allocated\": give one of them another host port")
    .service(second.service.name.as_str());
    if let Some(via) = second.via {
        if via != second.span {
            report = report.related(second.span, "defined here");
        }
    }
    report
}

/// Two bindings clash when one listens on all interfaces (no host IP: both
/// families) or on the wildcard of the other's family, or both name one address.
fn addresses_clash(a: Option<IpAddr>, b: Option<IpAddr>) -> bool {
    match (a, b) {
        (None, _) | (_, None) => true,
        (Some(a), Some(b)) => {
            a == b || (a.is_ipv4() == b.is_ipv4() && (a.is_unspecified() || b.is_unspecified()))
        }
    }
}

/// Services run together unless each is limited to profiles the other never has.
fn may_run_together(a: &Service, b: &Service) -> bool {
    if a.profiles.is_empty() || b.profiles.is_empty() {
        return true;
    }
    a.profiles
        .iter()
        .any(|p| b.profiles.iter().any(|q| q.value == p.value))
}
