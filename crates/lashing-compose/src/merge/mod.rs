//! Combining compose documents the way `docker compose` does when several files are
//! given (`-f a.yaml -f b.yaml`, an override file) or a service `extends` another:
//! compose-go's `override/merge.go` rules, its `override/uncity.go` uniqueness and
//! `loader/reset.go`'s `!reset` / `!override`, over lashing's [`tree`](crate::tree).
//!
//! Nodes are moved, never rebuilt: a value the later file wrote keeps its span, so
//! it still points into that file after the merge. Where a form is converted (a
//! `K=V` list item becoming a mapping entry, `build: .` becoming
//! `{context: .}`), the new entries take the span of what was written.
//!
//! # Rules
//!
//! By default mappings are deep-merged (the later file's keys win, new keys are
//! appended in its order), sequences appended, and anything else replaced, including
//! a value of another kind (compose-go refuses `cannot override`; lashing keeps the
//! later value and leaves the complaint to validation). A later `null` leaves the
//! earlier value in place, as in compose-go, except on the replaced paths below (and
//! a `null` value in a key/value mapping, which unsets that key). Per path (see
//! `paths.rs`):
//!
//! | path | rule |
//! |---|---|
//! | `services.*.command`, `entrypoint`, `healthcheck.test`, `ulimits.*` | replaced |
//! | `services.*.logging` | replaced when both set a different `driver`, else merged |
//! | `services.*.{environment,labels,annotations,sysctls}`, `build.{args,labels,additional_contexts}`, `deploy.labels`, `{networks,volumes,secrets,configs}.*.labels` | unioned by key, later wins, list or map form |
//! | `services.*.{depends_on,networks,models}` | lists of names read as mappings, then merged |
//! | `services.*.build` | `build: ctx` read as `{context: ctx}` |
//! | `services.*.extra_hosts`, `build.extra_hosts` | union without duplicates |
//! | `services.*.{ports,volumes,devices,secrets,configs,env_file,dns*,tmpfs,...}` | appended, then unique by key |
//! | `networks.*.ipam.config` | items merged by `subnet` |
//!
//! `!reset` on a node of the later file deletes that path from the earlier one and is
//! itself dropped; `!override` replaces the earlier value wholesale. A tagged item of
//! a sequence concerns only its own file: `!reset` drops it, an `!override` item is
//! appended like any other. Tags inside a value the earlier file lacks are resolved
//! as [`strip_tags`] does.

mod convert;
mod paths;
mod reset;
mod unique;

use std::collections::HashMap;

use crate::tree::{Entry, Node, Tag, Value};

use paths::{Index, Rule};

pub use reset::strip_tags;

/// Merges a later file's document `over` into the documents merged so far, `base`.
///
/// `base` is expected to be free of tags: run [`strip_tags`] on the first file.
pub fn merge_files(base: &mut Node, over: Node) {
    merge_at(base, over, &mut Vec::new());
}

/// The service an `extends` produces: the extended service `base`, overridden by the
/// extending service's own definition `over` with the rules of override files.
///
/// What `over` wrote keeps `over`'s spans; what only `base` had keeps `base`'s.
pub fn merge_service(mut base: Node, over: Node) -> Node {
    strip_tags(&mut base);
    // The service's name does not matter to the rules, only the depth.
    let mut path = vec!["services".to_owned(), String::new()];
    merge_at(&mut base, over, &mut path);
    base
}

/// The shape of a node, for choosing between rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Mapping,
    Sequence,
    Scalar,
}

fn kind(node: &Node) -> Kind {
    match node.value {
        Value::Mapping(_) => Kind::Mapping,
        Value::Sequence(_) => Kind::Sequence,
        Value::Scalar(_) => Kind::Scalar,
    }
}

/// What happens to a key both mappings have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Existing {
    /// Merge the two values by the rule of their path.
    Merge,
    /// The later value replaces the earlier one (key/value lists).
    Replace,
    /// The addresses of both are kept (`extra_hosts` in mapping form).
    Addresses,
}

