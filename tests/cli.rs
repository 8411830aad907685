#![allow(clippy::unwrap_used, clippy::expect_used)]
//! End-to-end tests of the `lashing` binary: each output format, exit codes,
//! discovery, and the `rules` / `explain` commands.

mod common;

use common::{lashing, repo_root, scratch};

fn projects() -> std::path::PathBuf {
    repo_root().join("tests/projects")
}

#[test]
fn json_reports_a_duplicate_key_at_its_exact_position() {
    let run = lashing(
        &projects(),
        &["check", "--format", "json", "broken/compose.yaml"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let dup = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "duplicate-key")
        .expect("a duplicate-key finding");
    assert_eq!(dup["path"], "broken/compose.yaml");
    assert_eq!(
        (dup["line"].as_u64(), dup["column"].as_u64()),
        (Some(7), Some(5))
    );
    assert_eq!(
        (dup["end_line"].as_u64(), dup["end_column"].as_u64()),
        (Some(7), Some(9))
    );
    assert_eq!(dup["related"][0]["line"].as_u64(), Some(4));
    for field in [
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "code",
        "rule",
        "category",
        "severity",
        "message",
        "help",
        "service",
        "related",
        "fix",
    ] {
        assert!(dup.get(field).is_some(), "missing `{field}`");
    }
    insta::assert_snapshot!("json_broken", run.stdout);
}

#[test]
fn json_is_byte_identical_across_runs() {
    let a = lashing(&projects(), &["check", "--format", "json", "."]);
    let b = lashing(&projects(), &["check", "--format", "json", "."]);
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn concise_format() {
    let run = lashing(&projects(), &["check", "--format", "concise", "broken"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("concise_broken", run.stdout);
}

#[test]
fn concise_is_the_default_when_stdout_is_not_a_terminal() {
    let run = lashing(&projects(), &["check", "broken"]);
    let concise = lashing(&projects(), &["check", "--format", "concise", "broken"]);
    assert_eq!(run.stdout, concise.stdout);
}

#[test]
fn lashing_format_environment_variable() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_lashing"))
        .args(["check", "broken"])
        .current_dir(projects())
        .env("LASHING_FORMAT", "json")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&output.stdout).starts_with('{'));
}

#[test]
fn full_format() {
    let run = lashing(
        &projects(),
        &["check", "--format", "full", "--color", "never", "broken"],
    );
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("full_broken", run.stdout);
}

#[test]
fn clean_project_exits_zero() {
    let run = lashing(&projects(), &["check", "--format", "full", "clean"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(run.stdout, "No problems found in 1 file.\n");
}

#[test]
fn exit_codes() {
    let p = projects();
    // Warnings fail by default; --fail-on error lets a warning-only file pass.
    let warn_only = scratch("warn-only");
    std::fs::write(
        warn_only.join("compose.yaml"),
        "version: '3'\nservices:\n  a:\n    image: a:1\n",
    )
    .unwrap();
    assert_eq!(lashing(&warn_only, &["check"]).code, 1);
    assert_eq!(
        lashing(&warn_only, &["check", "--fail-on", "error"]).code,
        0
    );
    assert_eq!(lashing(&warn_only, &["check", "--fail-on", "info"]).code, 1);
    assert_eq!(lashing(&p, &["check", "--exit-zero", "broken"]).code, 0);
    // Errors of lashing itself: 2, even with --exit-zero.
    let missing = lashing(&p, &["check", "--exit-zero", "no/such/file.yaml"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing
            .stderr
            .contains("no/such/file.yaml: no such file or directory"),
        "{}",
        missing.stderr
    );
    assert_eq!(lashing(&p, &["check", "--format", "xml", "broken"]).code, 2);
    let bad_rule = lashing(&p, &["check", "--select", "obsolete-versoin", "broken"]);
    assert_eq!(bad_rule.code, 2);
    assert!(
        bad_rule.stderr.contains("did you mean `obsolete-version`"),
        "{}",
        bad_rule.stderr
    );
}

#[test]
fn select_and_ignore_by_name_code_and_category() {
    let p = projects();
    let rules_of = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["check", "--format", "json", "broken"];
        all.extend_from_slice(args);
        let run = lashing(&p, &all);
        let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        let mut rules: Vec<String> = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap().to_string())
            .collect();
        rules.dedup();
        rules.sort();
        rules
    };
    assert_eq!(
        rules_of(&["--select", "obsolete-version"]),
        ["obsolete-version"]
    );
    assert_eq!(rules_of(&["--select", "L103"]), ["obsolete-version"]);
    assert_eq!(
        rules_of(&["--select", "networking"]),
        ["data-network-not-internal", "undefined-network"]
    );
    assert_eq!(
        rules_of(&[
            "--select",
            "all",
            "--ignore",
            "schema,startup,security,hardening,L209"
        ]),
        ["undefined-network"]
    );
    assert_eq!(
        rules_of(&["--ignore", "duplicate-key", "--ignore", "L210,L209"]),
        ["obsolete-version", "undefined-dependency"]
    );
}

#[test]
fn discovery_walks_directories_and_honours_ignore_files() {
    let dir = scratch("discovery");
    let bad = "version: '3'\nservices:\n  a:\n    image: a:1\n";
    for path in [
        "compose.yaml",
        "app/docker-compose.prod.yml",
        "app/compose.override.yaml",
        "ignored-by-git/compose.yaml",
        "ignored-by-ignore/compose.yaml",
        ".hidden/compose.yaml",
        "app/values.yaml",
    ] {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bad).unwrap();
    }
    std::fs::write(dir.join(".gitignore"), "ignored-by-git/\n").unwrap();
    std::fs::write(dir.join(".ignore"), "ignored-by-ignore/\n").unwrap();
    let run = lashing(&dir, &["check", "--format", "concise"]);
    let files: Vec<&str> = run
        .stdout
        .lines()
        .map(|l| l.split(':').next().unwrap())
        .collect();
    assert_eq!(
        files,
        [
            "app/compose.override.yaml",
            "app/docker-compose.prod.yml",
            "compose.yaml"
        ]
    );
    // A file named explicitly is linted whatever its name.
    let named = lashing(&dir, &["check", "--format", "concise", "app/values.yaml"]);
    assert!(
        named
            .stdout
            .starts_with("app/values.yaml:1:1: warning[obsolete-version]"),
        "{}",
        named.stdout
    );
}

#[test]
fn rules_command() {
    let run = lashing(&projects(), &["rules", "--format", "json"]);
    assert_eq!(run.code, 0);
    insta::assert_snapshot!("rules_json", run.stdout);
    let text = lashing(&projects(), &["rules"]);
    assert!(
        text.stdout
            .lines()
            .any(|l| l.starts_with("L103  obsolete-version")),
        "{}",
        text.stdout
    );
}

#[test]
fn explain_prints_the_rule_page() {
    let run = lashing(&projects(), &["explain", "obsolete-version"]);
    assert_eq!(run.code, 0);
    let page = std::fs::read_to_string(repo_root().join("docs/rules/obsolete-version.md")).unwrap();
    assert_eq!(run.stdout, page);
    assert_eq!(lashing(&projects(), &["explain", "L103"]).stdout, page);
    let unknown = lashing(&projects(), &["explain", "obsolete-versions"]);
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("did you mean `obsolete-version`"));
}

