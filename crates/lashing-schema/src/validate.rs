//! The validator: walks a Compose tree along the [`spec`](crate::spec) tables and
//! reports every violation at the node it concerns.
//!
//! Differences from a plain JSON schema validator, all deliberate:
//! - `oneOf` picks the branch by the node's kind (a mapping goes to the object
//!   branch, ...) and reports against that branch only, so messages are about the
//!   form the author meant; a node no branch accepts gets one "must be a ... or a ..."
//!   message.
//! - Interpolation leniency: Compose converts strings at typed paths after
//!   interpolation, so a string is accepted where an integer or number is wanted if it
//!   parses as one, and where a boolean is wanted if it reads as one (`yes`, `off`,
//!   ...). A string containing `$` is an unresolved variable (another rule reports
//!   those): it is accepted for any scalar type and not checked against enums or
//!   patterns.
//! - Nodes tagged `!reset` are skipped: compose-go removes them before validating.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use lashing_compose::tree::{Entry, Node, Scalar, Tag, Value};
use lashing_syntax::yaml::ScalarValue;
use lashing_syntax::Span;

use crate::spec::{ty, Object, PatternProp, Schema, Types, ROOT};

/// One violation of the Compose schema.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    /// The node concerned: the key for an unknown or badly named key, the value for a
    /// wrong type or value, the mapping's key (or the mapping) for a missing key, the
    /// repeated item for a duplicate.
    pub span: Span,
    pub message: String,
    pub help: Option<String>,
    pub kind: ViolationKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ViolationKind {
    /// A key the schema does not allow here (`additionalProperties: false`).
    UnknownKey,
    /// A value of a kind the schema does not allow (`type`, `oneOf`).
    WrongType,
    /// A value outside an `enum`, not matching a `pattern`, or out of range.
    BadValue,
    /// A `required` key is absent.
    MissingKey,
    /// An item repeated in a list whose items must be unique (`uniqueItems`).
    Duplicate,
    /// A key of a user-named map (services, volumes, ...) that is not a valid name.
    BadName,
}

/// Every violation of the Compose schema in `root`, in document order.
pub fn validate(root: &Node) -> Vec<Violation> {
    let mut validator = Validator {
        out: Vec::new(),
        path: Vec::new(),
        entity: None,
    };
    validator.node(root, &ROOT, None);
    let mut out = validator.out;
    out.sort_by_key(|v| (v.span.file, v.span.start, v.span.end));
    // A node reached twice (an anchor used in two places) is reported once.
    out.dedup_by(|a, b| a.span == b.span && a.message == b.message);
    out
}

#[derive(Clone, Copy)]
enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// The Compose entity a node is in ("service `web`"): messages name paths from it.
#[derive(Clone, Copy)]
struct Entity<'a> {
    noun: &'static str,
    name: &'a str,
    /// The length of the path at the entity's own node.
    depth: usize,
}

struct Validator<'a> {
    out: Vec<Violation>,
    path: Vec<Seg<'a>>,
    entity: Option<Entity<'a>>,
}

/// How a scalar satisfies a set of types.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fit {
    /// Its own type is one of them.
    Exact,
    /// A string Compose converts after interpolation, or an unresolved variable.
    Lenient,
    No,
}

impl<'a> Validator<'a> {
    /// Validates `node` against `schema`. `key` is the span of the key the node is
    /// the value of, where it has one.
    fn node(&mut self, node: &'a Node, schema: &'static Schema, key: Option<Span>) {
        if node.tag == Some(Tag::Reset) {
            return;
        }
        if !schema.one_of.is_empty() {
            match select_branch(node, schema.one_of) {
                Some(branch) => self.node(node, branch, key),
                None => {
                    self.wrong_type(node, schema.effective_types());
                    return;
                }
            }
        }
        let fit = match &node.value {
            Value::Scalar(scalar) => scalar_fit(scalar, schema.types),
            Value::Mapping(_) => kind_fit(schema.types, ty::OBJECT),
            Value::Sequence(_) => kind_fit(schema.types, ty::ARRAY),
        };
        if fit == Fit::No {
            self.wrong_type(node, schema.types);
            return;
        }
        match &node.value {
            Value::Scalar(scalar) => self.scalar(node, scalar, schema),
            Value::Mapping(entries) => {
                if let Some(object) = schema.object {
                    self.mapping(node, entries, object, key);
                }
            }
            Value::Sequence(items) => {
                if let Some(item_schema) = schema.items {
                    for (index, item) in items.iter().enumerate() {
                        self.path.push(Seg::Index(index));
                        self.node(item, item_schema, None);
                        self.path.pop();
                    }
                }
                if schema.unique_items {
                    self.unique(items);
                }
            }
        }
    }

