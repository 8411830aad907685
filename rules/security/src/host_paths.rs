//! What a host path mounted into a container gives it: the container engine's API
//! (a socket), root on the host when writable, or a view of host state.
//!
//! One table for the three mount rules, so that a mount is judged once: a socket is
//! `docker-socket-mount`, a writable root-equivalent path `writable-host-root-mount`,
//! anything else here `sensitive-host-mount`.

use lashing_compose::{Mount, MountType, Spanned};
use lashing_rule::{excerpt, Context, PerDefinition, Report};
use lashing_syntax::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exposure {
    /// The API of a container engine: `what` names it.
    EngineSocket { what: &'static str },
    /// Writable, and a write there is root on the host.
    RootEquivalent { what: &'static str },
    /// A view of host state that the container should not have.
    Sensitive { what: &'static str },
}

/// A bind mount's host path, spelled the way lashing compares it: `~`, `$HOME` and
/// `${HOME}` become `~`; repeated and trailing `/` and `/./` are dropped. `None` for
/// named volumes, relative paths (inside the project) and paths still holding an
/// unresolved variable other than `HOME` or `XDG_RUNTIME_DIR`.
pub fn host_path(mount: &Mount) -> Option<String> {
    if !matches!(mount.kind, MountType::Bind) {
        return None;
    }
    let source = mount.source.as_ref()?.value.trim();
    let rest = ["${HOME}", "$HOME", "~"]
        .iter()
        .find_map(|home| source.strip_prefix(home).map(|r| ("~", r)));
    let rest = rest.or_else(|| {
        ["${XDG_RUNTIME_DIR}", "$XDG_RUNTIME_DIR"]
            .iter()
            .find_map(|dir| source.strip_prefix(dir).map(|r| ("/run/user/UID", r)))
    });
    let (prefix, rest) = match rest {
        Some(split) => split,
        None if source.starts_with('/') || source.starts_with("\\\\") => ("", source),
        None => return None,
    };
    if rest.contains('$') {
        return None;
    }
    if source.starts_with("\\\\") || source.starts_with("//./") {
        return Some(source.replace('\\', "/"));
    }
    let mut out = String::from(prefix);
    for part in rest.split('/') {
        if part.is_empty() || part == "." {
            continue;
        }
        out.push('/');
        out.push_str(part);
    }
    if out.is_empty() {
        out.push('/');
    }
    Some(out)
}

/// Whether the container may write through the mount.
pub fn writable(mount: &Mount) -> bool {
    !mount.read_only
}

/// The exposure of a host path (as [`host_path`] spells it), if any.
pub fn exposure(path: &str, writable: bool) -> Option<Exposure> {
    use Exposure::*;
    if let Some(what) = engine_socket(path) {
        return Some(EngineSocket { what });
    }
    let under = |root: &str| is_under(path, root);
    if path == "/" {
        return Some(if writable {
            RootEquivalent {
                what: "the host's whole filesystem",
            }
        } else {
            Sensitive {
                what: "the host's whole filesystem, `/etc/shadow` and every secret on it included",
            }
        });
    }
    if under("/etc") {
        return etc(path, writable);
    }
    for (root, what) in [
        (
            "/root",
            "root's home (its SSH keys and shell start-up files)",
        ),
        ("/boot", "the host's kernel and boot loader"),
        (
            "/proc",
            "the host's `/proc` (with kernel settings such as `core_pattern`)",
        ),
        ("/sys", "the host's `/sys` (kernel and device settings)"),
        (
            "/var/lib/docker",
            "Docker's data (every container's filesystem and volumes)",
        ),
        (
            "/var/lib/containerd",
            "containerd's data (every container's filesystem)",
        ),
        (
            "/var/lib/kubelet",
            "the kubelet's data (pod volumes and credentials)",
        ),
        (
            "/var/lib",
            "the host's `/var/lib` (Docker's data and every service's state among it)",
        ),
    ] {
        if under(root) {
            return Some(if writable {
                RootEquivalent { what }
            } else {
                Sensitive { what }
            });
        }
    }
    // Where root runs programs and loads code from. Read-only views
    // (`/lib/modules:ro`, `/usr/share/zoneinfo:ro`) disclose nothing secret.
    for (root, what) in [
        ("/bin", "the host's programs"),
        ("/sbin", "the host's programs"),
        ("/usr/bin", "the host's programs"),
        ("/usr/sbin", "the host's programs"),
        ("/usr/libexec", "the host's programs"),
        ("/usr/local/bin", "the host's programs"),
        ("/usr/local/sbin", "the host's programs"),
        ("/lib", "the host's libraries and kernel modules"),
        ("/lib64", "the host's libraries"),
        ("/lib32", "the host's libraries"),
        ("/usr/lib", "the host's libraries and kernel modules"),
        ("/usr/lib64", "the host's libraries"),
        ("/usr/lib32", "the host's libraries"),
        ("/usr/local/lib", "the host's libraries"),
        ("/var/spool/cron", "the host's crontabs"),
    ] {
        if under(root) && writable {
            return Some(RootEquivalent { what });
        }
    }
    if (path == "/usr" || path == "/usr/local") && writable {
        return Some(RootEquivalent {
            what: "the host's programs and libraries",
        });
    }
    if under("/usr") && writable {
        return Some(Sensitive {
            what: "the host's system files under `/usr`, writable",
        });
    }
    if under("/dev") && path != "/dev/null" {
        return Some(Sensitive {
            what: "the host's device nodes",
        });
    }
    if under("/run") || under("/var/run") {
        let what = if path.contains("dbus") {
            "the host's D-Bus system bus, through which root can ask systemd to run anything"
        } else {
            "the runtime state and sockets of host services"
        };
        return Some(Sensitive { what });
    }
    home(path)
}

fn engine_socket(path: &str) -> Option<&'static str> {
    let file = path.rsplit('/').next().unwrap_or(path);
    let by_file = match file {
        "docker.sock" | "docker.sock.raw" | "dockershim.sock" | "cri-dockerd.sock" => {
            Some("Docker")
        }
        "containerd.sock" => Some("containerd"),
        "podman.sock" => Some("Podman"),
        "crio.sock" => Some("CRI-O"),
        _ => None,
    };
    if by_file.is_some() {
        return by_file;
    }
    if path.eq_ignore_ascii_case("//./pipe/docker_engine") {
        return Some("Docker");
    }
    // Folders that hold an engine's socket give it as well.
    match path {
        // A read-only view of the whole disk still reaches the socket file, and a
        // unix socket is connected to, not written: `/:/rootfs:ro` is the API too.
        "/" | "/var" => Some("Docker (its socket, `/var/run/docker.sock`, is under this folder)"),
        "/run" | "/var/run" => Some("Docker (its socket is in this folder)"),
        "/run/containerd" | "/var/run/containerd" => {
            Some("containerd (its socket is in this folder)")
        }
        "/run/podman" | "/var/run/podman" => Some("Podman (its socket is in this folder)"),
        _ => None,
    }
}

/// `/etc` and below: read-only views of harmless files are not reported.
fn etc(path: &str, writable: bool) -> Option<Exposure> {
    use Exposure::*;
    let rest = path
        .strip_prefix("/etc")
        .unwrap_or(path)
        .trim_start_matches('/');
    let first = rest.split('/').next().unwrap_or("");
    // Files containers read to match the host's clock, identity and trust store.
    let informational = matches!(
        first,
        "localtime"
            | "timezone"
            | "machine-id"
            | "os-release"
            | "hostname"
            | "hosts"
            | "resolv.conf"
            | "ssl"
            | "ca-certificates"
            | "pki"
            | "zoneinfo"
    ) && !rest.starts_with("ssl/private");
    if writable {
        let root_reads = rest.is_empty()
            || ROOT_READS_UNDER_ETC.iter().any(|p| {
                first
                    .strip_prefix(p)
                    .is_some_and(|r| r.is_empty() || r.starts_with('.'))
            });
        return Some(if root_reads {
            RootEquivalent {
                what: "the host's `/etc` (users, sudoers, cron, systemd units)",
            }
        } else if informational {
            Sensitive {
                what: "a host configuration file the host itself uses",
            }
        } else {
            Sensitive { what: "a folder of the host's `/etc`, writable: whatever on the host reads it trusts what the container writes" }
        });
    }
    let secret = rest.is_empty()
        || matches!(
            first,
            "shadow"
                | "gshadow"
                | "sudoers"
                | "sudoers.d"
                | "ssh"
                | "docker"
                | "kubernetes"
                | "rancher"
                | "wireguard"
        )
        || rest.starts_with("ssl/private");
    secret.then_some(Sensitive {
        what: "host credentials or configuration under `/etc`",
    })
}

/// Entries of `/etc` that root reads to decide who may log in, what runs at boot or
/// on a schedule, and which code is loaded: writing one is root on the host.
/// (`cron` covers `cron.d`, `cron.daily`...: a name matches itself and `name.*`.)
const ROOT_READS_UNDER_ETC: &[&str] = &[
    "passwd",
    "shadow",
    "group",
    "gshadow",
    "sudoers",
    "cron",
    "crontab",
    "anacrontab",
    "systemd",
    "init",
    "init.d",
    "rc.local",
    "ld",
    "profile",
    "bash",
    "bashrc",
    "environment",
    "ssh",
    "pam",
    "security",
    "docker",
    "containerd",
    "modprobe",
    "modules",
    "udev",
    "apt",
    "yum",
    "dnf",
    "sysctl",
    "logrotate",
    "polkit-1",
    "default",
    "rc0.d",
    "rc1.d",
    "rc2.d",
    "rc3.d",
    "rc4.d",
    "rc5.d",
    "rc6.d",
    "rcS.d",
    "kubernetes",
    "sudo",
    "doas.conf",
];

/// Home folders and the credential folders in them; data folders under a home
/// (`/home/pi/homeassistant`) are ordinary project data.
fn home(path: &str) -> Option<Exposure> {
    let rest = if let Some(rest) = path.strip_prefix('~') {
        rest
    } else if let Some(rest) = path.strip_prefix("/home") {
        if rest.is_empty() {
            return Some(Exposure::Sensitive {
                what: "every user's home folder",
            });
        }
        // Skip the user name: `/home/alice/.ssh` → `/.ssh`.
        let after_user = rest.trim_start_matches('/');
        match after_user.find('/') {
            Some(i) => &after_user[i..],
            None => "",
        }
    } else {
        return None;
    };
    let first = rest.trim_start_matches('/').split('/').next().unwrap_or("");
    let what = match first {
        "" => "a user's home folder (SSH keys, cloud credentials, shell start-up files)",
        ".ssh" => "SSH keys",
        ".aws" | ".azure" | ".kube" | ".docker" | ".gnupg" => "credentials in a user's home folder",
        ".config" if rest.contains("gcloud") => "credentials in a user's home folder",
        _ => return None,
    };
    Some(Exposure::Sensitive { what })
}

/// Whether `path` is `root` or inside it (no allocation: this runs for every mount).
fn is_under(path: &str, root: &str) -> bool {
    path.strip_prefix(root)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// Reports, once per definition, every service mount whose exposure `pick`
/// accepts (it returns the exposure's `what`); `make` builds the report from the
/// span of the mount's host path, the path (shortened for messages) and `what`.
/// The three mount rules share this loop and differ only in `pick` and `make`.
pub fn report_mounts(
    cx: &mut Context<'_>,
    pick: impl Fn(Exposure) -> Option<&'static str>,
    make: impl Fn(Span, &str, &'static str, &Spanned<Mount>) -> Report,
) {
    let mut found = PerDefinition::new();
    for service in crate::containers(cx) {
        for mount in &service.volumes {
            let Some((path, what)) =
                mount_exposure(mount).and_then(|(path, exposure)| Some((path, pick(exposure)?)))
            else {
                continue;
            };
            let at = mount.value.source.as_ref().map_or(mount.span, |s| s.span);
            found.add(at, mount.via, &service.name.value, || {
                make(at, &excerpt(&path), what, mount)
            });
        }
    }
    found.report_all(cx);
}

/// The host path and its exposure of a service mount, if it has one.
fn mount_exposure(mount: &Spanned<Mount>) -> Option<(String, Exposure)> {
    let path = host_path(&mount.value)?;
    let exposure = exposure(&path, writable(&mount.value))?;
    Some((path, exposure))
}

#[cfg(test)]
#[path = "host_paths_test.rs"]
mod tests;
