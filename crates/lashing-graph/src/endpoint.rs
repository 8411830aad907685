//! Network endpoints referenced inside environment variable values.
//!
//! Rules about service-to-service traffic ("`localhost` inside a container", "no
//! service is called `dbb`") all start from the same question: which hosts and ports
//! does this environment value point at? [`endpoints`] answers it once, for every
//! rule, and keeps the byte range of each host and port so a finding can underline
//! exactly the host inside the value.
//!
//! The rule catalog defines a *URL-like value* as a URL
//! (`scheme://[user[:pw]@]host[:port][/...]`), a `host:port` pair, or a bare host in
//! a variable whose name says it holds one (`*_HOST`, `PGHOST`, ...). Connection
//! strings (`Server=db;Port=5432;...`, `host=db port=5432 ...`) are recognised too
//! because that is how .NET, ODBC and libpq users name their database.
//!
//! The scanner is deliberately conservative: a missed endpoint costs a missed
//! finding, a made-up one costs a false "unknown service" error on a value that was
//! never an address (`node:18`, `12:30`, `sha256:...`). So `host:port` needs a real
//! hostname and an all-digit port, and bare words are hosts only in host variables.
//!
//! Everything is a single forward pass over the bytes (lookaheads never overlap),
//! so a 100 KB value costs linear time, and every range starts and ends next to an
//! ASCII byte, so slicing the value with it never splits a character.

use std::net::{Ipv4Addr, Ipv6Addr};
use std::ops::Range;

/// How an endpoint was written in the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EndpointForm {
    /// `scheme://[userinfo@]host[:port][/...]`, including `jdbc:` URLs and each host
    /// of a multi-host authority (`mongodb://a:1,b:2/db`).
    Url,
    /// `host:port` without a scheme (`redis:6379`, `kafka1:9092,kafka2:9092`).
    HostPort,
    /// A host alone, in a variable whose name says it holds a host (`PGHOST=db`).
    BareHost,
    /// A keyword connection string: ADO.NET / ODBC `Server=db;Port=5432;...` or
    /// libpq `host=db port=5432 dbname=app`.
    ConnectionString,
}

/// What the host text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HostKind {
    /// A DNS name (or a Compose service / alias / container name).
    Name,
    Ipv4(Ipv4Addr),
    Ipv6(Ipv6Addr),
}

/// One network endpoint referenced by an environment value.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Endpoint {
    pub form: EndpointForm,
    /// The URL scheme, lower-cased (`postgres`, `mongodb+srv`, `plaintext_host`).
    /// For `jdbc:` URLs this is the inner scheme (`postgresql`, `mysql:loadbalance`)
    /// and [`Endpoint::jdbc`] is set. `None` for every form but [`EndpointForm::Url`].
    pub scheme: Option<String>,
    /// The URL was a `jdbc:<scheme>://` URL.
    pub jdbc: bool,
    /// The host as written, lower-cased when it is a name; IPv6 without brackets
    /// (zone included when written, e.g. `fe80::1%eth0`).
    pub host: String,
    /// Byte range of the host in the value (brackets included for IPv6).
    pub host_range: Range<usize>,
    pub host_kind: HostKind,
    /// The port when written as digits. `None` when absent or interpolated
    /// (`http://api:${PORT}`); see [`Endpoint::default_port`] for the scheme default.
    pub port: Option<u16>,
    /// Byte range of the port digits in the value.
    pub port_range: Option<Range<usize>>,
    /// The value carries credentials for this endpoint: a non-empty URL userinfo
    /// (`u:p@`, `:secret@`), or a non-empty `Password=`/`Pwd=` in a connection string.
    pub has_credentials: bool,
}

impl Endpoint {
    /// The destination is the container itself.
    ///
    /// True for `localhost`, `*.localhost` (RFC 6761 reserves the whole domain for
    /// loopback, and whoever writes `api.localhost` means "this machine", which
    /// inside a container is the container), `localhost.localdomain`, Docker's
    /// `/etc/hosts` aliases `ip6-localhost` / `ip6-loopback`, 127.0.0.0/8, `::1`,
    /// IPv4-mapped loopback, and the unspecified addresses `0.0.0.0` / `::`: Linux
    /// connects to those as to the local host. A bind address such as
    /// `LISTEN=0.0.0.0:8080` is also "loopback" by this test; rules that care about
    /// the difference ask [`Endpoint::is_unspecified`] first.
    pub fn is_loopback(&self) -> bool {
        match self.host_kind {
            HostKind::Name => {
                self.host == "localhost"
                    || self.host.ends_with(".localhost")
                    || self.host == "localhost.localdomain"
                    || self.host == "ip6-localhost"
                    || self.host == "ip6-loopback"
            }
            HostKind::Ipv4(a) => a.is_loopback() || a.is_unspecified(),
            HostKind::Ipv6(a) => {
                a.is_loopback()
                    || a.is_unspecified()
                    || a.to_ipv4_mapped()
                        .is_some_and(|v4| v4.is_loopback() || v4.is_unspecified())
            }
        }
    }

