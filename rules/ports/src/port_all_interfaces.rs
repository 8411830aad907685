use lashing_compose::ports::PortErrorKind;
use lashing_rule::{declare_rule, Context, Report, Rule, RuleMeta};

use crate::exposure::open_ports;
use crate::sensitive_port_all_interfaces::sensitivity;

declare_rule! {
    /// ## What it does
    /// Reports any published port that listens on every interface of the host (no
    /// host IP, `0.0.0.0` or `::`) and is not a database or debugger port (those are
    /// `sensitive-port-all-interfaces`). A mapping whose ports are variables
    /// (`${PORT}:8080`) is reported too: with no host IP, it is published on every
    /// interface whatever the variable becomes. Off by default: a web server usually wants
    /// exactly this; turn it on for projects that run behind a reverse proxy.
    ///
    /// ## Why is this bad?
    /// Docker publishes ports ahead of the host firewall, so every published port is
    /// reachable from every network the host is on. On a developer laptop on café
    /// Wi-Fi, that includes an admin UI or an API without authentication.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   admin:
    ///     image: example/admin:2.1
    ///     ports:
    ///       - "8080:80"
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   admin:
    ///     image: example/admin:2.1
    ///     ports:
    ///       - "127.0.0.1:8080:80"
    /// ```
    pub struct PortAllInterfaces {
        code: "L402",
        name: "port-all-interfaces",
        category: Ports,
        severity: Info,
        default_enabled: false,
        fixable: No,
        summary: "A port is published on every interface of the host",
    }
}

impl Rule for PortAllInterfaces {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let graph = cx.graph();
        for open in open_ports(graph) {
            if sensitivity(graph, &open).is_some() {
                continue;
            }
            let service = graph.service(open.service).name();
            let report = open.report(
                service,
                &format!("container port {}", open.port.target.value),
                format!(
                    "if only this machine needs it, bind it to loopback with {}",
                    open.loopback_suggestion()
                ),
            );
            cx.report(report);
        }
        for service in &cx.model().services {
            for port in &service.ports {
                let Err(error) = &port.value else { continue };
                if error.kind != PortErrorKind::InterpolatedAllInterfaces {
                    continue;
                }
                cx.report(
                    Report::new(
                        port.span,
                        format!(
                            "`{}` publishes a port on every interface of the host (its port numbers are variables, the interface is not)",
                            service.name.value
                        ),
                    )
                    .label("every interface")
                    .help("if only this machine needs it, bind it to loopback: `127.0.0.1:${PORT}:CONTAINER`")
                    .service(service.name.value.clone()),
                );
            }
        }
    }
}
