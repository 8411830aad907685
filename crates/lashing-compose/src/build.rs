//! YAML tree -> [`ComposeFile`]: the top level and the resource declarations.

use lashing_syntax::yaml::{is_merge_key, MergeError, NodeId, NodeKind, YamlFile};
use lashing_syntax::FileId;

use crate::model::{ComposeFile, Resource};
use crate::reader::Reader;
use crate::service::build_service;

/// The model of one parsed file, and the merge-key errors met while reading it.
#[derive(Debug, Default)]
pub struct BuiltFile {
    pub model: ComposeFile,
    pub merge_errors: Vec<MergeError>,
}

/// Builds the model from the first document that has content. (Compose merges
/// several `---` documents like override files; that comes with multi-file loading,
/// and until then later documents are not linted.)
pub fn build_compose_file(file: FileId, yaml: &YamlFile) -> BuiltFile {
    let mut model = ComposeFile {
        file,
        ..ComposeFile::default()
    };
    let has_content =
        |d: &&lashing_syntax::yaml::Document| d.root.is_some_and(|r| !d.node(r).is_null());
    let Some(doc) = yaml.documents.iter().find(has_content) else {
        return BuiltFile {
            model,
            merge_errors: Vec::new(),
        };
    };
    let Some(root) = doc.root else {
        return BuiltFile::default();
    };
    let mut reader = Reader::new(doc);
    read_top_level(&mut reader, root, &mut model);
    // Compose decodes the whole document, so a broken merge anywhere (even in an
    // `x-` block no service uses) refuses the file. Resolving every merging mapping
    // is cheap: results are memoised and the model already resolved most of them.
    for id in doc.node_ids() {
        let has_merge = doc
            .mapping(id)
            .is_some_and(|entries| entries.iter().any(|e| is_merge_key(doc, e.key)));
        if has_merge && !matches!(doc.node(id).kind, NodeKind::Alias { .. }) {
            reader.merges().entries(id);
        }
    }
    BuiltFile {
        model,
        merge_errors: reader.merges().take_errors(),
    }
}

fn read_top_level(reader: &mut Reader<'_>, root: NodeId, model: &mut ComposeFile) {
    for field in reader.fields(root, None) {
        match field.key {
            "version" => {
                model.version = Some((field.key_span, reader.string(field.value, field.via)));
            }
            "name" => model.name = reader.string(field.value, field.via),
            "services" => {
                for service in reader.fields(field.value, field.via) {
                    if let Some(s) = build_service(reader, &service) {
                        model.services.push(s);
                    }
                }
            }
            "networks" => model.networks = resources(reader, field.value, field.via),
            "volumes" => model.volumes = resources(reader, field.value, field.via),
            "secrets" => model.secrets = resources(reader, field.value, field.via),
            "configs" => model.configs = resources(reader, field.value, field.via),
            key if key.starts_with("x-") => model.extensions.push(field.name()),
            _ => {}
        }
    }
}

fn resources(
    reader: &mut Reader<'_>,
    id: NodeId,
    via: Option<lashing_syntax::Span>,
) -> Vec<Resource> {
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
