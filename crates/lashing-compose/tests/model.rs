#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The model normalises every syntax into one shape, and keeps exact spans.

use lashing_compose::{
    build_compose_file, Command, ComposeFile, Condition, HealthTest, MountType, NetworkMode,
    Service, VolumesFrom,
};
use lashing_syntax::yaml::parse;
use lashing_syntax::{FileId, Span};

fn model(text: &str) -> ComposeFile {
    let yaml = parse(FileId(0), text);
    assert!(yaml.error.is_none(), "{:?}", yaml.error);
    let built = build_compose_file(FileId(0), &yaml);
    assert!(built.tree_errors.is_empty(), "{:?}", built.tree_errors);
    built.model
}

fn service<'m>(m: &'m ComposeFile, name: &str) -> &'m Service {
    m.service(name)
        .unwrap_or_else(|| panic!("no service {name}"))
}

fn at(text: &str, span: Span) -> &str {
    &text[span.range()]
}

#[test]
fn ports_short_and_long_syntax() {
    let text = r#"
services:
  web:
    image: nginx
    ports:
      - "127.0.0.1:8080:80"
      - 9000-9001:9000-9001/udp
      - 3000
      - "[::1]:5432:5432"
      - target: 443
        published: "8443"
        host_ip: 0.0.0.0
        protocol: tcp
      - "70000:80"
"#;
    let m = model(text);
    let ports = &service(&m, "web").ports;
    assert_eq!(ports.len(), 6);
    let p0 = ports[0].value.as_ref().unwrap();
    assert_eq!(at(text, p0.host_ip.as_ref().unwrap().span), "127.0.0.1");
    assert_eq!(at(text, p0.published.as_ref().unwrap().span), "8080");
    assert_eq!(at(text, p0.target.span), "80");
    let p1 = ports[1].value.as_ref().unwrap();
    assert_eq!(p1.published.as_ref().unwrap().value.len(), 2);
    assert_eq!(p1.protocol.as_str(), "udp");
    let p2 = ports[2].value.as_ref().unwrap();
    assert!(p2.published.is_none() && p2.host_ip.is_none());
    let p3 = ports[3].value.as_ref().unwrap();
    assert_eq!(p3.host_ip.as_ref().unwrap().value.to_string(), "::1");
    let p4 = ports[4].value.as_ref().unwrap();
    assert!(p4.long_syntax);
    assert_eq!(p4.target.value.start, 443);
    assert_eq!(at(text, p4.published.as_ref().unwrap().span), "\"8443\"");
    assert!(ports[5].value.is_err());
    assert_eq!(at(text, ports[5].span), "\"70000:80\"");
}

#[test]
fn environment_list_and_map_forms() {
    let text = "
services:
  a:
    image: x
    environment:
      - DB_HOST=db
      - EMPTY=
      - FROM_SHELL
  b:
    image: x
    environment:
      DB_HOST: db
      PORT: 5432
      UNSET:
";
    let m = model(text);
    let a = &service(&m, "a").environment;
    assert_eq!(at(text, a[0].name.span), "DB_HOST");
    assert_eq!(at(text, a[0].value.as_ref().unwrap().span), "db");
    assert_eq!(a[1].value.as_ref().unwrap().value, "");
    assert!(a[2].value.is_none());
    let b = &service(&m, "b").environment;
    assert_eq!(b[1].value.as_ref().unwrap().value, "5432");
    assert!(b[2].value.is_none());
}

#[test]
fn depends_on_networks_and_implicit_dependencies() {
    let text = "
services:
  api:
    image: x
    depends_on:
      db:
        condition: service_healthy
        required: false
    links: [cache:redis]
    volumes_from: [assets:ro, container:legacy]
    networks:
      backend:
        aliases: [api.internal]
      default:
  worker:
    image: x
    depends_on: [api]
    network_mode: service:api
  db: {image: postgres}
";
    let m = model(text);
    let api = service(&m, "api");
    assert_eq!(api.depends_on[0].condition(), Some(Condition::Healthy));
    assert!(!api.depends_on[0].required);
    assert_eq!(api.links[0].service.value, "cache");
    assert_eq!(api.links[0].alias.as_ref().unwrap().value, "redis");
    assert!(matches!(&api.volumes_from[1], VolumesFrom::Container(c) if c.value == "legacy"));
    let (_, networks) = api.networks.as_ref().unwrap();
    assert_eq!(networks[0].aliases[0].value, "api.internal");
    assert!(api.on_default_network());
    let deps: Vec<_> = api.dependencies().map(|d| d.target.value.clone()).collect();
    assert_eq!(deps, ["db", "cache", "assets"]);
    let worker = service(&m, "worker");
    assert_eq!(worker.depends_on[0].condition(), Some(Condition::Started));
    assert!(
        matches!(&worker.network_mode.as_ref().unwrap().value, NetworkMode::Service(s) if s.value == "api")
    );
    assert!(!worker.on_default_network());
    let deps: Vec<_> = worker
        .dependencies()
        .map(|d| d.target.value.clone())
        .collect();
    assert_eq!(deps, ["api", "api"]);
}

