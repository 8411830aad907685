//! Short-syntax strings Compose splits itself: volume specs and extra hosts.

use std::ops::Range;

use crate::model::{Mount, MountType};
use crate::reader::{Field, Reader};
use crate::tree::Node;
use crate::Spanned;

/// `[SOURCE:]TARGET[:OPTIONS]`, split the way compose-go's `format.ParseVolume` does:
/// on `:` outside `${...}`, keeping a Windows drive letter (`C:\`) in one piece.
pub(crate) fn parse_mount(reader: &Reader, id: &Node, text: Spanned<String>) -> Spanned<Mount> {
    let parts = split_volume(&text.value);
    let mut mount = Mount {
        kind: MountType::Volume,
        source: None,
        target: None,
        read_only: false,
        propagation: None,
        long_syntax: false,
    };
    let mut fields = parts.iter();
    let first = fields.next().cloned();
    let second = fields.next().cloned();
    let (source, target) = match (first, second) {
        (Some(s), Some(t)) => (Some(s), Some(t)),
        (Some(t), None) => (None, Some(t)),
        _ => (None, None),
    };
    for range in fields.flat_map(|r| split_options(&text.value, r.clone())) {
        match &text.value[range.clone()] {
            "ro" => mount.read_only = true,
            "rw" => mount.read_only = false,
            "shared" | "rshared" | "slave" | "rslave" | "private" | "rprivate" => {
                mount.propagation = Some(reader.part(id, &text, range))
            }
            _ => {}
        }
    }
    mount.source = source
        .filter(|r| !r.is_empty())
        .map(|r| reader.part(id, &text, r));
    mount.target = target.map(|r| reader.part(id, &text, r));
    mount.kind = match &mount.source {
        Some(s) if is_host_path(&s.value) => MountType::Bind,
        _ => MountType::Volume,
    };
    let span = text.span;
    Spanned::new(mount, span).with_via(text.via)
}

pub(crate) fn parse_long_mount(reader: &Reader, id: &Node, fields: &[Field<'_>]) -> Spanned<Mount> {
    let mut mount = Mount {
        kind: MountType::Other,
        source: None,
        target: None,
        read_only: false,
        propagation: None,
        long_syntax: true,
    };
    let mut via = None;
    for f in fields {
        via = via.or(f.via);
        match f.key {
            "type" => {
                if let Some(t) = reader.string(f.value, f.via) {
                    mount.kind = MountType::parse(&t.value);
                }
            }
            "source" => mount.source = reader.string(f.value, f.via),
            "target" => mount.target = reader.string(f.value, f.via),
            "read_only" => mount.read_only = reader.bool(f.value).unwrap_or(false),
            "bind" => {
                mount.propagation = f
                    .value
                    .get("propagation")
                    .and_then(|p| reader.string(p, None));
            }
            _ => {}
        }
    }
    Spanned::new(mount, reader.span(id)).with_via(via.or_else(|| reader.alias_site(id)))
}

/// The comma-separated options in `range` of `spec`, as ranges of `spec`.
fn split_options(spec: &str, range: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = range.start;
    spec[range.clone()].split(',').map(move |option| {
        let r = start..start + option.len();
        start = r.end + 1;
        r
    })
}

fn split_volume(spec: &str) -> Vec<Range<usize>> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut depth = 0usize;
    let bytes = spec.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'{' => depth += 1,
            b'}' => depth = depth.saturating_sub(1),
            // `C:\` or `C:/` at the start of a part is a Windows drive, not a separator.
            b':' if depth == 0 => {
                let drive = i == start + 1
                    && bytes[start].is_ascii_alphabetic()
                    && matches!(bytes.get(i + 1), Some(b'\\' | b'/'));
                if !drive {
                    parts.push(start..i);
                    start = i + 1;
                }
            }
            _ => {}
        }
    }
    parts.push(start..spec.len());
    parts
}

/// compose-go's `isFilePath`: a source that is a path is a bind mount. A source that
/// starts with `$` is also taken as a path: until interpolation runs, `${PWD}/data`
/// must not be mistaken for a named volume (a named volume is rarely a variable).
fn is_host_path(source: &str) -> bool {
    let b = source.as_bytes();
    matches!(b.first(), Some(b'.' | b'/' | b'~' | b'\\' | b'$'))
        || (b.len() >= 2 && b[0].is_ascii_alphabetic() && b[1] == b':')
}

/// `host:ip`, `host=ip`, `host:ip1,ip2` -> (host range, ip ranges). `=` is tried first
/// so `myhost=::1` works; brackets around an IPv6 address are dropped.
pub(crate) fn split_extra_host(s: &str) -> Option<(Range<usize>, Vec<Range<usize>>)> {
    let sep = s.find('=').or_else(|| s.find(':'))?;
    let mut ips = Vec::new();
    let mut start = sep + 1;
    for part in s[sep + 1..].split(',') {
        let mut r = start..start + part.len();
        if part.starts_with('[') && part.ends_with(']') && part.len() >= 2 {
            r = r.start + 1..r.end - 1;
        }
        ips.push(r);
        start += part.len() + 1;
    }
    Some((0..sep, ips))
}

#[cfg(test)]
#[path = "short_syntax_test.rs"]
mod tests;