    /// The host is `0.0.0.0` or `::` (or `::ffff:0.0.0.0`): usually a bind address
    /// ("listen everywhere") rather than somewhere to connect to.
    pub fn is_unspecified(&self) -> bool {
        match self.host_kind {
            HostKind::Name => false,
            HostKind::Ipv4(a) => a.is_unspecified(),
            HostKind::Ipv6(a) => {
                a.is_unspecified() || a.to_ipv4_mapped().is_some_and(|v4| v4.is_unspecified())
            }
        }
    }

    /// The port the connection goes to: the written port, else the well-known port
    /// of the scheme. `None` when neither is known (a `host:port` needs its port; a
    /// connection string names no protocol; `mongodb+srv` takes ports from DNS).
    pub fn default_port(&self) -> Option<u16> {
        self.port
            .or_else(|| self.scheme.as_deref().and_then(well_known_port))
    }
}

/// Whether a variable name says its value is a host (`*_HOST`, `PGHOST`, ...), so
/// that a bare word in it is a host name rather than just a word.
pub fn is_host_variable(name: &str) -> bool {
    host_variable(name).is_some()
}

/// Every endpoint referenced by environment variable `name` with value `value`, in
/// the order they appear.
///
/// Text inside unresolved Compose interpolation (`$VAR`, `${VAR:-default}`) is
/// opaque: it never becomes a host or a port, and a host or port that contains it
/// is dropped (`http://${API_HOST}:3000` yields nothing, `http://api:${PORT}` yields
/// `api` with no port). Callers who resolve interpolation first get the defaults.
pub fn endpoints(name: &str, value: &str) -> Vec<Endpoint> {
    let mut out = Vec::new();
    if connection_string(value, &mut out) {
        return out;
    }
    let ctx = VarContext::of(name);
    scan(value, &ctx, &mut out);
    out
}

// --- Variable names -------------------------------------------------------

/// How a host variable holds its hosts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HostVar {
    /// One host: the whole value (`DB_HOST=db`).
    Single,
    /// A list (`ELASTICSEARCH_HOSTS=es1,es2`).
    List,
}

fn host_variable(name: &str) -> Option<HostVar> {
    let up = name.trim().to_ascii_uppercase();
    // PGHOSTADDR is libpq's numeric twin of PGHOST.
    if matches!(up.as_str(), "PGHOST" | "PGHOSTADDR") {
        return Some(HostVar::Single);
    }
    const LIST: [&str; 4] = ["_HOSTS", "_SERVERS", "_ADDRS", "_ADDRESSES"];
    const SINGLE: [&str; 5] = ["_HOST", "_HOSTNAME", "_ADDR", "_ADDRESS", "_SERVER"];
    if LIST.iter().any(|s| up.ends_with(s)) {
        Some(HostVar::List)
    } else if SINGLE.iter().any(|s| up.ends_with(s)) {
        Some(HostVar::Single)
    } else {
        None
    }
}

/// What the variable name tells the scanner.
struct VarContext {
    host_var: Option<HostVar>,
    /// Image references and versions look exactly like `host:port` (`node:18`,
    /// `postgres:16`); in such variables `name:digits` is not read as an endpoint.
    image_like: bool,
}

impl VarContext {
    fn of(name: &str) -> Self {
        let up = name.trim().to_ascii_uppercase();
        let image_like = up.contains("IMAGE")
            || up == "TAG"
            || up.ends_with("_TAG")
            || up == "VERSION"
            || up.ends_with("_VERSION");
        VarContext {
            host_var: host_variable(name),
            image_like,
        }
    }

    /// A bare word in this token is a host: the variable holds hosts, and either
    /// holds a list or this token is the whole value.
    fn bare_ok(&self, whole: bool) -> bool {
        match self.host_var {
            Some(HostVar::List) => true,
            Some(HostVar::Single) => whole,
            None => false,
        }
    }
}

/// Words that appear in host variables but are settings, not hosts.
fn is_stop_word(host: &str) -> bool {
    matches!(
        host,
        "true"
            | "false"
            | "yes"
            | "no"
            | "on"
            | "off"
            | "none"
            | "null"
            | "nil"
            | "any"
            | "all"
            | "auto"
            | "default"
            | "enabled"
            | "disabled"
            | "unset"
            | "undefined"
    )
}

// --- Byte helpers ---------------------------------------------------------

