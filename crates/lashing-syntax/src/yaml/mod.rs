//! A YAML tree that keeps every position.
//!
//! Nodes live in one arena per document and refer to each other by [`NodeId`], so the
//! tree is flat in memory: no recursion to drop it, no stack overflow on deep input.
//! Aliases stay alias nodes pointing at their anchor; nothing is copied. `<<` merge
//! keys are resolved on demand by [`MergeResolver`], with memoisation and a budget.
//!
//! The event parser (granit-parser) is used only in `build.rs`, so it can be replaced
//! without touching anything above this module.

mod ambiguous;
mod build;
mod merge;
mod scalar;

pub use ambiguous::{classify as classify_ambiguous, Ambiguity, AmbiguousScalar};
pub use build::{parse, parse_keeping, Comments};
pub use merge::{MergeError, MergeResolver, ResolvedEntry, MERGE_WORK_BUDGET};
pub use scalar::{resolve_plain, ScalarValue};

use crate::Span;

/// Index of a node in its [`Document`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub u32);

/// How a scalar was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScalarStyle {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scalar {
    /// The value after YAML escape processing and folding.
    pub text: Box<str>,
    pub style: ScalarStyle,
    /// The type yaml.v3 (and so Compose) gives this scalar.
    pub value: ScalarValue,
}

impl Scalar {
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    pub key: NodeId,
    pub value: NodeId,
}

#[derive(Debug, Clone)]
pub enum NodeKind {
    Scalar(Scalar),
    Sequence(Vec<NodeId>),
    Mapping(Vec<Entry>),
    /// `*name`. `target` is `None` when no anchor of that name precedes it.
    Alias {
        target: Option<NodeId>,
        name: Box<str>,
    },
}

/// `&name` on a node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub name: Box<str>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Node {
    pub kind: NodeKind,
    /// The node's content. For a block collection: from its first to its last item.
    pub span: Span,
    /// Boxed: few nodes have one, and inline it was a quarter of every node.
    pub anchor: Option<Box<Anchor>>,
    /// Explicit tag, resolved (`tag:yaml.org,2002:str` for `!!str`, `!reset` as is).
    pub tag: Option<Box<str>>,
}

impl Node {
    pub fn as_scalar(&self) -> Option<&Scalar> {
        match &self.kind {
            NodeKind::Scalar(s) => Some(s),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(&self.kind, NodeKind::Scalar(s) if s.value == ScalarValue::Null)
    }
}

/// One `---` document.
#[derive(Debug, Default)]
pub struct Document {
    nodes: Vec<Node>,
    pub root: Option<NodeId>,
}

impl Document {
    pub fn node(&self, id: NodeId) -> &Node {
        // NodeIds are only created by this document's builder, as indices into
        // `nodes`, and nodes are never removed: the index is always in bounds.
        &self.nodes[id.0 as usize]
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Every node, in creation order (document order of their start).
    pub fn node_ids(&self) -> impl Iterator<Item = NodeId> + '_ {
        (0..self.nodes.len()).map(|i| NodeId(u32::try_from(i).unwrap_or(u32::MAX)))
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Follows one alias to its anchored node (anchors cannot sit on aliases, so one
    /// step is enough). Non-alias nodes are returned as they are; an unresolved alias
    /// stays itself.
    pub fn deref(&self, id: NodeId) -> NodeId {
        match &self.node(id).kind {
            NodeKind::Alias {
                target: Some(t), ..
            } => *t,
            _ => id,
        }
    }

    /// The scalar at `id`, through an alias.
    pub fn scalar(&self, id: NodeId) -> Option<&Scalar> {
        self.node(self.deref(id)).as_scalar()
    }

    /// The items of a sequence at `id`, through an alias.
    pub fn sequence(&self, id: NodeId) -> Option<&[NodeId]> {
        match &self.node(self.deref(id)).kind {
            NodeKind::Sequence(items) => Some(items),
            _ => None,
        }
    }

    /// The written entries of a mapping at `id` (through an alias), `<<` unresolved.
    pub fn mapping(&self, id: NodeId) -> Option<&[Entry]> {
        match &self.node(self.deref(id)).kind {
            NodeKind::Mapping(entries) => Some(entries),
            _ => None,
        }
    }

    /// The text of a scalar key (mapping keys in compose files are strings).
    pub fn key_text(&self, id: NodeId) -> Option<&str> {
        self.scalar(id).map(Scalar::as_str)
    }

    pub fn span(&self, id: NodeId) -> Span {
        self.node(id).span
    }

    /// The source span of `range`, a byte range of the scalar's *decoded* text. Exact
    /// when decoded text and source coincide (plain scalars, quoted scalars without
    /// escapes or line folding); otherwise the whole scalar, which is never wrong.
    pub fn text_span(&self, id: NodeId, range: std::ops::Range<usize>) -> Span {
        let node = self.node(id);
        match self.text_start(id) {
            Some(start) => {
                let quote = (start - node.span.start) as usize;
                node.span.sub(range.start + quote..range.end + quote)
            }
            None => node.span,
        }
    }

    /// The file offset where a scalar's text starts when the file holds that text
    /// verbatim (a one-line plain scalar, or a quoted one without escapes or folding),
    /// so that byte `i` of the text is byte `start + i` of the file. `None` otherwise:
    /// block scalars, escapes and folded lines change the bytes.
    pub fn text_start(&self, id: NodeId) -> Option<u32> {
        let node = self.node(id);
        let scalar = node.as_scalar()?;
        let quote = match scalar.style {
            ScalarStyle::Plain => 0,
            ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => 1,
            ScalarStyle::Literal | ScalarStyle::Folded => return None,
        };
        // Escapes, doubled quotes and folding only ever shorten the text, so equal
        // lengths mean the text is the file's bytes.
        (node.span.len() == scalar.text.len() + 2 * quote).then_some(node.span.start + quote as u32)
    }

    fn push(&mut self, node: Node) -> NodeId {
        let id = NodeId(u32::try_from(self.nodes.len()).unwrap_or(u32::MAX));
        self.nodes.push(node);
        id
    }
}

/// A repeated mapping key: `key` repeats `first` in the same mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateKey {
    pub name: Box<str>,
    pub first: Span,
    pub repeat: Span,
}

/// The file is not valid YAML: where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// Text after `#`.
    pub text: Box<str>,
    /// The whole comment, `#` included.
    pub span: Span,
}

/// The result of parsing one file.
#[derive(Debug, Default)]
pub struct YamlFile {
    pub documents: Vec<Document>,
    /// The first syntax error, if any. Parsing stops there: everything after it is
    /// unreliable, and Compose refuses the whole file.
    pub error: Option<SyntaxError>,
    pub duplicate_keys: Vec<DuplicateKey>,
    pub comments: Vec<Comment>,
    /// The plain scalars YAML readers disagree on, kept when the documents are
    /// freed ([`YamlFile::free_documents`]).
    pub ambiguous: Vec<AmbiguousScalar>,
}

impl YamlFile {
    /// Frees the node trees, keeping the error, duplicate keys, comments and
    /// ambiguous scalars. A loader that has built what it needs from the trees
    /// calls this, so a large file does not hold its YAML tree for the whole run.
    pub fn free_documents(&mut self) {
        self.documents = Vec::new();
    }
}

pub use merge::is_merge_key;