    fn scalar(&mut self, node: &Node, scalar: &Scalar, schema: &'static Schema) {
        if is_unresolved(scalar) {
            return;
        }
        let is_string = matches!(scalar.kind, ScalarValue::String | ScalarValue::Timestamp);
        let listed = is_string && schema.enumeration.contains(&scalar.text.as_str());
        if !schema.enumeration.is_empty() && !listed {
            let help = if is_string {
                did_you_mean(&scalar.text, schema.enumeration.iter().copied())
            } else {
                None
            };
            self.report(
                node.span,
                ViolationKind::BadValue,
                format!(
                    "{} must be one of {}",
                    self.subject(),
                    list_code(schema.enumeration)
                ),
                help,
            );
        }
        if let Some(pattern) = schema.pattern {
            if is_string && !pattern.matches(&scalar.text) {
                let help = match pattern {
                    crate::spec::Pattern::PullPolicy => {
                        did_you_mean(&scalar.text, crate::spec::PULL_POLICY_WORDS.iter().copied())
                    }
                    _ => None,
                };
                self.report(
                    node.span,
                    ViolationKind::BadValue,
                    format!(
                        "{} `{}` {}",
                        self.subject(),
                        scalar.text,
                        pattern.requirement()
                    ),
                    help,
                );
            }
        }
        if schema.minimum.is_some() || schema.maximum.is_some() {
            let value = match scalar.kind {
                ScalarValue::Int(i) => Some(i as f64),
                ScalarValue::Uint(u) => Some(u as f64),
                ScalarValue::Float(f) => Some(f),
                ScalarValue::String if schema.types & ty::STRING == 0 => {
                    scalar.text.trim().parse::<f64>().ok()
                }
                _ => None,
            };
            if let Some(value) = value {
                let low = schema.minimum.is_some_and(|min| value < min as f64);
                let high = schema.maximum.is_some_and(|max| value > max as f64);
                if low || high {
                    let range = match (schema.minimum, schema.maximum) {
                        (Some(min), Some(max)) => format!("between {min} and {max}"),
                        (Some(min), None) => format!("at least {min}"),
                        (None, Some(max)) => format!("at most {max}"),
                        (None, None) => String::new(),
                    };
                    self.report(
                        node.span,
                        ViolationKind::BadValue,
                        format!("{} must be {range}", self.subject()),
                        None,
                    );
                }
            }
        }
    }

    fn mapping(
        &mut self,
        node: &'a Node,
        entries: &'a [Entry],
        object: &'static Object,
        key: Option<Span>,
    ) {
        for entry in entries {
            let name = entry.key.text.as_str();
            let mut matched = false;
            if let Some((_, schema)) = object.properties.iter().find(|(p, _)| *p == name) {
                matched = true;
                self.path.push(Seg::Key(name));
                self.node(&entry.value, schema, Some(entry.key.span));
                self.path.pop();
            }
            for pattern_prop in object.pattern_properties {
                if pattern_prop.pattern.matches(name) {
                    matched = true;
                    self.pattern_entry(entry, pattern_prop);
                }
            }
            if !matched && !object.additional_properties {
                self.unknown_key(entry, object);
            }
        }
        for required in object.required {
            if !entries.iter().any(|e| e.key.text == *required) {
                self.report(
                    key.unwrap_or(node.span),
                    ViolationKind::MissingKey,
                    format!("{} needs `{required}`", self.subject()),
                    None,
                );
            }
        }
    }

    fn pattern_entry(&mut self, entry: &'a Entry, pattern_prop: &'static PatternProp) {
        let name = entry.key.text.as_str();
        let saved = self.entity;
        match pattern_prop.names {
            Some(noun) if pattern_prop.entity => {
                self.entity = Some(Entity {
                    noun,
                    name,
                    depth: self.path.len() + 1,
                });
            }
            _ => {}
        }
        self.path.push(Seg::Key(name));
        self.node(&entry.value, pattern_prop.schema, Some(entry.key.span));
        self.path.pop();
        self.entity = saved;
    }

