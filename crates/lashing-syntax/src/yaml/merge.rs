//! `<<` merge keys, resolved lazily.
//!
//! A mapping's effective entries are computed the first time someone asks and then
//! memoised, so a merge source used by 500 services is resolved once. Every merged
//! entry keeps its definition site (its key and value nodes, in the anchored mapping)
//! and its use site (the `<<` value through which it arrived), so a finding can point
//! at either. A work budget bounds the total entries copied: merge chains can be
//! wide and deep (alias bombs), and no input may make lashing hang.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use super::{Document, NodeId, NodeKind};
use crate::Span;

/// Total merged entries one file may produce. Real files need a few thousand.
pub const MERGE_WORK_BUDGET: usize = 1_000_000;

/// Longest chain of merges (`a` merges `b` merges `c` ...). Resolution recurses along
/// the chain; real files chain two or three levels.
pub const MAX_MERGE_DEPTH: usize = 512;

/// An entry of a mapping after `<<` merges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResolvedEntry {
    pub key: NodeId,
    pub value: NodeId,
    /// For a merged entry: the node after `<<:` (usually the `*alias`) it came through
    /// in the mapping that was asked about. `None` for entries written in the mapping.
    pub via: Option<NodeId>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeError {
    /// The `<<` value is not a mapping, an alias of one, or a sequence of those.
    NotAMapping { span: Span },
    /// A mapping merges itself (through aliases).
    Cycle { span: Span },
    /// The file asks for more merge work than [`MERGE_WORK_BUDGET`].
    BudgetExceeded { span: Span },
    /// Merges chain deeper than [`MAX_MERGE_DEPTH`].
    TooDeep { span: Span },
}

impl MergeError {
    pub fn span(&self) -> Span {
        match self {
            MergeError::NotAMapping { span }
            | MergeError::Cycle { span }
            | MergeError::BudgetExceeded { span }
            | MergeError::TooDeep { span } => *span,
        }
    }

    pub fn message(&self) -> String {
        match self {
            MergeError::NotAMapping { .. } => {
                "a `<<` merge key needs a mapping, an alias of one, or a list of those".into()
            }
            MergeError::Cycle { .. } => "this merge refers back to the mapping it is in".into(),
            MergeError::BudgetExceeded { .. } => format!(
                "merge keys in this file expand to more than {MERGE_WORK_BUDGET} entries; \
                 lashing stops here rather than exhaust memory"
            ),
            MergeError::TooDeep { .. } => format!(
                "merge keys here chain more than {MAX_MERGE_DEPTH} levels deep; lashing stops here"
            ),
        }
    }
}

type Resolved = Rc<[ResolvedEntry]>;

/// Resolves merge keys of one document. Create one per document and reuse it.
pub struct MergeResolver<'d> {
    doc: &'d Document,
    memo: HashMap<NodeId, Resolved>,
    in_progress: HashSet<NodeId>,
    work: usize,
    /// The budget error is reported once per document, not once per mapping.
    budget_reported: bool,
    errors: Vec<MergeError>,
}

impl<'d> MergeResolver<'d> {
    pub fn new(doc: &'d Document) -> Self {
        MergeResolver {
            doc,
            memo: HashMap::new(),
            in_progress: HashSet::new(),
            work: 0,
            budget_reported: false,
            errors: Vec::new(),
        }
    }

