//! Unit tests of how the configuration file and the command line combine.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use lashing_rule::{declare_rule, Context, Rule, RuleMeta};

use super::*;
use crate::config::parse;

macro_rules! fake_rule {
    ($name:ident, $code:literal, $rule:literal, $category:ident, $enabled:literal) => {
        declare_rule! {
            /// ## What it does
            /// Nothing; a rule for settings tests.
            pub struct $name {
                code: $code,
                name: $rule,
                category: $category,
                severity: Warning,
                default_enabled: $enabled,
                fixable: No,
                summary: "Test rule",
            }
        }
        impl Rule for $name {
            fn meta(&self) -> &'static RuleMeta {
                &Self::META
            }
            fn check(&self, _cx: &mut Context<'_>) {}
        }
    };
}

fake_rule!(Privileged, "L602", "privileged", Security, true);
fake_rule!(Obsolete, "L103", "obsolete-version", Schema, true);
fake_rule!(ReadOnly, "L702", "missing-read-only", Hardening, false);

const REGISTRY: &[&dyn Rule] = &[&Obsolete, &Privileged, &ReadOnly];

fn enabled(config: &str, overrides: &Overrides) -> Vec<&'static str> {
    let file = parse(Path::new("lashing.toml"), config.to_string()).unwrap();
    let settings = Settings::new(REGISTRY, Some(&file), overrides).unwrap();
    settings.rules.iter().map(|r| r.meta().name).collect()
}

#[test]
fn defaults_then_extend_select_then_ignore() {
    assert_eq!(
        enabled("", &Overrides::default()),
        ["obsolete-version", "privileged"]
    );
    assert_eq!(
        enabled(
            "[lint]\nextend-select = [\"hardening\"]\nignore = [\"L103\"]\n",
            &Overrides::default()
        ),
        ["privileged", "missing-read-only"]
    );
}

#[test]
fn command_line_select_replaces_the_files_selection_but_keeps_its_ignores() {
    let overrides = Overrides {
        select: Some(vec!["all".into()]),
        ..Overrides::default()
    };
    assert_eq!(
        enabled(
            "[lint]\nselect = [\"schema\"]\nignore = [\"privileged\"]\n",
            &overrides
        ),
        ["obsolete-version", "missing-read-only"]
    );
}

#[test]
fn command_line_ignore_and_extend_select_add_to_the_file() {
    let overrides = Overrides {
        ignore: vec!["obsolete-version".into()],
        extend_select: vec!["L702".into()],
        ..Overrides::default()
    };
    assert_eq!(
        enabled("[lint]\nselect = [\"schema\", \"security\"]\n", &overrides),
        ["privileged", "missing-read-only"]
    );
}

#[test]
fn severity_overrides_apply_in_written_order() {
    let file = parse(
        Path::new("lashing.toml"),
        "[lint.severity]\nsecurity = \"info\"\nprivileged = \"error\"\n".to_string(),
    )
    .unwrap();
    let settings = Settings::new(REGISTRY, Some(&file), &Overrides::default()).unwrap();
    assert_eq!(settings.severity(&Privileged::META), Severity::Error);
    assert_eq!(settings.severity(&Obsolete::META), Severity::Warning);
}

#[test]
fn unknown_rules_in_the_file_are_errors_at_their_position() {
    let file = parse(
        Path::new("lashing.toml"),
        "[lint]\nignore = [\"privilegd\"]\n".to_string(),
    )
    .unwrap();
    let err = Settings::new(REGISTRY, Some(&file), &Overrides::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "lashing.toml:2:11: unknown rule, code or category `privilegd` (did you mean `privileged`?)"
    );
}

#[test]
fn per_file_ignore_globs_are_relative_to_the_configuration() {
    let file = parse(
        Path::new("/repo/lashing.toml"),
        "[[lint.per-file-ignores]]\npaths = [\"legacy/*.yaml\", \"compose.dev.yaml\"]\nrules = [\"schema\"]\n".to_string(),
    )
    .unwrap();
    let settings = Settings::new(REGISTRY, Some(&file), &Overrides::default()).unwrap();
    assert!(settings.ignored_in("L103", Path::new("/repo/legacy/compose.yaml")));
    // `*` does not cross folders.
    assert!(!settings.ignored_in("L103", Path::new("/repo/legacy/a/compose.yaml")));
    // A glob without `/` matches the file name anywhere.
    assert!(settings.ignored_in("L103", Path::new("/repo/x/y/compose.dev.yaml")));
    // Only the rules named.
    assert!(!settings.ignored_in("L602", Path::new("/repo/legacy/compose.yaml")));
}

#[test]
fn exceptions_need_the_service_and_the_rule() {
    let file = parse(
        Path::new("lashing.toml"),
        "[[lint.exceptions]]\nrule = \"privileged\"\nservices = [\"db\"]\nreason = \"why\"\n"
            .to_string(),
    )
    .unwrap();
    let settings = Settings::new(REGISTRY, Some(&file), &Overrides::default()).unwrap();
    let finding = |code: &'static str, service: &str| Finding {
        code,
        rule: "r",
        category: "c",
        severity: Severity::Error,
        message: String::new(),
        primary: lashing_diagnostics::Label {
            span: lashing_syntax::Span::new(lashing_syntax::FileId(0), 0, 0),
            message: String::new(),
        },
        help: None,
        related: Vec::new(),
        service: Some(service.to_string()),
        suppression: None,
    };
    let mut db = finding("L602", "db");
    settings.apply_exceptions(&mut db);
    assert_eq!(db.suppression.unwrap().reason.as_deref(), Some("why"));
    let mut web = finding("L602", "web");
    settings.apply_exceptions(&mut web);
    assert!(web.suppression.is_none());
    let mut other = finding("L103", "db");
    settings.apply_exceptions(&mut other);
    assert!(other.suppression.is_none());
}
