//! Unit tests of `endpoint` (private helpers too, so they live beside it).

use super::*;
use std::net::{Ipv4Addr, Ipv6Addr};

/// Every endpoint's ranges must slice the value; the host slice must be the host
/// (modulo case, and brackets for IPv6) and the port slice its digits.
fn checked(name: &str, value: &str) -> Vec<Endpoint> {
    let eps = endpoints(name, value);
    for ep in &eps {
        let host = value
            .get(ep.host_range.clone())
            .unwrap_or_else(|| panic!("host range {:?} not on a char boundary", ep.host_range));
        match ep.host_kind {
            HostKind::Ipv6(_) if host.starts_with('[') => {
                assert_eq!(format!("[{}]", ep.host), host);
            }
            HostKind::Name => assert_eq!(ep.host, host.to_ascii_lowercase()),
            _ => assert_eq!(ep.host, host),
        }
        assert!(
            !host.contains('$'),
            "host range covers interpolation in {value:?}"
        );
        match (&ep.port, &ep.port_range) {
            (Some(p), Some(r)) => {
                let text = value
                    .get(r.clone())
                    .unwrap_or_else(|| panic!("port range {r:?}"));
                assert_eq!(text.parse::<u16>().ok(), Some(*p));
            }
            (None, None) => {}
            other => panic!("port and port_range disagree: {other:?}"),
        }
    }
    eps
}

fn one(name: &str, value: &str) -> Endpoint {
    let mut eps = checked(name, value);
    assert_eq!(
        eps.len(),
        1,
        "expected one endpoint in {value:?}, got {eps:#?}"
    );
    eps.remove(0)
}

fn none(name: &str, value: &str) {
    let eps = checked(name, value);
    assert!(
        eps.is_empty(),
        "expected no endpoint in {value:?}, got {eps:#?}"
    );
}

/// (host slice, port) of each endpoint, for compact list assertions.
fn hosts(name: &str, value: &str) -> Vec<(String, Option<u16>)> {
    checked(name, value)
        .into_iter()
        .map(|e| (value[e.host_range].to_string(), e.port))
        .collect()
}

fn hp(host: &str, port: Option<u16>) -> (String, Option<u16>) {
    (host.to_string(), port)
}

// --- URLs -----------------------------------------------------------------

#[test]
fn url_with_port_and_path() {
    let v = "http://api:3000/x";
    let e = one("API_URL", v);
    assert_eq!(e.form, EndpointForm::Url);
    assert_eq!(e.scheme.as_deref(), Some("http"));
    assert!(!e.jdbc);
    assert_eq!(e.host, "api");
    assert_eq!(e.host_range, 7..10);
    assert_eq!(e.host_kind, HostKind::Name);
    assert_eq!(e.port, Some(3000));
    assert_eq!(e.port_range, Some(11..15));
    assert!(!e.has_credentials);
}

#[test]
fn url_without_port_uses_scheme_default() {
    let e = one("X", "https://example.com");
    assert_eq!(e.host, "example.com");
    assert_eq!(e.host_range, 8..19);
    assert_eq!(e.port, None);
    assert_eq!(e.port_range, None);
    assert_eq!(e.default_port(), Some(443));
}

#[test]
fn url_userinfo_user_and_password() {
    let v = "postgres://u:p@db:5432/d";
    let e = one("DATABASE_URL", v);
    assert_eq!(e.host, "db");
    assert_eq!(&v[e.host_range.clone()], "db");
    assert_eq!(e.host_range, 15..17);
    assert_eq!(e.port, Some(5432));
    assert_eq!(e.port_range, Some(18..22));
    assert!(e.has_credentials);
}

#[test]
fn url_userinfo_password_only() {
    let v = "redis://:secret@redis:6379/0";
    let e = one("REDIS_URL", v);
    assert_eq!(e.host, "redis");
    assert_eq!(e.host_range, 16..21);
    assert_eq!(e.port, Some(6379));
    assert!(e.has_credentials);
}

#[test]
fn url_empty_userinfo_is_not_credentials() {
    let e = one("X", "http://@api/");
    assert_eq!(e.host, "api");
    assert!(!e.has_credentials);
}

#[test]
fn url_password_with_at_sign_uses_last_at() {
    let v = "postgres://u:p@ss@db/app";
    let e = one("X", v);
    assert_eq!(e.host, "db");
    assert_eq!(e.host_range, 18..20);
    assert!(e.has_credentials);
}

#[test]
fn url_ipv6_literal() {
    let v = "http://[::1]:8080/";
    let e = one("X", v);
    assert_eq!(e.host, "::1");
    assert_eq!(e.host_range, 7..12);
    assert_eq!(&v[e.host_range.clone()], "[::1]");
    assert_eq!(e.host_kind, HostKind::Ipv6(Ipv6Addr::LOCALHOST));
    assert_eq!(e.port, Some(8080));
    assert_eq!(e.port_range, Some(13..17));
    assert!(e.is_loopback());
}

#[test]
fn url_ipv6_without_port_and_with_zone() {
    let e = one("X", "http://[fe80::1%25eth0]/");
    assert_eq!(e.host, "fe80::1%25eth0");
    assert_eq!(e.port, None);
    assert!(matches!(e.host_kind, HostKind::Ipv6(_)));
}

