use lashing_rule::{declare_rule, Context, Report, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a file that is not valid YAML, at the exact position the parser
    /// stopped: bad indentation, tabs used for indentation, an unclosed quote or
    /// bracket, an unknown `*alias`, a `<<` merge of something that is not a mapping,
    /// invalid UTF-8, binary content, or a file above lashing's size limit (16 MiB).
    ///
    /// ## Why is this bad?
    /// Compose refuses the whole file, so nothing in it runs. Other files are still
    /// linted.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   web:
    ///     image: "nginx:1.27
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   web:
    ///     image: "nginx:1.27"
    /// ```
    pub struct YamlSyntax {
        code: "L101",
        name: "yaml-syntax",
        category: Schema,
        severity: Error,
        default_enabled: true,
        fixable: No,
        summary: "The file is not valid YAML",
    }
}

impl Rule for YamlSyntax {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for file in &cx.project().files {
            if let Some(err) = &file.read_error {
                let offset = err.offset();
                let end = file.source.text[offset.min(file.source.text.len())..]
                    .chars()
                    .next()
                    .map_or(offset, |c| offset + c.len_utf8());
                cx.report(
                    Report::new(file.source.span(offset, end), err.message())
                        .help("lashing reads UTF-8 YAML text; check that this is the file you meant to lint"),
                );
                continue;
            }
            if let Some(err) = &file.yaml.error {
                cx.report(
                    Report::new(err.span, format!("invalid YAML: {}", err.message))
                        .label("the parser stopped here")
                        .help("fix the syntax at this position; Compose rejects the whole file"),
                );
            }
            for err in &file.tree_errors {
                cx.report(Report::new(err.span(), err.message()).help(
                    "merge a mapping: `<<: *anchor` where `&anchor` is on a mapping, or `<<: [*a, *b]`",
                ));
            }
        }
    }
}
