//! Reading the YAML tree with merge keys applied and provenance kept.

use std::rc::Rc;

use lashing_syntax::yaml::{Document, MergeResolver, NodeId, NodeKind, ResolvedEntry, ScalarValue};
use lashing_syntax::Span;

use crate::Spanned;

/// An entry of a mapping as the model sees it: key text, key span, value node, and
/// the use site if it came through `<<`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Field<'d> {
    pub key: &'d str,
    pub key_span: Span,
    pub value: NodeId,
    pub via: Option<Span>,
}

impl Field<'_> {
    /// The key as a spanned name (a service, network or variable name written as a key).
    pub fn name(&self) -> Spanned<String> {
        Spanned::new(self.key.to_string(), self.key_span).with_via(self.via)
    }
}

pub(crate) struct Reader<'d> {
    pub doc: &'d Document,
    merges: MergeResolver<'d>,
}

impl<'d> Reader<'d> {
    pub fn new(doc: &'d Document) -> Self {
        Reader {
            doc,
            merges: MergeResolver::new(doc),
        }
    }

    pub fn merges(&mut self) -> &mut MergeResolver<'d> {
        &mut self.merges
    }

    /// The effective fields of a mapping (merges applied; non-string keys skipped).
    /// `via` is the use site the mapping itself was reached through, inherited by
    /// every field.
    pub fn fields(&mut self, id: NodeId, via: Option<Span>) -> Vec<Field<'d>> {
        let via = via.or_else(|| self.alias_site(id));
        let entries: Rc<[ResolvedEntry]> = match self.merges.entries(id) {
            Some(e) => e,
            None => return Vec::new(),
        };
        let doc = self.doc;
        entries
            .iter()
            .filter_map(|e| {
                let key = doc.key_text(e.key)?;
                Some(Field {
                    key,
                    key_span: doc.span(e.key),
                    value: e.value,
                    via: via.or(e.via.map(|v| doc.span(v))),
                })
            })
            .collect()
    }

    pub fn is_mapping(&self, id: NodeId) -> bool {
        self.doc.mapping(id).is_some()
    }

    /// The span of `id` when it is an alias (the use site of what it points to).
    pub fn alias_site(&self, id: NodeId) -> Option<Span> {
        matches!(self.doc.node(id).kind, NodeKind::Alias { .. }).then(|| self.doc.span(id))
    }

    /// The node's span, through an alias (the definition site).
    pub fn span(&self, id: NodeId) -> Span {
        self.doc.span(self.doc.deref(id))
    }

    /// A scalar's text as Compose would read it into a string attribute: strings and
    /// numbers and booleans as written; null and collections are not strings.
    pub fn string(&self, id: NodeId, via: Option<Span>) -> Option<Spanned<String>> {
        let target = self.doc.deref(id);
        let scalar = self.doc.node(target).as_scalar()?;
        if scalar.value == ScalarValue::Null {
            return None;
        }
        let mut value = Spanned::new(scalar.text.to_string(), self.doc.span(target))
            .with_via(via.or_else(|| self.alias_site(id)));
        value.text_at = self.doc.text_start(target);
        Some(value)
    }

    pub fn scalar_value(&self, id: NodeId) -> Option<ScalarValue> {
        self.doc.scalar(id).map(|s| s.value)
    }

    pub fn bool(&self, id: NodeId) -> Option<bool> {
        match self.scalar_value(id)? {
            ScalarValue::Bool(b) => Some(b),
            // Compose casts these strings after interpolation (with a warning).
            ScalarValue::String => match self.doc.scalar(id)?.as_str() {
                "true" | "y" | "yes" | "on" => Some(true),
                "false" | "n" | "no" | "off" => Some(false),
                _ => None,
            },
            _ => None,
        }
    }

    /// The items of a sequence (through an alias); `None` when not a sequence.
    pub fn items(&self, id: NodeId) -> Option<&'d [NodeId]> {
        self.doc.sequence(id)
    }

    /// A list of strings, or a single string treated as a one-item list.
    pub fn string_or_list(&self, id: NodeId, via: Option<Span>) -> Vec<Spanned<String>> {
        let via = via.or_else(|| self.alias_site(id));
        match self.items(id) {
            Some(items) => items.iter().filter_map(|&i| self.string(i, via)).collect(),
            None => self.string(id, via).into_iter().collect(),
        }
    }

    /// The span of a byte range inside a scalar's text (see `Document::text_span`).
    pub fn text_span(&self, id: NodeId, range: std::ops::Range<usize>) -> Span {
        self.doc.text_span(self.doc.deref(id), range)
    }

    /// A sub-string of a scalar, spanned.
    pub fn part(
        &self,
        id: NodeId,
        whole: &Spanned<String>,
        range: std::ops::Range<usize>,
    ) -> Spanned<String> {
        let text = whole.value.get(range.clone()).unwrap_or("").to_string();
        let mut part = Spanned::new(text, self.text_span(id, range.clone())).with_via(whole.via);
        part.text_at = whole.text_at.map(|at| at + range.start as u32);
        part
    }
}
