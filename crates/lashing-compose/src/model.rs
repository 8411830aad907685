//! The Compose model of one file: every attribute the rules read, in one canonical
//! shape whichever syntax (short or long, list or map) the author used.

use std::net::IpAddr;

use lashing_syntax::{FileId, Span};

use crate::ports::{PortError, PortRange, Protocol};
pub use crate::runtime::{Device, Limits, Namespace, Runtime};
use crate::Spanned;

#[derive(Debug, Default)]
pub struct ComposeFile {
    pub file: FileId,
    /// Top-level `version:`: the key, and its value.
    pub version: Option<(Span, Option<Spanned<String>>)>,
    pub name: Option<Spanned<String>>,
    pub services: Vec<Service>,
    pub networks: Vec<Resource>,
    pub volumes: Vec<Resource>,
    pub secrets: Vec<Resource>,
    pub configs: Vec<Resource>,
    /// Top-level `x-*` keys.
    pub extensions: Vec<Spanned<String>>,
}

impl ComposeFile {
    pub fn service(&self, name: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.name.value == name)
    }

    pub fn network(&self, name: &str) -> Option<&Resource> {
        self.networks.iter().find(|n| n.name.value == name)
    }
}

/// A top-level network, volume, secret or config.
#[derive(Debug, Clone)]
pub struct Resource {
    /// The key under `networks:` etc.
    pub name: Spanned<String>,
    pub external: bool,
    pub internal: bool,
    pub driver: Option<Spanned<String>>,
    /// `name:`, the resource's name on the engine.
    pub engine_name: Option<Spanned<String>>,
}

#[derive(Debug, Clone, Default)]
pub struct Service {
    // The groups most services leave out are boxed: inline, a service was 2.3 KB,
    // 37 MB for the 15,000 services of the benchmark file.
    /// The service's key under `services:`.
    pub name: Spanned<String>,
    /// The whole service mapping.
    pub span: Span,
    pub image: Option<Spanned<String>>,
    pub build: Option<Box<Spanned<Build>>>,
    pub container_name: Option<Box<Spanned<String>>>,
    pub hostname: Option<Box<Spanned<String>>>,
    pub network_mode: Option<Box<Spanned<NetworkMode>>>,
    /// `networks:` as written (key span), with its entries in map form.
    pub networks: Option<(Span, Vec<ServiceNetwork>)>,
    pub ports: Vec<Spanned<Result<Port, PortError>>>,
    pub expose: Vec<Spanned<Result<Expose, PortError>>>,
    pub depends_on: Vec<Dependency>,
    pub links: Vec<Link>,
    /// `external_links`: containers outside the project, `NAME[:ALIAS]` (the same
    /// shape as links; `service` holds the container name).
    pub external_links: Vec<Link>,
    pub domainname: Option<Box<Spanned<String>>>,
    pub volumes_from: Vec<VolumesFrom>,
    pub environment: Vec<EnvVar>,
    pub env_file: Vec<EnvFile>,
    pub healthcheck: Option<Box<Healthcheck>>,
    pub command: Option<Box<Spanned<Command>>>,
    pub entrypoint: Option<Box<Spanned<Command>>>,
    pub extra_hosts: Vec<ExtraHost>,
    pub volumes: Vec<Spanned<Mount>>,
    pub secrets: Vec<ResourceRef>,
    pub configs: Vec<ResourceRef>,
    pub profiles: Vec<Spanned<String>>,
    pub extends: Option<Box<Extends>>,
    /// `provider:` (a service run by a plugin instead of a container).
    pub provider: bool,
    /// Privileges, namespaces, devices, user, logging, restart and limits.
    pub runtime: Runtime,
}

