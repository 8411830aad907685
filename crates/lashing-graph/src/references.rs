//! URL-like references in environment values: who calls whom, on which port.

use lashing_compose::EnvVar;
use lashing_syntax::Span;

use crate::endpoint::{endpoints, Endpoint};
use crate::graph::{ProjectGraph, ServiceId};
use crate::names::Resolution;

/// One endpoint named in one environment value of one service.
#[derive(Debug, Clone)]
pub struct Reference<'m> {
    pub service: ServiceId,
    pub variable: &'m EnvVar,
    pub endpoint: Endpoint,
    /// The host inside the authored scalar (the whole value when the text is not
    /// verbatim in the file, e.g. a block scalar).
    pub host_span: Span,
    pub port_span: Option<Span>,
    /// What the host means to the service (computed once, for every rule).
    pub resolution: Resolution,
}

impl Reference<'_> {
    pub fn name(&self) -> &str {
        self.variable.name.as_str()
    }

    /// The port the connection goes to: written, or the scheme's default.
    pub fn port(&self) -> Option<u16> {
        self.endpoint.default_port()
    }

    /// Where to report a problem that depends on the service using the value: the
    /// `*alias` / `<<: *anchor` when it came through one, else the host.
    pub fn use_site(&self) -> Span {
        self.via().unwrap_or(self.host_span)
    }

    /// The alias or merge key the value came through, if any.
    pub fn via(&self) -> Option<Span> {
        self.variable.value.as_ref().and_then(|v| v.via)
    }
}

pub(crate) fn collect_references<'m>(graph: &ProjectGraph<'m>) -> Vec<Reference<'m>> {
    let mut references = Vec::new();
    for (id, node) in graph.services.iter().enumerate() {
        for variable in &node.service.environment {
            let Some(value) = &variable.value else {
                continue;
            };
            for endpoint in endpoints(variable.name.as_str(), value.as_str()) {
                let host_span = value.sub_span(endpoint.host_range.clone());
                let port_span = endpoint.port_range.clone().map(|r| value.sub_span(r));
                let resolution = if endpoint.is_loopback() {
                    Resolution::Address
                } else {
                    graph.resolve(id, &endpoint.host)
                };
                references.push(Reference {
                    service: id,
                    variable,
                    endpoint,
                    host_span,
                    port_span,
                    resolution,
                });
            }
        }
    }
    references
}
