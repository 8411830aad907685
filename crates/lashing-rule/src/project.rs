//! What rules look at: the files of a project and its Compose model.

use lashing_compose::tree::{InterpolationIssue, SubstitutionSite, TreeError};
use lashing_compose::ComposeFile;
use lashing_syntax::yaml::YamlFile;
use lashing_syntax::{FileId, ReadError, SourceFile, Span};

use crate::ProjectEnv;

/// What a file is to the project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileRole {
    /// A compose file: the main one, an override, an `extends` or `include` target.
    Compose,
    /// An env file (`.env`, `--env-file`, `env_file:`): findings may point into it.
    Env,
}

/// One file as read and parsed: its text, and what stood in the way of reading it.
#[derive(Debug)]
pub struct LoadedFile {
    pub source: SourceFile,
    /// Where the file really is (links resolved), when it was read from disk: the
    /// same file reached by two names, or by two projects, is one file.
    pub real_path: Option<std::path::PathBuf>,
    pub role: FileRole,
    pub read_error: Option<ReadError>,
    pub yaml: YamlFile,
    pub tree_errors: Vec<TreeError>,
}

/// One compose document as Compose reads it before merging: interpolated, with
/// anchors and merge keys applied. The schema is checked on each as it is loaded,
/// so each violation points into the file that has it; the tree itself is not kept
/// (it would be a second copy of the whole project next to the merged one).
#[derive(Debug)]
pub struct LoadedDocument {
    pub file: FileId,
    pub violations: Vec<SchemaProblem>,
}

/// Where a document breaks the Compose Specification (`lashing-schema`'s verdict).
#[derive(Debug, Clone)]
pub struct SchemaProblem {
    pub span: Span,
    pub message: String,
    pub help: Option<String>,
}

/// A problem met while assembling the project.
#[derive(Debug, Clone)]
pub enum LoadProblem {
    /// `${...}` that Compose cannot read, or that needs a variable that is unset.
    Interpolation(InterpolationIssue),
    /// An `include`, `extends` or env file that cannot be followed: missing, outside
    /// the repository, a cycle, an unknown service.
    Reference {
        span: Span,
        message: String,
        help: String,
    },
}

/// A project: its files and the Compose model they make together (the main file,
/// its overrides, what `extends` and `include` bring in, the env files).
#[derive(Debug)]
pub struct Project {
    /// Every file read; `FileId(i)` is `files[i]`.
    pub files: Vec<LoadedFile>,
    pub documents: Vec<LoadedDocument>,
    pub model: ComposeFile,
    /// `.env` and `env_file` contents, when the project was read from a folder.
    pub env: ProjectEnv,
    pub problems: Vec<LoadProblem>,
    /// Every `${...}` that was evaluated, with what it gave (to say where a value
    /// in a finding came from).
    pub substitutions: Vec<SubstitutionSite>,
}

impl Project {
    /// The main compose file.
    pub fn main_file(&self) -> Option<&LoadedFile> {
        self.files.first()
    }

    pub fn file(&self, id: FileId) -> Option<&LoadedFile> {
        self.files.get(id.0 as usize)
    }

    /// The substitution that produced the text at `span`, if any. `substitutions`
    /// is sorted by position (the loader sorts it), so this is a binary search.
    pub fn substitution_at(&self, span: Span) -> Option<&SubstitutionSite> {
        let key = (span.file, span.start);
        let after = self
            .substitutions
            .partition_point(|s| (s.span.file, s.span.start) <= key);
        // Sites nest only inside defaults, a few deep: look back a little.
        self.substitutions[..after]
            .iter()
            .rev()
            .take(8)
            .find(|s| s.span.file == span.file && span.end <= s.span.end)
    }
}
