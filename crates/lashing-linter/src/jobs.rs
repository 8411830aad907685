//! Which settings each project is linted with: the configuration file nearest to
//! the project's folder (or the one given, or none), combined with the command line.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use lashing_rule::Rule;

use crate::config::{find_config, read};
use crate::load::repository_root;
use crate::settings::{Overrides, Settings, SettingsError};
use crate::ProjectJob;

/// Where the configuration comes from.
#[derive(Debug, Clone, Default)]
pub enum ConfigSource {
    /// The nearest `lashing.toml` / `.lashing.toml` above each project, up to its
    /// repository root.
    #[default]
    Discover,
    /// This file, for every project (`--config`).
    File(PathBuf),
    /// None (`--no-config`).
    Ignore,
}

/// The projects as jobs, and the settings they refer to. Errors (an unreadable or
/// invalid configuration, an unknown rule) are each one message, with the
/// position in the configuration file when there is one.
pub fn plan_jobs(
    projects: Vec<Vec<PathBuf>>,
    registry: &[&'static dyn Rule],
    overrides: &Overrides,
    source: &ConfigSource,
    cwd: &Path,
) -> Result<(Vec<ProjectJob>, Vec<Settings>), Vec<String>> {
    let mut settings: Vec<Settings> = Vec::new();
    // A configuration that failed is remembered too, so its errors print once.
    let mut by_config: HashMap<Option<PathBuf>, Option<usize>> = HashMap::new();
    let mut errors: Vec<String> = Vec::new();
    let mut jobs = Vec::with_capacity(projects.len());
    let mut make = |config: Option<PathBuf>, errors: &mut Vec<String>| -> Option<usize> {
        if let Some(&known) = by_config.get(&config) {
            return known;
        }
        let file = match &config {
            Some(path) => match read(path) {
                Ok(file) => Some(file),
                Err(problems) => {
                    errors.extend(problems.iter().map(|e| e.shown_from(cwd)));
                    by_config.insert(config, None);
                    return None;
                }
            },
            None => None,
        };
        match Settings::new(registry, file.as_ref(), overrides) {
            Ok(s) => {
                settings.push(s);
                by_config.insert(config, Some(settings.len() - 1));
                Some(settings.len() - 1)
            }
            Err(e) => {
                errors.push(match &e {
                    SettingsError::Config(c) => c.shown_from(cwd),
                    other => other.to_string(),
                });
                by_config.insert(config, None);
                None
            }
        }
    };
    // Finding each project's configuration is a few file-system lookups per new
    // folder: in parallel (the folder facts are shared), then in the projects' order.
    let configs: Vec<Result<Option<PathBuf>, String>> = {
        use rayon::prelude::*;
        projects
            .par_iter()
            .map(|paths| match source {
                ConfigSource::Ignore => Ok(None),
                ConfigSource::File(path) => Ok(Some(path.clone())),
                ConfigSource::Discover => discover_config(paths, cwd),
            })
            .collect()
    };
    let mut reported: HashSet<String> = HashSet::new();
    for (paths, config) in projects.into_iter().zip(configs) {
        let config = match config {
            Ok(config) => config,
            Err(message) => {
                // Every project of that folder met the same error: say it once.
                if reported.insert(message.clone()) {
                    errors.push(message);
                }
                None
            }
        };
        if let Some(index) = make(config, &mut errors) {
            jobs.push(ProjectJob {
                paths,
                settings: index,
            });
        }
    }
    // With no project at all, the command line is still checked (a misspelt
    // `--select` must not pass silently because a folder was empty).
    if jobs.is_empty() && errors.is_empty() {
        let config = match source {
            ConfigSource::File(path) => Some(path.clone()),
            _ => None,
        };
        make(config, &mut errors);
    }
    if errors.is_empty() {
        Ok((jobs, settings))
    } else {
        Err(errors)
    }
}

/// The configuration nearest to the folder of the project's first file, up to its
/// repository root.
fn discover_config(paths: &[PathBuf], cwd: &Path) -> Result<Option<PathBuf>, String> {
    let first = paths.first().cloned().unwrap_or_default();
    // The path as given, the key the loader asks with too (the answer is absolute).
    let absolute = crate::folders::canonical_file(&first).unwrap_or_else(|| cwd.join(&first));
    let dir = absolute
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| cwd.to_path_buf());
    let root = repository_root(&absolute, cwd);
    find_config(&dir, &root)
}
