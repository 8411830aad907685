//! Uniqueness of appended lists (compose-go `override/uncity.go`): after two files'
//! lists are appended, an item whose key was already seen replaces the earlier item
//! in place, so an override file can redefine a port or a mount without repeating it.

use std::collections::HashMap;
use std::net::IpAddr;

use crate::ports::parse_short_port;
use crate::tree::Node;

use super::paths::Index;

/// What a port binds to when no host IP is written.
const DEFAULT_HOST_IP: &str = "0.0.0.0";

/// Keeps the last item of each key at the position of the first. Items without a
/// key (a kind the indexer does not understand) are all kept, for validation to see.
pub(super) fn dedup(items: Vec<Node>, index: Index) -> Vec<Node> {
    let mut out: Vec<Node> = Vec::with_capacity(items.len());
    let mut seen: HashMap<String, usize> = HashMap::new();
    for item in items {
        let Some(key) = key(&item, index) else {
            out.push(item);
            continue;
        };
        match seen.get(&key).and_then(|&i| out.get_mut(i)) {
            Some(slot) => *slot = item,
            None => {
                seen.insert(key, out.len());
                out.push(item);
            }
        }
    }
    out
}

/// The key `item` is unique by.
pub(super) fn key(item: &Node, index: Index) -> Option<String> {
    let text = item.as_str();
    match index {
        Index::Value => text.map(str::to_owned),
        Index::KeyValue => text.map(|t| t.split_once('=').map_or(t, |(k, _)| k).to_owned()),
        Index::EnvFile => text.or_else(|| field(item, "path")).map(str::to_owned),
        Index::Port => port_key(item),
        Index::Volume => match text {
            Some(spec) => Some(volume_target(spec).to_owned()),
            None => field(item, "target").map(str::to_owned),
        },
        Index::Device => match text {
            // compose-go: the second `:`-separated part, or the only one.
            Some(spec) => {
                let mut parts = spec.split(':');
                let first = parts.next().unwrap_or_default();
                Some(parts.next().unwrap_or(first).to_owned())
            }
            None => field(item, "target").map(str::to_owned),
        },
        Index::Mount(dir) => match text {
            Some(source) => Some(format!("{dir}/{source}")),
            None => field(item, "target")
                .map(str::to_owned)
                .or_else(|| field(item, "source").map(|s| format!("{dir}/{s}"))),
        },
    }
}

fn field<'a>(item: &'a Node, name: &str) -> Option<&'a str> {
    item.get(name).and_then(Node::as_str)
}

/// `host_ip:published:target/protocol` with compose's defaults filled in, so that
/// `"8080:80"`, `8080:80/tcp`, `0.0.0.0:8080:80` and `{published: 8080, target: 80}`
/// are one port. A short string that does not parse is its own key.
fn port_key(item: &Node) -> Option<String> {
    if let Some(spec) = item.as_str() {
        return Some(match parse_short_port(spec) {
            Ok(port) => {
                let ip = port
                    .host_ip
                    .map_or_else(|| DEFAULT_HOST_IP.to_owned(), |ip| ip.to_string());
                let published = port.published.map(|p| p.to_string()).unwrap_or_default();
                format!("{ip}:{published}:{}/{}", port.target, port.protocol)
            }
            Err(_) => spec.to_owned(),
        });
    }
    let target = field(item, "target")?;
    let published = field(item, "published").unwrap_or_default();
    let ip = field(item, "host_ip").map_or_else(
        || DEFAULT_HOST_IP.to_owned(),
        |ip| {
            let bare = ip.trim_start_matches('[').trim_end_matches(']');
            bare.parse::<IpAddr>()
                .map_or_else(|_| ip.to_owned(), |ip| ip.to_string())
        },
    );
    let protocol = field(item, "protocol")
        .filter(|p| !p.is_empty())
        .map_or_else(|| "tcp".to_owned(), str::to_ascii_lowercase);
    Some(format!("{ip}:{published}:{target}/{protocol}"))
}

/// The container path of a short volume: `dst` of `src:dst[:opts]`, or the whole
/// spec for an anonymous volume (`/data`). A Windows drive (`C:\x`) is not a separator.
fn volume_target(spec: &str) -> &str {
    let bytes = spec.as_bytes();
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b != b':' {
            continue;
        }
        let drive = i == start + 1
            && bytes.get(start).is_some_and(u8::is_ascii_alphabetic)
            && matches!(bytes.get(i + 1), Some(b'\\' | b'/'));
        if !drive {
            parts.push(start..i);
            start = i + 1;
        }
    }
    parts.push(start..spec.len());
    let target = if parts.len() >= 2 {
        parts.get(1)
    } else {
        parts.first()
    };
    target.and_then(|r| spec.get(r.clone())).unwrap_or(spec)
}
