use lashing_compose::Namespace;
use lashing_rule::{declare_rule, Context, PerDefinition, Report, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a service that shares one of the host's namespaces: `pid: host`,
    /// `ipc: host`, `uts: host`, `userns_mode: host` or `cgroup: host`. Sharing a
    /// namespace with another container (`pid: "service:app"`) is not reported.
    ///
    /// ## Why is this bad?
    /// Namespaces are what make a container a container. With the host's PID
    /// namespace it sees and signals every host process (and with `SYS_PTRACE`
    /// injects code into them); with the host's IPC namespace it reads other
    /// programs' shared memory; `uts: host` lets it rename the host;
    /// `userns_mode: host` turns off user-namespace remapping so its root is the
    /// host's root; `cgroup: host` shows it the host's cgroup tree.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   monitor:
    ///     image: example/monitor:3.0
    ///     pid: host
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   monitor:
    ///     image: example/monitor:3.0
    /// ```
    ///
    /// ## References
    /// - CIS Docker Benchmark v1.6.0: 5.16 (PID), 5.17 (IPC), 5.21 (UTS) and 5.31 (user) namespaces are not shared with the host.
    pub struct HostNamespace {
        code: "L609",
        name: "host-namespace",
        category: Security,
        severity: Warning,
        default_enabled: true,
        fixable: No,
        summary: "The container shares a namespace with the host",
    }
}

impl Rule for HostNamespace {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let mut found = PerDefinition::new();
        for service in crate::containers(cx) {
            for (namespace, value) in &service.runtime.namespaces {
                if !value.value.trim().eq_ignore_ascii_case("host") {
                    continue;
                }
                let attribute = namespace.attribute();
                found.add(value.span, value.via, &service.name.value, || {
                    Report::new(value.span, format!("`{attribute}: host` {}", consequence(*namespace)))
                        .label("host namespace")
                        .help(format!(
                            "remove `{attribute}: host`, or share the namespace with the one service that needs it (`{attribute}: \"service:NAME\"`)"
                        ))
                });
            }
        }
        found.report_all(cx);
    }
}

fn consequence(namespace: Namespace) -> &'static str {
    match namespace {
        Namespace::Pid => "lets the container see and signal every process on the host",
        Namespace::Ipc => "lets the container read and write the host's shared memory",
        Namespace::Uts => "lets the container change the host's hostname",
        Namespace::Userns => {
            "turns off user-namespace remapping: root in the container is root on the host"
        }
        Namespace::Cgroup => "shows the container the host's cgroup tree",
    }
}
