//! Which entries a walk skips: `.ignore` and `.gitignore` files (in the folder
//! walked and every folder above it), the repository's `.git/info/exclude`, the
//! user's global git excludes, and hidden names. The same rules, in the same
//! order of precedence, as the `ignore` crate's walker with lashing's options
//! (`hidden`, `ignore`, `git_ignore`, `git_exclude`, `git_global`, `parents`,
//! `require_git(false)`), whose matchers this uses; the walk itself is lashing's
//! own, so that each folder is listed once for discovery and loading alike
//! (docs/decisions/0010-own-walk.md).
//!
//! Precedence, as `ignore` has it: a `.ignore` match (the deepest folder's first)
//! decides before any `.gitignore` match, which decides before the repository's
//! excludes, then the global excludes. A match either ignores the entry or
//! whitelists it (`!pattern`); a hidden name is skipped unless whitelisted.
//! Without `require_git`, `.gitignore` files apply whether or not a repository is
//! found, at every level up to the file system's root.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use ignore::gitignore::{Gitignore, GitignoreBuilder};
use ignore::Match;

use crate::folders::{Kind, Listing};

/// The ignore files of one folder that has any, linked to the nearest folder
/// above with any. Folders without ignore files share their parent's level, so
/// a match walks only the folders that have rules.
pub(crate) struct Level {
    ignore: Option<Gitignore>,
    gitignore: Option<Gitignore>,
    exclude: Option<Gitignore>,
    parent: Option<Arc<Level>>,
}

/// The rules of a whole walk: the levels above the folder walked, and the global
/// excludes.
pub(crate) struct WalkRules {
    global: Gitignore,
}

/// What the rules say of one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    Skip,
    Keep,
}

impl WalkRules {
    /// The global excludes (git's `core.excludesFile`, or
    /// `$XDG_CONFIG_HOME/git/ignore`), relative to `cwd` as `ignore` has them.
    /// A missing or unreadable file means none, as for `ignore`.
    pub(crate) fn new(cwd: &Path) -> WalkRules {
        let (global, _) = GitignoreBuilder::new(cwd).build_global();
        WalkRules { global }
    }

    /// Whether the walk keeps the entry `name` of a folder whose rules are
    /// `level`; `real` is the entry's canonical path.
    pub(crate) fn verdict(
        &self,
        level: Option<&Level>,
        real: &Path,
        name: &std::ffi::OsStr,
        is_dir: bool,
    ) -> Verdict {
        let (mut by_ignore, mut by_gitignore, mut by_exclude) =
            (Match::None, Match::None, Match::None);
        let mut at = level;
        while let Some(level) = at {
            let matched = |m: &Option<Gitignore>| {
                m.as_ref()
                    .map_or(Match::None, |g| g.matched(real, is_dir).map(|_| ()))
            };
            if by_ignore.is_none() {
                by_ignore = matched(&level.ignore);
            }
            if by_gitignore.is_none() {
                by_gitignore = matched(&level.gitignore);
            }
            if by_exclude.is_none() {
                by_exclude = matched(&level.exclude);
            }
            at = level.parent.as_deref();
        }
        let verdict = by_ignore
            .or(by_gitignore)
            .or(by_exclude)
            .or(self.global.matched(real, is_dir).map(|_| ()));
        match verdict {
            Match::Ignore(()) => Verdict::Skip,
            Match::Whitelist(()) => Verdict::Keep,
            Match::None if name.as_encoded_bytes().starts_with(b".") => Verdict::Skip,
            Match::None => Verdict::Keep,
        }
    }
}

impl Level {
    /// The rules in force in the folder `real` (canonical), listed as `listing`:
    /// `parent`'s, with the folder's own ignore files read first when it has any.
    pub(crate) fn enter(
        parent: Option<Arc<Level>>,
        real: &Path,
        listing: &Listing,
    ) -> Option<Arc<Level>> {
        let read =
            |name: &str| (listing.kind(name).is_some()).then(|| matcher(real, &real.join(name)));
        let ignore = read(".ignore");
        let gitignore = read(".gitignore");
        let exclude = match listing.kind(".git") {
            Some(kind) => git_common_dir(real, kind)
                .map(|dir| dir.join("info").join("exclude"))
                .filter(|path| crate::folders::is_file(path))
                .map(|path| matcher(real, &path)),
            None => None,
        };
        if ignore.is_none() && gitignore.is_none() && exclude.is_none() {
            return parent;
        }
        Some(Arc::new(Level {
            ignore,
            gitignore,
            exclude,
            parent,
        }))
    }

    /// The rules of the folders above `real` (canonical), from the root of the
    /// file system down: `ignore`'s `parents` option.
    pub(crate) fn above(real: &Path) -> Option<Arc<Level>> {
        let mut ancestors: Vec<&Path> = real.ancestors().skip(1).collect();
        ancestors.reverse();
        let mut level = None;
        for folder in ancestors {
            // A folder above that cannot be listed has no rules lashing can read.
            if let Ok(listing) = crate::folders::list(folder, folder) {
                level = Level::enter(level, folder, &listing);
            }
        }
        level
    }
}

/// The matcher of one ignore file, rooted at `folder`. A file that cannot be read
/// is no rules, and a line that does not parse is left out while the others
/// apply, as `ignore`'s walker had it: git has no such error (`a{b` is a plain
/// name to git, an unclosed group to the glob syntax), so it is not lashing's to
/// fail a run over.
fn matcher(folder: &Path, file: &Path) -> Gitignore {
    let mut builder = GitignoreBuilder::new(folder);
    let _unreadable_or_bad_lines = builder.add(file);
    builder.build().unwrap_or_else(|_| Gitignore::empty())
}

/// Where the repository whose work tree is `folder` keeps `info/exclude`: its
/// `.git` folder, or for a linked work tree (`.git` is a file saying `gitdir:`)
/// the common folder its `commondir` names. `None` when there is none to read,
/// as `ignore` has it (a submodule's `gitdir` has no `commondir`).
fn git_common_dir(folder: &Path, kind: Kind) -> Option<PathBuf> {
    let dot_git = folder.join(".git");
    match kind {
        Kind::Dir => return Some(dot_git),
        Kind::File => {}
        // A link: what it leads to decides.
        _ if dot_git.is_dir() => return Some(dot_git),
        _ if !dot_git.is_file() => return None,
        _ => {}
    }
    let text = std::fs::read_to_string(&dot_git).ok()?;
    let git_dir = PathBuf::from(text.lines().next()?.strip_prefix("gitdir: ")?);
    let common = std::fs::read_to_string(git_dir.join("commondir")).ok()?;
    let common = common.lines().next()?;
    Some(if common.starts_with('.') {
        git_dir.join(common)
    } else {
        PathBuf::from(common)
    })
}
