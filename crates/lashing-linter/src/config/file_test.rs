//! Unit tests of the configuration reader.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use super::*;

fn read_ok(text: &str) -> ConfigFile {
    parse(Path::new("lashing.toml"), text.to_string()).unwrap()
}

fn errors(text: &str) -> Vec<String> {
    parse(Path::new("lashing.toml"), text.to_string())
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn reads_every_key() {
    let c = read_ok(
        r#"
[lint]
select = ["networking"]
extend-select = ["hardening"]
ignore = ["root-user"]
fail-on = "error"
baseline = "base.json"

[lint.severity]
security = "info"

[[lint.per-file-ignores]]
paths = ["legacy/**"]
rules = ["obsolete-version"]

[[lint.exceptions]]
rules = ["privileged", "L603"]
services = ["db", "cache"]
reason = "accepted"
"#,
    );
    assert_eq!(c.select.unwrap()[0].value, "networking");
    assert_eq!(c.extend_select[0].value, "hardening");
    assert_eq!(c.ignore[0].value, "root-user");
    assert_eq!(c.fail_on, Some(Severity::Error));
    assert_eq!(c.baseline.unwrap().value, "base.json");
    assert_eq!(c.severity[0].0.value, "security");
    assert_eq!(c.per_file_ignores[0].paths[0].value, "legacy/**");
    assert_eq!(c.exceptions[0].rules.len(), 2);
    assert_eq!(c.exceptions[0].services, ["db", "cache"]);
    assert_eq!(c.exceptions[0].reason, "accepted");
}

#[test]
fn an_empty_file_is_a_valid_configuration() {
    let c = read_ok("");
    assert!(c.select.is_none() && c.ignore.is_empty());
}

#[test]
fn unknown_keys_are_reported_at_their_position_with_a_suggestion() {
    assert_eq!(
        errors("[lint]\nignore = []\nselct = []\n"),
        ["lashing.toml:3:1: unknown key `selct` in `[lint]` (did you mean `select`?)"]
    );
    assert_eq!(
        errors("[lnt]\n"),
        ["lashing.toml:1:2: unknown key `lnt` at the top level (did you mean `lint`?)"]
    );
    assert_eq!(
        errors("[lint]\nzzzzzz = 1\n"),
        ["lashing.toml:2:1: unknown key `zzzzzz` in `[lint]` (expected one of: `select`, `extend-select`, `ignore`, `fail-on`, `baseline`, `severity`, `per-file-ignores`, `exceptions`)"]
    );
}

#[test]
fn wrong_types_are_reported_at_the_value() {
    assert_eq!(
        errors("[lint]\nselect = \"all\"\n"),
        ["lashing.toml:2:10: `lint.select` must be an array of strings, not a string"]
    );
    assert_eq!(
        errors("[lint]\nignore = [\"a\", 3]\n"),
        ["lashing.toml:2:16: `lint.ignore` must hold strings, not an integer"]
    );
    assert_eq!(
        errors("[lint.severity]\nprivileged = \"fatal\"\n"),
        ["lashing.toml:2:14: `lint.severity.privileged` must be `error`, `warning` or `info`, not `fatal`"]
    );
}

#[test]
fn exceptions_need_rules_services_and_a_reason() {
    let found = errors("[[lint.exceptions]]\nservices = [\"db\"]\n");
    assert_eq!(
        found,
        [
            "lashing.toml:1:1: `[[lint.exceptions]]` needs `reason`",
            "lashing.toml:1:1: `[[lint.exceptions]]` needs `rule` (or `rules`): the rules excepted",
        ]
    );
}

#[test]
fn invalid_toml_is_reported_where_the_parser_stopped() {
    let found = errors("[lint]\nselect = [\"a\"\n");
    assert_eq!(found.len(), 1);
    assert!(found[0].starts_with("lashing.toml:2:"), "{found:?}");
    assert!(found[0].contains("not valid TOML"), "{found:?}");
}
