//! What rules look at: the files of a project and its Compose model.

use lashing_compose::{BuiltFile, ComposeFile};
use lashing_syntax::yaml::{MergeError, YamlFile};
use lashing_syntax::{ReadError, SourceFile};

use crate::ProjectEnv;

/// One file as read and parsed: its text, and what stood in the way of reading it.
#[derive(Debug)]
pub struct LoadedFile {
    pub source: SourceFile,
    pub read_error: Option<ReadError>,
    pub yaml: YamlFile,
    pub merge_errors: Vec<MergeError>,
}

/// A project: its files and the Compose model they make together. (Today one file
/// is one project; override files, `extends` and `include` will add files here.)
#[derive(Debug)]
pub struct Project {
    pub files: Vec<LoadedFile>,
    pub model: ComposeFile,
    /// `.env` and `env_file` contents, when the project was read from a folder.
    pub env: ProjectEnv,
}

impl Project {
    /// Reads one file's bytes into a project: decode, parse, build the model. A file
    /// that cannot be decoded or parsed keeps an empty model, so no rule reasons about
    /// a half-read file; the syntax rule reports why.
    pub fn from_bytes(source: SourceFile, read_error: Option<ReadError>) -> Project {
        let (yaml, built) = if read_error.is_some() {
            (YamlFile::default(), BuiltFile::default())
        } else {
            let yaml = lashing_syntax::yaml::parse(source.id, &source.text);
            let built = if yaml.error.is_some() {
                BuiltFile::default()
            } else {
                lashing_compose::build_compose_file(source.id, &yaml)
            };
            (yaml, built)
        };
        let mut model = built.model;
        model.file = source.id;
        Project {
            files: vec![LoadedFile {
                source,
                read_error,
                yaml,
                merge_errors: built.merge_errors,
            }],
            model,
            env: ProjectEnv::default(),
        }
    }
}