/// Index just past the interpolation that starts at `i` (`b[i] == b'$'`): `$$`,
/// `$NAME` or `${...}` with nested `${...}`. Always greater than `i`; an unclosed
/// `${` runs to the end (Compose rejects it anyway).
fn skip_dollar(b: &[u8], i: usize) -> usize {
    match b.get(i + 1) {
        Some(b'$') => i + 2,
        Some(b'{') => {
            let mut depth = 1usize;
            let mut j = i + 2;
            while j < b.len() {
                match b[j] {
                    b'$' if b.get(j + 1) == Some(&b'{') => {
                        depth += 1;
                        j += 2;
                        continue;
                    }
                    b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            return j + 1;
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            b.len()
        }
        _ => {
            let mut j = i + 1;
            while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'_') {
                j += 1;
            }
            j
        }
    }
}

/// First `target` in `b[lo..hi]` outside interpolation.
fn find_outside_groups(b: &[u8], lo: usize, hi: usize, target: u8) -> Option<usize> {
    let mut j = lo;
    while j < hi {
        match b[j] {
            c if c == target => return Some(j),
            b'$' => j = skip_dollar(b, j),
            _ => j += 1,
        }
    }
    None
}

/// Pieces of `b[lo..hi]` between `sep` bytes outside interpolation.
fn split_outside_groups(b: &[u8], lo: usize, hi: usize, sep: u8) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut start = lo;
    let mut j = lo;
    while j < hi {
        match b[j] {
            c if c == sep => {
                pieces.push(start..j);
                j += 1;
                start = j;
            }
            b'$' => j = skip_dollar(b, j),
            _ => j += 1,
        }
    }
    pieces.push(start..hi);
    pieces
}

fn trim_range(b: &[u8], r: Range<usize>) -> Range<usize> {
    let (mut lo, mut hi) = (r.start, r.end.min(b.len()));
    while lo < hi && b[lo].is_ascii_whitespace() {
        lo += 1;
    }
    while hi > lo && b[hi - 1].is_ascii_whitespace() {
        hi -= 1;
    }
    lo..hi
}

/// Separators between endpoints in a list value.
fn is_separator(c: u8) -> bool {
    c.is_ascii_whitespace() || c == b',' || c == b';'
}

/// Bytes of a URL scheme. `_` is not RFC 3986 but Kafka listener names
/// (`PLAINTEXT_HOST://`) use it as one.
fn is_scheme_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.' | b'_')
}

/// Bytes that cannot occur in a URL (RFC 3986), so a URL in prose or JSON ends there.
fn is_url_forbidden(c: u8) -> bool {
    c.is_ascii_whitespace()
        || matches!(
            c,
            b'"' | b'<' | b'>' | b'\\' | b'^' | b'`' | b'{' | b'|' | b'}'
        )
}

/// `b[k..]` starts with `scheme://` (or `jdbc:scheme://`). Scans only scheme bytes,
/// so lookaheads from successive separators never overlap.
fn starts_url(b: &[u8], k: usize) -> bool {
    let mut j = k;
    while j < b.len() {
        let c = b[j];
        if c == b':' {
            if b.get(j + 1) == Some(&b'/') && b.get(j + 2) == Some(&b'/') {
                return j > k;
            }
        } else if !is_scheme_byte(c) {
            return false;
        }
        j += 1;
    }
    false
}

// --- Hosts and ports ------------------------------------------------------

/// A syntactically valid host name: dot-separated labels of letters, digits, `-`
/// and `_` (Compose service names allow `_`), no label starting or ending with `-`,
/// and at least one letter, so that times, ratios and versions (`12`, `1.2.3`) are
/// not names.
fn is_hostname(text: &str) -> bool {
    if text.is_empty() || text.len() > 253 {
        return false;
    }
    let mut letter = false;
    for label in text.split('.') {
        let lb = label.as_bytes();
        if lb.is_empty() || lb.len() > 63 || lb.first() == Some(&b'-') || lb.last() == Some(&b'-') {
            return false;
        }
        for &c in lb {
            if c.is_ascii_alphabetic() {
                letter = true;
            } else if !(c.is_ascii_digit() || c == b'-' || c == b'_') {
                return false;
            }
        }
    }
    letter
}

/// IPv4 first (Rust's parser rejects leading zeros and short forms, so `1.2.3` and
/// `01.2.3.4` are neither addresses nor, lacking letters, names).
fn classify_host(text: &str) -> Option<HostKind> {
    if let Ok(a) = text.parse::<Ipv4Addr>() {
        return Some(HostKind::Ipv4(a));
    }
    is_hostname(text).then_some(HostKind::Name)
}

