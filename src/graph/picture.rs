//! The picture of one project, independent of the output format: which nodes exist,
//! where each service is drawn, which edges join them, and which findings are on
//! which element. Every list keeps file order, so every output is deterministic.

use lashing_compose::{NetworkMode, VolumesFrom};
use lashing_diagnostics::{Finding, Severity};
use lashing_graph::endpoint::EndpointForm;
use lashing_graph::{Namespace, ProjectGraph, Published, Reference, Resolution};
use lashing_rule::Project;
use lashing_syntax::Span;

use super::marks;

/// One compose file, drawn as one project.
#[derive(Debug)]
pub(crate) struct ProjectPicture {
    /// The file's path as every output shows it.
    pub path: String,
    pub services: Vec<ServiceView>,
    pub networks: Vec<NetworkView>,
    /// Hosts that are not services of the project: `localhost`, unknown names,
    /// external DNS names, services that do not exist.
    pub others: Vec<OtherNode>,
    pub edges: Vec<Edge>,
    /// Whether a `host` node is drawn (published ports, `host.docker.internal`).
    pub has_host: bool,
    /// The findings of the selected rules, sorted, each placed on an element.
    pub findings: Vec<FindingView>,
}

#[derive(Debug)]
pub(crate) struct ServiceView {
    pub name: String,
    pub image: Option<String>,
    pub namespace: NamespaceView,
    /// Indices into [`ProjectPicture::networks`], as the service lists them.
    pub networks: Vec<usize>,
    /// The group the node is drawn in.
    pub place: Place,
    pub data_service: Option<&'static str>,
    pub published: Vec<PublishedView>,
    /// Indices into [`ProjectPicture::findings`].
    pub marks: Vec<usize>,
    /// The service's key and its whole definition.
    pub(crate) spans: Vec<Span>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NamespaceView {
    Own,
    Host,
    None,
    /// `network_mode: service:X` with X a service of the project (its index).
    SharedWith(usize),
    /// Any other `network_mode` (as written): `container:X`, `bridge`, an unknown
    /// `service:X`.
    Opaque(String),
}

/// Where a service node is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// In the group of this network (index into [`ProjectPicture::networks`]).
    Network(usize),
    /// In the "host network" group.
    HostNetwork,
    /// In the "no network" group (`network_mode: none`).
    NoNetwork,
    /// Directly in the project, outside every network group.
    Project,
}

#[derive(Debug, Clone)]
pub(crate) struct PublishedView {
    pub host_ip: Option<String>,
    pub published: String,
    pub target: String,
    pub protocol: &'static str,
}

impl PublishedView {
    fn of(p: &Published) -> PublishedView {
        PublishedView {
            host_ip: p
                .host_ip
                .filter(|ip| !ip.is_unspecified())
                .map(|ip| ip.to_string()),
            published: p.published.to_string(),
            target: p.target.to_string(),
            protocol: p.protocol.as_str(),
        }
    }

    /// `8080→3000`, `127.0.0.1:8080→3000`, `[::1]:53→53/udp`.
    pub fn label(&self) -> String {
        let mut label = String::new();
        match self.host_ip.as_deref() {
            Some(ip) if ip.contains(':') => label.push_str(&format!("[{ip}]:")),
            Some(ip) => label.push_str(&format!("{ip}:")),
            None => {}
        }
        label.push_str(&format!("{}→{}", self.published, self.target));
        if self.protocol != "tcp" {
            label.push('/');
            label.push_str(self.protocol);
        }
        label
    }
}

#[derive(Debug)]
pub(crate) struct NetworkView {
    pub name: String,
    /// Declared under top-level `networks:` (the implicit `default` is not).
    pub declared: bool,
    pub internal: bool,
    pub external: bool,
    /// Indices into [`ProjectPicture::services`], in file order.
    pub members: Vec<usize>,
    pub marks: Vec<usize>,
    /// The declaration's name, and every service's mention of the network.
    pub(crate) spans: Vec<Span>,
    /// The alias or merge key a mention came through.
    pub(crate) via: Vec<Span>,
}

