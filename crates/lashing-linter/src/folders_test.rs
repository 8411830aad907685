//! Unit tests of `folders`: each answer agrees with the file system.

#![allow(clippy::unwrap_used)]

use super::*;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lashing-folders-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    // Another test may have listed the temporary folder before this one was made.
    forget();
    std::fs::canonicalize(dir).unwrap()
}

#[test]
fn canonical_paths_agree_with_the_file_system() {
    let dir = scratch("canonical");
    std::fs::create_dir_all(dir.join("a/b")).unwrap();
    std::fs::write(dir.join("a/b/compose.yaml"), "").unwrap();
    assert_eq!(canonical_dir(&dir.join("a/b")), Some(dir.join("a/b")));
    assert_eq!(
        canonical_file(&dir.join("a/b/compose.yaml")),
        Some(dir.join("a/b/compose.yaml"))
    );
    assert_eq!(canonical_dir(&dir.join("a/b/../b")), Some(dir.join("a/b")));
    assert_eq!(canonical_dir(&dir.join("missing")), None);
    assert_eq!(canonical_file(&dir.join("a/missing.yaml")), None);
}

#[cfg(unix)]
#[test]
fn links_are_resolved() {
    let dir = scratch("links");
    std::fs::create_dir_all(dir.join("real")).unwrap();
    std::fs::write(dir.join("real/compose.yaml"), "").unwrap();
    std::os::unix::fs::symlink(dir.join("real"), dir.join("link")).unwrap();
    std::os::unix::fs::symlink("compose.yaml", dir.join("real/alias.yaml")).unwrap();
    assert_eq!(canonical_dir(&dir.join("link")), Some(dir.join("real")));
    assert_eq!(
        canonical_file(&dir.join("link/compose.yaml")),
        Some(dir.join("real/compose.yaml"))
    );
    assert_eq!(
        canonical_file(&dir.join("real/alias.yaml")),
        Some(dir.join("real/compose.yaml"))
    );
}

#[test]
fn the_git_root_is_the_nearest_folder_with_git() {
    let dir = scratch("git");
    std::fs::create_dir_all(dir.join("repo/.git")).unwrap();
    std::fs::create_dir_all(dir.join("repo/app/deep")).unwrap();
    assert_eq!(git_root(&dir.join("repo/app/deep")), Some(dir.join("repo")));
    assert_eq!(git_root(&dir.join("repo")), Some(dir.join("repo")));
}
