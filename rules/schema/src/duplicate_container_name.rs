use std::collections::HashMap;

use lashing_rule::{declare_rule, Context, Report, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports services that set the same `container_name`.
    ///
    /// ## Why is this bad?
    /// Container names are unique on a Docker engine: the second container cannot be
    /// created (`Conflict. The container name "/db" is already in use`), so
    /// `docker compose up` fails part way.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   db:
    ///     image: postgres:16
    ///     container_name: db
    ///   db-replica:
    ///     image: postgres:16
    ///     container_name: db
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   db:
    ///     image: postgres:16
    ///     container_name: db
    ///   db-replica:
    ///     image: postgres:16
    ///     container_name: db-replica
    /// ```
    pub struct DuplicateContainerName {
        code: "L104",
        name: "duplicate-container-name",
        category: Schema,
        severity: Error,
        default_enabled: true,
        fixable: No,
        summary: "Two services use the same `container_name`",
    }
}

impl Rule for DuplicateContainerName {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let mut first_use = HashMap::new();
        for service in &cx.model().services {
            let Some(name) = &service.container_name else {
                continue;
            };
            let Some(&(first_service, first_span)) = first_use.get(name.as_str()) else {
                first_use.insert(name.as_str(), (service.name.as_str(), name.span));
                continue;
            };
            cx.report(
                Report::new(
                    name.use_site(),
                    format!(
                        "container name `{}` is also used by service `{}`",
                        name.value, first_service
                    ),
                )
                .label("second container with this name")
                .related(first_span, format!("`{first_service}` uses it here"))
                .help(format!(
                    "give `{}` its own container_name, or remove container_name and let Compose name it",
                    service.name.value
                ))
                .service(service.name.as_str()),
            );
        }
    }
}
