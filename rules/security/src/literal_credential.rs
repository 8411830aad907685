use lashing_rule::{declare_rule, excerpt, Context, PerDefinition, Report, Rule, RuleMeta};

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
        found.report_all(cx);
    }
}
