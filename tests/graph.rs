#![allow(clippy::unwrap_used, clippy::expect_used)]
//! End-to-end tests of `lashing graph`: one snapshot per format on a project with
//! findings and on a clean one, where findings are drawn, exit codes, hard names,
//! and validation of the output by the real tools (Graphviz `dot`, Mermaid's `mmdc`)
//! when they are installed.

mod common;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{lashing, repo_root, scratch};

/// Names and labels that break naive renderers: dashes, dots, a leading digit,
/// non-ASCII, Mermaid keywords (`end`, `graph`), Mermaid's `o`/`x` edge endings,
/// quotes, backslashes, `#;<>|` in a network name; every kind of node and edge.
const HARD: &str = r#"services:
  my.api:
    image: "example/api:1.0"
    networks: ["front-end", "net#1;<b>|x"]
    environment:
      DATABASE_URL: "postgres://1db:5432/app"
      'WE"IRD|URL;#': "http://o:80/"
      REDIS_URL: redis://reddis:6379
      LOCAL_URL: http://localhost:4000
      STRIPE_URL: https://api.stripe.com/v1
      HOST_URL: http://host.docker.internal:9000
    ports:
      - "[::1]:5353:53/udp"
      - "127.0.0.1:8000-8001:8000-8001"
      - "8080:3000"
    depends_on:
      1db:
        condition: service_healthy
        required: false
      end:
        condition: service_completed_successfully
    links:
      - "o:alias-o"
    volumes_from:
      - x-ray
  1db:
    image: postgres:16
    networks: ["net#1;<b>|x"]
  データ:
    image: "nginx"
    network_mode: host
    environment:
      UPSTREAM: http://my.api:3000
  end:
    image: busybox
    network_mode: none
  o:
    image: busybox
  x-ray:
    image: busybox
    network_mode: "service:o"
  'we"ird\':
    image: 'a"b\c'
    network_mode: "container:foo"
  graph:
    image: busybox
    depends_on: [missing-svc]
networks:
  front-end: {}
  "net#1;<b>|x":
    internal: true
  unused: {}
  ext:
    external: true
"#;

fn examples() -> PathBuf {
    repo_root().join("examples")
}

fn graph(cwd: &Path, args: &[&str]) -> String {
    let mut all = vec!["graph"];
    all.extend_from_slice(args);
    let run = lashing(cwd, &all);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    run.stdout
}

fn json(cwd: &Path, args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.extend_from_slice(&["--format", "json"]);
    serde_json::from_str(&graph(cwd, &all)).unwrap()
}

/// A scratch folder holding `compose.yaml` with `text`.
fn project(name: &str, text: &str) -> PathBuf {
    let dir = scratch(name);
    std::fs::write(dir.join("compose.yaml"), text).unwrap();
    dir
}

/// Every example folder, sorted.
fn example_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(examples())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

// --- Snapshots -------------------------------------------------------------

#[test]
fn snapshots_of_a_project_with_findings() {
    let root = repo_root();
    for format in ["mermaid", "dot", "json"] {
        let out = graph(&root, &["examples/shop-broken", "--format", format]);
        insta::assert_snapshot!(format!("shop_broken_{format}"), out);
    }
}

#[test]
fn snapshots_of_a_clean_project() {
    let root = repo_root();
    for format in ["mermaid", "dot", "json"] {
        let out = graph(&root, &["examples/shop-fixed", "--format", format]);
        assert!(!out.contains('⚠'), "{out}");
        insta::assert_snapshot!(format!("shop_fixed_{format}"), out);
    }
}

#[test]
fn snapshots_of_hard_names() {
    let dir = project("graph-hard-snap", HARD);
    for format in ["mermaid", "dot"] {
        let out = graph(&dir, &["--format", format]);
        insta::assert_snapshot!(format!("hard_names_{format}"), out);
    }
}

// --- What is drawn ---------------------------------------------------------

