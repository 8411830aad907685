#![allow(clippy::unwrap_used, clippy::expect_used)]
//! End-to-end tests of project loading: override and variant files, `.env` and
//! `--env-file`, `extends` across files, `include`, profiles, `-f`, `COMPOSE_FILE`,
//! and the repository boundary. Each finding must point into the file that holds
//! the value, and say where an interpolated value came from.

mod common;

use std::path::Path;

use common::{lashing, scratch};

/// A scratch repository (with a `.git` marker) holding `files`.
fn repo(name: &str, files: &[(&str, &str)]) -> std::path::PathBuf {
    let dir = scratch(name);
    std::fs::create_dir_all(dir.join(".git")).unwrap();
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

fn concise(dir: &Path, args: &[&str]) -> Vec<String> {
    let mut all = vec!["check", "--format", "concise"];
    all.extend_from_slice(args);
    let run = lashing(dir, &all);
    assert!(run.code <= 1, "{}{}", run.stdout, run.stderr);
    run.stdout.lines().map(str::to_string).collect()
}

const DB: &str = "services:\n  db:\n    image: postgres:16\n";

#[test]
fn a_port_added_by_the_override_points_into_the_override() {
    let dir = repo(
        "override",
        &[
            ("compose.yaml", DB),
            (
                "compose.override.yaml",
                "services:\n  db:\n    ports:\n      - \"5432:5432\"\n",
            ),
        ],
    );
    let lines = concise(&dir, &["--select", "sensitive-port-all-interfaces", "."]);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with("compose.override.yaml:4:10: warning[sensitive-port-all-interfaces]"),
        "{}",
        lines[0]
    );
    // Passing only the override (as a pre-commit hook does) lints the same project.
    let only = concise(
        &dir,
        &[
            "--select",
            "sensitive-port-all-interfaces",
            "compose.override.yaml",
        ],
    );
    assert_eq!(only, lines);
}

#[test]
fn a_variant_is_linted_merged_over_the_base() {
    let dir = repo(
        "variant",
        &[
            (
                "compose.yaml",
                "services:\n  api:\n    image: api:1\n    depends_on: [db]\n",
            ),
            ("compose.prod.yaml", DB),
        ],
    );
    // Alone, `compose.yaml` names an undefined `db`; with the prod variant it exists.
    let base = concise(
        &dir,
        &["--select", "undefined-dependency", "-f", "compose.yaml"],
    );
    assert_eq!(base.len(), 1, "{base:?}");
    let prod = concise(
        &dir,
        &["--select", "undefined-dependency", "compose.prod.yaml"],
    );
    assert!(prod.is_empty(), "{prod:?}");
}

#[test]
fn a_value_from_dotenv_says_where_it_came_from() {
    let dir = repo(
        "dotenv-provenance",
        &[
            (".env", "# hosts\nDB_HOST=localhost\n"),
            (
                "compose.yaml",
                "services:\n  api:\n    image: api:1\n    environment:\n      DATABASE_URL: postgres://${DB_HOST}:5432/app\n  db:\n    image: postgres:16\n",
            ),
        ],
    );
    let lines = concise(&dir, &["--select", "localhost-in-url", "."]);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with("compose.yaml:5:32: error[localhost-in-url]"),
        "{}",
        lines[0]
    );
    assert!(
        lines[0].contains("(`DB_HOST` is `localhost`, from .env:2)"),
        "{}",
        lines[0]
    );
    // JSON carries the .env line as a related location.
    let run = lashing(
        &dir,
        &[
            "check",
            "--format",
            "json",
            "--select",
            "localhost-in-url",
            ".",
        ],
    );
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let related = &json["findings"][0]["related"];
    assert!(related.to_string().contains(".env"), "{related}");
}

#[test]
fn env_file_flag_replaces_dotenv_and_use_env_reads_the_environment() {
    let dir = repo(
        "env-file",
        &[
            (".env", "TAG=1\n"),
            ("ci.env", "OTHER=1\n"),
            (
                "compose.yaml",
                "services:\n  web:\n    image: nginx:${TAG}\n",
            ),
        ],
    );
    assert!(concise(&dir, &["--select", "undefined-variable", "."]).is_empty());
    let replaced = concise(
        &dir,
        &[
            "--select",
            "undefined-variable",
            "--env-file",
            "ci.env",
            ".",
        ],
    );
    assert_eq!(replaced.len(), 1, "{replaced:?}");
    assert!(
        replaced[0].contains("`TAG` is not set in ci.env"),
        "{}",
        replaced[0]
    );
}

#[test]
fn extends_from_another_file_reports_at_the_extends() {
    let dir = repo(
        "extends",
        &[
            ("base.yaml", "services:\n  web-base:\n    image: web:1\n    environment:\n      CACHE_URL: redis://localhost:6379\n"),
            (
                "compose.yaml",
                "services:\n  web:\n    extends:\n      file: base.yaml\n      service: web-base\n  cache:\n    image: redis:7\n  other:\n    extends:\n      file: base.yaml\n      service: missing\n",
            ),
        ],
    );
    let lines = concise(
        &dir,
        &[
            "--select",
            "localhost-in-url,broken-file-reference",
            "compose.yaml",
        ],
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("compose.yaml:3:5: error[localhost-in-url]")),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(
            |l| l.starts_with("compose.yaml:11:16: error[broken-file-reference]")
                && l.contains("`base.yaml` defines no such service")
        ),
        "{lines:?}"
    );
}

