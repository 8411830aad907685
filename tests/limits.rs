#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Resource bounds (docs/decisions/0003-resource-limits.md): past each limit lashing
//! reports a finding or an error at a position and goes on with the rest of the run.
//! The size, nesting and merge-budget limits are in `hostile.rs`.

mod common;

use common::{lashing, scratch};
use lashing_linter::{MAX_EXTENDS_DEPTH, MAX_INCLUDE_DEPTH};

fn json(run: &common::Run) -> serde_json::Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}\n{}", run.stdout))
}

/// The findings whose message contains `text`.
fn saying<'j>(json: &'j serde_json::Value, text: &str) -> Vec<&'j serde_json::Value> {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["message"].as_str().unwrap().contains(text))
        .collect()
}

/// All findings' messages, for failure output.
fn messages(json: &serde_json::Value) -> String {
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{} {}:{} {}\n",
                f["rule"], f["path"], f["line"], f["message"]
            )
        })
        .collect()
}

#[test]
fn an_include_chain_stops_at_the_depth_limit() {
    let dir = scratch("include-depth");
    let files = MAX_INCLUDE_DEPTH + 8;
    std::fs::write(
        dir.join("compose.yaml"),
        "include:\n  - part1.yaml\nservices:\n  web:\n    image: nginx:1.27\n",
    )
    .unwrap();
    for i in 1..=files {
        std::fs::write(
            dir.join(format!("part{i}.yaml")),
            format!(
                "include:\n  - part{}.yaml\nservices:\n  s{i}:\n    image: nginx:1.27\n",
                i + 1
            ),
        )
        .unwrap();
    }
    let run = lashing(&dir, &["check", "--format", "json", "compose.yaml"]);
    let json = json(&run);
    let deep = saying(&json, "`include` chain");
    assert_eq!(deep.len(), 1, "{}", messages(&json));
    // Reported at the path of the include that would make the chain one file too
    // deep (compose.yaml counts as the first).
    let at = format!("part{}.yaml", MAX_INCLUDE_DEPTH - 1);
    assert_eq!(deep[0]["path"], at.as_str());
    assert_eq!(
        (deep[0]["line"].as_u64(), deep[0]["column"].as_u64()),
        (Some(2), Some(5))
    );
    assert_eq!(run.code, 1);
}

#[test]
fn an_extends_chain_stops_at_the_depth_limit() {
    let dir = scratch("extends-depth");
    let services = MAX_EXTENDS_DEPTH + 10;
    let mut text = String::from("services:\n  s0:\n    image: nginx:1.27\n");
    for i in 1..=services {
        text.push_str(&format!("  s{i}:\n    extends: s{}\n", i - 1));
    }
    std::fs::write(dir.join("compose.yaml"), text).unwrap();
    let run = lashing(&dir, &["check", "--format", "json", "compose.yaml"]);
    let json = json(&run);
    let deep = saying(&json, "`extends` chain");
    // One long chain is one finding. The first service with a chain too long is
    // `s{MAX_EXTENDS_DEPTH + 1}`; following it, lashing stops at the `extends` of
    // `s1` (line 5), the link past the limit.
    assert_eq!(deep.len(), 1, "{}", messages(&json));
    assert_eq!(
        (deep[0]["line"].as_u64(), deep[0]["column"].as_u64()),
        (Some(5), Some(14))
    );
    assert_eq!(run.code, 1);
}

#[cfg(unix)]
#[test]
fn a_compose_file_link_loop_is_reported_and_the_run_goes_on() {
    let dir = scratch("compose-link-loop");
    std::fs::create_dir_all(dir.join("looped")).unwrap();
    std::os::unix::fs::symlink("compose.yaml", dir.join("looped/compose.yaml")).unwrap();
    std::fs::create_dir_all(dir.join("good")).unwrap();
    std::fs::write(
        dir.join("good/compose.yaml"),
        "services:\n  api:\n    image: api:1\n    depends_on: [db]\n",
    )
    .unwrap();
    let run = lashing(&dir, &["check", "--format", "concise", "."]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr
            .contains("looped/compose.yaml: symbolic link loop"),
        "{}",
        run.stderr
    );
    // The other project was still linted.
    assert!(
        run.stdout.contains("good/compose.yaml:4:"),
        "{}",
        run.stdout
    );

    // Named on the command line, the same.
    let run = lashing(
        &dir,
        &[
            "check",
            "--format",
            "concise",
            "looped/compose.yaml",
            "good/compose.yaml",
        ],
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("symbolic link loop"), "{}", run.stderr);
    assert!(
        run.stdout.contains("good/compose.yaml:4:"),
        "{}",
        run.stdout
    );
}

#[cfg(unix)]
#[test]
fn a_broken_compose_file_link_is_reported() {
    let dir = scratch("compose-link-broken");
    std::os::unix::fs::symlink("gone.yaml", dir.join("compose.yaml")).unwrap();
    let run = lashing(&dir, &["check", "."]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("broken symbolic link"),
        "{}",
        run.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_repository_is_not_read_even_when_named() {
    let outside = scratch("link-target");
    std::fs::write(
        outside.join("secret.yaml"),
        "services:\n  x:\n    image: x:1\n    depends_on: [nothing]\n",
    )
    .unwrap();
    let repo = scratch("link-repo");
    std::fs::create_dir_all(repo.join(".git")).unwrap();
    std::os::unix::fs::symlink(outside.join("secret.yaml"), repo.join("compose.yaml")).unwrap();
    let run = lashing(&repo, &["check", "--format", "json", "compose.yaml"]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr
            .contains("outside the repository; lashing does not read it"),
        "{}",
        run.stderr
    );
    assert!(!run.stdout.contains("nothing"), "{}", run.stdout);
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_reported_and_the_run_goes_on() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("unreadable");
    for name in ["locked", "open"] {
        std::fs::create_dir_all(dir.join(name)).unwrap();
        std::fs::write(
            dir.join(name).join("compose.yaml"),
            "services:\n  api:\n    image: api:1\n    depends_on: [db]\n",
        )
        .unwrap();
    }
    let locked = dir.join("locked/compose.yaml");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_ok() {
        // Root reads any file whatever its mode; the same path (a file that
        // cannot be opened) is covered by the link loop test above.
        eprintln!("SKIP: running as root, a mode-000 file is still readable");
        return;
    }
    let run = lashing(&dir, &["check", "--format", "concise", "."]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("locked/compose.yaml: permission denied"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.contains("open/compose.yaml:4:"),
        "{}",
        run.stdout
    );
}
