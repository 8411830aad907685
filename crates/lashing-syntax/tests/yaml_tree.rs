#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The YAML tree: spans, duplicates, anchors, merges and hostile input.

use lashing_syntax::yaml::{
    parse, parse_keeping, Comments, MergeResolver, NodeKind, ScalarValue, YamlFile,
};
use lashing_syntax::FileId;

fn tree(text: &str) -> YamlFile {
    parse(FileId(0), text)
}

fn slice(text: &str, span: lashing_syntax::Span) -> &str {
    &text[span.range()]
}

#[test]
fn spans_of_keys_and_values() {
    let text = "services:\n  web:\n    image: \"nginx:1.27\"\n";
    let file = tree(text);
    assert!(file.error.is_none());
    let doc = &file.documents[0];
    let root = doc.root.unwrap();
    let services = doc.mapping(root).unwrap()[0];
    assert_eq!(slice(text, doc.span(services.key)), "services");
    let web = doc.mapping(services.value).unwrap()[0];
    let image = doc.mapping(web.value).unwrap()[0];
    assert_eq!(slice(text, doc.span(image.key)), "image");
    assert_eq!(slice(text, doc.span(image.value)), "\"nginx:1.27\"");
    assert_eq!(doc.scalar(image.value).unwrap().as_str(), "nginx:1.27");
    assert_eq!(
        slice(text, doc.span(web.value)),
        "image: \"nginx:1.27\"",
        "a block mapping spans its entries"
    );
}

#[test]
fn every_duplicate_key_is_reported() {
    let text = "a: 1\nb: 2\na: 3\na: 4\n'b': 5\n";
    let file = tree(text);
    let dups: Vec<_> = file
        .duplicate_keys
        .iter()
        .map(|d| (slice(text, d.first), d.first.start, d.repeat.start))
        .collect();
    assert_eq!(dups, vec![("a", 0, 10), ("a", 0, 15), ("b", 5, 20)]);
}

#[test]
fn plain_scalars_follow_yaml_v3() {
    let text = "a: yes\nb: 0755\nc: '0755'\nd: !!str 12\ne: ~\n";
    let file = tree(text);
    let doc = &file.documents[0];
    let values: Vec<_> = doc
        .mapping(doc.root.unwrap())
        .unwrap()
        .iter()
        .map(|e| doc.scalar(e.value).unwrap().value)
        .collect();
    assert_eq!(
        values,
        vec![
            ScalarValue::String,
            ScalarValue::Int(493),
            ScalarValue::String,
            ScalarValue::String,
            ScalarValue::Null
        ]
    );
}

#[test]
fn aliases_point_at_anchors_without_copying() {
    let text = "x: &base\n  k: v\ny: *base\n";
    let file = tree(text);
    let doc = &file.documents[0];
    let entries = doc.mapping(doc.root.unwrap()).unwrap();
    let y = doc.node(entries[1].value);
    match &y.kind {
        NodeKind::Alias { target, name } => {
            assert_eq!(&**name, "base");
            assert_eq!(*target, Some(entries[0].value));
        }
        other => panic!("expected alias, got {other:?}"),
    }
    assert_eq!(slice(text, y.span), "*base");
    let anchor = doc.node(entries[0].value).anchor.clone().unwrap();
    assert_eq!(slice(text, anchor.span), "&base");
}

