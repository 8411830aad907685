//! Attributes Compose accepts as a list or as a mapping, merged whichever form each
//! file used: key/value pairs (`environment`, `labels`, ...), names (`depends_on`,
//! `networks`, `models`) and `extra_hosts`.
//!
//! A list item that becomes a mapping entry keeps its place in the file: the key's
//! span is the item's, and so is the value's (`K=V` gives a value `V` whose text
//! origin starts after the `=` when the item was written verbatim).

use std::collections::{HashMap, HashSet};

use lashing_syntax::yaml::ScalarValue;

use crate::spanned::TextOrigin;
use crate::tree::{Entry, Key, Node, Scalar, Value};

use super::paths::{Index, ListItem};
use super::reset::strip_sequence;
use super::{into_entries, into_items, kind, merge_default, merge_entries, replace, unique};
use super::{Existing, Kind};

/// `environment`, `labels`, `sysctls`, ...: unioned by key, the later value winning
/// (a bare `K` or `K: null` of the later file too: it unsets `K`). Two lists stay a
/// list, two mappings a mapping; a list meeting a mapping becomes a mapping.
pub(super) fn merge_key_values(base: &mut Node, mut over: Node) -> bool {
    strip_sequence(&mut over);
    let mut scratch = Vec::new();
    match (kind(base), kind(&over)) {
        (Kind::Sequence, Kind::Sequence) => {
            append_dedup(base, over, Index::KeyValue);
            false
        }
        (Kind::Mapping, Kind::Mapping) => {
            if let Some(entries) = base.as_mapping_mut() {
                merge_entries(entries, into_entries(over), &mut scratch, Existing::Replace);
            }
            false
        }
        (Kind::Sequence, Kind::Mapping) if all_scalars(base) => {
            list_to_mapping(base, key_value_entry);
            merge_key_values(base, over)
        }
        (Kind::Mapping, Kind::Sequence) if all_scalars(&over) => {
            let entries = into_items(over).into_iter().map(key_value_entry).collect();
            if let Some(base) = base.as_mapping_mut() {
                merge_entries(base, entries, &mut scratch, Existing::Replace);
            }
            false
        }
        _ => replace(base, over),
    }
}

/// `depends_on`, service `networks`, `models`: two lists are appended without
/// repeating a name; otherwise the list side becomes a mapping and the two mappings
/// are deep-merged (so `depends_on: [db]` resets `db`'s condition to
/// `service_started`, as compose-go does).
pub(super) fn merge_names(
    base: &mut Node,
    mut over: Node,
    path: &mut Vec<String>,
    item: ListItem,
) -> bool {
    strip_sequence(&mut over);
    let to_entry = |node: Node| name_entry(node, item);
    match (kind(base), kind(&over)) {
        (Kind::Sequence, Kind::Sequence) => {
            append_dedup(base, over, Index::Value);
            false
        }
        (Kind::Mapping, Kind::Mapping) => merge_default(base, over, path),
        (Kind::Sequence, Kind::Mapping) if all_scalars(base) => {
            list_to_mapping(base, to_entry);
            merge_default(base, over, path)
        }
        (Kind::Mapping, Kind::Sequence) if all_scalars(&over) => {
            let entries = into_items(over).into_iter().map(to_entry).collect();
            if let Some(base) = base.as_mapping_mut() {
                merge_entries(base, entries, path, Existing::Merge);
            }
            false
        }
        _ => replace(base, over),
    }
}

