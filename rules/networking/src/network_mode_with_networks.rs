use lashing_rule::{declare_rule, Context, Report, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a service that sets both `network_mode` and `networks`.
    ///
    /// ## Why is this bad?
    /// `network_mode` replaces Compose's networking for the container (the host's
    /// stack, none, or another container's), so there is nothing to attach
    /// `networks` to: Compose refuses the file (`service api declares mutually
    /// exclusive network_mode and networks`).
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   proxy:
    ///     image: nginx:1.27
    ///     network_mode: host
    ///     networks: [frontend]
    /// networks:
    ///   frontend: {}
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   proxy:
    ///     image: nginx:1.27
    ///     networks: [frontend]
    /// networks:
    ///   frontend: {}
    /// ```
    pub struct NetworkModeWithNetworks {
        code: "L212",
        name: "network-mode-with-networks",
        category: Networking,
        severity: Error,
        default_enabled: true,
        fixable: No,
        summary: "`network_mode` and `networks` on one service",
    }
}

impl Rule for NetworkModeWithNetworks {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for service in &cx.model().services {
            // compose-go refuses only a non-empty mode with a non-empty list.
            let (Some(mode), Some((networks_key, networks))) =
                (&service.network_mode, &service.networks)
            else {
                continue;
            };
            if networks.is_empty()
                || matches!(&mode.value, lashing_compose::NetworkMode::Other(m) if m.is_empty())
            {
                continue;
            }
            cx.report(
                Report::new(
                    *networks_key,
                    format!(
                        "service `{}` sets both `network_mode: {}` and `networks`; Compose refuses this",
                        service.name.value, mode.value
                    ),
                )
                .label("cannot be combined with network_mode")
                .related(mode.span, "network_mode set here")
                .help("keep `networks` to join Compose networks, or keep `network_mode` and remove `networks`")
                .service(service.name.as_str()),
            );
        }
    }
}
