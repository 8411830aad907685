use std::collections::HashMap;

use lashing_graph::{Namespace, Resolution};
use lashing_rule::{declare_rule, did_you_mean, edit_distance, Context, Rule, RuleMeta};

use crate::reference_report::{at_host, service_name, written_host};

declare_rule! {
    /// ## What it does
    /// Reports a host name in an environment value that nothing resolves: a single
    /// label (no dot) that is not a service, `container_name`, `hostname` or network
    /// alias of the project, not in the service's `extra_hosts` or `external_links`,
    /// and not `host.docker.internal`. A service on an `external: true` network may
    /// reach containers of other projects, so it is reported only for a near miss of
    /// a name of this project (a typo).
    ///
    /// ## Why is this bad?
    /// Compose's DNS answers only for the names the project defines; the container
    /// fails with "could not translate host name" or `ENOTFOUND` at run time.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   api:
    ///     image: example/api:1.0
    ///     environment:
    ///       REDIS_URL: redis://reddis:6379
    ///   redis:
    ///     image: redis:7
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   api:
    ///     image: example/api:1.0
    ///     environment:
    ///       REDIS_URL: redis://redis:6379
    ///   redis:
    ///     image: redis:7
    /// ```
    pub struct UnknownHost {
        code: "L202",
        name: "unknown-host",
        category: Networking,
        severity: Error,
        default_enabled: true,
        fixable: No,
        summary: "A URL names a host that no service of the project defines",
    }
}

/// Distinct unknown hosts for which a "did you mean" is searched.
const MAX_SUGGESTED_HOSTS: usize = 256;

impl Rule for UnknownHost {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let graph = cx.graph();
        // Suggestions compare a host with every name of the project: computed once
        // per distinct host, and for a bounded number of hosts, so a generated file
        // with thousands of unknown names stays linear.
        let mut suggestions: HashMap<String, Option<&str>> = HashMap::new();
        for reference in &graph.references {
            if reference.resolution != Resolution::Unknown {
                continue;
            }
            let id = reference.service;
            // Only a service with its own stack on Compose networks resolves names
            // through Compose's DNS.
            if !matches!(graph.effective_namespace(id), Namespace::Own) {
                continue;
            }
            let host = written_host(reference);
            let node = graph.service(id);
            let external_link = node.service.external_links.iter().any(|l| {
                l.alias
                    .as_ref()
                    .unwrap_or(&l.service)
                    .value
                    .eq_ignore_ascii_case(host)
            });
            if external_link {
                continue;
            }
            let close = match suggestions.get(host) {
                Some(close) => *close,
                None if suggestions.len() >= MAX_SUGGESTED_HOSTS => None,
                None => {
                    let lower = host.to_ascii_lowercase();
                    let close = did_you_mean(host, graph.all_names())
                        .filter(|c| edit_distance(&c.to_ascii_lowercase(), &lower) <= 2);
                    suggestions.insert(host.to_string(), close);
                    close
                }
            };
            if close.is_none() && graph.on_external_network(id) {
                continue;
            }
            let service = service_name(graph, reference);
            let message = format!(
                "`{host}` in {} is not a service or alias of this project, so `{service}` cannot resolve it",
                reference.name()
            );
            let help = match close {
                Some(name) => format!("did you mean `{name}`?"),
                None => {
                    let names: Vec<&str> = graph.all_names().take(8).collect();
                    format!(
                        "use a service name ({}); for a machine outside the project, use its full DNS name or add it to `extra_hosts`",
                        names.join(", ")
                    )
                }
            };
            cx.report(
                at_host(reference, message, "unknown host")
                    .help(help)
                    .service(service),
            );
        }
    }
}
