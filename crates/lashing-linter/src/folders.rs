//! Facts about folders that every file of a run asks for (where a folder really is,
//! which repository holds it, which configuration files it has), found once per
//! folder for the process. A run over thousands of files in hundreds of folders
//! otherwise resolves the same paths again and again: `realpath` costs a `readlink`
//! per path component, and it was close to half of a 2,000-file run.
//!
//! The answers are one view of the file system, kept until [`forget`] is called:
//! every run starts by forgetting (discovery does), and a long-lived process (a
//! language server) must also forget when the file system changes.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::ffi::OsString;
use std::hash::Hash;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

/// A process-wide memo. The lock is never held while an answer is computed, so a
/// computation may ask the memo again (a folder's answer from its parent's).
/// Paths are keyed by their bytes (`OsStr`), hashed with foldhash: std's `Path`
/// hash walks the components and SipHash is slow on short writes, which made
/// hashing alone 5% of a run over 2,000 files. The answers are split over
/// [`SHARDS`] locks by hash: every thread of a run asks about folders at once,
/// and with one lock per memo they queued for it (2% of a 2,000-file run).
pub(crate) struct Memo<K, V>(OnceLock<Box<[Shard<K, V>]>>);

type Shard<K, V> = Mutex<Generation<K, V>>;

/// How many locks a memo's answers are split over (a power of two).
const SHARDS: usize = 16;

/// The answers of one view of the file system (see [`forget`]).
struct Generation<K, V> {
    number: u64,
    answers: HashMap<K, V, foldhash::fast::RandomState>,
}

/// Bumped by [`forget`]; every memo drops answers from an older view.
static VIEW: AtomicU64 = AtomicU64::new(0);

/// Forgets every remembered answer: the next question looks at the file system
/// again. A run calls this first (discovery does), so files created before it are
/// seen even when an earlier run in the same process listed their folder.
pub fn forget() {
    VIEW.fetch_add(1, Ordering::AcqRel);
}

impl<K: Eq + Hash, V: Clone> Memo<K, V> {
    pub(crate) const fn new() -> Self {
        Memo(OnceLock::new())
    }

    pub(crate) fn get_or<Q>(&self, key: &Q, compute: impl FnOnce() -> V) -> V
    where
        K: Borrow<Q>,
        Q: ?Sized + Hash + Eq + ToOwned<Owned = K>,
    {
        let shards = self.0.get_or_init(|| {
            (0..SHARDS)
                .map(|_| {
                    Mutex::new(Generation {
                        number: 0,
                        answers: HashMap::default(),
                    })
                })
                .collect()
        });
        // The top bits of one hash pick the shard; the map inside hashes with a
        // seed of its own, so its keys do not all share those bits.
        let hash = std::hash::BuildHasher::hash_one(&foldhash::fast::FixedState::default(), key);
        let shard = &shards[(hash >> 60) as usize % SHARDS];
        // A poisoned lock only means another thread panicked while inserting; the
        // map is still a valid memo.
        let lock = || {
            shard
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
        };
        let view = VIEW.load(Ordering::Acquire);
        {
            let mut memo = lock();
            if memo.number < view {
                memo.answers.clear();
                memo.number = view;
            }
            if memo.number == view {
                if let Some(value) = memo.answers.get(key) {
                    return value.clone();
                }
            }
        }
        let value = compute();
        // An answer computed while the view changed may be older than the files
        // the newer view was asked for: it is used, not kept.
        let mut memo = lock();
        if memo.number == view && VIEW.load(Ordering::Acquire) == view {
            memo.answers.insert(key.to_owned(), value.clone());
        }
        value
    }
}

/// What a directory entry is, as its folder's listing says (a link is not
/// followed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    File,
    Dir,
    Link,
    Other,
}

impl Kind {
    fn of(t: std::fs::FileType) -> Kind {
        if t.is_symlink() {
            Kind::Link
        } else if t.is_file() {
            Kind::File
        } else if t.is_dir() {
            Kind::Dir
        } else {
            Kind::Other
        }
    }
}

/// One memo key for a pair of paths, hashed in one go: a path holds no NUL byte.
pub(crate) fn pair_key(a: &Path, b: &Path) -> OsString {
    let mut key = OsString::with_capacity(a.as_os_str().len() + b.as_os_str().len() + 1);
    key.push(a);
    key.push("\0");
    key.push(b);
    key
}

