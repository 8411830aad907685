//! The graph of one project, built once and queried by every rule.

use std::collections::HashMap;

use lashing_compose::ports::{PortRange, Protocol};
use lashing_compose::{ComposeFile, NetworkMode, Resource, Service};
use lashing_syntax::Span;

use crate::data_services::{data_service_of, DataService};
use crate::names::NameIndex;
use crate::port_index::PortIndex;
use crate::references::{collect_references, Reference};

/// Index of a service in `ComposeFile::services` (and `ProjectGraph::services`).
pub type ServiceId = usize;
/// Index of a network in `ProjectGraph::networks`.
pub type NetworkId = usize;

/// Whose network stack a service's container uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Namespace {
    /// Its own, attached to `ProjectGraph::networks` listed in `ServiceNode::networks`.
    Own,
    /// `network_mode: host`: the host's stack; no Compose DNS, ports are not mapped.
    Host,
    /// `network_mode: none`: loopback only.
    None,
    /// `network_mode: service:X`: the stack of another service of the project.
    SharedWith(ServiceId),
    /// `network_mode: container:X`, an unknown `service:X`, or a mode lashing does
    /// not model (`bridge`, a network name): reachability is not known.
    Opaque,
}

/// A port a service listens on inside the network, and how lashing knows.
#[derive(Debug, Clone, PartialEq)]
pub struct Listen {
    pub ports: PortRange,
    pub protocol: Protocol,
    pub source: ListenSource,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListenSource {
    /// `expose:` (the span of the entry).
    Expose(Span),
    /// The container side of a `ports:` mapping.
    PortTarget(Span),
    /// The default port of a known data service image.
    DataServiceDefault,
}

/// A port published on the host.
#[derive(Debug, Clone, PartialEq)]
pub struct Published {
    pub host_ip: Option<std::net::IpAddr>,
    pub published: PortRange,
    pub target: PortRange,
    pub protocol: Protocol,
    /// The whole mapping as written.
    pub span: Span,
    pub published_span: Span,
}

#[derive(Debug)]
pub struct ServiceNode<'m> {
    pub service: &'m Service,
    pub namespace: Namespace,
    /// The networks its own stack joins (empty unless `Namespace::Own`).
    pub networks: Vec<NetworkId>,
    pub listens: Vec<Listen>,
    pub published: Vec<Published>,
    pub data_service: Option<DataService>,
    /// Another service runs in this one's stack (`network_mode: service:<this>`), so
    /// `localhost` here is shared with it.
    pub stack_shared: bool,
}

impl ServiceNode<'_> {
    pub fn name(&self) -> &str {
        self.service.name.as_str()
    }

    /// Whether it listens on `port` inside the network.
    pub fn listens_on(&self, port: u16) -> bool {
        self.listens.iter().any(|l| l.ports.contains(port))
    }

    /// Whether `port` is one of its host-side published ports.
    pub fn publishes(&self, port: u16) -> bool {
        self.published.iter().any(|p| p.published.contains(port))
    }
}

#[derive(Debug)]
pub struct NetworkNode<'m> {
    pub name: String,
    /// The top-level declaration; `None` for the implicit `default`.
    pub resource: Option<&'m Resource>,
    pub members: Vec<ServiceId>,
}

impl NetworkNode<'_> {
    pub fn is_external(&self) -> bool {
        self.resource.is_some_and(|r| r.external)
    }

    pub fn is_internal(&self) -> bool {
        self.resource.is_some_and(|r| r.internal)
    }
}

/// The project graph: services, networks, names, ports and references.
#[derive(Debug)]
pub struct ProjectGraph<'m> {
    pub model: &'m ComposeFile,
    pub services: Vec<ServiceNode<'m>>,
    pub networks: Vec<NetworkNode<'m>>,
    pub(crate) names: NameIndex,
    /// Every URL-like reference in environment values, in service and file order.
    pub references: Vec<Reference<'m>>,
    service_ids: HashMap<&'m str, ServiceId>,
    /// Who listens on each port inside the network, and who publishes it on the host.
    listening: PortIndex,
    publishing: PortIndex,
}

