use lashing_compose::{HealthTest, Spanned};
use lashing_rule::{declare_rule, Context, PerDefinition, Report, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a healthcheck in exec form (`["CMD", ...]`) that is written as if a
    /// shell ran it: a single argument with spaces or shell syntax (`||`, `&&`, `|`,
    /// `;`, `$`, `>`), or an argument that is a shell operator on its own
    /// (`["CMD", "curl", "-f", "http://localhost", "||", "exit", "1"]`) or a `$`
    /// variable.
    ///
    /// ## Why is this bad?
    /// The exec form runs the program directly, without a shell. `["CMD", "curl -f
    /// http://localhost"]` looks for a program named `curl -f http://localhost`;
    /// `||` and `exit` become arguments of curl; `$POSTGRES_USER` is passed as those
    /// literal characters. The check fails (or passes) for the wrong reason.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   web:
    ///     image: nginx:1.27
    ///     healthcheck:
    ///       test: ["CMD", "curl -f http://localhost/ || exit 1"]
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   web:
    ///     image: nginx:1.27
    ///     healthcheck:
    ///       test: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]
    /// ```
    pub struct HealthcheckExecFormShell {
        code: "L304",
        name: "healthcheck-exec-form-shell",
        category: Startup,
        severity: Error,
        default_enabled: true,
        fixable: No,
        summary: "An exec-form healthcheck written as a shell command",
    }
}

impl Rule for HealthcheckExecFormShell {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let mut found = PerDefinition::new();
        for service in &cx.model().services {
            let Some(check) = &service.healthcheck else {
                continue;
            };
            let Some(test) = &check.test else { continue };
            let HealthTest::Cmd(args) = &test.value else {
                continue;
            };
            let Some(problem) = problem(args) else {
                continue;
            };
            let (arg, message, help) = problem;
            // Wrong in itself: one finding where it is written, naming its users.
            found.add(arg.span, arg.via, service.name.as_str(), || {
                Report::new(arg.span, message)
                    .label("no shell runs this")
                    .help(help)
            });
        }
        found.report_all(cx);
    }
}

const SHELL_SYNTAX: &[&str] = &["||", "&&", "|", ";", ">", "<", "`"];

/// A `$` that reaches the container: written `$$` (Compose turns `${VAR}` into its
/// value when it loads the file, so that one is not shell syntax).
fn literal_dollar(text: &str) -> bool {
    text.contains("$$")
}
const OPERATORS: &[&str] = &[
    "||",
    "&&",
    "|",
    ";",
    ">",
    ">>",
    "<",
    "2>&1",
    ">/dev/null",
    "&",
];

/// The argument at fault, the message and the help.
fn problem(args: &[Spanned<String>]) -> Option<(&Spanned<String>, String, String)> {
    let joined = args
        .iter()
        .map(|a| a.authored())
        .collect::<Vec<_>>()
        .join(" ");
    let shell_form = format!("[\"CMD-SHELL\", {}]", quoted(&joined));
    if let [only] = args {
        let text = only.authored();
        let has_syntax = SHELL_SYNTAX.iter().any(|s| text.contains(s)) || literal_dollar(text);
        if !has_syntax && !text.trim().contains(' ') {
            return None;
        }
        let help = if has_syntax {
            format!("run it through a shell: `test: {shell_form}`")
        } else {
            let split: Vec<String> = text.split_whitespace().map(quoted).collect();
            format!(
                "split the arguments: `test: [\"CMD\", {}]`, or use `test: {shell_form}`",
                split.join(", ")
            )
        };
        return Some((
            only,
            format!("the exec form runs `{text}` as a single program name, with no shell"),
            help,
        ));
    }
    for arg in args.iter().skip(1) {
        let text = arg.authored();
        if OPERATORS.contains(&text) {
            return Some((
                arg,
                format!(
                    "`{text}` is passed to `{}` as an argument: the exec form runs no shell",
                    args[0].authored()
                ),
                format!("run it through a shell: `test: {shell_form}`"),
            ));
        }
        if literal_dollar(text) {
            return Some((
                arg,
                format!(
                    "`{text}` is passed literally: the exec form runs no shell to expand variables"
                ),
                format!("run it through a shell: `test: {shell_form}`"),
            ));
        }
    }
    None
}

fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}
