//! Plain scalars that YAML readers disagree on, found while the tree is built.
//!
//! Compose reads YAML with yaml.v3 (mostly YAML 1.2); docker-compose v1, PyYAML and
//! many editors' schemas read YAML 1.1. A handful of plain scalars mean different
//! things to the two. They are recorded here, with the key they are written under,
//! so that the file's node tree can be freed once the loader has read it: on a large
//! file the tree is a fifth of the memory, and these few records are all a rule
//! needs of it afterwards.

use super::{Document, NodeId, NodeKind, ScalarStyle, ScalarValue};
use crate::Span;

/// How readers disagree on a plain scalar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ambiguity {
    /// `yes`, `no`, `on`, `off`, `y`, `n` in any case: a string to YAML 1.2, this
    /// boolean to YAML 1.1.
    Boolean(bool),
    /// Digits after a leading zero (`0755`): octal to yaml.v3 and YAML 1.1, decimal
    /// to YAML 1.2's core schema.
    LeadingZero,
    /// An integer of three or more digits, all 0 to 7, without a leading zero
    /// (`440`): decimal to every reader, though it reads as octal to people.
    OctalDigits,
    /// `22:22`: a base-60 integer to YAML 1.1, a string to YAML 1.2.
    Sexagesimal,
}

/// A plain, untagged scalar that readers disagree on, where it is written: the
/// value of a mapping entry, or an item of a sequence that is one.
#[derive(Debug, Clone, PartialEq)]
pub struct AmbiguousScalar {
    pub span: Span,
    pub text: Box<str>,
    /// The type yaml.v3 (and so Compose) gives it.
    pub value: ScalarValue,
    pub ambiguity: Ambiguity,
    /// The key of the entry whose value it is (or whose sequence holds it).
    pub key: Box<str>,
    /// An item of the entry's sequence rather than the entry's value itself.
    pub item: bool,
}

/// The ambiguous scalars of `doc`, in node order. A value reached through an alias
/// is not one written there (its anchor's entry records it); the items of a
/// sequence an entry refers to through an alias are recorded under that entry too.
pub(super) fn find(doc: &Document, out: &mut Vec<AmbiguousScalar>) {
    for id in doc.node_ids() {
        let NodeKind::Mapping(entries) = &doc.node(id).kind else {
            continue;
        };
        for entry in entries {
            let key = doc.key_text(entry.key).unwrap_or("");
            if let Some(found) = ambiguous(doc, entry.value, key, false) {
                out.push(found);
            }
            for &item in doc.sequence(entry.value).unwrap_or(&[]) {
                if let Some(found) = ambiguous(doc, item, key, true) {
                    out.push(found);
                }
            }
        }
    }
}

fn ambiguous(doc: &Document, id: NodeId, key: &str, item: bool) -> Option<AmbiguousScalar> {
    let node = doc.node(id);
    let NodeKind::Scalar(scalar) = &node.kind else {
        return None;
    };
    if scalar.style != ScalarStyle::Plain || node.tag.is_some() {
        return None;
    }
    let ambiguity = classify(scalar.as_str(), scalar.value)?;
    Some(AmbiguousScalar {
        span: node.span,
        text: scalar.text.clone(),
        value: scalar.value,
        ambiguity,
        key: key.into(),
        item,
    })
}

/// What readers disagree on in the plain scalar `text`, which yaml.v3 typed `value`.
pub fn classify(text: &str, value: ScalarValue) -> Option<Ambiguity> {
    const TRUE: [&str; 3] = ["yes", "on", "y"];
    const FALSE: [&str; 3] = ["no", "off", "n"];
    if text.len() <= 3 {
        if TRUE.iter().any(|w| text.eq_ignore_ascii_case(w)) {
            return Some(Ambiguity::Boolean(true));
        }
        if FALSE.iter().any(|w| text.eq_ignore_ascii_case(w)) {
            return Some(Ambiguity::Boolean(false));
        }
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if let ScalarValue::Int(_) = value {
        if let Some(rest) = text.strip_prefix('0') {
            if digits(rest) {
                return Some(Ambiguity::LeadingZero);
            }
        } else if text.len() >= 3 && text.bytes().all(|b| (b'0'..=b'7').contains(&b)) {
            return Some(Ambiguity::OctalDigits);
        }
    }
    let mut parts = text.split(':');
    let first = parts.next().unwrap_or("");
    let mut later = parts.peekable();
    let sexagesimal = digits(first)
        && later.peek().is_some()
        && later.all(|p| {
            (1..=2).contains(&p.len()) && digits(p) && p.parse::<u32>().is_ok_and(|v| v < 60)
        });
    sexagesimal.then_some(Ambiguity::Sexagesimal)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(text: &str) -> Option<Ambiguity> {
        classify(text, super::super::resolve_plain(text))
    }

    #[test]
    fn booleans_of_yaml_1_1() {
        for (text, b) in [
            ("yes", true),
            ("No", false),
            ("ON", true),
            ("off", false),
            ("y", true),
            ("N", false),
        ] {
            assert_eq!(class(text), Some(Ambiguity::Boolean(b)), "{text}");
        }
        for text in ["true", "false", "yess", "o", "nope", ""] {
            assert_eq!(class(text), None, "{text}");
        }
    }

    #[test]
    fn numbers() {
        assert_eq!(class("0755"), Some(Ambiguity::LeadingZero));
        assert_eq!(class("440"), Some(Ambiguity::OctalDigits));
        // 8 and 9 are not octal digits; `08` is a float to yaml.v3, not an integer.
        assert_eq!(class("480"), None);
        assert_eq!(class("08"), None);
        assert_eq!(class("0"), None);
        assert_eq!(class("44"), None);
    }

    #[test]
    fn base_60() {
        assert_eq!(class("22:22"), Some(Ambiguity::Sexagesimal));
        assert_eq!(class("190:20:30"), Some(Ambiguity::Sexagesimal));
        for text in ["8080:80", "22:", ":22", "a:22", "127.0.0.1:80:80", "22:2a"] {
            assert_eq!(class(text), None, "{text}");
        }
    }
}
