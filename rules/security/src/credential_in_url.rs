use std::ops::Range;

use lashing_rule::{declare_rule, excerpt, Context, PerDefinition, Report, Rule, RuleMeta};

use crate::credentials::{is_placeholder, is_unresolved, written_in_file};

declare_rule! {
    /// ## What it does
    /// Reports a connection string in an environment value that carries a
    /// password written in the compose file: `postgres://app:s3cret@db/app`,
    /// `redis://:s3cret@cache:6379`, `amqp://guest:guest@rabbitmq`, and the DSN form
    /// of Go drivers, `app:s3cret@tcp(db:3306)/app`. The finding
    /// points at the password. Not reported: a password taken from a variable
    /// (`postgres://app:${DB_PASSWORD}@db/app`), an obvious placeholder, or a URL
    /// with a user and no password.
    ///
    /// ## Why is this bad?
    /// Whatever the variable is called, the password is in the repository for as
    /// long as its history exists, and in `docker inspect` for anyone with access
    /// to the engine.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   api:
    ///     image: example/api:1.0
    ///     environment:
    ///       DATABASE_URL: postgres://app:Tr0ub4dor@db:5432/app
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   api:
    ///     image: example/api:1.0
    ///     environment:
    ///       DATABASE_URL: postgres://app:${DB_PASSWORD}@db:5432/app
    /// ```
    ///
    /// ## References
    /// - OWASP Docker Security Cheat Sheet, rule 12: utilize Docker secrets for sensitive data management.
    pub struct CredentialInUrl {
        code: "L616",
        name: "credential-in-url",
        category: Security,
        severity: Warning,
        default_enabled: true,
        fixable: No,
        summary: "A connection string carries a password written in the compose file",
    }
}

impl Rule for CredentialInUrl {
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
                for password in url_passwords(&value.value) {
                    let secret = &value.value[password.clone()];
                    if is_unresolved(secret)
                        || is_placeholder(secret)
                        || !written_in_file(value, password.clone())
                    {
                        continue;
                    }
                    let at = value.sub_span(password);
                    let name = excerpt(var.name.value.trim());
                    found.add(at, value.via, &service.name.value, || {
                        Report::new(
                            at,
                            format!("the connection string in `{name}` carries a literal password: anyone who can read this file has it"),
                        )
                        .label("password")
                        .help("take the password from a variable set outside the repository (`user:${DB_PASSWORD}@host`), or give the service the password as a secret file")
                    });
                }
            }
        }
        found.report_all(cx);
    }
}

/// The byte ranges of the passwords in `scheme://user:password@host` URLs of a
/// value, or in a Go driver DSN (`user:password@tcp(host:3306)/db`).
fn url_passwords(value: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if let Some(password) = dsn_password(value) {
        out.push(password);
    }
    let mut from = 0;
    while let Some(found) = value[from..].find("://") {
        let authority_start = from + found + 3;
        let authority_len = value[authority_start..]
            .find(|c: char| {
                matches!(c, '/' | '?' | '#') || c.is_whitespace() || c == ',' || c == ';'
            })
            .unwrap_or(value.len() - authority_start);
        let authority = &value[authority_start..authority_start + authority_len];
        from = authority_start + authority_len.max(1).min(value.len() - authority_start);
        let Some(at) = authority.rfind('@') else {
            continue;
        };
        let userinfo = &authority[..at];
        let Some(colon) = userinfo.find(':') else {
            continue;
        };
        let password = authority_start + colon + 1..authority_start + at;
        if !password.is_empty() {
            out.push(password);
        }
        if from >= value.len() {
            break;
        }
    }
    out
}

/// `user:password@protocol(address)/...`, the DSN form of Go's database drivers.
fn dsn_password(value: &str) -> Option<Range<usize>> {
    let at = value.find('@')?;
    let (userinfo, rest) = (&value[..at], &value[at + 1..]);
    let protocol_end = rest.find('(')?;
    let protocol = &rest[..protocol_end];
    if !matches!(protocol, "tcp" | "tcp6" | "unix" | "udp") || userinfo.contains("://") {
        return None;
    }
    let colon = userinfo.find(':')?;
    let user = &userinfo[..colon];
    if user.is_empty() || user.contains(|c: char| c.is_whitespace() || c == '/') {
        return None;
    }
    Some(colon + 1..at).filter(|r| !r.is_empty())
}

#[cfg(test)]
mod tests {
    use super::url_passwords;

    fn passwords(value: &str) -> Vec<&str> {
        url_passwords(value)
            .into_iter()
            .map(|r| &value[r])
            .collect()
    }

    #[test]
    fn finds_the_password_part() {
        assert_eq!(passwords("postgres://app:s3cret@db:5432/app"), ["s3cret"]);
        assert_eq!(passwords("redis://:pw@cache:6379/0"), ["pw"]);
        assert_eq!(passwords("mongodb://u:p@a,b/x?replicaSet=rs"), ["p"]);
        assert_eq!(
            passwords("amqp://guest:guest@rabbit amqp://x:y@z"),
            ["guest", "y"]
        );
        assert!(passwords("postgres://app@db/app").is_empty());
        assert!(passwords("http://example.com:8080/path").is_empty());
        assert!(passwords("no url").is_empty());
        assert!(passwords("x://").is_empty());
        assert_eq!(
            passwords("root:photoprism@tcp(db:4001)/photoprism?charset=utf8mb4"),
            ["photoprism"]
        );
        assert!(passwords("user@example.com (admin)").is_empty());
    }
}
