//! What "ready" means for a service, shared by the startup rules.

use lashing_compose::{Condition, Dependency, Service};
use lashing_graph::{DataService, ProjectGraph, ServiceId, ServiceNode};

/// Every `depends_on` entry that waits with `condition`, with the dependent and the
/// dependency's id (entries naming no service are `undefined-dependency`'s).
pub(crate) fn dependencies_waiting_for<'g, 'm>(
    graph: &'g ProjectGraph<'m>,
    condition: Condition,
) -> impl Iterator<Item = (&'g ServiceNode<'m>, &'m Dependency, ServiceId)> + 'g {
    graph.services.iter().flat_map(move |node| {
        node.service
            .depends_on
            .iter()
            .filter_map(move |dependency| {
                if dependency.condition() != Some(condition) {
                    return None;
                }
                let target = graph.service_id(dependency.service.as_str())?;
                Some((node, dependency, target))
            })
    })
}

/// Whether the service has a healthcheck that checks something (not `disable: true`
/// or `["NONE"]`).
pub(crate) fn has_healthcheck(service: &Service) -> bool {
    service
        .healthcheck
        .as_ref()
        .is_some_and(|h| h.is_enabled() && h.test.is_some())
}

/// Whether the healthcheck is explicitly turned off.
pub(crate) fn healthcheck_disabled(service: &Service) -> bool {
    service
        .healthcheck
        .as_ref()
        .is_some_and(|h| !h.is_enabled())
}

/// A readiness test for a known data store, as it would be written in the file
/// (with `$$` so the container's shell, not Compose, expands variables).
pub(crate) fn suggested_test(data: DataService) -> Option<&'static str> {
    Some(match data.name {
        "postgres" => r#"["CMD-SHELL", "pg_isready -U $${POSTGRES_USER:-postgres}"]"#,
        "mysql" => r#"["CMD", "mysqladmin", "ping", "-h", "localhost"]"#,
        "mariadb" => r#"["CMD", "healthcheck.sh", "--connect", "--innodb_initialized"]"#,
        "redis" | "valkey" => r#"["CMD", "redis-cli", "ping"]"#,
        "mongo" => r#"["CMD", "mongosh", "--quiet", "--eval", "db.adminCommand('ping')"]"#,
        "rabbitmq" => r#"["CMD", "rabbitmq-diagnostics", "-q", "ping"]"#,
        "elasticsearch" | "opensearch" => {
            r#"["CMD-SHELL", "curl -fs http://localhost:9200/_cluster/health || exit 1"]"#
        }
        _ => return None,
    })
}
