//! Property tests of the loading steps' algebraic laws, over generated input:
//! interpolation is the identity on text without `$`, and merging an empty
//! override (a whole file or one service) changes nothing.

use proptest::prelude::*;

use lashing_syntax::yaml::ScalarValue;
use lashing_syntax::{FileId, Span};

use crate::interpolation::{interpolate, parse, Part};
use crate::merge::{merge_files, merge_service, strip_tags};
use crate::tree::{interpolate_tree, Entry, Key, Node};

/// Any text without a `$`, with the characters templates care about (`{`, `}`,
/// `:`, `-`, `?`, `+`) made common.
fn text_without_dollar() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just('{'),
        Just('}'),
        Just(':'),
        Just('-'),
        Just('?'),
        Just('+'),
        Just('\\'),
        any::<char>(),
    ]
    .prop_filter("no `$`", |c| *c != '$');
    prop::collection::vec(piece, 0..40).prop_map(|chars| chars.into_iter().collect())
}

/// Every variable is set: identity must hold whatever the environment.
fn lookup(name: &str) -> Option<String> {
    Some(format!("<{name}>"))
}

fn span(n: usize) -> Span {
    Span::new(FileId(0), n, n + 1)
}

/// Keys from the Compose vocabulary, so that the merge's per-path rules (replace,
/// union by key, unique items, `depends_on` as a mapping...) are all reached.
const KEYS: &[&str] = &[
    "services",
    "web",
    "db",
    "image",
    "command",
    "entrypoint",
    "environment",
    "labels",
    "ports",
    "volumes",
    "depends_on",
    "networks",
    "build",
    "context",
    "args",
    "logging",
    "driver",
    "options",
    "ulimits",
    "nofile",
    "healthcheck",
    "test",
    "extra_hosts",
    "secrets",
    "configs",
    "dns",
    "ipam",
    "config",
    "subnet",
    "condition",
    "x-common",
];

fn scalar() -> impl Strategy<Value = Node> {
    let kinds = prop_oneof![
        Just(ScalarValue::String),
        Just(ScalarValue::Null),
        Just(ScalarValue::Int(80)),
        Just(ScalarValue::Bool(true)),
    ];
    (text_without_dollar(), kinds, 0..1000usize)
        .prop_map(|(text, kind, at)| Node::scalar(span(at), text, kind))
}

/// A compose-shaped tree: nested mappings with Compose keys, sequences and
/// scalars, without tags (a base file has its tags stripped before merging).
fn tree() -> impl Strategy<Value = Node> {
    scalar().prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            (prop::collection::vec(inner.clone(), 0..5), 0..1000usize)
                .prop_map(|(items, at)| Node::sequence(span(at), items)),
            (
                prop::collection::vec((prop::sample::select(KEYS), inner), 0..6),
                0..1000usize
            )
                .prop_map(|(entries, at)| {
                    let entries = entries
                        .into_iter()
                        .enumerate()
                        .map(|(i, (key, value))| Entry::new(Key::new(key, span(at + i)), value))
                        .collect();
                    Node::mapping(span(at), entries)
                }),
        ]
    })
}

/// A service: a mapping of Compose keys to trees.
fn service() -> impl Strategy<Value = Node> {
    prop::collection::vec((prop::sample::select(KEYS), tree()), 0..6).prop_map(|entries| {
        Node::mapping(
            span(0),
            entries
                .into_iter()
                .map(|(key, value)| Entry::new(Key::new(key, span(1)), value))
                .collect(),
        )
    })
}

/// A whole file: `services` holding services.
fn file() -> impl Strategy<Value = Node> {
    prop::collection::vec(("[a-c]", service()), 0..4).prop_map(|services| {
        let services = services
            .into_iter()
            .map(|(name, service)| Entry::new(Key::new(format!("svc-{name}"), span(2)), service))
            .collect();
        Node::mapping(
            span(0),
            vec![Entry::new(
                Key::new("services", span(3)),
                Node::mapping(span(4), services),
            )],
        )
    })
}

fn shown(node: &Node) -> String {
    format!("{node:?}")
}

proptest! {
    #[test]
    fn text_without_dollar_interpolates_to_itself(text in text_without_dollar()) {
        let result = match interpolate(&text, &lookup) {
            Ok(result) => result,
            Err(err) => return Err(TestCaseError::fail(format!("{err:?}"))),
        };
        prop_assert_eq!(&result.value, &text);
        prop_assert!(result.substitutions.is_empty());
        let parts = parse(&text).unwrap_or_default();
        prop_assert!(parts.iter().all(|part| matches!(part, Part::Literal(_))));
    }

    #[test]
    fn tree_without_dollar_is_left_alone(tree in tree()) {
        let mut interpolated = tree.clone();
        let (mut issues, mut sites) = (Vec::new(), Vec::new());
        interpolate_tree(&mut interpolated, &lookup, &mut issues, &mut sites);
        prop_assert_eq!(shown(&interpolated), shown(&tree));
        prop_assert!(issues.is_empty() && sites.is_empty());
    }

    #[test]
    fn merging_an_empty_file_changes_nothing(base in file()) {
        let mut merged = base.clone();
        strip_tags(&mut merged);
        let expected = shown(&merged);
        merge_files(&mut merged, Node::mapping(span(9), Vec::new()));
        prop_assert_eq!(shown(&merged), expected);
    }

    #[test]
    fn merging_empty_services_changes_nothing(base in file()) {
        let mut merged = base.clone();
        strip_tags(&mut merged);
        let expected = shown(&merged);
        // An override naming every service with nothing in it.
        let names: Vec<Entry> = merged
            .get("services")
            .and_then(Node::as_mapping)
            .unwrap_or_default()
            .iter()
            .map(|e| Entry::new(e.key.clone(), Node::mapping(span(9), Vec::new())))
            .collect();
        let over = Node::mapping(
            span(9),
            vec![Entry::new(Key::new("services", span(9)), Node::mapping(span(9), names))],
        );
        merge_files(&mut merged, over);
        prop_assert_eq!(shown(&merged), expected);
    }

    #[test]
    fn extending_with_an_empty_service_changes_nothing(service in service()) {
        let mut expected = service.clone();
        strip_tags(&mut expected);
        let merged = merge_service(service, Node::mapping(span(9), Vec::new()));
        prop_assert_eq!(shown(&merged), shown(&expected));
    }
}
