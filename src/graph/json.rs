//! `--format json`: the picture as data (the object documented in docs/graph.md,
//! version 1).

use serde::Serialize;

use super::picture::{Element, NamespaceView, NodeRef, OtherKind, ProjectPicture};

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    projects: Vec<Project<'a>>,
}

#[derive(Serialize)]
struct Project<'a> {
    path: &'a str,
    services: Vec<Service<'a>>,
    networks: Vec<Network<'a>>,
    edges: Vec<Edge<'a>>,
    findings: Vec<Finding<'a>>,
}

#[derive(Serialize)]
struct Service<'a> {
    name: &'a str,
    image: Option<&'a str>,
    networks: Vec<&'a str>,
    namespace: &'static str,
    network_mode: Option<String>,
    data_service: Option<&'static str>,
    published: Vec<Published<'a>>,
    findings: Vec<&'static str>,
}

#[derive(Serialize)]
struct Published<'a> {
    host_ip: Option<&'a str>,
    published: &'a str,
    target: &'a str,
    protocol: &'static str,
}

#[derive(Serialize)]
struct Network<'a> {
    name: &'a str,
    declared: bool,
    internal: bool,
    external: bool,
    members: Vec<&'a str>,
    findings: Vec<&'static str>,
}

#[derive(Serialize)]
struct Edge<'a> {
    kind: &'static str,
    from: &'a str,
    from_kind: &'static str,
    to: &'a str,
    to_kind: &'static str,
    label: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    condition: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    variable: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    port: Option<u16>,
    findings: Vec<&'static str>,
}

#[derive(Serialize)]
struct Finding<'a> {
    rule: &'static str,
    code: &'static str,
    severity: &'static str,
    message: &'a str,
    line: u32,
    column: u32,
    service: Option<&'a str>,
    element: Option<ElementRef>,
}

#[derive(Serialize)]
struct ElementRef {
    kind: &'static str,
    index: usize,
}

pub(crate) fn render(pictures: &[ProjectPicture]) -> String {
    let output = Output {
        version: 1,
        projects: pictures.iter().map(project).collect(),
    };
    // Serialising plain structs of strings and numbers cannot fail.
    let mut text = serde_json::to_string_pretty(&output).unwrap_or_default();
    text.push('\n');
    text
}

fn project(picture: &ProjectPicture) -> Project<'_> {
    let services = picture
        .services
        .iter()
        .map(|s| Service {
            name: &s.name,
            image: s.image.as_deref(),
            networks: s
                .networks
                .iter()
                .map(|&n| picture.networks[n].name.as_str())
                .collect(),
            namespace: match s.namespace {
                NamespaceView::Own => "own",
                NamespaceView::Host => "host",
                NamespaceView::None => "none",
                NamespaceView::SharedWith(_) => "service",
                NamespaceView::Opaque(_) => "other",
            },
            network_mode: match &s.namespace {
                NamespaceView::Own => None,
                NamespaceView::Host => Some("host".to_string()),
                NamespaceView::None => Some("none".to_string()),
                NamespaceView::SharedWith(owner) => {
                    Some(format!("service:{}", picture.services[*owner].name))
                }
                NamespaceView::Opaque(mode) => Some(mode.clone()),
            },
            data_service: s.data_service,
            published: s
                .published
                .iter()
                .map(|p| Published {
                    host_ip: p.host_ip.as_deref(),
                    published: &p.published,
                    target: &p.target,
                    protocol: p.protocol,
                })
                .collect(),
            findings: picture.rules_of(&s.marks),
        })
        .collect();
    let networks = picture
        .networks
        .iter()
        .map(|n| Network {
            name: &n.name,
            declared: n.declared,
            internal: n.internal,
            external: n.external,
            members: n
                .members
                .iter()
                .map(|&m| picture.services[m].name.as_str())
                .collect(),
            findings: picture.rules_of(&n.marks),
        })
        .collect();
    let edges = picture
        .edges
        .iter()
        .map(|e| {
            let (from, from_kind) = node(picture, e.from);
            let (to, to_kind) = node(picture, e.to);
            Edge {
                kind: e.kind.as_str(),
                from,
                from_kind,
                to,
                to_kind,
                label: &e.label,
                condition: e.condition.as_deref(),
                variable: e.variable.as_deref(),
                port: e.port,
                findings: picture.rules_of(&e.marks),
            }
        })
        .collect();
    let findings = picture
        .findings
        .iter()
        .map(|f| Finding {
            rule: f.rule,
            code: f.code,
            severity: f.severity.as_str(),
            message: &f.message,
            line: f.line,
            column: f.column,
            service: f.service.as_deref(),
            element: match f.element {
                Element::Edge(index) => Some(ElementRef {
                    kind: "edge",
                    index,
                }),
                Element::Service(index) => Some(ElementRef {
                    kind: "service",
                    index,
                }),
                Element::Network(index) => Some(ElementRef {
                    kind: "network",
                    index,
                }),
                Element::Project => None,
            },
        })
        .collect();
    Project {
        path: &picture.path,
        services,
        networks,
        edges,
        findings,
    }
}

/// An edge end's name and kind: `service`, `host`, or the kind of an outside host
/// (`loopback`, `unknown`, `external`, `missing`).
fn node(picture: &ProjectPicture, node: NodeRef) -> (&str, &'static str) {
    match node {
        NodeRef::Service(i) => (&picture.services[i].name, "service"),
        NodeRef::Host => ("host", "host"),
        NodeRef::Other(i) => {
            let other = &picture.others[i];
            let kind: OtherKind = other.kind;
            (&other.name, kind.as_str())
        }
    }
}
