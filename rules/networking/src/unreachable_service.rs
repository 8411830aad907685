use lashing_graph::{NameKind, Namespace, Reachability, Resolution};
use lashing_rule::{declare_rule, Context, Rule, RuleMeta};

use crate::reference_report::{at_host, service_name, written_host};

declare_rule! {
    /// ## What it does
    /// Reports an environment value that names another service (or one of its
    /// aliases) with which the service shares no network. The message lists both
    /// services' networks.
    ///
    /// ## Why is this bad?
    /// Compose networks are isolated from each other: a container resolves and
    /// reaches only the services on its own networks. The name does not resolve and
    /// the connection fails at run time.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   reports:
    ///     image: example/reports:1.0
    ///     networks: [frontend]
    ///     environment:
    ///       DATABASE_URL: postgres://db:5432/app
    ///   db:
    ///     image: postgres:16
    ///     networks: [backend]
    /// networks:
    ///   frontend: {}
    ///   backend: {}
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   reports:
    ///     image: example/reports:1.0
    ///     networks: [frontend, backend]
    ///     environment:
    ///       DATABASE_URL: postgres://db:5432/app
    ///   db:
    ///     image: postgres:16
    ///     networks: [backend]
    /// networks:
    ///   frontend: {}
    ///   backend: {}
    /// ```
    pub struct UnreachableService {
        code: "L203",
        name: "unreachable-service",
        category: Networking,
        severity: Error,
        default_enabled: true,
        fixable: No,
        summary: "A URL names a service that shares no network with the caller",
    }
}

impl Rule for UnreachableService {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let graph = cx.graph();
        for reference in &graph.references {
            let Resolution::Service {
                target,
                kind,
                reachability: Reachability::Unreachable,
            } = reference.resolution
            else {
                continue;
            };
            let from = reference.service;
            // Host-network callers are `host-network-service-dns`'s to report.
            if matches!(graph.effective_namespace(from), Namespace::Host) {
                continue;
            }
            let service = service_name(graph, reference);
            let target_name = graph.service(target).name();
            let host = written_host(reference);
            let called = if host.eq_ignore_ascii_case(target_name) {
                format!("`{target_name}`")
            } else {
                format!("`{host}` (`{target_name}`)")
            };
            if graph.share_network(from, target) {
                // They share a network, but the name is scoped elsewhere: an alias
                // given on another network, or a link alias of another service.
                let scope = match kind {
                    NameKind::LinkAlias => "a link alias that another service defines".to_string(),
                    _ => format!("an alias of `{target_name}` on a network `{service}` is not on"),
                };
                cx.report(
                    at_host(
                        reference,
                        format!("`{service}` cannot resolve `{host}`: it is {scope} ({service}: {})", graph.network_names(from)),
                        "alias not defined on this service's networks",
                    )
                    .help(format!("use `{target_name}`, which resolves on every network `{target_name}` shares with `{service}`, or add the alias on such a network"))
                    .service(service),
                );
                continue;
            }
            let message = format!(
                "`{service}` cannot reach {called}: they share no network ({service}: {}; {target_name}: {})",
                graph.network_names(from),
                graph.network_names(target)
            );
            let help = match (graph.networks_of(target).first(), graph.effective_namespace(from)) {
                (Some(&network), Namespace::Own) => format!(
                    "add `{}` to the `networks` of `{service}`, or attach `{target_name}` to a network `{service}` is on",
                    graph.networks[network].name
                ),
                _ => format!("attach `{service}` and `{target_name}` to a common network"),
            };
            cx.report(
                at_host(reference, message, "not on any network of this service")
                    .help(help)
                    .service(service),
            );
        }
    }
}