#[test]
fn a_base_file_extended_twice_gives_both_services_its_values() {
    // The second use of `base.yaml` reads it again (its YAML tree is freed after
    // the first): both services must get the base's values, at their `extends`.
    let dir = repo(
        "extends-twice",
        &[
            ("base.yaml", "services:\n  web-base:\n    image: web:1\n    environment:\n      CACHE_URL: redis://localhost:6379\n"),
            (
                "compose.yaml",
                "services:\n  web:\n    extends:\n      file: base.yaml\n      service: web-base\n  worker:\n    extends:\n      file: base.yaml\n      service: web-base\n",
            ),
        ],
    );
    let lines = concise(&dir, &["--select", "localhost-in-url", "compose.yaml"]);
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines[0].starts_with("compose.yaml:3:5: error[localhost-in-url]"),
        "{lines:?}"
    );
    assert!(
        lines[1].starts_with("compose.yaml:7:5: error[localhost-in-url]"),
        "{lines:?}"
    );
}

#[test]
fn include_brings_services_in_and_stops_at_cycles_and_the_repository() {
    let dir = repo(
        "include",
        &[
            ("db/compose.yaml", "include:\n  - ../compose.yaml\nservices:\n  db:\n    image: postgres:16\n"),
            (
                "compose.yaml",
                "include:\n  - db/compose.yaml\n  - ../../outside.yaml\nservices:\n  api:\n    image: api:1\n    depends_on:\n      db:\n        condition: service_started\n",
            ),
        ],
    );
    let lines = concise(
        &dir,
        &[
            "--select",
            "undefined-dependency,broken-file-reference",
            "compose.yaml",
        ],
    );
    // `db` comes from the include: no undefined dependency.
    assert!(
        !lines.iter().any(|l| l.contains("undefined-dependency")),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|l| l.contains("include cycle")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("compose.yaml:3:5: error[broken-file-reference]")),
        "{lines:?}"
    );
}

#[test]
fn profiles_select_services_and_f_merges_in_order() {
    let dir = repo(
        "profiles",
        &[
            (
                "stack.yaml",
                "services:\n  web:\n    image: nginx:1.27\n  debug:\n    image: busybox:1.36\n    profiles: [debug]\n    ports: [\"9229:9229\"]\n",
            ),
            ("local.yaml", "services:\n  web:\n    ports: [\"5432:80\"]\n"),
        ],
    );
    let all = concise(
        &dir,
        &[
            "--select",
            "sensitive-port-all-interfaces",
            "-f",
            "stack.yaml",
        ],
    );
    assert_eq!(all.len(), 1, "every service by default: {all:?}");
    let prod = concise(
        &dir,
        &[
            "--select",
            "sensitive-port-all-interfaces",
            "--profile",
            "prod",
            "-f",
            "stack.yaml",
        ],
    );
    assert!(prod.is_empty(), "{prod:?}");
    let merged = concise(
        &dir,
        &[
            "--select",
            "port-all-interfaces",
            "-f",
            "stack.yaml",
            "-f",
            "local.yaml",
        ],
    );
    assert!(
        merged.iter().any(|l| l.starts_with("local.yaml:3:14:")),
        "{merged:?}"
    );
}

#[test]
fn compose_file_in_dotenv_forms_the_project() {
    let dir = repo(
        "compose-file",
        &[
            (".env", "COMPOSE_FILE=compose.yaml:extra.yml\n"),
            (
                "compose.yaml",
                "services:\n  api:\n    image: api:1\n    depends_on: [db]\n",
            ),
            ("extra.yml", DB),
        ],
    );
    let lines = concise(&dir, &["--select", "undefined-dependency", "."]);
    assert!(lines.is_empty(), "{lines:?}");
}

#[test]
fn security_rules_see_overrides_defaults_and_dotenv() {
    let dir = repo(
        "security-merged",
        &[
            (".env", "DB_PASSWORD=from-dotenv-Pa55\n"),
            (
                "compose.yaml",
                "services:\n  agent:\n    image: example/agent:1.0\n    volumes:\n      - ${SOCKET:-/var/run/docker.sock}:/var/run/docker.sock:ro\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD}\n",
            ),
            (
                "compose.override.yaml",
                "services:\n  db:\n    privileged: true\n",
            ),
        ],
    );
    let lines = concise(&dir, &["--select", "security", "."]);
    // The socket behind a `${VAR:-default}`, at the authored default.
    assert!(
        lines.iter().any(
            |l| l.starts_with("compose.yaml:5:9: error[docker-socket-mount]")
                && l.contains("(`/var/run/docker.sock` is the default written for `SOCKET`")
        ),
        "{lines:?}"
    );
    // `privileged` added by the override points into the override.
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("compose.override.yaml:3:17: error[privileged]")),
        "{lines:?}"
    );
    // A password taken from .env is not a credential written in the compose file.
    assert!(
        !lines.iter().any(|l| l.contains("literal-credential")),
        "{lines:?}"
    );
}
