use lashing_compose::{Mount, MountType, Spanned};

use super::*;

fn bind(source: &str, read_only: bool) -> Mount {
    Mount {
        kind: MountType::Bind,
        source: Some(Spanned::new(source.to_string(), Default::default())),
        target: None,
        read_only,
        propagation: None,
        long_syntax: false,
    }
}

fn judge(source: &str, read_only: bool) -> Option<&'static str> {
    let mount = bind(source, read_only);
    let path = host_path(&mount)?;
    Some(match exposure(&path, writable(&mount))? {
        Exposure::EngineSocket { .. } => "socket",
        Exposure::RootEquivalent { .. } => "root",
        Exposure::Sensitive { .. } => "sensitive",
    })
}

#[test]
fn paths_are_spelled_one_way() {
    assert_eq!(
        host_path(&bind("/var/run//docker.sock/", false)).as_deref(),
        Some("/var/run/docker.sock")
    );
    assert_eq!(
        host_path(&bind("${HOME}/.ssh", true)).as_deref(),
        Some("~/.ssh")
    );
    assert_eq!(host_path(&bind("$HOME", true)).as_deref(), Some("~"));
    assert_eq!(host_path(&bind("./data", false)), None);
    assert_eq!(host_path(&bind("${DATA_DIR}/db", false)), None);
    assert_eq!(host_path(&bind("/", true)).as_deref(), Some("/"));
}

#[test]
fn engine_sockets_read_only_or_not() {
    for source in [
        "/var/run/docker.sock",
        "/run/docker.sock",
        "${XDG_RUNTIME_DIR}/docker.sock",
        "/run/containerd/containerd.sock",
        "/run/user/1000/podman/podman.sock",
        "/var/run",
        "/",
        "//./pipe/docker_engine",
    ] {
        assert_eq!(judge(source, true), Some("socket"), "{source}");
        assert_eq!(judge(source, false), Some("socket"), "{source}");
    }
}

#[test]
fn writable_root_equivalents() {
    for source in [
        "/var/lib",
        "/etc",
        "/etc/cron.d",
        "/root/.ssh",
        "/boot",
        "/proc/sys",
        "/var/lib/docker",
        "/usr/local/bin",
    ] {
        assert_eq!(judge(source, false), Some("root"), "{source}");
    }
}

#[test]
fn read_only_views() {
    assert_eq!(judge("/proc", true), Some("sensitive"));
    assert_eq!(judge("/sys/fs/cgroup", true), Some("sensitive"));
    assert_eq!(judge("/etc/shadow", true), Some("sensitive"));
    assert_eq!(judge("/var/lib/docker/", true), Some("sensitive"));
    assert_eq!(judge("~/.ssh", true), Some("sensitive"));
    assert_eq!(judge("/home/alice/.aws", true), Some("sensitive"));
    assert_eq!(judge("/run/dbus", true), Some("sensitive"));
    assert_eq!(judge("/dev", true), Some("sensitive"));
}

#[test]
fn harmless_mounts_are_not_exposures() {
    assert_eq!(judge("/etc/localtime", true), None);
    assert_eq!(judge("/etc/timezone", true), None);
    assert_eq!(judge("/etc/ssl/certs", true), None);
    assert_eq!(judge("/etc/nginx/nginx.conf", true), None);
    assert_eq!(judge("/lib/modules", true), None);
    assert_eq!(judge("/usr/share/zoneinfo", true), None);
    assert_eq!(judge("/home/pi/homeassistant", false), None);
    assert_eq!(judge("/srv/data", false), None);
    assert_eq!(judge("/var/log", true), None);
    assert_eq!(judge("/dev/null", false), None);
    // A writable clock file is reported, but not as root.
    assert_eq!(judge("/etc/localtime", false), Some("sensitive"));
}

#[test]
fn writable_app_folders_under_system_trees_are_not_root() {
    // pi-hole keeps its own settings in the host's /etc/pihole: no host program reads them.
    assert_eq!(judge("/etc/pihole", false), Some("sensitive"));
    assert_eq!(judge("/etc/dnsmasq.d", false), Some("sensitive"));
    assert_eq!(judge("/etc/systemd/system", false), Some("root"));
    assert_eq!(judge("/etc/cron.daily", false), Some("root"));
    assert_eq!(judge("/etc/ld.so.preload", false), Some("root"));
    assert_eq!(
        judge("/usr/share/appdata/wireguard", false),
        Some("sensitive")
    );
    assert_eq!(judge("/usr/src", false), Some("sensitive"));
    assert_eq!(judge("/lib/modules", false), Some("root"));
    assert_eq!(judge("/usr/local/bin", false), Some("root"));
}
