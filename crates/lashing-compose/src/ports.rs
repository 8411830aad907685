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
    /// The text holds `${...}`: its value is known only after interpolation, so it
    /// is not judged as written.
    Interpolated,
    /// A short-syntax mapping that holds `${...}` but names no host IP
    /// (`${PORT}:8080`): whatever the variable becomes, it is published on every
    /// interface of the host.
    InterpolatedAllInterfaces,
}

impl PortErrorKind {
    /// Whether the value is known only after interpolation.
    pub fn is_interpolated(&self) -> bool {
        matches!(
            self,
            PortErrorKind::Interpolated | PortErrorKind::InterpolatedAllInterfaces
        )
    }
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
            PortErrorKind::Interpolated | PortErrorKind::InterpolatedAllInterfaces => {
                "value known only after interpolation"
            }
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
    /// For a value that holds `${...}`.
    pub fn interpolated(text: &str) -> Self {
        PortError::new(
            PortErrorKind::Interpolated,
            0..text.len(),
            format!("`{text}` is known only after interpolation"),
        )
    }

    /// For a short-syntax `ports` item that holds `${...}`: whether it names a host
    /// IP is known from its shape (`[IP:]HOST:CONTAINER`, split outside `${...}`)
    /// even before the variables have values.
    pub fn interpolated_mapping(text: &str) -> Self {
        let mut depth = 0usize;
        let mut colons = 0;
        for b in text.bytes() {
            match b {
                b'{' => depth += 1,
                b'}' => depth = depth.saturating_sub(1),
                b':' if depth == 0 => colons += 1,
                _ => {}
            }
        }
        let mut error = PortError::interpolated(text);
        if colons <= 1 && !text.starts_with('[') {
            error.kind = PortErrorKind::InterpolatedAllInterfaces;
        }
        error
    }

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
#[path = "ports_test.rs"]
mod tests;
