#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Hostile input: each ends with a finding (exit 1) or cleanly (exit 0), never a
//! panic or a hang. Speed is measured by the benchmarks, not asserted here.

mod common;

use common::{lashing, scratch};

/// Writes `bytes` as `compose.yaml` in a scratch dir and lints it as JSON.
fn lint(name: &str, bytes: &[u8]) -> (i32, serde_json::Value) {
    let dir = scratch(name);
    std::fs::write(dir.join("compose.yaml"), bytes).unwrap();
    let run = lashing(&dir, &["check", "--format", "json", "compose.yaml"]);
    let json =
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{name}: {e}\n{}", run.stdout));
    (run.code, json)
}

fn first(json: &serde_json::Value) -> (String, u64, u64, String) {
    let f = &json["findings"][0];
    (
        f["rule"].as_str().unwrap_or("").to_string(),
        f["line"].as_u64().unwrap_or(0),
        f["column"].as_u64().unwrap_or(0),
        f["message"].as_str().unwrap_or("").to_string(),
    )
}

/// The classic "billion laughs", nine levels of nine references each, both as
/// sequences of aliases and as merge keys.
fn alias_bomb() -> String {
    let mut s = String::from("x-l0: &l0 {k: lol}\nx-s0: &s0 [lol]\n");
    for i in 1..9 {
        let merges = vec![format!("*l{}", i - 1); 9].join(", ");
        let items = vec![format!("*s{}", i - 1); 9].join(", ");
        s.push_str(&format!(
            "x-l{i}: &l{i}\n  k{i}: v\n  <<: [{merges}]\nx-s{i}: &s{i} [{items}]\n"
        ));
    }
    s.push_str(
        "services:\n  bomb:\n    <<: *l8\n    image: a:1\n    command: *s8\n    environment: *l8\n",
    );
    s
}

#[test]
fn alias_bomb_stops_at_the_expansion_budget() {
    // Compose expands aliases; so does lashing's loaded tree, up to a budget. The
    // bomb is then a finding, not exhausted memory.
    let (code, json) = lint("bomb", alias_bomb().as_bytes());
    assert_eq!(code, 1, "{json}");
    let (rule, _, _, message) = first(&json);
    assert_eq!(rule, "yaml-syntax");
    assert!(message.contains("expand"), "{message}");
}

#[test]
fn deeply_nested_flow_is_a_syntax_finding() {
    let (code, json) = lint("flow", "[".repeat(100_000).as_bytes());
    assert_eq!(code, 1);
    let (rule, line, _, message) = first(&json);
    assert_eq!((rule.as_str(), line), ("yaml-syntax", 1));
    assert!(
        message.contains("nest") || message.contains("limit"),
        "{message}"
    );
}

#[test]
fn deeply_nested_block_sequences_are_a_syntax_finding() {
    let (code, json) = lint("block", "- ".repeat(50_000).as_bytes());
    assert_eq!(code, 1);
    assert_eq!(first(&json).0, "yaml-syntax");
}

#[test]
fn invalid_utf8_points_at_the_bad_byte() {
    let (code, json) = lint("utf8", b"services:\n  web:\n    image: \"caf\xe9\"\n");
    assert_eq!(code, 1);
    let (rule, line, column, _) = first(&json);
    assert_eq!((rule.as_str(), line, column), ("yaml-syntax", 3, 16));
}

#[test]
fn tab_indentation_points_at_the_tab() {
    let (code, json) = lint("tabs", b"services:\n  web:\n\t  image: nginx\n");
    assert_eq!(code, 1);
    let (rule, line, column, message) = first(&json);
    assert_eq!((rule.as_str(), line, column), ("yaml-syntax", 3, 1));
    assert!(message.contains("tab"), "{message}");
}

#[test]
fn binary_file_is_a_finding() {
    let bytes: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 256) as u8).collect();
    let (code, json) = lint("binary", &bytes);
    assert_eq!(code, 1);
    assert_eq!(first(&json).0, "yaml-syntax");
}

#[test]
fn empty_and_comment_only_files_are_clean() {
    assert_eq!(lint("empty", b"").0, 0);
    assert_eq!(lint("comments", b"# nothing here\n# at all\n").0, 0);
}

#[test]
fn huge_file_gets_a_too_large_finding() {
    let mut text = String::from("services:\n  web:\n    image: nginx:1.27\n    environment:\n");
    let line =
        "      PADDING_VALUE_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX: \"0123456789abcdef\"\n";
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(line);
    }
    let (code, json) = lint("huge", text.as_bytes());
    assert_eq!(code, 1);
    let (rule, line, column, message) = first(&json);
    assert_eq!((rule.as_str(), line, column), ("yaml-syntax", 1, 1));
    assert!(message.contains("16 MiB limit"), "{message}");
}

#[cfg(unix)]
#[test]
fn directory_symlink_loop_does_not_trap_the_walk() {
    let dir = scratch("symlink-loop");
    std::fs::create_dir_all(dir.join("a/b")).unwrap();
    std::os::unix::fs::symlink(dir.join("a"), dir.join("a/b/loop")).unwrap();
    std::fs::write(
        dir.join("a/compose.yaml"),
        "services:\n  web:\n    image: nginx:1.27\n",
    )
    .unwrap();
    let run = lashing(&dir, &["check", "--format", "concise", "."]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
}

#[test]
fn self_referencing_anchor_is_a_finding() {
    let (code, json) = lint("selfref", b"x: &a\n  b: *a\n  <<: *a\nservices: {}\n");
    assert_eq!(code, 1, "{json}");
    assert_eq!(first(&json).0, "yaml-syntax");
}

#[test]
fn long_merge_chain_is_a_finding_not_a_stack_overflow() {
    let mut s = String::from("x-a0: &a0 {image: \"foo:1.0\"}\n");
    for i in 1..50_000 {
        s.push_str(&format!("x-a{i}: &a{i} {{<<: *a{}}}\n", i - 1));
    }
    s.push_str("services: {s: {<<: *a49999}}\n");
    // Resolved in document order with memoisation, the chain never recurses deeply:
    // it is valid YAML and lints clean (before, it was a "too deep" finding).
    let (code, json) = lint("merge-chain", s.as_bytes());
    assert_eq!(code, 0, "{json}");
}

#[test]
fn full_format_survives_a_finding_far_along_a_long_line() {
    let dir = scratch("long-line");
    let text = format!(
        "services:\n  a: {{image: \"{}\", depends_on: [zz]}}\n",
        "x".repeat(70_000)
    );
    std::fs::write(dir.join("compose.yaml"), text).unwrap();
    let run = lashing(
        &dir,
        &[
            "check",
            "--format",
            "full",
            "--color",
            "never",
            "compose.yaml",
        ],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("line too long to show"),
        "{}",
        &run.stdout[..run.stdout.len().min(500)]
    );
    assert!(
        run.stdout.len() < 10_000,
        "the long line is not repeated in the report"
    );
}

#[cfg(unix)]
#[test]
fn a_device_named_on_the_command_line_is_refused_not_read() {
    let run = lashing(&scratch("device"), &["check", "/dev/zero"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("not a regular file"), "{}", run.stderr);
}
