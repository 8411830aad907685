#![allow(clippy::unwrap_used, clippy::expect_used)]

use lashing_schema::{validate, Violation, ViolationKind};
use lashing_syntax::FileId;

fn check(text: &str) -> Vec<Violation> {
    let yaml = lashing_syntax::yaml::parse(FileId(0), text);
    assert!(yaml.error.is_none(), "YAML error: {:?}", yaml.error);
    let (root, errors) = lashing_compose::tree::from_document(&yaml.documents[0]);
    assert!(errors.is_empty(), "tree errors: {errors:?}");
    validate(&root.expect("a document"))
}

/// The violations as `(source text at the span, message, help)`.
fn report(text: &str) -> Vec<(String, String, Option<String>)> {
    check(text)
        .into_iter()
        .map(|v| {
            (
                text[v.span.start as usize..v.span.end as usize].to_owned(),
                v.message,
                v.help,
            )
        })
        .collect()
}

fn assert_clean(text: &str) {
    let found = report(text);
    assert!(found.is_empty(), "unexpected violations: {found:#?}");
}

#[test]
fn realistic_file_is_clean() {
    assert_clean(
        r#"
name: shop
x-common: &common
  restart: unless-stopped
  logging:
    driver: json-file
    options:
      max-size: "10m"
      max-file: 3
services:
  web:
    <<: *common
    build:
      context: ./web
      args:
        NODE_ENV: production
      x-note: built in CI
    image: shop/web:1.4
    ports:
      - "8080:80"
      - 443
      - target: 9000
        published: "9000"
        protocol: tcp
    environment:
      DEBUG: "false"
      WORKERS: 4
      EMPTY:
    depends_on:
      db:
        condition: service_healthy
        restart: true
      cache:
        condition: service_started
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost"]
      interval: 30s
      retries: 3
    deploy:
      resources:
        limits:
          cpus: "0.5"
          memory: 512M
    networks:
      front:
      back:
        aliases: [web]
    volumes:
      - ./static:/srv/static:ro
      - type: volume
        source: data
        target: /data
        volume:
          nocopy: true
    ulimits:
      nofile:
        soft: 1024
        hard: 2048
      nproc: 512
    x-extra: anything
  db:
    image: postgres:16
    command: postgres -c log_statement=all
    cpu_percent: 50
    oom_score_adj: -500
    pull_policy: always
    container_name: shop-db
    healthcheck:
      test: pg_isready
    env_file:
      - .env
      - path: db.env
        required: false
  cache:
    image: redis:7
    depends_on: [db]
    cpus: 0.5
    privileged: "yes"
    init: true
    stop_grace_period: 1m
  x-template:
    image: busybox
networks:
  front: {}
  back:
    driver: bridge
    ipam:
      config:
        - subnet: 172.28.0.0/16
volumes:
  data:
  logs:
    external: true
secrets:
  token:
    file: ./token.txt
configs:
  nginx:
    content: |
      server {}
x-anything:
  - 1
"#,
    );
}

#[test]
fn misspelt_service_attribute_suggests_the_right_one() {
    let text = "services:\n  web:\n    image: nginx\n    heathcheck:\n      test: true\n";
    let found = check(text);
    assert_eq!(found.len(), 1, "{found:#?}");
    let v = &found[0];
    assert_eq!(v.kind, ViolationKind::UnknownKey);
    assert_eq!(
        &text[v.span.start as usize..v.span.end as usize],
        "heathcheck"
    );
    assert_eq!(v.message, "`heathcheck` is not a service attribute");
    assert_eq!(v.help.as_deref(), Some("did you mean `healthcheck`?"));
}

#[test]
fn unknown_key_without_a_close_match_gets_a_short_hint() {
    let found = report("services:\n  web:\n    image: nginx\n    frobnicate: 1\n");
    assert_eq!(
        found,
        [(
            "frobnicate".to_owned(),
            "`frobnicate` is not a service attribute".to_owned(),
            Some("custom keys must start with `x-`".to_owned())
        )]
    );
    // A small object lists what it takes.
    let found = report("services:\n  web:\n    image: nginx\n    extends:\n      servize: base\n");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[0].1, "`extends` needs `service`");
    assert_eq!(found[0].0, "extends");
    assert_eq!(found[1].1, "`servize` is not allowed in `extends`");
    assert_eq!(found[1].2.as_deref(), Some("did you mean `service`?"));
}

#[test]
fn top_level_typo() {
    let found = report("servics:\n  web:\n    image: nginx\n");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].1, "`servics` is not a top-level key");
    assert_eq!(found[0].2.as_deref(), Some("did you mean `services`?"));
}

