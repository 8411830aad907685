//! Parsing of Docker Compose port specifications.
//!
//! Compose hands the short `ports:` syntax (`[[IP:]HOST:]CONTAINER[/PROTO]`)
//! to `types.ParsePortConfig` in compose-go, which is a thin wrapper around
//! `nat.ParsePortSpec` from `docker/go-connections`. This module accepts and
//! rejects the same strings as that code, but additionally remembers *where*
//! each part was written so that a diagnostic can underline, say, just the
//! host port inside `"0.0.0.0:8080:80"`.
//!
//! The go-connections algorithm, which we mirror step by step:
//!
//! 1. Split the whole string on `:`. The last part is the container port, the
//!    second-to-last the host port, and everything before those (joined back
//!    with `:`) is the host IP. This is what makes unbracketed IPv6 work:
//!    `::1:6000:6000` has IP `::1`.
//! 2. Cut the container part at its *first* `/`; what follows is the protocol
//!    (case-insensitive, empty means tcp). Because the split on `:` happens
//!    first, a `/` can only ever introduce a protocol inside the container
//!    part; a `/` anywhere else ends up in the IP or host port and makes that
//!    part invalid.
//! 3. An IP starting with `[` must be exactly `[ADDR]`; the brackets are
//!    stripped. An empty IP means "no IP" (so `:80:80` is fine).
//! 4. Container and host ports are `N` or `N-M`; an empty host port means
//!    "let Docker pick" (`127.0.0.1::80`).
//! 5. When both sides are ranges they must have the same length, except that
//!    a host range with a single container port is allowed (Docker picks one
//!    free port from the host range).
//!
//! Deliberate deviations (stricter than go-connections, which a linter wants):
//!
//! * Port numbers must be in `1..=65535`. go-connections also accepts `0`
//!   (for a host port Docker treats it as "any free port").
//! * Only ASCII digits are accepted; newer go-connections goes through
//!   `strconv.ParseInt`, which also takes a leading `+`.
//! * `N-M-K` is rejected; very old go-connections silently ignored `-K`.
//!
//! All byte ranges ([`TextRange`]) index into the string that was passed in
//! and always lie on `char` boundaries, so slicing with them never panics.

use std::fmt;
use std::net::IpAddr;
use std::ops::Range;

/// Byte range within the authored string.
pub type TextRange = Range<usize>;

/// Lowest valid port number. Zero is rejected even though go-connections
/// accepts it, because it never means what the author intended in a
/// Compose file.
const MIN_PORT: u32 = 1;
/// Highest valid port number.
const MAX_PORT: u32 = 65535;

// ---------------------------------------------------------------------------
// Protocol
// ---------------------------------------------------------------------------

/// Transport protocol of a port mapping.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Protocol {
    /// `tcp` (the default when no protocol is written).
    Tcp,
    /// `udp`.
    Udp,
    /// `sctp`.
    Sctp,
}

impl Protocol {
    /// Parses a protocol name, case-insensitively (go-connections lowercases
    /// before validating, so `TCP` and `Udp` are accepted).
    ///
    /// ASCII case folding is exact here: Go's Unicode-aware `ToLower` cannot
    /// turn any non-ASCII character into a letter of `tcp`, `udp` or `sctp`.
    pub fn parse(s: &str) -> Option<Protocol> {
        if s.eq_ignore_ascii_case("tcp") {
            Some(Protocol::Tcp)
        } else if s.eq_ignore_ascii_case("udp") {
            Some(Protocol::Udp)
        } else if s.eq_ignore_ascii_case("sctp") {
            Some(Protocol::Sctp)
        } else {
            None
        }
    }

    /// The canonical lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Protocol::Tcp => "tcp",
            Protocol::Udp => "udp",
            Protocol::Sctp => "sctp",
        }
    }
}

impl fmt::Display for Protocol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

// ---------------------------------------------------------------------------
// PortRange
// ---------------------------------------------------------------------------

/// Inclusive port range; a single port has `start == end`.
///
/// Ranges produced by this module always have `start <= end`. Since the
/// fields are public a caller can build `start > end`; such a range is
/// treated as empty by [`len`](Self::len), [`contains`](Self::contains) and
/// [`overlaps`](Self::overlaps).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PortRange {
    /// First port of the range.
    pub start: u16,
    /// Last port of the range (inclusive).
    pub end: u16,
}

impl PortRange {
    /// A range holding just `p`.
    pub fn single(p: u16) -> Self {
        PortRange { start: p, end: p }
    }

    /// Number of ports in the range (`u32` because `0-65535` has 65536).
    pub fn len(&self) -> u32 {
        if self.is_empty() {
            0
        } else {
            u32::from(self.end) - u32::from(self.start) + 1
        }
    }

    /// True only for a hand-built range with `start > end`.
    pub fn is_empty(&self) -> bool {
        self.start > self.end
    }

    /// Whether `p` lies inside the range.
    pub fn contains(&self, p: u16) -> bool {
        self.start <= p && p <= self.end
    }

    /// Whether the two ranges share at least one port.
    pub fn overlaps(&self, other: &PortRange) -> bool {
        !self.is_empty() && !other.is_empty() && self.start <= other.end && other.start <= self.end
    }

    /// Whether the range is a single port.
    pub fn is_single(&self) -> bool {
        self.start == self.end
    }
}

impl fmt::Display for PortRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_single() {
            write!(f, "{}", self.start)
        } else {
            write!(f, "{}-{}", self.start, self.end)
        }
    }
}

