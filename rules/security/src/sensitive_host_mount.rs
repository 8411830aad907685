use lashing_rule::{declare_rule, Context, Report, Rule, RuleMeta};

use crate::host_paths::{report_mounts, Exposure};

declare_rule! {
    /// ## What it does
    /// Reports a bind mount of a host path that discloses host state or
    /// credentials: `/proc`, `/sys`, `/dev`, runtime state under
    /// `/run`, the D-Bus system bus, Docker's data, home folders and the credential
    /// folders in them (`~/.ssh`, `~/.aws`, `~/.kube`, `~/.docker`), and secrets
    /// under `/etc` (`shadow`, `sudoers`, `ssh`). Read-only views of harmless files
    /// (`/etc/localtime`, `/etc/timezone`, `/etc/ssl/certs`, a config file under
    /// `/etc`) are not reported; writable root-equivalent paths are
    /// `writable-host-root-mount`, engine sockets `docker-socket-mount`.
    ///
    /// ## Why is this bad?
    /// The container sees what only the host should: every process's command line
    /// and environment (`/proc`), host keys and cloud credentials, other
    /// containers' data. Monitoring agents need some of these; everything else
    /// should mount only the file it uses.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   app:
    ///     image: example/app:1.4
    ///     volumes:
    ///       - ~/.ssh:/root/.ssh:ro
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   app:
    ///     image: example/app:1.4
    ///     secrets:
    ///       - deploy_key
    /// secrets:
    ///   deploy_key:
    ///     file: ./deploy_key
    /// ```
    ///
    /// ## References
    /// - CIS Docker Benchmark v1.6.0, 5.6: ensure sensitive host system directories are not mounted on containers.
    /// - OWASP Docker Security Cheat Sheet, rule 8: set filesystem and volumes to read-only.
    pub struct SensitiveHostMount {
        code: "L612",
        name: "sensitive-host-mount",
        category: Security,
        severity: Warning,
        default_enabled: true,
        fixable: No,
        summary: "A host path that discloses host state or credentials is mounted",
    }
}

impl Rule for SensitiveHostMount {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let pick = |e| match e {
            Exposure::Sensitive { what } => Some(what),
            _ => None,
        };
        report_mounts(cx, pick, |at, path, what, _| {
            Report::new(at, format!("mounting `{path}` shows the container {what}"))
                .label("host path")
                .help("mount only what the service needs (one file, read-only); give it credentials as secrets (`secrets:`) rather than a folder of them")
        });
    }
}
