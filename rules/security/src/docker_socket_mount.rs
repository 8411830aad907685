use lashing_rule::{declare_rule, Context, Report, Rule, RuleMeta};

use crate::host_paths::{report_mounts, Exposure};

declare_rule! {
    /// ## What it does
    /// Reports a bind mount of a container engine's API socket: Docker's
    /// (`/var/run/docker.sock`, rootless `${XDG_RUNTIME_DIR}/docker.sock`, the
    /// Windows pipe), containerd's, Podman's or CRI-O's, in short or long syntax,
    /// read-only or not, and also a mount of a folder that holds it (`/var/run`, or
    /// the whole disk: `/:/rootfs:ro` still reaches the socket).
    ///
    /// ## Why is this bad?
    /// Whoever can talk to the engine can start a privileged container with the
    /// host's disk mounted: the socket is root on the host. `:ro` does not help:
    /// it stops writes to the socket file, not API calls through it. Tools that
    /// need the API (Traefik, Portainer, Watchtower) are better given a filtering
    /// proxy that allows only the calls they make.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   proxy:
    ///     image: traefik:v3.1
    ///     volumes:
    ///       - /var/run/docker.sock:/var/run/docker.sock:ro
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   proxy:
    ///     image: traefik:v3.1
    ///     environment:
    ///       DOCKER_HOST: tcp://socket-proxy:2375
    ///   socket-proxy:
    ///     image: tecnativa/docker-socket-proxy:0.3
    ///     environment:
    ///       CONTAINERS: "1"
    /// ```
    ///
    /// The proxy still holds the socket; this rule then reports that one mount,
    /// where it is deliberate and narrow, and it can be suppressed with a reason.
    ///
    /// ## References
    /// - OWASP Docker Security Cheat Sheet, rule 1: do not expose the Docker daemon socket.
    /// - CIS Docker Benchmark v1.6.0, 5.32: ensure that the Docker socket is not mounted inside any containers.
    pub struct DockerSocketMount {
        code: "L601",
        name: "docker-socket-mount",
        category: Security,
        severity: Error,
        default_enabled: true,
        fixable: No,
        summary: "A container engine's socket is mounted into the container",
    }
}

impl Rule for DockerSocketMount {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let pick = |e| match e {
            Exposure::EngineSocket { what } => Some(what),
            _ => None,
        };
        report_mounts(cx, pick, |at, path, what, mount| {
            let read_only = if mount.value.read_only {
                " (`:ro` does not help: API calls go through the socket, they do not write the file)"
            } else {
                ""
            };
            Report::new(
                at,
                format!("mounting `{path}` gives the container the API of {what}, which is root on the host{read_only}"),
            )
            .label("engine API")
            .help("remove the mount; if the service must query the engine, give it a filtering socket proxy that allows only the calls it makes")
        });
    }
}