#[test]
fn merge_keys_resolve_with_use_and_definition_sites() {
    let text = "\
x-common: &common
  restart: always
  image: base
svc:
  <<: *common
  image: mine
";
    let file = tree(text);
    let doc = &file.documents[0];
    let mut merges = MergeResolver::new(doc);
    let svc = doc.mapping(doc.root.unwrap()).unwrap()[1].value;
    let entries = merges.entries(svc).unwrap();
    let got: Vec<_> = entries
        .iter()
        .map(|e| {
            (
                doc.key_text(e.key).unwrap().to_string(),
                doc.scalar(e.value).unwrap().as_str().to_string(),
                e.via.map(|v| slice(text, doc.span(v)).to_string()),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("restart".into(), "always".into(), Some("*common".into())),
            ("image".into(), "mine".into(), None),
        ]
    );
    assert!(merges.take_errors().is_empty());
}

#[test]
fn merge_list_earlier_source_wins() {
    let text = "a: &a {k: 1}\nb: &b {k: 2, j: 3}\nc:\n  <<: [*a, *b]\n";
    let file = tree(text);
    let doc = &file.documents[0];
    let mut merges = MergeResolver::new(doc);
    let c = doc.mapping(doc.root.unwrap()).unwrap()[2].value;
    let got: Vec<_> = merges
        .entries(c)
        .unwrap()
        .iter()
        .map(|e| doc.scalar(e.value).unwrap().as_str().to_string())
        .collect();
    assert_eq!(got, vec!["1", "3"]);
}

#[test]
fn self_referencing_anchor_is_a_finding_not_a_crash() {
    // 46 bytes that overflowed another library's stack.
    let text = "a: &a\n  b: *a\n  <<: *a\nc: *a\n";
    let file = tree(text);
    let doc = &file.documents[0];
    let mut merges = MergeResolver::new(doc);
    let a = doc.mapping(doc.root.unwrap()).unwrap()[0].value;
    let _ = merges.entries(a);
    let errors = merges.take_errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
}

#[test]
fn merge_of_a_scalar_is_an_error() {
    let text = "a: &s text\nb:\n  <<: *s\n";
    let file = tree(text);
    let doc = &file.documents[0];
    let mut merges = MergeResolver::new(doc);
    let b = doc.mapping(doc.root.unwrap()).unwrap()[1].value;
    merges.entries(b);
    assert_eq!(merges.take_errors().len(), 1);
}

fn alias_bomb(levels: usize, width: usize) -> String {
    let mut s = String::from("l0: &l0 {k0: lol}\n");
    for i in 1..levels {
        let refs = vec![format!("*l{}", i - 1); width].join(", ");
        s.push_str(&format!("l{i}: &l{i}\n  k{i}: x\n  <<: [{refs}]\n"));
        s.push_str(&format!(
            "s{i}: &s{i} [{}]\n",
            vec![format!("*l{}", i - 1); width].join(", ")
        ));
    }
    s
}

#[test]
fn alias_bomb_stays_linear() {
    let text = alias_bomb(9, 9);
    let file = tree(&text);
    assert!(file.error.is_none(), "{:?}", file.error);
    let doc = &file.documents[0];
    assert!(
        doc.len() < 1_000,
        "aliases are not expanded: {} nodes",
        doc.len()
    );
    let mut merges = MergeResolver::new(doc);
    let last = doc
        .mapping(doc.root.unwrap())
        .unwrap()
        .last()
        .unwrap()
        .value;
    let _ = merges.entries(last);
    for e in doc.mapping(doc.root.unwrap()).unwrap() {
        let _ = merges.entries(e.value);
    }
    assert!(merges.take_errors().is_empty());
}

#[test]
fn deep_flow_nesting_is_a_positioned_error() {
    let text = "[".repeat(100_000);
    let file = tree(&text);
    let err = file.error.expect("nesting limit");
    assert!(err.span.start < 1_000, "{err:?}");
}

#[test]
fn deep_block_nesting_is_a_positioned_error() {
    // `- - - - ...`: each `- ` opens a sequence inside the previous one.
    let text = "- ".repeat(50_000);
    let file = tree(&text);
    let err = file.error.expect("nesting limit");
    assert!(err.span.start < 1_000, "{err:?}");
}

#[test]
fn tab_indentation_points_at_the_tab() {
    let text = "services:\n\tweb:\n    image: x\n";
    let file = tree(text);
    let err = file.error.expect("tabs are invalid");
    assert_eq!(err.span.start, 10, "{err:?}");
    assert!(err.message.contains("tab"), "{}", err.message);
}

#[test]
fn comments_are_kept() {
    let text = "a: 1 # lashing: ignore[x]\n# top\n";
    let file = tree(text);
    let texts: Vec<_> = file.comments.iter().map(|c| slice(text, c.span)).collect();
    assert_eq!(texts, vec!["# lashing: ignore[x]", "# top"]);
}

#[test]
fn unknown_anchor_is_an_error() {
    let file = tree("a: *nope\n");
    assert!(file.error.unwrap().message.contains("nope"));
}

#[test]
fn empty_and_comment_only_files() {
    assert!(tree("").error.is_none());
    let file = tree("# nothing\n# here\n");
    assert!(file.error.is_none());
    assert!(file
        .documents
        .iter()
        .all(|d| d.root.is_none() || d.node(d.root.unwrap()).is_null()));
}

#[test]
fn flow_collection_spans_include_brackets() {
    let text = "a: [1, 2]\nb: {c: d}\n";
    let file = tree(text);
    let doc = &file.documents[0];
    let e = doc.mapping(doc.root.unwrap()).unwrap();
    assert_eq!(slice(text, doc.span(e[0].value)), "[1, 2]");
    assert_eq!(slice(text, doc.span(e[1].value)), "{c: d}");
}

#[test]
fn comments_can_be_left_out_without_changing_the_tree() {
    let text = "# head\nservices: # trailing\n  web:\n    image: nginx # pinned below\n";
    let all = parse_keeping(FileId(0), text, Comments::All);
    let none = parse_keeping(FileId(0), text, Comments::None);
    assert_eq!(all.comments.len(), 3);
    assert!(none.comments.is_empty());
    assert!(all.error.is_none() && none.error.is_none());
    let spans = |f: &YamlFile| {
        let doc = &f.documents[0];
        doc.node_ids().map(|id| doc.span(id)).collect::<Vec<_>>()
    };
    assert_eq!(spans(&all), spans(&none));
    // A syntax error is still found with the comments left out.
    let broken = parse_keeping(FileId(0), "a: [1, 2 # open\n", Comments::None);
    assert!(broken.error.is_some());
}
