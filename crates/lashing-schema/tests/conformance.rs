//! Proves the Rust tables say what compose-go's `compose-spec.json` says: every
//! definition and every property, recursively, keyword by keyword.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use lashing_schema::spec::{ty, Pattern, Schema, Types, DEFS, ROOT};
use serde_json::{Map, Value};

fn reference() -> Option<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/reference/compose-spec.json");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(serde_json::from_str(&text).expect("the reference schema is JSON")),
        Err(_) => {
            println!("skipped: {} is absent", path.display());
            None
        }
    }
}

/// Keywords the Rust form expresses.
const EXPRESSED: [&str; 13] = [
    "type",
    "oneOf",
    "properties",
    "patternProperties",
    "additionalProperties",
    "required",
    "items",
    "uniqueItems",
    "enum",
    "pattern",
    "minimum",
    "maximum",
    "deprecated",
];
/// Keywords that do not constrain documents.
const ANNOTATIONS: [&str; 7] = [
    "description",
    "$comment",
    "title",
    "default",
    "$schema",
    "$id",
    "$defs",
];

struct Checker<'j> {
    root: &'j Value,
    diffs: Vec<String>,
    /// How many JSON schema nodes were compared (a sanity check that the walk is deep).
    compared: usize,
}

impl<'j> Checker<'j> {
    fn resolve(&self, json: &'j Value, path: &str) -> &'j Value {
        let mut json = json;
        while let Some(reference) = json.get("$ref").and_then(Value::as_str) {
            let name = reference
                .strip_prefix("#/$defs/")
                .unwrap_or_else(|| panic!("{path}: unexpected $ref {reference}"));
            json = &self.root["$defs"][name];
            assert!(!json.is_null(), "{path}: dangling $ref {reference}");
        }
        json
    }

    fn compare(&mut self, json: &'j Value, rust: &Schema, path: &str) {
        let constraining_siblings = json.as_object().is_some_and(|o| {
            o.keys()
                .any(|k| k != "$ref" && !ANNOTATIONS.contains(&k.as_str()))
        });
        if json.get("$ref").is_some() && constraining_siblings {
            self.diffs.push(format!(
                "{path}: `$ref` with sibling keywords is not expressed"
            ));
        }
        let json = self.resolve(json, path);
        self.compared += 1;
        let Some(obj) = json.as_object() else {
            self.diffs.push(format!("{path}: schema is not an object"));
            return;
        };
        for key in obj.keys() {
            if !EXPRESSED.contains(&key.as_str()) && !ANNOTATIONS.contains(&key.as_str()) {
                self.diffs
                    .push(format!("{path}: keyword `{key}` is not expressed in Rust"));
            }
        }

        // type
        let json_types = match obj.get("type") {
            None => ty::ANY,
            Some(Value::String(name)) => type_bit(name, path, &mut self.diffs),
            Some(Value::Array(names)) => names.iter().fold(0, |acc, n| {
                acc | type_bit(n.as_str().unwrap_or("?"), path, &mut self.diffs)
            }),
            Some(other) => {
                self.diffs.push(format!("{path}: odd `type` {other}"));
                ty::ANY
            }
        };
        if json_types != rust.types {
            self.diffs.push(format!(
                "{path}: type is {} in JSON, {} in Rust",
                type_names(json_types),
                type_names(rust.types)
            ));
        }

        // oneOf
        let json_one_of: &[Value] = obj
            .get("oneOf")
            .and_then(Value::as_array)
            .map_or(&[], Vec::as_slice);
        if json_one_of.len() != rust.one_of.len() {
            self.diffs.push(format!(
                "{path}: oneOf has {} branches in JSON, {} in Rust",
                json_one_of.len(),
                rust.one_of.len()
            ));
        }
        for (i, (j, r)) in json_one_of.iter().zip(rust.one_of).enumerate() {
            self.compare(j, r, &format!("{path}/oneOf/{i}"));
        }

        self.compare_object(obj, rust, path);

        // items
        match (obj.get("items"), rust.items) {
            (None, None) => {}
            (Some(j), Some(r)) => self.compare(j, r, &format!("{path}/items")),
            (j, r) => self.diffs.push(format!(
                "{path}: items {} in JSON, {} in Rust",
                presence(j.is_some()),
                presence(r.is_some())
            )),
        }
        let json_unique = obj
            .get("uniqueItems")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        if json_unique != rust.unique_items {
            self.diffs.push(format!(
                "{path}: uniqueItems is {json_unique} in JSON, {} in Rust",
                rust.unique_items
            ));
        }

        // enum
        let json_enum: Vec<&str> = obj
            .get("enum")
            .and_then(Value::as_array)
            .map(|values| {
                values
                    .iter()
                    .map(|v| {
                        v.as_str()
                            .expect("the Compose schema only enumerates strings")
                    })
                    .collect()
            })
            .unwrap_or_default();
        if json_enum != rust.enumeration {
            self.diffs.push(format!(
                "{path}: enum is {json_enum:?} in JSON, {:?} in Rust",
                rust.enumeration
            ));
        }

        // pattern
        let json_pattern = obj.get("pattern").and_then(Value::as_str);
        let rust_pattern = rust.pattern.map(Pattern::source);
        if json_pattern != rust_pattern {
            self.diffs.push(format!(
                "{path}: pattern is {json_pattern:?} in JSON, {rust_pattern:?} in Rust"
            ));
        }

        // minimum / maximum
        for (keyword, rust_value) in [("minimum", rust.minimum), ("maximum", rust.maximum)] {
            let json_value = obj
                .get(keyword)
                .map(|v| v.as_i64().expect("integer bounds"));
            if json_value != rust_value {
                self.diffs.push(format!(
                    "{path}: {keyword} is {json_value:?} in JSON, {rust_value:?} in Rust"
                ));
            }
        }

        let json_deprecated = obj
            .get("deprecated")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        if json_deprecated != rust.deprecated {
            self.diffs.push(format!(
                "{path}: deprecated is {json_deprecated} in JSON, {} in Rust",
                rust.deprecated
            ));
        }
    }

    fn compare_object(&mut self, obj: &'j Map<String, Value>, rust: &Schema, path: &str) {
        let has_object_keywords = [
            "properties",
            "patternProperties",
            "additionalProperties",
            "required",
        ]
        .iter()
        .any(|k| obj.contains_key(*k));
        let Some(object) = rust.object else {
            if has_object_keywords {
                self.diffs
                    .push(format!("{path}: object keywords in JSON, none in Rust"));
            }
            return;
        };
        if !has_object_keywords {
            // `{"type": "object"}` alone is expressed as `Object::OPEN`.
            let open = object.properties.is_empty()
                && object.pattern_properties.is_empty()
                && object.additional_properties
                && object.required.is_empty();
            if !open {
                self.diffs
                    .push(format!("{path}: no object keywords in JSON, some in Rust"));
            }
            return;
        }

        // properties: the same names (serde_json sorts keys, so order is not compared),
        // each the same schema.
        let json_props: Vec<(&String, &Value)> = obj
            .get("properties")
            .and_then(Value::as_object)
            .map(|m| m.iter().collect())
            .unwrap_or_default();
        let json_names: Vec<&str> = json_props.iter().map(|(k, _)| k.as_str()).collect();
        let rust_names: Vec<&str> = object.properties.iter().map(|(k, _)| *k).collect();
        for name in &json_names {
            if !rust_names.contains(name) {
                self.diffs
                    .push(format!("{path}: property `{name}` is missing in Rust"));
            }
        }
        for name in &rust_names {
            if !json_names.contains(name) {
                self.diffs
                    .push(format!("{path}: property `{name}` is not in JSON"));
            }
        }
        for (name, json_schema) in json_props {
            if let Some((_, rust_schema)) = object.properties.iter().find(|(k, _)| k == name) {
                self.compare(
                    json_schema,
                    rust_schema,
                    &format!("{path}/properties/{name}"),
                );
            }
        }

        // patternProperties
        let json_patterns: Vec<(&String, &Value)> = obj
            .get("patternProperties")
            .and_then(Value::as_object)
            .map(|m| m.iter().collect())
            .unwrap_or_default();
        if json_patterns.len() != object.pattern_properties.len() {
            self.diffs.push(format!(
                "{path}: {} patternProperties in JSON, {} in Rust",
                json_patterns.len(),
                object.pattern_properties.len()
            ));
        }
        for (source, json_schema) in json_patterns {
            match object
                .pattern_properties
                .iter()
                .find(|p| p.pattern.source() == source)
            {
                Some(p) => self.compare(
                    json_schema,
                    p.schema,
                    &format!("{path}/patternProperties/{source}"),
                ),
                None => self.diffs.push(format!(
                    "{path}: patternProperties `{source}` is missing in Rust"
                )),
            }
        }

        // additionalProperties
        let json_additional = match obj.get("additionalProperties") {
            None => true,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.diffs.push(format!(
                    "{path}: additionalProperties {other} is a schema, not expressed"
                ));
                true
            }
        };
        if json_additional != object.additional_properties {
            self.diffs.push(format!(
                "{path}: additionalProperties is {json_additional} in JSON, {} in Rust",
                object.additional_properties
            ));
        }

        // required
        let json_required: Vec<&str> = obj
            .get("required")
            .and_then(Value::as_array)
            .map(|v| v.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        if json_required != object.required {
            self.diffs.push(format!(
                "{path}: required is {json_required:?} in JSON, {:?} in Rust",
                object.required
            ));
        }
    }
}

fn type_bit(name: &str, path: &str, diffs: &mut Vec<String>) -> Types {
    match ty::NAMES.iter().find(|(_, n)| *n == name) {
        Some((bit, _)) => *bit,
        None => {
            diffs.push(format!("{path}: unknown type `{name}`"));
            0
        }
    }
}

fn type_names(types: Types) -> String {
    if types == ty::ANY {
        return "any".to_owned();
    }
    let names: Vec<&str> = ty::NAMES
        .iter()
        .filter(|(bit, _)| types & bit != 0)
        .map(|(_, n)| *n)
        .collect();
    format!("[{}]", names.join(", "))
}

fn presence(present: bool) -> &'static str {
    if present {
        "present"
    } else {
        "absent"
    }
}

