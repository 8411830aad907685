//! Loading a project the way `docker compose` does (compose-go `loader/loader.go`):
//! for each file and each `---` document, parse, interpolate, follow `include`,
//! resolve `extends`, merge over what came before; then apply profiles and read
//! the result into the model.
//!
//! Every file read becomes a project file with its own `FileId`, so a value that
//! an override, an `extends` base or an included file contributed still points
//! into that file. Files are read only inside the repository (see
//! [`files::check_inside`]); a reference that would leave it, a missing file and a
//! cycle are [`LoadProblem::Reference`]s, not reads.

mod env;
mod extends;
mod files;
mod include;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use lashing_compose::merge::{merge_files, strip_tags};
use lashing_compose::tree::{from_document, interpolate_tree, Node, TreeError, Value};
use lashing_compose::{build_model, ComposeFile};
use lashing_rule::{
    EnvSource, FileRole, LoadProblem, LoadedDocument, LoadedFile, Project, ProjectEnv,
    SchemaProblem, Variable,
};
use lashing_syntax::yaml::Comments;
use lashing_syntax::yaml::YamlFile;
use lashing_syntax::{FileId, SourceFile, Span};

use crate::discovery::display_path;
pub use extends::MAX_EXTENDS_DEPTH;
pub(crate) use files::read_capped;
pub use files::{repository_root, MAX_ENV_FILE_SIZE};
pub use include::MAX_INCLUDE_DEPTH;

/// How a project is loaded: the command-line options that change what Compose sees.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// `--env-file`: replace the project folder's `.env`; later files win.
    pub env_files: Vec<PathBuf>,
    /// `--use-env`: read the process environment (it wins over env files).
    pub use_env: bool,
    /// `--profile`: only these profiles' services (and those with none); empty:
    /// every service.
    pub profiles: Vec<String>,
}

/// Where the loader may read from.
pub(crate) struct Disk<'a> {
    /// The canonical repository root: nothing outside it is read.
    pub root: PathBuf,
    /// For display paths.
    pub cwd: &'a Path,
}

/// One compose file read and parsed, with its documents' trees before
/// interpolation (each use interpolates with its own project's variables).
struct ComposeSource {
    id: FileId,
    dir: PathBuf,
    /// Its documents' trees until the first use takes them.
    trees: Option<Vec<Node>>,
    /// Whether its documents were already recorded for the schema rule.
    recorded: bool,
}

pub(crate) struct Loader<'a> {
    disk: Option<Disk<'a>>,
    files: Vec<LoadedFile>,
    documents: Vec<LoadedDocument>,
    problems: Vec<LoadProblem>,
    substitutions: Vec<lashing_compose::tree::SubstitutionSite>,
    compose: Vec<ComposeSource>,
    by_path: HashMap<PathBuf, usize>,
}

/// Loads the project made of `paths` (the base file first, then overrides, as
/// `docker compose -f a -f b`). The first file must exist; `cwd` is for display.
pub fn load_paths(paths: &[PathBuf], options: &LoadOptions, cwd: &Path) -> Project {
    let first = paths.first().cloned().unwrap_or_default();
    let root = repository_root(&first, cwd);
    let mut loader = Loader::new(Some(Disk { root, cwd }));
    let dir = parent_dir(&first);
    // The main file first, so that it is `FileId(0)` (the model's file).
    loader.read_compose(&first, None, true);
    let project_env = loader.project_env(&dir, options);
    let mut merged: Option<Node> = None;
    for path in paths {
        // Files named by the user are read whatever their place (they define the
        // repository); only what they refer to is held to it.
        let Some(index) = loader.read_compose(path, None, true) else {
            continue;
        };
        loader.merge_file(index, &project_env.variables, &mut merged);
    }
    loader.finish(merged, project_env, options)
}

/// Loads a project from one file's text with no folder around it (stdin, tests):
/// nothing else is read and no variable is set.
pub fn load_text(source: SourceFile, read_error: Option<lashing_syntax::ReadError>) -> Project {
    let mut loader = Loader::new(None);
    let index = loader.add_compose(source, read_error, PathBuf::new(), None);
    let mut merged = None;
    loader.merge_file(index, &HashMap::new(), &mut merged);
    loader.finish(merged, ProjectEnv::default(), &LoadOptions::default())
}

