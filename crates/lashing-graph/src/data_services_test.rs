use super::*;

fn name(image: &str) -> Option<&'static str> {
    data_service_of(image).map(|d| d.name)
}

#[test]
fn official_images_with_and_without_tags() {
    assert_eq!(name("postgres"), Some("postgres"));
    assert_eq!(name("postgres:16-alpine"), Some("postgres"));
    assert_eq!(name("redis:7"), Some("redis"));
    assert_eq!(name("mongo:7.0@sha256:abcdef"), Some("mongo"));
    assert_eq!(name("MySQL:8"), Some("mysql"));
}

#[test]
fn registry_and_namespace_are_ignored() {
    assert_eq!(name("docker.io/bitnami/postgresql:16"), Some("postgres"));
    assert_eq!(name("localhost:5000/team/redis:7"), Some("redis"));
    assert_eq!(name("confluentinc/cp-kafka:7.6.0"), Some("kafka"));
    assert_eq!(name("postgis/postgis:16-3.4"), Some("postgres"));
    assert_eq!(
        name("mcr.microsoft.com/mssql/server:2022-latest"),
        Some("mssql")
    );
    assert_eq!(
        name("docker.elastic.co/elasticsearch/elasticsearch:8.13.0"),
        Some("elasticsearch")
    );
}

#[test]
fn other_images_are_not_data_services() {
    assert_eq!(name("nginx:1.27"), None);
    assert_eq!(name("redis-commander"), None);
    assert_eq!(name("postgres-exporter"), None);
    assert_eq!(name("example/server:1"), None);
    assert_eq!(name("${DB_IMAGE:-postgres}"), None);
    assert_eq!(name("registry.example.com/${TEAM}/api:1"), None);
    assert_eq!(name(""), None);
}

#[test]
fn interpolated_tags_keep_the_repository() {
    assert_eq!(
        name("bitnami/mongodb:${MONGODB_VERSION:-6.0}"),
        Some("mongo")
    );
    assert_eq!(name("${REGISTRY}/library/postgres:16"), Some("postgres"));
    assert_eq!(name("pgvector/pgvector:pg16"), Some("postgres"));
}

#[test]
fn default_ports() {
    assert_eq!(data_service_of("postgres").map(|d| d.ports[0]), Some(5432));
    assert_eq!(
        data_service_of("clickhouse/clickhouse-server").map(|d| d.ports),
        Some(&[8123, 9000][..])
    );
    assert_eq!(debug_port(9229), Some("the Node.js inspector"));
    assert_eq!(debug_port(80), None);
}