#[test]
fn rust_tables_match_the_reference_schema() {
    let Some(json) = reference() else { return };
    let mut checker = Checker {
        root: &json,
        diffs: Vec::new(),
        compared: 0,
    };

    // The document itself, which reaches every definition through `$ref`.
    checker.compare(&json, &ROOT, "#");

    // And every definition by name, so that none is left out or invented.
    let json_defs = json["$defs"].as_object().expect("$defs");
    for (name, json_schema) in json_defs {
        match DEFS.iter().find(|(n, _)| n == name) {
            Some((_, rust)) => checker.compare(json_schema, rust, &format!("#/$defs/{name}")),
            None => checker
                .diffs
                .push(format!("#/$defs/{name}: definition missing in Rust")),
        }
    }
    for (name, _) in DEFS.iter() {
        if !json_defs.contains_key(*name) {
            checker
                .diffs
                .push(format!("#/$defs/{name}: defined in Rust, not in JSON"));
        }
    }

    println!("compared {} schema nodes", checker.compared);
    assert!(
        checker.compared > 500,
        "the walk is too shallow: {}",
        checker.compared
    );
    assert!(
        checker.diffs.is_empty(),
        "{} differences between the Rust tables and compose-spec.json:\n{}",
        checker.diffs.len(),
        checker.diffs.join("\n")
    );
}

