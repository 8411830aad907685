use lashing_rule::{
    declare_rule, did_you_mean, excerpt, Context, PerDefinition, Report, Rule, RuleMeta,
};

declare_rule! {
    /// ## What it does
    /// Reports a `restart` value the engine does not know: anything but `no`,
    /// `always`, `unless-stopped`, `on-failure` and `on-failure:N`; and a
    /// `deploy.restart_policy.condition` other than `none`, `on-failure` and `any`.
    ///
    /// ## Why is this bad?
    /// `docker compose config` accepts any string here; the engine rejects it only
    /// when it creates the container (`invalid restart policy`), so the mistake
    /// surfaces at deploy time. A policy that does not apply also leaves a crashed
    /// service down.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   app:
    ///     image: example/app:1.4
    ///     restart: unless_stopped
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   app:
    ///     image: example/app:1.4
    ///     restart: unless-stopped
    /// ```
    ///
    /// ## References
    /// - CIS Docker Benchmark v1.6.0, 5.15: ensure that the `on-failure` container restart policy is set to 5 (a bounded policy).
    pub struct InvalidRestart {
        code: "L621",
        name: "invalid-restart",
        category: Security,
        severity: Error,
        default_enabled: true,
        fixable: No,
        summary: "The restart policy is not one the engine accepts",
    }
}

const POLICIES: &[&str] = &["no", "always", "unless-stopped", "on-failure"];
const CONDITIONS: &[&str] = &["none", "on-failure", "any"];

impl Rule for InvalidRestart {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let mut found = PerDefinition::new();
        for service in crate::containers(cx) {
            let runtime = &service.runtime;
            let checks = [
                (runtime.restart.as_ref(), "restart", POLICIES),
                (
                    runtime.restart_condition.as_ref(),
                    "restart_policy.condition",
                    CONDITIONS,
                ),
            ];
            for (value, attribute, valid) in checks {
                let Some(value) = value else {
                    continue;
                };
                let text = value.value.trim();
                // A boolean (`restart: false`) is a type error `schema-violation`
                // reports; an unresolved variable is judged once it has a value.
                if text.contains('$') || matches!(text, "true" | "false") || is_valid(text, valid) {
                    continue;
                }
                let shown = excerpt(text);
                found.add(value.span, value.via, &service.name.value, || {
                    let dashed = text.replace('_', "-").to_ascii_lowercase();
                    let suggestion = if is_valid(&dashed, valid) {
                        Some(dashed.as_str())
                    } else {
                        did_you_mean(&dashed, valid.iter().copied())
                    };
                    let help = match suggestion {
                        Some(suggestion) => format!("did you mean `{suggestion}`?"),
                        None => format!("use one of {}", valid.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(", ")),
                    };
                    Report::new(
                        value.span,
                        if attribute == "restart" {
                            format!("`restart: {shown}` is not a policy the engine knows: the container fails to be created")
                        } else {
                            format!("`restart_policy.condition: {shown}` is not a condition Compose knows (`none`, `on-failure`, `any`): the service does not restart as this says")
                        },
                    )
                    .label("unknown policy")
                    .help(help)
                });
            }
        }
        found.report_all(cx);
    }
}

fn is_valid(text: &str, valid: &[&str]) -> bool {
    if valid.contains(&text) {
        return true;
    }
    // `on-failure:N`, N a non-negative count of retries (restart only).
    match text.strip_prefix("on-failure:") {
        Some(count) => {
            valid == POLICIES && !count.is_empty() && count.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}