#[test]
fn url_ipv4_host() {
    let e = one("X", "http://10.0.0.5:8080");
    assert_eq!(e.host, "10.0.0.5");
    assert_eq!(e.host_kind, HostKind::Ipv4(Ipv4Addr::new(10, 0, 0, 5)));
    assert!(!e.is_loopback());
}

#[test]
fn url_without_port_with_path() {
    let e = one("X", "postgres://db/app");
    assert_eq!(e.host, "db");
    assert_eq!(e.host_range, 11..13);
    assert_eq!(e.port, None);
    assert_eq!(e.default_port(), Some(5432));
}

#[test]
fn url_query_and_fragment() {
    assert_eq!(hosts("X", "http://api?x=1&y=2"), vec![hp("api", None)]);
    assert_eq!(hosts("X", "http://api:81#frag"), vec![hp("api", Some(81))]);
    assert_eq!(
        hosts("X", "http://api:81/p?q=a:1#f"),
        vec![hp("api", Some(81))]
    );
}

#[test]
fn url_uppercase_scheme_and_host() {
    let v = "HTTP://API.Example.COM:80/";
    let e = one("X", v);
    assert_eq!(e.scheme.as_deref(), Some("http"));
    assert_eq!(e.host, "api.example.com");
    assert_eq!(&v[e.host_range], "API.Example.COM");
}

#[test]
fn url_mongodb_multi_host() {
    let v = "mongodb://u:p@m1:27017,m2:27017/db?replicaSet=rs";
    let eps = checked("MONGO_URL", v);
    assert_eq!(eps.len(), 2);
    assert_eq!(eps[0].host, "m1");
    assert_eq!(eps[0].host_range, 14..16);
    assert_eq!(eps[0].port_range, Some(17..22));
    assert_eq!(eps[1].host, "m2");
    assert_eq!(eps[1].host_range, 23..25);
    assert_eq!(eps[1].port, Some(27017));
    assert!(eps
        .iter()
        .all(|e| e.has_credentials && e.form == EndpointForm::Url));
    assert!(eps.iter().all(|e| e.scheme.as_deref() == Some("mongodb")));
}

#[test]
fn url_mongodb_srv_has_no_default_port() {
    let e = one("X", "mongodb+srv://cluster0.abc.mongodb.net/db");
    assert_eq!(e.scheme.as_deref(), Some("mongodb+srv"));
    assert_eq!(e.host, "cluster0.abc.mongodb.net");
    assert_eq!(e.default_port(), None);
}

#[test]
fn url_jdbc_postgresql() {
    let v = "jdbc:postgresql://db:5432/x";
    let e = one("SPRING_DATASOURCE_URL", v);
    assert_eq!(e.scheme.as_deref(), Some("postgresql"));
    assert!(e.jdbc);
    assert_eq!(e.host_range, 18..20);
    assert_eq!(e.port, Some(5432));
}

#[test]
fn url_jdbc_mysql_without_port() {
    let e = one("X", "jdbc:mysql://db/x");
    assert_eq!(e.scheme.as_deref(), Some("mysql"));
    assert!(e.jdbc);
    assert_eq!(e.host, "db");
    assert_eq!(e.default_port(), Some(3306));
}

#[test]
fn url_jdbc_sqlserver_semicolon_properties() {
    let v = "jdbc:sqlserver://db:1433;databaseName=x;encrypt=false";
    let e = one("X", v);
    assert_eq!(e.scheme.as_deref(), Some("sqlserver"));
    assert_eq!(e.host, "db");
    assert_eq!(e.port, Some(1433));
    assert_eq!(e.port_range, Some(20..24));
}

#[test]
fn url_jdbc_mysql_subprotocol_multi_host() {
    let eps = checked("X", "jdbc:mysql:loadbalance://h1:3306,h2/db");
    assert_eq!(eps.len(), 2);
    assert_eq!(eps[0].scheme.as_deref(), Some("mysql:loadbalance"));
    assert_eq!(eps[1].default_port(), Some(3306));
}

#[test]
fn url_amqp_tcp_nats() {
    let e = one("X", "amqp://guest:guest@rabbitmq:5672/");
    assert_eq!(
        (e.host.as_str(), e.port, e.has_credentials),
        ("rabbitmq", Some(5672), true)
    );
    let e = one("DOCKER_HOST", "tcp://docker:2375");
    assert_eq!((e.host.as_str(), e.port), ("docker", Some(2375)));
    assert_eq!(e.scheme.as_deref(), Some("tcp"));
    let e = one("X", "nats://nats:4222");
    assert_eq!((e.host.as_str(), e.port), ("nats", Some(4222)));
}

#[test]
fn url_interpolated_port_keeps_host() {
    let v = "http://api:${PORT}";
    let e = one("X", v);
    assert_eq!(e.host, "api");
    assert_eq!(e.port, None);
    assert_eq!(e.port_range, None);
    let e = one("X", "http://api:${PORT:-80}/x");
    assert_eq!((e.host.as_str(), e.port), ("api", None));
}

