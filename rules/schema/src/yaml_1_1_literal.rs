use lashing_rule::{declare_rule, Context, FileRole, Report, Rule, RuleMeta};
use lashing_syntax::yaml::{Document, NodeId, NodeKind, ScalarStyle, ScalarValue};

declare_rule! {
    /// ## What it does
    /// Reports plain (unquoted) scalars that YAML 1.1 tools and Compose read
    /// differently:
    /// - `yes`, `no`, `on`, `off`, `y`, `n` (any case): strings to Compose (YAML 1.2),
    ///   booleans to YAML 1.1 tools (docker-compose v1, PyYAML, many editors' schemas);
    /// - a number with a leading zero such as `0755`: octal (493) to Compose, decimal
    ///   755 to YAML 1.2 core tools;
    /// - a `mode:` written as `440` without the leading zero: decimal 440 to Compose,
    ///   which is permission `0670`, not `0440`;
    /// - a port mapping such as `22:22` unquoted: a string to Compose, the base-60
    ///   number 1342 to YAML 1.1 tools.
    ///
    /// ## Why is this bad?
    /// The file means different things to different tools, and the one that reads it
    /// differently fails quietly: `restart: no` became `restart: false` in
    /// docker-compose v1, and `mode: 440` gives a secret the wrong permissions.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   web:
    ///     image: nginx:1.27
    ///     restart: no
    ///     ports:
    ///       - 22:22
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   web:
    ///     image: nginx:1.27
    ///     restart: "no"
    ///     ports:
    ///       - "22:22"
    /// ```
    pub struct Yaml11Literal {
        code: "L110",
        name: "yaml-1.1-literal",
        category: Schema,
        severity: Info,
        default_enabled: true,
        fixable: No,
        summary: "A plain scalar that YAML 1.1 tools and Compose read differently",
    }
}

impl Rule for Yaml11Literal {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for file in &cx.project().files {
            if file.role != FileRole::Compose {
                continue;
            }
            for doc in &file.yaml.documents {
                for id in doc.node_ids() {
                    let Some(entries) = doc.mapping(id) else {
                        continue;
                    };
                    for entry in entries {
                        let key = doc.key_text(entry.key).unwrap_or("");
                        if let Some(report) = literal(doc, key, entry.value) {
                            cx.report(report);
                        }
                        if key == "ports" {
                            for &item in doc.sequence(entry.value).unwrap_or(&[]) {
                                if let Some(report) = sexagesimal(doc, item) {
                                    cx.report(report);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A plain, untagged scalar written at `id` (not through an alias).
fn plain(doc: &Document, id: NodeId) -> Option<(&str, ScalarValue)> {
    let node = doc.node(id);
    let NodeKind::Scalar(scalar) = &node.kind else {
        return None;
    };
    (scalar.style == ScalarStyle::Plain && node.tag.is_none())
        .then_some((scalar.as_str(), scalar.value))
}

fn literal(doc: &Document, key: &str, value: NodeId) -> Option<Report> {
    let (text, kind) = plain(doc, value)?;
    let span = doc.span(value);
    let lower = text.to_ascii_lowercase();
    if matches!(lower.as_str(), "yes" | "no" | "on" | "off" | "y" | "n") {
        let boolean = matches!(lower.as_str(), "yes" | "on" | "y");
        return Some(
            Report::new(
                span,
                format!("`{text}` is the string \"{text}\" to Compose but the boolean {boolean} to YAML 1.1 tools"),
            )
            .label("quote it")
            .help(format!("write `\"{text}\"` (or `{boolean}` if a boolean is meant)")),
        );
    }
    let digits = text.strip_prefix('0').filter(|d| !d.is_empty());
    if let (Some(digits), ScalarValue::Int(n)) = (digits, kind) {
        if digits.bytes().all(|b| b.is_ascii_digit()) {
            return Some(
                Report::new(
                    span,
                    format!(
                        "`{text}` is octal to Compose ({n}) but {} to YAML 1.2 tools",
                        text.trim_start_matches('0')
                    ),
                )
                .label("leading zero")
                .help(format!(
                    "write `0o{digits}` to make the octal explicit, or quote it as a string"
                )),
            );
        }
    }
    if key == "mode" {
        if let ScalarValue::Int(n) = kind {
            let octal_looking = text.len() >= 3 && text.bytes().all(|b| (b'0'..=b'7').contains(&b));
            if octal_looking && !text.starts_with('0') {
                return Some(
                    Report::new(
                        span,
                        format!(
                            "`mode: {text}` is decimal {n} (permissions {n:#o}), not octal {text}"
                        ),
                    )
                    .label("decimal, not octal")
                    .help(format!(
                        "write `0{text}` (or `0o{text}`) for permissions {text}"
                    )),
                );
            }
        }
    }
    None
}

/// `22:22` unquoted in `ports`: base 60 to YAML 1.1 (docker-compose v1 read 1342).
fn sexagesimal(doc: &Document, item: NodeId) -> Option<Report> {
    let (text, _) = plain(doc, item)?;
    let mut parts = text.split(':');
    let first = parts.next()?;
    let rest: Vec<&str> = parts.collect();
    let base60 = !rest.is_empty()
        && first.bytes().all(|b| b.is_ascii_digit())
        && !first.is_empty()
        && rest.iter().all(|p| {
            (1..=2).contains(&p.len())
                && p.bytes().all(|b| b.is_ascii_digit())
                && p.parse::<u32>().is_ok_and(|v| v < 60)
        });
    base60.then(|| {
        Report::new(
            doc.span(item),
            format!("`{text}` is a string to Compose but a base-60 number to YAML 1.1 tools"),
        )
        .label("quote it")
        .help(format!("write `\"{text}\"`"))
    })
}