/// Parses `N` or `N-M` (decimal, each in `1..=65535`, `N <= M`).
///
/// Use [`parse_short_port`] or [`parse_expose`] when you need the location
/// of the problem and a message; this only reports the kind.
///
/// # Errors
///
/// [`PortErrorKind::Empty`] for `""`, [`PortErrorKind::InvalidNumber`] for
/// non-digits or a malformed range, [`PortErrorKind::OutOfRange`] and
/// [`PortErrorKind::ReversedRange`].
pub fn parse_port_range(s: &str) -> Result<PortRange, PortErrorKind> {
    parse_range_at(s, 0, Role::Port).map_err(|e| e.kind)
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/// What went wrong while parsing a port specification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PortErrorKind {
    /// The whole string, or a required part of it (the container port), is
    /// empty.
    Empty,
    /// A port is not a decimal number, or a range is malformed (`80-`,
    /// `-80`, `1-2-3`).
    InvalidNumber,
    /// A port number is `0` or above `65535`.
    OutOfRange,
    /// `N-M` with `N > M`.
    ReversedRange,
    /// Host and container ranges cannot be paired up.
    MismatchedRanges,
    /// The host IP is not an IPv4/IPv6 address (or has broken brackets).
    InvalidIp,
    /// The protocol is not `tcp`, `udp` or `sctp`.
    UnknownProtocol,
    /// An `expose` entry contains `:` (i.e. looks like a `ports` mapping).
    ///
    /// Never produced by [`parse_short_port`]: go-connections folds any
    /// number of extra `:`-separated parts into the host IP, so too many
    /// parts surface there as [`InvalidIp`](Self::InvalidIp).
    TooManyParts,
}

impl fmt::Display for PortErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PortErrorKind::Empty => "empty port specification",
            PortErrorKind::InvalidNumber => "invalid port number",
            PortErrorKind::OutOfRange => "port out of range 1-65535",
            PortErrorKind::ReversedRange => "port range ends before it starts",
            PortErrorKind::MismatchedRanges => "mismatched ranges",
            PortErrorKind::InvalidIp => "invalid IP address",
            PortErrorKind::UnknownProtocol => "unknown protocol",
            PortErrorKind::TooManyParts => "too many parts",
        })
    }
}

/// A parse failure, with the location of the part at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PortError {
    /// Category of the problem.
    pub kind: PortErrorKind,
    /// The part at fault inside the string (may be empty, e.g. the missing
    /// container port at the end of `"80:"`).
    pub range: TextRange,
    /// User-facing message that quotes the offending text in backticks.
    pub message: String,
}

impl PortError {
    fn new(kind: PortErrorKind, range: TextRange, message: String) -> Self {
        PortError {
            kind,
            range,
            message,
        }
    }
}

impl fmt::Display for PortError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for PortError {}

// ---------------------------------------------------------------------------
// Short syntax
// ---------------------------------------------------------------------------

/// A parsed short-syntax `ports:` entry, `[[IP:]HOST:]CONTAINER[/PROTO]`.
#[derive(Debug, Clone, PartialEq)]
pub struct ShortPort {
    /// The host IP to bind to; `None` when no IP was written (including the
    /// empty IP of `:80:80` and the empty brackets of `[]:80:80`, both of
    /// which go-connections accepts as "no IP").
    pub host_ip: Option<IpAddr>,
    /// Range of the IP text as written, brackets included. `Some` whenever
    /// the IP part is non-empty, so `[]` can still be pointed at.
    pub host_ip_range: Option<TextRange>,
    /// Host port(s). `None` when no host port was written (`80`) or it was
    /// left empty (`127.0.0.1::80`); in both cases Docker publishes on an
    /// ephemeral host port.
    pub published: Option<PortRange>,
    /// Range of the host port text; `None` exactly when `published` is.
    pub published_range: Option<TextRange>,
    /// Container port(s).
    pub target: PortRange,
    /// Range of the container port text (without `/PROTO`).
    pub target_range: TextRange,
    /// Protocol; [`Protocol::Tcp`] when none was written.
    pub protocol: Protocol,
    /// Range of the protocol text after the `/`; `None` when there is no
    /// `/`. For `80/` (accepted as tcp by go-connections) it is the empty
    /// range after the slash.
    pub protocol_range: Option<TextRange>,
}

impl ShortPort {
    /// Whether an explicit host port (or host port range) was given.
    pub fn has_fixed_host_port(&self) -> bool {
        self.published.is_some()
    }

    /// The full range of the mapping from the host port (or container port
    /// when no host port) to the end of the container port, excluding IP
    /// and protocol. Handy for diagnostics about the mapping as a whole.
    pub fn mapping_range(&self) -> TextRange {
        match &self.published_range {
            Some(p) => p.start..self.target_range.end,
            None => self.target_range.clone(),
        }
    }
}

/// Which part of a specification a port belongs to; only used for wording
/// messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Host,
    Container,
    Port,
}

impl Role {
    fn noun(self) -> &'static str {
        match self {
            Role::Host => "host port",
            Role::Container => "container port",
            Role::Port => "port",
        }
    }
}

