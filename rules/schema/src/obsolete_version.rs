use lashing_rule::{declare_rule, Context, Report, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports the top-level `version:` key.
    ///
    /// ## Why is this bad?
    /// Compose v2 follows the Compose Specification, which has no file versions:
    /// `version` is ignored and `docker compose` warns that it is obsolete on every
    /// run. It also misleads readers into thinking features are limited to that
    /// version.
    ///
    /// ## Example
    /// ```yaml
    /// version: "3.8"
    /// services:
    ///   web:
    ///     image: nginx:1.27
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   web:
    ///     image: nginx:1.27
    /// ```
    pub struct ObsoleteVersion {
        code: "L103",
        name: "obsolete-version",
        category: Schema,
        severity: Warning,
        default_enabled: true,
        fixable: No,
        summary: "Top-level `version` is obsolete",
    }
}

impl Rule for ObsoleteVersion {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let Some((key, value)) = &cx.model().version else {
            return;
        };
        let span = value.as_ref().map_or(*key, |v| key.cover(v.use_site()));
        let written = value
            .as_ref()
            .map_or(String::new(), |v| format!(" (`{}`)", v.value));
        cx.report(
            Report::new(
                span,
                format!(
                    "`version`{written} is obsolete: Compose ignores it and warns on every run"
                ),
            )
            .help("remove the `version` line; the Compose Specification has no file versions"),
        );
    }
}