impl<'m> ProjectGraph<'m> {
    pub fn build(model: &'m ComposeFile) -> ProjectGraph<'m> {
        let mut service_ids = HashMap::with_capacity(model.services.len());
        for (id, service) in model.services.iter().enumerate() {
            // The first definition wins, as for duplicate keys Compose refuses anyway.
            service_ids.entry(service.name.as_str()).or_insert(id);
        }

        let mut networks: Vec<NetworkNode<'m>> = model
            .networks
            .iter()
            .map(|resource| NetworkNode {
                name: resource.name.value.clone(),
                resource: Some(resource),
                members: Vec::new(),
            })
            .collect();
        let mut network_ids: HashMap<String, NetworkId> = networks
            .iter()
            .enumerate()
            .map(|(id, n)| (n.name.clone(), id))
            .collect();

        let mut services = Vec::with_capacity(model.services.len());
        for (id, service) in model.services.iter().enumerate() {
            let namespace = namespace_of(service, &service_ids);
            let mut joined = Vec::new();
            if namespace == Namespace::Own && !service.provider {
                for name in attached_network_names(service) {
                    let network = *network_ids.entry(name.to_string()).or_insert_with(|| {
                        // `default` is implicit; an undeclared name is reported by
                        // `undefined-network` and still drawn, so nothing is lost.
                        networks.push(NetworkNode {
                            name: name.to_string(),
                            resource: None,
                            members: Vec::new(),
                        });
                        networks.len() - 1
                    });
                    if !joined.contains(&network) {
                        joined.push(network);
                        networks[network].members.push(id);
                    }
                }
            }
            let data_service = service
                .image
                .as_ref()
                .and_then(|i| data_service_of(&i.value));
            services.push(ServiceNode {
                service,
                namespace,
                networks: joined,
                listens: listens_of(service, data_service),
                published: published_of(service),
                data_service,
                stack_shared: false,
            });
        }
        for id in 0..services.len() {
            if let Namespace::SharedWith(owner) = services[id].namespace {
                services[owner].stack_shared = true;
            }
        }

        let names = NameIndex::build(&services, &networks);
        let listen_ports: Vec<Vec<PortRange>> = services
            .iter()
            .map(|s| s.listens.iter().map(|l| l.ports).collect())
            .collect();
        let listening = PortIndex::build(
            listen_ports
                .iter()
                .enumerate()
                .map(|(id, p)| (id, p.as_slice())),
        );
        let published_ports: Vec<Vec<PortRange>> = services
            .iter()
            .map(|s| s.published.iter().map(|p| p.published).collect())
            .collect();
        let publishing = PortIndex::build(
            published_ports
                .iter()
                .enumerate()
                .map(|(id, p)| (id, p.as_slice())),
        );
        let mut graph = ProjectGraph {
            model,
            services,
            networks,
            names,
            references: Vec::new(),
            service_ids,
            listening,
            publishing,
        };
        graph.references = collect_references(&graph);
        graph
    }

    pub fn service_id(&self, name: &str) -> Option<ServiceId> {
        self.service_ids.get(name).copied()
    }

    pub fn service(&self, id: ServiceId) -> &ServiceNode<'m> {
        &self.services[id]
    }

    /// The service whose network stack `id` really uses: itself, or the end of its
    /// `network_mode: service:` chain (cycles, reported elsewhere, stop the walk).
    pub fn stack_owner(&self, id: ServiceId) -> ServiceId {
        let mut current = id;
        for _ in 0..self.services.len() {
            match self.services[current].namespace {
                Namespace::SharedWith(next) if next != id => current = next,
                _ => return current,
            }
        }
        current
    }

    /// The namespace that decides what `id` can reach (after following `service:`).
    pub fn effective_namespace(&self, id: ServiceId) -> &Namespace {
        &self.services[self.stack_owner(id)].namespace
    }

    /// The networks `id` is on, through a shared stack if it uses one.
    pub fn networks_of(&self, id: ServiceId) -> &[NetworkId] {
        &self.services[self.stack_owner(id)].networks
    }

