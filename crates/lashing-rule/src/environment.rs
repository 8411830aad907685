//! The variables around a project: what Compose interpolates the file with (`.env`),
//! and what each service's `env_file`s put into its container.

use std::collections::HashMap;

use lashing_syntax::Span;

/// A parsed env file: where it is (as displayed) and what it defines.
#[derive(Debug, Clone, Default)]
pub struct EnvSource {
    /// The path as the user sees it (`.env`, `config/app.env`).
    pub display: String,
    /// Each variable with its value and 1-based line.
    pub vars: HashMap<String, (String, usize)>,
    /// Why the file could not be read or parsed; `vars` is then empty.
    pub error: Option<String>,
    /// The file in the project, when it was read (findings can point into it).
    pub file: Option<lashing_syntax::FileId>,
}

impl EnvSource {
    pub fn get(&self, name: &str) -> Option<&(String, usize)> {
        self.vars.get(name)
    }
}

/// A variable Compose interpolates the files with, and where its value comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variable {
    pub value: String,
    pub origin: VarOrigin,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VarOrigin {
    /// A line of an env file (`.env`, `--env-file`): its display path, 1-based
    /// line, and the span of that line when the file is in the project.
    EnvFile {
        display: String,
        line: usize,
        span: Option<Span>,
    },
    /// The process environment (only with `--use-env`).
    Process,
}

impl VarOrigin {
    /// "`.env:3`", "the environment".
    pub fn describe(&self) -> String {
        match self {
            VarOrigin::EnvFile { display, line, .. } => format!("{display}:{line}"),
            VarOrigin::Process => "the environment".to_string(),
        }
    }
}

/// The environment lashing knows for a project. Empty when linting text with no
/// folder around it (fixtures, stdin): then nothing is set for interpolation.
#[derive(Debug, Clone, Default)]
pub struct ProjectEnv {
    /// The env file Compose reads for interpolation: the project folder's `.env`,
    /// or the last `--env-file`.
    pub dotenv: Option<EnvSource>,
    /// Service `env_file` entries, keyed by the path as written in the file.
    pub env_files: HashMap<String, EnvSource>,
    /// What Compose interpolates with: the env files, and the process environment
    /// with `--use-env` (which wins, as in Compose).
    pub variables: HashMap<String, Variable>,
}

impl ProjectEnv {
    /// Whether `name` is set for Compose's own interpolation of the file. The
    /// process environment counts only with `--use-env`.
    pub fn set_for_interpolation(&self, name: &str) -> bool {
        self.variables.contains_key(name)
    }

    pub fn lookup(&self, name: &str) -> Option<String> {
        self.variables.get(name).map(|v| v.value.clone())
    }
}