/// Merges `over` into `base`, `path` being the keys leading to them. Returns whether
/// `base` was replaced by `over` (rather than merged into), in which case the key
/// holding it should be the later file's too.
fn merge_at(base: &mut Node, over: Node, path: &mut Vec<String>) -> bool {
    match over.tag {
        // Only reached for a whole document or service: entries and items handle
        // their own `!reset`. Nothing is left but the (empty) place.
        Some(Tag::Reset) => {
            *base = Node::mapping(over.span, Vec::new());
            return true;
        }
        Some(Tag::Override) => return replace(base, over),
        None => {}
    }
    let rule = {
        let segments: Vec<&str> = path.iter().map(String::as_str).collect();
        paths::rule(&segments)
    };
    // compose-go: `if o == nil { return e }`, except where the rule replaces.
    if over.is_null() && rule != Rule::Replace {
        return false;
    }
    if base.is_null() {
        return replace(base, over);
    }
    match rule {
        Rule::Default => merge_default(base, over, path),
        Rule::Replace => replace(base, over),
        Rule::KeyValue => convert::merge_key_values(base, over),
        Rule::Append(index) => merge_appended(base, over, index),
        Rule::ToMap(item) => convert::merge_names(base, over, path, item),
        Rule::Build => merge_build(base, over, path),
        Rule::Logging => merge_logging(base, over, path),
        Rule::ExtraHosts => convert::merge_extra_hosts(base, over),
        Rule::IpamConfig => merge_ipam_config(base, over, path),
    }
}

/// `base` becomes `over`, without the tags `over` still holds.
fn replace(base: &mut Node, mut over: Node) -> bool {
    strip_tags(&mut over);
    *base = over;
    true
}

fn into_entries(node: Node) -> Vec<Entry> {
    match node.value {
        Value::Mapping(entries) => entries,
        _ => Vec::new(),
    }
}

fn into_items(node: Node) -> Vec<Node> {
    match node.value {
        Value::Sequence(items) => items,
        _ => Vec::new(),
    }
}

/// Mappings deep-merged, sequences appended, anything else replaced.
fn merge_default(base: &mut Node, mut over: Node, path: &mut Vec<String>) -> bool {
    match (kind(base), kind(&over)) {
        (Kind::Mapping, Kind::Mapping) => {
            if let Some(entries) = base.as_mapping_mut() {
                merge_entries(entries, into_entries(over), path, Existing::Merge);
            }
            false
        }
        (Kind::Sequence, Kind::Sequence) => {
            reset::strip_sequence(&mut over);
            if let Value::Sequence(items) = &mut base.value {
                items.extend(into_items(over));
            }
            false
        }
        _ => replace(base, over),
    }
}

/// Merges the entries of a later mapping into an earlier one, in the later one's
/// order for new keys, handling the tags on its values. Keys are looked up through an
/// index: a file may hold a mapping of a million keys.
fn merge_entries(
    base: &mut Vec<Entry>,
    over: Vec<Entry>,
    path: &mut Vec<String>,
    existing: Existing,
) {
    let mut slots: Vec<Option<Entry>> = std::mem::take(base).into_iter().map(Some).collect();
    let mut index: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, slot) in slots.iter().enumerate() {
        if let Some(entry) = slot {
            index.entry(entry.key.text.clone()).or_default().push(i);
        }
    }
    for mut entry in over {
        if entry.value.tag == Some(Tag::Reset) {
            for i in index.remove(&entry.key.text).unwrap_or_default() {
                if let Some(slot) = slots.get_mut(i) {
                    *slot = None;
                }
            }
            continue;
        }
        let overriding = entry.value.tag == Some(Tag::Override);
        let found = index
            .get(&entry.key.text)
            .and_then(|at| at.first().copied())
            .and_then(|i| slots.get_mut(i))
            .and_then(Option::as_mut);
        let Some(slot) = found else {
            strip_tags(&mut entry.value);
            index
                .entry(entry.key.text.clone())
                .or_default()
                .push(slots.len());
            slots.push(Some(entry));
            continue;
        };
        match existing {
            _ if overriding => {
                strip_tags(&mut entry.value);
                *slot = entry;
            }
            Existing::Replace => {
                strip_tags(&mut entry.value);
                *slot = entry;
            }
            Existing::Addresses => convert::union_addresses(slot, entry),
            Existing::Merge => {
                path.push(entry.key.text.clone());
                let replaced = merge_at(&mut slot.value, entry.value, path);
                path.pop();
                if replaced {
                    slot.key = entry.key;
                }
            }
        }
    }
    *base = slots.into_iter().flatten().collect();
}

