use std::collections::HashSet;

use lashing_compose::interpolation::{self, Operator};
use lashing_compose::{Command, HealthTest, Service, Spanned};
use lashing_rule::{declare_rule, Context, ProjectEnv, Report, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports `$VAR` or `${VAR}` in `healthcheck.test`, `command` or `entrypoint`
    /// when `VAR` is a variable of the service's own container (its `environment` or
    /// `env_file`, with a value) but is not set for Compose's interpolation of the
    /// file (the project's `.env`). The process environment is not consulted. An
    /// `environment` entry without a value passes Compose's own value through, so
    /// it is not reported.
    ///
    /// ## Why is this bad?
    /// Compose replaces `${VAR}` when it loads the file, long before the container
    /// runs, using its own variables. `VAR` is not among them, so the check runs with
    /// an empty string (`pg_isready -U ` fails, or checks the wrong user) while the
    /// container, which has `VAR`, never sees the reference. `$$` escapes the dollar
    /// so that the container's shell expands it.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   db:
    ///     image: postgres:16
    ///     environment:
    ///       POSTGRES_USER: app
    ///     healthcheck:
    ///       test: ["CMD-SHELL", "pg_isready -U ${POSTGRES_USER}"]
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   db:
    ///     image: postgres:16
    ///     environment:
    ///       POSTGRES_USER: app
    ///     healthcheck:
    ///       test: ["CMD-SHELL", "pg_isready -U $${POSTGRES_USER}"]
    /// ```
    pub struct HealthcheckUnescapedDollar {
        code: "L303",
        name: "healthcheck-unescaped-dollar",
        category: Startup,
        severity: Error,
        default_enabled: true,
        fixable: No,
        summary: "A container variable in a healthcheck or command is interpolated by Compose",
    }
}

impl Rule for HealthcheckUnescapedDollar {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let env = &cx.project().env;
        for service in &cx.model().services {
            let own = container_variables(service, env);
            if own.is_empty() {
                continue;
            }
            for (text, place) in commands(service) {
                // An invalid template is `invalid-interpolation`'s to report.
                let Ok(parts) = interpolation::parse(text.authored()) else {
                    continue;
                };
                for variable in interpolation::variables(&parts) {
                    let name = variable.name.as_str();
                    if !own.contains(name) || env.set_for_interpolation(name) {
                        continue;
                    }
                    cx.report(report(service, text, place, variable, env));
                }
            }
        }
    }
}

fn report(
    service: &Service,
    text: &Spanned<String>,
    place: &str,
    variable: &interpolation::Variable,
    env: &ProjectEnv,
) -> Report {
    let name = variable.name.as_str();
    let written = text.authored().get(variable.range.clone()).unwrap_or(name);
    let becomes = match (&variable.operator, &variable.argument) {
        (Some(Operator::DefaultIfUnsetOrEmpty | Operator::DefaultIfUnset), Some(arg)) => {
            let default = text.authored().get(arg.range.clone()).unwrap_or("");
            format!("its default `{default}`")
        }
        (Some(Operator::ErrorIfUnsetOrEmpty | Operator::ErrorIfUnset), _) => {
            "an error (`required variable is missing a value`)".to_string()
        }
        _ => "an empty string".to_string(),
    };
    let where_set = match &env.dotenv {
        Some(dotenv) => format!("{name} is not in {}", dotenv.display),
        None => format!("{name} is not set for Compose (no .env file)"),
    };
    let span = text.authored_span(variable.range.clone());
    let mut report = Report::new(
        text.via.unwrap_or(span),
        format!(
            "`{written}` in the {place} of `{}` is replaced by Compose when it loads the file, with {becomes}: {where_set}; only the container defines it",
            service.name.value
        ),
    )
    .label("Compose substitutes this, not the container")
    .help(format!(
        "write `${written}` so that the container's shell expands it"
    ))
    .service(service.name.as_str())
    .without_provenance();
    if text.via.is_some() {
        report = report.related(span, "defined here");
    }
    report
}

/// The variables the container of `service` gets: its `environment` and the
/// variables of its `env_file`s (those lashing could read).
fn container_variables<'a>(service: &'a Service, env: &'a ProjectEnv) -> HashSet<&'a str> {
    // An entry without a value (`- POSTGRES_USER`) takes its value from Compose's
    // own environment: Compose and the container then expand the same value.
    let mut names: HashSet<&str> = service
        .environment
        .iter()
        .filter(|v| v.value.is_some())
        .map(|v| v.name.as_str())
        .collect();
    for file in &service.env_file {
        if let Some(source) = env.env_files.get(file.path.as_str()) {
            names.extend(source.vars.keys().map(String::as_str));
        }
    }
    names
}

/// The strings of a service that run in its container: the healthcheck test and
/// the command line, each with where it is written for messages.
fn commands(service: &Service) -> Vec<(&Spanned<String>, &'static str)> {
    let mut out = Vec::new();
    if let Some(test) = service.healthcheck.as_ref().and_then(|h| h.test.as_ref()) {
        match &test.value {
            HealthTest::Cmd(args) => out.extend(args.iter().map(|a| (a, "healthcheck"))),
            HealthTest::Shell { command, .. } => out.push((command, "healthcheck")),
            HealthTest::None | HealthTest::Invalid(_) => {}
        }
    }
    for (command, place) in [
        (&service.command, "command"),
        (&service.entrypoint, "entrypoint"),
    ] {
        match command.as_ref().map(|c| &c.value) {
            Some(Command::Shell(text)) => out.push((text, place)),
            Some(Command::Exec(items)) => out.extend(items.iter().map(|i| (i, place))),
            None => {}
        }
    }
    out
}
