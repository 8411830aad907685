#![allow(clippy::unwrap_used, clippy::expect_used)]

use lashing_syntax::yaml::{parse, ScalarValue};
use lashing_syntax::FileId;

use super::*;
use crate::tree::{Node, Tag};

fn tree(text: &str) -> (Node, Vec<TreeError>) {
    let yaml = parse(FileId(0), text);
    assert!(yaml.error.is_none(), "{:?}", yaml.error);
    let (tree, errors) = from_document(&yaml.documents[0]);
    (tree.unwrap(), errors)
}

fn at(text: &str, span: Span) -> &str {
    &text[span.range()]
}

#[test]
fn aliases_are_copied_with_their_use_site() {
    let text = "x: &a {k: v}\ny: *a\n";
    let (root, errors) = tree(text);
    assert!(errors.is_empty());
    let y = root.get("y").unwrap();
    assert_eq!(y.get("k").unwrap().as_str(), Some("v"));
    assert_eq!(at(text, y.span), "{k: v}");
    assert_eq!(at(text, y.via.unwrap()), "*a");
    // The copy's children inherit the use site; the original has none.
    assert_eq!(at(text, y.get("k").unwrap().via.unwrap()), "*a");
    assert!(root.get("x").unwrap().get("k").unwrap().via.is_none());
}

#[test]
fn merge_keys_are_applied_and_written_keys_win() {
    let text = "base: &b {a: 1, b: 2}\ns:\n  <<: *b\n  b: 3\n";
    let (root, _) = tree(text);
    let s = root.get("s").unwrap();
    let keys: Vec<_> = s
        .as_mapping()
        .unwrap()
        .iter()
        .map(|e| e.key.text.as_str())
        .collect();
    assert_eq!(keys, ["a", "b"]);
    assert_eq!(s.get("b").unwrap().as_str(), Some("3"));
    assert!(s.get("b").unwrap().via.is_none());
    let a = s.entry("a").unwrap();
    assert_eq!(at(text, a.key.via.unwrap()), "*b");
    assert_eq!(at(text, a.value.span), "1");
}

#[test]
fn scalars_keep_type_and_verbatim_offset() {
    let text = "a: 0755\nb: \"x:y\"\nc: |\n  block\n";
    let (root, _) = tree(text);
    let a = root.get("a").unwrap().as_scalar().unwrap();
    assert_eq!(a.kind, ScalarValue::Int(493));
    let b = root.get("b").unwrap().as_scalar().unwrap();
    assert_eq!(
        b.origin,
        TextOrigin::Verbatim(text.find("x:y").unwrap() as u32)
    );
    let c = root.get("c").unwrap().as_scalar().unwrap();
    assert_eq!(c.origin, TextOrigin::Transformed);
}

#[test]
fn reset_and_override_tags_are_kept() {
    let (root, _) = tree("a: !reset []\nb: !override {x: 1}\nc: 1\n");
    assert_eq!(root.get("a").unwrap().tag, Some(Tag::Reset));
    assert_eq!(root.get("b").unwrap().tag, Some(Tag::Override));
    assert_eq!(root.get("c").unwrap().tag, None);
}

#[test]
fn an_alias_bomb_stops_at_the_budget() {
    let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..9 {
        let prev = format!("*a{}", i - 1);
        let items = vec![prev; 10].join(", ");
        text.push_str(&format!("a{i}: &a{i} [{items}]\n"));
    }
    let (_, errors) = tree(&text);
    // A small file gets the smallest budget, not the largest.
    assert!(errors
        .iter()
        .any(|e| matches!(e, TreeError::TooLarge { budget, .. } if *budget == MIN_TREE_NODES)));
    assert_eq!(
        errors
            .iter()
            .filter(|e| matches!(e, TreeError::TooLarge { .. }))
            .count(),
        1,
        "reported once"
    );
}

#[test]
fn a_broken_merge_in_an_unused_block_is_reported() {
    let (_, errors) = tree("x-a: &a 1\nx-b:\n  <<: *a\nservices: {}\n");
    assert!(matches!(errors.as_slice(), [TreeError::Merge(_)]));
}
