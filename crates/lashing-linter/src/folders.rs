//! Facts about folders that every file of a run asks for (where a folder really is,
//! which repository holds it, which configuration files it has), found once per
//! folder for the process. A run over thousands of files in hundreds of folders
//! otherwise resolves the same paths again and again: `realpath` costs a `readlink`
//! per path component, and it was close to half of a 2,000-file run.
//!
//! The answers are kept for the life of the process. A long-lived process (a
//! language server) must forget them when the file system changes.

use std::collections::HashMap;
use std::hash::Hash;
use std::path::{Component, Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// A process-wide memo. The lock is never held while an answer is computed, so a
/// computation may ask the memo again (a folder's answer from its parent's).
pub(crate) struct Memo<K, V>(OnceLock<Mutex<HashMap<K, V>>>);

impl<K: Eq + Hash + Clone, V: Clone> Memo<K, V> {
    pub(crate) const fn new() -> Self {
        Memo(OnceLock::new())
    }

    pub(crate) fn get_or(&self, key: &K, compute: impl FnOnce() -> V) -> V {
        let map = self.0.get_or_init(Mutex::default);
        // A poisoned lock only means another thread panicked while inserting; the
        // map is still a valid memo.
        let lock = || map.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(value) = lock().get(key) {
            return value.clone();
        }
        let value = compute();
        lock().insert(key.clone(), value.clone());
        value
    }
}

static CANONICAL_DIRS: Memo<PathBuf, Option<PathBuf>> = Memo::new();
static GIT_ROOTS: Memo<PathBuf, Option<PathBuf>> = Memo::new();
static FILES_IN: Memo<(PathBuf, &'static str), bool> = Memo::new();

/// The folder's canonical path (links resolved), as `std::fs::canonicalize`
/// gives it; `None` when it does not exist. Found from the parent's answer and one
/// `lstat` of the last component; a link, or a path with `..`, is resolved whole.
pub fn canonical_dir(dir: &Path) -> Option<PathBuf> {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    CANONICAL_DIRS.get_or(&dir.to_path_buf(), || {
        let simple = dir
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::RootDir));
        match (simple, dir.parent(), dir.file_name()) {
            (true, Some(parent), Some(name)) => {
                let real_parent = canonical_dir(parent)?;
                let candidate = real_parent.join(name);
                let meta = std::fs::symlink_metadata(&candidate).ok()?;
                if meta.file_type().is_symlink() {
                    std::fs::canonicalize(dir).ok()
                } else {
                    Some(candidate)
                }
            }
            _ => std::fs::canonicalize(dir).ok(),
        }
    })
}

/// A file's canonical path: its folder's, joined with its name unless the name
/// itself is a link. `None` when it does not exist.
pub fn canonical_file(path: &Path) -> Option<PathBuf> {
    let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
        return std::fs::canonicalize(path).ok();
    };
    if matches!(path.components().next_back(), Some(Component::ParentDir)) {
        return std::fs::canonicalize(path).ok();
    }
    let candidate = canonical_dir(parent)?.join(name);
    let meta = std::fs::symlink_metadata(&candidate).ok()?;
    if meta.file_type().is_symlink() {
        std::fs::canonicalize(&candidate).ok()
    } else {
        Some(candidate)
    }
}

/// The nearest folder at or above `canonical` (a canonical folder) that holds
/// `.git`.
pub fn git_root(canonical: &Path) -> Option<PathBuf> {
    GIT_ROOTS.get_or(&canonical.to_path_buf(), || {
        if canonical.join(".git").exists() {
            Some(canonical.to_path_buf())
        } else {
            canonical.parent().and_then(git_root)
        }
    })
}

/// Whether `folder` holds a regular file `name` (through a link, as `is_file`).
pub fn has_file(folder: &Path, name: &'static str) -> bool {
    FILES_IN.get_or(&(folder.to_path_buf(), name), || {
        folder.join(name).is_file()
    })
}

#[cfg(test)]
#[path = "folders_test.rs"]
mod tests;