    fn unknown_key(&mut self, entry: &Entry, object: &'static Object) {
        let name = entry.key.text.as_str();
        // A map of names (no fixed properties): the key is a name that is not valid.
        let name_pattern = object
            .pattern_properties
            .iter()
            .find(|p| p.pattern != crate::spec::Pattern::Extension);
        if let (true, Some(pattern_prop)) = (object.properties.is_empty(), name_pattern) {
            let message = if name.is_empty() {
                format!("{} has an empty key", self.subject())
            } else {
                match pattern_prop.names {
                    Some(noun) => format!(
                        "{noun} name `{name}` {}",
                        pattern_prop.pattern.requirement()
                    ),
                    None => format!(
                        "key `{name}` in {} {}",
                        self.subject(),
                        pattern_prop.pattern.requirement()
                    ),
                }
            };
            self.report(entry.key.span, ViolationKind::BadName, message, None);
            return;
        }
        let message = match object.noun {
            Some(noun) => format!("`{name}` is not a {noun}"),
            None if self.relative_path().is_empty() => format!("`{name}` is not allowed here"),
            None => format!("`{name}` is not allowed in {}", self.path_text()),
        };
        let candidates = object.properties.iter().map(|(p, _)| *p);
        let help = did_you_mean(name, candidates).or_else(|| {
            if object.properties.len() <= 8 && !object.properties.is_empty() {
                let names: Vec<&str> = object.properties.iter().map(|(p, _)| *p).collect();
                Some(format!("expected {}", list_code(&names)))
            } else if object.allows_extensions() {
                Some("custom keys must start with `x-`".to_owned())
            } else {
                None
            }
        });
        self.report(entry.key.span, ViolationKind::UnknownKey, message, help);
    }

    fn unique(&mut self, items: &'a [Node]) {
        let mut scalars: HashMap<ScalarKey<'a>, usize> = HashMap::new();
        // Mappings and sequences by fingerprint, compared in full only on a collision.
        let mut compound: HashMap<u64, Vec<usize>> = HashMap::new();
        for (index, item) in items.iter().enumerate() {
            if item.tag == Some(Tag::Reset) {
                continue;
            }
            let first = match &item.value {
                Value::Scalar(scalar) => {
                    let key = scalar_key(scalar);
                    match scalars.get(&key) {
                        Some(&first) => Some(first),
                        None => {
                            scalars.insert(key, index);
                            None
                        }
                    }
                }
                _ => {
                    let same = compound.entry(fingerprint(item)).or_default();
                    let first = same
                        .iter()
                        .copied()
                        .find(|&other| json_eq(&items[other], item));
                    if first.is_none() {
                        same.push(index);
                    }
                    first
                }
            };
            if let Some(first) = first {
                let (message, help) = match item.as_scalar() {
                    Some(scalar) => (
                        format!("{} lists `{}` more than once", self.subject(), scalar.text),
                        format!("first listed as item {first}; the items must be unique"),
                    ),
                    None => (
                        format!("{} item {index} repeats item {first}", self.subject()),
                        "the items of this list must be unique".to_owned(),
                    ),
                };
                self.report(item.span, ViolationKind::Duplicate, message, Some(help));
            }
        }
    }

    fn wrong_type(&mut self, node: &Node, expected: Types) {
        let message = format!(
            "{} must be {}, not {}",
            self.subject(),
            types_text(expected),
            with_article(node.kind_name())
        );
        self.report(node.span, ViolationKind::WrongType, message, None);
    }

    fn report(&mut self, span: Span, kind: ViolationKind, message: String, help: Option<String>) {
        self.out.push(Violation {
            span,
            message,
            help,
            kind,
        });
    }

    fn relative_path(&self) -> &[Seg<'a>] {
        let from = self.entity.map_or(0, |e| e.depth);
        self.path.get(from..).unwrap_or(&[])
    }

    /// The current path from the entity (or the document), in backquotes.
    fn path_text(&self) -> String {
        let mut text = String::from("`");
        for (i, seg) in self.relative_path().iter().enumerate() {
            match seg {
                Seg::Key(key) => {
                    if i > 0 {
                        text.push('.');
                    }
                    text.push_str(key);
                }
                Seg::Index(index) => {
                    text.push('[');
                    text.push_str(&index.to_string());
                    text.push(']');
                }
            }
        }
        text.push('`');
        text
    }

