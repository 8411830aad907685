use std::collections::HashSet;

use lashing_rule::{declare_rule, Context, Report, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a network declared under the top-level `networks:` that no service
    /// joins. A declared `default` counts as used when a service is on the default
    /// network (it lists no `networks`).
    ///
    /// ## Why is this bad?
    /// It is dead configuration: often the leftover of a rename, or a sign that the
    /// service meant to join it lists another name.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   api:
    ///     image: example/api:1.0
    ///     networks: [backend]
    /// networks:
    ///   backend: {}
    ///   legacy: {}
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   api:
    ///     image: example/api:1.0
    ///     networks: [backend]
    /// networks:
    ///   backend: {}
    /// ```
    pub struct UnusedNetwork {
        code: "L211",
        name: "unused-network",
        category: Networking,
        severity: Info,
        default_enabled: true,
        fixable: No,
        summary: "A declared network that no service joins",
    }
}

impl Rule for UnusedNetwork {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let model = cx.model();
        let mut used: HashSet<&str> = HashSet::new();
        for service in &model.services {
            // A service lists networks even when `network_mode` overrides them
            // (`network-mode-with-networks` reports that): still a use.
            match &service.networks {
                Some((_, list)) if !list.is_empty() => {
                    used.extend(list.iter().map(|n| n.name.as_str()));
                }
                _ if service.on_default_network() && !service.provider => {
                    used.insert("default");
                }
                _ => {}
            }
        }
        for network in &model.networks {
            let name = network.name.as_str();
            if used.contains(name) {
                continue;
            }
            cx.report(
                Report::new(
                    network.name.span,
                    format!("network `{name}` is declared but no service joins it"),
                )
                .label("unused")
                .help(format!(
                    "remove it, or add `{name}` to the `networks` of the services meant to join it"
                )),
            );
        }
    }
}