#[test]
fn healthcheck_and_command_forms() {
    let text = r#"
services:
  a:
    image: x
    healthcheck:
      test: pg_isready -U postgres
    command: npm start
  b:
    image: x
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost"]
    entrypoint: ["/bin/sh", "-c"]
  c:
    image: x
    healthcheck:
      test: ["NONE"]
  d:
    image: x
    healthcheck:
      test: ["curl", "-f", "http://localhost"]
      disable: true
"#;
    let m = model(text);
    let test = |name: &str| {
        service(&m, name)
            .healthcheck
            .as_ref()
            .unwrap()
            .test
            .as_ref()
            .unwrap()
            .value
            .clone()
    };
    assert!(matches!(
        test("a"),
        HealthTest::Shell {
            from_string: true,
            ..
        }
    ));
    assert!(matches!(test("b"), HealthTest::Cmd(args) if args.len() == 3));
    assert!(matches!(test("c"), HealthTest::None));
    assert!(matches!(test("d"), HealthTest::Invalid(Some(first)) if first.value == "curl"));
    assert!(!service(&m, "c").healthcheck.as_ref().unwrap().is_enabled());
    assert!(!service(&m, "d").healthcheck.as_ref().unwrap().is_enabled());
    assert!(
        matches!(&service(&m, "a").command.as_ref().unwrap().value, Command::Shell(s) if s.value == "npm start")
    );
    assert!(
        matches!(&service(&m, "b").entrypoint.as_ref().unwrap().value, Command::Exec(v) if v.len() == 2)
    );
}

#[test]
fn volumes_and_extra_hosts() {
    let text = r#"
services:
  a:
    image: x
    volumes:
      - ./data:/data:ro
      - dbdata:/var/lib/postgresql/data
      - /anonymous
      - /var/run/docker.sock:/var/run/docker.sock:rshared
      - type: bind
        source: /etc
        target: /host-etc
        read_only: true
        bind:
          propagation: rslave
    extra_hosts:
      - "host.docker.internal:host-gateway"
      - "myhost=::1"
  b:
    image: x
    extra_hosts:
      registry: 10.0.0.5
"#;
    let m = model(text);
    let v = &service(&m, "a").volumes;
    assert_eq!(v[0].value.kind, MountType::Bind);
    assert!(v[0].value.read_only);
    assert_eq!(at(text, v[0].value.source.as_ref().unwrap().span), "./data");
    assert_eq!(at(text, v[0].value.target.as_ref().unwrap().span), "/data");
    assert_eq!(v[1].value.kind, MountType::Volume);
    assert_eq!(v[1].value.source.as_ref().unwrap().value, "dbdata");
    assert!(v[2].value.source.is_none());
    assert_eq!(
        v[3].value.propagation.as_ref().map(|p| p.value.as_str()),
        Some("rshared")
    );
    assert_eq!(v[4].value.kind, MountType::Bind);
    assert!(v[4].value.read_only && v[4].value.long_syntax);
    assert_eq!(
        v[4].value.propagation.as_ref().map(|p| p.value.as_str()),
        Some("rslave")
    );
    let hosts = &service(&m, "a").extra_hosts;
    assert_eq!(hosts[0].host.value, "host.docker.internal");
    assert_eq!(hosts[0].ips[0].value, "host-gateway");
    assert_eq!(hosts[1].ips[0].value, "::1");
    assert_eq!(service(&m, "b").extra_hosts[0].ips[0].value, "10.0.0.5");
}

#[test]
fn merged_values_know_their_use_site() {
    let text = "
x-common: &common
  container_name: shared
  networks: [backend]
services:
  a:
    <<: *common
    image: x
  b:
    image: x
    environment: &env
      URL: http://localhost
  c:
    image: x
    environment: *env
networks:
  backend: {}
";
    let m = model(text);
    let a = service(&m, "a");
    let name = a.container_name.as_ref().unwrap();
    assert_eq!(at(text, name.span), "shared", "definition site");
    assert_eq!(at(text, name.via.unwrap()), "*common", "use site");
    let b_url = service(&m, "b").environment[0].value.clone().unwrap();
    assert!(b_url.via.is_none());
    let c_url = service(&m, "c").environment[0].value.clone().unwrap();
    assert_eq!(at(text, c_url.span), "http://localhost");
    assert_eq!(at(text, c_url.via.unwrap()), "*env");
}

#[test]
fn top_level_resources_and_version() {
    let text = "
version: '3.8'
name: shop
services:
  a: {image: x}
networks:
  front: {}
  outside:
    external: true
  data:
    internal: true
volumes:
  db: {}
x-note: hello
";
    let m = model(text);
    assert_eq!(m.version.as_ref().unwrap().1.as_ref().unwrap().value, "3.8");
    assert_eq!(m.name.as_ref().unwrap().value, "shop");
    assert!(m.network("outside").unwrap().external);
    assert!(m.network("data").unwrap().internal);
    assert_eq!(m.volumes[0].name.value, "db");
    assert_eq!(m.extensions[0].value, "x-note");
}
