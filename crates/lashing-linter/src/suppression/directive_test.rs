//! Unit tests of directive parsing (private helpers, so they live beside it).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use lashing_syntax::{FileId, SourceFile};

use super::*;

fn parsed(text: &str) -> (SourceFile, Vec<Parsed>) {
    let file = SourceFile::new(
        FileId(0),
        PathBuf::from("c.yaml"),
        "c.yaml".into(),
        text.into(),
    );
    let yaml = lashing_syntax::yaml::parse(FileId(0), &file.text);
    let found = directives(&file, &yaml.comments);
    (file, found)
}

fn only(text: &str) -> (SourceFile, Directive) {
    let (file, mut found) = parsed(text);
    assert_eq!(found.len(), 1, "{found:?}");
    match found.remove(0) {
        Parsed::Directive(d) => (file, d),
        Parsed::Malformed(m) => panic!("malformed: {}", m.message),
    }
}

#[test]
fn trailing_comment_applies_to_its_own_line() {
    let (file, d) = only("a: 1\nb: 2  # lashing: ignore[obsolete-version, L602] why not\n");
    assert_eq!(d.scope, Scope::Line(2));
    let names: Vec<&str> = d.selectors.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(names, ["obsolete-version", "L602"]);
    // Each selector's span is exactly its text.
    for s in &d.selectors {
        assert_eq!(file.slice(s.span), s.text);
    }
    assert_eq!(d.reason.as_deref(), Some("why not"));
}

#[test]
fn own_line_comment_applies_to_the_next_line_with_content() {
    let text = "a:\n  # lashing: ignore[privileged]\n\n  # another comment\n  b: 2\n";
    let (_, d) = only(text);
    assert_eq!(d.scope, Scope::Line(5));
    assert_eq!(d.reason, None);
}

#[test]
fn ignore_file_applies_everywhere() {
    let (_, d) = only("# lashing: ignore-file[undefined-variable]\nservices: {}\n");
    assert_eq!(d.scope, Scope::File);
}

#[test]
fn hash_in_a_quoted_string_is_not_a_directive() {
    let (_, found) = parsed("a: \"x # lashing: ignore[privileged]\"\n");
    assert!(found.is_empty());
}

#[test]
fn other_comments_that_mention_lashing_are_left_alone() {
    let (_, found) = parsed("# lashing: this file is linted in CI\n# lashing rocks\na: 1\n");
    assert!(found.is_empty());
}

#[test]
fn a_directive_without_rules_is_malformed() {
    for text in [
        "a: 1 # lashing: ignore\n",
        "a: 1 # lashing: ignore[privileged\n",
        "a: 1 # lashing: ignore[ , ]\n",
    ] {
        let (_, found) = parsed(text);
        assert!(
            matches!(found.as_slice(), [Parsed::Malformed(_)]),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn repeated_selectors_keep_their_own_positions() {
    let (file, d) = only("a: 1 # lashing: ignore[x,x]\n");
    assert_eq!(d.selectors.len(), 2);
    assert_ne!(d.selectors[0].span, d.selectors[1].span);
    assert_eq!(file.slice(d.selectors[1].span), "x");
}

#[test]
fn non_ascii_text_before_the_directive_keeps_spans_on_char_boundaries() {
    let (file, d) = only("name: \"ünïcödé\"  # lashing: ignore[privileged] ç'est ça\n");
    assert_eq!(file.slice(d.selectors[0].span), "privileged");
    assert_eq!(d.reason.as_deref(), Some("ç'est ça"));
}
