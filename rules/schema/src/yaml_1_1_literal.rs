use lashing_rule::{declare_rule, Context, FileRole, Report, Rule, RuleMeta};
use lashing_syntax::yaml::{Ambiguity, AmbiguousScalar, ScalarValue};

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
            // The parser recorded the plain scalars readers disagree on (the
            // file's node tree is freed once it is loaded).
            for scalar in &file.yaml.ambiguous {
                let report = match (scalar.item, scalar.ambiguity) {
                    (true, Ambiguity::Sexagesimal) if &*scalar.key == "ports" => {
                        Some(sexagesimal(scalar))
                    }
                    (true, _) | (false, Ambiguity::Sexagesimal) => None,
                    (false, Ambiguity::Boolean(boolean)) => Some(yaml_1_1_boolean(scalar, boolean)),
                    (false, Ambiguity::LeadingZero) => leading_zero(scalar),
                    (false, Ambiguity::OctalDigits) if &*scalar.key == "mode" => {
                        decimal_mode(scalar)
                    }
                    (false, Ambiguity::OctalDigits) => None,
                };
                if let Some(report) = report {
                    cx.report(report);
                }
            }
        }
    }
}

fn yaml_1_1_boolean(scalar: &AmbiguousScalar, boolean: bool) -> Report {
    let text = &scalar.text;
    Report::new(
        scalar.span,
        format!("`{text}` is the string \"{text}\" to Compose but the boolean {boolean} to YAML 1.1 tools"),
    )
    .label("quote it")
    .help(format!("write `\"{text}\"` (or `{boolean}` if a boolean is meant)"))
}

fn leading_zero(scalar: &AmbiguousScalar) -> Option<Report> {
    let text = &scalar.text;
    let (ScalarValue::Int(n), Some(digits)) = (scalar.value, text.strip_prefix('0')) else {
        return None;
    };
    Some(
        Report::new(
            scalar.span,
            format!(
                "`{text}` is octal to Compose ({n}) but {} to YAML 1.2 tools",
                text.trim_start_matches('0')
            ),
        )
        .label("leading zero")
        .help(format!(
            "write `0o{digits}` to make the octal explicit, or quote it as a string"
        )),
    )
}

/// `mode: 440`: decimal to Compose, which is permission `0670`, not `0440`.
fn decimal_mode(scalar: &AmbiguousScalar) -> Option<Report> {
    let text = &scalar.text;
    let ScalarValue::Int(n) = scalar.value else {
        return None;
    };
    Some(
        Report::new(
            scalar.span,
            format!("`mode: {text}` is decimal {n} (permissions {n:#o}), not octal {text}"),
        )
        .label("decimal, not octal")
        .help(format!(
            "write `0{text}` (or `0o{text}`) for permissions {text}"
        )),
    )
}

/// `22:22` unquoted in `ports`: base 60 to YAML 1.1 (docker-compose v1 read 1342).
fn sexagesimal(scalar: &AmbiguousScalar) -> Report {
    let text = &scalar.text;
    Report::new(
        scalar.span,
        format!("`{text}` is a string to Compose but a base-60 number to YAML 1.1 tools"),
    )
    .label("quote it")
    .help(format!("write `\"{text}\"`"))
}
