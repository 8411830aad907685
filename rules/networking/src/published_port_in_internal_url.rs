use lashing_graph::{Reachability, Resolution};
use lashing_rule::{declare_rule, Context, Report, Rule, RuleMeta};

use crate::reference_report::{rewritten, service_name, written_host};

declare_rule! {
    /// ## What it does
    /// Reports a URL that reaches service S on port P, where P is a port S publishes
    /// on the host (`ports: ["8080:3000"]`) and not one it listens on inside the
    /// network.
    ///
    /// ## Why is this bad?
    /// Containers talk to each other directly, on the container port. The host port
    /// exists only on the host's interfaces; `http://api:8080` is refused while
    /// `http://localhost:8080` works from the developer's browser, which makes the
    /// mistake easy to make and hard to see.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   web:
    ///     image: example/web:1.0
    ///     environment:
    ///       API_URL: http://api:8080
    ///   api:
    ///     image: example/api:1.0
    ///     ports: ["8080:3000"]
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
    ///     ports: ["8080:3000"]
    /// ```
    pub struct PublishedPortInInternalUrl {
        code: "L204",
        name: "published-port-in-internal-url",
        category: Networking,
        severity: Error,
        default_enabled: true,
        fixable: No,
        summary: "A service is called on its host port instead of its container port",
    }
}

impl Rule for PublishedPortInInternalUrl {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let graph = cx.graph();
        for reference in &graph.references {
            let Resolution::Service {
                target,
                reachability: Reachability::Reachable,
                ..
            } = reference.resolution
            else {
                continue;
            };
            // Only a port written in the value: a scheme's default is not a choice
            // the author made.
            let (Some(port), Some(port_span)) = (reference.endpoint.port, reference.port_span)
            else {
                continue;
            };
            let node = graph.service(target);
            if node.listens_on(port) {
                continue;
            }
            let Some(mapping) = node.published.iter().find(|p| p.published.contains(port)) else {
                continue;
            };
            // Within a range mapping, host port N+k maps to container port M+k.
            let container_port = if mapping.target.is_single() {
                mapping.target.start
            } else {
                mapping
                    .target
                    .start
                    .saturating_add(port - mapping.published.start)
            };
            let target_name = node.name();
            let service = service_name(graph, reference);
            let primary = reference.via().unwrap_or(port_span);
            let mut report = Report::new(
                primary,
                format!(
                    "{} calls `{target_name}` on port {port}, its host port; inside the network `{target_name}` listens on {container_port}",
                    reference.name()
                ),
            )
            .label("host port, not reachable from containers")
            .related(mapping.published_span, format!("{port} is published on the host for container port {container_port}"));
            if reference.via().is_some() {
                report = report.related(port_span, "defined here");
            }
            let help = match rewritten(reference, written_host(reference), Some(container_port)) {
                Some(value) => format!("containers use the container port: `{value}`"),
                None => format!("containers use the container port: {container_port}"),
            };
            cx.report(report.help(help).service(service));
        }
    }
}