/// Every pattern in the JSON is one the Rust form knows, by its exact source.
#[test]
fn every_reference_pattern_is_expressed() {
    let Some(json) = reference() else { return };
    let mut sources = Vec::new();
    collect_patterns(&json, &mut sources);
    sources.sort();
    sources.dedup();
    let known: Vec<&str> = Pattern::ALL.iter().map(|p| p.source()).collect();
    let missing: Vec<&String> = sources
        .iter()
        .filter(|s| !known.contains(&s.as_str()))
        .collect();
    assert!(missing.is_empty(), "patterns not expressed: {missing:?}");
    let unused: Vec<&&str> = known
        .iter()
        .filter(|k| !sources.iter().any(|s| s == *k))
        .collect();
    assert!(unused.is_empty(), "patterns not in the schema: {unused:?}");
}

fn collect_patterns(json: &Value, out: &mut Vec<String>) {
    match json {
        Value::Object(map) => {
            for (key, value) in map {
                match key.as_str() {
                    "pattern" => out.extend(value.as_str().map(str::to_owned)),
                    "patternProperties" => {
                        if let Some(m) = value.as_object() {
                            out.extend(m.keys().cloned());
                        }
                    }
                    _ => {}
                }
                collect_patterns(value, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_patterns(v, out)),
        _ => {}
    }
}

/// The hand-written matchers agree with a real RE2-style engine on many texts.
#[test]
fn pattern_matchers_agree_with_a_regex_engine() {
    let alphabet = ['a', 'Z', '0', '.', '_', '-', 'x', ' ', '\n', 'é', '/'];
    let mut samples: Vec<String> = vec![String::new()];
    let mut frontier = samples.clone();
    for _ in 0..4 {
        let mut next = Vec::new();
        for s in &frontier {
            for c in alphabet {
                let mut t = s.clone();
                t.push(c);
                next.push(t);
            }
        }
        samples.extend(next.iter().cloned());
        frontier = next;
    }
    for word in lashing_schema::spec::PULL_POLICY_WORDS {
        samples.push(word.to_owned());
        samples.push(format!("x{word}y"));
        samples.push(word[1..].to_owned());
        samples.push(word.to_uppercase());
    }
    samples.extend(
        [
            "every_12h",
            "every_1d2h",
            "every_",
            "every_h",
            "every_12",
            "every_12x",
            "xevery_3s",
            "every_every_5m",
            "every_10w",
            "x-",
            "x-foo",
            "X-foo",
            "-x",
            "web",
            "my app",
            "my_app.1",
            "ulimit",
            "nofile",
            "noFile",
            "a\n",
            "\n",
            "\n\n",
            "\na",
            "db-1",
        ]
        .iter()
        .map(|s| (*s).to_owned()),
    );
    let mut disagreements = Vec::new();
    for pattern in Pattern::ALL {
        let regex = regex_automata::meta::Regex::new(pattern.source()).unwrap();
        for sample in &samples {
            let expected = regex.is_match(sample.as_str());
            if pattern.matches(sample) != expected {
                disagreements.push(format!(
                    "{}: {sample:?} should {}match",
                    pattern.source(),
                    if expected { "" } else { "not " }
                ));
            }
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} disagreements:\n{}",
        disagreements.len(),
        disagreements[..disagreements.len().min(40)].join("\n")
    );
}