/// The entries of one folder, read once.
pub(crate) struct Listing(HashMap<OsString, Kind, foldhash::fast::RandomState>);

impl Listing {
    /// Every entry, in no particular order.
    pub(crate) fn entries(&self) -> impl Iterator<Item = (&std::ffi::OsStr, Kind)> + '_ {
        self.0.iter().map(|(name, kind)| (name.as_os_str(), *kind))
    }

    pub(crate) fn kind(&self, name: &str) -> Option<Kind> {
        self.0.get(std::ffi::OsStr::new(name)).copied()
    }
}

static LISTINGS: Memo<OsString, Option<Arc<Listing>>> = Memo::new();
static CANONICAL_DIRS: Memo<OsString, Option<PathBuf>> = Memo::new();
static CANONICAL_FILES: Memo<OsString, Option<PathBuf>> = Memo::new();
static GIT_ROOTS: Memo<OsString, Option<PathBuf>> = Memo::new();

/// `./a/b` (what a walk from `.` gives) is `a/b`, and `` is `.`: the same
/// folder, remembered once. A leading `.` left in place would also send every
/// folder to `realpath`.
fn tidy(path: &Path) -> &Path {
    // On the text when it is UTF-8 (`Path::strip_prefix` parses components, and
    // this runs for every question asked).
    let path = match path.to_str() {
        Some(text) => {
            let mut rest = text;
            while let Some(after) = rest.strip_prefix("./") {
                rest = after.trim_start_matches('/');
            }
            Path::new(rest)
        }
        None => path.strip_prefix(".").unwrap_or(path),
    };
    if path.as_os_str().is_empty() || path.as_os_str() == "." {
        Path::new(".")
    } else {
        path
    }
}

/// The entries of `folder` (a canonical path), listed on first use. `None` when
/// it cannot be listed (missing, not a folder, no read permission): each name is
/// then looked up.
fn listing(folder: &Path) -> Option<Arc<Listing>> {
    LISTINGS.get_or(folder.as_os_str(), || {
        read_listing(folder).ok().map(Arc::new)
    })
}

fn read_listing(folder: &Path) -> std::io::Result<Listing> {
    let mut names = HashMap::default();
    for entry in std::fs::read_dir(folder)? {
        // An entry that vanished or cannot be typed while the folder is read is
        // left out: it is as if it were not there.
        let Ok(entry) = entry else { continue };
        // `file_type` comes from the listing itself (`d_type`) on the usual file
        // systems, and falls back to `lstat` where it is unknown.
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        names.insert(entry.file_name(), Kind::of(kind));
    }
    Ok(Listing(names))
}

/// The listing of the folder at `dir` (as the walk spells it), whose canonical
/// path is `real`: read once, through the shorter path, and kept for every later
/// question about the folder. The walk lists each folder here, so the questions
/// the loader asks of the same folders cost no system call.
pub(crate) fn list(dir: &Path, real: &Path) -> std::io::Result<Arc<Listing>> {
    CANONICAL_DIRS.get_or(tidy(dir).as_os_str(), || Some(real.to_path_buf()));
    let mut failure = None;
    let found = LISTINGS.get_or(real.as_os_str(), || match read_listing(dir) {
        Ok(listing) => Some(Arc::new(listing)),
        Err(err) => {
            failure = Some(err);
            None
        }
    });
    match (found, failure) {
        (Some(listing), _) => Ok(listing),
        (None, Some(err)) => Err(err),
        // An earlier question found it unreadable: read again for the reason.
        (None, None) => read_listing(dir).map(Arc::new),
    }
}

fn lstat_kind(path: &Path) -> Option<Kind> {
    Some(Kind::of(std::fs::symlink_metadata(path).ok()?.file_type()))
}

/// What is at `path` (a final link not followed), `None` when nothing is. Every
/// file of a run asks this of a dozen names (its `.env`, the override and base
/// names, `.git`, the configuration names, the file itself); one listing of the
/// folder answers them all, where a lookup each was a third of a 2,000-file run.
pub fn entry(path: &Path) -> Option<Kind> {
    let path = tidy(path);
    let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
        return lstat_kind(path);
    };
    Folder::of(parent).kind_at(name, path)
}