#[test]
fn url_interpolated_host_gives_nothing() {
    none("X", "http://${API_HOST}:3000");
    none("X", "http://${API_HOST:-api}:3000/x");
    none("X", "http://$API_HOST:3000");
    none("X", "http://api-${ENV}:80");
    none("X", "redis://${REDIS_HOST:-redis}:6379");
}

#[test]
fn url_interpolated_userinfo_is_fine() {
    let e = one("X", "postgres://${USER}:${PASSWORD:-a@b}@db:5432/app");
    assert_eq!(
        (e.host.as_str(), e.port, e.has_credentials),
        ("db", Some(5432), true)
    );
}

#[test]
fn url_inside_interpolation_default_is_opaque() {
    none("API_URL", "${API_URL:-http://localhost:3000}");
}

#[test]
fn url_invalid_port_gives_nothing() {
    none("X", "http://api:abc/");
    none("X", "http://api:99999/");
    none("X", "http://api:0/");
}

#[test]
fn url_empty_port_is_no_port() {
    let e = one("X", "http://api:/x");
    assert_eq!((e.host.as_str(), e.port), ("api", None));
}

#[test]
fn url_in_prose_trailing_punctuation() {
    let v = "see http://api:3000.";
    let e = one("X", v);
    assert_eq!(e.host_range, 11..14);
    assert_eq!(e.port, Some(3000));
    assert_eq!(
        hosts("X", "(see http://api:3000)"),
        vec![hp("api", Some(3000))]
    );
    assert_eq!(hosts("X", "\"http://api\""), vec![hp("api", None)]);
    assert_eq!(hosts("X", "<http://api:1>,"), vec![hp("api", Some(1))]);
    assert_eq!(
        hosts("X", "'http://example.com'!"),
        vec![hp("example.com", None)]
    );
    assert_eq!(
        hosts("X", "go to http://example.com."),
        vec![hp("example.com", None)]
    );
}

#[test]
fn url_after_option_or_key() {
    assert_eq!(hosts("X", "--url=http://api:1/x"), vec![hp("api", Some(1))]);
    assert_eq!(
        hosts("X", "-Dendpoint=http://api:1"),
        vec![hp("api", Some(1))]
    );
}

#[test]
fn url_inside_json() {
    let v = r#"{"url":"http://api:8080","retries":3}"#;
    assert_eq!(hosts("X", v), vec![hp("api", Some(8080))]);
}

#[test]
fn url_in_query_string_is_part_of_first_url() {
    assert_eq!(
        hosts("X", "http://auth/login?next=http://evil:80/"),
        vec![hp("auth", None)]
    );
}

#[test]
fn url_sqlalchemy_driver_suffix() {
    let e = one("X", "postgresql+asyncpg://u:p@db/app");
    assert_eq!(e.scheme.as_deref(), Some("postgresql+asyncpg"));
    assert_eq!(e.default_port(), Some(5432));
}

// --- Several endpoints in one value --------------------------------------

#[test]
fn list_of_host_ports() {
    let v = "kafka1:9092,kafka2:9092";
    let eps = checked("KAFKA_BOOTSTRAP_SERVERS", v);
    assert_eq!(eps.len(), 2);
    assert_eq!(eps[0].host_range, 0..6);
    assert_eq!(eps[0].port_range, Some(7..11));
    assert_eq!(eps[1].host_range, 12..18);
    assert_eq!(eps[1].port_range, Some(19..23));
    assert!(eps.iter().all(|e| e.form == EndpointForm::HostPort));
}

#[test]
fn list_of_kafka_listeners() {
    let v = "PLAINTEXT://kafka:29092,PLAINTEXT_HOST://localhost:9092";
    let eps = checked("KAFKA_ADVERTISED_LISTENERS", v);
    assert_eq!(eps.len(), 2);
    assert_eq!(eps[0].scheme.as_deref(), Some("plaintext"));
    assert_eq!((eps[0].host.as_str(), eps[0].port), ("kafka", Some(29092)));
    assert_eq!(eps[1].scheme.as_deref(), Some("plaintext_host"));
    assert_eq!(
        (eps[1].host.as_str(), eps[1].port),
        ("localhost", Some(9092))
    );
    assert_eq!(eps[1].host_range, 41..50);
    assert!(eps[1].is_loopback());
}

#[test]
fn list_of_urls_by_whitespace_comma_semicolon() {
    let want = vec![hp("a", Some(1)), hp("b", Some(2))];
    assert_eq!(hosts("X", "http://a:1 http://b:2"), want);
    assert_eq!(hosts("X", "http://a:1/x,http://b:2/y"), want);
    assert_eq!(hosts("X", "http://a:1; http://b:2"), want);
    assert_eq!(hosts("X", "a:1;b:2"), want);
    assert_eq!(hosts("X", "a:1\n  b:2\t"), want);
}

#[test]
fn list_mixing_url_and_host_port_after_path() {
    assert_eq!(
        hosts("X", "http://a:1/x redis:6379"),
        vec![hp("a", Some(1)), hp("redis", Some(6379))]
    );
}

#[test]
fn url_comma_host_port_is_multi_host() {
    // Inside an authority a comma separates hosts (MongoDB style).
    let eps = checked("X", "http://a:1,b:2");
    assert_eq!(eps.len(), 2);
    assert!(eps.iter().all(|e| e.form == EndpointForm::Url));
}

