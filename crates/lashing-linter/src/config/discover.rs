//! Finding the configuration that applies to a file: the nearest `lashing.toml`
//! or `.lashing.toml` in its folder or above, up to the repository root.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::folders::Memo;

/// The file names looked for in each folder, in order of preference.
pub const CONFIG_NAMES: [&str; 2] = ["lashing.toml", ".lashing.toml"];

/// The configuration for files in `dir`: looked for in `dir` and its parents up
/// to and including `root` (the repository root). Both names in one folder is an
/// error: which one wins would be a guess.
pub fn find_config(dir: &Path, root: &Path) -> Result<Option<PathBuf>, String> {
    // Remembered per folder (and root): the projects of a repository share their
    // parents, and each would otherwise look in every one of them again.
    static FOUND: Memo<OsString, Result<Option<PathBuf>, String>> = Memo::new();
    let key = crate::folders::pair_key(dir, root);
    FOUND.get_or(key.as_os_str(), || {
        let folder = crate::folders::Folder::of(dir);
        let found: Vec<PathBuf> = CONFIG_NAMES
            .iter()
            .filter(|name| folder.is_file(name))
            .map(|name| dir.join(name))
            .collect();
        match found.as_slice() {
            [] => {}
            [one] => return Ok(Some(one.clone())),
            _ => {
                return Err(format!(
                    "{} has both `lashing.toml` and `.lashing.toml`; keep one",
                    dir.display()
                ))
            }
        }
        // Stop at the repository root, and never climb out of it: a folder
        // outside the root is only looked at itself.
        match dir.parent() {
            Some(parent) if dir != root && dir.starts_with(root) => find_config(parent, root),
            _ => Ok(None),
        }
    })
}