    /// What the current node is, for the start of a message.
    fn subject(&self) -> String {
        if !self.relative_path().is_empty() {
            return self.path_text();
        }
        match self.entity {
            Some(entity) => format!("{} `{}`", entity.noun, entity.name),
            None => "the Compose file".to_owned(),
        }
    }
}

/// The `oneOf` branch for `node`: the first that takes its kind, preferring for a
/// scalar a branch of its own type over one it only fits leniently.
fn select_branch(node: &Node, branches: &'static [&'static Schema]) -> Option<&'static Schema> {
    match &node.value {
        Value::Mapping(_) => branches
            .iter()
            .copied()
            .find(|b| b.effective_types() & ty::OBJECT != 0),
        Value::Sequence(_) => branches
            .iter()
            .copied()
            .find(|b| b.effective_types() & ty::ARRAY != 0),
        Value::Scalar(scalar) => {
            let fits = |wanted: Fit| {
                branches
                    .iter()
                    .copied()
                    .find(|b| scalar_fit(scalar, b.effective_types()) == wanted)
            };
            fits(Fit::Exact).or_else(|| fits(Fit::Lenient))
        }
    }
}

fn kind_fit(types: Types, kind: Types) -> Fit {
    if types == ty::ANY || types & kind != 0 {
        Fit::Exact
    } else {
        Fit::No
    }
}

fn scalar_fit(scalar: &Scalar, types: Types) -> Fit {
    if types == ty::ANY {
        return Fit::Exact;
    }
    let own = match scalar.kind {
        ScalarValue::Null => ty::NULL,
        ScalarValue::Bool(_) => ty::BOOLEAN,
        ScalarValue::Int(_) | ScalarValue::Uint(_) => ty::INTEGER | ty::NUMBER,
        // JSON schema counts a float without a fractional part as an integer.
        ScalarValue::Float(f) if f.is_finite() && f.fract() == 0.0 => ty::INTEGER | ty::NUMBER,
        ScalarValue::Float(_) => ty::NUMBER,
        ScalarValue::Timestamp | ScalarValue::String => ty::STRING,
    };
    if types & own != 0 {
        return Fit::Exact;
    }
    if scalar.kind != ScalarValue::String {
        return Fit::No;
    }
    let text = scalar.text.as_str();
    let lenient = (is_unresolved(scalar) && types & (ty::INTEGER | ty::NUMBER | ty::BOOLEAN) != 0)
        || (types & ty::INTEGER != 0 && is_integer_text(text))
        || (types & ty::NUMBER != 0 && is_number_text(text))
        || (types & ty::BOOLEAN != 0 && is_bool_text(text));
    if lenient {
        Fit::Lenient
    } else {
        Fit::No
    }
}

/// A string with `$` left in it: an unresolved variable, reported elsewhere.
fn is_unresolved(scalar: &Scalar) -> bool {
    scalar.kind == ScalarValue::String && scalar.text.contains('$')
}

/// What Go's `strconv.ParseInt(s, 10, 64)` accepts (ignoring the range).
fn is_integer_text(text: &str) -> bool {
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// A decimal number as Go's `strconv.ParseFloat` reads it (without `inf`/`nan`,
/// hexadecimal floats or `_` separators).
fn is_number_text(text: &str) -> bool {
    let body = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(at) => (&body[..at], Some(&body[at + 1..])),
        None => (body, None),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((int, frac)) => (int, frac),
        None => (mantissa, ""),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = !(int.is_empty() && frac.is_empty()) && all_digits(int) && all_digits(frac);
    let exponent_ok = exponent.is_none_or(is_integer_text);
    mantissa_ok && exponent_ok
}

/// The strings compose-go's `toBoolean` converts.
fn is_bool_text(text: &str) -> bool {
    ["y", "yes", "true", "on", "n", "no", "false", "off"]
        .iter()
        .any(|word| text.eq_ignore_ascii_case(word))
}

/// A scalar as a JSON value, for `uniqueItems`: numbers compare by value, the rest by
/// type and text.
#[derive(PartialEq, Eq, Hash)]
enum ScalarKey<'a> {
    Null,
    Bool(bool),
    Int(i128),
    Float(u64),
    String(&'a str),
}

fn scalar_key(scalar: &Scalar) -> ScalarKey<'_> {
    match scalar.kind {
        ScalarValue::Null => ScalarKey::Null,
        ScalarValue::Bool(b) => ScalarKey::Bool(b),
        ScalarValue::Int(i) => ScalarKey::Int(i128::from(i)),
        ScalarValue::Uint(u) => ScalarKey::Int(i128::from(u)),
        ScalarValue::Float(f) if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e30 => {
            // invariant: finite, integral and well inside i128's range.
            ScalarKey::Int(f as i128)
        }
        ScalarValue::Float(f) => ScalarKey::Float(f.to_bits()),
        ScalarValue::Timestamp | ScalarValue::String => ScalarKey::String(&scalar.text),
    }
}