/// `extra_hosts`: the later file's entries are added unless the earlier file already
/// has them (`host:ip` and `host=ip` are the same entry). When either side is a
/// mapping the result is a mapping whose values collect every address of a host.
pub(super) fn merge_extra_hosts(base: &mut Node, mut over: Node) -> bool {
    strip_sequence(&mut over);
    match (kind(base), kind(&over)) {
        (Kind::Sequence, Kind::Sequence) => {
            if let Value::Sequence(items) = &mut base.value {
                // Only what the earlier file has is dropped (compose-go filters the
                // later list against the earlier one, not against itself).
                let known: HashSet<String> = items.iter().filter_map(host_entry_key).collect();
                for item in into_items(over) {
                    if !host_entry_key(&item).is_some_and(|key| known.contains(&key)) {
                        items.push(item);
                    }
                }
            }
            false
        }
        (Kind::Mapping, Kind::Mapping) => {
            union_hosts(base, over);
            false
        }
        (Kind::Sequence, Kind::Mapping) if all_host_entries(base) => {
            list_to_mapping(base, host_entry);
            union_hosts(base, over);
            false
        }
        (Kind::Mapping, Kind::Sequence) if all_host_entries(&over) => {
            let entries = into_items(over).into_iter().map(host_entry).collect();
            union_hosts(base, Node::mapping(base.span, entries));
            false
        }
        _ => replace(base, over),
    }
}

/// Appends `over`'s items to the sequence `base` and keeps one item per key.
pub(super) fn append_dedup(base: &mut Node, over: Node, index: Index) {
    if let Value::Sequence(items) = &mut base.value {
        let mut all = std::mem::take(items);
        all.extend(into_items(over));
        *items = unique::dedup(all, index);
    }
}

fn all_scalars(node: &Node) -> bool {
    node.as_sequence()
        .is_some_and(|items| items.iter().all(|item| item.as_str().is_some()))
}

/// Turns the sequence `node` into a mapping, in place, keeping its span; a key seen
/// twice keeps its last value at its first place.
fn list_to_mapping(node: &mut Node, to_entry: impl Fn(Node) -> Entry) {
    let items = match &mut node.value {
        Value::Sequence(items) => std::mem::take(items),
        _ => return,
    };
    let mut entries: Vec<Entry> = Vec::with_capacity(items.len());
    let mut index: HashMap<String, usize> = HashMap::new();
    for entry in items.into_iter().map(to_entry) {
        match index.get(&entry.key.text).and_then(|&i| entries.get_mut(i)) {
            Some(slot) => *slot = entry,
            None => {
                index.insert(entry.key.text.clone(), entries.len());
                entries.push(entry);
            }
        }
    }
    node.value = Value::Mapping(entries);
}

/// The key of a converted list item: the item's span and use site.
fn item_key(item: &Node, text: &str) -> Key {
    let mut key = Key::new(text, item.span);
    key.via = item.via;
    key
}

/// A node standing for part of `item` (or a value it implies): `item`'s span and use
/// site, new text.
fn derived(item: &Node, text: &str, kind: ScalarValue, origin: TextOrigin) -> Node {
    Node {
        span: item.span,
        via: item.via,
        tag: None,
        value: Value::Scalar(Scalar {
            text: text.to_owned(),
            kind,
            origin,
        }),
    }
}

/// The origin of the text from byte `skip` of `item`'s text on.
fn origin_after(item: &Node, skip: usize) -> TextOrigin {
    let Some(scalar) = item.as_scalar() else {
        return TextOrigin::Transformed;
    };
    match &scalar.origin {
        TextOrigin::Verbatim(at) => u32::try_from(skip)
            .ok()
            .and_then(|skip| at.checked_add(skip))
            .map_or(TextOrigin::Transformed, TextOrigin::Verbatim),
        TextOrigin::Interpolated { text, offset } => TextOrigin::Interpolated {
            text: text.clone(),
            offset: offset.saturating_add(u32::try_from(skip).unwrap_or(u32::MAX)),
        },
        TextOrigin::Transformed => TextOrigin::Transformed,
    }
}

/// `K=V` -> `K: V`; `K` -> `K: null`.
fn key_value_entry(item: Node) -> Entry {
    let text = item.as_str().unwrap_or_default().to_owned();
    match text.split_once('=') {
        Some((k, v)) => {
            let value = derived(
                &item,
                v,
                ScalarValue::String,
                origin_after(&item, k.len() + 1),
            );
            Entry::new(item_key(&item, k), value)
        }
        None => {
            let mut null = Node::null(item.span);
            null.via = item.via;
            Entry::new(item_key(&item, &text), null)
        }
    }
}