/// Parses a short-syntax `ports:` entry exactly like compose-go /
/// go-connections, keeping the location of every part.
///
/// Plain YAML integers (`- 8080`) should be passed as their decimal text.
///
/// Checks run in the same order as go-connections so the *first* problem
/// reported matches what `docker compose` would complain about: empty
/// container port, protocol, IP, container port, host port, range sizes.
///
/// # Errors
///
/// A [`PortError`] whose `range` points at the part at fault (the IP, one
/// number of a range, the protocol, or `HOST:CONTAINER` for
/// [`PortErrorKind::MismatchedRanges`]).
pub fn parse_short_port(s: &str) -> Result<ShortPort, PortError> {
    if s.is_empty() {
        return Err(PortError::new(
            PortErrorKind::Empty,
            0..0,
            "port mapping is empty; expected `[[IP:]HOST:]CONTAINER[/PROTOCOL]`".to_string(),
        ));
    }

    // Step 1: split on ':'. Only the last two colons matter; everything
    // before the second-to-last one is the IP (re-joined with ':' in Go,
    // which is simply the original prefix).
    let len = s.len();
    let (ip_part, host_part, container_part) = match s.rfind(':') {
        None => (None, None, 0..len),
        Some(c2) => match s[..c2].rfind(':') {
            None => (None, Some(0..c2), c2 + 1..len),
            Some(c1) => (Some(0..c1), Some(c1 + 1..c2), c2 + 1..len),
        },
    };

    // Step 2: cut the container part at its first '/'.
    let (target_range, protocol_range) = {
        let text = &s[container_part.clone()];
        match text.find('/') {
            None => (container_part.clone(), None),
            Some(i) => {
                let slash = container_part.start + i;
                (
                    container_part.start..slash,
                    Some(slash + 1..container_part.end),
                )
            }
        }
    };

    if target_range.is_empty() {
        let message = if host_part.is_some() || protocol_range.is_some() {
            format!("no container port in `{s}`")
        } else {
            "port mapping is empty".to_string()
        };
        return Err(PortError::new(PortErrorKind::Empty, target_range, message));
    }

    let protocol = match &protocol_range {
        None => Protocol::Tcp,
        Some(r) => parse_protocol(s, r.clone())?,
    };

    // Step 3: the host IP.
    let (host_ip, host_ip_range) = match ip_part {
        Some(r) if !r.is_empty() => (parse_ip(&s[r.clone()], r.clone())?, Some(r)),
        _ => (None, None),
    };

    // Step 4: the ports.
    let target = parse_range_at(
        &s[target_range.clone()],
        target_range.start,
        Role::Container,
    )?;

    let (published, published_range) = match host_part {
        Some(r) if !r.is_empty() => {
            let p = parse_range_at(&s[r.clone()], r.start, Role::Host)?;
            (Some(p), Some(r))
        }
        _ => (None, None),
    };

    // Step 5: pairing of ranges. Equal lengths pair up port by port; a host
    // range with a single container port is a pool Docker allocates one port
    // from. Anything else (container range with a different-sized host
    // side, including a single host port) is rejected by go-connections.
    if let (Some(host), Some(host_range)) = (published, &published_range) {
        if host.len() != target.len() && !target.is_single() {
            let host_text = &s[host_range.clone()];
            let target_text = &s[target_range.clone()];
            let message = if host.is_single() {
                format!(
                    "cannot map the single host port `{host_text}` to the {} container ports \
                     `{target_text}`; use a host range of the same size or leave the host port out",
                    target.len()
                )
            } else {
                format!(
                    "host port range `{host_text}` has {} ports but container port range \
                     `{target_text}` has {}; they must be the same size",
                    host.len(),
                    target.len()
                )
            };
            return Err(PortError::new(
                PortErrorKind::MismatchedRanges,
                host_range.start..target_range.end,
                message,
            ));
        }
    }

    Ok(ShortPort {
        host_ip,
        host_ip_range,
        published,
        published_range,
        target,
        target_range,
        protocol,
        protocol_range,
    })
}