/// The compose trees of a file's documents (empty documents skipped), and what
/// stopped their expansion. A file with a syntax error gives none: no rule
/// reasons about a half-read file; the syntax rule says why.
fn trees_of(yaml: &YamlFile) -> (Vec<Node>, Vec<TreeError>) {
    let mut trees = Vec::new();
    let mut tree_errors = Vec::new();
    if yaml.error.is_none() {
        for doc in &yaml.documents {
            if doc.root.is_none_or(|r| doc.node(r).is_null()) {
                continue;
            }
            let (tree, mut errors) = from_document(doc);
            tree_errors.append(&mut errors);
            trees.extend(tree);
        }
    }
    (trees, tree_errors)
}

/// The schema's verdict on one interpolated document, kept in place of the tree.
fn schema_problems(tree: &Node) -> Vec<SchemaProblem> {
    lashing_schema::validate(tree)
        .into_iter()
        .map(|v| SchemaProblem {
            span: v.span,
            message: v.message,
            help: v.help,
        })
        .collect()
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

impl<'a> Loader<'a> {
    fn new(disk: Option<Disk<'a>>) -> Self {
        Loader {
            disk,
            files: Vec::new(),
            documents: Vec::new(),
            problems: Vec::new(),
            substitutions: Vec::new(),
            compose: Vec::new(),
            by_path: HashMap::new(),
        }
    }

    fn next_id(&self) -> FileId {
        FileId(u32::try_from(self.files.len()).unwrap_or(u32::MAX))
    }

    fn display(&self, path: &Path) -> String {
        match &self.disk {
            Some(disk) => display_path(path, disk.cwd),
            None => path.display().to_string(),
        }
    }

    fn refer(&mut self, span: Span, message: String, help: &str) {
        self.problems.push(LoadProblem::Reference {
            span,
            message,
            help: help.to_string(),
        });
    }

    /// Reads and parses a compose file once; later references reuse it. `at` is
    /// the reference to report a refusal at; `trusted`: named by the user.
    fn read_compose(&mut self, path: &Path, at: Option<Span>, trusted: bool) -> Option<usize> {
        let disk = self.disk.as_ref()?;
        let canonical = if trusted {
            crate::folders::canonical_file(path).unwrap_or_else(|| path.to_path_buf())
        } else {
            match files::check_inside(path, &disk.root) {
                Ok(canonical) => canonical,
                Err(refused) => {
                    if let Some(span) = at {
                        let written = self.display(path);
                        self.refer(
                            span,
                            refused.describe(&written),
                            "point at a compose file inside this repository",
                        );
                    }
                    return None;
                }
            }
        };
        if let Some(&index) = self.by_path.get(&canonical) {
            return Some(index);
        }
        let limit = lashing_syntax::MAX_FILE_SIZE as u64;
        let id = self.next_id();
        let display = self.display(path);
        let (source, read_error) = match files::read_capped(&canonical, limit) {
            Ok(bytes) => SourceFile::from_bytes(id, path.to_path_buf(), display, bytes),
            Err(files::Refused::TooLarge(_)) => {
                let too_large = vec![b' '; lashing_syntax::MAX_FILE_SIZE + 1];
                SourceFile::from_bytes(id, path.to_path_buf(), display, too_large)
            }
            Err(refused) => {
                if let Some(span) = at {
                    let written = self.display(path);
                    self.refer(span, refused.describe(&written), "check the path");
                }
                return None;
            }
        };
        let real_path = Some(canonical.clone());
        let index = self.add_compose(source, read_error, parent_dir(path), real_path);
        self.by_path.insert(canonical, index);
        Some(index)
    }

    /// Adds a compose file's source: parse it and build its documents' trees.
    fn add_compose(
        &mut self,
        source: SourceFile,
        read_error: Option<lashing_syntax::ReadError>,
        dir: PathBuf,
        real_path: Option<PathBuf>,
    ) -> usize {
        let id = source.id;
        let yaml = if read_error.is_some() {
            YamlFile::default()
        } else {
            // Comments are read for suppression directives only, and each one
            // says `lashing:`; a file that never does keeps none.
            let comments = if source.text.contains(crate::suppression::MARKER) {
                Comments::All
            } else {
                Comments::None
            };
            lashing_syntax::yaml::parse_keeping(id, &source.text, comments)
        };
        let (trees, tree_errors) = trees_of(&yaml);
        // The trees are all the loader reads of the nodes, and the rules read the
        // file's errors, comments and ambiguous scalars: the node tree, a fifth of
        // a large run's memory, goes now.
        let mut yaml = yaml;
        yaml.free_documents();
        self.files.push(LoadedFile {
            source,
            real_path,
            role: FileRole::Compose,
            read_error,
            yaml,
            tree_errors,
        });
        self.compose.push(ComposeSource {
            id,
            dir,
            trees: Some(trees),
            recorded: false,
        });
        self.compose.len() - 1
    }

    /// The interpolated documents of a compose file. The first time a file is
    /// used its documents, substitutions and interpolation problems are recorded.
    fn interpolated(&mut self, index: usize, variables: &HashMap<String, Variable>) -> Vec<Node> {
        let lookup = |name: &str| variables.get(name).map(|v| v.value.clone());
        let Some(source) = self.compose.get_mut(index) else {
            return Vec::new();
        };
        let record = !source.recorded;
        source.recorded = true;
        // Most files are used once: their trees are taken, not copied. A file used
        // again (a base of `extends` or an `include` from two places) is parsed
        // again for new trees: its YAML tree was freed, and keeping every file's
        // trees for a second use that few files have would cost more.
        let trees = match source.trees.take() {
            Some(trees) => trees,
            None => {
                let file = self.files.get(source.id.0 as usize);
                file.map(|f| {
                    let yaml = lashing_syntax::yaml::parse_keeping(
                        f.source.id,
                        &f.source.text,
                        Comments::None,
                    );
                    trees_of(&yaml).0
                })
                .unwrap_or_default()
            }
        };
        let mut out = Vec::with_capacity(trees.len());
        for mut tree in trees {
            let mut issues = Vec::new();
            let mut sites = Vec::new();
            interpolate_tree(&mut tree, &lookup, &mut issues, &mut sites);
            if record {
                self.problems
                    .extend(issues.into_iter().map(LoadProblem::Interpolation));
                self.substitutions.append(&mut sites);
                self.documents.push(LoadedDocument {
                    file: source.id,
                    violations: schema_problems(&tree),
                });
            }
            out.push(tree);
        }
        out
    }

    /// Interpolates a file's documents, follows their `include` and `extends`, and
    /// merges each over `merged`.
    fn merge_file(
        &mut self,
        index: usize,
        variables: &HashMap<String, Variable>,
        merged: &mut Option<Node>,
    ) {
        self.merge_file_in(index, variables, merged, &mut vec![index]);
    }

    /// As `merge_file`, inside the includes of `stack`.
    fn merge_file_in(
        &mut self,
        index: usize,
        variables: &HashMap<String, Variable>,
        merged: &mut Option<Node>,
        stack: &mut Vec<usize>,
    ) {
        let dir = self
            .compose
            .get(index)
            .map(|c| c.dir.clone())
            .unwrap_or_default();
        for mut tree in self.interpolated(index, variables) {
            self.resolve_includes(&mut tree, &dir, variables, stack);
            self.resolve_extends(&mut tree, index, variables);
            match merged {
                None => {
                    strip_tags(&mut tree);
                    *merged = Some(tree);
                }
                Some(base) => merge_files(base, tree),
            }
        }
    }

    /// The environment of a project in `dir`; its interpolation variables: `--env-file`s, else the
    /// folder's `.env`; with `--use-env` the process environment, which wins.
    fn project_env(&mut self, dir: &Path, options: &LoadOptions) -> ProjectEnv {
        let mut variables = if options.use_env {
            env::process_variables()
        } else {
            HashMap::new()
        };
        let mut project_env = ProjectEnv::default();
        let paths: Vec<(PathBuf, bool)> = if options.env_files.is_empty() {
            vec![(dir.join(".env"), false)]
        } else {
            options
                .env_files
                .iter()
                .map(|p| (p.clone(), true))
                .collect()
        };
        // Later `--env-file`s win: fill from the last one first.
        for (path, explicit) in paths.iter().rev() {
            if !explicit && crate::folders::entry(path).is_none() {
                continue;
            }
            let Some(read) = self.read_env(path, *explicit, &variables) else {
                continue;
            };
            env::fill_from(&mut variables, &read.0, read.1.and_then(|i| self.source(i)));
            if project_env.dotenv.is_none() {
                project_env.dotenv = Some(read.0);
            }
        }
        project_env.variables = variables;
        project_env
    }

    fn source(&self, index: usize) -> Option<&SourceFile> {
        self.files.get(index).map(|f| &f.source)
    }

    /// Reads an env file into the project (as a file findings can point into).
    /// Returns its contents and its file index.
    fn read_env(
        &mut self,
        path: &Path,
        explicit: bool,
        outer: &HashMap<String, Variable>,
    ) -> Option<(EnvSource, Option<usize>)> {
        let disk = self.disk.as_ref()?;
        let display = self.display(path);
        let checked = if explicit {
            std::fs::canonicalize(path).map_err(|e| files::Refused::Missing(e.to_string()))
        } else {
            files::check_inside(path, &disk.root)
        };
        let read = checked.and_then(|p| {
            let bytes = files::read_capped(&p, files::MAX_ENV_FILE_SIZE)?;
            Ok((p, bytes))
        });
        let (real_path, bytes) = match read {
            Ok(read) => read,
            Err(refused) => {
                let read = env::unreadable(display.clone(), refused.describe(&display));
                return Some((read.env, None));
            }
        };
        let id = self.next_id();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let source = SourceFile::new(id, path.to_path_buf(), display, text);
        let lookup = |name: &str| outer.get(name).map(|v| v.value.clone());
        let read = env::parse_env_file(id, source, &lookup);
        let source = read.source?;
        self.files.push(LoadedFile {
            source,
            real_path: Some(real_path),
            role: FileRole::Env,
            read_error: None,
            yaml: YamlFile::default(),
            tree_errors: Vec::new(),
        });
        Some((read.env, Some(self.files.len() - 1)))
    }

    /// Applies profiles, reads service `env_file`s, and builds the model.
    fn finish(
        mut self,
        merged: Option<Node>,
        mut project_env: ProjectEnv,
        options: &LoadOptions,
    ) -> Project {
        let model = match merged {
            Some(mut tree) => {
                apply_profiles(&mut tree, &options.profiles);
                build_model(FileId(0), tree)
            }
            None => ComposeFile::default(),
        };
        project_env.env_files = self.service_env_files(&model);
        self.substitutions
            .sort_by_key(|s| (s.span.file, s.span.start, std::cmp::Reverse(s.span.end)));
        Project {
            files: self.files,
            documents: self.documents,
            model,
            env: project_env,
            problems: self.problems,
            substitutions: self.substitutions,
        }
    }

    /// Each service `env_file` (relative to the project folder), read if it is
    /// inside the repository. A required file that cannot be read is a problem.
    fn service_env_files(&mut self, model: &ComposeFile) -> HashMap<String, EnvSource> {
        let mut out = HashMap::new();
        if self.disk.is_none() {
            return out;
        }
        let dir = self
            .compose
            .first()
            .map(|c| c.dir.clone())
            .unwrap_or_default();
        for service in &model.services {
            for file in &service.env_file {
                let written = file.path.as_str();
                if out.contains_key(written) || written.contains('$') || written == "/dev/null" {
                    continue;
                }
                let path = files::join(&dir, written);
                let missing = crate::folders::entry(&path).is_none();
                if missing && !file.required {
                    continue;
                }
                let Some((source, index)) = self.read_env(&path, false, &HashMap::new()) else {
                    continue;
                };
                if index.is_none() {
                    if let Some(error) = &source.error {
                        self.refer(
                            file.path.span,
                            error.clone(),
                            "point `env_file` at a file inside this repository, or mark it `required: false`",
                        );
                    }
                }
                out.insert(written.to_string(), source);
            }
        }
        out
    }
}

/// Removes the services no selected profile enables (compose-go: a service with no
/// `profiles` is always on; `*` enables every profile). No selection: every service.
fn apply_profiles(tree: &mut Node, selected: &[String]) {
    if selected.is_empty() || selected.iter().any(|p| p == "*") {
        return;
    }
    let Some(services) = tree.get_mut("services").and_then(Node::as_mapping_mut) else {
        return;
    };
    services.retain(|entry| {
        let profiles: Vec<&str> = match entry.value.get("profiles").map(|p| &p.value) {
            Some(Value::Sequence(items)) => items.iter().filter_map(Node::as_str).collect(),
            Some(Value::Scalar(_)) => entry
                .value
                .get("profiles")
                .and_then(Node::as_str)
                .into_iter()
                .collect(),
            _ => Vec::new(),
        };
        profiles.is_empty() || profiles.iter().any(|p| selected.iter().any(|s| s == p))
    });
}
