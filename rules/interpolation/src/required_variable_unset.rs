use lashing_compose::tree::IssueKind;
use lashing_rule::{declare_rule, Context, Report, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports `${NAME:?message}` / `${NAME?message}` whose variable is not set for
    /// this run (not in `.env` / `--env-file`, nor the environment with `--use-env`).
    ///
    /// ## Why is this bad?
    /// It is not: requiring a variable is the right way to make a deployment set it.
    /// The finding (info) says that `docker compose` run here, as is, would stop with
    /// `required variable NAME is missing a value`. lashing keeps the value as
    /// written and judges it no further.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   api:
    ///     image: "registry.example.com/api:${API_TAG:?set API_TAG}"
    /// ```
    ///
    /// ## Use instead
    /// Set the variable where lashing can see it (`.env`, `--env-file`, or the
    /// environment with `--use-env`), or ignore this rule for deploy-time variables.
    /// ```yaml
    /// services:
    ///   api:
    ///     image: "registry.example.com/api:${API_TAG:-1.4.2}"
    /// ```
    pub struct RequiredVariableUnset {
        code: "L503",
        name: "required-variable-unset",
        category: Interpolation,
        severity: Info,
        default_enabled: true,
        fixable: No,
        summary: "`${NAME:?...}` and NAME is not set: Compose would stop here",
    }
}

impl Rule for RequiredVariableUnset {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let found: Vec<_> = crate::issues(cx, |k| matches!(k, IssueKind::RequiredUnset { .. }))
            .cloned()
            .collect();
        let looked = crate::where_looked(&cx.project().env);
        for issue in found {
            let IssueKind::RequiredUnset { name, message } = &issue.kind else {
                continue;
            };
            cx.report(
                Report::new(
                    issue.span,
                    format!("`{name}` is {looked}: Compose would stop with \"{message}\""),
                )
                .label("required here")
                .help(format!(
                    "set `{name}` in .env or pass `--env-file`/`--use-env` so lashing sees the value the deployment uses"
                )),
            );
        }
    }
}
