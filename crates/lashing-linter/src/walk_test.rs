//! The walk must find what the `ignore` crate's walker finds with the options
//! lashing used it with (it was lashing's walker until decision 0010), on trees
//! built to exercise each rule of precedence, and say the same of them.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use super::*;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lashing-walk-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    crate::folders::forget();
    std::fs::canonicalize(dir).unwrap()
}

fn tree(dir: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

/// The compose files `ignore`'s parallel walker keeps under `root`, as lashing
/// configured it before it walked on its own.
fn reference(root: &Path) -> Vec<PathBuf> {
    let found = Mutex::new(Vec::new());
    ignore::WalkBuilder::new(root)
        .hidden(true)
        .git_ignore(true)
        .git_exclude(true)
        .ignore(true)
        .parents(true)
        .require_git(false)
        .follow_links(false)
        .build_parallel()
        .run(|| {
            Box::new(|entry| {
                if let Ok(entry) = entry {
                    let named = entry.file_name().to_str().is_some_and(is_compose_file_name);
                    if named && entry.file_type().is_some_and(|t| t.is_file()) {
                        found.lock().unwrap().push(entry.into_path());
                    }
                }
                ignore::WalkState::Continue
            })
        });
    let mut found = found.into_inner().unwrap();
    found.sort();
    found
}

fn ours(root: &Path) -> Vec<PathBuf> {
    crate::folders::forget();
    let mut out = Discovery::default();
    walk(root, &mut out);
    assert!(out.errors.is_empty(), "{:?}", out.errors);
    out.files.sort();
    out.files
}

fn names(root: &Path, files: &[PathBuf]) -> Vec<String> {
    files
        .iter()
        .map(|f| {
            f.strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect()
}

const C: &str = "services: {}\n";

#[test]
fn precedence_of_ignore_files_matches_the_ignore_crate() {
    let dir = scratch("precedence");
    tree(
        &dir,
        &[
            ("compose.yaml", C),
            // A folder pattern, and a file whitelisted again below it.
            (
                ".gitignore",
                "build\n*.local.yaml\n!keep.local.yaml\nvendor/\n",
            ),
            ("build/compose.yaml", C),
            ("app/build/compose.yaml", C),
            ("app/compose.local.yaml", C),
            ("app/compose.keep.local.yaml", C),
            // A nested .gitignore re-includes what the root one ignores.
            ("vendor/compose.yaml", C),
            ("lib/.gitignore", "!compose.local.yaml\n"),
            ("lib/compose.local.yaml", C),
            // .ignore decides before .gitignore, at any depth.
            ("svc/.ignore", "compose.prod.yaml\n"),
            ("svc/.gitignore", "!compose.prod.yaml\n"),
            ("svc/compose.prod.yaml", C),
            ("svc/compose.yaml", C),
            (".ignore", "!docs/\n"),
            ("docs/.gitignore", "*\n"),
            ("docs/compose.yaml", C),
            // Hidden names are skipped unless a rule keeps them.
            (".hidden/compose.yaml", C),
            (".config/compose.yaml", C),
            ("tools/.gitignore", "!.config/\n"),
            ("tools/.config/compose.yaml", C),
            // Anchored patterns are relative to their file's folder.
            ("deep/.gitignore", "/only-here/\n"),
            ("deep/only-here/compose.yaml", C),
            ("deep/x/only-here/compose.yaml", C),
        ],
    );
    let expected = reference(&dir);
    assert_eq!(names(&dir, &ours(&dir)), names(&dir, &expected));
    // The tree does exercise the rules: some files are kept, some skipped.
    let kept = names(&dir, &expected);
    assert!(kept.contains(&"compose.yaml".to_string()), "{kept:?}");
    assert!(!kept.iter().any(|k| k.starts_with("build/")), "{kept:?}");
    assert!(
        kept.contains(&"tools/.config/compose.yaml".to_string()),
        "{kept:?}"
    );
}

#[test]
fn rules_above_the_folder_walked_apply_and_so_do_the_repository_excludes() {
    let dir = scratch("parents");
    tree(
        &dir,
        &[
            (".gitignore", "sub/generated/\ncompose.tmp.yaml\n"),
            (".git/info/exclude", "scratch/\n"),
            ("sub/compose.yaml", C),
            ("sub/compose.tmp.yaml", C),
            ("sub/generated/compose.yaml", C),
            ("sub/scratch/compose.yaml", C),
            ("sub/inner/compose.yaml", C),
        ],
    );
    let sub = dir.join("sub");
    let expected = reference(&sub);
    assert_eq!(names(&dir, &ours(&sub)), names(&dir, &expected));
    assert_eq!(
        names(&dir, &expected),
        ["sub/compose.yaml", "sub/inner/compose.yaml"]
    );
}

#[cfg(unix)]
#[test]
fn links_are_not_followed_and_a_broken_compose_link_is_an_error() {
    let dir = scratch("links");
    tree(&dir, &[("real/compose.yaml", C)]);
    std::os::unix::fs::symlink(dir.join("real"), dir.join("linked")).unwrap();
    std::os::unix::fs::symlink("gone.yaml", dir.join("real/compose.prod.yaml")).unwrap();
    crate::folders::forget();
    let mut out = Discovery::default();
    walk(&dir, &mut out);
    assert_eq!(names(&dir, &out.files), ["real/compose.yaml"]);
    assert_eq!(out.errors.len(), 1, "{:?}", out.errors);
    assert!(out.errors[0].path.ends_with("real/compose.prod.yaml"));
    assert!(out.errors[0].message.contains("broken symbolic link"));
}

#[test]
fn a_pattern_that_does_not_parse_is_left_out_and_the_rest_of_its_file_applies() {
    let dir = scratch("bad-glob");
    tree(
        &dir,
        &[
            // `{` opens a group to the glob syntax; to git it is a plain name.
            (".gitignore", "skip/\nbad{a,b\n"),
            ("skip/compose.yaml", C),
            ("compose.yaml", C),
        ],
    );
    let expected = reference(&dir);
    assert_eq!(names(&dir, &ours(&dir)), names(&dir, &expected));
    assert_eq!(names(&dir, &expected), ["compose.yaml"]);
}
