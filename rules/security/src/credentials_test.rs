use super::*;

#[test]
fn credential_names() {
    for name in [
        "POSTGRES_PASSWORD",
        "MYSQL_ROOT_PASSWORD",
        "DB_PASS",
        "db_password",
        "JWT_SECRET",
        "SECRET_KEY_BASE",
        "GITHUB_TOKEN",
        "API_KEY",
        "STRIPE_SECRET_KEY",
        "AWS_SECRET_ACCESS_KEY",
        "OPENAI_API_KEY",
        "ADMIN_PASSWORD",
        "REDIS_PASSWORD",
        "PGPASSWORD",
        "SMTP_PASSWD",
        "ENCRYPTION_KEY",
        "APP_KEY",
        "CLIENT_SECRET",
        "ACCESS_TOKEN",
    ] {
        assert!(is_credential_name(name), "{name}");
    }
}

#[test]
fn names_about_credentials() {
    for name in [
        "PWD",
        "POSTGRES_PASSWORD_FILE",
        "PASSWORD_MIN_LENGTH",
        "TOKEN_EXPIRY",
        "JWT_SECRET_PATH",
        "AWS_ACCESS_KEY_ID",
        "SECRET_NAME",
        "API_KEY_HEADER",
        "PASSWORD_RESET_TIMEOUT",
        "PUBLIC_KEY",
        "DB_USER",
        "KEY",
        "MONKEY",
        "TOKEN_URL",
        "PASSWORD_HASH_ALGORITHM",
    ] {
        assert!(!is_credential_name(name), "{name}");
    }
}

#[test]
fn placeholders_and_paths() {
    for value in [
        "changeme",
        "CHANGE_ME",
        "change-this",
        "your_password_here",
        "<password>",
        "********",
        "/run/secrets/db_password",
        "example",
        "replace-with-a-long-random-string",
        "true",
        "",
        "{{ vault_password }}",
        "xxxxxxxx",
        "ab",
    ] {
        assert!(is_placeholder(value), "{value}");
    }
    for value in [
        "s3cr3t-Pa55",
        "postgres",
        "hunter2",
        "wordpress",
        "8fj2K9dq",
    ] {
        assert!(!is_placeholder(value), "{value}");
    }
}