/// Lists appended then made unique; a lone string counts as a one-item list
/// (`dns: 8.8.8.8`). A mapping on either side is not a list: the later value wins.
fn merge_appended(base: &mut Node, mut over: Node, index: Index) -> bool {
    if kind(base) == Kind::Mapping || kind(&over) == Kind::Mapping {
        return replace(base, over);
    }
    reset::strip_sequence(&mut over);
    as_list(base);
    let mut over_list = over;
    as_list(&mut over_list);
    convert::append_dedup(base, over_list, index);
    false
}

/// A scalar becomes a one-item sequence with the scalar's span and use site.
fn as_list(node: &mut Node) {
    if kind(node) == Kind::Scalar {
        let (span, via) = (node.span, node.via);
        let item = std::mem::replace(node, Node::null(span));
        *node = Node::sequence(span, vec![item]);
        node.via = via;
    }
}

/// `build: ctx` meeting a mapping is `{context: ctx}`; the `context` key is the
/// string's own place.
fn merge_build(base: &mut Node, mut over: Node, path: &mut Vec<String>) -> bool {
    match (kind(base), kind(&over)) {
        (Kind::Scalar, Kind::Mapping) => {
            let (span, via) = (base.span, base.via);
            let context = std::mem::replace(base, Node::null(span));
            *base = context_mapping(context);
            base.via = via;
        }
        (Kind::Mapping, Kind::Scalar) => over = context_mapping(over),
        _ => {}
    }
    merge_default(base, over, path)
}

fn context_mapping(context: Node) -> Node {
    let mut key = crate::tree::Key::new("context", context.span);
    key.via = context.via;
    let mut mapping = Node::mapping(context.span, Vec::new());
    mapping.via = context.via;
    mapping.value = Value::Mapping(vec![Entry::new(key, context)]);
    mapping
}

/// Options of one logging driver do not apply to another: a different `driver`
/// replaces the whole `logging`; the same driver, or one side without any, merges.
fn merge_logging(base: &mut Node, over: Node, path: &mut Vec<String>) -> bool {
    let driver = |node: &Node| node.get("driver").and_then(Node::as_str).map(str::to_owned);
    match (driver(base), driver(&over)) {
        (Some(a), Some(b)) if a != b => replace(base, over),
        _ => merge_default(base, over, path),
    }
}

/// `ipam.config` items with the same `subnet` are merged; the others appended.
fn merge_ipam_config(base: &mut Node, mut over: Node, path: &mut Vec<String>) -> bool {
    if kind(base) != Kind::Sequence || kind(&over) != Kind::Sequence {
        return merge_default(base, over, path);
    }
    // Items tagged `!reset` concern only this file; `!override` ones are kept whole.
    if let Value::Sequence(items) = &mut over.value {
        items.retain(|item| item.tag != Some(Tag::Reset));
    }
    let subnet = |node: &Node| node.get("subnet").and_then(Node::as_str).map(str::to_owned);
    let Value::Sequence(items) = &mut base.value else {
        return false;
    };
    // compose-go compares `subnet` values, an absent one included.
    let mut by_subnet: HashMap<Option<String>, usize> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        by_subnet.entry(subnet(item)).or_insert(i);
    }
    for mut item in into_items(over) {
        let key = subnet(&item);
        match by_subnet.get(&key).and_then(|&i| items.get_mut(i)) {
            Some(known) => {
                path.push("[]".to_owned());
                merge_at(known, item, path);
                path.pop();
            }
            None => {
                strip_tags(&mut item);
                by_subnet.insert(key, items.len());
                items.push(item);
            }
        }
    }
    false
}

#[cfg(test)]
#[path = "merge_test.rs"]
mod tests;