#[test]
fn every_violation_is_reported_at_its_own_node() {
    let text = r#"
services:
  web:
    image: nginx
    restart: {policy: always}
    heathcheck: {}
    ports: {http: 80}
    depends_on:
      db:
        condition: service_ready
      cache:
        required: true
    volumes:
      - source: ./data
        target: /data
  "my app":
    image: 1
volumes:
  data:
    drivr: local
"#;
    let found = report(text);
    let expected: Vec<(&str, &str)> = vec![
        ("{policy: always}", "`restart` must be a string, not a mapping"),
        ("heathcheck", "`heathcheck` is not a service attribute"),
        ("{http: 80}", "`ports` must be a sequence, not a mapping"),
        (
            "service_ready",
            "`depends_on.db.condition` must be one of `service_started`, `service_healthy` or `service_completed_successfully`",
        ),
        ("cache", "`depends_on.cache` needs `condition`"),
        ("source: ./data\n        target: /data", "`volumes[0]` needs `type`"),
        ("\"my app\"", "service name `my app` may only contain letters, digits, `.`, `_` and `-`"),
        ("drivr", "`drivr` is not a volume attribute"),
    ];
    let got: Vec<(&str, &str)> = found
        .iter()
        .map(|(s, m, _)| (s.as_str(), m.as_str()))
        .collect();
    assert_eq!(got, expected, "{found:#?}");
}

#[test]
fn wrong_types() {
    let found = report(
        "services:\n  web:\n    build: [a]\n    image: 1\n    environment:\n    command: {a: b}\n    use_api_socket: maybe\n",
    );
    let got: Vec<&str> = found.iter().map(|(_, m, _)| m.as_str()).collect();
    assert_eq!(
        got,
        [
            "`build` must be a string or a mapping, not a sequence",
            "`image` must be a string, not an integer",
            "`environment` must be a mapping or a sequence, not null",
            "`command` must be a string, null or a sequence, not a mapping",
            "`use_api_socket` must be a boolean, not a string",
        ]
    );
    let found = report("services:\n  web: nginx\n");
    assert_eq!(found[0].1, "service `web` must be a mapping, not a string");
    assert_eq!(found[0].0, "nginx");
    let found = report("- a\n");
    assert_eq!(
        found[0].1,
        "the Compose file must be a mapping, not a sequence"
    );
}

#[test]
fn restart_is_any_string_and_enums_suggest() {
    assert_clean("services:\n  web:\n    image: nginx\n    restart: sometimes\n");
    // yaml.v3 reads `no` as a string, which `restart` takes.
    assert_clean("services:\n  web:\n    image: nginx\n    restart: no\n");
    let found = report(
        "services:\n  web:\n    image: nginx\n    depends_on:\n      db:\n        condition: service_healty\n  db:\n    image: pg\n",
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, "service_healty");
    assert_eq!(
        found[0].2.as_deref(),
        Some("did you mean `service_healthy`?")
    );
}

#[test]
fn long_volume_needs_type_and_checks_enum() {
    let found = report(
        "services:\n  web:\n    image: nginx\n    volumes:\n      - type: bnd\n        source: .\n        target: /x\n        bind:\n          selinux: q\n",
    );
    let got: Vec<&str> = found.iter().map(|(_, m, _)| m.as_str()).collect();
    assert_eq!(
        got,
        [
            "`volumes[0].type` must be one of `bind`, `volume`, `tmpfs`, `cluster`, `npipe` or `image`",
            "`volumes[0].bind.selinux` must be one of `z` or `Z`",
        ]
    );
    assert_eq!(found[0].2.as_deref(), Some("did you mean `bind`?"));
}

#[test]
fn extension_names_and_keys() {
    // `x-foo` as a service name is an ordinary (valid) name, validated as a service.
    assert_clean("services:\n  x-foo:\n    image: nginx\n    x-meta: {any: [thing]}\n");
    let found = report("services:\n  x-foo:\n    imgae: nginx\n");
    assert_eq!(found[0].1, "`imgae` is not a service attribute");
    // Extension keys in nested objects that allow them.
    assert_clean(
        "services:\n  web:\n    image: nginx\n    healthcheck:\n      x-why: slow\n      test: [\"NONE\"]\n    deploy:\n      x-k: 1\n",
    );
    // Not where the schema has no `^x-` (blkio_config, include items).
    let found = report("services:\n  web:\n    image: nginx\n    blkio_config:\n      x-k: 1\n");
    assert_eq!(found[0].1, "`x-k` is not allowed in `blkio_config`");
}