#[test]
fn kafka_listener_bind_address() {
    let e = one("KAFKA_LISTENERS", "PLAINTEXT://0.0.0.0:9092");
    assert!(e.is_unspecified());
    assert!(e.is_loopback());
    none("KAFKA_LISTENERS", "PLAINTEXT://:9092");
}

// --- Connection strings ---------------------------------------------------

#[test]
fn ado_server_port_password() {
    let v = "Server=db;Port=5432;Database=x;User Id=sa;Password=secret";
    let e = one("ConnectionStrings__Default", v);
    assert_eq!(e.form, EndpointForm::ConnectionString);
    assert_eq!(e.scheme, None);
    assert_eq!(e.host, "db");
    assert_eq!(e.host_range, 7..9);
    assert_eq!(e.port, Some(5432));
    assert_eq!(e.port_range, Some(15..19));
    assert!(e.has_credentials);
}

#[test]
fn ado_host_key_case_insensitive() {
    let v = "Host=localhost;Database=x";
    let e = one("X", v);
    assert_eq!(e.host_range, 5..14);
    assert_eq!(e.port, None);
    assert!(!e.has_credentials);
    assert!(e.is_loopback());
    let e = one("X", "SERVER=DB;DATABASE=x");
    assert_eq!(e.host, "db");
    let e = one("X", "address=10.1.2.3;uid=a");
    assert_eq!(e.host_kind, HostKind::Ipv4(Ipv4Addr::new(10, 1, 2, 3)));
    let e = one("X", "Addr=db;");
    assert_eq!(e.host, "db");
}

#[test]
fn ado_data_source_comma_port() {
    let v = "Data Source=sqlserver,1433;Initial Catalog=x;User ID=sa;Password=p";
    let e = one("X", v);
    assert_eq!(e.host, "sqlserver");
    assert_eq!(e.host_range, 12..21);
    assert_eq!(e.port, Some(1433));
    assert_eq!(e.port_range, Some(22..26));
    assert!(e.has_credentials);
}

#[test]
fn ado_tcp_prefix_comma_port() {
    let v = "Server=tcp:db,1433";
    let e = one("X", v);
    assert_eq!(e.form, EndpointForm::ConnectionString);
    assert_eq!(e.host_range, 11..13);
    assert_eq!(e.port_range, Some(14..18));
    let e = one("X", "Server=tcp:db,1433;Database=x");
    assert_eq!((e.host.as_str(), e.port), ("db", Some(1433)));
}

#[test]
fn ado_instance_name_is_not_host() {
    let v = r"Server=db\SQLEXPRESS;Database=x";
    let e = one("X", v);
    assert_eq!(e.host_range, 7..9);
    assert_eq!(e.port, None);
    let e = one("X", r"Server=db\SQLEXPRESS,1434;Database=x");
    assert_eq!((e.host.as_str(), e.port), ("db", Some(1434)));
}

#[test]
fn ado_named_pipes_and_local_are_not_endpoints() {
    none("X", r"Server=np:\\.\pipe\sql\query;Database=x");
    none("X", "Server=lpc:.;Database=x");
    none("X", "Server=.;Database=x");
    none("X", "Server=(localdb)\\MSSQLLocalDB;Database=x");
}

#[test]
fn ado_npgsql_multi_host() {
    let v = "Host=h1:5432,h2:5433;Database=x";
    let eps = checked("X", v);
    assert_eq!(eps.len(), 2);
    assert_eq!((eps[0].host.as_str(), eps[0].port), ("h1", Some(5432)));
    assert_eq!((eps[1].host.as_str(), eps[1].port), ("h2", Some(5433)));
    assert_eq!(eps[1].host_range, 13..15);
}

#[test]
fn ado_port_key_applies_to_hosts_without_port() {
    let eps = checked("X", "Host=h1,h2;Port=6000");
    assert_eq!(eps.len(), 2);
    assert!(eps.iter().all(|e| e.port == Some(6000)));
    assert_eq!(eps[0].port_range, Some(16..20));
}

#[test]
fn ado_quoted_values_may_hold_semicolons() {
    let v = "Server=db;Password=\"a;b=c\";Port=1234";
    let e = one("X", v);
    assert_eq!(
        (e.host.as_str(), e.port, e.has_credentials),
        ("db", Some(1234), true)
    );
    let e = one("X", "Driver={ODBC Driver 18; x};Server=db;Pwd={p;}};");
    assert_eq!(e.host, "db");
    assert!(e.has_credentials);
    let e = one("X", "Server=\"db\";Database=x");
    assert_eq!(e.host_range, 8..10);
}

#[test]
fn ado_spaces_around_keys_and_values() {
    let v = " Server = db ; Port = 5432 ;";
    let e = one("X", v);
    assert_eq!(e.host_range, 10..12);
    assert_eq!(e.port_range, Some(22..26));
}

#[test]
fn ado_empty_password_is_not_credentials() {
    let e = one("X", "Server=db;Password=;");
    assert!(!e.has_credentials);
}