impl NetworkView {
    /// The group's title: `network frontend`, with what is special about it.
    pub fn title(&self) -> String {
        let mut notes = Vec::new();
        if !self.declared && self.name != "default" {
            notes.push("not declared");
        }
        if self.internal {
            notes.push("internal");
        }
        if self.external {
            notes.push("external");
        }
        if notes.is_empty() {
            format!("network {}", self.name)
        } else {
            format!("network {} ({})", self.name, notes.join(", "))
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OtherKind {
    /// A loopback or unspecified address: the calling container itself.
    Loopback,
    /// A single-label name nothing in the project defines.
    Unknown,
    /// A name or address outside the project (a dotted name, an IP, `extra_hosts`).
    External,
    /// A service name a dependency gives that no service has.
    Missing,
}

impl OtherKind {
    pub fn as_str(self) -> &'static str {
        match self {
            OtherKind::Loopback => "loopback",
            OtherKind::Unknown => "unknown",
            OtherKind::External => "external",
            OtherKind::Missing => "missing",
        }
    }
}

#[derive(Debug)]
pub(crate) struct OtherNode {
    pub kind: OtherKind,
    /// The host or service name.
    pub name: String,
}

impl OtherNode {
    /// What the node shows: names nothing defines end with `?`.
    pub fn label(&self) -> String {
        match self.kind {
            OtherKind::Unknown | OtherKind::Missing => format!("{}?", self.name),
            OtherKind::Loopback | OtherKind::External => self.name.clone(),
        }
    }
}

/// An end of an edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NodeRef {
    Service(usize),
    /// The machine Docker runs on.
    Host,
    Other(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EdgeKind {
    DependsOn,
    Link,
    VolumesFrom,
    NetworkMode,
    Reference,
    Published,
}

impl EdgeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::DependsOn => "depends_on",
            EdgeKind::Link => "link",
            EdgeKind::VolumesFrom => "volumes_from",
            EdgeKind::NetworkMode => "network_mode",
            EdgeKind::Reference => "reference",
            EdgeKind::Published => "published",
        }
    }
}

#[derive(Debug)]
pub(crate) struct Edge {
    pub kind: EdgeKind,
    pub from: NodeRef,
    pub to: NodeRef,
    /// The text on the edge, without findings (may be empty).
    pub label: String,
    /// `depends_on`: the condition as written, `service_started` when not written.
    pub condition: Option<String>,
    /// `depends_on` with `condition: service_healthy`.
    pub healthy: bool,
    /// `reference`: the environment variable.
    pub variable: Option<String>,
    /// `reference`: the port connected to (written, or the scheme's default).
    pub port: Option<u16>,
    pub marks: Vec<usize>,
    /// The service whose definition holds the edge.
    pub(crate) owner: usize,
    /// Where the edge is written: a finding inside one of these is on this edge.
    pub(crate) spans: Vec<Span>,
    /// Where the service uses it from (an alias or merge key), when that differs.
    pub(crate) via: Vec<Span>,
}

/// Where a finding is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Element {
    Edge(usize),
    Service(usize),
    Network(usize),
    /// On no element: listed in the project's "other findings" note.
    Project,
}

#[derive(Debug)]
pub(crate) struct FindingView {
    pub rule: &'static str,
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub service: Option<String>,
    pub line: u32,
    pub column: u32,
    pub element: Element,
}

impl ProjectPicture {
    pub fn build(project: &Project, graph: &ProjectGraph<'_>, findings: &[Finding]) -> Self {
        let path = project
            .files
            .first()
            .map(|f| f.source.display_path.clone())
            .unwrap_or_default();
        let networks = graph
            .networks
            .iter()
            .map(|n| NetworkView {
                name: n.name.clone(),
                declared: n.resource.is_some(),
                internal: n.is_internal(),
                external: n.is_external(),
                members: n.members.clone(),
                marks: Vec::new(),
                spans: n.resource.map(|r| r.name.span).into_iter().collect(),
                via: Vec::new(),
            })
            .collect();
        let mut picture = ProjectPicture {
            path,
            services: Vec::with_capacity(graph.services.len()),
            networks,
            others: Vec::new(),
            edges: Vec::new(),
            has_host: false,
            findings: Vec::new(),
        };
        picture.add_services(graph);
        for id in 0..graph.services.len() {
            picture.add_dependencies(graph, id);
            for reference in graph.references.iter().filter(|r| r.service == id) {
                picture.add_reference(reference);
            }
            picture.add_published(graph, id);
        }
        marks::place(&mut picture, project, findings);
        picture
    }

