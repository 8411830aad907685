#![allow(clippy::unwrap_used, clippy::expect_used)]
//! docs/rules/ is generated from the rules' doc comments. This test fails when the
//! committed pages are stale; `LASHING_UPDATE_DOCS=1 cargo test -p lashing --test docs`
//! rewrites them.

use std::path::PathBuf;

use lashing_cli::docs::{rule_page, rules_index};
use lashing_cli::registry::all_rules;

fn docs_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/rules")
}

#[test]
fn rule_pages_are_up_to_date() {
    let rules = all_rules();
    let mut expected = vec![("README.md".to_string(), rules_index(&rules))];
    for rule in &rules {
        expected.push((format!("{}.md", rule.meta().name), rule_page(rule.meta())));
    }
    let dir = docs_dir();
    if std::env::var_os("LASHING_UPDATE_DOCS").is_some() {
        std::fs::create_dir_all(&dir).unwrap();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "md") {
                std::fs::remove_file(path).unwrap();
            }
        }
        for (name, text) in &expected {
            std::fs::write(dir.join(name), text).unwrap();
        }
        return;
    }
    let mut stale = Vec::new();
    for (name, text) in &expected {
        match std::fs::read_to_string(dir.join(name)) {
            Ok(committed) if &committed == text => {}
            _ => stale.push(name.clone()),
        }
    }
    let present: Vec<String> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(|e| e.ok()?.file_name().into_string().ok())
                .collect()
        })
        .unwrap_or_default();
    for name in present {
        if name.ends_with(".md") && !expected.iter().any(|(n, _)| *n == name) {
            stale.push(format!("{name} (no such rule)"));
        }
    }
    assert!(
        stale.is_empty(),
        "docs/rules is stale: {stale:?}\nrun: LASHING_UPDATE_DOCS=1 cargo test -p lashing --test docs"
    );
}

/// docs/lashing.schema.json is generated from the configuration's key table, the
/// one the reader validates against.
#[test]
fn config_schema_is_up_to_date() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/lashing.schema.json");
    let expected = lashing_cli::docs::config_schema();
    if std::env::var_os("LASHING_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &expected).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "docs/lashing.schema.json is stale\nrun: LASHING_UPDATE_DOCS=1 cargo test -p lashing --test docs"
    );
}

/// The schema accepts the configuration of the configured test project and
/// rejects a misspelt key, as the reader does.
#[test]
fn config_schema_agrees_with_the_reader() {
    let schema: serde_json::Value =
        serde_json::from_str(&lashing_cli::docs::config_schema()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let good = serde_json::json!({
        "lint": {
            "extend-select": ["hardening", "L602"],
            "ignore": ["root-user"],
            "fail-on": "warning",
            "severity": { "floating-image-tag": "error" },
            "per-file-ignores": [{ "paths": ["legacy/**"], "rules": ["obsolete-version"] }],
            "exceptions": [{ "rule": "privileged", "services": ["db"], "reason": "x" }]
        }
    });
    assert!(validator.is_valid(&good));
    let misspelt = serde_json::json!({ "lint": { "selct": ["all"] } });
    assert!(!validator.is_valid(&misspelt));
    let no_reason = serde_json::json!({ "lint": { "exceptions": [{ "rule": "privileged", "services": ["db"] }] } });
    assert!(!validator.is_valid(&no_reason));
    let bad_rule = serde_json::json!({ "lint": { "ignore": ["privilegd"] } });
    assert!(!validator.is_valid(&bad_rule));
}
