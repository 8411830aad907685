//! The Compose Specification JSON schema (compose-go's `schema/compose-spec.json`,
//! draft 2020-12) expressed as Rust statics.
//!
//! Each JSON schema object becomes a [`Schema`]; a `$ref` becomes a reference to the
//! static of the definition it names, so the tables are built at compile time and
//! walking them costs nothing. Only the keywords the Compose schema uses exist here:
//! `type`, `oneOf`, `properties`, `patternProperties`, `additionalProperties`,
//! `required`, `items`, `uniqueItems`, `enum`, `pattern`, `minimum`, `maximum` and
//! `deprecated`. The conformance test (`tests/conformance.rs`) compares every
//! definition and property with the reference JSON.
//!
//! Beyond the schema's facts, a few fields only serve messages: [`Object::noun`]
//! ("service attribute") and [`PatternProp::names`] / [`PatternProp::entity`]
//! ("service `web`").

/// An object schema: `object!(BASE; field: value, ...)` where `BASE` is one of the
/// [`Object`] constants and the fields override it.
macro_rules! object {
    ($base:expr; $($field:ident: $value:expr),* $(,)?) => {
        $crate::spec::Schema {
            object: Some(&$crate::spec::Object { $($field: $value,)* ..$base }),
            ..$crate::spec::t($crate::spec::ty::OBJECT)
        }
    };
}

/// `{"type": "array", "items": <items>}`.
macro_rules! array {
    ($items:expr) => {
        $crate::spec::Schema {
            items: Some($items),
            ..$crate::spec::t($crate::spec::ty::ARRAY)
        }
    };
}

/// `{"type": "array", "items": <items>, "uniqueItems": true}`.
macro_rules! unique_array {
    ($items:expr) => {
        $crate::spec::Schema {
            items: Some($items),
            unique_items: true,
            ..$crate::spec::t($crate::spec::ty::ARRAY)
        }
    };
}

/// `{"oneOf": [...]}`.
macro_rules! one_of {
    ($($branch:expr),+ $(,)?) => {
        $crate::spec::Schema {
            one_of: &[$($branch),+],
            ..$crate::spec::Schema::ANY
        }
    };
}

/// A map keyed by names (`^[a-zA-Z0-9._-]+$`), each value `$schema`; `closed` adds
/// `"additionalProperties": false`.
macro_rules! named_map {
    ($schema:expr, names: $names:literal, entity: $entity:literal, closed: $closed:literal) => {
        object!($crate::spec::Object::OPEN;
            pattern_properties: &[$crate::spec::PatternProp {
                pattern: $crate::spec::Pattern::Name,
                schema: $schema,
                names: Some($names),
                entity: $entity,
            }],
            additional_properties: !$closed,
        )
    };
}

mod defs;
mod pattern;
mod service;

pub use defs::{DEFS, ROOT};
pub use pattern::{Pattern, PULL_POLICY_WORDS};

/// A set of JSON types, as a bit set of the `ty::*` constants; empty means any type.
pub type Types = u8;

/// The JSON schema types.
pub mod ty {
    use super::Types;

    pub const STRING: Types = 1;
    pub const NUMBER: Types = 1 << 1;
    pub const INTEGER: Types = 1 << 2;
    pub const BOOLEAN: Types = 1 << 3;
    pub const NULL: Types = 1 << 4;
    pub const OBJECT: Types = 1 << 5;
    pub const ARRAY: Types = 1 << 6;
    /// Every type (what an absent `type` means).
    pub const ANY: Types = 0;

    /// The JSON names, in the order messages list them.
    pub const NAMES: [(Types, &str); 7] = [
        (STRING, "string"),
        (NUMBER, "number"),
        (INTEGER, "integer"),
        (BOOLEAN, "boolean"),
        (NULL, "null"),
        (OBJECT, "object"),
        (ARRAY, "array"),
    ];
}

