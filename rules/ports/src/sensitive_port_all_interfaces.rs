use lashing_graph::{debug_port, ProjectGraph};
use lashing_rule::{declare_rule, Context, Rule, RuleMeta};

use crate::exposure::{open_ports, OpenPort};

declare_rule! {
    /// ## What it does
    /// Reports a port of a data service (postgres, redis, mongo, ...) or a debugger
    /// port (9229, 9222, 5005, 2345, 5678) published on every interface of the host:
    /// no host IP, `0.0.0.0` or `::`, in short or long syntax.
    ///
    /// ## Why is this bad?
    /// A published port is open to every network the host is on, and Docker inserts
    /// its own firewall rules ahead of the host's (ufw, firewalld), so a "closed"
    /// firewall does not protect it. Databases published this way are found and
    /// emptied by scanners within hours; a debugger port is remote code execution.
    /// Other services of the project do not need the port published at all: they
    /// reach the database over the Compose network.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   db:
    ///     image: postgres:16
    ///     ports:
    ///       - "5432:5432"
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   db:
    ///     image: postgres:16
    ///     ports:
    ///       - "127.0.0.1:5432:5432"
    /// ```
    pub struct SensitivePortAllInterfaces {
        code: "L401",
        name: "sensitive-port-all-interfaces",
        category: Ports,
        severity: Warning,
        default_enabled: true,
        fixable: No,
        summary: "A database or debugger port is published on every interface of the host",
    }
}

impl Rule for SensitivePortAllInterfaces {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let graph = cx.graph();
        for open in open_ports(graph) {
            let Some(what) = sensitivity(graph, &open) else {
                continue;
            };
            let service = graph.service(open.service).name();
            let report = open.report(
                service,
                &what,
                format!(
                    "bind it to loopback with {}, or remove the mapping if only other services need it (they reach `{service}:{}` over the Compose network)",
                    open.loopback_suggestion(),
                    open.port.target.value
                ),
            );
            cx.report(report);
        }
    }
}

/// Why this open port matters: "postgres's port 5432" or "the Node.js inspector
/// (9229)". `None` for an ordinary port.
pub(crate) fn sensitivity(graph: &ProjectGraph<'_>, open: &OpenPort<'_>) -> Option<String> {
    let target = open.port.target.value;
    let node = graph.service(open.service);
    let debugger = (target.start..=target.end)
        .find_map(|p| debug_port(p).map(|what| (p, what)))
        .filter(|(port, _)| !needs_evidence(*port) || runs_a_debugger(node.service));
    if let Some((port, what)) = debugger {
        return Some(format!("{what} (port {port})"));
    }
    let data = graph.service(open.service).data_service?;
    if data.ports.iter().any(|&p| target.contains(p)) {
        Some(format!("{}'s port {target}", data.name))
    } else {
        Some(format!("port {target} of its {} server", data.name))
    }
}

/// 5005, 2345 and 5678 are also ordinary application ports (n8n's UI is 5678):
/// they count as debugger ports only when the service visibly starts a debugger.
fn needs_evidence(port: u16) -> bool {
    matches!(port, 5005 | 2345 | 5678)
}

fn runs_a_debugger(service: &lashing_compose::Service) -> bool {
    const MARKERS: &[&str] = &[
        "debugpy",
        "jdwp",
        "agentlib",
        "dlv",
        "delve",
        "--inspect",
        "ptvsd",
    ];
    let mentions = |text: &str| MARKERS.iter().any(|m| text.contains(m));
    let command_mentions =
        |c: &Option<Box<lashing_compose::Spanned<lashing_compose::Command>>>| match c
            .as_deref()
            .map(|c| &c.value)
        {
            Some(lashing_compose::Command::Shell(s)) => mentions(s.as_str()),
            Some(lashing_compose::Command::Exec(items)) => {
                items.iter().any(|i| mentions(i.as_str()))
            }
            None => false,
        };
    command_mentions(&service.command)
        || command_mentions(&service.entrypoint)
        || service
            .environment
            .iter()
            .any(|v| v.value.as_ref().is_some_and(|x| mentions(x.as_str())))
}
