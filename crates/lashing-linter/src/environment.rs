//! Reading the env files around a compose file: the folder's `.env` (Compose's
//! interpolation variables) and each service's `env_file`s.
//!
//! Only files inside the compose file's folder are read: an `env_file` that is
//! absolute, goes up with `..`, is a symlink or holds `${...}` is left unread
//! (lashing never reads outside the project it was pointed at).

use std::collections::HashMap;
use std::path::{Component, Path};

use lashing_compose::{dotenv, ComposeFile};
use lashing_rule::{EnvSource, ProjectEnv};

use crate::discovery::display_path;

/// Env files are small; anything larger is not an env file.
const MAX_ENV_FILE_SIZE: u64 = 1024 * 1024;

pub fn load_project_env(compose_path: &Path, model: &ComposeFile, cwd: &Path) -> ProjectEnv {
    let dir = match compose_path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let dotenv_path = dir.join(".env");
    let dotenv = dotenv_path
        .symlink_metadata()
        .is_ok()
        .then(|| read_env_file(&dotenv_path, cwd));
    let mut env_files = HashMap::new();
    for service in &model.services {
        for file in &service.env_file {
            let written = file.path.as_str();
            if env_files.contains_key(written) || !stays_inside(written) {
                continue;
            }
            let path = dir.join(written);
            if path.symlink_metadata().is_err() && !file.required {
                continue;
            }
            env_files.insert(written.to_string(), read_env_file(&path, cwd));
        }
    }
    ProjectEnv { dotenv, env_files }
}

/// A relative path with no `..`, no `${...}`: it names a file inside the folder.
fn stays_inside(written: &str) -> bool {
    if written.is_empty() || written.contains('$') {
        return false;
    }
    Path::new(written)
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
}

fn read_env_file(path: &Path, cwd: &Path) -> EnvSource {
    let display = display_path(path, cwd);
    let failed = |error: String| EnvSource {
        display: display.clone(),
        vars: HashMap::new(),
        error: Some(error),
    };
    let meta = match path.symlink_metadata() {
        Ok(meta) => meta,
        Err(err) => return failed(err.to_string()),
    };
    if !meta.is_file() {
        return failed("not a regular file (symlinks are not followed)".to_string());
    }
    if meta.len() > MAX_ENV_FILE_SIZE {
        return failed(format!("larger than {MAX_ENV_FILE_SIZE} bytes"));
    }
    let text = match std::fs::read(path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(err) => return failed(err.to_string()),
    };
    match dotenv::parse(&text) {
        // The process environment is not read: what lashing reports must not
        // depend on the shell it runs in.
        Ok(parsed) => EnvSource {
            display,
            vars: dotenv::resolve(&parsed, &|_| None)
                .into_iter()
                .map(|(key, value, line)| (key, (value, line)))
                .collect(),
            error: None,
        },
        Err(err) => failed(err.to_string()),
    }
}