#[test]
fn ado_interpolated_host_or_port() {
    none("X", "Server=${DB_HOST};Port=5432");
    let e = one("X", "Server=db;Port=${DB_PORT}");
    assert_eq!((e.host.as_str(), e.port), ("db", None));
}

#[test]
fn ado_without_host_key_is_not_a_connection_string() {
    none("X", "Database=x;User=y");
    none("X", "a=b;c=d");
}

#[test]
fn libpq_keyword_value() {
    let v = "host=db port=5432 dbname=app user=x password='a b'";
    let e = one("DATABASE_URL", v);
    assert_eq!(e.form, EndpointForm::ConnectionString);
    assert_eq!(e.host_range, 5..7);
    assert_eq!(e.port_range, Some(13..17));
    assert!(e.has_credentials);
}

#[test]
fn libpq_multi_host_with_port_list() {
    let v = "host=a,b port=1,2 dbname=x";
    let eps = checked("X", v);
    assert_eq!(eps.len(), 2);
    assert_eq!((eps[0].host.as_str(), eps[0].port), ("a", Some(1)));
    assert_eq!((eps[1].host.as_str(), eps[1].port), ("b", Some(2)));
}

#[test]
fn libpq_unix_socket_directory_is_not_host() {
    none("X", "host=/var/run/postgresql dbname=x");
}

#[test]
fn single_host_pair_without_semicolon() {
    let e = one("X", "host=db");
    assert_eq!(e.form, EndpointForm::ConnectionString);
}

// --- host:port ------------------------------------------------------------

#[test]
fn host_port_pair() {
    let v = "redis:6379";
    let e = one("REDIS", v);
    assert_eq!(e.form, EndpointForm::HostPort);
    assert_eq!(e.scheme, None);
    assert_eq!(e.host_range, 0..5);
    assert_eq!(e.port, Some(6379));
    assert_eq!(e.port_range, Some(6..10));
    assert_eq!(e.default_port(), Some(6379));
}

#[test]
fn host_port_localhost_and_addresses() {
    assert!(one("X", "localhost:3000").is_loopback());
    let e = one("X", "10.0.0.5:80");
    assert_eq!(e.host_kind, HostKind::Ipv4(Ipv4Addr::new(10, 0, 0, 5)));
    let v = "[::1]:6379";
    let e = one("X", v);
    assert_eq!(e.host, "::1");
    assert_eq!(e.host_range, 0..5);
    assert_eq!(e.port_range, Some(6..10));
    let e = one("X", "my_service.internal-net:8080");
    assert_eq!(e.host, "my_service.internal-net");
}

#[test]
fn host_port_rejects_lookalikes() {
    for v in [
        "12:30",
        "user:password",
        "C:\\path",
        "C:/path",
        "a:b:c",
        "sha256:abc123def",
        "sha256:1234567",
        "image:1.2",
        "1.2.3:4",
        "999.1.1.1:80",
        "true:false",
        "16:9",
        "0:0",
        "db:0",
        "db:65536",
        "db:05432",
        "-db:1",
        "db-:1",
        "d..b:1",
        "127.0.0.1:8080:80",
        "8080:80",
        ":8080",
        "db:",
        "db:+1",
        "db:-1",
        "a@b:25",
        "[::1:80",
        "[zz]:80",
    ] {
        none("X", v);
    }
}

#[test]
fn host_port_with_path() {
    let e = one("REGISTRY", "registry:5000/team/app");
    assert_eq!((e.host.as_str(), e.port), ("registry", Some(5000)));
    none("X", "db/app");
}

#[test]
fn host_port_in_image_variables_is_a_tag() {
    none("BASE_IMAGE", "node:18");
    none("IMAGE", "postgres:16");
    none("APP_VERSION", "app:2");
    none("IMAGE_TAG", "x:1");
    // ...but a URL there is still a URL.
    assert_eq!(
        hosts("IMAGE_SOURCE", "https://git:443/x"),
        vec![hp("git", Some(443))]
    );
}

#[test]
fn host_port_in_command_line_option() {
    let v = "--bootstrap-server=kafka:9092 -Dredis=redis:6379";
    assert_eq!(
        hosts("JAVA_OPTS", v),
        vec![hp("kafka", Some(9092)), hp("redis", Some(6379))]
    );
    none("X", "--verbose");
    none("X", "key=db:5432");
}

#[test]
fn host_port_kafka_quorum_voters() {
    let v = "1@kafka1:9093,2@kafka2:9093";
    let eps = checked("KAFKA_CFG_CONTROLLER_QUORUM_VOTERS", v);
    assert_eq!(eps.len(), 2);
    assert_eq!(eps[0].host_range, 2..8);
    assert_eq!(eps[1].host_range, 16..22);
    assert_eq!(eps[1].port, Some(9093));
    none("X", "user@kafka:9093");
    none("X", "@kafka:9093");
}

#[test]
fn host_port_in_prose() {
    assert_eq!(
        hosts("X", "connect to db:5432."),
        vec![hp("db", Some(5432))]
    );
    assert_eq!(hosts("X", "(db:5432)"), vec![hp("db", Some(5432))]);
}

