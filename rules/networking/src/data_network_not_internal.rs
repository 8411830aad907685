use lashing_graph::{Namespace, NetworkNode, ProjectGraph, ServiceId};
use lashing_rule::{declare_rule, Context, Report, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a network declared in the file (not the implicit `default`, not an
    /// `external` one) that carries at least one data service (postgres, redis,
    /// mongo, ...) and is not `internal: true`. Not reported when a service on it
    /// publishes ports and has no other routable network (one without data stores,
    /// the implicit `default`, or an external one): the advice would cut it off.
    ///
    /// ## Why is this bad?
    /// A network that is not internal has a route to the outside world. A data store
    /// needs none: with `internal: true` a compromised database container cannot
    /// download tooling or send data out, and the services that need the internet
    /// keep it through a second network.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   api:
    ///     image: example/api:1.0
    ///     networks: [frontend, backend]
    ///     ports: ["8080:8080"]
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
    ///   api:
    ///     image: example/api:1.0
    ///     networks: [frontend, backend]
    ///     ports: ["8080:8080"]
    ///   db:
    ///     image: postgres:16
    ///     networks: [backend]
    /// networks:
    ///   frontend: {}
    ///   backend:
    ///     internal: true
    /// ```
    pub struct DataNetworkNotInternal {
        code: "L209",
        name: "data-network-not-internal",
        category: Networking,
        severity: Warning,
        default_enabled: true,
        fixable: No,
        summary: "A network that carries a data store can reach the internet",
    }
}

impl Rule for DataNetworkNotInternal {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let graph = cx.graph();
        // Whether each network carries a data store, computed once for all networks.
        let carries_data: Vec<bool> = graph
            .networks
            .iter()
            .map(|n| {
                n.members
                    .iter()
                    .any(|&m| graph.service(m).data_service.is_some())
            })
            .collect();
        for (id, network) in graph.networks.iter().enumerate() {
            let Some(resource) = network.resource else {
                continue;
            };
            if network.name == "default" || resource.internal || resource.external {
                continue;
            }
            let data: Vec<ServiceId> = network
                .members
                .iter()
                .copied()
                .filter(|&s| graph.service(s).data_service.is_some())
                .collect();
            let Some(&first) = data.first() else { continue };
            if needs_routing(graph, network, id, &carries_data) {
                continue;
            }
            let stores: Vec<String> = data
                .iter()
                .map(|&s| {
                    let node = graph.service(s);
                    let kind = node.data_service.map_or("", |d| d.name);
                    if kind == node.name() {
                        format!("`{kind}`")
                    } else {
                        format!("`{}` ({kind})", node.name())
                    }
                })
                .collect();
            let mut report = Report::new(
                resource.name.span,
                format!(
                    "network `{}` carries {} but is not internal, so it has a route to the internet",
                    network.name,
                    and_list(&stores)
                ),
            )
            .label("not `internal: true`")
            .help(format!(
                "add `internal: true` to network `{}`; services that need the internet or publish ports keep it through a second network",
                network.name
            ));
            if let Some(decl) = graph.service(first).service.networks.as_ref() {
                report = report.related(
                    decl.0,
                    format!("`{}` joins it here", graph.service(first).name()),
                );
            }
            cx.report(report);
        }
    }
}

/// Whether making this network internal would cut a service off: a member that
/// publishes ports needs a routable network, and has none besides this one unless
/// it is also on a network this rule leaves alone (no data service on it, the
/// implicit `default`, or an external one).
fn needs_routing(
    graph: &ProjectGraph<'_>,
    network: &NetworkNode<'_>,
    id: usize,
    carries_data: &[bool],
) -> bool {
    network.members.iter().any(|&s| {
        let node = graph.service(s);
        let publishes = node.service.ports.iter().any(|p| p.value.is_ok());
        if node.namespace != Namespace::Own || !publishes {
            return false;
        }
        let has_alternative = node.networks.iter().any(|&other| {
            other != id && {
                let n = &graph.networks[other];
                !n.is_internal()
                    && (n.resource.is_none()
                        || n.name == "default"
                        || n.is_external()
                        || !carries_data[other])
            }
        });
        !has_alternative
    })
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
