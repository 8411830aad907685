use lashing_rule::{declare_rule, excerpt, Context, PerDefinition, Report, Rule, RuleMeta};

use lashing_compose::{Command, Spanned};

use crate::credentials::{is_credential_name, is_placeholder, is_unresolved, written_in_file};

declare_rule! {
    /// ## What it does
    /// Reports an environment variable whose name says it holds a credential
    /// (`*_PASSWORD`, `*_SECRET`, `*_TOKEN`, `*_API_KEY`, `SECRET_KEY_BASE`...) and
    /// whose value is written in the compose file: literally, or as the default of
    /// `${VAR:-default}`. Not reported: a value taken from a variable
    /// (`${POSTGRES_PASSWORD}`, set in `.env` or the environment), a path to a
    /// secret file (`POSTGRES_PASSWORD_FILE: /run/secrets/db`), an obvious
    /// placeholder (`changeme`, `<password>`, `your_token_here`), and names that
    /// only describe a credential (`PASSWORD_MIN_LENGTH`, `AWS_ACCESS_KEY_ID`).
    /// The same goes for a credential passed on the command line
    /// (`command: redis-server --requirepass s3cret`, `--api-token=...`).
    ///
    /// ## Why is this bad?
    /// Everyone who can read the repository has the credential, for as long as the
    /// history exists, and `docker inspect` shows it to anyone with access to the
    /// engine.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   db:
    ///     image: postgres:16
    ///     environment:
    ///       POSTGRES_PASSWORD: s3cr3t-Pa55
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   db:
    ///     image: postgres:16
    ///     environment:
    ///       POSTGRES_PASSWORD_FILE: /run/secrets/db_password
    ///     secrets:
    ///       - db_password
    /// secrets:
    ///   db_password:
    ///     file: ./db_password.txt
    /// ```
    ///
    /// ## References
    /// - OWASP Docker Security Cheat Sheet, rule 12: utilize Docker secrets for sensitive data management.
    pub struct LiteralCredential {
        code: "L615",
        name: "literal-credential",
        category: Security,
        severity: Warning,
        default_enabled: true,
        fixable: No,
        summary: "A credential is written in the compose file",
    }
}

impl Rule for LiteralCredential {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let mut found = PerDefinition::new();
        for service in crate::containers(cx) {
            for var in &service.environment {
                let Some(value) = &var.value else {
                    continue;
                };
                let name = var.name.value.trim();
                let text = &value.value;
                if !is_credential_name(name)
                    || is_unresolved(text)
                    || is_placeholder(text)
                    || text.contains("://")
                    || !written_in_file(value, 0..text.len())
                {
                    continue;
                }
                let name = excerpt(name);
                found.add(value.span, value.via, &service.name.value, || {
                    Report::new(
                        value.span,
                        format!("`{name}` is given a literal value: anyone who can read this file has the credential"),
                    )
                    .label("credential in the file")
                    .help(format!(
                        "take it from a variable set outside the repository (`{name}: ${{{name}}}` with a git-ignored `.env`), or from a secret file (`{name}_FILE: /run/secrets/...`) where the image supports it"
                    ))
                });
            }
        }
        for service in crate::containers(cx) {
            let Some(command) = &service.command else {
                continue;
            };
            for (flag, value) in command_credentials(&command.value) {
                if is_unresolved(&value.value)
                    || is_placeholder(&value.value)
                    || !written_in_file(&value, 0..value.value.len())
                {
                    continue;
                }
                let flag = excerpt(&flag).into_owned();
                found.add(value.span, value.via, &service.name.value, || {
                    Report::new(
                        value.span,
                        format!("`{flag}` is given a literal value: anyone who can read this file, or list the container's processes, has the credential"),
                    )
                    .label("credential in the command")
                    .help("pass it from a variable set outside the repository (`${PASSWORD}`), or have the program read it from a secret file")
                });
            }
        }
        found.report_all(cx);
    }
}

/// The credential-shaped flags of a command and their values: `--flag value` or
/// `--flag=value`.
fn command_credentials(command: &Command) -> Vec<(String, Spanned<String>)> {
    let args: Vec<Spanned<String>> = match command {
        Command::Exec(items) => items.clone(),
        Command::Shell(text) => {
            let mut out = Vec::new();
            let mut start = None;
            for (i, c) in text
                .value
                .char_indices()
                .chain(std::iter::once((text.value.len(), ' ')))
            {
                match (c.is_whitespace(), start) {
                    (false, None) => start = Some(i),
                    (true, Some(s)) => {
                        out.push(text.part(s..i));
                        start = None;
                    }
                    _ => {}
                }
            }
            out
        }
    };
    let mut found = Vec::new();
    for (i, arg) in args.iter().enumerate() {
        let text = arg.value.as_str();
        let Some(flag) = text.strip_prefix("--") else {
            continue;
        };
        let (name, inline) = match flag.split_once('=') {
            Some((name, _)) => (name, true),
            None => (flag, false),
        };
        if !is_credential_flag(name) {
            continue;
        }
        let value = if inline {
            arg.part(2 + name.len() + 1..text.len())
        } else {
            match args.get(i + 1) {
                Some(next) if !next.value.starts_with('-') => next.clone(),
                _ => continue,
            }
        };
        found.push((format!("--{name}"), value));
    }
    found
}

/// `--requirepass`, `--masterauth`, `--http-api-token`, `--db-password`...
fn is_credential_flag(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    matches!(lower.as_str(), "requirepass" | "masterauth")
        || is_credential_name(&lower.replace('-', "_"))
}