#[test]
fn no_arguments_checks_the_current_directory() {
    let run = lashing(&projects().join("broken"), &[]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .starts_with("compose.yaml:1:1: warning[obsolete-version]"),
        "{}",
        run.stdout
    );
}

#[test]
fn dotenv_and_env_file_decide_what_compose_interpolates() {
    // `.env` sets POSTGRES_USER for Compose; POSTGRES_DB comes from the service's
    // env_file only, so Compose blanks `${POSTGRES_DB}` in the healthcheck.
    let run = lashing(
        &projects(),
        &[
            "check",
            "--format",
            "concise",
            "--select",
            "healthcheck-unescaped-dollar",
            "dotenv",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let lines: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.contains("[healthcheck"))
        .collect();
    assert_eq!(lines.len(), 1, "{}", run.stdout);
    assert!(
        lines[0].starts_with(
            "dotenv/compose.yaml:8:62: error[healthcheck-unescaped-dollar] `${POSTGRES_DB}`"
        ),
        "{}",
        lines[0]
    );
    assert!(
        lines[0].contains("POSTGRES_DB is not in dotenv/.env"),
        "{}",
        lines[0]
    );
}

/// Every example project: the broken ones report what examples/README.md shows
/// (snapshot), the fixed ones nothing.
#[test]
fn examples_report_what_their_readme_says() {
    let root = repo_root();
    let mut names: Vec<String> = std::fs::read_dir(root.join("examples"))
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 10, "{names:?}");
    for name in names {
        let target = format!("examples/{name}");
        let run = lashing(&root, &["check", "--format", "concise", &target]);
        if name.ends_with("-fixed") {
            // Fixed examples report nothing but information (`nginx-host-fixed`
            // keeps `network_mode: host` on purpose, which `host-network-mode` notes).
            assert_eq!(run.code, 0, "{name}: {}{}", run.stdout, run.stderr);
            assert!(
                run.stdout.lines().all(|l| l.contains(": info[")),
                "{name}: {}",
                run.stdout
            );
        } else {
            assert_eq!(run.code, 1, "{name}: {}", run.stderr);
            insta::assert_snapshot!(format!("example_{name}"), run.stdout);
        }
    }
}
