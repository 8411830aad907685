#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;

use lashing_syntax::yaml::parse;
use lashing_syntax::FileId;

use super::*;
use crate::tree::from_document;
use crate::Spanned;

struct Loaded {
    text: String,
    root: Node,
    issues: Vec<InterpolationIssue>,
    sites: Vec<SubstitutionSite>,
}

fn load(text: &str, vars: &[(&str, &str)]) -> Loaded {
    let env: HashMap<String, String> = vars
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let yaml = parse(FileId(0), text);
    let (root, _) = from_document(&yaml.documents[0]);
    let mut root = root.unwrap();
    let mut issues = Vec::new();
    let mut sites = Vec::new();
    interpolate_tree(
        &mut root,
        &|name| env.get(name).cloned(),
        &mut issues,
        &mut sites,
    );
    Loaded {
        text: text.to_string(),
        root,
        issues,
        sites,
    }
}

fn spanned(node: &Node) -> Spanned<String> {
    let scalar = node.as_scalar().unwrap();
    let mut s = Spanned::new(scalar.text.clone(), node.span);
    s.text = scalar.origin.clone();
    s
}

impl Loaded {
    fn at(&self, span: Span) -> &str {
        &self.text[span.range()]
    }
}

#[test]
fn values_are_interpolated_and_keys_are_not() {
    let l = load(
        "$K: ${V}\nlist: [\"a-$V\", $$V]\nx-ext: ${V:-d}\n",
        &[("V", "1")],
    );
    assert!(l.root.get("$K").is_some());
    assert_eq!(l.root.get("$K").unwrap().as_str(), Some("1"));
    let list = l.root.get("list").unwrap().as_sequence().unwrap();
    assert_eq!(list[0].as_str(), Some("a-1"));
    assert_eq!(list[1].as_str(), Some("$V"));
    assert_eq!(l.root.get("x-ext").unwrap().as_str(), Some("1"));
    assert!(l.issues.is_empty());
}

#[test]
fn defaults_apply_and_record_their_source() {
    let l = load("url: http://${HOST:-localhost}:80/x\n", &[]);
    let url = spanned(l.root.get("url").unwrap());
    assert_eq!(url.value, "http://localhost:80/x");
    // The host maps to the `${...}` that produced it; literal text maps exactly.
    assert_eq!(l.at(url.sub_span(7..16)), "${HOST:-localhost}");
    assert_eq!(l.at(url.sub_span(17..19)), "80");
    assert_eq!(l.at(url.sub_span(0..4)), "http");
    assert_eq!(l.sites.len(), 1);
    assert_eq!(l.sites[0].source, ValueSource::Default);
    assert_eq!(l.sites[0].value, "localhost");
    assert_eq!(url.authored(), "http://${HOST:-localhost}:80/x");
}

#[test]
fn a_plain_reference_to_an_unset_variable_keeps_the_authored_text() {
    let l = load("a: \"${PORT}:80\"\nb: ${X:+set}\n", &[]);
    assert_eq!(l.root.get("a").unwrap().as_str(), Some("${PORT}:80"));
    assert_eq!(l.root.get("b").unwrap().as_str(), Some(""));
    let [issue] = l.issues.as_slice() else {
        panic!("{:?}", l.issues)
    };
    assert_eq!(
        issue.kind,
        IssueKind::Undefined {
            name: "PORT".into()
        }
    );
    assert_eq!(l.at(issue.span), "${PORT}");
}

#[test]
fn invalid_and_required_forms_are_issues_at_the_reference() {
    let l = load(
        "a: x ${ y}\nb: ${DB:?set DB}\nc: ${OK:?no}\n",
        &[("OK", "1")],
    );
    let kinds: Vec<_> = l.issues.iter().map(|i| (&i.kind, l.at(i.span))).collect();
    assert_eq!(kinds.len(), 2, "{kinds:?}");
    assert!(kinds
        .iter()
        .any(|(k, at)| matches!(k, IssueKind::Invalid { .. }) && *at == "${ y}"));
    assert!(kinds.iter().any(
        |(k, at)| matches!(k, IssueKind::RequiredUnset { name, .. } if name == "DB")
            && *at == "${DB:?set DB}"
    ));
    assert_eq!(l.root.get("c").unwrap().as_str(), Some("1"));
}

#[test]
fn numbers_and_nulls_are_left_alone() {
    let l = load("a: 1\nb: ~\nc: '$$'\n", &[]);
    assert_eq!(l.root.get("a").unwrap().as_str(), Some("1"));
    assert!(l.root.get("b").unwrap().is_null());
    assert_eq!(l.root.get("c").unwrap().as_str(), Some("$"));
}

#[test]
fn an_anchored_value_is_interpolated_once_for_all_its_copies() {
    let l = load(
        "x-env: &env\n  URL: http://${HOST}:${PORT:-80}\n  BAD: ${UNSET}\na: *env\nb: *env\n",
        &[("HOST", "db")],
    );
    let copies: Vec<&Node> = ["x-env", "a", "b"]
        .iter()
        .map(|k| l.root.get(k).unwrap().get("URL").unwrap())
        .collect();
    for copy in &copies {
        assert_eq!(copy.as_str(), Some("http://db:80"));
    }
    // One provenance, shared by the three copies.
    let text = |n: &Node| match &n.as_scalar().unwrap().origin {
        TextOrigin::Interpolated { text, .. } => Arc::clone(text),
        other => panic!("not interpolated: {other:?}"),
    };
    assert!(Arc::ptr_eq(&text(copies[0]), &text(copies[1])));
    assert!(Arc::ptr_eq(&text(copies[0]), &text(copies[2])));
    // The written value's sites and its issue, once each.
    assert_eq!(l.sites.iter().filter(|s| s.name == "HOST").count(), 1);
    assert_eq!(l.issues.len(), 1);
    assert_eq!(l.at(l.issues[0].span), "${UNSET}");
    // The copies of a value left as written stay as written.
    for k in ["x-env", "a", "b"] {
        let bad = l.root.get(k).unwrap().get("BAD").unwrap();
        assert_eq!(bad.as_str(), Some("${UNSET}"));
    }
}
