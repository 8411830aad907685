use lashing_rule::{declare_rule, Context, Rule, RuleMeta};

use crate::undefined_resource::check_reference;

declare_rule! {
    /// ## What it does
    /// Reports a config that a service lists under `configs:` but the top-level
    /// `configs:` does not declare.
    ///
    /// ## Why is this bad?
    /// Compose refuses the project: `service "web" refers to undefined config x`.
    /// The top-level entry says where the config comes from (`file:`,
    /// `environment:`, `content:`, or `external: true`).
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   web:
    ///     image: nginx:1.27
    ///     configs:
    ///       - app_config
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   web:
    ///     image: nginx:1.27
    ///     configs:
    ///       - app_config
    /// configs:
    ///   app_config:
    ///     file: ./app_config.txt
    /// ```
    pub struct UndefinedConfig {
        code: "L109",
        name: "undefined-config",
        category: Schema,
        severity: Error,
        default_enabled: true,
        fixable: No,
        summary: "A service uses a config the top level does not declare",
    }
}

impl Rule for UndefinedConfig {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let model = cx.model();
        for service in &model.services {
            for used in &service.configs {
                check_reference(
                    cx,
                    service.name.as_str(),
                    &used.source,
                    &model.configs,
                    "config",
                );
            }
        }
    }
}