/// One folder's listing, for several questions about its entries (a project's
/// base and override names, its `.env`, the configuration names): the folder
/// is looked up once rather than once per name.
pub struct Folder<'a> {
    dir: &'a Path,
    listing: Option<Arc<Listing>>,
}

impl<'a> Folder<'a> {
    pub fn of(dir: &'a Path) -> Folder<'a> {
        // Keyed by the folder's real path, so `a/b`, `./a/b` and `/repo/a/b`
        // share one listing.
        let listing = canonical_dir(dir).and_then(|real| listing(&real));
        Folder { dir, listing }
    }

    /// What the folder holds under `name`, as [`entry`] says.
    pub fn kind(&self, name: &str) -> Option<Kind> {
        self.kind_at(std::ffi::OsStr::new(name), &self.dir.join(name))
    }

    /// Whether the folder holds a regular file `name`, as [`is_file`] says.
    pub fn is_file(&self, name: &str) -> bool {
        match self.kind(name) {
            Some(Kind::File) => true,
            Some(Kind::Link) => self.dir.join(name).is_file(),
            _ => false,
        }
    }

    fn kind_at(&self, name: &std::ffi::OsStr, path: &Path) -> Option<Kind> {
        let Some(listing) = &self.listing else {
            return lstat_kind(path);
        };
        match listing.0.get(name) {
            Some(kind) => Some(*kind),
            // A case-insensitive file system finds `Compose.yaml` under
            // `compose.yaml`, as Compose's own lookup would: ask it.
            None if CASE_INSENSITIVE_FS
                && listing.0.keys().any(|k| k.eq_ignore_ascii_case(name)) =>
            {
                lstat_kind(path)
            }
            None => None,
        }
    }
}

/// The platforms whose usual file systems ignore case in names.
const CASE_INSENSITIVE_FS: bool = cfg!(any(target_os = "macos", windows));

/// Whether `path` is a regular file, through a final link (as `Path::is_file`).
pub fn is_file(path: &Path) -> bool {
    match entry(path) {
        Some(Kind::File) => true,
        Some(Kind::Link) => path.is_file(),
        _ => false,
    }
}

/// Whether anything is at `path`, through a final link (as `Path::exists`).
pub fn exists(path: &Path) -> bool {
    match entry(path) {
        Some(Kind::Link) => path.exists(),
        found => found.is_some(),
    }
}

/// The folder's canonical path (links resolved), as `std::fs::canonicalize`
/// gives it; `None` when it does not exist. Found from the parent's answer and
/// the parent's listing; a link, or a path with `..`, is resolved whole.
pub fn canonical_dir(dir: &Path) -> Option<PathBuf> {
    let dir = tidy(dir);
    CANONICAL_DIRS.get_or(dir.as_os_str(), || {
        let simple = dir
            .components()
            .all(|c| matches!(c, Component::Normal(_) | Component::RootDir));
        match (simple, dir.parent(), dir.file_name()) {
            (true, Some(parent), Some(name)) => {
                let real_parent = canonical_dir(parent)?;
                match entry(dir)? {
                    Kind::Link => std::fs::canonicalize(dir).ok(),
                    _ => Some(real_parent.join(name)),
                }
            }
            _ => std::fs::canonicalize(dir).ok(),
        }
    })
}

/// A file's canonical path: its folder's, joined with its name unless the name
/// itself is a link. `None` when it does not exist.
pub fn canonical_file(path: &Path) -> Option<PathBuf> {
    let path = tidy(path);
    CANONICAL_FILES.get_or(path.as_os_str(), || {
        let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
            return std::fs::canonicalize(path).ok();
        };
        if matches!(path.components().next_back(), Some(Component::ParentDir)) {
            return std::fs::canonicalize(path).ok();
        }
        match entry(path)? {
            Kind::Link => std::fs::canonicalize(path).ok(),
            _ => Some(canonical_dir(parent)?.join(name)),
        }
    })
}

/// The nearest folder at or above `canonical` (a canonical folder) that holds
/// `.git`.
pub fn git_root(canonical: &Path) -> Option<PathBuf> {
    GIT_ROOTS.get_or(canonical.as_os_str(), || {
        if exists(&canonical.join(".git")) {
            Some(canonical.to_path_buf())
        } else {
            canonical.parent().and_then(git_root)
        }
    })
}

#[cfg(test)]
#[path = "folders_test.rs"]
mod tests;
