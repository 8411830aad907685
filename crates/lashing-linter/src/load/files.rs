//! Reading the files a project refers to, never outside the repository.

use std::path::{Component, Path, PathBuf};

use crate::discovery::io_message;
use std::ffi::OsString;

use crate::folders::{canonical_dir, canonical_file, git_root, pair_key, Memo};

/// Env files are small; anything larger is not an env file.
pub const MAX_ENV_FILE_SIZE: u64 = 1024 * 1024;

/// The repository a compose file belongs to: the nearest folder above it holding
/// `.git`, else `fallback` (the folder lashing was pointed at). Canonical. The file
/// itself may be a symbolic link: its repository is that of the folder holding the
/// link, so that a link cannot widen what lashing reads.
///
/// Every file of a run asks this, several times (planning, reading, each file it
/// refers to), and each answer costs a path resolution and a look for `.git` in
/// every folder above: answers are remembered per folder for the process. (A
/// long-lived process that watches `.git` appear would need to forget them.)
pub fn repository_root(file: &Path, fallback: &Path) -> PathBuf {
    static ROOTS: Memo<OsString, PathBuf> = Memo::new();
    let folder = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let key = pair_key(folder, fallback);
    ROOTS.get_or(key.as_os_str(), || find_repository_root(folder, fallback))
}

fn find_repository_root(folder: &Path, fallback: &Path) -> PathBuf {
    let start = canonical_dir(folder);
    if let Some(root) = start.as_deref().and_then(git_root) {
        return root;
    }
    let fallback = canonical_dir(fallback).unwrap_or_else(|| fallback.to_path_buf());
    match start {
        // A file outside the folder given (named by an absolute path): its own folder.
        Some(start) if !start.starts_with(&fallback) => start,
        _ => fallback,
    }
}

/// Why a referenced file was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    Missing(String),
    OutsideRoot,
    NotAFile,
    TooLarge(u64),
    Io(String),
}

impl Refused {
    pub fn describe(&self, written: &str) -> String {
        match self {
            Refused::Missing(err) => format!("`{written}` cannot be read: {err}"),
            Refused::OutsideRoot => {
                format!("`{written}` is outside the repository; lashing does not read it")
            }
            Refused::NotAFile => format!("`{written}` is not a regular file"),
            Refused::TooLarge(limit) => format!("`{written}` is larger than {limit} bytes"),
            Refused::Io(err) => format!("`{written}` cannot be read: {err}"),
        }
    }
}

/// The canonical path of `path` if it is a regular file inside `root` (symlinks
/// resolved: a link pointing out of the repository is refused).
pub fn check_inside(path: &Path, root: &Path) -> Result<PathBuf, Refused> {
    let canonical = match canonical_file(path) {
        Some(canonical) => canonical,
        // Only to say why: the fast path found nothing there.
        None => std::fs::canonicalize(path).map_err(|e| Refused::Missing(io_message(&e)))?,
    };
    if !canonical.starts_with(root) {
        return Err(Refused::OutsideRoot);
    }
    // The canonical path has no link left in it: its listing says what it is.
    if !crate::folders::is_file(&canonical) {
        return Err(Refused::NotAFile);
    }
    Ok(canonical)
}

/// Reads at most `limit + 1` bytes of a regular file (enough to say it is too large).
pub fn read_capped(path: &Path, limit: u64) -> Result<Vec<u8>, Refused> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| Refused::Io(io_message(&e)))?;
    // Room for the whole file and the end-of-file read: without a size `Take`
    // starts from a small buffer and doubles, several reads for a 1 KB file.
    let expected = file.metadata().map_or(0, |m| m.len().min(limit));
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0) + 1);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Refused::Io(io_message(&e)))?;
    if bytes.len() as u64 > limit {
        return Err(Refused::TooLarge(limit));
    }
    Ok(bytes)
}

/// `dir/written` with `.` and `..` folded lexically (so the display path reads well;
/// the root check is done on the canonical path).
pub fn join(dir: &Path, written: &str) -> PathBuf {
    let mut out = PathBuf::new();
    for component in dir.join(written).components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}
