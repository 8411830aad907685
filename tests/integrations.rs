#![allow(clippy::unwrap_used, clippy::expect_used)]
//! End-to-end tests of what CI systems and editors read: one snapshot per output
//! format with its exit code, SARIF checked against the official schema, GitHub
//! workflow-command escaping, and a configured project (lashing.toml, inline
//! suppressions, per-service exceptions, per-file ignores, a baseline).

mod common;

use common::{lashing, repo_root, scratch};

fn configured() -> std::path::PathBuf {
    repo_root().join("tests/projects/configured")
}

const FORMATS: [&str; 8] = [
    "full",
    "concise",
    "json",
    "sarif",
    "github",
    "gitlab",
    "checkstyle",
    "junit",
];

#[test]
fn every_format_reports_the_configured_project_and_exits_1() {
    for format in FORMATS {
        let run = lashing(&configured(), &["check", "--format", format]);
        assert_eq!(run.code, 1, "--format {format}: {}", run.stderr);
        assert_eq!(run.stderr, "", "--format {format}");
        insta::assert_snapshot!(format!("format_{format}"), run.stdout);
    }
}

#[test]
fn every_format_exits_0_on_a_clean_project_and_2_on_a_bad_config() {
    let clean = repo_root().join("tests/projects/clean");
    for format in FORMATS {
        let run = lashing(&clean, &["check", "--format", format]);
        assert_eq!(
            run.code, 0,
            "--format {format}: {}{}",
            run.stdout, run.stderr
        );
        match format {
            "json" | "sarif" | "gitlab" => {
                serde_json::from_str::<serde_json::Value>(&run.stdout)
                    .unwrap_or_else(|e| panic!("--format {format} is not JSON: {e}"));
            }
            "checkstyle" | "junit" => assert!(run.stdout.starts_with("<?xml"), "{format}"),
            _ => {}
        }
        // --exit-zero turns 1 into 0, never 2 into 0.
        let findings = lashing(&configured(), &["check", "--format", format, "--exit-zero"]);
        assert_eq!(findings.code, 0, "--format {format} --exit-zero");
    }
    let dir = scratch("bad-config");
    std::fs::write(
        dir.join("compose.yaml"),
        "services:\n  web:\n    image: nginx:1.27\n",
    )
    .unwrap();
    std::fs::write(dir.join("lashing.toml"), "[lint]\nignore = []\n").unwrap();
    for format in FORMATS {
        let run = lashing(
            &dir,
            &[
                "check",
                "--format",
                format,
                "--exit-zero",
                "--select",
                "nonsense",
            ],
        );
        assert_eq!(run.code, 2, "--format {format}");
    }
}

#[test]
fn lashing_format_environment_variable_chooses_the_format() {
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_lashing"))
        .args(["check"])
        .current_dir(configured())
        .env("LASHING_FORMAT", "github")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(stdout.starts_with("::"), "{stdout}");
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_lashing"))
        .args(["check"])
        .current_dir(configured())
        .env("LASHING_FORMAT", "sarif2")
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("sarif"));
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let schema_path = repo_root().join("../shared/reference/sarif-schema-2.1.0.json");
    let Ok(schema_text) = std::fs::read_to_string(&schema_path) else {
        eprintln!(
            "skipped: {} is not present (the shared reference folder is not checked out)",
            schema_path.display()
        );
        return;
    };
    let schema: serde_json::Value = serde_json::from_str(&schema_text).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the SARIF schema compiles");
    // The configured project has suppressed findings, related locations and
    // findings of several levels; the corpus adds every kind of finding there is.
    let mut outputs = vec![
        lashing(
            &configured(),
            &["check", "--format", "sarif", "--show-suppressed"],
        )
        .stdout,
    ];
    let corpus = repo_root().join("../shared/corpus");
    if corpus.is_dir() {
        let run = lashing(
            &repo_root(),
            &[
                "check",
                "--format",
                "sarif",
                "--select",
                "all",
                corpus.to_str().unwrap(),
            ],
        );
        outputs.push(run.stdout);
    }
    for output in outputs {
        let log: serde_json::Value = serde_json::from_str(&output).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&log)
            .take(10)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "SARIF schema violations:\n{}",
            errors.join("\n")
        );
        let run = &log["runs"][0];
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        assert!(rules.len() > 60, "every rule is described");
        for result in run["results"].as_array().unwrap() {
            let index = result["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[index]["id"], result["ruleId"]);
            assert!(result["partialFingerprints"]["lashing/v1"].is_string());
        }
    }
}