/// `name` -> `name: null`, or for `depends_on` the long form's defaults.
fn name_entry(item: Node, kind: ListItem) -> Entry {
    let name = item.as_str().unwrap_or_default().to_owned();
    let value = match kind {
        ListItem::Null => {
            let mut null = Node::null(item.span);
            null.via = item.via;
            null
        }
        ListItem::DependsOn => {
            let condition = derived(
                &item,
                "service_started",
                ScalarValue::String,
                TextOrigin::Transformed,
            );
            let required = derived(
                &item,
                "true",
                ScalarValue::Bool(true),
                TextOrigin::Transformed,
            );
            let mut mapping = Node::mapping(
                item.span,
                vec![
                    Entry::new(item_key(&item, "condition"), condition),
                    Entry::new(item_key(&item, "required"), required),
                ],
            );
            mapping.via = item.via;
            mapping
        }
    };
    Entry::new(item_key(&item, &name), value)
}

/// `host:ip` / `host=ip` -> (host, ip, byte offset of ip). `=` is looked for first so
/// `host=::1` works.
fn split_host(text: &str) -> Option<(&str, &str, usize)> {
    let sep = text.find('=').or_else(|| text.find(':'))?;
    let host = text.get(..sep)?;
    let ip = text.get(sep + 1..)?;
    Some((host, ip, sep + 1))
}

fn all_host_entries(node: &Node) -> bool {
    node.as_sequence().is_some_and(|items| {
        items
            .iter()
            .all(|item| item.as_str().and_then(split_host).is_some())
    })
}

fn host_entry(item: Node) -> Entry {
    let text = item.as_str().unwrap_or_default().to_owned();
    let (host, ip, at) = split_host(&text).unwrap_or((&text, "", text.len()));
    let value = derived(&item, ip, ScalarValue::String, origin_after(&item, at));
    Entry::new(item_key(&item, host), value)
}

/// An address as compared: without IPv6 brackets.
fn bare_ip(ip: &str) -> &str {
    ip.strip_prefix('[')
        .and_then(|ip| ip.strip_suffix(']'))
        .unwrap_or(ip)
}

/// `host:ip` and `host=ip` as one text; anything else as written.
fn host_entry_key(item: &Node) -> Option<String> {
    let text = item.as_str()?;
    Some(match split_host(text) {
        Some((host, ip, _)) => format!("{host}={}", bare_ip(ip)),
        None => text.to_owned(),
    })
}

/// Adds `over`'s hosts to the mapping `base`; a host both have gets the addresses of
/// both (a host maps to one address or to a list of them).
fn union_hosts(base: &mut Node, over: Node) {
    if let Some(entries) = base.as_mapping_mut() {
        merge_entries(
            entries,
            into_entries(over),
            &mut Vec::new(),
            Existing::Addresses,
        );
    }
}

/// The addresses of `slot`'s host followed by those of `entry` it lacks.
pub(super) fn union_addresses(slot: &mut Entry, entry: Entry) {
    let mut ips = addresses(std::mem::replace(
        &mut slot.value,
        Node::null(slot.key.span),
    ));
    let span = ips.first().map_or(slot.key.span, |ip| ip.span);
    let mut known: HashSet<String> = ips
        .iter()
        .filter_map(|ip| ip.as_str().map(|ip| bare_ip(ip).to_owned()))
        .collect();
    for ip in addresses(entry.value) {
        let new = ip
            .as_str()
            .is_none_or(|text| known.insert(bare_ip(text).to_owned()));
        if new {
            ips.push(ip);
        }
    }
    slot.value = match ips.len() {
        1 => ips.pop().unwrap_or_else(|| Node::null(span)),
        _ => Node::sequence(span, ips),
    };
}

/// The addresses a host maps to: one scalar or a list of them.
fn addresses(mut node: Node) -> Vec<Node> {
    match node.value {
        Value::Sequence(_) => {
            super::strip_tags(&mut node);
            into_items(node)
        }
        _ if node.is_null() => Vec::new(),
        _ => vec![node],
    }
}