#[test]
fn mermaid_is_the_default_and_output_is_stable() {
    let root = repo_root();
    let default = graph(&root, &["examples/shop-broken"]);
    let mermaid = graph(&root, &["examples/shop-broken", "--format", "mermaid"]);
    assert_eq!(default, mermaid);
    assert!(default.starts_with("flowchart LR\n"));
    for format in ["mermaid", "dot", "json"] {
        let a = graph(&root, &["examples", "--format", format]);
        let b = graph(&root, &["examples", "--format", format]);
        assert_eq!(a, b, "{format} differs between runs");
    }
}

#[test]
fn findings_are_placed_on_the_element_they_are_about() {
    let json = json(&repo_root(), &["examples/shop-broken"]);
    assert_eq!(json["version"], 1);
    let project = &json["projects"][0];
    assert_eq!(project["path"], "examples/shop-broken/compose.yaml");
    let edges = project["edges"].as_array().unwrap();
    let edge = |from: &str, to: &str| {
        edges
            .iter()
            .find(|e| e["kind"] == "depends_on" && e["from"] == from && e["to"] == to)
            .unwrap_or_else(|| panic!("no edge {from} -> {to}"))
    };
    assert_eq!(edge("api", "worker")["findings"][0], "dependency-cycle");
    assert_eq!(edge("worker", "api")["findings"][0], "dependency-cycle");
    let healthy = edge("api", "db");
    assert_eq!(healthy["condition"], "service_healthy");
    assert_eq!(healthy["findings"][0], "healthy-without-healthcheck");
    assert_eq!(
        edge("storefront", "api")["findings"]
            .as_array()
            .unwrap()
            .len(),
        0
    );

    let networks = project["networks"].as_array().unwrap();
    let backnd = networks.iter().find(|n| n["name"] == "backnd").unwrap();
    assert_eq!(backnd["declared"], false);
    assert_eq!(backnd["findings"][0], "undefined-network");

    let services = project["services"].as_array().unwrap();
    let worker = services.iter().find(|s| s["name"] == "worker").unwrap();
    assert_eq!(
        worker["findings"],
        serde_json::json!(["no-image-or-build", "duplicate-container-name"])
    );

    // Every finding says where it is drawn; the file-level one is on no element.
    for finding in project["findings"].as_array().unwrap() {
        match finding["rule"].as_str().unwrap() {
            "obsolete-version" => assert!(finding["element"].is_null()),
            _ => assert!(finding["element"].is_object(), "{finding}"),
        }
    }
    let published = edges.iter().find(|e| e["kind"] == "published").unwrap();
    assert_eq!(
        (&published["from"], &published["to"], &published["label"]),
        (
            &serde_json::json!("host"),
            &serde_json::json!("storefront"),
            &serde_json::json!("8080→3000")
        )
    );
}

#[test]
fn references_and_hosts_outside_the_project() {
    let dir = project("graph-references", HARD);
    let json = json(&dir, &[]);
    let edges = json["projects"][0]["edges"].as_array().unwrap();
    let reference = |variable: &str| {
        edges
            .iter()
            .find(|e| e["kind"] == "reference" && e["variable"] == variable)
            .unwrap_or_else(|| panic!("no reference {variable}"))
    };
    let db = reference("DATABASE_URL");
    assert_eq!(
        (&db["to"], &db["to_kind"]),
        (&"1db".into(), &"service".into())
    );
    assert_eq!(db["label"], "DATABASE_URL :5432");
    assert_eq!(db["port"], 5432);
    let redis = reference("REDIS_URL");
    assert_eq!(redis["to_kind"], "unknown");
    assert_eq!(redis["findings"][0], "unknown-host");
    assert_eq!(reference("LOCAL_URL")["to_kind"], "loopback");
    assert_eq!(reference("LOCAL_URL")["findings"][0], "localhost-in-url");
    assert_eq!(reference("STRIPE_URL")["to_kind"], "external");
    assert_eq!(reference("HOST_URL")["to_kind"], "host");
    assert_eq!(reference("WE\"IRD|URL;#")["to"], "o");
    let upstream = reference("UPSTREAM");
    assert_eq!(upstream["from"], "データ");
    assert_eq!(upstream["findings"][0], "host-network-service-dns");

    let kinds: HashSet<&str> = edges.iter().map(|e| e["kind"].as_str().unwrap()).collect();
    for kind in [
        "depends_on",
        "reference",
        "link",
        "volumes_from",
        "network_mode",
        "published",
    ] {
        assert!(kinds.contains(kind), "no {kind} edge");
    }
    let missing = edges.iter().find(|e| e["to"] == "missing-svc").unwrap();
    assert_eq!(missing["to_kind"], "missing");
    assert_eq!(missing["findings"][0], "undefined-dependency");
    let labels: Vec<&str> = edges
        .iter()
        .filter(|e| e["kind"] == "published")
        .map(|e| e["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        [
            "[::1]:5353→53/udp",
            "127.0.0.1:8000-8001→8000-8001",
            "8080→3000"
        ]
    );
}

