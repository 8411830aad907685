use lashing_rule::{declare_rule, Context, PerDefinition, Report, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a service `tmpfs` entry with the `exec` or `suid` option
    /// (`/tmp:exec,size=64m`).
    ///
    /// ## Why is this bad?
    /// Docker mounts every tmpfs `noexec,nosuid`. `exec` makes a writable,
    /// in-memory folder a place to run a downloaded binary; `suid` lets a setuid
    /// binary there raise privileges. Both undo a default that costs nothing.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   app:
    ///     image: example/app:1.4
    ///     tmpfs:
    ///       - /tmp:exec,size=64m
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   app:
    ///     image: example/app:1.4
    ///     tmpfs:
    ///       - /tmp:size=64m
    /// ```
    ///
    /// ## References
    /// - OWASP Docker Security Cheat Sheet, rule 8: set filesystem and volumes to read-only (keep writable mounts `noexec`).
    pub struct InsecureTmpfs {
        code: "L619",
        name: "insecure-tmpfs",
        category: Security,
        severity: Warning,
        default_enabled: true,
        fixable: No,
        summary: "A tmpfs mount allows executing or setuid binaries",
    }
}

impl Rule for InsecureTmpfs {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let mut found = PerDefinition::new();
        for service in crate::containers(cx) {
            for entry in &service.runtime.tmpfs {
                let text = &entry.value;
                let Some(colon) = text.find(':') else {
                    continue;
                };
                let mut start = colon + 1;
                for option in text[colon + 1..].split(',') {
                    let range = start..start + option.len();
                    start = range.end + 1;
                    let option = option.trim();
                    if option != "exec" && option != "suid" {
                        continue;
                    }
                    let at = entry.sub_span(range);
                    let undone = if option == "exec" { "noexec" } else { "nosuid" };
                    found.add(at, entry.via, &service.name.value, || {
                        Report::new(
                            at,
                            format!("`{option}` removes the `{undone}` Docker puts on every tmpfs, so this writable folder can hold {}", if option == "exec" { "and run a dropped binary" } else { "setuid binaries that raise privileges" }),
                        )
                        .label(format!("undoes `{undone}`"))
                        .help(format!("remove `{option}`; if the service must run files from it, put them in the image instead"))
                    });
                }
            }
        }
        found.report_all(cx);
    }
}