#[test]
fn host_port_interpolation() {
    none("X", "${DB_HOST}:5432");
    none("X", "${DB_HOST:-db}:5432");
    none("X", "db:${PORT}");
    none("X", "db:${PORT:-5432}");
}

// --- Bare hosts -----------------------------------------------------------

#[test]
fn bare_host_in_host_variables() {
    for name in [
        "PGHOST",
        "pghost",
        "MYSQL_HOST",
        "REDIS_HOST",
        "DB_HOST",
        "DATABASE_HOST",
        "MONGO_HOST",
        "POSTGRES_HOST",
        "SMTP_HOSTNAME",
        "API_ADDR",
        "API_ADDRESS",
        "MAIL_SERVER",
        "db_host",
    ] {
        let e = one(name, "db");
        assert_eq!(e.form, EndpointForm::BareHost, "{name}");
        assert_eq!(e.host_range, 0..2);
        assert_eq!(e.port, None);
    }
}

#[test]
fn bare_host_is_lower_cased_and_trimmed() {
    let v = "  DB.Internal \n";
    let e = one("DB_HOST", v);
    assert_eq!(e.host, "db.internal");
    assert_eq!(e.host_range, 2..13);
}

#[test]
fn bare_host_addresses() {
    let e = one("REDIS_HOST", "10.0.0.1");
    assert_eq!(e.host_kind, HostKind::Ipv4(Ipv4Addr::new(10, 0, 0, 1)));
    let e = one("BIND_ADDR", "::");
    assert_eq!(e.host_kind, HostKind::Ipv6(Ipv6Addr::UNSPECIFIED));
    assert_eq!(e.host_range, 0..2);
    assert!(e.is_unspecified());
    let e = one("X_HOST", "[::1]");
    assert_eq!(e.host, "::1");
    assert_eq!(e.host_range, 0..5);
    let e = one("X_HOST", "fe80::1");
    assert_eq!(e.form, EndpointForm::BareHost);
    none("X", "::1");
}

#[test]
fn bare_host_list_variables() {
    let v = "es1,es2 es3:9200";
    let eps = checked("ELASTICSEARCH_HOSTS", v);
    assert_eq!(eps.len(), 3);
    assert_eq!(eps[0].form, EndpointForm::BareHost);
    assert_eq!(eps[1].host_range, 4..7);
    assert_eq!(eps[2].form, EndpointForm::HostPort);
    assert_eq!(
        hosts("NTP_SERVERS", "a;b"),
        vec![hp("a", None), hp("b", None)]
    );
}

#[test]
fn bare_host_single_variable_with_list_is_not_bare() {
    none("DB_HOST", "a,b");
    none("SMTP_SERVER", "Microsoft Exchange");
    // host:port tokens still count anywhere.
    assert_eq!(
        hosts("DB_HOST", "a:1,b:2"),
        vec![hp("a", Some(1)), hp("b", Some(2))]
    );
}

#[test]
fn bare_host_fully_qualified_dot_is_dropped() {
    // `db.` is the root-anchored spelling of `db`; the dot is trimmed like prose.
    let e = one("DB_HOST", "db.");
    assert_eq!((e.host.as_str(), e.host_range.clone()), ("db", 0..2));
}

#[test]
fn bare_host_with_port_is_host_port() {
    let e = one("DB_HOST", "db:5432");
    assert_eq!(e.form, EndpointForm::HostPort);
    assert_eq!(e.port, Some(5432));
}

#[test]
fn host_variable_vouches_for_interpolated_port() {
    let e = one("DB_HOST", "db:${DB_PORT}");
    assert_eq!(e.form, EndpointForm::HostPort);
    assert_eq!(
        (e.host.as_str(), e.port, e.port_range.clone()),
        ("db", None, None)
    );
    none("DB_HOST", "${DB_HOST}");
    none("DB_HOST", "${DB_HOST:-db}");
}

#[test]
fn bare_host_rejects_non_hosts() {
    for v in [
        "true",
        "FALSE",
        "*",
        "",
        "   ",
        "yes",
        "none",
        "/x",
        "/var/run/x.sock",
        "a b",
    ] {
        none("DB_HOST", v);
    }
    none("DB_HOST", "user@example.com");
}

#[test]
fn bare_host_url_value_is_url() {
    let e = one("DOCKER_HOST", "tcp://docker:2375");
    assert_eq!(e.form, EndpointForm::Url);
    none("DOCKER_HOST", "unix:///var/run/docker.sock");
}

#[test]
fn bare_words_outside_host_variables_are_not_hosts() {
    none("SOMETHING", "db");
    none("HOST", "db");
    none("HOSTNAME", "web");
    none("LOG_LEVEL", "localhost");
}

#[test]
fn host_variable_names() {
    assert!(is_host_variable("PGHOST"));
    assert!(is_host_variable("pghostaddr"));
    assert!(is_host_variable("Redis_Host"));
    assert!(is_host_variable("KAFKA_SERVERS"));
    assert!(is_host_variable("X_ADDRESSES"));
    assert!(!is_host_variable("HOST"));
    assert!(!is_host_variable("GHOST"));
    assert!(!is_host_variable("DB_HOST_PORT"));
    assert!(!is_host_variable("DATABASE_URL"));
}