/// An IPv6 literal, with an optional `%zone` (`%25zone` in URLs) that the address
/// parser does not take.
fn parse_ipv6(text: &str) -> Option<Ipv6Addr> {
    let addr = match text.find('%') {
        Some(i) => text.get(..i)?,
        None => text,
    };
    addr.parse().ok()
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum PortSpec {
    /// No `:` after the host.
    Absent,
    /// `host:` with nothing after.
    Empty,
    /// Digits in 1..=65535; `leading_zero` for `05432`, which no one writes for a port.
    Number {
        port: u16,
        range: Range<usize>,
        leading_zero: bool,
    },
    /// Contains `$`: unresolved interpolation.
    Interpolated,
    /// Anything else (`abc`, `1.2`, `99999`, `0`).
    Invalid,
}

fn parse_port(value: &str, lo: usize, hi: usize) -> PortSpec {
    let Some(text) = value.get(lo..hi) else {
        return PortSpec::Invalid;
    };
    if text.is_empty() {
        return PortSpec::Empty;
    }
    if text.contains('$') {
        return PortSpec::Interpolated;
    }
    if text.len() > 5 || !text.bytes().all(|c| c.is_ascii_digit()) {
        return PortSpec::Invalid;
    }
    match text.parse::<u16>() {
        Ok(port) if port > 0 => PortSpec::Number {
            port,
            range: lo..hi,
            leading_zero: text.len() > 1 && text.starts_with('0'),
        },
        _ => PortSpec::Invalid,
    }
}

/// A host (and what follows it) found in `value[lo..hi]`.
struct HostSpec {
    /// Brackets included for IPv6.
    range: Range<usize>,
    /// The host text: without brackets, lower-cased for names.
    text: String,
    kind: HostKind,
    port: PortSpec,
}

/// `host`, `host:port`, `[v6]` or `[v6]:port` filling all of `value[lo..hi]`.
/// The host/port split is at the first `:` outside interpolation, since names and
/// IPv4 addresses have none (`api:${PORT:-80}` is host `api`).
fn parse_host_port(value: &str, lo: usize, hi: usize) -> Option<HostSpec> {
    let b = value.as_bytes();
    if lo >= hi || hi > b.len() {
        return None;
    }
    let (range, text, kind, rest) = if b[lo] == b'[' {
        let close = find_outside_groups(b, lo + 1, hi, b']')?;
        let inner = value.get(lo + 1..close)?;
        let addr = parse_ipv6(inner)?;
        (
            lo..close + 1,
            inner.to_string(),
            HostKind::Ipv6(addr),
            close + 1,
        )
    } else {
        let colon = find_outside_groups(b, lo, hi, b':').unwrap_or(hi);
        let raw = value.get(lo..colon)?;
        let kind = classify_host(raw)?;
        let text = match kind {
            HostKind::Name => raw.to_ascii_lowercase(),
            _ => raw.to_string(),
        };
        (lo..colon, text, kind, colon)
    };
    let port = if rest >= hi {
        PortSpec::Absent
    } else if b[rest] == b':' {
        parse_port(value, rest + 1, hi)
    } else {
        return None;
    };
    Some(HostSpec {
        range,
        text,
        kind,
        port,
    })
}

fn endpoint(
    form: EndpointForm,
    scheme: Option<&Scheme>,
    host: HostSpec,
    port: Option<(u16, Range<usize>)>,
    has_credentials: bool,
) -> Endpoint {
    let (port, port_range) = match port {
        Some((p, r)) => (Some(p), Some(r)),
        None => (None, None),
    };
    Endpoint {
        form,
        scheme: scheme.map(|s| s.name.clone()),
        jdbc: scheme.is_some_and(|s| s.jdbc),
        host: host.text,
        host_range: host.range,
        host_kind: host.kind,
        port,
        port_range,
        has_credentials,
    }
}

// --- Scanning free text ---------------------------------------------------

/// Walks the value once: URLs wherever `://` appears, and otherwise tokens between
/// separators (whitespace, `,`, `;`) tried as `host:port` or bare hosts.
fn scan(value: &str, ctx: &VarContext, out: &mut Vec<Endpoint>) {
    let b = value.as_bytes();
    let n = b.len();
    let whole = trim_range(b, 0..n);
    let mut i = 0;
    while i < n {
        if is_separator(b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        let mut url_at = None;
        while j < n {
            match b[j] {
                c if is_separator(c) => break,
                b'$' => j = skip_dollar(b, j),
                b':' if b.get(j + 1) == Some(&b'/') && b.get(j + 2) == Some(&b'/') => {
                    url_at = Some(j);
                    break;
                }
                _ => j += 1,
            }
        }
        let j = j.min(n);
        match url_at {
            Some(p) => i = scan_url(value, start, p, out),
            None => {
                let is_whole = start == whole.start && j == whole.end;
                scan_token(value, start, j, is_whole, ctx, out);
                i = j;
            }
        }
    }
}

/// A URL scheme as the endpoint reports it.
struct Scheme {
    name: String,
    jdbc: bool,
}

/// `text` is what precedes `://` back to the first letter: `http`, `jdbc:mysql`,
/// or junk such as `see:http` (the scheme is then the part after the last `:`).
fn parse_scheme(text: &str) -> Option<Scheme> {
    let lower = text.to_ascii_lowercase();
    // `jdbc:` may follow other text (`url:jdbc:mysql`); only a whole `jdbc` counts.
    let jdbc_at = lower
        .rfind("jdbc:")
        .filter(|&k| k == 0 || lower.as_bytes().get(k - 1) == Some(&b':'));
    let (name, jdbc) = match jdbc_at.and_then(|k| lower.get(k + 5..)) {
        Some(rest) => (rest.to_string(), true),
        None => match lower.rfind(':') {
            Some(k) => (lower.get(k + 1..)?.to_string(), false),
            None => (lower, false),
        },
    };
    // One letter is a Windows drive (`C://x`), not a scheme.
    let ok = name.len() >= 2
        && name.bytes().next().is_some_and(|c| c.is_ascii_alphabetic())
        && name.bytes().all(|c| is_scheme_byte(c) || c == b':');
    ok.then_some(Scheme { name, jdbc })
}

/// Schemes whose authority is not a network host (or is empty): local sockets,
/// files, object-store buckets, content hashes, image references.
fn is_non_network_scheme(name: &str) -> bool {
    name.contains("unix")
        || matches!(
            name,
            "file"
                | "npipe"
                | "sqlite"
                | "sqlite3"
                | "s3"
                | "s3a"
                | "s3n"
                | "gs"
                | "ipfs"
                | "ipns"
                | "docker"
                | "docker-image"
                | "oci"
                | "jar"
                | "blob"
                | "about"
                | "chrome"
                | "mem"
        )
}

/// The URL whose `://` is at `sep` (its scheme starts at or after `lo`). Pushes its
/// endpoints and returns where scanning resumes, always past `sep + 3`.
fn scan_url(value: &str, lo: usize, sep: usize, out: &mut Vec<Endpoint>) -> usize {
    let b = value.as_bytes();
    let n = b.len();
    let after = sep + 3;

    let mut s = sep;
    while s > lo && (is_scheme_byte(b[s - 1]) || b[s - 1] == b':') {
        s -= 1;
    }
    while s < sep && !b[s].is_ascii_alphabetic() {
        s += 1;
    }
    // The URL runs to whitespace or a byte no URL contains, or to a `,` / `;` that
    // starts the next URL (`PLAINTEXT://a:1,PLAINTEXT_HOST://b:2`). Other commas
    // stay: they separate hosts (`mongodb://a:1,b:2/db`) or live in the path.
    let mut e = after;
    while e < n {
        match b[e] {
            b'$' => e = skip_dollar(b, e),
            c if is_url_forbidden(c) => break,
            b',' | b';' if starts_url(b, e + 1) => break,
            _ => e += 1,
        }
    }
    let end = trim_url_end(b, after, e.min(n));

    // Without a usable scheme (`://x`, `C://x`) the text is still URL-shaped, never
    // a `host:port`, so it is consumed all the same.
    if let Some(scheme) = value.get(s..sep).and_then(parse_scheme) {
        if !is_non_network_scheme(&scheme.name) {
            url_authority(value, after, end, &scheme, out);
        }
    }
    end.max(after)
}

/// Drops prose punctuation after a URL (`see http://api:3000.`), and a closing
/// parenthesis only when it has no opening partner inside the URL.
fn trim_url_end(b: &[u8], lo: usize, hi: usize) -> usize {
    let mut e = hi;
    let mut open = b[lo..hi].iter().filter(|&&c| c == b'(').count();
    let mut close = b[lo..hi].iter().filter(|&&c| c == b')').count();
    while e > lo {
        match b[e - 1] {
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b'*' => e -= 1,
            b')' if close > open => {
                close -= 1;
                e -= 1;
            }
            b'(' => {
                open = open.saturating_sub(1);
                e -= 1;
            }
            _ => break,
        }
    }
    e
}

/// The hosts of the authority that starts at `lo` (just after `://`).
fn url_authority(value: &str, lo: usize, hi: usize, scheme: &Scheme, out: &mut Vec<Endpoint>) {
    let b = value.as_bytes();
    // `;` ends the authority for `jdbc:sqlserver://db:1433;databaseName=x`.
    let mut a = lo;
    let mut at = None;
    while a < hi {
        match b[a] {
            b'/' | b'?' | b'#' | b';' => break,
            b'@' => {
                at = Some(a);
                a += 1;
            }
            b'$' => a = skip_dollar(b, a),
            _ => a += 1,
        }
    }
    let a = a.min(hi);
    let (hosts_lo, creds) = match at {
        Some(k) => (k + 1, k > lo),
        None => (lo, false),
    };
    for piece in split_outside_groups(b, hosts_lo, a, b',') {
        let Some(spec) = parse_host_port(value, piece.start, piece.end) else {
            continue;
        };
        let port = match &spec.port {
            PortSpec::Number { port, range, .. } => Some((*port, range.clone())),
            PortSpec::Absent | PortSpec::Empty | PortSpec::Interpolated => None,
            PortSpec::Invalid => continue,
        };
        out.push(endpoint(EndpointForm::Url, Some(scheme), spec, port, creds));
    }
}

/// One token without `://`: a `host:port` (optionally followed by `/path`), or in a
/// host variable a bare host.
fn scan_token(
    value: &str,
    lo: usize,
    hi: usize,
    whole: bool,
    ctx: &VarContext,
    out: &mut Vec<Endpoint>,
) {
    let b = value.as_bytes();
    let (mut s, mut e) = (lo, hi.min(b.len()));
    while s < e && matches!(b[s], b'(' | b'"' | b'\'' | b'<') {
        s += 1;
    }
    while e > s && matches!(b[e - 1], b')' | b'"' | b'\'' | b'>' | b'.' | b'!' | b'?') {
        e -= 1;
    }
    // Command-line options: `--bootstrap-server=kafka:9092`, `-Dhost=db:5432`.
    if s < e && b[s] == b'-' {
        match find_outside_groups(b, s, e, b'=') {
            Some(eq) => s = eq + 1,
            None => return,
        }
    }
    // Kafka KRaft voters: `1@kafka:9093` (node id, then the controller address).
    // Only digits: `user@host` is an e-mail or ssh login, not this.
    if let Some(at) = find_outside_groups(b, s, e, b'@') {
        if at > s && b[s..at].iter().all(u8::is_ascii_digit) {
            s = at + 1;
        }
    }
    if s >= e {
        return;
    }
    let slash = find_outside_groups(b, s, e, b'/');
    let bare_ok = slash.is_none() && ctx.bare_ok(whole);

    // `::1`, `fe80::1` unbracketed: only where the name promises an address.
    if bare_ok && b[s] != b'[' && b[s..e].contains(&b':') {
        if let Some(text) = value.get(s..e) {
            if let Some(addr) = parse_ipv6(text) {
                let spec = HostSpec {
                    range: s..e,
                    text: text.to_string(),
                    kind: HostKind::Ipv6(addr),
                    port: PortSpec::Absent,
                };
                out.push(endpoint(EndpointForm::BareHost, None, spec, None, false));
                return;
            }
        }
    }

    let Some(spec) = parse_host_port(value, s, slash.unwrap_or(e)) else {
        return;
    };
    match &spec.port {
        PortSpec::Number {
            port,
            range,
            leading_zero: false,
        } if ctx.host_var.is_some() || !ctx.image_like => {
            let port = Some((*port, range.clone()));
            out.push(endpoint(EndpointForm::HostPort, None, spec, port, false));
        }
        // `DB_HOST=db:${DB_PORT}`: the name vouches for the host.
        PortSpec::Interpolated if ctx.host_var.is_some() && slash.is_none() => {
            out.push(endpoint(EndpointForm::HostPort, None, spec, None, false));
        }
        PortSpec::Absent if bare_ok && !is_stop_word(&spec.text) => {
            out.push(endpoint(EndpointForm::BareHost, None, spec, None, false));
        }
        _ => {}
    }
}

// --- Connection strings ---------------------------------------------------

/// One `key=value` of a connection string.
struct Pair {
    /// Lower-cased, whitespace removed: `Data Source` → `datasource`.
    key: String,
    /// The value, trimmed and without its quotes.
    value: Range<usize>,
}

fn is_host_key(key: &str) -> bool {
    matches!(
        key,
        "server"
            | "host"
            | "datasource"
            | "address"
            | "addr"
            | "networkaddress"
            | "hostname"
            | "hostaddr"
    )
}

/// Pushes the endpoints of a connection string and returns true when `value` is
/// one; returns false (pushing nothing) when it is not.
///
/// An ADO.NET string is `;`-separated pairs, or a single pair with a host key
/// (`Server=tcp:db,1433`); a libpq string needs at least two pairs, so that a lone
/// `host=db` reads the same either way.
fn connection_string(value: &str, out: &mut Vec<Endpoint>) -> bool {
    // libpq first: `host=db port=5432` is one ADO pair whose value has spaces.
    let Some(pairs) = libpq_pairs(value).or_else(|| ado_pairs(value)) else {
        return false;
    };
    if !pairs.iter().any(|p| is_host_key(&p.key)) {
        return false;
    }
    let b = value.as_bytes();
    let creds = pairs
        .iter()
        .any(|p| matches!(p.key.as_str(), "password" | "pwd") && !p.value.is_empty());
    let ports: Vec<Option<(u16, Range<usize>)>> = pairs
        .iter()
        .rev()
        .find(|p| p.key == "port")
        .map(|p| {
            split_outside_groups(b, p.value.start, p.value.end, b',')
                .into_iter()
                .map(|r| {
                    let r = trim_range(b, r);
                    match parse_port(value, r.start, r.end) {
                        PortSpec::Number { port, range, .. } => Some((port, range)),
                        _ => None,
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    for pair in pairs.iter().filter(|p| is_host_key(&p.key)) {
        connection_hosts(value, pair.value.clone(), &ports, creds, out);
    }
    true
}

/// The hosts of one `Server=` / `Host=` value: `db`, `tcp:db,1433`, `db\SQLEXPRESS`,
/// `h1:5432,h2:5433` (Npgsql), `h1,h2` with `Port=5432,5433` (libpq).
fn connection_hosts(
    value: &str,
    r: Range<usize>,
    ports: &[Option<(u16, Range<usize>)>],
    creds: bool,
    out: &mut Vec<Endpoint>,
) {
    let b = value.as_bytes();
    let r = trim_range(b, r);
    let mut lo = r.start;
    let lower = value.get(r.clone()).unwrap_or("").to_ascii_lowercase();
    // SQL Server protocol prefixes: tcp (and the admin connection) are network;
    // named pipes and shared memory are local IPC, not endpoints.
    if lower.starts_with("tcp:") {
        lo += 4;
    } else if lower.starts_with("admin:") {
        lo += 6;
    } else if lower.starts_with("np:") || lower.starts_with("lpc:") {
        return;
    }
    let mut pieces = split_outside_groups(b, lo, r.end, b',');
    // `sqlserver,1433`: SQL Server writes the port after a comma.
    let mut comma_port = None;
    if let [host, port] = pieces.as_slice() {
        let pr = trim_range(b, port.clone());
        let digits = value
            .get(pr.clone())
            .is_some_and(|t| !t.is_empty() && t.bytes().all(|c| c.is_ascii_digit()));
        if digits || value.get(pr.clone()).is_some_and(|t| t.starts_with('$')) {
            comma_port = Some(parse_port(value, pr.start, pr.end));
            pieces = vec![host.clone()];
        }
    }
    let count = pieces.len();
    for (idx, piece) in pieces.into_iter().enumerate() {
        let piece = trim_range(b, piece);
        // `host\INSTANCE`: the instance name is not part of the host.
        let end = find_outside_groups(b, piece.start, piece.end, b'\\').unwrap_or(piece.end);
        let Some(spec) = parse_host_port(value, piece.start, end) else {
            continue;
        };
        let inline = match &spec.port {
            PortSpec::Absent => comma_port.clone().unwrap_or(PortSpec::Absent),
            other => other.clone(),
        };
        let port = match inline {
            PortSpec::Number { port, range, .. } => Some((port, range)),
            PortSpec::Absent => match ports {
                [one] => one.clone(),
                many if many.len() == count => many.get(idx).cloned().flatten(),
                _ => None,
            },
            PortSpec::Empty | PortSpec::Interpolated => None,
            PortSpec::Invalid => continue,
        };
        out.push(endpoint(
            EndpointForm::ConnectionString,
            None,
            spec,
            port,
            creds,
        ));
    }
}

/// A key of a connection string: a letter, then letters, digits, spaces, `_`, `.`.
fn normalized_key(text: &str) -> Option<String> {
    let t = text.trim();
    let ok = t.bytes().next().is_some_and(|c| c.is_ascii_alphabetic())
        && t.bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b' ' | b'_' | b'.' | b'\t'));
    ok.then(|| {
        t.bytes()
            .filter(|c| !c.is_ascii_whitespace())
            .map(|c| char::from(c.to_ascii_lowercase()))
            .collect()
    })
}

/// ADO.NET / ODBC: `key=value;key="quoted;value";key={braced}`. Every segment must
/// be a pair; without a `;` the one pair must name the host.
fn ado_pairs(value: &str) -> Option<Vec<Pair>> {
    let b = value.as_bytes();
    let n = b.len();
    let mut pairs = Vec::new();
    let mut semicolon = false;
    let mut i = 0;
    loop {
        while i < n && (b[i].is_ascii_whitespace() || b[i] == b';') {
            semicolon |= b[i] == b';';
            i += 1;
        }
        if i >= n {
            break;
        }
        let k0 = i;
        while i < n && b[i] != b'=' && b[i] != b';' {
            i += 1;
        }
        if i >= n || b[i] != b'=' {
            return None;
        }
        let key = normalized_key(value.get(k0..i)?)?;
        i += 1;
        while i < n && (b[i] == b' ' || b[i] == b'\t') {
            i += 1;
        }
        let val = match b.get(i) {
            Some(&q) if q == b'"' || q == b'\'' || q == b'{' => {
                let close = if q == b'{' { b'}' } else { q };
                let v0 = i + 1;
                let mut j = v0;
                // A doubled closing quote is an escaped one.
                while j < n {
                    if b[j] == close {
                        if b.get(j + 1) == Some(&close) {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j += 1;
                }
                let v = v0.min(n)..j.min(n);
                i = (j + 1).min(n);
                while i < n && b[i] != b';' {
                    i += 1;
                }
                v
            }
            _ => {
                let v0 = i;
                while i < n && b[i] != b';' {
                    i += 1;
                }
                trim_range(b, v0..i)
            }
        };
        pairs.push(Pair { key, value: val });
    }
    let ok = match pairs.as_slice() {
        [] => false,
        [one] => semicolon || is_host_key(&one.key),
        _ => true,
    };
    ok.then_some(pairs)
}

/// libpq keyword/value: `host=db port=5432 dbname=app password='a b'`. No `;`,
/// every word a pair, at least two pairs.
fn libpq_pairs(value: &str) -> Option<Vec<Pair>> {
    let b = value.as_bytes();
    if b.contains(&b';') {
        return None;
    }
    let n = b.len();
    let mut pairs = Vec::new();
    let mut i = 0;
    loop {
        while i < n && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= n {
            break;
        }
        let k0 = i;
        if !b[i].is_ascii_alphabetic() {
            return None;
        }
        while i < n && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
            i += 1;
        }
        if b.get(i) != Some(&b'=') {
            return None;
        }
        let key = value.get(k0..i)?.to_ascii_lowercase();
        i += 1;
        let val = if b.get(i) == Some(&b'\'') {
            let v0 = i + 1;
            let mut j = v0;
            while j < n && b[j] != b'\'' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            let v = v0.min(n)..j.min(n);
            i = (j + 1).min(n);
            v
        } else {
            let v0 = i;
            while i < n && !b[i].is_ascii_whitespace() {
                i += 1;
            }
            v0..i
        };
        pairs.push(Pair { key, value: val });
    }
    (pairs.len() >= 2).then_some(pairs)
}

// --- Well-known ports -----------------------------------------------------

/// The port a client of `scheme` connects to when the URL names none. The part
/// after `+` is a driver or transport (`postgresql+asyncpg`, `neo4j+s`) and keeps the
/// base port, except `+srv`, whose ports come from DNS SRV records.
fn well_known_port(scheme: &str) -> Option<u16> {
    // `jdbc:mysql:loadbalance` → `mysql`.
    let first = scheme.split(':').next().unwrap_or(scheme);
    let (base, variant) = match first.split_once('+') {
        Some((b, v)) => (b, Some(v)),
        None => (first, None),
    };
    match variant {
        Some("srv") => return None,
        Some("sentinel") if base == "redis" || base == "rediss" => return Some(26379),
        _ => {}
    }
    Some(match base {
        "http" | "ws" => 80,
        "https" | "wss" => 443,
        "postgres" | "postgresql" | "pgsql" => 5432,
        "mysql" | "mariadb" | "mysqlx" => 3306,
        "mongodb" | "mongo" => 27017,
        "redis" | "rediss" | "valkey" => 6379,
        "amqp" => 5672,
        "amqps" => 5671,
        "nats" => 4222,
        "kafka" => 9092,
        "memcached" | "memcache" => 11211,
        "ldap" => 389,
        "ldaps" => 636,
        "smtp" => 25,
        "smtps" => 465,
        "submission" => 587,
        "imap" => 143,
        "imaps" => 993,
        "pop3" => 110,
        "pop3s" => 995,
        "ftp" => 21,
        "ftps" => 990,
        "sftp" | "ssh" => 22,
        "telnet" => 23,
        "sqlserver" | "mssql" => 1433,
        "oracle" => 1521,
        "db2" => 50000,
        "cassandra" => 9042,
        "neo4j" | "bolt" => 7687,
        "mqtt" => 1883,
        "mqtts" => 8883,
        "stomp" => 61613,
        "zookeeper" | "zk" => 2181,
        "git" => 9418,
        "svn" => 3690,
        "rsync" => 873,
        "rtsp" => 554,
        "rtmp" => 1935,
        "sip" => 5060,
        "irc" => 6667,
        "vnc" => 5900,
        "beanstalk" => 11300,
        "nntp" => 119,
        _ => return None,
    })
}

#[cfg(test)]
#[path = "endpoint_test.rs"]
mod tests;