impl Service {
    /// Every dependency edge, explicit (`depends_on`) and implicit (`links`,
    /// `volumes_from`, `network_mode: service:X`), as compose-go normalises them.
    pub fn dependencies(&self) -> impl Iterator<Item = DependencyEdge<'_>> {
        let explicit = self.depends_on.iter().map(|d| DependencyEdge {
            target: &d.service,
            kind: DependencyKind::DependsOn,
        });
        let links = self.links.iter().map(|l| DependencyEdge {
            target: &l.service,
            kind: DependencyKind::Link,
        });
        let volumes_from = self.volumes_from.iter().filter_map(|v| match v {
            VolumesFrom::Service(s) => Some(DependencyEdge {
                target: s,
                kind: DependencyKind::VolumesFrom,
            }),
            VolumesFrom::Container(_) => None,
        });
        let network = self.network_mode.iter().filter_map(|m| match &m.value {
            NetworkMode::Service(s) => Some(DependencyEdge {
                target: s,
                kind: DependencyKind::NetworkMode,
            }),
            _ => None,
        });
        explicit.chain(links).chain(volumes_from).chain(network)
    }

    /// Whether the service is attached to the implicit `default` network: no
    /// `network_mode`, and no networks (or an empty list), or `default` listed.
    pub fn on_default_network(&self) -> bool {
        let empty_mode = matches!(&self.network_mode, Some(m) if matches!(&m.value, NetworkMode::Other(o) if o.is_empty()));
        if self.network_mode.is_some() && !empty_mode {
            return false;
        }
        match &self.networks {
            None => true,
            Some((_, list)) => list.is_empty() || list.iter().any(|n| n.name.value == "default"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Build {
    /// `build: ./dir` or `build: {context: ./dir}`; `None` when only a dockerfile etc.
    pub context: Option<Spanned<String>>,
    pub dockerfile: Option<Spanned<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NetworkMode {
    Host,
    None,
    Bridge,
    /// `service:NAME`; the span of the value covers the whole string.
    Service(Spanned<String>),
    Container(String),
    Other(String),
}

impl std::fmt::Display for NetworkMode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NetworkMode::Host => f.write_str("host"),
            NetworkMode::None => f.write_str("none"),
            NetworkMode::Bridge => f.write_str("bridge"),
            NetworkMode::Service(s) => write!(f, "service:{}", s.value),
            NetworkMode::Container(c) => write!(f, "container:{c}"),
            NetworkMode::Other(o) => f.write_str(o),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ServiceNetwork {
    pub name: Spanned<String>,
    pub aliases: Vec<Spanned<String>>,
    pub ipv4_address: Option<Spanned<String>>,
    pub ipv6_address: Option<Spanned<String>>,
}

/// A port mapping, short or long syntax. Spans of the parts point inside the
/// authored text when it can be mapped exactly, else at the whole item.
#[derive(Debug, Clone, PartialEq)]
pub struct Port {
    /// `None`: all interfaces.
    pub host_ip: Option<Spanned<IpAddr>>,
    /// `None`: not published, or an ephemeral host port.
    pub published: Option<Spanned<PortRange>>,
    pub target: Spanned<PortRange>,
    pub protocol: Protocol,
    /// Written as a mapping (`target:`, `published:` ...).
    pub long_syntax: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expose {
    pub ports: PortRange,
    pub protocol: Protocol,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Condition {
    Started,
    Healthy,
    CompletedSuccessfully,
}

impl Condition {
    pub fn parse(s: &str) -> Option<Condition> {
        match s {
            "service_started" => Some(Condition::Started),
            "service_healthy" => Some(Condition::Healthy),
            "service_completed_successfully" => Some(Condition::CompletedSuccessfully),
            _ => None,
        }
    }
}

/// A `depends_on` entry, list or map form.
#[derive(Debug, Clone, PartialEq)]
pub struct Dependency {
    pub service: Spanned<String>,
    /// `None` when not written (the list form): Compose uses `service_started`.
    pub condition: Option<Spanned<String>>,
    pub required: bool,
    pub restart: bool,
}

impl Dependency {
    pub fn condition(&self) -> Option<Condition> {
        match &self.condition {
            None => Some(Condition::Started),
            Some(c) => Condition::parse(&c.value),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DependencyKind {
    DependsOn,
    Link,
    VolumesFrom,
    NetworkMode,
}

impl DependencyKind {
    pub fn attribute(self) -> &'static str {
        match self {
            DependencyKind::DependsOn => "depends_on",
            DependencyKind::Link => "links",
            DependencyKind::VolumesFrom => "volumes_from",
            DependencyKind::NetworkMode => "network_mode",
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct DependencyEdge<'a> {
    pub target: &'a Spanned<String>,
    pub kind: DependencyKind,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub service: Spanned<String>,
    pub alias: Option<Spanned<String>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum VolumesFrom {
    Service(Spanned<String>),
    Container(Spanned<String>),
}

/// An `environment` entry, map (`KEY: value`) or list (`KEY=value`) form.
#[derive(Debug, Clone, PartialEq)]
pub struct EnvVar {
    pub name: Spanned<String>,
    /// `None` for `KEY` / `KEY:` with no value (taken from the environment at run time).
    pub value: Option<Spanned<String>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EnvFile {
    pub path: Spanned<String>,
    pub required: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Healthcheck {
    /// The `healthcheck` key.
    pub key: Span,
    pub test: Option<Spanned<HealthTest>>,
    pub disable: bool,
}

impl Healthcheck {
    /// Whether this healthcheck actually checks something.
    pub fn is_enabled(&self) -> bool {
        !self.disable && !matches!(self.test.as_ref().map(|t| &t.value), Some(HealthTest::None))
    }
}

/// `healthcheck.test`, normalised: a string becomes `CMD-SHELL`.
#[derive(Debug, Clone, PartialEq)]
pub enum HealthTest {
    /// `["CMD", args...]`
    Cmd(Vec<Spanned<String>>),
    /// `"cmd"` or `["CMD-SHELL", "cmd"]`. `from_string`: written as a plain string.
    Shell {
        command: Spanned<String>,
        from_string: bool,
    },
    /// `["NONE"]`
    None,
    /// A list whose first item is not CMD, CMD-SHELL or NONE (or is missing).
    Invalid(Option<Spanned<String>>),
}

/// `command` / `entrypoint`.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// A string: run through a shell-like split by Compose.
    Shell(Spanned<String>),
    Exec(Vec<Spanned<String>>),
}

/// An `extra_hosts` entry: `host:ip`, `host=ip` or map form.
#[derive(Debug, Clone, PartialEq)]
pub struct ExtraHost {
    pub host: Spanned<String>,
    pub ips: Vec<Spanned<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MountType {
    Bind,
    Volume,
    Tmpfs,
    Npipe,
    Cluster,
    Image,
    Other,
}

impl MountType {
    pub fn parse(s: &str) -> MountType {
        match s {
            "bind" => MountType::Bind,
            "volume" => MountType::Volume,
            "tmpfs" => MountType::Tmpfs,
            "npipe" => MountType::Npipe,
            "cluster" => MountType::Cluster,
            "image" => MountType::Image,
            _ => MountType::Other,
        }
    }
}

/// A service `volumes` entry, short (`src:dst:ro`) or long syntax.
#[derive(Debug, Clone, PartialEq)]
pub struct Mount {
    pub kind: MountType,
    /// Host path (bind) or volume name; `None` for an anonymous volume.
    pub source: Option<Spanned<String>>,
    pub target: Option<Spanned<String>>,
    pub read_only: bool,
    /// `shared`, `rslave`... from the short options or `bind.propagation`.
    pub propagation: Option<Spanned<String>>,
    pub long_syntax: bool,
}

/// A service's `secrets` / `configs` entry.
#[derive(Debug, Clone, PartialEq)]
pub struct ResourceRef {
    pub source: Spanned<String>,
    pub target: Option<Spanned<String>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Extends {
    pub service: Spanned<String>,
    pub file: Option<Spanned<String>>,
}