#[test]
fn sarif_marks_suppressed_findings_with_their_kind_and_reason() {
    let run = lashing(&configured(), &["check", "--format", "sarif"]);
    let log: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    let suppression = |rule_id: &str, line: u64| {
        results
            .iter()
            .find(|r| {
                r["ruleId"] == rule_id
                    && r["locations"][0]["physicalLocation"]["region"]["startLine"] == line
            })
            .map(|r| r["suppressions"].clone())
            .unwrap_or_else(|| panic!("no {rule_id} result on line {line}"))
    };
    // obsolete-version, suppressed inline.
    assert_eq!(suppression("L103", 2)[0]["kind"], "inSource");
    assert_eq!(
        suppression("L103", 2)[0]["justification"],
        "still deployed with docker stack"
    );
    // sensitive-port-all-interfaces on db, a configured exception.
    assert_eq!(suppression("L401", 7)[0]["kind"], "external");
    assert_eq!(
        suppression("L401", 7)[0]["justification"],
        "local development only"
    );
}

#[test]
fn github_annotations_escape_what_the_runner_would_misread() {
    // A folder name with every character GitHub's workflow commands treat
    // specially in a property: `%`, `,` and `:`.
    let dir = scratch("github-escape").join("team%1,a:b");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("compose.yaml"),
        "services:\n  web:\n    image: nginx:1.27\n    privileged: true\n",
    )
    .unwrap();
    let run = lashing(
        dir.parent().unwrap(),
        &["check", "--format", "github", "--no-config"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let line = run
        .stdout
        .lines()
        .find(|l| l.contains("privileged"))
        .expect("a privileged annotation");
    assert!(
        line.starts_with(
            "::error file=team%251%2Ca%3Ab/compose.yaml,line=4,col=17,endLine=4,endColumn=20,title=lashing privileged (L602)::"
        ),
        "{line}"
    );
    // The help is on a second line of the annotation, encoded so that the
    // command stays on one line.
    assert!(line.contains("%0Ahelp: "), "{line}");
    assert_eq!(
        run.stdout.lines().count(),
        run.stdout.matches("::").count() / 2
    );
}

#[test]
fn statistics_count_findings_per_rule() {
    let run = lashing(&configured(), &["check", "--statistics"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("statistics_text", run.stdout);
    let json = lashing(
        &configured(),
        &["check", "--statistics", "--format", "json"],
    );
    let rows: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let unused = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "unused-suppression")
        .unwrap();
    assert_eq!(unused["count"], 2);
    let bad = lashing(
        &configured(),
        &["check", "--statistics", "--format", "sarif"],
    );
    assert_eq!(bad.code, 2);
}

#[test]
fn quiet_prints_only_findings() {
    let run = lashing(&configured(), &["check", "--format", "full", "--quiet"]);
    assert!(!run.stdout.contains("Found "), "{}", run.stdout);
    let loud = lashing(&configured(), &["check", "--format", "full"]);
    assert!(
        loud.stdout
            .trim_end()
            .ends_with("in 2 files; 6 suppressed."),
        "{}",
        loud.stdout
    );
}

#[test]
fn the_configuration_is_applied() {
    let run = lashing(
        &configured(),
        &["check", "--format", "json", "--show-suppressed"],
    );
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let findings = json["findings"].as_array().unwrap();
    let find = |rule: &str, path: &str| {
        findings
            .iter()
            .filter(|f| f["rule"] == rule && f["path"] == path)
            .collect::<Vec<_>>()
    };
    // severity override: floating-image-tag is an error here.
    assert_eq!(
        find("floating-image-tag", "compose.yaml")[0]["severity"],
        "error"
    );
    // per-file ignore: no obsolete-version in legacy/.
    assert!(find("obsolete-version", "legacy/docker-compose.yml").is_empty());
    // extend-select: an off-by-default rule runs (and ignore-file keeps it out of
    // compose.yaml, where every finding of it is suppressed).
    assert_eq!(
        find("missing-no-new-privileges", "legacy/docker-compose.yml").len(),
        1
    );
    assert!(find("missing-no-new-privileges", "compose.yaml")
        .iter()
        .all(|f| f["suppression"]["kind"] == "inline"));
    // ignore: root-user never runs.
    assert!(findings.iter().all(|f| f["rule"] != "root-user"));
    // exception: db's port is suppressed with the reason; cache's, by code, inline.
    let ports = find("sensitive-port-all-interfaces", "compose.yaml");
    assert_eq!(ports.len(), 2);
    assert_eq!(ports[0]["service"], "db");
    assert_eq!(
        ports[0]["suppression"],
        serde_json::json!({ "kind": "exception", "reason": "local development only" })
    );
    assert_eq!(ports[1]["suppression"]["kind"], "inline");
    // unused suppressions: a misspelt rule, and a comment over a line without it.
    let unused = find("unused-suppression", "compose.yaml");
    assert_eq!(unused.len(), 2);
    assert_eq!(
        (unused[0]["line"].as_u64(), unused[0]["column"].as_u64()),
        (Some(17), Some(41))
    );
    assert_eq!(json["summary"]["suppressed"], 6);

    // Without --show-suppressed, suppressed findings are counted, not listed.
    let hidden = lashing(&configured(), &["check", "--format", "json"]);
    let hidden: serde_json::Value = serde_json::from_str(&hidden.stdout).unwrap();
    assert!(hidden["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f.get("suppression").is_none()));
    assert_eq!(hidden["summary"]["suppressed"], 6);

    // --no-config: none of it applies.
    let plain = lashing(&configured(), &["check", "--format", "json", "--no-config"]);
    let plain: serde_json::Value = serde_json::from_str(&plain.stdout).unwrap();
    assert!(plain["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["rule"] == "obsolete-version" && f["path"] == "legacy/docker-compose.yml"));
}

#[test]
fn suppressed_findings_never_fail_the_run() {
    let dir = scratch("only-suppressed");
    std::fs::write(
        dir.join("compose.yaml"),
        "services:\n  web:\n    image: nginx:1.27\n    privileged: true  # lashing: ignore[privileged] raw sockets\n",
    )
    .unwrap();
    let run = lashing(&dir, &["check", "--format", "concise"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(run.stdout, "");
}

#[test]
fn a_misspelt_config_key_exits_2_with_its_position_and_a_suggestion() {
    let dir = scratch("misspelt-config");
    std::fs::write(
        dir.join("compose.yaml"),
        "services:\n  web:\n    image: nginx:1.27\n",
    )
    .unwrap();
    // `check` with `lashing.toml` holding `config`: a broken one always exits 2.
    let check_with = |config: &str| {
        std::fs::write(dir.join("lashing.toml"), config).unwrap();
        let run = lashing(&dir, &["check"]);
        assert_eq!(run.code, 2, "{config}");
        run
    };
    let run = check_with(
        "[lint]\nextend-select = [\"hardening\"]\n\n[[lint.exceptions]]\nrule = \"privileged\"\nservice = [\"web\"]\nreason = \"x\"\n",
    );
    assert_eq!(run.stdout, "");
    insta::assert_snapshot!("misspelt_config_key", run.stderr);

    let run = check_with("[lint]\nignore = [\"privilegd\"]\nfail-on = \"warn\"\n");
    insta::assert_snapshot!("bad_config_values", run.stderr);

    let run = check_with("[lint]\nignore = [\"privilegd\"]\n");
    assert_eq!(
        run.stderr.trim_end(),
        "lashing: error: lashing.toml:2:11: unknown rule, code or category `privilegd` (did you mean `privileged`?)"
    );

    // --no-config ignores the broken file; --config names one explicitly.
    assert_eq!(lashing(&dir, &["check", "--no-config"]).code, 0);
    std::fs::write(dir.join("strict.toml"), "[lint]\nselect = [\"all\"]\n").unwrap();
    let strict = lashing(
        &dir,
        &["check", "--config", "strict.toml", "--format", "concise"],
    );
    assert_eq!(
        strict.code, 0,
        "hardening findings are info: {}",
        strict.stdout
    );
    assert!(
        strict.stdout.contains("info[missing-read-only]"),
        "{}",
        strict.stdout
    );
}

#[test]
fn the_nearest_configuration_applies_up_to_the_repository_root() {
    let root = scratch("nearest-config");
    std::fs::create_dir_all(root.join("repo/.git")).unwrap();
    std::fs::create_dir_all(root.join("repo/app/sub")).unwrap();
    let compose = "version: \"3\"\nservices:\n  web:\n    image: nginx:1.27\n";
    std::fs::write(root.join("repo/app/sub/compose.yaml"), compose).unwrap();
    std::fs::write(root.join("repo/compose.yaml"), compose).unwrap();
    // Above the repository: never read.
    std::fs::write(root.join("lashing.toml"), "[lint]\nignore = [\"all\"]\n").unwrap();
    // In the repository's app/ folder: applies to app/sub, not to the root.
    std::fs::write(
        root.join("repo/app/.lashing.toml"),
        "[lint]\nignore = [\"obsolete-version\"]\n",
    )
    .unwrap();
    let run = lashing(&root.join("repo"), &["check", "--format", "concise"]);
    assert_eq!(
        run.stdout,
        "compose.yaml:1:1: warning[obsolete-version] `version` (`3`) is obsolete: Compose ignores it and warns on every run\n"
    );
}

#[test]
fn a_baseline_suppresses_what_it_lists_and_survives_line_moves() {
    let dir = scratch("baseline");
    let before = "services:\n  web:\n    image: nginx:1.27\n    privileged: true\n";
    std::fs::write(dir.join("compose.yaml"), before).unwrap();
    let write = lashing(&dir, &["baseline", "--no-config"]);
    assert_eq!(write.code, 0, "{}", write.stderr);
    assert!(write.stderr.contains("wrote 1 finding"), "{}", write.stderr);
    let baseline: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("lashing-baseline.json")).unwrap())
            .unwrap();
    assert_eq!(baseline["findings"][0]["rule"], "privileged");

    // Lines added above: the finding moved, and is still the baselined one.
    let after = "# a comment\nservices:\n  cache:\n    image: redis:7.4\n  web:\n    image: nginx:1.27\n    privileged: true\n";
    std::fs::write(dir.join("compose.yaml"), after).unwrap();
    let run = lashing(
        &dir,
        &[
            "check",
            "--baseline",
            "lashing-baseline.json",
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["summary"]["suppressed"], 1);
    assert_eq!(json["summary"]["findings"], 0);

    // A new finding of the same rule is not in the baseline.
    let more = format!("{after}  worker:\n    image: busybox:1.36\n    privileged: true\n");
    std::fs::write(dir.join("compose.yaml"), more).unwrap();
    let run = lashing(
        &dir,
        &[
            "check",
            "--baseline",
            "lashing-baseline.json",
            "--format",
            "concise",
        ],
    );
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);
    assert!(
        run.stdout
            .starts_with("compose.yaml:10:17: error[privileged]"),
        "{}",
        run.stdout
    );

    // Named in lashing.toml, relative to its folder.
    std::fs::write(
        dir.join("lashing.toml"),
        "[lint]\nbaseline = \"lashing-baseline.json\"\n",
    )
    .unwrap();
    let run = lashing(&dir, &["check", "--format", "concise"]);
    assert_eq!(run.stdout.lines().count(), 1, "{}", run.stdout);

    // A broken baseline is an error, not an empty one.
    std::fs::write(dir.join("lashing-baseline.json"), "{\"version\": 1}").unwrap();
    assert_eq!(lashing(&dir, &["check"]).code, 2);
}
