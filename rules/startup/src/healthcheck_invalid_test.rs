use lashing_compose::HealthTest;
use lashing_rule::{declare_rule, Context, PerDefinition, Report, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a healthcheck `test` that Docker cannot run: a list that does not
    /// start with `CMD`, `CMD-SHELL` or `NONE`, or a test with nothing to run (an
    /// empty string or list, `["CMD"]`, `["CMD-SHELL"]`).
    ///
    /// ## Why is this bad?
    /// The engine rejects the container (`unknown healthcheck type`) or the check can
    /// never pass, so everything waiting on `service_healthy` waits forever.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   db:
    ///     image: postgres:16
    ///     healthcheck:
    ///       test: ["pg_isready", "-U", "postgres"]
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   db:
    ///     image: postgres:16
    ///     healthcheck:
    ///       test: ["CMD", "pg_isready", "-U", "postgres"]
    /// ```
    pub struct HealthcheckInvalidTest {
        code: "L305",
        name: "healthcheck-invalid-test",
        category: Startup,
        severity: Error,
        default_enabled: true,
        fixable: No,
        summary: "A healthcheck test Docker cannot run",
    }
}

impl Rule for HealthcheckInvalidTest {
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
            let ((span, via), message, help) = match &test.value {
                HealthTest::Invalid(Some(first)) if first.value == "CMD-SHELL" => (
                    (first.span, first.via),
                    "`CMD-SHELL` is followed by no command".to_string(),
                    "write the command after it: `[\"CMD-SHELL\", \"curl -f http://localhost/ || exit 1\"]`".to_string(),
                ),
                HealthTest::Invalid(Some(first)) => (
                    (first.span, first.via),
                    format!(
                        "a healthcheck test list starts with `CMD`, `CMD-SHELL` or `NONE`, not `{}`",
                        first.value
                    ),
                    format!(
                        "put `\"CMD\"` first to run `{}` directly, or `\"CMD-SHELL\"` to run a shell command",
                        first.value
                    ),
                ),
                HealthTest::Invalid(None) => (
                    (test.span, test.via),
                    "the healthcheck test is an empty list".to_string(),
                    "write a command, e.g. `[\"CMD\", \"pg_isready\"]`, or `disable: true` to turn the image's check off".to_string(),
                ),
                HealthTest::Cmd(args) if args.is_empty() => (
                    (test.span, test.via),
                    "`CMD` is followed by no program to run".to_string(),
                    "add the program and its arguments: `[\"CMD\", \"pg_isready\", \"-U\", \"postgres\"]`".to_string(),
                ),
                HealthTest::Shell { command, .. } if command.value.trim().is_empty() => (
                    (command.span, command.via),
                    "the healthcheck test is empty".to_string(),
                    "write a command, or `disable: true` to turn the image's check off".to_string(),
                ),
                _ => continue,
            };
            // Wrong in itself: one finding where it is written, naming its users.
            found.add(span, via, service.name.as_str(), || {
                Report::new(span, message)
                    .label("not a runnable test")
                    .help(help)
            });
        }
        found.report_all(cx);
    }
}