#[test]
fn interpolation_leniency() {
    assert_clean(
        r#"
services:
  web:
    image: "${IMAGE}"
    ports: ["${P}:80"]
    cpus: "0.5"
    privileged: "yes"
    scale: "${SCALE}"
    cpu_count: "4"
    use_api_socket: "on"
    healthcheck:
      retries: "${R:-3}"
    depends_on:
      db:
        condition: "${COND}"
        required: "false"
    pull_policy: "${PULL}"
    container_name: "${NAME}"
  db:
    image: pg
models:
  llm:
    model: ai/llama
    context_size: "4096"
"#,
    );
    let found = report("models:\n  llm:\n    model: ai/llama\n    context_size: big\n");
    assert_eq!(
        found[0].1,
        "`context_size` must be an integer, not a string"
    );
}

#[test]
fn null_values_follow_the_schema() {
    // `oneOf [object, null]` / `type: [object, null]`: fine.
    assert_clean(
        "services:\n  web:\n    image: nginx\n    networks:\n      db:\n    deploy:\n    develop:\n    command:\n    pid:\nnetworks:\n  db:\nvolumes:\n  v:\n",
    );
    // Secrets and configs must be mappings.
    let found = report("secrets:\n  s:\n");
    assert_eq!(found[0].1, "secret `s` must be a mapping, not null");
}

#[test]
fn unique_items() {
    let found = report(
        "services:\n  web:\n    image: nginx\n    cap_add: [NET_ADMIN, SYS_TIME, NET_ADMIN]\n    ports:\n      - \"80:80\"\n      - 443\n      - \"80:80\"\n      - {target: 1}\n      - {target: 1}\n    expose: [80, \"80\"]\n",
    );
    let got: Vec<(&str, &str)> = found
        .iter()
        .map(|(s, m, _)| (s.as_str(), m.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("NET_ADMIN", "`cap_add` lists `NET_ADMIN` more than once"),
            ("\"80:80\"", "`ports` lists `80:80` more than once"),
            ("{target: 1}", "`ports` item 4 repeats item 3"),
        ]
    );
    assert_eq!(
        found[0].2.as_deref(),
        Some("first listed as item 0; the items must be unique")
    );
    // `extra_hosts` values may repeat (`"uniqueItems": false` upstream).
    assert_clean(
        "services:\n  web:\n    image: nginx\n    extra_hosts:\n      host: [\"1.2.3.4\", \"1.2.3.4\"]\n",
    );
}

#[test]
fn ranges_and_patterns() {
    let found = report(
        "services:\n  web:\n    image: nginx\n    cpu_percent: 150\n    oom_score_adj: -2000\n    cpu_count: -1\n    container_name: a\n    pull_policy: alwys\n",
    );
    let got: Vec<&str> = found.iter().map(|(_, m, _)| m.as_str()).collect();
    assert_eq!(
        got,
        [
            "`cpu_percent` must be between 0 and 100",
            "`oom_score_adj` must be between -1000 and 1000",
            "`cpu_count` must be at least 0",
            "`container_name` `a` must contain a letter or digit followed by at least one more letter, digit, `_`, `.` or `-`",
            "`pull_policy` `alwys` must be `always`, `never`, `build`, `if_not_present`, `missing`, `refresh`, `daily`, `weekly` or `every_<duration>` (such as `every_12h`)",
        ]
    );
    assert_eq!(found[4].2.as_deref(), Some("did you mean `always`?"));
    // The schema's patterns are unanchored: these pass, faithfully.
    assert_clean(
        "services:\n  web:\n    image: nginx\n    container_name: \"my app\"\n    pull_policy: every_12h\n",
    );
}

#[test]
fn depends_on_list_and_names() {
    let found = report(
        "services:\n  web:\n    image: nginx\n    depends_on:\n      \"bad name\":\n        condition: service_started\n",
    );
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].1,
        "service name `bad name` may only contain letters, digits, `.`, `_` and `-`"
    );
    let found = report("services:\n  web:\n    image: nginx\n    depends_on: db\n");
    assert_eq!(
        found[0].1,
        "`depends_on` must be a mapping or a sequence, not a string"
    );
}

#[test]
fn reset_nodes_are_skipped() {
    assert_clean("services:\n  web:\n    image: nginx\n    ports: !reset {}\n");
}

#[test]
fn anchors_used_twice_are_reported_once() {
    let found = report(
        "x-base: &base\n  imagee: nginx\nservices:\n  a:\n    <<: *base\n  b:\n    <<: *base\n",
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].0, "imagee");
}

#[test]
fn large_lists_stay_fast() {
    let mut text = String::from("services:\n  web:\n    image: nginx\n    ports:\n");
    for i in 0..20_000 {
        text.push_str(&format!("      - {{target: {i}, published: \"{i}\"}}\n"));
    }
    text.push_str("      - {published: \"7\", target: 7}\n");
    let started = std::time::Instant::now();
    let found = check(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].message, "`ports` item 20000 repeats item 7");
    assert!(started.elapsed().as_secs() < 10);
}