    pub fn document(&self) -> &'d Document {
        self.doc
    }

    /// Errors met so far (each reported once).
    pub fn take_errors(&mut self) -> Vec<MergeError> {
        std::mem::take(&mut self.errors)
    }

    /// The effective entries of the mapping at `id` (through an alias), merges applied:
    /// written entries first-class, merged ones only for keys not written, earlier merge
    /// sources winning over later ones. `None` when `id` is not a mapping.
    pub fn entries(&mut self, id: NodeId) -> Option<Resolved> {
        let id = self.doc.deref(id);
        if !matches!(self.doc.node(id).kind, NodeKind::Mapping(_)) {
            return None;
        }
        if let Some(done) = self.memo.get(&id) {
            return Some(done.clone());
        }
        let resolved = self.resolve(id);
        self.memo.insert(id, resolved.clone());
        Some(resolved)
    }

    fn resolve(&mut self, id: NodeId) -> Resolved {
        let doc = self.doc;
        let Some(written) = doc.mapping(id) else {
            return Rc::from(Vec::new());
        };
        let has_merge = written.iter().any(|e| is_merge_key(doc, e.key));
        if !has_merge {
            self.work += written.len();
            return written
                .iter()
                .map(|e| ResolvedEntry {
                    key: e.key,
                    value: e.value,
                    via: None,
                })
                .collect();
        }
        self.in_progress.insert(id);
        // Written keys always win, wherever the `<<` stands.
        let mut taken: HashSet<&str> = written
            .iter()
            .filter(|e| !is_merge_key(doc, e.key))
            .filter_map(|e| doc.key_text(e.key))
            .collect();
        let mut out = Vec::with_capacity(written.len());
        for entry in written {
            if !is_merge_key(doc, entry.key) {
                out.push(ResolvedEntry {
                    key: entry.key,
                    value: entry.value,
                    via: None,
                });
                continue;
            }
            for (source, use_site) in self.merge_sources(entry.value) {
                if self.work > MERGE_WORK_BUDGET {
                    // Over budget: skip further merges, but keep the written keys.
                    if !self.budget_reported {
                        self.budget_reported = true;
                        self.errors.push(MergeError::BudgetExceeded {
                            span: doc.span(use_site),
                        });
                    }
                    break;
                }
                let Some(merged) = self.source_entries(source, use_site) else {
                    continue;
                };
                for m in merged.iter() {
                    self.work += 1;
                    let Some(key) = doc.key_text(m.key) else {
                        continue;
                    };
                    if taken.insert(key) {
                        out.push(ResolvedEntry {
                            key: m.key,
                            value: m.value,
                            via: Some(use_site),
                        });
                    }
                }
            }
        }
        self.in_progress.remove(&id);
        Rc::from(out)
    }

    fn source_entries(&mut self, source: NodeId, use_site: NodeId) -> Option<Resolved> {
        let target = self.doc.deref(source);
        if self.in_progress.contains(&target) {
            self.errors.push(MergeError::Cycle {
                span: self.doc.span(use_site),
            });
            return None;
        }
        if self.in_progress.len() >= MAX_MERGE_DEPTH {
            self.errors.push(MergeError::TooDeep {
                span: self.doc.span(use_site),
            });
            return None;
        }
        let entries = self.entries(target);
        if entries.is_none() {
            self.errors.push(MergeError::NotAMapping {
                span: self.doc.span(use_site),
            });
        }
        entries
    }

    /// The mappings a `<<` value names, each with the node to report as its use site:
    /// a mapping or alias is itself; a sequence (possibly behind an alias, which
    /// compose-go accepts) yields its items.
    fn merge_sources(&mut self, value: NodeId) -> Vec<(NodeId, NodeId)> {
        let doc = self.doc;
        let through_alias = matches!(doc.node(value).kind, NodeKind::Alias { .. });
        match &doc.node(doc.deref(value)).kind {
            // `<<: *list` (an alias of a sequence, which compose-go accepts): the alias
            // is where every item is used. `<<: [*a, *b]`: each item is.
            NodeKind::Sequence(items) if through_alias => {
                items.iter().map(|&i| (i, value)).collect()
            }
            NodeKind::Sequence(items) => items.iter().map(|&i| (i, i)).collect(),
            NodeKind::Mapping(_) => vec![(value, value)],
            _ => {
                self.errors.push(MergeError::NotAMapping {
                    span: doc.span(value),
                });
                Vec::new()
            }
        }
    }
}

/// A `<<` merge key as yaml.v3 recognises it: plain and untagged, or tagged
/// `!!merge` (or the non-specific `!`).
pub fn is_merge_key(doc: &Document, key: NodeId) -> bool {
    let node = doc.node(key);
    match &node.kind {
        NodeKind::Scalar(s) if &*s.text == "<<" => match node.tag.as_deref() {
            None => s.style == super::ScalarStyle::Plain,
            Some(tag) => tag == "tag:yaml.org,2002:merge" || tag == "!",
        },
        _ => false,
    }
}