    fn add_services(&mut self, graph: &ProjectGraph<'_>) {
        for (id, node) in graph.services.iter().enumerate() {
            let service = node.service;
            let namespace = match &node.namespace {
                Namespace::Own => NamespaceView::Own,
                Namespace::Host => NamespaceView::Host,
                Namespace::None => NamespaceView::None,
                Namespace::SharedWith(owner) => NamespaceView::SharedWith(*owner),
                Namespace::Opaque => NamespaceView::Opaque(
                    service
                        .network_mode
                        .as_ref()
                        .map(|m| m.value.to_string())
                        .unwrap_or_default(),
                ),
            };
            // The stack owner decides the group: a `service:X` sidecar sits with X.
            let owner = graph.stack_owner(id);
            let place = match &graph.services[owner].namespace {
                Namespace::Own => graph.services[owner]
                    .networks
                    .first()
                    .map_or(Place::Project, |&n| Place::Network(n)),
                Namespace::Host => Place::HostNetwork,
                Namespace::None => Place::NoNetwork,
                Namespace::SharedWith(_) | Namespace::Opaque => Place::Project,
            };
            self.services.push(ServiceView {
                name: service.name.value.clone(),
                image: service.image.as_ref().map(|i| i.value.clone()),
                namespace,
                networks: node.networks.clone(),
                place,
                data_service: node.data_service.map(|d| d.name),
                published: node.published.iter().map(PublishedView::of).collect(),
                marks: Vec::new(),
                spans: vec![service.name.span, service.span],
            });
            // A service's mentions of its networks place findings on the network.
            if let Some((_, attachments)) = &service.networks {
                for attachment in attachments {
                    let Some(network) = self
                        .networks
                        .iter_mut()
                        .find(|n| n.name == attachment.name.value)
                    else {
                        continue;
                    };
                    network.spans.push(attachment.name.span);
                    if let Some(via) = attachment.name.via {
                        network.via.push(via);
                    }
                }
            }
        }
    }

    /// `depends_on`, then `links`, `volumes_from` and `network_mode: service:X`.
    fn add_dependencies(&mut self, graph: &ProjectGraph<'_>, id: usize) {
        let service = graph.services[id].service;
        for dependency in &service.depends_on {
            let to = self.service_or_missing(graph, &dependency.service.value);
            let condition = dependency
                .condition
                .as_ref()
                .map_or("service_started", |c| c.value.as_str())
                .to_string();
            let mut label = if condition == "service_started" {
                String::new()
            } else {
                condition.clone()
            };
            if !dependency.required {
                if !label.is_empty() {
                    label.push_str(", ");
                }
                label.push_str("required: false");
            }
            let mut spans = vec![dependency.service.span];
            let mut via: Vec<Span> = dependency.service.via.into_iter().collect();
            if let Some(c) = &dependency.condition {
                spans.push(c.span);
                via.extend(c.via);
            }
            self.edges.push(Edge {
                kind: EdgeKind::DependsOn,
                from: NodeRef::Service(id),
                to,
                label,
                healthy: condition == "service_healthy",
                condition: Some(condition),
                variable: None,
                port: None,
                marks: Vec::new(),
                owner: id,
                spans,
                via,
            });
        }
        for link in &service.links {
            let to = self.service_or_missing(graph, &link.service.value);
            let label = match &link.alias {
                Some(alias) => format!("links (as {})", alias.value),
                None => "links".to_string(),
            };
            let mut spans = vec![link.service.span];
            spans.extend(link.alias.as_ref().map(|a| a.span));
            self.push_implicit(EdgeKind::Link, id, to, label, spans, link.service.via);
        }
        for volumes_from in &service.volumes_from {
            if let VolumesFrom::Service(target) = volumes_from {
                let to = self.service_or_missing(graph, &target.value);
                let label = "volumes_from".to_string();
                self.push_implicit(
                    EdgeKind::VolumesFrom,
                    id,
                    to,
                    label,
                    vec![target.span],
                    target.via,
                );
            }
        }
        if let Some(mode) = &service.network_mode {
            if let NetworkMode::Service(target) = &mode.value {
                let to = self.service_or_missing(graph, &target.value);
                let label = "network_mode".to_string();
                self.push_implicit(
                    EdgeKind::NetworkMode,
                    id,
                    to,
                    label,
                    vec![target.span, mode.span],
                    mode.via,
                );
            }
        }
    }

    fn push_implicit(
        &mut self,
        kind: EdgeKind,
        from: usize,
        to: NodeRef,
        label: String,
        spans: Vec<Span>,
        via: Option<Span>,
    ) {
        self.edges.push(Edge {
            kind,
            from: NodeRef::Service(from),
            to,
            label,
            condition: None,
            healthy: false,
            variable: None,
            port: None,
            marks: Vec::new(),
            owner: from,
            spans,
            via: via.into_iter().collect(),
        });
    }

