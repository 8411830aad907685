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

#[cfg(unix)]
#[test]
fn entries_come_from_the_folders_listing() {
    let dir = scratch("entries");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("compose.yaml"), "").unwrap();
    std::os::unix::fs::symlink("compose.yaml", dir.join("alias.yaml")).unwrap();
    std::os::unix::fs::symlink("missing.yaml", dir.join("broken.yaml")).unwrap();
    forget();
    assert_eq!(entry(&dir.join("compose.yaml")), Some(Kind::File));
    assert_eq!(entry(&dir.join("sub")), Some(Kind::Dir));
    assert_eq!(entry(&dir.join("alias.yaml")), Some(Kind::Link));
    assert_eq!(entry(&dir.join("nothing.yaml")), None);
    // Through links, as `Path::is_file` and `Path::exists`.
    assert!(is_file(&dir.join("alias.yaml")));
    assert!(!is_file(&dir.join("broken.yaml")));
    assert!(!exists(&dir.join("broken.yaml")));
    assert!(!is_file(&dir.join("sub")));
    assert!(exists(&dir.join("sub")));
    // A folder asked several questions answers as `entry` and `is_file` do.
    let folder = Folder::of(&dir);
    assert!(folder.is_file("compose.yaml"));
    assert!(folder.is_file("alias.yaml"));
    assert!(!folder.is_file("broken.yaml"));
    assert!(!folder.is_file("lashing.toml"));
    assert_eq!(folder.kind("sub"), Some(Kind::Dir));
    assert_eq!(folder.kind("broken.yaml"), Some(Kind::Link));
    // A folder that cannot be listed (here: missing) answers by looking.
    let missing = dir.join("missing");
    assert!(!Folder::of(&missing).is_file("compose.yaml"));
}

#[test]
fn a_file_made_after_a_listing_is_seen_once_forgotten() {
    let dir = scratch("forget");
    assert_eq!(entry(&dir.join("compose.yaml")), None);
    std::fs::write(dir.join("compose.yaml"), "").unwrap();
    forget();
    assert_eq!(entry(&dir.join("compose.yaml")), Some(Kind::File));
}

#[test]
fn a_leading_dot_names_the_same_path() {
    assert_eq!(tidy(Path::new("./a/b")), Path::new("a/b"));
    assert_eq!(tidy(Path::new(".//a")), Path::new("a"));
    assert_eq!(tidy(Path::new("././a")), Path::new("a"));
    assert_eq!(tidy(Path::new(".")), Path::new("."));
    assert_eq!(tidy(Path::new("")), Path::new("."));
    assert_eq!(tidy(Path::new("a/./b")), Path::new("a/./b"));
    assert_eq!(tidy(Path::new("/abs/x")), Path::new("/abs/x"));
    assert_eq!(tidy(Path::new("../up")), Path::new("../up"));
}