    /// Network names, for messages ("frontend, backend", or "no network").
    pub fn network_names(&self, id: ServiceId) -> String {
        let names: Vec<&str> = self
            .networks_of(id)
            .iter()
            .map(|&n| self.networks[n].name.as_str())
            .collect();
        match self.effective_namespace(id) {
            Namespace::Host => "the host's network".to_string(),
            Namespace::None => "no network".to_string(),
            _ if names.is_empty() => "no network".to_string(),
            _ => names.join(", "),
        }
    }

    /// Whether two services are attached to a common network.
    pub fn share_network(&self, a: ServiceId, b: ServiceId) -> bool {
        let (a, b) = (self.stack_owner(a), self.stack_owner(b));
        if a == b {
            return true;
        }
        let theirs = &self.services[b].networks;
        self.services[a].networks.iter().any(|n| theirs.contains(n))
    }

    /// Whether `id` is on a network declared `external: true` (so it may reach
    /// containers of other projects by names this file does not show).
    pub fn on_external_network(&self, id: ServiceId) -> bool {
        self.networks_of(id)
            .iter()
            .any(|&n| self.networks[n].is_external())
    }

    /// The services that listen on `port` inside the network, in file order.
    pub fn listeners(&self, port: u16) -> Vec<ServiceId> {
        self.listening.get(port)
    }

    /// The services that publish `port` on the host, in file order.
    pub fn publishers(&self, port: u16) -> Vec<ServiceId> {
        self.publishing.get(port)
    }

    /// Every name another service could use for `id` (service name, container_name,
    /// hostname, aliases), for "did you mean" suggestions.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        self.names.all_names()
    }
}

fn namespace_of(service: &Service, ids: &HashMap<&str, ServiceId>) -> Namespace {
    match service.network_mode.as_ref().map(|m| &m.value) {
        None => Namespace::Own,
        Some(NetworkMode::Host) => Namespace::Host,
        Some(NetworkMode::None) => Namespace::None,
        Some(NetworkMode::Service(target)) => match ids.get(target.as_str()) {
            Some(&id) => Namespace::SharedWith(id),
            None => Namespace::Opaque,
        },
        // An empty `network_mode:` is no mode at all.
        Some(NetworkMode::Other(o)) if o.is_empty() => Namespace::Own,
        Some(NetworkMode::Container(_) | NetworkMode::Bridge | NetworkMode::Other(_)) => {
            Namespace::Opaque
        }
    }
}

/// The networks a service joins, as Compose normalises them: its `networks`, or
/// `default` when it lists none.
fn attached_network_names(service: &Service) -> Vec<&str> {
    match &service.networks {
        Some((_, list)) if !list.is_empty() => list.iter().map(|n| n.name.as_str()).collect(),
        _ => vec!["default"],
    }
}

fn listens_of(service: &Service, data_service: Option<DataService>) -> Vec<Listen> {
    let mut listens = Vec::new();
    for expose in &service.expose {
        if let Ok(e) = &expose.value {
            listens.push(Listen {
                ports: e.ports,
                protocol: e.protocol,
                source: ListenSource::Expose(expose.span),
            });
        }
    }
    for port in &service.ports {
        if let Ok(p) = &port.value {
            listens.push(Listen {
                ports: p.target.value,
                protocol: p.protocol,
                source: ListenSource::PortTarget(p.target.span),
            });
        }
    }
    for &port in data_service.map_or(&[][..], |d| d.ports) {
        listens.push(Listen {
            ports: PortRange::single(port),
            protocol: Protocol::Tcp,
            source: ListenSource::DataServiceDefault,
        });
    }
    listens
}

fn published_of(service: &Service) -> Vec<Published> {
    service
        .ports
        .iter()
        .filter_map(|port| {
            let p = port.value.as_ref().ok()?;
            let published = p.published.as_ref()?;
            Some(Published {
                host_ip: p.host_ip.as_ref().map(|ip| ip.value),
                published: published.value,
                target: p.target.value,
                protocol: p.protocol,
                span: port.span,
                published_span: published.span,
            })
        })
        .collect()
}
