//! The configuration's JSON schema, generated from [`keys`](super::keys) so that it
//! cannot drift from what the reader accepts. Editors with a TOML language server
//! (Taplo, Even Better TOML) use it for completion and validation. The committed
//! `docs/lashing.schema.json` is checked against this by a test.

use serde_json::{json, Map, Value};

use super::keys::{Key, Kind, ROOT};

/// The schema as pretty JSON, with a final newline. `rule_names` are every rule
/// name, code and category, for completion of selectors.
pub fn json_schema(selectors: &[String]) -> String {
    let mut schema = table(ROOT, selectors);
    if let Value::Object(map) = &mut schema {
        let mut head = Map::new();
        head.insert(
            "$schema".into(),
            json!("http://json-schema.org/draft-07/schema#"),
        );
        head.insert(
            "$id".into(),
            json!("https://github.com/lashing-dev/lashing/blob/main/docs/lashing.schema.json"),
        );
        head.insert("title".into(), json!("lashing.toml"));
        head.insert(
            "description".into(),
            json!("Configuration of lashing, the Docker Compose linter (lashing.toml or .lashing.toml)."),
        );
        head.append(map);
        *map = head;
    }
    // serde_json cannot fail on a Value; the fallback keeps the invariant explicit.
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

fn table(keys: &[Key], selectors: &[String]) -> Value {
    let mut properties = Map::new();
    for key in keys {
        let mut value = kind(&key.kind, selectors);
        if let Value::Object(map) = &mut value {
            map.insert("description".into(), json!(key.description));
        }
        properties.insert(key.name.into(), value);
    }
    let required: Vec<&str> = keys.iter().filter(|k| k.required).map(|k| k.name).collect();
    let mut out = Map::new();
    out.insert("type".into(), json!("object"));
    out.insert("properties".into(), Value::Object(properties));
    out.insert("additionalProperties".into(), json!(false));
    if !required.is_empty() {
        out.insert("required".into(), json!(required));
    }
    Value::Object(out)
}

fn kind(kind: &Kind, selectors: &[String]) -> Value {
    let selector = || {
        json!({
            "type": "string",
            "anyOf": [ { "enum": selectors }, { "pattern": "^[Ll][0-9]+$" } ]
        })
    };
    let severity = || json!({ "type": "string", "enum": ["error", "warning", "info"] });
    match kind {
        Kind::Table(keys) => table(keys, selectors),
        Kind::TableArray(keys) => json!({ "type": "array", "items": table(keys, selectors) }),
        Kind::Selectors => json!({ "type": "array", "items": selector() }),
        Kind::Selector => selector(),
        Kind::Strings => json!({ "type": "array", "items": { "type": "string" } }),
        Kind::Severity => severity(),
        Kind::SeverityMap => json!({
            "type": "object",
            "propertyNames": selector(),
            "additionalProperties": severity()
        }),
        Kind::Text | Kind::Path => json!({ "type": "string" }),
    }
}
