use lashing_graph::{Namespace, Resolution};
use lashing_rule::{declare_rule, Context, Rule, RuleMeta};

use crate::reference_report::{at_host, service_name};

declare_rule! {
    /// ## What it does
    /// Reports `host.docker.internal` in a service's environment when the service
    /// has no `extra_hosts` entry for it (`"host.docker.internal:host-gateway"`).
    /// One finding per service, at the first use.
    ///
    /// ## Why is this bad?
    /// Docker Desktop (macOS, Windows) defines `host.docker.internal`; a Linux engine
    /// does not. The file works on the laptop and fails on the CI runner or server
    /// with "Name or service not known".
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   api:
    ///     image: example/api:1.0
    ///     environment:
    ///       OLLAMA_URL: http://host.docker.internal:11434
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   api:
    ///     image: example/api:1.0
    ///     environment:
    ///       OLLAMA_URL: http://host.docker.internal:11434
    ///     extra_hosts:
    ///       - "host.docker.internal:host-gateway"
    /// ```
    pub struct HostDockerInternalWithoutHostGateway {
        code: "L208",
        name: "host-docker-internal-without-host-gateway",
        category: Networking,
        severity: Warning,
        default_enabled: true,
        fixable: No,
        summary: "`host.docker.internal` is used without an `extra_hosts` host-gateway entry",
    }
}

impl Rule for HostDockerInternalWithoutHostGateway {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let graph = cx.graph();
        let mut reported = vec![false; graph.services.len()];
        for reference in &graph.references {
            let id = reference.service;
            if reference.resolution != Resolution::DockerHost
                || !reference
                    .endpoint
                    .host
                    .eq_ignore_ascii_case("host.docker.internal")
                || reported[id]
            {
                continue;
            }
            // A shared stack uses its owner's hosts file; unknown modes are not judged.
            if matches!(
                graph.service(id).namespace,
                Namespace::SharedWith(_) | Namespace::Opaque
            ) {
                continue;
            }
            reported[id] = true;
            let service = service_name(graph, reference);
            cx.report(
                at_host(
                    reference,
                    format!(
                        "`host.docker.internal` in {} resolves on Docker Desktop only; on a Linux engine `{service}` cannot resolve it",
                        reference.name()
                    ),
                    "defined by Docker Desktop only",
                )
                .help(format!(
                    "add `extra_hosts: [\"host.docker.internal:host-gateway\"]` to `{service}`"
                ))
                .service(service),
            );
        }
    }
}
