use lashing_rule::{declare_rule, Context, LoadProblem, Report, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports an `include`, `extends` (with `file:`) or `env_file` that cannot be
    /// followed: the file is missing, is outside the repository, or leads back to
    /// itself (an include or extends cycle); or the service named by `extends` is
    /// not in that file.
    ///
    /// ## Why is this bad?
    /// `docker compose` refuses the project (`env file ... not found`, `include cycle
    /// detected`, `Circular reference`, `cannot extend service`). A path that leaves
    /// the repository only works on the machine that has that file; lashing does not
    /// read outside the repository it lints.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   web:
    ///     image: nginx:1.27
    ///     extends: proxy
    ///   proxy:
    ///     extends: web
    /// ```
    ///
    /// Also reported: `include: [../shared/compose.yaml]` (outside the repository),
    /// `extends: {file: base.yaml, service: webapp}` when `base.yaml` has no `webapp`.
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   proxy:
    ///     image: nginx:1.27
    ///   web:
    ///     extends: proxy
    /// ```
    pub struct BrokenFileReference {
        code: "L111",
        name: "broken-file-reference",
        category: Schema,
        severity: Error,
        default_enabled: true,
        fixable: No,
        summary: "An `include`, `extends` or `env_file` that cannot be followed",
    }
}

impl Rule for BrokenFileReference {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let problems: Vec<_> = cx
            .project()
            .problems
            .iter()
            .filter_map(|p| match p {
                LoadProblem::Reference {
                    span,
                    message,
                    help,
                } => Some((*span, message.clone(), help.clone())),
                LoadProblem::Interpolation(_) => None,
            })
            .collect();
        for (span, message, help) in problems {
            cx.report(Report::new(span, message).help(help));
        }
    }
}