#[test]
fn a_finding_through_a_merge_key_is_on_the_reference_it_is_about() {
    // Both variables come through `<<: *env`, so both references share the merge
    // key as their use site; the finding's "defined here" tells them apart.
    let dir = project(
        "graph-via",
        "x-env: &env\n  environment:\n    CACHE_URL: redis://cache:6379\n    API_URL: http://localhost:3000\nservices:\n  web:\n    <<: *env\n    image: web:1\n  cache:\n    image: redis:7\n",
    );
    let json = json(&dir, &[]);
    let edges = json["projects"][0]["edges"].as_array().unwrap();
    let of = |variable: &str| {
        edges
            .iter()
            .find(|e| e["variable"] == variable)
            .unwrap()
            .clone()
    };
    assert_eq!(of("API_URL")["findings"][0], "localhost-in-url");
    assert_eq!(of("CACHE_URL")["findings"], serde_json::json!([]));
}

#[test]
fn sidecars_sit_with_the_service_whose_stack_they_share() {
    let dir = project(
        "graph-sidecar",
        "services:\n  vpn:\n    image: vpn:1\n    networks: [edge]\n  client:\n    image: c:1\n    network_mode: service:vpn\nnetworks:\n  edge: {}\n",
    );
    let out = graph(&dir, &[]);
    let group = out
        .split("subgraph p0_n0_edge")
        .nth(1)
        .and_then(|rest| rest.split("\n    end").next())
        .unwrap();
    assert!(group.contains("p0_s0_vpn["), "{out}");
    assert!(group.contains("p0_s1_client["), "{out}");
    assert!(
        out.contains("p0_s1_client -.-o|\"network_mode\"| p0_s0_vpn"),
        "{out}"
    );
}

#[test]
fn the_findings_drawn_are_the_ones_check_reports() {
    let root = repo_root();
    for dir in ["examples", "tests/projects"] {
        let check = lashing(&root, &["check", "--format", "json", dir]);
        let check: serde_json::Value = serde_json::from_str(&check.stdout).unwrap();
        let mut expected: Vec<(String, String, u64, u64)> = check["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["path"].as_str().unwrap().to_string(),
                    f["rule"].as_str().unwrap().to_string(),
                    f["line"].as_u64().unwrap(),
                    f["column"].as_u64().unwrap(),
                )
            })
            .collect();
        let graph = json(&root, &[dir]);
        let mut drawn = Vec::new();
        for project in graph["projects"].as_array().unwrap() {
            for f in project["findings"].as_array().unwrap() {
                drawn.push((
                    project["path"].as_str().unwrap().to_string(),
                    f["rule"].as_str().unwrap().to_string(),
                    f["line"].as_u64().unwrap(),
                    f["column"].as_u64().unwrap(),
                ));
            }
        }
        expected.sort();
        drawn.sort();
        assert!(!drawn.is_empty());
        assert_eq!(drawn, expected, "{dir}");
    }
}