/// One JSON schema (an object of keywords).
#[derive(Debug)]
pub struct Schema {
    /// `type`; [`ty::ANY`] when absent.
    pub types: Types,
    /// `oneOf`, with each `$ref` resolved.
    pub one_of: &'static [&'static Schema],
    /// `properties`, `patternProperties`, `additionalProperties`, `required`.
    pub object: Option<&'static Object>,
    /// `items`.
    pub items: Option<&'static Schema>,
    /// `uniqueItems` (absent and `false` are the same).
    pub unique_items: bool,
    /// `enum` (the Compose schema only enumerates strings).
    pub enumeration: &'static [&'static str],
    /// `pattern`.
    pub pattern: Option<Pattern>,
    /// `minimum` (the Compose schema only uses integers).
    pub minimum: Option<i64>,
    /// `maximum`.
    pub maximum: Option<i64>,
    /// `deprecated` (an annotation: the validator does not report it).
    pub deprecated: bool,
}

/// The object keywords of a [`Schema`].
#[derive(Debug)]
pub struct Object {
    /// What a key of this object is, for "`x` is not a service attribute". When
    /// `None`, messages name the object by its path.
    pub noun: Option<&'static str>,
    /// `properties`, in the schema's order.
    pub properties: &'static [(&'static str, &'static Schema)],
    /// `patternProperties`.
    pub pattern_properties: &'static [PatternProp],
    /// `additionalProperties` (`true` when absent; the schema only ever says `false`).
    pub additional_properties: bool,
    /// `required`.
    pub required: &'static [&'static str],
}

/// One entry of `patternProperties`.
#[derive(Debug)]
pub struct PatternProp {
    pub pattern: Pattern,
    pub schema: &'static Schema,
    /// What a key matching the pattern names ("service"), for messages about names.
    pub names: Option<&'static str>,
    /// Whether a matching entry is a Compose entity (a service, a network, ...):
    /// messages about what is inside it then speak relative to it ("service `web`").
    pub entity: bool,
}

impl Schema {
    /// `{}`: anything.
    pub const ANY: Schema = Schema {
        types: ty::ANY,
        one_of: &[],
        object: None,
        items: None,
        unique_items: false,
        enumeration: &[],
        pattern: None,
        minimum: None,
        maximum: None,
        deprecated: false,
    };

    /// The types a node may have to satisfy this schema, looking through `oneOf`.
    pub fn effective_types(&self) -> Types {
        let own = if self.types == ty::ANY {
            !0
        } else {
            self.types
        };
        if self.one_of.is_empty() {
            return own;
        }
        let branches = self
            .one_of
            .iter()
            .fold(0, |acc, branch| acc | branch.effective_types());
        own & branches
    }

    /// The property `name` of this schema's object keywords.
    pub fn property(&self, name: &str) -> Option<&'static Schema> {
        self.object?
            .properties
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, schema)| *schema)
    }
}

impl Object {
    /// No keywords at all (`"type": "object"` alone).
    pub const OPEN: Object = Object {
        noun: None,
        properties: &[],
        pattern_properties: &[],
        additional_properties: true,
        required: &[],
    };

    /// `"additionalProperties": false` with nothing else yet.
    pub const CLOSED: Object = Object {
        additional_properties: false,
        ..Object::OPEN
    };

    /// `"additionalProperties": false, "patternProperties": {"^x-": {}}`: the shape
    /// of almost every Compose object.
    pub const CLOSED_X: Object = Object {
        pattern_properties: &[PatternProp::EXTENSION],
        ..Object::CLOSED
    };

    /// Whether keys starting with `x-` are allowed here.
    pub fn allows_extensions(&self) -> bool {
        self.additional_properties
            || self
                .pattern_properties
                .iter()
                .any(|p| p.pattern.matches("x-"))
    }
}

impl PatternProp {
    /// `"^x-": {}`.
    pub const EXTENSION: PatternProp = PatternProp {
        pattern: Pattern::Extension,
        schema: &Schema::ANY,
        names: None,
        entity: false,
    };
}

/// A schema of the given types and no other keyword.
pub(crate) const fn t(types: Types) -> Schema {
    Schema {
        types,
        ..Schema::ANY
    }
}
