use lashing_graph::{Namespace, Resolution};
use lashing_rule::{declare_rule, Context, Rule, RuleMeta};

use crate::reference_report::{at_host, service_name, written_host};

declare_rule! {
    /// ## What it does
    /// Reports a service under `network_mode: host` whose environment names another
    /// service of the project in a URL-like value.
    ///
    /// ## Why is this bad?
    /// A host-network container uses the host's network stack and the host's DNS,
    /// not Compose's: service names do not resolve there. It reaches other services
    /// only through the ports they publish on the host.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   proxy:
    ///     image: nginx:1.27
    ///     network_mode: host
    ///     environment:
    ///       UPSTREAM: http://app:3000
    ///   app:
    ///     image: example/app:1.0
    ///     ports: ["127.0.0.1:3000:3000"]
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   proxy:
    ///     image: nginx:1.27
    ///     network_mode: host
    ///     environment:
    ///       UPSTREAM: http://127.0.0.1:3000
    ///   app:
    ///     image: example/app:1.0
    ///     ports: ["127.0.0.1:3000:3000"]
    /// ```
    pub struct HostNetworkServiceDns {
        code: "L205",
        name: "host-network-service-dns",
        category: Networking,
        severity: Error,
        default_enabled: true,
        fixable: No,
        summary: "A host-network service calls another service by its Compose name",
    }
}

impl Rule for HostNetworkServiceDns {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let graph = cx.graph();
        for reference in &graph.references {
            let Resolution::Service { target, .. } = reference.resolution else {
                continue;
            };
            if !matches!(
                graph.effective_namespace(reference.service),
                Namespace::Host
            ) {
                continue;
            }
            let service = service_name(graph, reference);
            let host = written_host(reference);
            let target_node = graph.service(target);
            let message = format!(
                "`{service}` uses the host's network, where Compose's DNS does not answer: `{host}` in {} does not resolve",
                reference.name()
            );
            let via_host = reference.port().and_then(|p| {
                target_node
                    .published
                    .iter()
                    .find(|m| m.target.contains(p))
                    .map(|m| (p, m))
            });
            let help = match via_host {
                Some((p, mapping)) => {
                    let host_port = mapping.published.start.saturating_add(p - mapping.target.start);
                    let address = match mapping.host_ip {
                        Some(ip) if !ip.is_unspecified() => ip.to_string(),
                        _ => "127.0.0.1".to_string(),
                    };
                    format!(
                        "reach `{}` through the port it publishes on the host: `{address}:{host_port}`",
                        target_node.name()
                    )
                }
                None => format!(
                    "publish a port of `{}` on the host (e.g. on 127.0.0.1) and use `127.0.0.1:<port>`, or remove `network_mode: host` from `{service}`",
                    target_node.name()
                ),
            };
            cx.report(
                at_host(reference, message, "Compose service name")
                    .help(help)
                    .service(service),
            );
        }
    }
}
