use lashing_rule::{declare_rule, did_you_mean, Context, Report, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports `depends_on`, `links`, `volumes_from`, `network_mode: service:X` and
    /// `extends` (within the same file) naming a service that does not exist.
    /// `required: false` does not excuse a missing service: Compose only uses it to
    /// skip a service that exists but is disabled by the active profiles.
    ///
    /// ## Why is this bad?
    /// Compose refuses the file (`service "api" depends on undefined service
    /// "databse"`). It is usually a typo or a service that was renamed.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   api:
    ///     image: example/api:1.4
    ///     depends_on: [databse]
    ///   database:
    ///     image: postgres:16
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   api:
    ///     image: example/api:1.4
    ///     depends_on: [database]
    ///   database:
    ///     image: postgres:16
    /// ```
    pub struct UndefinedDependency {
        code: "L306",
        name: "undefined-dependency",
        category: Startup,
        severity: Error,
        default_enabled: true,
        fixable: No,
        summary: "A dependency names a service that does not exist",
    }
}

impl Rule for UndefinedDependency {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let model = cx.model();
        let names: Vec<&str> = model.services.iter().map(|s| s.name.as_str()).collect();
        let known: std::collections::HashSet<&str> = names.iter().copied().collect();
        for service in &model.services {
            let edges = service
                .dependencies()
                .map(|e| (e.target, e.kind.attribute()));
            let extends = service
                .extends
                .iter()
                .filter(|e| e.file.is_none())
                .map(|e| (&e.service, "extends"));
            for (target, attribute) in edges.chain(extends) {
                let name = target.as_str();
                if known.contains(name) {
                    continue;
                }
                let help = match did_you_mean(name, names.iter().copied()) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None if names.len() <= 12 => {
                        format!("services in this file: {}", names.join(", "))
                    }
                    None => format!(
                        "no service of the {} in this file has a similar name",
                        names.len()
                    ),
                };
                cx.report(
                    Report::new(
                        target.use_site(),
                        format!(
                            "service `{}` names `{name}` in `{attribute}`, but there is no such service",
                            service.name.value
                        ),
                    )
                    .label("no service with this name")
                    .help(help)
                    .service(service.name.as_str()),
                );
            }
        }
    }
}
