#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Real compose files written by others (../shared/corpus, when present): every
//! file parses, nothing panics, and what lashing reports on them is a snapshot, so
//! every change in findings on real files is reviewed.

mod common;

use common::{lashing, repo_root};

#[test]
fn corpus_loads_without_syntax_errors_and_findings_are_reviewed() {
    let corpus = repo_root().join("../shared/corpus");
    if !corpus.is_dir() {
        eprintln!("skipping: {} is absent", corpus.display());
        return;
    }
    let syntax = lashing(
        &corpus,
        &["check", "--format", "json", "--select", "yaml-syntax", "."],
    );
    let json: serde_json::Value = serde_json::from_str(&syntax.stdout).unwrap();
    assert!(
        json["summary"]["files"].as_u64().unwrap() >= 30,
        "{}",
        json["summary"]
    );
    assert_eq!(
        json["findings"].as_array().unwrap().len(),
        0,
        "{}",
        syntax.stdout
    );
    assert_eq!(syntax.code, 0);

    let all = lashing(
        &corpus,
        &["check", "--format", "concise", "--select", "all", "."],
    );
    insta::assert_snapshot!("corpus_all_rules", all.stdout);
}