    fn add_reference(&mut self, reference: &Reference<'_>) {
        let endpoint = &reference.endpoint;
        // `LISTEN=0.0.0.0:8080` is where a server binds, not a destination.
        if endpoint.is_unspecified() && endpoint.form != EndpointForm::Url {
            return;
        }
        let to = match reference.resolution {
            Resolution::Service { target, .. } => NodeRef::Service(target),
            Resolution::DockerHost => {
                self.has_host = true;
                NodeRef::Host
            }
            Resolution::Address if endpoint.is_loopback() => {
                self.other(OtherKind::Loopback, &endpoint.host)
            }
            Resolution::Unknown => self.other(OtherKind::Unknown, &endpoint.host),
            Resolution::Address | Resolution::ExtraHost(_) | Resolution::Qualified => {
                self.other(OtherKind::External, &endpoint.host)
            }
        };
        let variable = reference.name().to_string();
        let port = reference.port();
        let label = match port {
            Some(port) => format!("{variable} :{port}"),
            None => variable.clone(),
        };
        let mut spans = vec![reference.host_span];
        spans.extend(reference.port_span);
        self.edges.push(Edge {
            kind: EdgeKind::Reference,
            from: NodeRef::Service(reference.service),
            to,
            label,
            condition: None,
            healthy: false,
            variable: Some(variable),
            port,
            marks: Vec::new(),
            owner: reference.service,
            spans,
            via: reference.via().into_iter().collect(),
        });
    }

    fn add_published(&mut self, graph: &ProjectGraph<'_>, id: usize) {
        for published in &graph.services[id].published {
            self.has_host = true;
            let view = PublishedView::of(published);
            self.edges.push(Edge {
                kind: EdgeKind::Published,
                from: NodeRef::Host,
                to: NodeRef::Service(id),
                label: view.label(),
                condition: None,
                healthy: false,
                variable: None,
                port: None,
                marks: Vec::new(),
                owner: id,
                spans: vec![published.span, published.published_span],
                via: Vec::new(),
            });
        }
    }

    fn service_or_missing(&mut self, graph: &ProjectGraph<'_>, name: &str) -> NodeRef {
        match graph.service_id(name) {
            Some(id) => NodeRef::Service(id),
            None => self.other(OtherKind::Missing, name),
        }
    }

    /// The node for a host outside the project, made once per kind and name.
    fn other(&mut self, kind: OtherKind, name: &str) -> NodeRef {
        if let Some(index) = self
            .others
            .iter()
            .position(|o| o.kind == kind && o.name == name)
        {
            return NodeRef::Other(index);
        }
        self.others.push(OtherNode {
            kind,
            name: name.to_string(),
        });
        NodeRef::Other(self.others.len() - 1)
    }

    /// The rule names of the findings in `marks`, each once, in finding order.
    pub fn rules_of(&self, marks: &[usize]) -> Vec<&'static str> {
        let mut rules: Vec<&'static str> = Vec::new();
        for &m in marks {
            if let Some(f) = self.findings.get(m) {
                if !rules.contains(&f.rule) {
                    rules.push(f.rule);
                }
            }
        }
        rules
    }

    /// Findings on no element.
    pub fn loose_findings(&self) -> Vec<usize> {
        (0..self.findings.len())
            .filter(|&i| self.findings[i].element == Element::Project)
            .collect()
    }

    /// Services drawn in `place`, in file order.
    pub fn services_in(&self, place: Place) -> Vec<usize> {
        (0..self.services.len())
            .filter(|&i| self.services[i].place == place)
            .collect()
    }

    /// For each service, the networks it joins besides the one it is drawn in:
    /// `(service, network)` pairs, drawn as dotted membership lines.
    pub fn extra_memberships(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (id, service) in self.services.iter().enumerate() {
            for &network in &service.networks {
                if service.place != Place::Network(network) {
                    out.push((id, network));
                }
            }
        }
        out
    }

    /// The text of a service's node, before its findings: name, image, a
    /// `network_mode` lashing does not draw, and the networks it joins besides the
    /// group it is drawn in.
    pub fn service_lines(&self, s: usize) -> Vec<String> {
        let view = &self.services[s];
        let mut lines = vec![view.name.clone()];
        lines.extend(view.image.clone());
        if let NamespaceView::Opaque(mode) = &view.namespace {
            lines.push(format!("network_mode: {mode}"));
        }
        let also: Vec<&str> = view
            .networks
            .iter()
            .filter(|&&n| view.place != Place::Network(n))
            .map(|&n| self.networks[n].name.as_str())
            .collect();
        if !also.is_empty() {
            lines.push(format!("also on: {}", also.join(", ")));
        }
        lines
    }

    /// The tooltip text of an element's findings: `rule: message` per line.
    pub fn messages_of(&self, marks: &[usize]) -> Vec<String> {
        marks
            .iter()
            .filter_map(|&m| self.findings.get(m))
            .map(|f| format!("{}: {}", f.rule, f.message))
            .collect()
    }
}
