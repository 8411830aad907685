//! How a service's container runs on its host: privileges, capabilities, namespaces,
//! devices, security profiles, user, logging, restart policy and resource limits.
//! The security and hardening rules read this; the graph does not.

use lashing_syntax::Span;

use crate::reader::Reader;
use crate::tree::Node;
use crate::Spanned;

#[derive(Debug, Clone, Default)]
pub struct Runtime {
    /// `privileged:` and its value (when it reads as a boolean).
    pub privileged: Option<Spanned<bool>>,
    pub cap_add: Vec<Spanned<String>>,
    /// `cap_drop:` key and items.
    pub cap_drop: Option<(Span, Vec<Spanned<String>>)>,
    /// `pid`, `ipc`, `uts`, `userns_mode`, `cgroup`: each attribute that shares a
    /// namespace, with its value.
    pub namespaces: Vec<(Namespace, Spanned<String>)>,
    /// `security_opt:` key and items.
    pub security_opt: Option<(Span, Vec<Spanned<String>>)>,
    pub devices: Vec<Device>,
    pub device_cgroup_rules: Vec<Spanned<String>>,
    /// Service-level `tmpfs:` entries (`/run:exec,size=64m`).
    pub tmpfs: Vec<Spanned<String>>,
    pub read_only: Option<Spanned<bool>>,
    pub user: Option<Spanned<String>>,
    /// `logging.driver`.
    pub logging_driver: Option<Spanned<String>>,
    pub restart: Option<Spanned<String>>,
    /// `deploy.restart_policy.condition`.
    pub restart_condition: Option<Spanned<String>>,
    pub limits: Limits,
}

/// A namespace a service can share with the host (or another container).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Namespace {
    Pid,
    Ipc,
    Uts,
    Userns,
    Cgroup,
}

impl Namespace {
    /// The service attribute that sets it.
    pub fn attribute(self) -> &'static str {
        match self {
            Namespace::Pid => "pid",
            Namespace::Ipc => "ipc",
            Namespace::Uts => "uts",
            Namespace::Userns => "userns_mode",
            Namespace::Cgroup => "cgroup",
        }
    }
}

/// A `devices` entry: `HOST[:CONTAINER[:PERMISSIONS]]`, a CDI name, or the long form.
#[derive(Debug, Clone)]
pub struct Device {
    /// The whole entry.
    pub entry: Spanned<String>,
    /// The host side (the whole short entry when it has no `:`).
    pub source: Spanned<String>,
}

/// Which resource limits a service sets, from `mem_limit`/`cpus`/`pids_limit` or
/// `deploy.resources.limits`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Limits {
    pub memory: bool,
    pub cpus: bool,
    pub pids: bool,
}

impl Runtime {
    /// Reads one service attribute into the runtime settings; other keys are ignored.
    pub(crate) fn read(&mut self, reader: &Reader, key: &str, key_span: Span, v: &Node) {
        match key {
            "privileged" => self.privileged = boolean(reader, v),
            "cap_add" => self.cap_add = reader.string_or_list(v, None),
            "cap_drop" => self.cap_drop = Some((key_span, reader.string_or_list(v, None))),
            "pid" | "ipc" | "uts" | "userns_mode" | "cgroup" => {
                let namespace = match key {
                    "pid" => Namespace::Pid,
                    "ipc" => Namespace::Ipc,
                    "uts" => Namespace::Uts,
                    "userns_mode" => Namespace::Userns,
                    _ => Namespace::Cgroup,
                };
                if let Some(value) = reader.string(v, None) {
                    self.namespaces.push((namespace, value));
                }
            }
            "security_opt" => {
                self.security_opt = Some((key_span, reader.string_or_list(v, None)));
            }
            "devices" => self.devices = devices(reader, v),
            "device_cgroup_rules" => self.device_cgroup_rules = reader.string_or_list(v, None),
            "tmpfs" => self.tmpfs = reader.string_or_list(v, None),
            "read_only" => self.read_only = boolean(reader, v),
            "user" => self.user = reader.string(v, None),
            "logging" => self.logging_driver = v.get("driver").and_then(|d| reader.string(d, None)),
            "restart" => self.restart = reader.string(v, None),
            "mem_limit" => self.limits.memory |= is_set(v),
            "cpus" | "cpu_quota" => self.limits.cpus |= is_set(v),
            "pids_limit" => self.limits.pids |= is_set(v),
            "deploy" => self.read_deploy(reader, v),
            _ => {}
        }
    }

    fn read_deploy(&mut self, reader: &Reader, deploy: &Node) {
        if let Some(condition) = deploy
            .get("restart_policy")
            .and_then(|p| p.get("condition"))
        {
            self.restart_condition = reader.string(condition, None);
        }
        if let Some(limits) = deploy.get("resources").and_then(|r| r.get("limits")) {
            self.limits.memory |= limits.get("memory").is_some_and(is_set);
            self.limits.cpus |= limits.get("cpus").is_some_and(is_set);
            self.limits.pids |= limits.get("pids").is_some_and(is_set);
        }
    }
}

fn boolean(reader: &Reader, v: &Node) -> Option<Spanned<bool>> {
    let value = reader.bool(v)?;
    Some(Spanned::new(value, v.span).with_via(v.via))
}

/// A limit counts as set unless it is null, empty, or zero (unlimited for Docker;
/// `-1` is also unlimited for `pids`).
fn is_set(v: &Node) -> bool {
    match v.as_str() {
        Some(text) => !matches!(text.trim(), "" | "0" | "-1" | "0.0"),
        None => !v.is_null(),
    }
}

fn devices(reader: &Reader, v: &Node) -> Vec<Device> {
    let Some(items) = reader.items(v) else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| {
            if item.as_mapping().is_some() {
                let source = reader.string(item.get("source")?, None)?;
                let entry = Spanned::new(source.value.clone(), item.span).with_via(item.via);
                return Some(Device { entry, source });
            }
            let entry = reader.string(item, None)?;
            // A CDI name (`vendor.com/class=name`) has no host path; a Windows
            // device (`class/GUID`) neither. Only `/dev/...` paths are split.
            let end = if entry.value.starts_with('/') {
                entry.value.find(':').unwrap_or(entry.value.len())
            } else {
                entry.value.len()
            };
            let source = entry.part(0..end);
            Some(Device { entry, source })
        })
        .collect()
}
