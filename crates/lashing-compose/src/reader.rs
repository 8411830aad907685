//! Reading the loaded tree into the model: small accessors with provenance kept.

use lashing_syntax::yaml::ScalarValue;
use lashing_syntax::Span;

use crate::spanned::TextOrigin;
use crate::tree::{Entry, Node};
use crate::Spanned;

/// An entry of a mapping as the model sees it: key text, key span, value node, and
/// the use site if it came through `<<`, an alias or `extends`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Field<'t> {
    pub key: &'t str,
    pub key_span: Span,
    pub value: &'t Node,
    pub via: Option<Span>,
}

impl<'t> Field<'t> {
    pub fn of(entry: &'t Entry) -> Field<'t> {
        Field {
            key: &entry.key.text,
            key_span: entry.key.span,
            value: &entry.value,
            via: entry.key.via,
        }
    }

    /// The key as a spanned name (a service, network or variable name written as a key).
    pub fn name(&self) -> Spanned<String> {
        Spanned::new(self.key.to_string(), self.key_span).with_via(self.via)
    }
}

/// Stateless: the tree already has merge keys, aliases and use sites applied.
pub(crate) struct Reader;

impl Reader {
    /// The fields of a mapping.
    ///
    /// About the `via` parameters of these accessors: every node of the tree carries
    /// its own use site, computed when aliases and merge keys were expanded and when
    /// `extends` merged a base in, so a node's `via` is authoritative. (A merged
    /// mapping holds entries from several places: inheriting the container's use
    /// site would wrongly move the extending service's own values to its `extends`.)
    /// The parameters remain for the call sites' symmetry and are not used.
    pub fn fields<'t>(&self, node: &'t Node, _via: Option<Span>) -> Vec<Field<'t>> {
        node.as_mapping()
            .unwrap_or(&[])
            .iter()
            .map(Field::of)
            .collect()
    }

    pub fn is_mapping(&self, node: &Node) -> bool {
        node.as_mapping().is_some()
    }

    /// The use site of a node reached through an alias.
    pub fn alias_site(&self, node: &Node) -> Option<Span> {
        node.via
    }

    pub fn span(&self, node: &Node) -> Span {
        node.span
    }

    /// A scalar's text as Compose would read it into a string attribute: strings and
    /// numbers and booleans as written; null and collections are not strings.
    pub fn string(&self, node: &Node, _via: Option<Span>) -> Option<Spanned<String>> {
        let scalar = node.as_scalar()?;
        if scalar.kind == ScalarValue::Null {
            return None;
        }
        let mut value = Spanned::new(scalar.text.clone(), node.span).with_via(node.via);
        value.text = scalar.origin.clone();
        Some(value)
    }

    pub fn scalar_value(&self, node: &Node) -> Option<ScalarValue> {
        node.as_scalar().map(|s| s.kind)
    }

    pub fn bool(&self, node: &Node) -> Option<bool> {
        let scalar = node.as_scalar()?;
        match scalar.kind {
            ScalarValue::Bool(b) => Some(b),
            // Compose casts these strings after interpolation (with a warning).
            ScalarValue::String => match scalar.text.as_str() {
                "true" | "y" | "yes" | "on" => Some(true),
                "false" | "n" | "no" | "off" => Some(false),
                _ => None,
            },
            _ => None,
        }
    }

    /// The items of a sequence; `None` when not a sequence.
    pub fn items<'t>(&self, node: &'t Node) -> Option<&'t [Node]> {
        node.as_sequence()
    }

    /// A list of strings, or a single string treated as a one-item list.
    pub fn string_or_list(&self, node: &Node, via: Option<Span>) -> Vec<Spanned<String>> {
        match self.items(node) {
            Some(items) => items.iter().filter_map(|i| self.string(i, via)).collect(),
            None => self.string(node, via).into_iter().collect(),
        }
    }

    /// The span of a byte range inside a scalar's text: exact when the text is
    /// verbatim in the file, else the whole scalar.
    pub fn text_span(&self, node: &Node, range: std::ops::Range<usize>) -> Span {
        match node.as_scalar().map(|s| &s.origin) {
            Some(origin @ (TextOrigin::Verbatim(_) | TextOrigin::Interpolated { .. })) => {
                let mut probe = Spanned::new((), node.span);
                probe.text = origin.clone();
                probe.sub_span(range)
            }
            _ => node.span,
        }
    }

    /// A sub-string of a scalar, spanned.
    pub fn part(
        &self,
        _node: &Node,
        whole: &Spanned<String>,
        range: std::ops::Range<usize>,
    ) -> Spanned<String> {
        whole.part(range)
    }
}
