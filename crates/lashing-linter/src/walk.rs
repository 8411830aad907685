//! The parallel walk of a folder given on the command line: every folder is listed
//! once (through `folders`, which keeps the listing for the loader's questions),
//! entries the ignore rules skip are left out, links are not followed, and each
//! compose file found is kept.
//!
//! Each folder is a rayon task of its own, spawned on the heap rather than
//! recursed into, so a deep tree costs no stack.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::discovery::{broken_link_message, io_message, is_compose_file_name};
use crate::discovery::{Discovery, DiscoveryError};
use crate::folders::Kind;
use crate::ignore_rules::{Level, Verdict, WalkRules};

/// Adds the compose files under `dir` (and what could not be read) to `out`.
pub(crate) fn walk(dir: &Path, out: &mut Discovery) {
    let Some(real) = crate::folders::canonical_dir(dir) else {
        let err = std::fs::read_dir(dir).err();
        out.errors.push(DiscoveryError {
            path: dir.to_path_buf(),
            message: err.map_or_else(|| "cannot be read".to_string(), |e| io_message(&e)),
        });
        return;
    };
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let cwd = crate::folders::canonical_dir(&cwd).unwrap_or(cwd);
    let rules = WalkRules::new(&cwd);
    let above = Level::above(&real);
    let found = Mutex::new(Discovery::default());
    let walk = Walk {
        rules: &rules,
        found: &found,
    };
    rayon::scope(|scope| walk.folder(scope, dir.to_path_buf(), real, above));
    // A poisoned lock means a walking task panicked; keep what the others found.
    let found = found
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    out.files.extend(found.files);
    out.errors.extend(found.errors);
}

#[derive(Clone, Copy)]
struct Walk<'a> {
    rules: &'a WalkRules,
    found: &'a Mutex<Discovery>,
}

impl<'a> Walk<'a> {
    /// Lists `dir` (canonically `real`), keeps its compose files and walks its
    /// folders, each in a task of its own.
    fn folder<'s>(
        self,
        scope: &rayon::Scope<'s>,
        dir: PathBuf,
        real: PathBuf,
        parent: Option<Arc<Level>>,
    ) where
        'a: 's,
    {
        let mut local = Discovery::default();
        match crate::folders::list(&dir, &real) {
            Ok(listing) => {
                let level = Level::enter(parent, &real, &listing);
                for (name, kind) in listing.entries() {
                    let is_dir = kind == Kind::Dir;
                    let named = name.to_str().is_some_and(is_compose_file_name);
                    // Only folders and compose names matter: the rest (sources, a
                    // Dockerfile, `.env`) are not asked about, kept or not.
                    if !is_dir && !named {
                        continue;
                    }
                    let real_entry = real.join(name);
                    if self
                        .rules
                        .verdict(level.as_deref(), &real_entry, name, is_dir)
                        == Verdict::Skip
                    {
                        continue;
                    }
                    let path = dir.join(name);
                    match kind {
                        Kind::Dir => {
                            let level = level.clone();
                            scope.spawn(move |scope| self.folder(scope, path, real_entry, level));
                        }
                        Kind::File if named => local.files.push(path),
                        // Links are not followed (their target is linted where it
                        // lives), but one that leads nowhere is a compose file that
                        // cannot be read.
                        Kind::Link if named => {
                            if let Err(err) = std::fs::metadata(&path) {
                                local.errors.push(DiscoveryError {
                                    path,
                                    message: broken_link_message(&err),
                                });
                            }
                        }
                        _ => {}
                    }
                }
            }
            Err(err) => local.errors.push(DiscoveryError {
                path: dir,
                message: io_message(&err),
            }),
        }
        if local.files.is_empty() && local.errors.is_empty() {
            return;
        }
        // A poisoned lock means another task panicked; what it left is still a list.
        let mut found = self
            .found
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        found.files.append(&mut local.files);
        found.errors.append(&mut local.errors);
    }
}

#[cfg(test)]
#[path = "walk_test.rs"]
mod tests;
