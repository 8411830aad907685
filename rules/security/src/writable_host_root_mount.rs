use lashing_rule::{declare_rule, Context, Report, Rule, RuleMeta};

use crate::host_paths::{report_mounts, Exposure};

declare_rule! {
    /// ## What it does
    /// Reports a writable bind mount of a host path where a write is root on the
    /// host: `/etc`, `/root`, `/boot`, `/proc`, `/sys`, Docker's and
    /// containerd's data (and `/var/lib`, which holds them), the trees root runs programs from (`/usr`, `/bin`,
    /// `/lib`...) and crontabs.
    ///
    /// ## Why is this bad?
    /// The container can add a user to `/etc/passwd`, a job to cron, a key to
    /// `/root/.ssh/authorized_keys`, or replace a binary root runs: root on the
    /// host without any escape. Read-only mounts of these paths are reported by
    /// `sensitive-host-mount` instead.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   backup:
    ///     image: example/backup:1.2
    ///     volumes:
    ///       - /etc:/host/etc
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   backup:
    ///     image: example/backup:1.2
    ///     volumes:
    ///       - /etc/hostname:/host/etc/hostname:ro
    /// ```
    ///
    /// ## References
    /// - OWASP Docker Security Cheat Sheet, rule 8: set filesystem and volumes to read-only.
    /// - CIS Docker Benchmark v1.6.0, 5.6: ensure sensitive host system directories are not mounted on containers.
    pub struct WritableHostRootMount {
        code: "L613",
        name: "writable-host-root-mount",
        category: Security,
        severity: Error,
        default_enabled: true,
        fixable: No,
        summary: "A host path where a write is root on the host is mounted writable",
    }
}

impl Rule for WritableHostRootMount {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let pick = |e| match e {
            Exposure::RootEquivalent { what } => Some(what),
            _ => None,
        };
        report_mounts(cx, pick, |at, path, what, mount| {
            let help = if mount.value.long_syntax {
                "mount only the file the service needs, with `read_only: true`"
            } else {
                "mount only the file the service needs, and add `:ro`"
            };
            Report::new(
                at,
                format!("`{path}` is mounted writable: the container can change {what}, which is root on the host"),
            )
            .label("writable host path")
            .help(help)
        });
    }
}
