//! `extends` (compose-go `loader/extends.go`): a service starts from another
//! service's definition, in the same file or in `file:` (relative to the file that
//! holds the `extends`), recursively; its own attributes are merged over the base
//! with the override rules. Values that come from the base are reported at the
//! `extends` of the service that uses them, with "defined here" at the base.

use std::collections::HashMap;
use std::rc::Rc;

use lashing_compose::merge::merge_service;
use lashing_compose::tree::Node;
use lashing_rule::Variable;
use lashing_syntax::Span;

use super::{files, Loader};

/// Longest `extends` chain followed (compose-go sets none; real chains are a few
/// services long). Past it the service is taken as written, with a finding.
pub const MAX_EXTENDS_DEPTH: usize = 64;

/// What resolving one document's `extends` carries from service to service.
struct Resolution<'v> {
    /// The document's interpolation variables (base files are read with them).
    variables: &'v HashMap<String, Variable>,
    /// The services being resolved, outermost first, by file index: for cycles
    /// and the depth limit.
    chain: Vec<(usize, String)>,
    /// The `services` of each base file read, interpolated once (keyed by the
    /// loader's file index): many services extend the same file.
    base_files: HashMap<usize, Rc<Services>>,
    /// Whether the depth limit was reported: one long chain is one finding, not
    /// one per service along it.
    too_deep: bool,
}

/// A `services` mapping with its names indexed: thousands of services extending
/// one base must not each search the whole list.
struct Services {
    node: Node,
    /// Name -> position in the mapping; the first of duplicate names wins, as in
    /// [`Node::get`].
    positions: HashMap<String, usize>,
}

impl Services {
    fn new(node: Node) -> Services {
        let mut positions = HashMap::new();
        for (i, entry) in node.as_mapping().unwrap_or(&[]).iter().enumerate() {
            positions.entry(entry.key.text.clone()).or_insert(i);
        }
        Services { node, positions }
    }

    fn get(&self, name: &str) -> Option<&Node> {
        let i = *self.positions.get(name)?;
        self.node.as_mapping()?.get(i).map(|e| &e.value)
    }
}

/// `extends: base` or `extends: {service: base, file: other.yaml}`.
struct Reference {
    /// The `extends` key of the service (the use site of inherited values).
    key: Span,
    service: String,
    service_span: Span,
    file: Option<(String, Span)>,
}

impl Loader<'_> {
    /// Resolves `extends` of every service of one document (`index` is its file).
    pub(super) fn resolve_extends(
        &mut self,
        tree: &mut Node,
        index: usize,
        variables: &HashMap<String, Variable>,
    ) {
        // Most files use no `extends`: find the names before copying anything.
        let names: Vec<(usize, String)> = tree
            .get("services")
            .and_then(Node::as_mapping)
            .unwrap_or(&[])
            .iter()
            .enumerate()
            .filter(|(_, e)| e.value.get("extends").is_some())
            .map(|(i, e)| (i, e.key.text.clone()))
            .collect();
        if names.is_empty() {
            return;
        }
        // Bases are read from the file as written, not as resolved so far.
        let Some(services) = tree.get("services").cloned() else {
            return;
        };
        let services = Services::new(services);
        let mut resolution = Resolution {
            variables,
            chain: Vec::new(),
            base_files: HashMap::new(),
            too_deep: false,
        };
        let Some(entries) = tree.get_mut("services").and_then(Node::as_mapping_mut) else {
            return;
        };
        for (position, name) in names {
            let Some(resolved) = self.extended(&services, index, &name, &mut resolution) else {
                continue;
            };
            if let Some(entry) = entries.get_mut(position) {
                entry.value = resolved;
            }
        }
    }

    /// The definition of `name` in `services` (of file `index`) with its `extends`
    /// chain applied.
    fn extended(
        &mut self,
        services: &Services,
        index: usize,
        name: &str,
        resolution: &mut Resolution<'_>,
    ) -> Option<Node> {
        let service = services.get(name)?.clone();
        let Some(reference) = reference(&service) else {
            return Some(service);
        };
        if resolution.chain.len() >= MAX_EXTENDS_DEPTH {
            if std::mem::replace(&mut resolution.too_deep, true) {
                return Some(service);
            }
            self.refer(
                reference.service_span,
                format!(
                    "`extends` chain is more than {MAX_EXTENDS_DEPTH} services deep; \
                     lashing stops following it here"
                ),
                "extend the common base directly instead of through a long chain",
            );
            return Some(service);
        }
        if resolution
            .chain
            .iter()
            .any(|(i, n)| *i == index && n == name)
        {
            let path: Vec<&str> = resolution.chain.iter().map(|(_, n)| n.as_str()).collect();
            self.refer(
                reference.service_span,
                format!("circular `extends`: {} -> {name}", path.join(" -> ")),
                "break the cycle: a service cannot extend itself through others",
            );
            return Some(service);
        }
        resolution.chain.push((index, name.to_string()));
        let base = match &reference.file {
            // A missing base in the same file is `undefined-dependency`'s finding.
            None => self.extended(services, index, &reference.service, resolution),
            Some((written, span)) => {
                self.extended_from_file(&reference, index, written, *span, resolution)
            }
        };
        resolution.chain.pop();
        let Some(mut base) = base else {
            return Some(service);
        };
        base.set_use_site(reference.key);
        Some(merge_service(base, service))
    }

    fn extended_from_file(
        &mut self,
        reference: &Reference,
        index: usize,
        written: &str,
        span: Span,
        resolution: &mut Resolution<'_>,
    ) -> Option<Node> {
        let dir = self.compose.get(index)?.dir.clone();
        let other = self.read_compose(&files::join(&dir, written), Some(span), false)?;
        let services = match resolution.base_files.get(&other) {
            Some(services) => Rc::clone(services),
            None => {
                let documents = self.interpolated(other, resolution.variables);
                let services = documents.first().and_then(|d| d.get("services")).cloned();
                let services =
                    Rc::new(Services::new(services.unwrap_or_else(|| {
                        Node::mapping(reference.service_span, Vec::new())
                    })));
                resolution.base_files.insert(other, Rc::clone(&services));
                services
            }
        };
        match services.get(&reference.service) {
            Some(_) => self.extended(&services, other, &reference.service, resolution),
            _ => {
                self.refer(
                    reference.service_span,
                    format!(
                        "cannot extend service `{}`: `{written}` defines no such service",
                        reference.service
                    ),
                    "name a service defined in that file",
                );
                None
            }
        }
    }
}

fn reference(service: &Node) -> Option<Reference> {
    let entry = service.entry("extends")?;
    let value = &entry.value;
    if let Some(name) = value.as_str() {
        return Some(Reference {
            key: entry.key.span,
            service: name.to_string(),
            service_span: value.span,
            file: None,
        });
    }
    let target = value.get("service")?;
    Some(Reference {
        key: entry.key.span,
        service: target.as_str()?.to_string(),
        service_span: target.span,
        file: value
            .get("file")
            .and_then(|f| Some((f.as_str()?.to_string(), f.span))),
    })
}
