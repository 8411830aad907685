//! YAML document -> [`Node`] tree: aliases and merge keys applied, spans kept.

use lashing_syntax::yaml::{is_merge_key, Document, MergeError, MergeResolver, NodeId, NodeKind};
use lashing_syntax::Span;

use super::{Entry, Key, Node, Scalar, Tag, Value};
use crate::spanned::TextOrigin;

/// How many nodes one document may expand to once aliases are copied. Aliases cost
/// nothing in the YAML tree but are copies here, so a "billion laughs" file must stop
/// somewhere. The budget is [`EXPANSION_FACTOR`] times the nodes written, at least
/// [`MIN_TREE_NODES`] and at most this: real compose files expand a few times at
/// most (the 15,000-service benchmark file, ~450,000 nodes, about 1.4 times), and a
/// small file cannot reach hundreds of megabytes.
pub const MAX_TREE_NODES: usize = 1_000_000;

/// The budget of any document, however small (~25 MB of tree).
pub const MIN_TREE_NODES: usize = 100_000;

/// Nodes of the tree per node written, before the budget stops expansion.
pub const EXPANSION_FACTOR: usize = 64;

/// The expansion budget of a document with `written` YAML nodes.
fn tree_budget(written: usize) -> usize {
    written
        .saturating_mul(EXPANSION_FACTOR)
        .clamp(MIN_TREE_NODES, MAX_TREE_NODES)
}

/// Deepest nesting the tree is built to. The YAML layer caps written nesting at 255;
/// aliases of nested anchors can stack deeper, and this keeps recursion bounded.
const MAX_DEPTH: usize = 512;

/// Why part of a document could not be expanded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TreeError {
    /// A merge key is broken (not a mapping, a cycle...).
    Merge(MergeError),
    /// Aliases expand past the document's budget (see [`MAX_TREE_NODES`]); the
    /// rest is left out.
    TooLarge { span: Span, budget: usize },
    /// Aliases nest past the depth limit; the rest is left out.
    TooDeep { span: Span },
}

impl TreeError {
    pub fn span(&self) -> Span {
        match self {
            TreeError::Merge(e) => e.span(),
            TreeError::TooLarge { span, .. } | TreeError::TooDeep { span } => *span,
        }
    }

    pub fn message(&self) -> String {
        match self {
            TreeError::Merge(e) => e.message(),
            TreeError::TooLarge { budget, .. } => format!(
                "aliases in this file expand to more than {budget} values; \
                 lashing stops expanding here rather than exhaust memory"
            ),
            TreeError::TooDeep { .. } => {
                format!("aliases here nest more than {MAX_DEPTH} levels deep; lashing stops here")
            }
        }
    }
}

/// The tree of one document, and what stood in the way of building all of it. Every
/// mapping's merge keys are resolved, even in `x-` blocks no service uses: Compose
/// decodes the whole document, so a broken merge anywhere refuses the file.
pub fn from_document(doc: &Document) -> (Option<Node>, Vec<TreeError>) {
    let Some(root) = doc.root else {
        return (None, Vec::new());
    };
    let mut builder = Builder {
        doc,
        merges: MergeResolver::new(doc),
        nodes: 0,
        budget: tree_budget(doc.len()),
        errors: Vec::new(),
        too_large: false,
    };
    let tree = builder.node(root, None, 0);
    for id in doc.node_ids() {
        let has_merge = doc
            .mapping(id)
            .is_some_and(|entries| entries.iter().any(|e| is_merge_key(doc, e.key)));
        if has_merge && !matches!(doc.node(id).kind, NodeKind::Alias { .. }) {
            builder.merges.entries(id);
        }
    }
    let mut errors: Vec<TreeError> = builder
        .merges
        .take_errors()
        .into_iter()
        .map(TreeError::Merge)
        .collect();
    errors.append(&mut builder.errors);
    (Some(tree), errors)
}

struct Builder<'d> {
    doc: &'d Document,
    merges: MergeResolver<'d>,
    nodes: usize,
    budget: usize,
    errors: Vec<TreeError>,
    too_large: bool,
}

impl Builder<'_> {
    fn node(&mut self, id: NodeId, via: Option<Span>, depth: usize) -> Node {
        let doc = self.doc;
        let written = doc.node(id);
        if let NodeKind::Alias { target, .. } = &written.kind {
            let via = via.or(Some(written.span));
            return match target {
                Some(target) => self.node(*target, via, depth),
                // The YAML layer reports an unknown anchor; the value is nothing.
                None => Node::null(written.span),
            };
        }
        self.nodes += 1;
        if self.nodes > self.budget || depth > MAX_DEPTH {
            let span = via.unwrap_or(written.span);
            if depth > MAX_DEPTH {
                self.errors.push(TreeError::TooDeep { span });
            } else if !self.too_large {
                self.too_large = true;
                self.errors.push(TreeError::TooLarge {
                    span,
                    budget: self.budget,
                });
            }
            return Node::null(written.span);
        }
        let tag = match written.tag.as_deref() {
            Some("!reset") => Some(Tag::Reset),
            Some("!override") => Some(Tag::Override),
            _ => None,
        };
        let value = match &written.kind {
            NodeKind::Scalar(scalar) => Value::Scalar(Scalar {
                text: scalar.text.to_string(),
                kind: scalar.value,
                origin: match doc.text_start(id) {
                    Some(at) => TextOrigin::Verbatim(at),
                    None => TextOrigin::Transformed,
                },
            }),
            NodeKind::Sequence(items) => Value::Sequence(
                items
                    .iter()
                    .map(|&item| self.node(item, via, depth + 1))
                    .collect(),
            ),
            NodeKind::Mapping(_) => {
                let resolved = self.merges.entries(id).unwrap_or_else(|| [].into());
                let mut entries = Vec::with_capacity(resolved.len());
                for e in resolved.iter() {
                    let Some(key) = doc.scalar(e.key) else {
                        continue;
                    };
                    let entry_via = via.or(e.via.map(|v| doc.span(v)));
                    entries.push(Entry {
                        key: Key {
                            text: key.text.to_string(),
                            span: doc.span(e.key),
                            via: entry_via,
                            kind: key.value,
                        },
                        value: self.node(e.value, entry_via, depth + 1),
                    });
                }
                Value::Mapping(entries)
            }
            NodeKind::Alias { .. } => Value::Scalar(Scalar {
                text: String::new(),
                kind: lashing_syntax::yaml::ScalarValue::Null,
                origin: TextOrigin::Transformed,
            }),
        };
        Node {
            span: written.span,
            via,
            tag,
            value,
        }
    }
}

#[cfg(test)]
#[path = "from_yaml_test.rs"]
mod tests;