/// A hash of a node's JSON value: equal values (mappings in any key order) have
/// equal fingerprints. Recursion is bounded by the tree's depth limit.
fn fingerprint(node: &Node) -> u64 {
    let mut hasher = DefaultHasher::new();
    match &node.value {
        Value::Scalar(scalar) => {
            0u8.hash(&mut hasher);
            scalar_key(scalar).hash(&mut hasher);
        }
        Value::Sequence(items) => {
            1u8.hash(&mut hasher);
            for item in items {
                fingerprint(item).hash(&mut hasher);
            }
        }
        Value::Mapping(entries) => {
            2u8.hash(&mut hasher);
            let mut sum = 0u64;
            for entry in entries {
                let mut entry_hasher = DefaultHasher::new();
                entry.key.text.hash(&mut entry_hasher);
                fingerprint(&entry.value).hash(&mut entry_hasher);
                sum = sum.wrapping_add(entry_hasher.finish());
            }
            sum.hash(&mut hasher);
        }
    }
    hasher.finish()
}

/// JSON equality of two nodes (mappings regardless of key order), without recursion.
fn json_eq(a: &Node, b: &Node) -> bool {
    let mut stack = vec![(a, b)];
    while let Some((a, b)) = stack.pop() {
        match (&a.value, &b.value) {
            (Value::Scalar(x), Value::Scalar(y)) => {
                if scalar_key(x) != scalar_key(y) {
                    return false;
                }
            }
            (Value::Sequence(xs), Value::Sequence(ys)) => {
                if xs.len() != ys.len() {
                    return false;
                }
                stack.extend(xs.iter().zip(ys));
            }
            (Value::Mapping(xs), Value::Mapping(ys)) => {
                if xs.len() != ys.len() {
                    return false;
                }
                for x in xs {
                    match ys.iter().find(|y| y.key.text == x.key.text) {
                        Some(y) => stack.push((&x.value, &y.value)),
                        None => return false,
                    }
                }
            }
            _ => return false,
        }
    }
    true
}

fn did_you_mean<'s>(name: &str, candidates: impl IntoIterator<Item = &'s str>) -> Option<String> {
    lashing_rule::did_you_mean(name, candidates).map(|c| format!("did you mean `{c}`?"))
}

/// "`a`, `b` or `c`".
fn list_code(items: &[&str]) -> String {
    let mut text = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            text.push_str(if i + 1 == items.len() { " or " } else { ", " });
        }
        text.push('`');
        text.push_str(item);
        text.push('`');
    }
    text
}

/// "a string or a mapping", in Compose's words for JSON types.
fn types_text(types: Types) -> String {
    let mut names: Vec<&str> = Vec::new();
    for (bit, _) in ty::NAMES {
        // "a number" covers integers.
        if types & bit == 0 || (bit == ty::INTEGER && types & ty::NUMBER != 0) {
            continue;
        }
        names.push(with_article(compose_name(bit)));
    }
    match names.split_last() {
        None => "nothing".to_owned(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

fn compose_name(bit: Types) -> &'static str {
    match bit {
        ty::STRING => "string",
        ty::NUMBER => "number",
        ty::INTEGER => "integer",
        ty::BOOLEAN => "boolean",
        ty::NULL => "null",
        ty::OBJECT => "mapping",
        _ => "sequence",
    }
}

fn with_article(name: &str) -> &'static str {
    match name {
        "string" => "a string",
        "number" => "a number",
        "integer" => "an integer",
        "boolean" => "a boolean",
        "null" => "null",
        "mapping" => "a mapping",
        "sequence" => "a sequence",
        _ => "a value",
    }
}

#[cfg(test)]
#[path = "validate_test.rs"]
mod tests;
