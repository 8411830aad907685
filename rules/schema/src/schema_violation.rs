use lashing_rule::{declare_rule, Context, Report, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Checks every compose file of the project against the Compose Specification
    /// (the JSON schema compose-go validates with): keys allowed at each level, value
    /// types, enumerations, required keys, name patterns, ranges and unique items.
    /// Every violation is reported at its own node; a misspelt key gets "did you
    /// mean" from the keys allowed there.
    ///
    /// Values are checked after interpolation, as Compose does, and a string that
    /// Compose casts (`"8080"` where a number is expected) is accepted; an unresolved
    /// `${VAR}` is left to the interpolation rules.
    ///
    /// ## Why is this bad?
    /// `docker compose` refuses the file (`additional properties 'heathcheck' not
    /// allowed`), or, for a misspelt optional key in a tool that does not validate,
    /// silently ignores the setting you meant.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   web:
    ///     image: nginx:1.27
    ///     heathcheck:
    ///       test: ["CMD", "curl", "-f", "http://localhost/"]
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   web:
    ///     image: nginx:1.27
    ///     healthcheck:
    ///       test: ["CMD", "curl", "-f", "http://localhost/"]
    /// ```
    pub struct SchemaViolation {
        code: "L106",
        name: "schema-violation",
        category: Schema,
        severity: Error,
        default_enabled: true,
        fixable: No,
        summary: "The file breaks the Compose Specification",
    }
}

impl Rule for SchemaViolation {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let project = cx.project();
        for document in &project.documents {
            // A document cut short by the expansion budget is `yaml-syntax`'s
            // finding; what is missing from it is not the author's mistake.
            let cut_short = project.file(document.file).is_some_and(|f| {
                f.tree_errors
                    .iter()
                    .any(|e| !matches!(e, lashing_compose::tree::TreeError::Merge(_)))
            });
            if cut_short {
                continue;
            }
            for violation in &document.violations {
                let mut report = Report::new(violation.span, violation.message.clone());
                if let Some(help) = &violation.help {
                    report = report.help(help.clone());
                }
                cx.report(report);
            }
        }
    }
}
