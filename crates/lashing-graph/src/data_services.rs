//! Known data stores and brokers, recognised by image, with their default ports.
//!
//! The one list the rules share (the catalog's "data service"): a service running one
//! of these holds state worth protecting, needs time before it accepts connections,
//! and listens on well-known ports even when the file never says so.

/// A data store or broker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DataService {
    /// The product, as users call it ("postgres").
    pub name: &'static str,
    /// The ports it listens on by default, the main one first.
    pub ports: &'static [u16],
}

/// Image repository names (the last path segment, without tag or digest) and the
/// product each runs. Official images, their common vendor and Bitnami names.
const KNOWN: &[(&str, DataService)] = &[
    ("postgres", POSTGRES),
    ("postgresql", POSTGRES),
    ("postgis", POSTGRES),
    ("pgvector", POSTGRES),
    ("timescaledb", POSTGRES),
    ("timescaledb-ha", POSTGRES),
    ("mysql", MYSQL),
    ("mysql-server", MYSQL),
    ("mariadb", MARIADB),
    ("percona", MYSQL),
    ("percona-server", MYSQL),
    ("mongo", MONGO),
    ("mongodb", MONGO),
    ("mongodb-community-server", MONGO),
    ("redis", REDIS),
    ("redis-stack", REDIS),
    ("redis-stack-server", REDIS),
    ("redismod", REDIS),
    ("valkey", VALKEY),
    ("keydb", REDIS),
    ("memcached", MEMCACHED),
    ("elasticsearch", ELASTICSEARCH),
    ("opensearch", OPENSEARCH),
    ("rabbitmq", RABBITMQ),
    ("kafka", KAFKA),
    ("cp-kafka", KAFKA),
    ("cp-server", KAFKA),
    ("zookeeper", ZOOKEEPER),
    ("cp-zookeeper", ZOOKEEPER),
    ("nats", NATS),
    ("cassandra", CASSANDRA),
    ("scylla", CASSANDRA),
    ("couchdb", COUCHDB),
    ("clickhouse", CLICKHOUSE),
    ("clickhouse-server", CLICKHOUSE),
    ("influxdb", INFLUXDB),
    ("neo4j", NEO4J),
    ("etcd", ETCD),
    ("minio", MINIO),
    ("cockroach", COCKROACH),
    ("questdb", QUESTDB),
    ("meilisearch", MEILISEARCH),
    ("qdrant", QDRANT),
    ("surrealdb", SURREALDB),
];

const POSTGRES: DataService = DataService {
    name: "postgres",
    ports: &[5432],
};
const MYSQL: DataService = DataService {
    name: "mysql",
    ports: &[3306],
};
const MARIADB: DataService = DataService {
    name: "mariadb",
    ports: &[3306],
};
const MONGO: DataService = DataService {
    name: "mongo",
    ports: &[27017],
};
const REDIS: DataService = DataService {
    name: "redis",
    ports: &[6379],
};
const VALKEY: DataService = DataService {
    name: "valkey",
    ports: &[6379],
};
const MEMCACHED: DataService = DataService {
    name: "memcached",
    ports: &[11211],
};
const ELASTICSEARCH: DataService = DataService {
    name: "elasticsearch",
    ports: &[9200, 9300],
};
const OPENSEARCH: DataService = DataService {
    name: "opensearch",
    ports: &[9200, 9600],
};
const RABBITMQ: DataService = DataService {
    name: "rabbitmq",
    ports: &[5672],
};
const KAFKA: DataService = DataService {
    name: "kafka",
    ports: &[9092],
};
const ZOOKEEPER: DataService = DataService {
    name: "zookeeper",
    ports: &[2181],
};
const NATS: DataService = DataService {
    name: "nats",
    ports: &[4222],
};
const CASSANDRA: DataService = DataService {
    name: "cassandra",
    ports: &[9042],
};
const COUCHDB: DataService = DataService {
    name: "couchdb",
    ports: &[5984],
};
const CLICKHOUSE: DataService = DataService {
    name: "clickhouse",
    ports: &[8123, 9000],
};
const INFLUXDB: DataService = DataService {
    name: "influxdb",
    ports: &[8086],
};
const NEO4J: DataService = DataService {
    name: "neo4j",
    ports: &[7687, 7474],
};
const ETCD: DataService = DataService {
    name: "etcd",
    ports: &[2379],
};
const MINIO: DataService = DataService {
    name: "minio",
    ports: &[9000],
};
const MSSQL: DataService = DataService {
    name: "mssql",
    ports: &[1433],
};
const COCKROACH: DataService = DataService {
    name: "cockroach",
    ports: &[26257],
};
const QUESTDB: DataService = DataService {
    name: "questdb",
    ports: &[8812, 9000],
};
const MEILISEARCH: DataService = DataService {
    name: "meilisearch",
    ports: &[7700],
};
const QDRANT: DataService = DataService {
    name: "qdrant",
    ports: &[6333],
};
const SURREALDB: DataService = DataService {
    name: "surrealdb",
    ports: &[8000],
};

/// The data service an image runs, if it is a known one. The registry, namespace,
/// tag and digest are ignored: `docker.io/bitnami/postgresql:16@sha256:...` is postgres.
/// A `${...}` in the tag does not matter (`bitnami/mongodb:${MONGO_VERSION}` is
/// mongo); one in the repository name makes the image unknown until interpolation.
pub fn data_service_of(image: &str) -> Option<DataService> {
    let without_digest = image.split('@').next().unwrap_or(image);
    let path = strip_tag(without_digest).to_ascii_lowercase();
    let last_segment = path.rsplit('/').next().unwrap_or(&path);
    if last_segment.contains('$') || last_segment.contains('{') {
        return None;
    }
    // Microsoft's SQL Server image has a generic last segment (`mssql/server`).
    if path.ends_with("mssql/server") || path.ends_with("/mssql-server-linux") {
        return Some(MSSQL);
    }
    let repository = path.rsplit('/').next().unwrap_or(&path);
    KNOWN
        .iter()
        .find(|(name, _)| *name == repository)
        .map(|(_, service)| *service)
}

/// `host:5000/ns/name:tag` → `host:5000/ns/name`: a `:` after the last `/` starts
/// the tag (the one in a registry's port comes before a `/`).
fn strip_tag(image: &str) -> &str {
    // A `/` inside `${...}` (a default such as `${IMG:-a/b}`) does not separate
    // path segments; neither does a `:` start a tag there.
    let mut depth = 0usize;
    let mut last_slash = None;
    for (i, c) in image.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            '/' if depth == 0 => last_slash = Some(i),
            _ => {}
        }
    }
    let start = last_slash.map_or(0, |i| i + 1);
    let mut depth = 0usize;
    for (i, c) in image[start..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            ':' if depth == 0 => return &image[..start + i],
            _ => {}
        }
    }
    image
}

/// Ports debuggers listen on: node inspector, Chrome DevTools, JVM jdwp, delve, debugpy.
pub const DEBUG_PORTS: &[(u16, &str)] = &[
    (9229, "the Node.js inspector"),
    (9222, "the Chrome DevTools protocol"),
    (5005, "the JVM debugger (jdwp)"),
    (2345, "the delve debugger"),
    (5678, "debugpy"),
];

/// What a debug port gives access to, if `port` is one.
pub fn debug_port(port: u16) -> Option<&'static str> {
    DEBUG_PORTS
        .iter()
        .find(|(p, _)| *p == port)
        .map(|(_, what)| *what)
}

#[cfg(test)]
#[path = "data_services_test.rs"]
mod tests;
