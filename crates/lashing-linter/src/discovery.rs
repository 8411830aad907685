//! Which files to lint.

use std::path::{Path, PathBuf};

/// A path the user gave that cannot be linted (exit code 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscoveryError {
    pub path: PathBuf,
    pub message: String,
}

#[derive(Debug, Default)]
pub struct Discovery {
    /// Files to lint, sorted, without duplicates.
    pub files: Vec<PathBuf>,
    /// Paths that could not be read; the run continues without them.
    pub errors: Vec<DiscoveryError>,
}

/// `compose.yaml`, `docker-compose.yml`, their `.override.` forms and variants such
/// as `compose.prod.yaml` or `docker-compose.dev.yml`.
pub fn is_compose_file_name(name: &str) -> bool {
    let Some(stem) = name
        .strip_suffix(".yaml")
        .or_else(|| name.strip_suffix(".yml"))
    else {
        return false;
    };
    let Some(rest) = stem
        .strip_prefix("docker-compose")
        .or_else(|| stem.strip_prefix("compose"))
    else {
        return false;
    };
    // Nothing more, or `.variant` / `-variant` parts (`compose.prod.yaml`,
    // `docker-compose-dev.yml`) made of ordinary file-name characters.
    rest.is_empty()
        || ((rest.starts_with('.') || rest.starts_with('-'))
            && rest[1..].split('.').all(|p| {
                !p.is_empty()
                    && p.chars()
                        .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
            }))
}

/// Expands the paths given on the command line. A file named explicitly is always
/// linted, whatever its name; a directory is walked recursively honouring
/// `.gitignore` and `.ignore` and skipping hidden entries, keeping compose file names.
/// Symbolic links are not followed while walking, so link loops cannot trap the walk.
/// Directories are walked in parallel; the result is sorted, so it does not depend
/// on the walk's order.
pub fn discover(paths: &[PathBuf]) -> Discovery {
    // A new run: what an earlier run in this process saw may be out of date.
    crate::folders::forget();
    let mut out = Discovery::default();
    for path in paths {
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(err) => {
                out.errors.push(DiscoveryError {
                    path: path.clone(),
                    message: io_message(&err),
                });
                continue;
            }
        };
        if !meta.is_dir() {
            out.files.push(path.clone());
            continue;
        }
        crate::walk::walk(path, &mut out);
    }
    out.files.sort();
    out.files.dedup();
    out.errors.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// ELOOP: the link leads back to itself (Linux, the BSDs and macOS agree on 40/62
/// only per platform, so the message is matched rather than the number).
fn is_link_loop(err: &std::io::Error) -> bool {
    err.to_string().contains("symbolic links")
}

pub(crate) fn broken_link_message(err: &std::io::Error) -> String {
    if is_link_loop(err) {
        "symbolic link loop (the link leads back to itself)".to_string()
    } else if err.kind() == std::io::ErrorKind::NotFound {
        "broken symbolic link (its target does not exist)".to_string()
    } else {
        io_message(err)
    }
}

pub(crate) fn io_message(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ if is_link_loop(err) => "symbolic link loop".to_string(),
        _ => {
            // "Is a directory (os error 21)": the number says nothing to a user.
            let text = err.to_string();
            match text.find(" (os error") {
                Some(at) => text[..at].to_string(),
                None => text,
            }
        }
    }
}

/// The path as every output shows it: relative to `cwd` when under it (no `./`),
/// else absolute; always with `/` separators.
pub fn display_path(path: &Path, cwd: &Path) -> String {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        cwd.join(path)
    };
    let normal = normalize(&absolute);
    let shown = match normal.strip_prefix(normalize(cwd)) {
        Ok(rel) if !rel.as_os_str().is_empty() => rel.to_path_buf(),
        _ => normal,
    };
    shown.to_string_lossy().replace('\\', "/")
}

/// Removes `.` and resolves `..` lexically (no file system access, so links are not
/// followed and the path need not exist).
fn normalize(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compose_names() {
        for yes in [
            "compose.yaml",
            "compose.yml",
            "docker-compose.yml",
            "docker-compose.yaml",
            "compose.override.yaml",
            "docker-compose.override.yml",
            "docker-compose.prod.yml",
            "compose.dev.yaml",
            "compose.ci-linux.yaml",
        ] {
            assert!(is_compose_file_name(yes), "{yes}");
        }
        for no in [
            "compose.json",
            "my-compose.yaml",
            "compose..yaml",
            "composer.yaml",
            "values.yaml",
            "compose",
        ] {
            assert!(!is_compose_file_name(no), "{no}");
        }
    }

    #[test]
    fn display_paths() {
        let cwd = Path::new("/repo");
        assert_eq!(
            display_path(Path::new("./a/compose.yaml"), cwd),
            "a/compose.yaml"
        );
        assert_eq!(
            display_path(Path::new("/repo/b/compose.yaml"), cwd),
            "b/compose.yaml"
        );
        assert_eq!(
            display_path(Path::new("/other/compose.yaml"), cwd),
            "/other/compose.yaml"
        );
        assert_eq!(
            display_path(Path::new("../x/compose.yaml"), cwd),
            "/x/compose.yaml"
        );
    }
}
