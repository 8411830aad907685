//! Loaded tree -> [`ComposeFile`]: the top level and the resource declarations.

use lashing_syntax::yaml::YamlFile;
use lashing_syntax::FileId;

use crate::model::{ComposeFile, Resource};
use crate::reader::{Field, Reader};
use crate::service::build_service;
use crate::tree::{from_document, Node, TreeError, Value};

/// The model of one parsed file, and what stood in the way of reading all of it.
#[derive(Debug, Default)]
pub struct BuiltFile {
    pub model: ComposeFile,
    pub tree_errors: Vec<TreeError>,
}

/// Builds the model of a single file read on its own, from the first document that
/// has content, with no interpolation environment. Projects are loaded by
/// `crate::load`; this serves tests and tools that look at one file's text.
pub fn build_compose_file(file: FileId, yaml: &YamlFile) -> BuiltFile {
    let Some((tree, tree_errors)) = first_tree(yaml) else {
        return BuiltFile {
            model: ComposeFile {
                file,
                ..ComposeFile::default()
            },
            tree_errors: Vec::new(),
        };
    };
    BuiltFile {
        model: build_model(file, tree),
        tree_errors,
    }
}

/// The tree of the first document with content.
fn first_tree(yaml: &YamlFile) -> Option<(Node, Vec<TreeError>)> {
    let doc = yaml
        .documents
        .iter()
        .find(|d| d.root.is_some_and(|r| !d.node(r).is_null()))?;
    let (tree, errors) = from_document(doc);
    Some((tree?, errors))
}

/// Reads a loaded (interpolated, merged) tree into the model. `file` is the
/// project's main file. The tree is consumed: each service's part of it is freed
/// as soon as the service is read, so the tree and the model are never both whole
/// in memory (for a file of thousands of services, each is tens of megabytes).
pub fn build_model(file: FileId, mut root: Node) -> ComposeFile {
    let mut model = ComposeFile {
        file,
        ..ComposeFile::default()
    };
    let reader = &mut Reader;
    let Some(entries) = root.as_mapping_mut() else {
        return model;
    };
    for entry in entries.iter_mut() {
        if entry.key.text == "services" {
            // Out of the tree, to be consumed service by service.
            let empty = Node {
                span: entry.value.span,
                via: None,
                tag: None,
                value: Value::Sequence(Vec::new()),
            };
            let services = std::mem::replace(&mut entry.value, empty);
            read_services(reader, services, &mut model);
            continue;
        }
        let field = Field::of(entry);
        match field.key {
            "version" => {
                model.version = Some((field.key_span, reader.string(field.value, field.via)));
            }
            "name" => model.name = reader.string(field.value, field.via),
            "networks" => model.networks = resources(reader, field.value, field.via),
            "volumes" => model.volumes = resources(reader, field.value, field.via),
            "secrets" => model.secrets = resources(reader, field.value, field.via),
            "configs" => model.configs = resources(reader, field.value, field.via),
            key if key.starts_with("x-") => model.extensions.push(field.name()),
            _ => {}
        }
    }
    model
}

fn read_services(reader: &mut Reader, services: Node, model: &mut ComposeFile) {
    let Value::Mapping(entries) = services.value else {
        return;
    };
    // A service is large; reserving once avoids copying them all as the list
    // doubles (the 15,000-service benchmark file).
    model.services.reserve(entries.len());
    for entry in entries {
        if let Some(service) = build_service(reader, &Field::of(&entry)) {
            model.services.push(service);
        }
        // `entry` (the service's subtree) is freed here.
    }
}

fn resources(reader: &mut Reader, id: &Node, via: Option<lashing_syntax::Span>) -> Vec<Resource> {
    let mut out = Vec::new();
    for entry in reader.fields(id, via) {
        let mut resource = Resource {
            name: entry.name(),
            external: false,
            internal: false,
            driver: None,
            engine_name: None,
        };
        for f in reader.fields(entry.value, entry.via) {
            match f.key {
                // `external: true`, or the deprecated `external: {name: x}`.
                "external" => {
                    resource.external = reader.bool(f.value).unwrap_or(reader.is_mapping(f.value))
                }
                "internal" => resource.internal = reader.bool(f.value).unwrap_or(false),
                "driver" => resource.driver = reader.string(f.value, f.via),
                "name" => resource.engine_name = reader.string(f.value, f.via),
                _ => {}
            }
        }
        out.push(resource);
    }
    out
}
