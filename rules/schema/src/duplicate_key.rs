use lashing_rule::{declare_rule, Context, Report, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports every key repeated in the same mapping, pointing at the repeat, with
    /// the first occurrence as a secondary label.
    ///
    /// ## Why is this bad?
    /// Compose refuses the file (`mapping key "image" already defined`). Other YAML
    /// tools silently keep the last value, so the file may look fine in an editor
    /// while Compose cannot load it, or a value you thought you set is ignored.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   web:
    ///     image: nginx:1.27
    ///     ports:
    ///       - "8080:80"
    ///     image: nginx:1.26
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   web:
    ///     image: nginx:1.27
    ///     ports:
    ///       - "8080:80"
    /// ```
    pub struct DuplicateKey {
        code: "L102",
        name: "duplicate-key",
        category: Schema,
        severity: Error,
        default_enabled: true,
        fixable: No,
        summary: "A mapping repeats a key",
    }
}

impl Rule for DuplicateKey {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for file in &cx.project().files {
            for dup in &file.yaml.duplicate_keys {
                cx.report(
                    Report::new(dup.repeat, format!("key `{}` is already defined in this mapping", dup.name))
                        .label("repeated here")
                        .related(dup.first, "first defined here")
                        .help(format!(
                            "keep one `{}`: Compose refuses the file, and other YAML tools silently keep the last value",
                            dup.name
                        )),
                );
            }
        }
    }
}
