use lashing_rule::{declare_rule, did_you_mean, Context, Report, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a service that joins a network not declared under the top-level
    /// `networks:` (`default`, which Compose creates itself, excepted).
    ///
    /// ## Why is this bad?
    /// Compose refuses the file (`service "api" refers to undefined network
    /// backnd`). Usually the name is misspelt, or the declaration was forgotten.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   api:
    ///     image: example/api:1.4
    ///     networks: [backnd]
    /// networks:
    ///   backend: {}
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   api:
    ///     image: example/api:1.4
    ///     networks: [backend]
    /// networks:
    ///   backend: {}
    /// ```
    pub struct UndefinedNetwork {
        code: "L210",
        name: "undefined-network",
        category: Networking,
        severity: Error,
        default_enabled: true,
        fixable: No,
        summary: "A service joins a network that is not declared",
    }
}

impl Rule for UndefinedNetwork {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let model = cx.model();
        let declared: Vec<&str> = model.networks.iter().map(|n| n.name.as_str()).collect();
        for service in &model.services {
            let Some((_, networks)) = &service.networks else {
                continue;
            };
            for network in networks {
                let name = network.name.as_str();
                if name == "default" || declared.contains(&name) {
                    continue;
                }
                let help = match did_you_mean(name, declared.iter().copied()) {
                    Some(close) => format!("did you mean `{close}`? Otherwise declare `{name}` under the top-level `networks:`"),
                    None if declared.is_empty() => format!(
                        "declare it under a top-level `networks:` key (`{name}: {{}}`), or remove it to use the default network"
                    ),
                    None => format!(
                        "declare `{name}` under the top-level `networks:` (declared: {})",
                        declared.join(", ")
                    ),
                };
                cx.report(
                    Report::new(
                        network.name.use_site(),
                        format!(
                            "service `{}` joins network `{name}`, which is not declared",
                            service.name.value
                        ),
                    )
                    .label("undeclared network")
                    .help(help)
                    .service(service.name.as_str()),
                );
            }
        }
    }
}
