use lashing_compose::tree::IssueKind;
use lashing_rule::{declare_rule, Context, Report, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports `$NAME` / `${NAME}` (no default) whose variable is not set in the
    /// project's `.env` (or the `--env-file`s), nor in the process environment when
    /// lashing runs with `--use-env`.
    ///
    /// ## Why is this bad?
    /// Compose warns `The "NAME" variable is not set. Defaulting to a blank string.`
    /// and runs with an empty value: an image tag `postgres:` becomes `latest`, a
    /// password becomes empty, a healthcheck `pg_isready -U ${POSTGRES_USER}` checks
    /// nothing. lashing leaves the value as written and judges it no further.
    ///
    /// Variables only the deployment sets are fine when they are declared: give a
    /// default (`${TAG:-1.4}`), require them (`${TAG:?set TAG}`), or list them in a
    /// committed `.env` / `--env-file`.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   db:
    ///     image: "postgres:${PG_VERSION}"
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   db:
    ///     image: "postgres:${PG_VERSION:-16}"
    /// ```
    pub struct UndefinedVariable {
        code: "L502",
        name: "undefined-variable",
        category: Interpolation,
        severity: Warning,
        default_enabled: true,
        fixable: No,
        summary: "`${NAME}` without a default, and NAME is not set: Compose uses an empty string",
    }
}

impl Rule for UndefinedVariable {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let found: Vec<_> = crate::issues(cx, |k| matches!(k, IssueKind::Undefined { .. }))
            .cloned()
            .collect();
        let looked = crate::where_looked(&cx.project().env);
        for issue in found {
            let IssueKind::Undefined { name } = &issue.kind else {
                continue;
            };
            cx.report(
                Report::new(
                    issue.span,
                    format!("`{name}` is {looked}: Compose replaces this with an empty string"),
                )
                .label("empty when Compose runs")
                .help(format!(
                    "set `{name}` in .env, or write a default: `${{{name}:-value}}` (or `${{{name}:?why}}` to require it)"
                )),
            );
        }
    }
}
