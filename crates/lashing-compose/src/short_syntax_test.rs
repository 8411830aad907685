//! Unit tests of `short_syntax` (private items, so they live beside it).

use super::*;

fn parts(spec: &str) -> Vec<&str> {
    split_volume(spec).into_iter().map(|r| &spec[r]).collect()
}

#[test]
fn volume_specs_split_like_compose() {
    assert_eq!(parts("./data:/data:ro"), vec!["./data", "/data", "ro"]);
    assert_eq!(parts("/data"), vec!["/data"]);
    assert_eq!(parts("C:\\data:/data"), vec!["C:\\data", "/data"]);
    assert_eq!(parts("${HOME:-/tmp}:/home"), vec!["${HOME:-/tmp}", "/home"]);
}

#[test]
fn extra_hosts_forms() {
    let s = "myhost=::1";
    let (h, ips) = split_extra_host(s).unwrap();
    assert_eq!((&s[h], &s[ips[0].clone()]), ("myhost", "::1"));
    let s = "host.docker.internal:host-gateway";
    let (h, ips) = split_extra_host(s).unwrap();
    assert_eq!(
        (&s[h], &s[ips[0].clone()]),
        ("host.docker.internal", "host-gateway")
    );
    let s = "h:[::1]";
    let (_, ips) = split_extra_host(s).unwrap();
    assert_eq!(&s[ips[0].clone()], "::1");
}
