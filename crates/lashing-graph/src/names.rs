//! Which names resolve to which service, on which networks: Compose's DNS.
//!
//! On a network, Docker's embedded DNS answers for each attached container's service
//! name, `container_name`, `hostname` and the aliases given for that network; `links`
//! add aliases seen by the linking service only. Lookups are case-insensitive.

use std::collections::HashMap;

use lashing_syntax::Span;

use crate::graph::{Namespace, NetworkId, NetworkNode, ProjectGraph, ServiceId, ServiceNode};

/// How a name came to point at a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    ServiceName,
    ContainerName,
    Hostname,
    /// `networks: {n: {aliases: [...]}}`.
    NetworkAlias,
    /// `links: ["service:alias"]`.
    LinkAlias,
}

/// Where a name resolves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// On every network the service is attached to.
    ServiceNetworks,
    /// On one network only.
    Network(NetworkId),
    /// For one (linking) service only.
    From(ServiceId),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Binding {
    pub service: ServiceId,
    pub kind: NameKind,
    pub scope: Scope,
}

#[derive(Debug, Default)]
pub(crate) struct NameIndex {
    bindings: HashMap<String, Vec<Binding>>,
    /// Names as written, for suggestions, in file order without repeats.
    written: Vec<String>,
}

impl NameIndex {
    pub fn build(services: &[ServiceNode<'_>], networks: &[NetworkNode<'_>]) -> NameIndex {
        let mut index = NameIndex::default();
        for (id, node) in services.iter().enumerate() {
            let service = node.service;
            let everywhere = |kind| Binding {
                service: id,
                kind,
                scope: Scope::ServiceNetworks,
            };
            index.add(service.name.as_str(), everywhere(NameKind::ServiceName));
            if let Some(name) = &service.container_name {
                index.add(name.as_str(), everywhere(NameKind::ContainerName));
            }
            if let Some(name) = &service.hostname {
                index.add(name.as_str(), everywhere(NameKind::Hostname));
            }
            if let Some((_, attachments)) = &service.networks {
                for attachment in attachments {
                    let Some(&network) = node
                        .networks
                        .iter()
                        .find(|&&n| networks[n].name == attachment.name.value)
                    else {
                        continue;
                    };
                    for alias in &attachment.aliases {
                        index.add(
                            alias.as_str(),
                            Binding {
                                service: id,
                                kind: NameKind::NetworkAlias,
                                scope: Scope::Network(network),
                            },
                        );
                    }
                }
            }
        }
        // Links name their target by service name, so they are bound once every
        // service is known.
        let ids: HashMap<&str, ServiceId> = services
            .iter()
            .enumerate()
            .rev()
            .map(|(id, s)| (s.service.name.as_str(), id))
            .collect();
        for (id, node) in services.iter().enumerate() {
            for link in &node.service.links {
                let (Some(alias), Some(&target)) = (&link.alias, ids.get(link.service.as_str()))
                else {
                    continue;
                };
                index.add(
                    alias.as_str(),
                    Binding {
                        service: target,
                        kind: NameKind::LinkAlias,
                        scope: Scope::From(id),
                    },
                );
            }
        }
        index
    }

    fn add(&mut self, name: &str, binding: Binding) {
        if name.is_empty() || name.contains('$') {
            return;
        }
        let key = name.to_ascii_lowercase();
        let entry = self.bindings.entry(key).or_default();
        if entry.is_empty() {
            self.written.push(name.to_string());
        }
        if !entry.contains(&binding) {
            entry.push(binding);
        }
    }

    pub fn get(&self, name: &str) -> &[Binding] {
        self.bindings
            .get(&name.to_ascii_lowercase())
            .map_or(&[], Vec::as_slice)
    }

    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        self.written.iter().map(String::as_str)
    }
}

/// Whether a service can reach a name's target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reachability {
    Reachable,
    /// They share no network.
    Unreachable,
    /// One side uses a stack lashing does not model (`container:`, a shared stack).
    Unknown,
}

/// What a host name in a reference means to the service that uses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// A service of this project.
    Service {
        target: ServiceId,
        kind: NameKind,
        reachability: Reachability,
    },
    /// An `extra_hosts` entry of the service (the span of the entry's host).
    ExtraHost(Span),
    /// `host.docker.internal` or `gateway.docker.internal`.
    DockerHost,
    /// An IP address (loopback addresses are told apart by the endpoint).
    Address,
    /// A name with a dot: resolved by DNS outside the project.
    Qualified,
    /// A single-label name nothing in the project defines.
    Unknown,
}

impl ProjectGraph<'_> {
    /// What `host` means to service `from`.
    pub fn resolve(&self, from: ServiceId, host: &str) -> Resolution {
        let own = self.services[from].service;
        if let Some(entry) = own
            .extra_hosts
            .iter()
            .find(|e| e.host.value.eq_ignore_ascii_case(host))
        {
            return Resolution::ExtraHost(entry.host.span);
        }
        let bindings = self.names.get(host);
        if !bindings.is_empty() {
            let mut best: Option<(Binding, Reachability)> = None;
            for &binding in bindings {
                let reach = self.reach(from, binding);
                let better = match (&best, reach) {
                    (None, _) => true,
                    (Some((_, Reachability::Reachable)), _) => false,
                    (_, Reachability::Reachable) => true,
                    (Some((_, Reachability::Unreachable)), Reachability::Unknown) => true,
                    _ => false,
                };
                if better {
                    best = Some((binding, reach));
                }
            }
            if let Some((binding, reachability)) = best {
                return Resolution::Service {
                    target: binding.service,
                    kind: binding.kind,
                    reachability,
                };
            }
        }
        let lower = host.to_ascii_lowercase();
        if lower == "host.docker.internal" || lower == "gateway.docker.internal" {
            Resolution::DockerHost
        } else if host.parse::<std::net::IpAddr>().is_ok() {
            Resolution::Address
        } else if host.contains('.') {
            Resolution::Qualified
        } else {
            Resolution::Unknown
        }
    }

    fn reach(&self, from: ServiceId, binding: Binding) -> Reachability {
        let opaque = |id: ServiceId| matches!(self.effective_namespace(id), Namespace::Opaque);
        if opaque(from) || opaque(binding.service) {
            return Reachability::Unknown;
        }
        if matches!(
            self.effective_namespace(from),
            Namespace::Host | Namespace::None
        ) || matches!(
            self.effective_namespace(binding.service),
            Namespace::Host | Namespace::None
        ) {
            return if self.stack_owner(from) == self.stack_owner(binding.service) {
                Reachability::Reachable
            } else {
                Reachability::Unreachable
            };
        }
        let reachable = match binding.scope {
            Scope::ServiceNetworks => self.share_network(from, binding.service),
            Scope::Network(network) => self.networks_of(from).contains(&network),
            Scope::From(linker) => {
                self.stack_owner(linker) == self.stack_owner(from)
                    && self.share_network(from, binding.service)
            }
        };
        if reachable {
            Reachability::Reachable
        } else {
            Reachability::Unreachable
        }
    }
}