#[test]
fn select_and_ignore_choose_the_findings_drawn() {
    let root = repo_root();
    let rules = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["examples/shop-broken"];
        all.extend_from_slice(args);
        let json = json(&root, &all);
        let mut rules: Vec<String> = json["projects"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule"].as_str().unwrap().to_string())
            .collect();
        rules.sort();
        rules.dedup();
        rules
    };
    assert_eq!(rules(&["--select", "L103"]), ["obsolete-version"]);
    assert_eq!(
        rules(&["--select", "startup"]),
        ["dependency-cycle", "healthy-without-healthcheck"]
    );
    assert!(!rules(&["--ignore", "startup,schema"])
        .iter()
        .any(|r| r == "dependency-cycle" || r == "obsolete-version"));
    // The picture itself does not change with the selection.
    let none = graph(&root, &["examples/shop-broken", "--select", "L103"]);
    assert!(none.contains("p0_s1_api -.-> p0_s2_worker"), "{none}");
}

#[test]
fn a_folder_draws_each_compose_file_as_its_own_project() {
    let json = json(&repo_root(), &["examples"]);
    let paths: Vec<&str> = json["projects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["path"].as_str().unwrap())
        .collect();
    assert!(paths.contains(&"examples/shop-broken/compose.yaml"));
    assert!(paths.contains(&"examples/shop-fixed/compose.yaml"));
    let mut sorted = paths.clone();
    sorted.sort_unstable();
    assert_eq!(paths, sorted);
    let mermaid = graph(&repo_root(), &["examples"]);
    assert!(mermaid.contains("subgraph p1 [\""));
    let dot = graph(&repo_root(), &["examples", "--format", "dot"]);
    assert_eq!(dot.matches("digraph").count(), 1);
    assert!(dot.contains("subgraph cluster_p1 {"));
}

#[test]
fn a_file_that_is_not_yaml_is_drawn_with_its_finding() {
    let dir = project("graph-broken-yaml", "services:\n  a: [\n");
    let out = graph(&dir, &[]);
    assert!(out.contains("other findings<br>⚠ yaml-syntax"), "{out}");
    let json = json(&dir, &[]);
    assert_eq!(json["projects"][0]["services"], serde_json::json!([]));
}

#[test]
fn exit_codes() {
    let root = repo_root();
    // Findings do not fail the command.
    assert_eq!(lashing(&root, &["graph", "examples/shop-broken"]).code, 0);
    let missing = lashing(&root, &["graph", "no/such/dir"]);
    assert_eq!(missing.code, 2);
    assert_eq!(missing.stdout, "");
    assert!(
        missing
            .stderr
            .contains("no/such/dir: no such file or directory"),
        "{}",
        missing.stderr
    );
    let empty = scratch("graph-empty");
    let none = lashing(&empty, &["graph"]);
    assert_eq!(none.code, 2);
    assert!(
        none.stderr.contains("no compose files found"),
        "{}",
        none.stderr
    );
    assert_eq!(
        lashing(&root, &["graph", "--format", "svg", "examples"]).code,
        2
    );
    let bad_rule = lashing(
        &root,
        &["graph", "--select", "obsolete-versoin", "examples"],
    );
    assert_eq!(bad_rule.code, 2);
    assert!(
        bad_rule.stderr.contains("did you mean `obsolete-version`"),
        "{}",
        bad_rule.stderr
    );
    assert_eq!(lashing(&root, &["graph", "a", "b"]).code, 2);
}

// --- Mermaid structure (always) -------------------------------------------

/// Checks what Mermaid's grammar needs of our output, line by line: known
/// statements only, identifiers of `[A-Za-z0-9_]`, every label one double-quoted
/// string with no raw `"`, `<` or `>` (only `<br>`), balanced `subgraph`/`end`,
/// edges between declared nodes or groups, `linkStyle` numbers that exist.
fn check_mermaid(text: &str) {
    fn is_id(s: &str) -> bool {
        !s.is_empty()
            && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            && s.starts_with('p')
    }
    fn check_label(label: &str, line: &str) {
        assert!(
            label.len() >= 2 && label.starts_with('"') && label.ends_with('"'),
            "label not quoted: {line}"
        );
        // Line breaks, then entity codes (`#34;`), are the only markup allowed.
        let mut rest = label[1..label.len() - 1].replace("<br>", " ");
        let mut plain = String::new();
        while let Some(at) = rest.find('#') {
            plain.push_str(&rest[..at]);
            let tail = &rest[at + 1..];
            let digits = tail.len() - tail.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            assert!(
                digits > 0 && tail[digits..].starts_with(';'),
                "bare # in {line}"
            );
            rest = tail[digits + 1..].to_string();
        }
        plain.push_str(&rest);
        for c in ['"', '<', '>', '|', '[', ']', '{', '}', '`', ';', '#'] {
            assert!(!plain.contains(c), "raw {c:?} in {line}");
        }
        assert!(!plain.chars().any(char::is_control), "control in {line}");
    }

    let mut lines = text.lines();
    assert!(
        matches!(lines.next(), Some("flowchart LR")),
        "header: {text}"
    );
    let mut depth = 0usize;
    let mut declared: HashSet<String> = HashSet::new();
    let mut edges = 0usize;
    let mut used: Vec<(String, String)> = Vec::new();
    for line in lines {
        let t = line.trim();
        if t == "direction TB" {
            assert!(depth > 0, "direction outside a group");
        } else if t == "end" {
            assert!(depth > 0, "unbalanced end");
            depth -= 1;
        } else if let Some(rest) = t.strip_prefix("subgraph ") {
            let (id, title) = rest.split_once(' ').expect("subgraph title");
            assert!(is_id(id), "bad subgraph id in {line}");
            assert!(title.starts_with('[') && title.ends_with(']'), "{line}");
            check_label(&title[1..title.len() - 1], line);
            assert!(declared.insert(id.to_string()), "{id} declared twice");
            depth += 1;
        } else if t.starts_with("classDef ") || t.starts_with("style ") {
            assert_eq!(depth, 0, "{line}");
        } else if let Some(rest) = t.strip_prefix("class ") {
            let (ids, _) = rest.split_once(' ').unwrap();
            for id in ids.split(',') {
                assert!(declared.contains(id), "class of unknown {id}");
            }
        } else if let Some(rest) = t.strip_prefix("linkStyle ") {
            let (numbers, _) = rest.split_once(' ').unwrap();
            for n in numbers.split(',') {
                assert!(n.parse::<usize>().unwrap() < edges, "{line}");
            }
        } else if t.contains(" -") || t.contains(" ==>") {
            assert_eq!(depth, 0, "edge inside a group: {line}");
            let (from, rest) = t.split_once(' ').unwrap();
            let (arrow, rest) = rest.split_once(['|', ' ']).unwrap();
            assert!(
                ["-->", "-.->", "-.-o", "==>", "-.-"].contains(&arrow),
                "arrow {arrow:?} in {line}"
            );
            let to = if t.contains(&format!("{arrow}|")) {
                let (label, to) = rest.rsplit_once("| ").unwrap();
                check_label(label, line);
                to
            } else {
                rest
            };
            assert!(is_id(from) && is_id(to), "{line}");
            used.push((from.to_string(), to.to_string()));
            edges += 1;
        } else {
            // A node: id, then its shape around a quoted label.
            let split = t.find(['[', '(', '{']).expect("node shape");
            let (id, shape) = t.split_at(split);
            assert!(is_id(id), "bad node id in {line}");
            assert!(depth > 0, "node outside its project: {line}");
            let (open, close) = [("[(", ")]"), ("([", "])"), ("{{", "}}"), ("[", "]")]
                .into_iter()
                .find(|(o, c)| shape.starts_with(o) && shape.ends_with(c))
                .expect("known shape");
            check_label(&shape[open.len()..shape.len() - close.len()], line);
            assert!(declared.insert(id.to_string()), "{id} declared twice");
        }
    }
    assert_eq!(depth, 0, "unclosed subgraph");
    for (from, to) in used {
        assert!(declared.contains(&from), "edge from undeclared {from}");
        assert!(declared.contains(&to), "edge to undeclared {to}");
    }
}

#[test]
fn mermaid_output_is_well_formed() {
    check_mermaid(&graph(&repo_root(), &["examples"]));
    check_mermaid(&graph(&project("graph-hard-mermaid", HARD), &[]));
    check_mermaid(&graph(&project("graph-broken-mermaid", "a: [\n"), &[]));
}

// --- Validation by the real tools (when installed) -------------------------

fn installed(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The outputs worth validating: every example, the hard names, a broken file.
fn inputs(format: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = example_dirs()
        .iter()
        .map(|dir| {
            let name = dir.file_name().unwrap().to_string_lossy().into_owned();
            let text = graph(dir, &["--format", format]);
            (name, text)
        })
        .collect();
    out.push(("examples".into(), graph(&examples(), &["--format", format])));
    let hard = project(&format!("graph-hard-{format}"), HARD);
    out.push(("hard".into(), graph(&hard, &["--format", format])));
    let broken = project(&format!("graph-broken-{format}"), "services: [\n");
    out.push(("broken".into(), graph(&broken, &["--format", format])));
    out
}

#[test]
fn graphviz_accepts_the_dot_output() {
    if !installed("dot") {
        println!("skipped: Graphviz `dot` is not installed");
        return;
    }
    let dir = scratch("graph-dot");
    for (name, text) in inputs("dot") {
        let input = dir.join(format!("{name}.dot"));
        std::fs::write(&input, &text).unwrap();
        let output = Command::new("dot")
            .arg("-Tsvg")
            .arg(&input)
            .output()
            .expect("run dot");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            output.status.success() && !stderr.contains("Error") && !stderr.contains("Warning"),
            "dot rejected {name}: {stderr}\n{text}"
        );
        assert!(String::from_utf8_lossy(&output.stdout).contains("<svg"));
    }
}

/// A puppeteer configuration for `mmdc`: the browser named by
/// `PUPPETEER_EXECUTABLE_PATH`, else a system Chromium, else puppeteer's own.
fn puppeteer_config(dir: &Path) -> PathBuf {
    let browser = std::env::var("PUPPETEER_EXECUTABLE_PATH").ok().or_else(|| {
        [
            "/usr/bin/chromium",
            "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome",
        ]
        .into_iter()
        .find(|p| Path::new(p).exists())
        .map(str::to_string)
    });
    let mut config = serde_json::json!({ "args": ["--no-sandbox", "--headless", "--disable-gpu"] });
    if let Some(browser) = browser {
        config["executablePath"] = browser.into();
    }
    let path = dir.join("puppeteer.json");
    std::fs::write(&path, config.to_string()).unwrap();
    path
}

#[test]
fn mermaid_cli_renders_the_mermaid_output() {
    if !installed("mmdc") {
        println!(
            "skipped: Mermaid's `mmdc` is not installed (npm install -g @mermaid-js/mermaid-cli)"
        );
        return;
    }
    let dir = scratch("graph-mmdc");
    let config = puppeteer_config(&dir);
    // One Markdown file with every diagram: one browser start for all of them.
    let inputs = inputs("mermaid");
    let mut markdown = String::new();
    for (name, text) in &inputs {
        markdown.push_str(&format!("## {name}\n\n```mermaid\n{text}```\n\n"));
    }
    let input = dir.join("all.md");
    std::fs::write(&input, markdown).unwrap();
    let output = Command::new("mmdc")
        .arg("-q")
        .arg("-p")
        .arg(&config)
        .arg("-i")
        .arg(&input)
        .arg("-o")
        .arg(dir.join("out.md"))
        .arg("-e")
        .arg("svg")
        .output()
        .expect("run mmdc");
    assert!(
        output.status.success(),
        "mmdc failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    for index in 1..=inputs.len() {
        let svg = std::fs::read_to_string(dir.join(format!("out-{index}.svg")))
            .unwrap_or_else(|_| panic!("no SVG for diagram {index}"));
        assert!(svg.contains("<svg"), "diagram {index}");
        assert!(
            !svg.contains("Syntax error"),
            "diagram {index}: {}",
            inputs[index - 1].0
        );
    }
}
