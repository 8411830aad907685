//! Telling a credential written into a compose file from everything that only
//! looks like one: names that merely mention a password (`PASSWORD_MIN_LENGTH`),
//! values taken from a variable (`${DB_PASSWORD}`), paths to a secret file
//! (`/run/secrets/db`), and placeholders in examples (`changeme`).

use lashing_compose::interpolation::ValueSource;
use lashing_compose::{Spanned, TextOrigin};

/// Whether an environment variable's name says it holds a credential.
pub fn is_credential_name(name: &str) -> bool {
    let upper = name.trim().to_ascii_uppercase();
    if upper == "PWD" || upper == "OLDPWD" {
        return false;
    }
    let words: Vec<&str> = upper
        .split(['_', '-', '.'])
        .filter(|w| !w.is_empty())
        .collect();
    let Some(last) = words.last() else {
        return false;
    };
    // A name whose last word says the value is about a credential, not one.
    if NOT_A_VALUE.contains(last) {
        return false;
    }
    let credential_word = words.iter().any(|w| {
        matches!(
            *w,
            "PASSWORD"
                | "PASSWD"
                | "PASS"
                | "PWD"
                | "SECRET"
                | "TOKEN"
                | "APIKEY"
                | "PASSPHRASE"
                | "CREDENTIALS"
                | "PRIVATEKEY"
                | "SECRETKEY"
                | "ACCESSKEY"
        ) || w.ends_with("PASSWORD")
            || w.ends_with("SECRET")
            || w.ends_with("TOKEN")
    });
    let key_pair = words.windows(2).any(|pair| {
        pair[1] == "KEY"
            && matches!(
                pair[0],
                "API"
                    | "ACCESS"
                    | "PRIVATE"
                    | "SECRET"
                    | "ENCRYPTION"
                    | "SIGNING"
                    | "MASTER"
                    | "AUTH"
                    | "LICENSE"
                    | "APP"
                    | "CLIENT"
                    | "SERVICE"
                    | "ADMIN"
                    | "ROOT"
            )
    });
    credential_word || key_pair
}

/// Last words that make a name describe a credential rather than hold one.
const NOT_A_VALUE: &[&str] = &[
    "FILE",
    "PATH",
    "DIR",
    "FOLDER",
    "LOCATION",
    "URL",
    "URI",
    "LENGTH",
    "LEN",
    "MIN",
    "MAX",
    "POLICY",
    "EXPIRY",
    "EXPIRES",
    "EXPIRATION",
    "EXPIRE",
    "TTL",
    "TIMEOUT",
    "LIFETIME",
    "DURATION",
    "AGE",
    "ENABLED",
    "ENABLE",
    "DISABLED",
    "DISABLE",
    "REQUIRED",
    "ALGORITHM",
    "ALG",
    "HEADER",
    "NAME",
    "TYPE",
    "MODE",
    "FORMAT",
    "PROVIDER",
    "METHOD",
    "ID",
    "USER",
    "USERNAME",
    "ISSUER",
    "AUDIENCE",
    "SCOPE",
    "SCOPES",
    "ENDPOINT",
    "HOST",
    "PORT",
    "PREFIX",
    "SUFFIX",
    "SIZE",
    "ROTATION",
    "STRENGTH",
    "COMPLEXITY",
    "HINT",
    "PROMPT",
    "COMMAND",
    "CMD",
    "HASH",
    "HASHED",
    "BCRYPT",
    "ROUNDS",
    "ITERATIONS",
    "ATTEMPTS",
    "RETRIES",
    "COUNT",
    "LIMIT",
    "INTERVAL",
    "DELAY",
    "VERSION",
    "FIELD",
    "PARAM",
    "KEYS",
    "STORE",
    "BACKEND",
    "SOURCE",
    "REF",
    "REFS",
    "ENV",
    "VAR",
    "DAYS",
    "HOURS",
    "MINUTES",
    "SECONDS",
    "LOGIN",
    "RESET",
    "CHANGE",
    "AUTH",
    "AUTHENTICATION",
    "SCHEME",
    "LABEL",
    "DESCRIPTION",
    "HELP",
    "TEXT",
    "MESSAGE",
    "REGEX",
    "PATTERN",
    "CHARS",
    "CHARSET",
];

/// Whether a value is a placeholder an example leaves for the user to replace,
/// or a value that cannot be a credential (a boolean, a reference to a file).
pub fn is_placeholder(value: &str) -> bool {
    let v = value.trim().trim_matches(|c| c == '"' || c == '\'');
    if v.is_empty() || v.len() < 3 {
        return true;
    }
    let lower = v.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "true" | "false" | "yes" | "no" | "null" | "none" | "nil" | "empty"
    ) {
        return true;
    }
    // A path: the `_FILE` convention, a mounted secret, a key file.
    if v.starts_with('/') || v.starts_with("./") || v.starts_with("~/") || v.starts_with("file:") {
        return true;
    }
    let squashed: String = lower
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    const MARKERS: &[&str] = &[
        "changeme",
        "changethis",
        "changeit",
        "replaceme",
        "replacethis",
        "replacewith",
        "yourpassword",
        "yoursecret",
        "yourtoken",
        "yourkey",
        "yourapikey",
        "placeholder",
        "example",
        "dummy",
        "redacted",
        "notset",
        "setme",
        "fillme",
        "insert",
        "todo",
        "fixme",
        "xxxxx",
        "secretgoeshere",
        "tobechanged",
        "pleasechange",
        "mustchange",
        "generate",
    ];
    if MARKERS.iter().any(|m| squashed.contains(m)) {
        return true;
    }
    // `<password>`, `[token]`, `{{ secret }}`, `***`, `...`
    let bracketed = (v.starts_with('<') && v.ends_with('>'))
        || (v.starts_with('[') && v.ends_with(']'))
        || v.starts_with("{{");
    let masked = v
        .chars()
        .all(|c| matches!(c, '*' | '.' | 'x' | 'X' | '#' | '-' | '_'));
    bracketed || masked || lower.starts_with("your_") || lower.starts_with("your-")
}

/// Whether the part `range` of a value was written in the compose file, literally or
/// as a `${VAR:-default}` default, rather than taken from a variable's value (which
/// lives in `.env` or the environment, where a credential belongs).
pub fn written_in_file(value: &Spanned<String>, range: std::ops::Range<usize>) -> bool {
    let TextOrigin::Interpolated { text, offset } = &value.text else {
        return true;
    };
    let offset = *offset as usize;
    let (start, end) = (offset + range.start, offset + range.end);
    !text.substitutions.iter().any(|sub| {
        sub.source == ValueSource::Variable && sub.output.start < end && start < sub.output.end
    })
}

/// Whether a value still holds an unresolved `${...}` or `$VAR` (a variable that
/// is not set: its value will come from elsewhere at run time).
pub fn is_unresolved(text: &str) -> bool {
    text.contains('$')
}

#[cfg(test)]
#[path = "credentials_test.rs"]
mod tests;
