use lashing_compose::NetworkMode;
use lashing_rule::{declare_rule, Context, Report, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports `ports` on a service with `network_mode: host`.
    ///
    /// ## Why is this bad?
    /// A host-network container listens directly on the host's interfaces; the
    /// engine discards port mappings for it ("Published ports are discarded when
    /// using host network mode"). A mapping such as `8080:80` suggests a port that
    /// does not exist: the service is on port 80, on every interface of the host.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   proxy:
    ///     image: nginx:1.27
    ///     network_mode: host
    ///     ports:
    ///       - "8080:80"
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   proxy:
    ///     image: nginx:1.27
    ///     network_mode: host
    /// ```
    pub struct HostNetworkPorts {
        code: "L206",
        name: "host-network-ports",
        category: Networking,
        severity: Warning,
        default_enabled: true,
        fixable: No,
        summary: "`ports` on a host-network service are discarded",
    }
}

impl Rule for HostNetworkPorts {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for service in &cx.model().services {
            let Some(mode) = &service.network_mode else {
                continue;
            };
            if mode.value != NetworkMode::Host {
                continue;
            }
            for item in &service.ports {
                let listens = match &item.value {
                    Ok(port) => format!(
                        "; it listens on port {} of the host directly",
                        port.target.value
                    ),
                    Err(_) => String::new(),
                };
                let mut report = Report::new(
                    item.use_site(),
                    format!(
                        "`{}` uses `network_mode: host`, so this port mapping is discarded{listens}",
                        service.name.value
                    ),
                )
                .label("discarded under network_mode: host")
                .related(mode.span, "host network set here")
                .help("remove the mapping (and the `ports` key); to map ports, drop `network_mode: host` and use a Compose network")
                .service(service.name.as_str());
                if item.via.is_some() {
                    report = report.related(item.span, "defined here");
                }
                cx.report(report);
            }
        }
    }
}
