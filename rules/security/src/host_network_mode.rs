use lashing_compose::NetworkMode;
use lashing_rule::{declare_rule, Context, PerDefinition, Report, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports `network_mode: host`. An informational finding: some services
    /// (DHCP, mDNS, Home Assistant discovery, network monitors) need it.
    ///
    /// ## Why is this bad?
    /// The container shares the host's network stack: every port it opens is open
    /// on the host's interfaces, it can bind any host address, reach services the
    /// host keeps on loopback, and no Compose network isolates it.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   web:
    ///     image: nginx:1.27
    ///     network_mode: host
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   web:
    ///     image: nginx:1.27
    ///     ports:
    ///       - "127.0.0.1:8080:80"
    /// ```
    ///
    /// ## References
    /// - OWASP Docker Security Cheat Sheet, rule 5: be mindful of inter-container connectivity.
    /// - CIS Docker Benchmark v1.6.0, 5.10: ensure that the host's network namespace is not shared.
    pub struct HostNetworkMode {
        code: "L610",
        name: "host-network-mode",
        category: Security,
        severity: Info,
        default_enabled: true,
        fixable: No,
        summary: "The container shares the host's network stack",
    }
}

impl Rule for HostNetworkMode {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let mut found = PerDefinition::new();
        for service in crate::containers(cx) {
            let Some(mode) = &service.network_mode else {
                continue;
            };
            if mode.value != NetworkMode::Host {
                continue;
            }
            found.add(mode.span, mode.via, &service.name.value, || {
                Report::new(
                    mode.span,
                    "`network_mode: host` shares the host's network stack: every port the container opens is open on the host, and it reaches what the host keeps on loopback",
                )
                .label("host network")
                .help("remove `network_mode: host` and publish the ports the service needs (`ports: [\"127.0.0.1:8080:80\"]`), unless it needs the host's network (DHCP, mDNS discovery)")
            });
        }
        found.report_all(cx);
    }
}
