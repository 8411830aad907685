//! The variables around a project: what Compose interpolates the file with (`.env`),
//! and what each service's `env_file`s put into its container.

use std::collections::HashMap;

/// A parsed env file: where it is (as displayed) and what it defines.
#[derive(Debug, Clone, Default)]
pub struct EnvSource {
    /// The path as the user sees it (`.env`, `config/app.env`).
    pub display: String,
    /// Each variable with its value and 1-based line.
    pub vars: HashMap<String, (String, usize)>,
    /// Why the file could not be read or parsed; `vars` is then empty.
    pub error: Option<String>,
}

impl EnvSource {
    pub fn get(&self, name: &str) -> Option<&(String, usize)> {
        self.vars.get(name)
    }
}

/// The environment lashing knows for a project. Empty when linting text with no
/// folder around it (fixtures, stdin): then nothing is set for interpolation.
#[derive(Debug, Clone, Default)]
pub struct ProjectEnv {
    /// The project folder's `.env`, which Compose reads for interpolation.
    pub dotenv: Option<EnvSource>,
    /// Service `env_file` entries, keyed by the path as written in the file.
    pub env_files: HashMap<String, EnvSource>,
}

impl ProjectEnv {
    /// Whether `name` is set for Compose's own interpolation of the file. The
    /// process environment is not read (it differs between machines; `--use-env`
    /// will opt into it).
    pub fn set_for_interpolation(&self, name: &str) -> bool {
        self.dotenv
            .as_ref()
            .is_some_and(|d| d.vars.contains_key(name))
    }
}
