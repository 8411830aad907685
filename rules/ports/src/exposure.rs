//! Which published ports listen on every interface of the host, and what to write
//! instead. Shared by the two "all interfaces" rules so they agree on every port.

use lashing_compose::ports::Protocol;
use lashing_compose::{Port, Spanned};
use lashing_graph::{Namespace, ProjectGraph, ServiceId};
use lashing_rule::Report;

/// A port mapping that publishes on all interfaces: no host IP, `0.0.0.0` or `::`.
pub(crate) struct OpenPort<'m> {
    pub service: ServiceId,
    pub port: &'m Port,
    pub item: &'m Spanned<Result<Port, lashing_compose::ports::PortError>>,
}

impl OpenPort<'_> {
    /// The finding both "all interfaces" rules make: `service` publishes `what`,
    /// at the host IP or published port when written (else the item), and at the
    /// use site with "defined here" when the mapping came through an anchor.
    pub fn report(&self, service: &str, what: &str, help: String) -> Report {
        let own = match (&self.port.host_ip, &self.port.published) {
            (Some(ip), _) => ip.span,
            (None, Some(published)) => published.span,
            (None, None) => self.item.span,
        };
        let mut report = Report::new(
            self.item.via.unwrap_or(own),
            format!(
                "`{service}` publishes {what} on every interface of the host (host port {})",
                self.published_text()
            ),
        )
        .label("published on all interfaces")
        .help(help)
        .service(service);
        if self.item.via.is_some() {
            report = report.related(own, "defined here");
        }
        report
    }

    /// "5432", "8000-8010", or "a random port" for an ephemeral host port.
    pub fn published_text(&self) -> String {
        match &self.port.published {
            Some(p) => p.value.to_string(),
            None => "a random port".to_string(),
        }
    }

    /// The same mapping bound to loopback, in the syntax the author used.
    pub fn loopback_suggestion(&self) -> String {
        let port = self.port;
        if port.long_syntax {
            return "host_ip: 127.0.0.1".to_string();
        }
        let published = port
            .published
            .as_ref()
            .map(|p| p.value.to_string())
            .unwrap_or_default();
        let protocol = match port.protocol {
            Protocol::Tcp => String::new(),
            other => format!("/{}", other.as_str()),
        };
        format!("\"127.0.0.1:{published}:{}{protocol}\"", port.target.value)
    }
}

/// Every published port of every service that listens on all interfaces. Services
/// on the host network are skipped: Compose discards their `ports` (see
/// `host-network-ports`).
pub(crate) fn open_ports<'m>(graph: &ProjectGraph<'m>) -> Vec<OpenPort<'m>> {
    let mut open = Vec::new();
    for (id, node) in graph.services.iter().enumerate() {
        if matches!(node.namespace, Namespace::Host) {
            continue;
        }
        for item in &node.service.ports {
            let Ok(port) = &item.value else { continue };
            let all_interfaces = port
                .host_ip
                .as_ref()
                .is_none_or(|ip| ip.value.is_unspecified());
            if all_interfaces {
                open.push(OpenPort {
                    service: id,
                    port,
                    item,
                });
            }
        }
    }
    open
}