// --- Not endpoints ---------------------------------------------------------

#[test]
fn non_network_schemes() {
    for v in [
        "file:///x",
        "file://host/share",
        "unix:///var/run/docker.sock",
        "npipe:////./pipe/docker_engine",
        "http+unix://%2Fvar%2Frun%2Fdocker.sock/info",
        "s3://bucket/key",
        "sqlite:///data.db",
        "docker://alpine",
        "data:text/plain;base64,SGVsbG8=",
        "mailto:a@b",
        "C://x",
        "://db:1",
    ] {
        none("X", v);
    }
}

#[test]
fn plain_text_is_not_endpoints() {
    for v in [
        "hello world",
        "/usr/local/bin:/usr/bin",
        "./data/x.json",
        "admin@example.com",
        "a@b.c:25",
        "Europe/Berlin",
        "1.2.3",
        "v1.2.3",
        "en_US.UTF-8",
        "--verbose --color=always",
        "key=value",
        "10:00-18:00",
    ] {
        none("X", v);
    }
}

#[test]
fn json_blobs_do_not_panic() {
    none("X", r#"{"a":"b:1"}"#);
    none("X", r#"{"a":{"b":[1,2,":",";"]}}"#);
    none("X", "{");
    none("X", "}");
    none("X", "[");
    none("X", "[]:");
}

#[test]
fn non_ascii_never_panics_and_ranges_are_char_boundaries() {
    for v in [
        "🚀",
        "é:1",
        "http://exämple.com/",
        "http://ü",
        "db:5432é",
        "日本:80",
        "Server=日本;Port=1",
        "host=é port=1",
        "http://a:1🚀",
        "[é]:1",
        "http://[é]:1",
        "ß://x",
        "x://ß",
        "a\u{a0}b:1",
    ] {
        checked("X", v);
        checked("DB_HOST", v);
        checked("X_HOSTS", v);
    }
    assert_eq!(hosts("X", "🚀 http://api:1 🚀"), vec![hp("api", Some(1))]);
    assert_eq!(hosts("X", "→db:5432"), Vec::<(String, Option<u16>)>::new());
    assert_eq!(
        hosts("X", "é http://api:1é"),
        Vec::<(String, Option<u16>)>::new()
    );
}

#[test]
fn degenerate_inputs_do_not_panic() {
    for v in [
        "",
        ":",
        "::",
        ":::",
        "://",
        ":///",
        "a://",
        "$",
        "$$",
        "${",
        "${}",
        "$}",
        "${${",
        "http://",
        "http://$",
        "http://${",
        "http://[",
        "http://[]",
        "http://]",
        "http://@",
        "http://@@",
        "http://:",
        "=",
        ";",
        "=;",
        ";=",
        "Server=",
        "Server=;",
        "Server=\"",
        "Server={",
        "host='",
        "host=' port=1",
        "a=b c=d",
        ",,,",
        "[",
        "[:",
        "[::1]:",
        "[::1]x",
        "-=",
        "-",
        "(",
        ")",
        "))))",
        "((((",
        "http://a)",
        "http://a(",
    ] {
        checked("X", v);
        checked("DB_HOST", v);
        checked("X_HOSTS", v);
    }
}

#[test]
fn interpolation_never_yields_host_or_port_ranges() {
    let values = [
        "http://${A}:${B}/",
        "${A}://${B}",
        "$A:$B",
        "${A}:1,${B}:2",
        "http://a${B}:1",
        "Server=${A},${B};",
        "host=${A} port=${B}",
        "$$:1",
        "http://$$:1",
        "http://${A:-x,y}:1",
    ];
    for v in values {
        for name in ["X", "DB_HOST", "X_HOSTS"] {
            for e in checked(name, v) {
                let dollars: Vec<usize> = v.match_indices('$').map(|(i, _)| i).collect();
                assert!(
                    !dollars.iter().any(|d| e.host_range.contains(d)),
                    "{v}: {e:?}"
                );
                if let Some(r) = &e.port_range {
                    assert!(!dollars.iter().any(|d| r.contains(d)), "{v}: {e:?}");
                }
            }
        }
    }
}

// --- is_loopback / default_port ---------------------------------------------

#[test]
fn loopback_names_and_addresses() {
    for v in [
        "http://localhost",
        "http://LOCALHOST:1",
        "http://api.localhost:3000",
        "http://localhost.localdomain",
        "http://ip6-localhost",
        "http://127.0.0.1",
        "http://127.1.2.3:80",
        "http://[::1]",
        "http://[::ffff:127.0.0.1]",
        "http://0.0.0.0:80",
        "http://[::]:80",
    ] {
        assert!(one("X", v).is_loopback(), "{v}");
    }
    for v in [
        "http://db",
        "http://10.0.0.1",
        "http://localhost.example.com",
        "http://mylocalhost",
        "http://[::2]",
        "http://host.docker.internal",
    ] {
        assert!(!one("X", v).is_loopback(), "{v}");
    }
}

#[test]
fn unspecified_addresses() {
    assert!(one("X", "0.0.0.0:8080").is_unspecified());
    assert!(one("X", "http://[::ffff:0.0.0.0]/").is_unspecified());
    assert!(!one("X", "http://127.0.0.1/").is_unspecified());
    assert!(!one("X", "http://localhost/").is_unspecified());
}

#[test]
fn default_ports_by_scheme() {
    let cases: &[(&str, Option<u16>)] = &[
        ("http://a", Some(80)),
        ("https://a", Some(443)),
        ("ws://a", Some(80)),
        ("wss://a", Some(443)),
        ("postgres://a", Some(5432)),
        ("postgresql://a", Some(5432)),
        ("mysql://a", Some(3306)),
        ("mariadb://a", Some(3306)),
        ("mongodb://a", Some(27017)),
        ("redis://a", Some(6379)),
        ("rediss://a", Some(6379)),
        ("redis+sentinel://a", Some(26379)),
        ("amqp://a", Some(5672)),
        ("amqps://a", Some(5671)),
        ("nats://a", Some(4222)),
        ("kafka://a", Some(9092)),
        ("memcached://a", Some(11211)),
        ("ldap://a", Some(389)),
        ("ldaps://a", Some(636)),
        ("smtp://a", Some(25)),
        ("ftp://a", Some(21)),
        ("ssh://git@a", Some(22)),
        ("jdbc:sqlserver://a", Some(1433)),
        ("neo4j+s://a", Some(7687)),
        ("mqtt://a", Some(1883)),
        ("grpc://a", None),
        ("tcp://a", None),
        ("plaintext://a", None),
        ("mongodb+srv://a", None),
        ("http://a:8080", Some(8080)),
    ];
    for (v, want) in cases {
        assert_eq!(one("X", v).default_port(), *want, "{v}");
    }
    assert_eq!(one("X", "db:5432").default_port(), Some(5432));
    assert_eq!(one("DB_HOST", "db").default_port(), None);
    assert_eq!(one("X", "Server=db;Database=x").default_port(), None);
}

// --- Helpers ---------------------------------------------------------------

#[test]
fn hostname_syntax() {
    assert!(is_hostname("db"));
    assert!(is_hostname("my_db-1.example.com"));
    assert!(is_hostname("1password.com"));
    assert!(!is_hostname("123"));
    assert!(!is_hostname("1.2.3"));
    assert!(!is_hostname("-db"));
    assert!(!is_hostname("db-"));
    assert!(!is_hostname("a..b"));
    assert!(!is_hostname(""));
    assert!(!is_hostname(&"a".repeat(64)));
    assert!(!is_hostname("a b"));
}

#[test]
fn interpolation_skipping() {
    let b = b"${A:-${B}}x";
    assert_eq!(skip_dollar(b, 0), 10);
    assert_eq!(skip_dollar(b"$$x", 0), 2);
    assert_eq!(skip_dollar(b"$ABC_1:x", 0), 6);
    assert_eq!(skip_dollar(b"$", 0), 1);
    assert_eq!(skip_dollar(b"${open", 0), 6);
}

#[test]
fn scheme_parsing() {
    let s = parse_scheme("jdbc:postgresql").map(|s| (s.name, s.jdbc));
    assert_eq!(s, Some(("postgresql".to_string(), true)));
    let s = parse_scheme("see:HTTP").map(|s| (s.name, s.jdbc));
    assert_eq!(s, Some(("http".to_string(), false)));
    assert!(parse_scheme("C").is_none());
    assert!(parse_scheme("").is_none());
    assert!(parse_scheme("jdbc:").is_none());
    let s = parse_scheme("url:jdbc:mysql").map(|s| (s.name, s.jdbc));
    assert_eq!(s, Some(("mysql".to_string(), true)));
    let s = parse_scheme("notjdbc:mysql").map(|s| (s.name, s.jdbc));
    assert_eq!(s, Some(("mysql".to_string(), false)));
}

// --- Performance -----------------------------------------------------------

#[test]
fn large_values_scan_in_linear_time() {
    let start = std::time::Instant::now();
    let list = "kafka:9092,".repeat(10_000);
    assert_eq!(checked("X", &list).len(), 10_000);
    let urls = "http://a:1 ".repeat(10_000);
    assert_eq!(checked("X", &urls).len(), 10_000);
    for v in [
        "a".repeat(100_000),
        ":".repeat(100_000),
        "://".repeat(35_000),
        "http://".repeat(15_000),
        "http://a".repeat(12_000),
        "http://a\"".repeat(11_000),
        ",".repeat(100_000),
        format!("http://{}", ",a".repeat(50_000)),
        format!("http://a/{}", ",b".repeat(50_000)),
        "${".repeat(50_000),
        "$".repeat(100_000),
        "(".repeat(100_000),
        format!("http://a{}", ")".repeat(100_000)),
        format!("http://a{}", ".".repeat(100_000)),
        "a=b;".repeat(25_000),
        "Server=a;".repeat(10_000),
        "host=a ".repeat(14_000),
        "[".repeat(100_000),
        "-".repeat(100_000),
        "1.".repeat(50_000),
        "🚀".repeat(25_000),
    ] {
        checked("X", &v);
        checked("DB_HOSTS", &v);
    }
    // Quadratic scanning of these inputs would take minutes.
    assert!(start.elapsed() < std::time::Duration::from_secs(20));
}
