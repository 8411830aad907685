//! Unit tests of `ports` (private items, so they live beside it).

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
