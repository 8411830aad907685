use lashing_rule::{declare_rule, Context, Rule, RuleMeta};

use crate::undefined_resource::check_reference;

declare_rule! {
    /// ## What it does
    /// Reports a secret that a service lists under `secrets:` but the top-level
    /// `secrets:` does not declare.
    ///
    /// ## Why is this bad?
    /// Compose refuses the project: `service "web" refers to undefined secret x`.
    /// The top-level entry says where the secret comes from (`file:`,
    /// `environment:`, or `external: true`).
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   web:
    ///     image: nginx:1.27
    ///     secrets:
    ///       - app_secret
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   web:
    ///     image: nginx:1.27
    ///     secrets:
    ///       - app_secret
    /// secrets:
    ///   app_secret:
    ///     file: ./app_secret.txt
    /// ```
    pub struct UndefinedSecret {
        code: "L108",
        name: "undefined-secret",
        category: Schema,
        severity: Error,
        default_enabled: true,
        fixable: No,
        summary: "A service uses a secret the top level does not declare",
    }
}

impl Rule for UndefinedSecret {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let model = cx.model();
        for service in &model.services {
            for used in &service.secrets {
                check_reference(
                    cx,
                    service.name.as_str(),
                    &used.source,
                    &model.secrets,
                    "secret",
                );
            }
        }
    }
}
