//! Finding the configuration that applies to a file: the nearest `lashing.toml`
//! or `.lashing.toml` in its folder or above, up to the repository root.

use std::path::{Path, PathBuf};

/// The file names looked for in each folder, in order of preference.
pub const CONFIG_NAMES: [&str; 2] = ["lashing.toml", ".lashing.toml"];

/// The configuration for files in `dir`: looked for in `dir` and its parents up
/// to and including `root` (the repository root). Both names in one folder is an
/// error: which one wins would be a guess.
pub fn find_config(dir: &Path, root: &Path) -> Result<Option<PathBuf>, String> {
    for folder in dir.ancestors() {
        let found: Vec<PathBuf> = CONFIG_NAMES
            .iter()
            .filter(|name| crate::folders::has_file(folder, name))
            .map(|name| folder.join(name))
            .collect();
        match found.as_slice() {
            [] => {}
            [one] => return Ok(Some(one.clone())),
            _ => {
                return Err(format!(
                    "{} has both `lashing.toml` and `.lashing.toml`; keep one",
                    folder.display()
                ))
            }
        }
        // Stop at the repository root, and never climb out of it: a folder
        // outside the root is only looked at itself.
        if folder == root || !folder.starts_with(root) {
            break;
        }
    }
    Ok(None)
}
