use lashing_compose::tree::IssueKind;
use lashing_rule::{declare_rule, Context, Report, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a `${` that Compose cannot read: `${}`, `${ NAME}`, `${NAME }`,
    /// `${NAME!}`, `${A.B}`, an unclosed `${`, and the other forms compose-go rejects.
    ///
    /// ## Why is this bad?
    /// `docker compose` refuses the whole file: `invalid interpolation format for
    /// services.web.environment.URL. You may need to escape any $ with another $.`
    /// A literal `$` (in a password, a shell command) must be written `$$`.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   web:
    ///     image: nginx:1.27
    ///     environment:
    ///       GREETING: "${ USER}"
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   web:
    ///     image: nginx:1.27
    ///     environment:
    ///       GREETING: "${USER}"
    /// ```
    pub struct InvalidInterpolation {
        code: "L501",
        name: "invalid-interpolation",
        category: Interpolation,
        severity: Error,
        default_enabled: true,
        fixable: No,
        summary: "A `${...}` that Compose cannot read: it refuses the file",
    }
}

impl Rule for InvalidInterpolation {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let found: Vec<_> = crate::issues(cx, |k| matches!(k, IssueKind::Invalid { .. }))
            .cloned()
            .collect();
        for issue in found {
            let IssueKind::Invalid { message } = &issue.kind else {
                continue;
            };
            cx.report(
                Report::new(issue.span, format!("invalid interpolation: {message}"))
                    .label("Compose cannot read this")
                    .help("write `${NAME}`, `${NAME:-default}` or `${NAME:?message}`; write `$$` for a literal `$`"),
            );
        }
    }
}
