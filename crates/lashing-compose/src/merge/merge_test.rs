#![allow(clippy::unwrap_used, clippy::expect_used)]

use lashing_syntax::yaml::parse;
use lashing_syntax::FileId;

use super::*;
use crate::tree::{from_document, Node, Value};

fn doc(file: u32, text: &str) -> Node {
    let yaml = parse(FileId(file), text);
    assert!(yaml.error.is_none(), "{:?}", yaml.error);
    let (node, errors) = from_document(&yaml.documents[0]);
    assert!(errors.is_empty(), "{errors:?}");
    node.unwrap()
}

/// The first file (tags stripped, as a standalone file) with the second merged in.
fn merged(base: &str, over: &str) -> Node {
    let mut root = doc(0, base);
    strip_tags(&mut root);
    merge_files(&mut root, doc(1, over));
    root
}

/// A compact flow rendering: `{k: v, l: [a, b]}`, `~` for null, tags shown.
fn render(node: &Node) -> String {
    let tag = match node.tag {
        Some(Tag::Reset) => "!reset ",
        Some(Tag::Override) => "!override ",
        None => "",
    };
    let body = match &node.value {
        Value::Scalar(_) if node.is_null() => "~".to_owned(),
        Value::Scalar(s) => s.text.clone(),
        Value::Sequence(items) => {
            let items: Vec<_> = items.iter().map(render).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Mapping(entries) => {
            let entries: Vec<_> = entries
                .iter()
                .map(|e| format!("{}: {}", e.key.text, render(&e.value)))
                .collect();
            format!("{{{}}}", entries.join(", "))
        }
    };
    format!("{tag}{body}")
}

/// `services.<name>.<attr>` of a merge, rendered (`-` when absent).
fn attr(base: &str, over: &str, name: &str, attribute: &str) -> String {
    let root = merged(base, over);
    let service = root.get("services").unwrap().get(name).unwrap();
    service
        .get(attribute)
        .map_or_else(|| "-".to_owned(), render)
}

/// Merges two definitions of service `s` and renders its `attribute`.
fn svc(base: &str, over: &str, attribute: &str) -> String {
    let indent = |s: &str| s.lines().map(|l| format!("    {l}\n")).collect::<String>();
    let base = format!("services:\n  s:\n{}", indent(base));
    let over = format!("services:\n  s:\n{}", indent(over));
    attr(&base, &over, "s", attribute)
}

fn file_of(node: &Node) -> u32 {
    node.span.file.0
}

// --- defaults ---------------------------------------------------------------

#[test]
fn mappings_deep_merge_and_new_keys_come_in_the_later_order() {
    let root = merged(
        "services:\n  a: {image: x, restart: always}\n",
        "services:\n  b: {image: z}\n  a: {image: y, tty: true}\nname: p\n",
    );
    assert_eq!(
        render(&root),
        "{services: {a: {image: y, restart: always, tty: true}, b: {image: z}}, name: p}"
    );
}

#[test]
fn sequences_are_appended_by_default() {
    let got = merged("include: [a.yaml]\n", "include: [b.yaml, a.yaml]\n");
    assert_eq!(render(&got), "{include: [a.yaml, b.yaml, a.yaml]}");
}

#[test]
fn scalars_are_replaced_and_keep_the_later_span_and_key() {
    let root = merged(
        "services:\n  a:\n    image: x\n",
        "services:\n  a:\n    image: y\n",
    );
    let entry = root
        .get("services")
        .unwrap()
        .get("a")
        .unwrap()
        .entry("image")
        .unwrap();
    assert_eq!(entry.value.as_str(), Some("y"));
    assert_eq!(file_of(&entry.value), 1);
    assert_eq!(entry.key.span.file, FileId(1));
}

#[test]
fn merged_containers_keep_the_earlier_span_and_kept_values_theirs() {
    let root = merged(
        "services:\n  a:\n    image: x\n    restart: always\n",
        "services:\n  a:\n    image: y\n",
    );
    let a = root.get("services").unwrap().get("a").unwrap();
    assert_eq!(file_of(a), 0);
    assert_eq!(file_of(a.get("restart").unwrap()), 0);
    assert_eq!(file_of(a.get("image").unwrap()), 1);
}

#[test]
fn a_later_null_keeps_the_earlier_value() {
    assert_eq!(svc("image: x\n", "image:\n", "image"), "x");
    assert_eq!(
        svc("environment: {A: '1'}\n", "environment:\n", "environment"),
        "{A: 1}"
    );
}

#[test]
fn an_earlier_null_is_replaced() {
    assert_eq!(
        svc("environment:\n", "environment: [A=1]\n", "environment"),
        "[A=1]"
    );
}

#[test]
fn a_different_kind_replaces() {
    assert_eq!(svc("x-a: [1, 2]\n", "x-a: {k: v}\n", "x-a"), "{k: v}");
    assert_eq!(svc("x-a: {k: v}\n", "x-a: text\n", "x-a"), "text");
    assert_eq!(svc("x-a: text\n", "x-a: [1]\n", "x-a"), "[1]");
    let root = merged("services: {}\n", "services: [a]\n");
    assert_eq!(render(&root), "{services: [a]}");
}

#[test]
fn extensions_are_deep_merged() {
    let root = merged(
        "x-common:\n  env: {A: '1'}\n  list: [a]\n  deep: {b: {c: 1, d: 2}}\n",
        "x-common:\n  env: {B: '2'}\n  list: [b]\n  deep: {b: {c: 3}}\n",
    );
    assert_eq!(
        render(&root),
        "{x-common: {env: {A: 1, B: 2}, list: [a, b], deep: {b: {c: 3, d: 2}}}}"
    );
    let c = root
        .get("x-common")
        .unwrap()
        .get("deep")
        .unwrap()
        .get("b")
        .unwrap();
    assert_eq!(file_of(c.get("c").unwrap()), 1);
    assert_eq!(file_of(c.get("d").unwrap()), 0);
}

#[test]
fn a_whole_new_service_moves_over_with_its_spans() {
    let root = merged(
        "services:\n  a: {image: x}\n",
        "services:\n  b:\n    image: y\n",
    );
    let b = root.get("services").unwrap().get("b").unwrap();
    assert_eq!(file_of(b), 1);
    assert_eq!(file_of(b.get("image").unwrap()), 1);
    assert_eq!(
        root.get("services")
            .unwrap()
            .entry("b")
            .unwrap()
            .key
            .span
            .file,
        FileId(1)
    );
}

// --- replaced attributes ------------------------------------------------------

#[test]
fn command_and_entrypoint_are_replaced() {
    assert_eq!(svc("command: [a, b]\n", "command: [c]\n", "command"), "[c]");
    assert_eq!(svc("command: a b\n", "command: [c]\n", "command"), "[c]");
    assert_eq!(
        svc(
            "entrypoint: [sh]\n",
            "entrypoint: [bash, -c]\n",
            "entrypoint"
        ),
        "[bash, -c]"
    );
}

#[test]
fn healthcheck_test_is_replaced_and_the_rest_merged() {
    let got = svc(
        "healthcheck:\n  test: [CMD, a]\n  interval: 10s\n  retries: 3\n",
        "healthcheck:\n  test: [CMD, b]\n  interval: 5s\n",
        "healthcheck",
    );
    assert_eq!(got, "{test: [CMD, b], interval: 5s, retries: 3}");
}

#[test]
fn each_ulimit_is_replaced_and_other_ulimits_kept() {
    let got = svc(
        "ulimits:\n  nofile: {soft: 1, hard: 2}\n  nproc: 10\n",
        "ulimits:\n  nofile: {soft: 3}\n  core: 0\n",
        "ulimits",
    );
    assert_eq!(got, "{nofile: {soft: 3}, nproc: 10, core: 0}");
}

#[test]
fn logging_with_the_same_driver_is_merged() {
    let got = svc(
        "logging:\n  driver: json-file\n  options: {max-size: 1m}\n",
        "logging:\n  driver: json-file\n  options: {max-file: '3'}\n",
        "logging",
    );
    assert_eq!(
        got,
        "{driver: json-file, options: {max-size: 1m, max-file: 3}}"
    );
}

#[test]
fn logging_with_one_driver_missing_is_merged() {
    let got = svc(
        "logging:\n  driver: syslog\n  options: {a: '1'}\n",
        "logging:\n  options: {b: '2'}\n",
        "logging",
    );
    assert_eq!(got, "{driver: syslog, options: {a: 1, b: 2}}");
}

#[test]
fn logging_with_another_driver_is_replaced() {
    let got = svc(
        "logging:\n  driver: json-file\n  options: {max-size: 1m}\n",
        "logging:\n  driver: syslog\n  options: {tag: x}\n",
        "logging",
    );
    assert_eq!(got, "{driver: syslog, options: {tag: x}}");
}

// --- key/value lists ------------------------------------------------------------

#[test]
fn environment_maps_are_unioned_later_key_wins() {
    let got = svc(
        "environment: {A: '1', B: '2'}\n",
        "environment: {B: '3', C: '4'}\n",
        "environment",
    );
    assert_eq!(got, "{A: 1, B: 3, C: 4}");
}

#[test]
fn environment_lists_are_unioned_by_key_in_place() {
    let got = svc(
        "environment: [A=1, B=2, C]\n",
        "environment: [B=3, D=4, C=5]\n",
        "environment",
    );
    assert_eq!(got, "[A=1, B=3, C=5, D=4]");
}

#[test]
fn environment_list_over_map_and_map_over_list() {
    let got = svc(
        "environment: {A: '1', B: '2'}\n",
        "environment: [B=3, C, D=x=y]\n",
        "environment",
    );
    assert_eq!(got, "{A: 1, B: 3, C: ~, D: x=y}");
    let got = svc(
        "environment: [A=1, B=2, A=0]\n",
        "environment: {B: '3', C: '4'}\n",
        "environment",
    );
    assert_eq!(got, "{A: 0, B: 3, C: 4}");
}

#[test]
fn a_bare_later_key_unsets_the_earlier_value() {
    assert_eq!(
        svc(
            "environment: {A: '1'}\n",
            "environment: {A: null}\n",
            "environment"
        ),
        "{A: ~}"
    );
    assert_eq!(
        svc("environment: [A=1]\n", "environment: [A]\n", "environment"),
        "[A]"
    );
}

#[test]
fn converted_list_items_keep_their_spans() {
    let root = merged(
        "services:\n  s:\n    environment: {A: '1'}\n",
        "services:\n  s:\n    environment: [B=2]\n",
    );
    let env = root
        .get("services")
        .unwrap()
        .get("s")
        .unwrap()
        .get("environment")
        .unwrap();
    let b = env.entry("B").unwrap();
    assert_eq!(b.key.span.file, FileId(1));
    assert_eq!(b.value.span, b.key.span);
    let text = "services:\n  s:\n    environment: [B=2]\n";
    assert_eq!(&text[b.value.span.range()], "B=2");
    assert_eq!(file_of(env.get("A").unwrap()), 0);
}

#[test]
fn labels_annotations_sysctls_are_unioned() {
    assert_eq!(
        svc("labels: [a=1, b=2]\n", "labels: {b: '3'}\n", "labels"),
        "{a: 1, b: 3}"
    );
    assert_eq!(
        svc(
            "annotations: {a: '1'}\n",
            "annotations: [a=2, c=3]\n",
            "annotations"
        ),
        "{a: 2, c: 3}"
    );
    assert_eq!(
        svc(
            "sysctls: [net.core.somaxconn=1024]\n",
            "sysctls: [net.core.somaxconn=2048, x=1]\n",
            "sysctls"
        ),
        "[net.core.somaxconn=2048, x=1]"
    );
}

#[test]
fn build_args_labels_contexts_and_deploy_labels_are_unioned() {
    let got = svc(
        "build:\n  context: .\n  args: [A=1, B=2]\n  labels: {l: '1'}\n  additional_contexts: [x=./x]\n",
        "build:\n  args: {B: '3'}\n  labels: [m=2]\n  additional_contexts: {x: ./y}\n",
        "build",
    );
    assert_eq!(
        got,
        "{context: ., args: {A: 1, B: 3}, labels: {l: 1, m: 2}, additional_contexts: {x: ./y}}"
    );
    let got = svc(
        "deploy:\n  labels: [a=1]\n  replicas: 1\n",
        "deploy:\n  labels: [a=2]\n",
        "deploy",
    );
    assert_eq!(got, "{labels: [a=2], replicas: 1}");
}

#[test]
fn top_level_resource_labels_are_unioned_and_resources_deep_merged() {
    let root = merged(
        "networks:\n  n:\n    driver: bridge\n    labels: [a=1]\nvolumes:\n  v:\n    labels: {a: '1'}\n",
        "networks:\n  n:\n    labels: {a: '2', b: '3'}\n    internal: true\nvolumes:\n  v:\n    labels: [b=2]\n",
    );
    assert_eq!(
        render(&root),
        "{networks: {n: {driver: bridge, labels: {a: 2, b: 3}, internal: true}}, volumes: {v: {labels: {a: 1, b: 2}}}}"
    );
}

#[test]
fn a_key_value_attribute_of_the_wrong_kind_is_replaced() {
    assert_eq!(
        svc(
            "environment: A=1\n",
            "environment: {B: '2'}\n",
            "environment"
        ),
        "{B: 2}"
    );
    assert_eq!(
        svc(
            "environment: {A: '1'}\n",
            "environment: oops\n",
            "environment"
        ),
        "oops"
    );
    // An item that is not a `K=V` string cannot become an entry.
    assert_eq!(
        svc(
            "environment: [{A: 1}]\n",
            "environment: {B: '2'}\n",
            "environment"
        ),
        "{B: 2}"
    );
}

// --- appended lists ---------------------------------------------------------------

#[test]
fn dns_accepts_a_string_on_either_side() {
    assert_eq!(
        svc("dns: 8.8.8.8\n", "dns: [1.1.1.1]\n", "dns"),
        "[8.8.8.8, 1.1.1.1]"
    );
    assert_eq!(
        svc("dns: [8.8.8.8]\n", "dns: 1.1.1.1\n", "dns"),
        "[8.8.8.8, 1.1.1.1]"
    );
    assert_eq!(svc("dns: 8.8.8.8\n", "dns: 8.8.8.8\n", "dns"), "[8.8.8.8]");
    assert_eq!(
        svc(
            "dns_search: a.com\n",
            "dns_search: [b.com, a.com]\n",
            "dns_search"
        ),
        "[a.com, b.com]"
    );
    assert_eq!(
        svc(
            "dns_opt: [use-vc]\n",
            "dns_opt: [use-vc, rotate]\n",
            "dns_opt"
        ),
        "[use-vc, rotate]"
    );
}

#[test]
fn env_file_is_unique_by_path() {
    let got = svc(
        "env_file: [a.env, {path: b.env, required: false}]\n",
        "env_file: [{path: a.env, required: false}, b.env, c.env]\n",
        "env_file",
    );
    assert_eq!(got, "[{path: a.env, required: false}, b.env, c.env]");
    assert_eq!(
        svc("env_file: a.env\n", "env_file: b.env\n", "env_file"),
        "[a.env, b.env]"
    );
}

#[test]
fn tmpfs_and_label_file_are_appended() {
    assert_eq!(
        svc("tmpfs: /run\n", "tmpfs: [/tmp, /run]\n", "tmpfs"),
        "[/run, /tmp]"
    );
    assert_eq!(
        svc("label_file: a\n", "label_file: [b]\n", "label_file"),
        "[a, b]"
    );
}

#[test]
fn value_lists_are_unique() {
    assert_eq!(
        svc(
            "cap_add: [NET_ADMIN]\n",
            "cap_add: [SYS_ADMIN, NET_ADMIN]\n",
            "cap_add"
        ),
        "[NET_ADMIN, SYS_ADMIN]"
    );
    assert_eq!(
        svc("cap_drop: [ALL]\n", "cap_drop: [ALL]\n", "cap_drop"),
        "[ALL]"
    );
    assert_eq!(
        svc("profiles: [a]\n", "profiles: [b, a]\n", "profiles"),
        "[a, b]"
    );
    assert_eq!(
        svc("expose: [80, '81']\n", "expose: ['80', 82]\n", "expose"),
        "[80, 81, 82]"
    );
    assert_eq!(
        svc("links: [db]\n", "links: [db, cache]\n", "links"),
        "[db, cache]"
    );
    assert_eq!(
        svc("security_opt: [a]\n", "security_opt: [a]\n", "security_opt"),
        "[a]"
    );
}

#[test]
fn a_later_duplicate_replaces_in_place_with_its_span() {
    let root = merged(
        "services:\n  s:\n    cap_add: [A, B]\n",
        "services:\n  s:\n    cap_add: [A]\n",
    );
    let caps = root
        .get("services")
        .unwrap()
        .get("s")
        .unwrap()
        .get("cap_add")
        .unwrap();
    let items = caps.as_sequence().unwrap();
    assert_eq!(render(caps), "[A, B]");
    assert_eq!(file_of(&items[0]), 1);
    assert_eq!(file_of(&items[1]), 0);
}

#[test]
fn ports_are_unique_by_ip_published_target_protocol() {
    assert_eq!(
        svc(
            "ports: ['8080:80', '9090:90']\n",
            "ports: ['8080:80', '8081:81']\n",
            "ports"
        ),
        "[8080:80, 9090:90, 8081:81]"
    );
    // Another protocol, host port or IP is another port.
    assert_eq!(
        svc(
            "ports: ['8080:80']\n",
            "ports: ['8080:80/udp', '8081:80', '127.0.0.1:8080:80']\n",
            "ports"
        ),
        "[8080:80, 8080:80/udp, 8081:80, 127.0.0.1:8080:80]"
    );
}

#[test]
fn short_and_long_ports_are_the_same_port() {
    let root = merged(
        "services:\n  s:\n    ports: ['8080:80', '3000']\n",
        "services:\n  s:\n    ports:\n      - {published: 8080, target: 80, mode: host}\n      - target: 3000\n",
    );
    let ports = root
        .get("services")
        .unwrap()
        .get("s")
        .unwrap()
        .get("ports")
        .unwrap();
    assert_eq!(
        render(ports),
        "[{published: 8080, target: 80, mode: host}, {target: 3000}]"
    );
    assert!(ports.as_sequence().unwrap().iter().all(|p| file_of(p) == 1));
}

#[test]
fn port_defaults_make_explicit_and_implicit_equal() {
    assert_eq!(
        svc(
            "ports: ['0.0.0.0:8080:80/tcp']\n",
            "ports: ['8080:80']\n",
            "ports"
        ),
        "[8080:80]"
    );
    assert_eq!(
        svc(
            "ports: [{target: 53, published: '53', protocol: udp, host_ip: 127.0.0.1}]\n",
            "ports: ['127.0.0.1:53:53/udp']\n",
            "ports"
        ),
        "[127.0.0.1:53:53/udp]"
    );
    assert_eq!(svc("ports: [80]\n", "ports: ['80']\n", "ports"), "[80]");
    // Unparsable: compared as written, kept.
    assert_eq!(svc("ports: [x]\n", "ports: [y, x]\n", "ports"), "[x, y]");
}

#[test]
fn volumes_are_unique_by_container_target() {
    let got = svc(
        "volumes: ['./a:/data', 'db:/var/lib/db:ro', /anon]\n",
        "volumes:\n  - ./b:/data:rw\n  - {type: volume, source: db2, target: /var/lib/db}\n  - /anon\n  - 'C:\\x:/win'\n",
        "volumes",
    );
    assert_eq!(
        got,
        "[./b:/data:rw, {type: volume, source: db2, target: /var/lib/db}, /anon, C:\\x:/win]"
    );
}

#[test]
fn devices_are_unique_by_container_path() {
    assert_eq!(
        svc(
            "devices: ['/dev/a:/dev/x', /dev/b]\n",
            "devices: ['/dev/c:/dev/x:rwm', {source: /dev/d, target: /dev/b}]\n",
            "devices"
        ),
        "[/dev/c:/dev/x:rwm, {source: /dev/d, target: /dev/b}]"
    );
}

#[test]
fn secrets_are_unique_by_target_defaulting_to_run_secrets() {
    assert_eq!(
        svc(
            "secrets: [a, b]\n",
            "secrets: [{source: a, mode: 0400}, {source: c, target: /run/secrets/b}]\n",
            "secrets"
        ),
        "[{source: a, mode: 0400}, {source: c, target: /run/secrets/b}]"
    );
    // Another target is another secret.
    assert_eq!(
        svc(
            "secrets: [a]\n",
            "secrets: [{source: a, target: /x}]\n",
            "secrets"
        ),
        "[a, {source: a, target: /x}]"
    );
}

#[test]
fn configs_are_unique_by_target_defaulting_to_the_root() {
    assert_eq!(
        svc(
            "configs: [a, c]\n",
            "configs: [{source: b, target: /a}]\n",
            "configs"
        ),
        "[{source: b, target: /a}, c]"
    );
    assert_eq!(
        svc(
            "configs: [a]\n",
            "configs: [{source: a, mode: 0440}, {source: a, target: /b}]\n",
            "configs"
        ),
        "[{source: a, mode: 0440}, {source: a, target: /b}]"
    );
}

#[test]
fn an_appended_attribute_given_as_a_mapping_is_replaced() {
    assert_eq!(svc("ports: ['80']\n", "ports: {a: b}\n", "ports"), "{a: b}");
}

// --- converted to mappings ------------------------------------------------------------

#[test]
fn depends_on_lists_are_unioned() {
    assert_eq!(
        svc("depends_on: [a, b]\n", "depends_on: [b, c]\n", "depends_on"),
        "[a, b, c]"
    );
}

#[test]
fn depends_on_list_meets_mapping() {
    let got = svc(
        "depends_on: [a, b]\n",
        "depends_on:\n  b: {condition: service_healthy}\n  c: {condition: service_completed_successfully}\n",
        "depends_on",
    );
    assert_eq!(
        got,
        "{a: {condition: service_started, required: true}, b: {condition: service_healthy, required: true}, c: {condition: service_completed_successfully}}"
    );
    // compose-go merges the list's defaults over the mapping: the condition resets.
    let got = svc(
        "depends_on:\n  a: {condition: service_healthy, restart: true}\n",
        "depends_on: [a, d]\n",
        "depends_on",
    );
    assert_eq!(
        got,
        "{a: {condition: service_started, restart: true, required: true}, d: {condition: service_started, required: true}}"
    );
}

#[test]
fn depends_on_converted_items_point_at_the_item() {
    let text = "services:\n  s:\n    depends_on: [db]\n";
    let root = merged(
        "services:\n  s:\n    depends_on: {a: {condition: service_healthy}}\n",
        text,
    );
    let db = root
        .get("services")
        .unwrap()
        .get("s")
        .unwrap()
        .get("depends_on")
        .unwrap()
        .entry("db")
        .unwrap();
    assert_eq!(&text[db.key.span.range()], "db");
    assert_eq!(db.key.span.file, FileId(1));
    assert_eq!(&text[db.value.get("condition").unwrap().span.range()], "db");
}

#[test]
fn service_networks_list_meets_mapping() {
    assert_eq!(
        svc("networks: [a]\n", "networks: [b, a]\n", "networks"),
        "[a, b]"
    );
    assert_eq!(
        svc(
            "networks: [a, b]\n",
            "networks:\n  b: {aliases: [x]}\n  c:\n",
            "networks"
        ),
        "{a: ~, b: {aliases: [x]}, c: ~}"
    );
    // A bare name later does not drop the earlier settings.
    assert_eq!(
        svc(
            "networks:\n  a: {aliases: [x], priority: 1}\n",
            "networks: [a, c]\n",
            "networks"
        ),
        "{a: {aliases: [x], priority: 1}, c: ~}"
    );
    // Aliases are appended without repeats.
    assert_eq!(
        svc(
            "networks:\n  a: {aliases: [x, y]}\n",
            "networks:\n  a: {aliases: [y, z]}\n",
            "networks"
        ),
        "{a: {aliases: [x, y, z]}}"
    );
}

#[test]
fn models_list_meets_mapping() {
    assert_eq!(
        svc(
            "models: [m]\n",
            "models:\n  n: {endpoint_var: URL}\n",
            "models"
        ),
        "{m: ~, n: {endpoint_var: URL}}"
    );
}

#[test]
fn build_string_meets_mapping() {
    assert_eq!(
        svc("build: ./a\n", "build: {dockerfile: D}\n", "build"),
        "{context: ./a, dockerfile: D}"
    );
    assert_eq!(
        svc(
            "build: {context: ./a, dockerfile: D}\n",
            "build: ./b\n",
            "build"
        ),
        "{context: ./b, dockerfile: D}"
    );
    assert_eq!(svc("build: ./a\n", "build: ./b\n", "build"), "./b");
}

#[test]
fn build_context_from_a_string_points_at_the_string() {
    let text = "services:\n  s:\n    build: ./b\n";
    let root = merged(
        "services:\n  s:\n    build: {context: ./a, target: t}\n",
        text,
    );
    let build = root
        .get("services")
        .unwrap()
        .get("s")
        .unwrap()
        .get("build")
        .unwrap();
    let context = build.entry("context").unwrap();
    assert_eq!(context.key.span.file, FileId(1));
    assert_eq!(&text[context.value.span.range()], "./b");
    assert_eq!(file_of(build.get("target").unwrap()), 0);
}

// --- extra_hosts, ipam ---------------------------------------------------------------

#[test]
fn extra_hosts_lists_are_unioned_without_duplicates() {
    assert_eq!(
        svc(
            "extra_hosts: ['a:1.1.1.1', 'b=2.2.2.2']\n",
            "extra_hosts: ['a=1.1.1.1', 'b:3.3.3.3', 'c:4.4.4.4']\n",
            "extra_hosts"
        ),
        "[a:1.1.1.1, b=2.2.2.2, b:3.3.3.3, c:4.4.4.4]"
    );
}

#[test]
fn extra_hosts_mapping_and_list() {
    assert_eq!(
        svc(
            "extra_hosts: {a: 1.1.1.1, b: 2.2.2.2}\n",
            "extra_hosts: ['a:1.1.1.1', 'b=3.3.3.3', 'c=[::1]']\n",
            "extra_hosts"
        ),
        "{a: 1.1.1.1, b: [2.2.2.2, 3.3.3.3], c: [::1]}"
    );
    assert_eq!(
        svc(
            "extra_hosts: ['a:1.1.1.1']\n",
            "extra_hosts: {a: [1.1.1.1, 5.5.5.5]}\n",
            "extra_hosts"
        ),
        "{a: [1.1.1.1, 5.5.5.5]}"
    );
}

#[test]
fn ipam_config_is_merged_by_subnet() {
    let root = merged(
        "networks:\n  n:\n    ipam:\n      driver: default\n      config:\n        - {subnet: 10.0.0.0/24, gateway: 10.0.0.1}\n        - {subnet: 10.1.0.0/24}\n",
        "networks:\n  n:\n    ipam:\n      config:\n        - {subnet: 10.0.0.0/24, ip_range: 10.0.0.0/25}\n        - {subnet: 10.2.0.0/24}\n",
    );
    assert_eq!(
        render(root.get("networks").unwrap().get("n").unwrap().get("ipam").unwrap()),
        "{driver: default, config: [{subnet: 10.0.0.0/24, gateway: 10.0.0.1, ip_range: 10.0.0.0/25}, {subnet: 10.1.0.0/24}, {subnet: 10.2.0.0/24}]}"
    );
}

// --- !reset / !override -----------------------------------------------------------

#[test]
fn reset_removes_a_scalar() {
    assert_eq!(
        svc("image: x\nuser: u\n", "user: !reset null\n", "user"),
        "-"
    );
    assert_eq!(
        svc("image: x\nuser: u\n", "user: !reset null\n", "image"),
        "x"
    );
}

#[test]
fn reset_removes_a_list() {
    assert_eq!(
        svc("ports: ['80:80']\n", "ports: !reset []\n", "ports"),
        "-"
    );
    assert_eq!(svc("command: [a]\n", "command: !reset\n", "command"), "-");
}

#[test]
fn reset_removes_a_mapping_entry() {
    assert_eq!(
        svc(
            "environment: {A: '1', B: '2'}\n",
            "environment:\n  A: !reset\n",
            "environment"
        ),
        "{B: 2}"
    );
    assert_eq!(
        svc(
            "environment: [A=1, B=2]\n",
            "environment: {A: !reset }\n",
            "environment"
        ),
        "{B: 2}"
    );
    let root = merged(
        "services:\n  a: {image: x}\n  b: {image: y}\n",
        "services:\n  a: !reset {}\n",
    );
    assert_eq!(render(&root), "{services: {b: {image: y}}}");
}

#[test]
fn reset_of_a_path_the_earlier_file_lacks_adds_nothing() {
    assert_eq!(svc("image: x\n", "user: !reset u\n", "user"), "-");
    let root = merged(
        "services: {}\n",
        "services:\n  n:\n    image: x\n    user: !reset u\n",
    );
    assert_eq!(render(&root), "{services: {n: {image: x}}}");
}

#[test]
fn override_replaces_a_mapping_wholesale() {
    let root = merged(
        "services:\n  s:\n    environment: {A: '1'}\n    healthcheck: {test: [CMD, a], interval: 1s}\n",
        "services:\n  s:\n    environment: !override {B: '2'}\n    healthcheck: !override\n      test: [CMD, b]\n",
    );
    let s = root.get("services").unwrap().get("s").unwrap();
    assert_eq!(
        render(s),
        "{environment: {B: 2}, healthcheck: {test: [CMD, b]}}"
    );
    assert!(s.get("environment").unwrap().tag.is_none());
    assert_eq!(file_of(s.get("environment").unwrap()), 1);
}

#[test]
fn override_replaces_a_list_instead_of_appending() {
    assert_eq!(
        svc(
            "ports: ['80:80', '81:81']\n",
            "ports: !override ['82:82']\n",
            "ports"
        ),
        "[82:82]"
    );
}

#[test]
fn tagged_sequence_items_concern_only_their_own_file() {
    assert_eq!(
        svc(
            "cap_add: [A]\n",
            "cap_add: [!reset A, B, !override C]\n",
            "cap_add"
        ),
        "[A, B, C]"
    );
    assert_eq!(svc("x-l: [a]\n", "x-l: [!reset b, c]\n", "x-l"), "[a, c]");
}

#[test]
fn tags_nested_in_new_values_are_stripped() {
    let root = merged(
        "services: {}\n",
        "services:\n  n:\n    environment: !override {A: '1', B: !reset }\n    ports: [!reset '1:1', '2:2']\n",
    );
    assert_eq!(
        render(&root),
        "{services: {n: {environment: {A: 1}, ports: [2:2]}}}"
    );
}

#[test]
fn strip_tags_removes_resets_and_keeps_overrides() {
    let mut root = doc(
        0,
        "services:\n  a:\n    image: x\n    user: !reset u\n    environment: !override {A: '1'}\n    ports: [!reset '1:1', !override '2:2']\n  b: !reset {}\n",
    );
    strip_tags(&mut root);
    assert_eq!(
        render(&root),
        "{services: {a: {image: x, environment: {A: 1}, ports: [2:2]}}}"
    );
}

#[test]
fn strip_tags_on_a_tagged_root() {
    let mut root = doc(0, "!reset {a: b}\n");
    strip_tags(&mut root);
    assert!(root.is_null());
    let mut root = doc(0, "!override {a: !reset b}\n");
    strip_tags(&mut root);
    assert_eq!(render(&root), "{}");
}

// --- extends -------------------------------------------------------------------------

#[test]
fn merge_service_applies_the_override_rules() {
    let base = doc(
        0,
        "image: x\ncommand: [a]\nenvironment: [A=1]\nports: ['80:80']\nuser: u\n",
    );
    let over = doc(
        1,
        "command: [b]\nenvironment: {B: '2'}\nports: [{published: 80, target: 80}]\nuser: !reset\n",
    );
    let service = merge_service(base, over);
    assert_eq!(
        render(&service),
        "{image: x, command: [b], environment: {A: 1, B: 2}, ports: [{published: 80, target: 80}]}"
    );
    assert_eq!(file_of(service.get("image").unwrap()), 0);
    assert_eq!(file_of(service.get("command").unwrap()), 1);
    assert_eq!(
        file_of(service.get("environment").unwrap().get("B").unwrap()),
        1
    );
    assert_eq!(
        file_of(service.get("environment").unwrap().get("A").unwrap()),
        0
    );
}

#[test]
fn merge_service_strips_the_base_tags() {
    let service = merge_service(
        doc(0, "image: !override x\nuser: !reset u\n"),
        doc(1, "tty: true\n"),
    );
    assert_eq!(render(&service), "{image: x, tty: true}");
    assert!(service.get("image").unwrap().tag.is_none());
}

// --- robustness ----------------------------------------------------------------------

#[test]
fn odd_shapes_do_not_panic() {
    let shapes = [
        "~",
        "[]",
        "{}",
        "x",
        "[1, [2], {a: b}]",
        "{a: [1]}",
        "[a=1, b]",
        "[!reset a]",
        "!reset x",
        "!override [x]",
        "{K: !reset }",
        "['8080:80/udp', {target: 1}, {published: x}, '::1:80:80', '[::1]:80:80']",
        "[{source: s}, {target: t}, {}, 'a:b:c:d', 'C:\\\\x']",
        "['h:1.1.1.1', 'h=[::1]', 'x']",
        "{h: [a, b], i: ~}",
        "[{subnet: a}, {gateway: b}, c]",
    ];
    let attributes = [
        "environment",
        "labels",
        "command",
        "ports",
        "volumes",
        "devices",
        "secrets",
        "configs",
        "env_file",
        "dns",
        "depends_on",
        "networks",
        "build",
        "logging",
        "extra_hosts",
        "ulimits",
        "healthcheck",
        "x-any",
    ];
    for attribute in attributes {
        for a in shapes {
            for b in shapes {
                let base = format!("services:\n  s:\n    {attribute}: {a}\nnetworks:\n  n:\n    ipam:\n      config: {a}\n");
                let over = format!("services:\n  s:\n    {attribute}: {b}\nnetworks:\n  n:\n    ipam:\n      config: {b}\n");
                let root = merged(&base, &over);
                let rendered = render(&root);
                assert!(
                    !rendered.contains('!'),
                    "{attribute}: {a} + {b} -> {rendered}"
                );
                let service = merge_service(
                    doc(0, &format!("{attribute}: {a}\n")),
                    doc(1, &format!("{attribute}: {b}\n")),
                );
                assert!(!render(&service).contains('!'));
            }
        }
    }
}

#[test]
fn a_reset_document_leaves_an_empty_mapping() {
    let root = merged("services: {a: {image: x}}\n", "!reset {}\n");
    assert_eq!(render(&root), "{}");
}

#[test]
fn override_inside_a_key_value_mapping_replaces_that_key() {
    assert_eq!(
        svc(
            "environment: [A=1, B=2]\n",
            "environment: {A: !override '3'}\n",
            "environment"
        ),
        "{A: 3, B: 2}"
    );
}

#[test]
fn reset_inside_nested_mappings_and_build() {
    assert_eq!(
        svc(
            "build:\n  context: .\n  args: {A: '1', B: '2'}\n  target: t\n",
            "build:\n  args: {A: !reset }\n  target: !reset\n",
            "build"
        ),
        "{context: ., args: {B: 2}}"
    );
    assert_eq!(
        svc(
            "depends_on: [a, b]\n",
            "depends_on: {a: !reset }\n",
            "depends_on"
        ),
        "{b: {condition: service_started, required: true}}"
    );
}

#[test]
fn extra_hosts_duplicates_within_the_later_file_are_kept() {
    assert_eq!(
        svc(
            "extra_hosts: ['a:1']\n",
            "extra_hosts: ['b:2', 'b:2', 'a=1']\n",
            "extra_hosts"
        ),
        "[a:1, b:2, b:2]"
    );
}

#[test]
fn values_through_aliases_keep_their_use_site() {
    let over = "x-env: &env [B=2]\nservices:\n  s:\n    environment: *env\n";
    let root = merged("services:\n  s:\n    environment: {A: '1'}\n", over);
    let env = root
        .get("services")
        .unwrap()
        .get("s")
        .unwrap()
        .get("environment")
        .unwrap();
    let b = env.entry("B").unwrap();
    assert_eq!(&over[b.key.span.range()], "B=2");
    assert_eq!(&over[b.key.via.unwrap().range()], "*env");
    assert_eq!(&over[b.value.via.unwrap().range()], "*env");
}

#[test]
fn large_mappings_merge_in_linear_time() {
    let n = 20_000;
    let keys = |prefix: &str| {
        (0..n)
            .map(|i| format!("{prefix}{i}: {i}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let base = format!(
        "x-big: {{{}}}\nservices:\n  s:\n    environment: [{}]\n",
        keys("k"),
        (0..n)
            .map(|i| format!("E{i}=1"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let over = format!(
        "x-big: {{{}}}\nservices:\n  s:\n    environment: {{{}}}\n",
        keys("k"),
        keys("E")
    );
    let start = std::time::Instant::now();
    let root = merged(&base, &over);
    assert_eq!(root.get("x-big").unwrap().as_mapping().unwrap().len(), n);
    let env = root
        .get("services")
        .unwrap()
        .get("s")
        .unwrap()
        .get("environment")
        .unwrap();
    assert_eq!(env.as_mapping().unwrap().len(), n);
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
}
