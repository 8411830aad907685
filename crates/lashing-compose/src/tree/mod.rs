//! The Compose document as compose-go sees it before it builds its model: a tree of
//! mappings, sequences and scalars with anchors, aliases and `<<` merge keys already
//! applied, in which every node still knows where it was written.
//!
//! This is the shape every loading step works on, in compose-go's order: one tree
//! per file ([`from_document`]), interpolated ([`interpolate_tree`]), with `extends`
//! resolved and override files merged (`crate::merge`), then read into the typed
//! model. Because a node keeps its [`Span`] (which names its file), a value that an
//! override file or an `extends` base contributed still points into that file after
//! the merge.

mod from_yaml;
mod interpolate;

use lashing_syntax::yaml::ScalarValue;
use lashing_syntax::Span;

use crate::spanned::TextOrigin;

pub use from_yaml::{from_document, TreeError, MAX_TREE_NODES};
pub use interpolate::{interpolate_tree, InterpolationIssue, IssueKind, Lookup, SubstitutionSite};

/// `!reset` / `!override` on a node of an override file (compose-go `loader/reset.go`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    /// Remove the value from what is merged so far; the node's own value is dropped.
    Reset,
    /// Replace the value merged so far wholesale instead of merging into it.
    Override,
}

#[derive(Debug, Clone)]
pub struct Node {
    /// Where the value is written (for an alias: the anchored node).
    pub span: Span,
    /// Where it was used from when that differs: the `*alias`, the `<<: *anchor`, or
    /// the `extends` that brought it into a service. The outermost use site wins.
    pub via: Option<Span>,
    pub tag: Option<Tag>,
    pub value: Value,
}

#[derive(Debug, Clone)]
pub enum Value {
    Scalar(Scalar),
    Sequence(Vec<Node>),
    Mapping(Vec<Entry>),
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub key: Key,
    pub value: Node,
}

/// A mapping key. Compose never interpolates keys.
#[derive(Debug, Clone)]
pub struct Key {
    pub text: String,
    pub span: Span,
    /// The use site when the entry came through `<<` or an alias.
    pub via: Option<Span>,
    /// The key's YAML type: Compose refuses keys that are not strings (`123:`).
    pub kind: ScalarValue,
}

#[derive(Debug, Clone)]
pub struct Scalar {
    /// The text as Compose reads it: after YAML escapes and, for strings, after
    /// interpolation.
    pub text: String,
    /// The type yaml.v3 gave the authored scalar (an interpolated string stays a
    /// string; Compose casts some paths afterwards).
    pub kind: ScalarValue,
    /// How `text` relates to the file's bytes (for exact sub-spans).
    pub origin: TextOrigin,
}

impl Node {
    pub fn scalar(span: Span, text: impl Into<String>, kind: ScalarValue) -> Node {
        Node {
            span,
            via: None,
            tag: None,
            value: Value::Scalar(Scalar {
                text: text.into(),
                kind,
                origin: TextOrigin::Transformed,
            }),
        }
    }

    pub fn null(span: Span) -> Node {
        Node::scalar(span, "", ScalarValue::Null)
    }

    pub fn mapping(span: Span, entries: Vec<Entry>) -> Node {
        Node {
            span,
            via: None,
            tag: None,
            value: Value::Mapping(entries),
        }
    }

    pub fn sequence(span: Span, items: Vec<Node>) -> Node {
        Node {
            span,
            via: None,
            tag: None,
            value: Value::Sequence(items),
        }
    }

    /// Where to report a problem that depends on where the value is used.
    pub fn use_site(&self) -> Span {
        self.via.unwrap_or(self.span)
    }

    pub fn as_scalar(&self) -> Option<&Scalar> {
        match &self.value {
            Value::Scalar(s) => Some(s),
            _ => None,
        }
    }

    /// The text of a scalar that is not null.
    pub fn as_str(&self) -> Option<&str> {
        self.as_scalar()
            .filter(|s| s.kind != ScalarValue::Null)
            .map(|s| s.text.as_str())
    }

    pub fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar(s) if s.kind == ScalarValue::Null)
    }

    pub fn as_mapping(&self) -> Option<&[Entry]> {
        match &self.value {
            Value::Mapping(entries) => Some(entries),
            _ => None,
        }
    }

    pub fn as_mapping_mut(&mut self) -> Option<&mut Vec<Entry>> {
        match &mut self.value {
            Value::Mapping(entries) => Some(entries),
            _ => None,
        }
    }

    pub fn as_sequence(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Sequence(items) => Some(items),
            _ => None,
        }
    }

    /// The entry of a mapping under `key`.
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.as_mapping()?.iter().find(|e| e.key.text == key)
    }

    /// The value of a mapping under `key`.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|e| &e.value)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Node> {
        self.as_mapping_mut()?
            .iter_mut()
            .find(|e| e.key.text == key)
            .map(|e| &mut e.value)
    }

    /// The name of the node's kind, as schema messages say it.
    pub fn kind_name(&self) -> &'static str {
        match &self.value {
            Value::Mapping(_) => "mapping",
            Value::Sequence(_) => "sequence",
            Value::Scalar(s) => match s.kind {
                ScalarValue::Null => "null",
                ScalarValue::Bool(_) => "boolean",
                ScalarValue::Int(_) | ScalarValue::Uint(_) => "integer",
                ScalarValue::Float(_) => "number",
                ScalarValue::Timestamp | ScalarValue::String => "string",
            },
        }
    }

    /// Sets `via` on this node and everything under it that has none, so that values
    /// brought in by `extends` are reported at the `extends` of the service using them.
    pub fn set_use_site(&mut self, via: Span) {
        let mut stack = vec![self];
        while let Some(node) = stack.pop() {
            node.via.get_or_insert(via);
            match &mut node.value {
                Value::Scalar(_) => {}
                Value::Sequence(items) => stack.extend(items.iter_mut()),
                Value::Mapping(entries) => {
                    for entry in entries {
                        entry.key.via.get_or_insert(via);
                        stack.push(&mut entry.value);
                    }
                }
            }
        }
    }
}

impl Key {
    pub fn new(text: impl Into<String>, span: Span) -> Key {
        Key {
            text: text.into(),
            span,
            via: None,
            kind: ScalarValue::String,
        }
    }
}

impl Entry {
    pub fn new(key: Key, value: Node) -> Entry {
        Entry { key, value }
    }
}