/// Parses an `expose:` entry, `N[/PROTO]` or `N-M[/PROTO]`.
///
/// Returns the port range, the protocol (tcp when not written) and the byte
/// range of the port part. As with `ports:`, the protocol starts at the first
/// `/` and an empty protocol (`80/`) means tcp.
///
/// # Errors
///
/// As for [`parse_short_port`], plus [`PortErrorKind::TooManyParts`] (over
/// the whole entry) when it contains a `:`.
pub fn parse_expose(s: &str) -> Result<(PortRange, Protocol, TextRange), PortError> {
    if s.is_empty() {
        return Err(PortError::new(
            PortErrorKind::Empty,
            0..0,
            "expose entry is empty; expected `PORT[/PROTOCOL]`".to_string(),
        ));
    }
    // `expose` only takes container ports. Someone writing `8080:80` here
    // almost certainly meant `ports:`, so say that rather than "not a
    // number".
    if s.contains(':') {
        return Err(PortError::new(
            PortErrorKind::TooManyParts,
            0..s.len(),
            format!(
                "`{s}` is not a valid `expose` entry: `expose` only takes container ports \
                 (`PORT[/PROTOCOL]`); use `ports:` to publish to the host"
            ),
        ));
    }
    let (port_range, proto_range) = match s.find('/') {
        None => (0..s.len(), None),
        Some(i) => (0..i, Some(i + 1..s.len())),
    };
    if port_range.is_empty() {
        return Err(PortError::new(
            PortErrorKind::Empty,
            port_range,
            format!("no port in expose entry `{s}`"),
        ));
    }
    let protocol = match proto_range {
        None => Protocol::Tcp,
        Some(r) => parse_protocol(s, r)?,
    };
    let range = parse_range_at(&s[port_range.clone()], 0, Role::Port)?;
    Ok((range, protocol, port_range))
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// Parses the protocol text `s[r]`. Empty means tcp (go-connections'
/// `SplitProtoPort` substitutes "tcp" for an empty protocol).
fn parse_protocol(s: &str, r: TextRange) -> Result<Protocol, PortError> {
    let text = &s[r.clone()];
    if text.is_empty() {
        return Ok(Protocol::Tcp);
    }
    Protocol::parse(text).ok_or_else(|| {
        PortError::new(
            PortErrorKind::UnknownProtocol,
            r,
            format!("unknown protocol `{text}`; expected `tcp`, `udp` or `sctp`"),
        )
    })
}

/// Parses a non-empty host IP as written, at byte range `r`.
///
/// go-connections strips brackets with `net.SplitHostPort(ip + ":")`, which
/// only succeeds for exactly `[X]` where `X` contains no bracket; `X` may be
/// any address (even IPv4) and, notably, may be empty, in which case the IP
/// is treated as absent. Anything else goes to `net.ParseIP`, whose accepted
/// language (dotted-quad IPv4 without leading zeros, RFC 4291 IPv6 text
/// without zone) matches `std::net::IpAddr`'s parser.
fn parse_ip(text: &str, r: TextRange) -> Result<Option<IpAddr>, PortError> {
    let invalid = |why: &str| {
        PortError::new(
            PortErrorKind::InvalidIp,
            r.clone(),
            format!("`{text}` is not a valid IP address{why}"),
        )
    };
    let addr_text = if let Some(rest) = text.strip_prefix('[') {
        match rest.strip_suffix(']') {
            Some(inner) if !inner.contains('[') && !inner.contains(']') => inner,
            _ => {
                return Err(invalid(
                    " (brackets must enclose the whole address, as in `[::1]`)",
                ))
            }
        }
    } else {
        text
    };
    if addr_text.is_empty() {
        return Ok(None);
    }
    match addr_text.parse::<IpAddr>() {
        Ok(ip) => Ok(Some(ip)),
        Err(_) => Err(invalid("")),
    }
}

/// Parses `N` or `N-M` found at byte offset `base` of the original string,
/// so that errors can point at the exact number at fault.
///
/// Follows go-connections' `parsePortRange`: cut at the first `-`; both
/// halves must be valid port numbers; the end must not be below the start.
fn parse_range_at(text: &str, base: usize, role: Role) -> Result<PortRange, PortError> {
    let whole = base..base + text.len();
    let noun = role.noun();
    if text.is_empty() {
        return Err(PortError::new(
            PortErrorKind::Empty,
            whole,
            format!("{noun} is empty"),
        ));
    }
    let Some(dash) = text.find('-') else {
        return parse_number_at(text, base, role).map(PortRange::single);
    };
    let (start_text, end_text) = (&text[..dash], &text[dash + 1..]);
    if start_text.is_empty() || end_text.is_empty() || end_text.contains('-') {
        return Err(PortError::new(
            PortErrorKind::InvalidNumber,
            whole,
            format!("`{text}` is not a valid {noun} range; expected `START-END`"),
        ));
    }
    let start = parse_number_at(start_text, base, role)?;
    let end = parse_number_at(end_text, base + dash + 1, role)?;
    if end < start {
        return Err(PortError::new(
            PortErrorKind::ReversedRange,
            whole,
            format!("{noun} range `{text}` ends before it starts; write it as `{end}-{start}`"),
        ));
    }
    Ok(PortRange { start, end })
}

/// Parses one decimal port number (ASCII digits only, leading zeros
/// allowed as in Go's `strconv`) found at byte offset `base`.
fn parse_number_at(text: &str, base: usize, role: Role) -> Result<u16, PortError> {
    let range = base..base + text.len();
    let noun = role.noun();
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PortError::new(
            PortErrorKind::InvalidNumber,
            range,
            format!("{noun} `{text}` is not a number"),
        ));
    }
    // Strip leading zeros so that arbitrarily long inputs cannot overflow:
    // more than five significant digits is out of range regardless.
    let significant = text.trim_start_matches('0');
    let value = if significant.len() > 5 {
        None
    } else {
        significant
            .bytes()
            .try_fold(0u32, |acc, b| Some(acc * 10 + u32::from(b - b'0')))
    };
    match value.filter(|v| (MIN_PORT..=MAX_PORT).contains(v)) {
        Some(v) => u16::try_from(v).map_err(|_| out_of_range(text, range.clone(), role)),
        None => Err(out_of_range(text, range, role)),
    }
}

