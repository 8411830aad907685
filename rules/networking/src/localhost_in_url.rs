use lashing_graph::endpoint::EndpointForm;
use lashing_graph::variables::{is_bind_variable, is_browser_facing, is_public_address_variable};
use lashing_graph::{Namespace, ProjectGraph, Reference, ServiceId};
use lashing_rule::{declare_rule, Context, Rule, RuleMeta};

use crate::reference_report::{at_host, rewritten, service_name, written_host};

declare_rule! {
    /// ## What it does
    /// Reports an environment value that points a connection at `localhost`, a
    /// `127.0.0.0/8` address, `::1` or `0.0.0.0`, in a service with its own network
    /// stack. When a service of the project listens on that port, the help names it.
    ///
    /// Not reported: browser-facing variables (`NEXT_PUBLIC_*`, `VITE_*`,
    /// `REACT_APP_*`...), whose value the user's browser uses; variables that say
    /// where to listen (`HOST`, `BIND*`, `LISTEN*`, `*_LISTEN*`); public addresses
    /// (`*PUBLIC*`, `*EXTERNAL*`, `*ADVERTISED*`, `*ORIGIN*`, `*REDIRECT*`...);
    /// healthcheck tests, which run inside the container; a service's own port when
    /// no other service listens on it; and services under `network_mode: host` or
    /// sharing another container's stack, where `localhost` is the shared stack.
    ///
    /// ## Why is this bad?
    /// Inside a container, `localhost` is the container itself. The API the value
    /// means runs in another container, reachable by its service name, so the
    /// connection is refused at run time, often only on the first request.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   web:
    ///     image: example/web:1.0
    ///     environment:
    ///       API_URL: http://localhost:3000
    ///   api:
    ///     image: example/api:1.0
    ///     expose: ["3000"]
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   web:
    ///     image: example/web:1.0
    ///     environment:
    ///       API_URL: http://api:3000
    ///   api:
    ///     image: example/api:1.0
    ///     expose: ["3000"]
    /// ```
    pub struct LocalhostInUrl {
        code: "L201",
        name: "localhost-in-url",
        category: Networking,
        severity: Error,
        default_enabled: true,
        fixable: No,
        summary: "A URL in a container's environment points at localhost",
    }
}

impl Rule for LocalhostInUrl {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let graph = cx.graph();
        for reference in &graph.references {
            if !reference.endpoint.is_loopback() || !applies(graph, reference) {
                continue;
            }
            // `0.0.0.0` / `::` are "every interface" in a listen address
            // (`ADDRESS=0.0.0.0:8000`); only in a URL are they a destination.
            if reference.endpoint.is_unspecified()
                && (reference.endpoint.form != EndpointForm::Url
                    || names_an_address(reference.name()))
            {
                continue;
            }
            let service = service_name(graph, reference);
            let host = written_host(reference);
            let port = reference.port();
            let others: Vec<ServiceId> = port
                .map(|p| {
                    graph
                        .listeners(p)
                        .into_iter()
                        .filter(|&id| id != reference.service)
                        .collect()
                })
                .unwrap_or_default();
            if let Some(p) = port {
                // Its own port, and nobody else's: the service calling itself (a
                // self-URL), which localhost serves correctly.
                let own = graph.service(reference.service);
                if others.is_empty() && (own.listens_on(p) || own.publishes(p)) {
                    continue;
                }
                // Another service's *host* port that no container listens on: a
                // URL for the browser or the host (a CORS origin, a link), not a
                // connection this container makes.
                let host_side = graph
                    .publishers(p)
                    .into_iter()
                    .any(|id| id != reference.service);
                if others.is_empty() && host_side {
                    continue;
                }
            }
            let mut message = format!(
                "`{host}` in {} points at the `{service}` container itself",
                reference.name()
            );
            let help = match (others.as_slice(), port) {
                ([target], Some(p)) => {
                    let target = graph.service(*target).name();
                    message.push_str(&format!("; port {p} is served by the `{target}` service"));
                    match rewritten(reference, target, reference.endpoint.port.map(|_| p)) {
                        Some(value) => format!("use `{value}`"),
                        None => format!("use the service name: `{target}:{p}`"),
                    }
                }
                ([_, _, ..], Some(p)) => {
                    let names: Vec<String> = others
                        .iter()
                        .map(|&id| format!("`{}`", graph.service(id).name()))
                        .collect();
                    format!(
                        "use the name of the service it means; {} listen on port {p}",
                        names.join(", ")
                    )
                }
                _ => "use the service name of the container that serves it; to reach the host machine, use `host.docker.internal` with `extra_hosts: [\"host.docker.internal:host-gateway\"]`".to_string(),
            };
            cx.report(
                at_host(reference, message, "this container, not another service")
                    .help(help)
                    .service(service),
            );
        }
    }
}

/// Whether a loopback address in this reference is a connection the container
/// makes through its own network stack.
fn applies(graph: &ProjectGraph<'_>, reference: &Reference<'_>) -> bool {
    let name = reference.name();
    if is_browser_facing(name) || is_bind_variable(name) || is_public_address_variable(name) {
        return false;
    }
    // `*_HOSTNAME: localhost` names the container itself (how it announces
    // itself), not a server it calls.
    if reference.endpoint.form == EndpointForm::BareHost
        && name.to_ascii_uppercase().ends_with("HOSTNAME")
    {
        return false;
    }
    let id = reference.service;
    // Host network, a shared stack (`service:`/`container:`), or no network at all:
    // localhost is the stack the neighbours share, or the only thing there is.
    let node = graph.service(id);
    matches!(node.namespace, Namespace::Own) && !node.stack_shared
}

/// `ADDRESS`, `SERVER_ADDR`...: a variable that usually holds a listen address.
fn names_an_address(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    upper.ends_with("ADDR") || upper.ends_with("ADDRESS")
}