fn out_of_range(text: &str, range: TextRange, role: Role) -> PortError {
    let noun = role.noun();
    // Docker itself reads host port 0 as "any free port"; point at the
    // spelling Compose documents for that instead.
    let hint = if role == Role::Host && text.bytes().all(|b| b == b'0') {
        "; leave the host port out to let Docker pick a free one"
    } else {
        ""
    };
    PortError::new(
        PortErrorKind::OutOfRange,
        range,
        format!("{noun} `{text}` is not a port number ({MIN_PORT}-{MAX_PORT}){hint}"),
    )
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::{Ipv4Addr, Ipv6Addr};

    fn ok(s: &str) -> ShortPort {
        match parse_short_port(s) {
            Ok(p) => p,
            Err(e) => panic!("expected `{s}` to parse, got {e:?}"),
        }
    }

    fn err(s: &str) -> PortError {
        match parse_short_port(s) {
            Ok(p) => panic!("expected `{s}` to fail, got {p:?}"),
            Err(e) => e,
        }
    }

    fn slice(s: &str, r: &Option<TextRange>) -> Option<String> {
        r.as_ref().map(|r| s[r.clone()].to_string())
    }

    fn r(a: u16, b: u16) -> PortRange {
        PortRange { start: a, end: b }
    }

    // --- Protocol -------------------------------------------------------

    #[test]
    fn protocol_parse_and_names() {
        assert_eq!(Protocol::parse("tcp"), Some(Protocol::Tcp));
        assert_eq!(Protocol::parse("TCP"), Some(Protocol::Tcp));
        assert_eq!(Protocol::parse("Udp"), Some(Protocol::Udp));
        assert_eq!(Protocol::parse("sCtP"), Some(Protocol::Sctp));
        assert_eq!(Protocol::parse(""), None);
        assert_eq!(Protocol::parse("http"), None);
        assert_eq!(Protocol::parse("tcp "), None);
        assert_eq!(Protocol::parse("ſctp"), None);
        assert_eq!(Protocol::Sctp.as_str(), "sctp");
        assert_eq!(Protocol::Udp.to_string(), "udp");
    }

    // --- PortRange ------------------------------------------------------

    #[test]
    fn port_range_methods() {
        let a = r(80, 81);
        assert_eq!(a.len(), 2);
        assert!(!a.is_single());
        assert!(a.contains(80) && a.contains(81) && !a.contains(82) && !a.contains(79));
        assert_eq!(a.to_string(), "80-81");
        let s = PortRange::single(443);
        assert_eq!(s.len(), 1);
        assert!(s.is_single());
        assert_eq!(s.to_string(), "443");
        assert!(a.overlaps(&r(81, 90)));
        assert!(r(81, 90).overlaps(&a));
        assert!(!a.overlaps(&r(82, 90)));
        assert!(a.overlaps(&a));
        assert_eq!(r(1, 65535).len(), 65535);
        assert_eq!(r(0, 65535).len(), 65536);
        let bogus = r(10, 5);
        assert!(bogus.is_empty());
        assert_eq!(bogus.len(), 0);
        assert!(!bogus.contains(7));
        assert!(!bogus.overlaps(&r(1, 100)));
    }

    #[test]
    fn parse_port_range_cases() {
        assert_eq!(parse_port_range("80"), Ok(PortRange::single(80)));
        assert_eq!(parse_port_range("80-81"), Ok(r(80, 81)));
        assert_eq!(parse_port_range("80-80"), Ok(PortRange::single(80)));
        assert_eq!(parse_port_range("0080"), Ok(PortRange::single(80)));
        assert_eq!(parse_port_range("65535"), Ok(PortRange::single(65535)));
        assert_eq!(parse_port_range(""), Err(PortErrorKind::Empty));
        assert_eq!(parse_port_range("0"), Err(PortErrorKind::OutOfRange));
        assert_eq!(parse_port_range("65536"), Err(PortErrorKind::OutOfRange));
        assert_eq!(
            parse_port_range("99999999999999999999999999"),
            Err(PortErrorKind::OutOfRange)
        );
        assert_eq!(parse_port_range("81-80"), Err(PortErrorKind::ReversedRange));
        assert_eq!(parse_port_range("80-"), Err(PortErrorKind::InvalidNumber));
        assert_eq!(parse_port_range("-80"), Err(PortErrorKind::InvalidNumber));
        assert_eq!(parse_port_range("-"), Err(PortErrorKind::InvalidNumber));
        assert_eq!(parse_port_range("1-2-3"), Err(PortErrorKind::InvalidNumber));
        assert_eq!(parse_port_range("+80"), Err(PortErrorKind::InvalidNumber));
        assert_eq!(parse_port_range(" 80"), Err(PortErrorKind::InvalidNumber));
        assert_eq!(parse_port_range("８０"), Err(PortErrorKind::InvalidNumber));
        assert_eq!(parse_port_range("80-0"), Err(PortErrorKind::OutOfRange));
    }

    // --- Short syntax: accepted ------------------------------------------

    #[test]
    fn plain_container_port() {
        let p = ok("80");
        assert_eq!(p.host_ip, None);
        assert_eq!(p.host_ip_range, None);
        assert_eq!(p.published, None);
        assert_eq!(p.published_range, None);
        assert_eq!(p.target, PortRange::single(80));
        assert_eq!(p.target_range, 0..2);
        assert_eq!(p.protocol, Protocol::Tcp);
        assert_eq!(p.protocol_range, None);
        assert!(!p.has_fixed_host_port());
        assert_eq!(p.mapping_range(), 0..2);
    }

    #[test]
    fn host_and_container() {
        let s = "8080:80";
        let p = ok(s);
        assert_eq!(p.host_ip, None);
        assert_eq!(p.published, Some(PortRange::single(8080)));
        assert_eq!(slice(s, &p.published_range).as_deref(), Some("8080"));
        assert_eq!(p.target, PortRange::single(80));
        assert_eq!(&s[p.target_range.clone()], "80");
        assert_eq!(&s[p.mapping_range()], "8080:80");
        assert!(p.has_fixed_host_port());
    }

    #[test]
    fn ipv4_host_container() {
        let s = "127.0.0.1:8080:80";
        let p = ok(s);
        assert_eq!(p.host_ip, Some(IpAddr::V4(Ipv4Addr::LOCALHOST)));
        assert_eq!(slice(s, &p.host_ip_range).as_deref(), Some("127.0.0.1"));
        assert_eq!(p.published, Some(PortRange::single(8080)));
        assert_eq!(slice(s, &p.published_range).as_deref(), Some("8080"));
        assert_eq!(&s[p.target_range.clone()], "80");
    }

    #[test]
    fn ip_with_ephemeral_host_port() {
        let s = "127.0.0.1::80";
        let p = ok(s);
        assert_eq!(p.host_ip, Some(IpAddr::V4(Ipv4Addr::LOCALHOST)));
        assert_eq!(slice(s, &p.host_ip_range).as_deref(), Some("127.0.0.1"));
        assert_eq!(p.published, None);
        assert_eq!(p.published_range, None);
        assert_eq!(p.target, PortRange::single(80));
        assert_eq!(&s[p.target_range.clone()], "80");
    }

    #[test]
    fn unbracketed_ipv6() {
        let s = "::1:6000:6000";
        let p = ok(s);
        assert_eq!(p.host_ip, Some(IpAddr::V6(Ipv6Addr::LOCALHOST)));
        assert_eq!(slice(s, &p.host_ip_range).as_deref(), Some("::1"));
        assert_eq!(p.published, Some(PortRange::single(6000)));
        assert_eq!(p.published_range, Some(4..8));
        assert_eq!(p.target_range, 9..13);
    }

    #[test]
    fn bracketed_ipv6() {
        let s = "[::1]:6001:6001";
        let p = ok(s);
        assert_eq!(p.host_ip, Some(IpAddr::V6(Ipv6Addr::LOCALHOST)));
        assert_eq!(slice(s, &p.host_ip_range).as_deref(), Some("[::1]"));
        assert_eq!(slice(s, &p.published_range).as_deref(), Some("6001"));
        assert_eq!(&s[p.target_range.clone()], "6001");
    }

    #[test]
    fn bracketed_unspecified_udp() {
        let s = "[::]:53:53/udp";
        let p = ok(s);
        assert_eq!(p.host_ip, Some(IpAddr::V6(Ipv6Addr::UNSPECIFIED)));
        assert_eq!(slice(s, &p.host_ip_range).as_deref(), Some("[::]"));
        assert_eq!(p.published, Some(PortRange::single(53)));
        assert_eq!(p.target, PortRange::single(53));
        assert_eq!(&s[p.target_range.clone()], "53");
        assert_eq!(p.protocol, Protocol::Udp);
        assert_eq!(slice(s, &p.protocol_range).as_deref(), Some("udp"));
    }

    #[test]
    fn uppercase_protocol() {
        let s = "0.0.0.0:80:80/TCP";
        let p = ok(s);
        assert_eq!(p.host_ip, Some(IpAddr::V4(Ipv4Addr::UNSPECIFIED)));
        assert_eq!(p.protocol, Protocol::Tcp);
        assert_eq!(slice(s, &p.protocol_range).as_deref(), Some("TCP"));
        assert_eq!(&s[p.target_range.clone()], "80");
    }

    #[test]
    fn sctp_protocol() {
        let p = ok("9000:9000/sctp");
        assert_eq!(p.protocol, Protocol::Sctp);
    }

    #[test]
    fn full_ipv6_address() {
        let s = "2001:db8::1:443:8443";
        let p = ok(s);
        assert_eq!(slice(s, &p.host_ip_range).as_deref(), Some("2001:db8::1"));
        assert_eq!(p.published, Some(PortRange::single(443)));
        assert_eq!(p.target, PortRange::single(8443));
    }

    #[test]
    fn bracketed_ipv4_is_accepted_like_go() {
        // net.SplitHostPort("[1.2.3.4]:") yields "1.2.3.4", which ParseIP takes.
        let p = ok("[1.2.3.4]:80:80");
        assert_eq!(p.host_ip, Some(IpAddr::V4(Ipv4Addr::new(1, 2, 3, 4))));
    }

    #[test]
    fn equal_ranges() {
        let s = "80-81:8080-8081";
        let p = ok(s);
        assert_eq!(p.published, Some(r(80, 81)));
        assert_eq!(slice(s, &p.published_range).as_deref(), Some("80-81"));
        assert_eq!(p.target, r(8080, 8081));
        assert_eq!(&s[p.target_range.clone()], "8080-8081");
    }

    #[test]
    fn container_range_only() {
        let s = "3000-3005";
        let p = ok(s);
        assert_eq!(p.published, None);
        assert_eq!(p.target, r(3000, 3005));
        assert_eq!(p.target.len(), 6);
        assert_eq!(p.target_range, 0..9);
    }

    #[test]
    fn host_range_to_single_container_port() {
        let s = "8000-9000:80";
        let p = ok(s);
        assert_eq!(p.published, Some(r(8000, 9000)));
        assert_eq!(p.target, PortRange::single(80));
        assert_eq!(slice(s, &p.published_range).as_deref(), Some("8000-9000"));
    }

    #[test]
    fn ranges_with_ip_and_proto() {
        let s = "127.0.0.1:8000-8010:80/udp";
        let p = ok(s);
        assert_eq!(p.published, Some(r(8000, 8010)));
        assert_eq!(p.protocol, Protocol::Udp);
        assert_eq!(slice(s, &p.published_range).as_deref(), Some("8000-8010"));
        assert_eq!(slice(s, &p.protocol_range).as_deref(), Some("udp"));
    }

    #[test]
    fn empty_ip_and_empty_host_are_accepted() {
        // go-connections: splitParts(":80") = ("", "", "80"); an empty host
        // port and empty IP both mean "not given".
        for s in [":80", ":80:80", "::80", ":80/udp"] {
            let p = ok(s);
            assert_eq!(p.host_ip, None, "{s}");
            assert_eq!(p.host_ip_range, None, "{s}");
        }
        assert_eq!(ok(":80").published, None);
        assert_eq!(ok(":80:80").published, Some(PortRange::single(80)));
        assert_eq!(ok("::80").published, None);
        assert_eq!(ok("::80").target_range, 2..4);
    }

    #[test]
    fn empty_brackets_mean_no_ip() {
        let s = "[]:80:80";
        let p = ok(s);
        assert_eq!(p.host_ip, None);
        assert_eq!(slice(s, &p.host_ip_range).as_deref(), Some("[]"));
    }

    #[test]
    fn trailing_slash_means_tcp() {
        let s = "80:80/";
        let p = ok(s);
        assert_eq!(p.protocol, Protocol::Tcp);
        assert_eq!(p.protocol_range, Some(6..6));
        assert_eq!(&s[p.target_range.clone()], "80");
    }

    #[test]
    fn leading_zeros_accepted() {
        assert_eq!(ok("0080:080").target, PortRange::single(80));
    }

    #[test]
    fn extreme_ports() {
        let p = ok("1:65535");
        assert_eq!(p.published, Some(PortRange::single(1)));
        assert_eq!(p.target, PortRange::single(65535));
        assert_eq!(ok("1-65535:1-65535").target.len(), 65535);
    }

    // --- Short syntax: rejected ------------------------------------------

    #[test]
    fn mismatched_ranges() {
        let s = "80-82:8080-8081";
        let e = err(s);
        assert_eq!(e.kind, PortErrorKind::MismatchedRanges);
        assert_eq!(&s[e.range.clone()], "80-82:8080-8081");
        assert!(e.message.contains("`80-82`"), "{}", e.message);
        assert!(e.message.contains("`8080-8081`"), "{}", e.message);
    }

    #[test]
    fn single_host_port_to_container_range() {
        let s = "127.0.0.1:80:8080-8081/udp";
        let e = err(s);
        assert_eq!(e.kind, PortErrorKind::MismatchedRanges);
        assert_eq!(&s[e.range.clone()], "80:8080-8081");
        assert!(e.message.contains("`80`"), "{}", e.message);
        assert_eq!(err("80:8080-8081").kind, PortErrorKind::MismatchedRanges);
    }

    #[test]
    fn out_of_range_host_ports() {
        let s = "0:80";
        let e = err(s);
        assert_eq!(e.kind, PortErrorKind::OutOfRange);
        assert_eq!(&s[e.range.clone()], "0");
        assert!(
            e.message.contains("leave the host port out"),
            "{}",
            e.message
        );

        let s = "65536:80";
        let e = err(s);
        assert_eq!(e.kind, PortErrorKind::OutOfRange);
        assert_eq!(&s[e.range.clone()], "65536");
        assert!(e.message.contains("`65536`"), "{}", e.message);
        assert!(e.message.contains("1-65535"), "{}", e.message);
    }

    #[test]
    fn out_of_range_inside_a_range_points_at_the_number() {
        let s = "8080:80-70000";
        let e = err(s);
        assert_eq!(e.kind, PortErrorKind::OutOfRange);
        assert_eq!(&s[e.range.clone()], "70000");
        assert!(e.message.contains("container port"), "{}", e.message);
    }

    #[test]
    fn huge_numbers() {
        let s = "1:99999999999999999999999999999999999999999";
        let e = err(s);
        assert_eq!(e.kind, PortErrorKind::OutOfRange);
        assert_eq!(e.range, 2..s.len());
        let s = "0000000000000000000000000000000080";
        assert_eq!(ok(s).target, PortRange::single(80));
    }

    #[test]
    fn non_numeric_host() {
        let s = "abc:80";
        let e = err(s);
        assert_eq!(e.kind, PortErrorKind::InvalidNumber);
        assert_eq!(&s[e.range.clone()], "abc");
        assert!(e.message.contains("host port `abc`"), "{}", e.message);
    }

    #[test]
    fn non_numeric_container() {
        let s = "80:http";
        let e = err(s);
        assert_eq!(e.kind, PortErrorKind::InvalidNumber);
        assert_eq!(&s[e.range.clone()], "http");
        assert!(e.message.contains("container port `http`"), "{}", e.message);
    }

    #[test]
    fn bad_ipv4() {
        let s = "999.1.1.1:80:80";
        let e = err(s);
        assert_eq!(e.kind, PortErrorKind::InvalidIp);
        assert_eq!(&s[e.range.clone()], "999.1.1.1");
        assert!(e.message.contains("`999.1.1.1`"), "{}", e.message);
    }

    #[test]
    fn bad_ips() {
        for (s, ip) in [
            ("localhost:80:80", "localhost"),
            ("[::1:80:80", "[::1"),
            ("::1]:80:80", "::1]"),
            ("[[::1]]:80:80", "[[::1]]"),
            ("[::1]x:80:80", "[::1]x"),
            (":::80", ":"),
            ("1:2:3:4", "1:2"),
            ("01.2.3.4:80:80", "01.2.3.4"),
            ("fe80::1%eth0:80:80", "fe80::1%eth0"),
            ("1.2.3.4/24:80:80", "1.2.3.4/24"),
        ] {
            let e = err(s);
            assert_eq!(e.kind, PortErrorKind::InvalidIp, "{s}");
            assert_eq!(&s[e.range.clone()], ip, "{s}");
        }
    }

    #[test]
    fn unknown_protocol() {
        let s = "80/foo";
        let e = err(s);
        assert_eq!(e.kind, PortErrorKind::UnknownProtocol);
        assert_eq!(&s[e.range.clone()], "foo");
        assert!(e.message.contains("`foo`"), "{}", e.message);
    }

    #[test]
    fn protocol_is_cut_at_first_slash() {
        // go-connections uses strings.Cut, so the protocol is `udp/tcp`.
        let s = "80:80/udp/tcp";
        let e = err(s);
        assert_eq!(e.kind, PortErrorKind::UnknownProtocol);
        assert_eq!(&s[e.range.clone()], "udp/tcp");
    }

    #[test]
    fn protocol_only_in_container_part() {
        // The split on ':' comes first, so `/udp` here lands in the host port.
        let s = "80/udp:80";
        let e = err(s);
        assert_eq!(e.kind, PortErrorKind::InvalidNumber);
        assert_eq!(&s[e.range.clone()], "80/udp");
    }

    #[test]
    fn check_order_matches_go() {
        // Protocol is checked before the IP and the ports.
        assert_eq!(err("bad:x:y/foo").kind, PortErrorKind::UnknownProtocol);
        // IP before ports.
        assert_eq!(err("bad:x:y").kind, PortErrorKind::InvalidIp);
        // Container port before host port.
        let s = "x:y";
        assert_eq!(&s[err(s).range], "y");
    }

    #[test]
    fn empty_inputs() {
        let e = err("");
        assert_eq!(e.kind, PortErrorKind::Empty);
        assert_eq!(e.range, 0..0);

        let s = "80:";
        let e = err(s);
        assert_eq!(e.kind, PortErrorKind::Empty);
        assert_eq!(e.range, 3..3);
        assert!(e.message.contains("`80:`"), "{}", e.message);

        for s in ["/", "/udp", ":", "::", "127.0.0.1:80:", "80:/tcp"] {
            assert_eq!(err(s).kind, PortErrorKind::Empty, "{s}");
        }
    }

    #[test]
    fn reversed_ranges() {
        let s = "90-80:90-80";
        let e = err(s);
        assert_eq!(e.kind, PortErrorKind::ReversedRange);
        // Container port is checked first.
        assert_eq!(e.range, 6..11);
        assert!(e.message.contains("`80-90`"), "{}", e.message);
    }

    #[test]
    fn malformed_ranges() {
        for (s, part) in [
            ("80-:80", "80-"),
            ("-80:80", "-80"),
            ("80:1-2-3", "1-2-3"),
            ("80:-", "-"),
        ] {
            let e = err(s);
            assert_eq!(e.kind, PortErrorKind::InvalidNumber, "{s}");
            assert_eq!(&s[e.range.clone()], part, "{s}");
        }
    }

    #[test]
    fn unicode_does_not_break_ranges() {
        let s = "ü:80";
        let e = err(s);
        assert_eq!(&s[e.range.clone()], "ü");
        let s = "80/ü";
        let e = err(s);
        assert_eq!(&s[e.range.clone()], "ü");
        let s = "日本:8080:80";
        let e = err(s);
        assert_eq!(&s[e.range.clone()], "日本");
    }

    #[test]
    fn error_display_is_message() {
        let e = err("80/foo");
        assert_eq!(e.to_string(), e.message);
        assert_eq!(
            PortErrorKind::UnknownProtocol.to_string(),
            "unknown protocol"
        );
    }

    // --- expose -----------------------------------------------------------

    #[test]
    fn expose_entries() {
        assert_eq!(
            parse_expose("80").ok(),
            Some((PortRange::single(80), Protocol::Tcp, 0..2))
        );
        assert_eq!(
            parse_expose("3000-3005/udp").ok(),
            Some((r(3000, 3005), Protocol::Udp, 0..9))
        );
        assert_eq!(
            parse_expose("53/UDP").ok(),
            Some((PortRange::single(53), Protocol::Udp, 0..2))
        );
        assert_eq!(
            parse_expose("80/").ok(),
            Some((PortRange::single(80), Protocol::Tcp, 0..2))
        );
    }

    #[test]
    fn expose_errors() {
        let kind = |s: &str| parse_expose(s).err().map(|e| e.kind);
        assert_eq!(kind(""), Some(PortErrorKind::Empty));
        assert_eq!(kind("/tcp"), Some(PortErrorKind::Empty));
        assert_eq!(kind("8080:80"), Some(PortErrorKind::TooManyParts));
        assert_eq!(kind("80/foo"), Some(PortErrorKind::UnknownProtocol));
        assert_eq!(kind("0"), Some(PortErrorKind::OutOfRange));
        assert_eq!(kind("70000/tcp"), Some(PortErrorKind::OutOfRange));
        assert_eq!(kind("81-80"), Some(PortErrorKind::ReversedRange));
        assert_eq!(kind("abc"), Some(PortErrorKind::InvalidNumber));

        let range_of = |s: &str| match parse_expose(s) {
            Ok(v) => panic!("expected `{s}` to fail, got {v:?}"),
            Err(e) => s[e.range].to_string(),
        };
        assert_eq!(range_of("80-70000/udp"), "70000");
        assert_eq!(range_of("80/bogus"), "bogus");
        assert_eq!(range_of("8080:80"), "8080:80");
    }

    // --- robustness -------------------------------------------------------

    /// Checks the invariants every result must satisfy.
    fn check_invariants(s: &str) {
        let in_bounds = |r: &TextRange| {
            assert!(r.start <= r.end && r.end <= s.len(), "{s:?} {r:?}");
            assert!(
                s.get(r.clone()).is_some(),
                "{s:?} {r:?} not on char boundaries"
            );
        };
        match parse_short_port(s) {
            Ok(p) => {
                in_bounds(&p.target_range);
                assert_eq!(parse_port_range(&s[p.target_range.clone()]), Ok(p.target));
                if let Some(r) = &p.published_range {
                    in_bounds(r);
                    assert_eq!(parse_port_range(&s[r.clone()]).ok(), p.published);
                } else {
                    assert_eq!(p.published, None);
                }
                if let Some(r) = &p.host_ip_range {
                    in_bounds(r);
                    assert!(r.start == 0 && !r.is_empty());
                } else {
                    assert_eq!(p.host_ip, None);
                }
                if let Some(r) = &p.protocol_range {
                    in_bounds(r);
                    assert!(r.start >= p.target_range.end);
                }
                in_bounds(&p.mapping_range());
                assert!(p.target.start >= 1 && !p.target.is_empty());
            }
            Err(e) => {
                in_bounds(&e.range);
                assert!(!e.message.is_empty());
            }
        }
        match parse_expose(s) {
            Ok((_, _, r)) => in_bounds(&r),
            Err(e) => in_bounds(&e.range),
        }
        let _ = parse_port_range(s);
    }

    #[test]
    fn exhaustive_short_strings_never_panic() {
        const ALPHABET: [&str; 12] = [":", "/", "-", "[", "]", "0", "1", "8", "a", "é", " ", "."];
        let mut current: Vec<String> = vec![String::new()];
        for _ in 0..5 {
            let mut next = Vec::with_capacity(current.len() * ALPHABET.len());
            for prefix in &current {
                for c in ALPHABET {
                    let s = format!("{prefix}{c}");
                    check_invariants(&s);
                    next.push(s);
                }
            }
            current = next;
        }
    }

    #[test]
    fn adversarial_inputs_never_panic() {
        let long_colons = ":".repeat(10_000);
        let long_digits = "9".repeat(10_000);
        let many_parts = "1:".repeat(5_000) + "80";
        for s in [
            "",
            "/",
            "//",
            ":/",
            "/:",
            "-",
            "--",
            "[",
            "]",
            "[]",
            "[:]:80:80",
            "\u{0}",
            "80\u{0}",
            "🚀:🚀:🚀/🚀",
            "80/tcp\u{301}",
            long_colons.as_str(),
            long_digits.as_str(),
            many_parts.as_str(),
            "65535-65535:65535-65535",
            "1-65535:80",
        ] {
            check_invariants(s);
        }
    }
}
