//! Linux capabilities grouped by what adding one to a container gives it, with the
//! reason in words. One table shared by the `capability-*` rules.
//!
//! The grouping is by effect on the host under Docker's defaults (default seccomp
//! and AppArmor profiles, no user namespace):
//! - host code execution: the capability is enough to run code as root on the host;
//! - host reach: it changes or observes state shared with the host or every container;
//! - host availability: it lets the container starve or stall the host;
//! - disclosure: it reads what the kernel or other tenants keep private;
//! - lesser: narrower grants, worth a look but often legitimate.
//!
//! Capabilities in Docker's default set (CHOWN, NET_RAW, SETUID...) are not listed:
//! adding one changes nothing.

use lashing_compose::Spanned;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    HostCodeExecution,
    HostReach,
    HostAvailability,
    Disclosure,
    Lesser,
}

/// A capability and what it gives, as "it lets the container ...".
#[derive(Debug, Clone, Copy)]
pub struct Capability {
    pub name: &'static str,
    pub group: Group,
    pub gives: &'static str,
}

const fn cap(name: &'static str, group: Group, gives: &'static str) -> Capability {
    Capability { name, group, gives }
}

use Group::*;

static TABLE: &[Capability] = &[
    cap("SYS_ADMIN", HostCodeExecution, "mount filesystems and use most administrative syscalls, the classic route out of a container (cgroup release_agent, mounting the host disk)"),
    cap("SYS_MODULE", HostCodeExecution, "load kernel modules, that is, run arbitrary code in the host kernel"),
    cap("SYS_RAWIO", HostCodeExecution, "do raw I/O on devices and ports, which reaches host memory and disks"),
    cap("DAC_READ_SEARCH", HostCodeExecution, "open any host file by handle (`open_by_handle_at`, the \"Shocker\" escape), bypassing the container's filesystem view"),
    cap("NET_ADMIN", HostReach, "reconfigure interfaces, routes and firewall rules, and sniff or redirect other containers' traffic on shared networks"),
    cap("BPF", HostReach, "load BPF programs into the shared kernel"),
    cap("SYS_BOOT", HostReach, "reboot the host"),
    cap("SYS_TIME", HostReach, "set the host's clock, which is not namespaced"),
    cap("PERFMON", HostReach, "observe performance events of the whole host"),
    cap("MAC_ADMIN", HostReach, "change the host's mandatory access control (AppArmor, SELinux) policy"),
    cap("MAC_OVERRIDE", HostReach, "override the host's mandatory access control policy"),
    cap("AUDIT_CONTROL", HostReach, "change the host's audit rules"),
    cap("SYS_NICE", HostAvailability, "raise its own scheduling priority above the host's processes"),
    cap("SYS_RESOURCE", HostAvailability, "exceed resource limits and quotas meant to protect the host"),
    cap("IPC_LOCK", HostAvailability, "lock memory so the host cannot reclaim it"),
    cap("LEASE", HostAvailability, "take leases that stall other processes opening the same files"),
    cap("BLOCK_SUSPEND", HostAvailability, "keep the host from suspending"),
    cap("WAKE_ALARM", HostAvailability, "set alarms that wake the host"),
    cap("SYSLOG", Disclosure, "read the kernel log, which shows kernel addresses and other tenants' messages"),
    cap("SYS_PTRACE", Lesser, "trace and inspect processes it can see, and with `pid: host` every process on the host"),
    cap("LINUX_IMMUTABLE", Lesser, "set immutable and append-only flags on files"),
    cap("SYS_PACCT", Lesser, "turn process accounting on and off"),
    cap("SYS_TTY_CONFIG", Lesser, "reconfigure terminals"),
    cap("IPC_OWNER", Lesser, "bypass permission checks on shared memory and message queues"),
    cap("NET_BROADCAST", Lesser, "broadcast and listen to multicast"),
    cap("AUDIT_READ", Lesser, "read the audit log"),
    cap("CHECKPOINT_RESTORE", Lesser, "checkpoint and restore processes"),
];

/// What a `cap_add` item names, normalised: `cap_sys_admin` is `SYS_ADMIN`.
pub fn normalise(item: &str) -> String {
    let upper = item.trim().to_ascii_uppercase();
    match upper.strip_prefix("CAP_") {
        Some(rest) => rest.to_string(),
        None => upper,
    }
}

/// The capability a `cap_add` item names, if it is one of the table.
pub fn lookup(item: &str) -> Option<&'static Capability> {
    let name = normalise(item);
    TABLE.iter().find(|c| c.name == name)
}

/// The `cap_add` items of a service in `group`, with their capability.
pub fn added_in(
    cap_add: &[Spanned<String>],
    group: Group,
) -> impl Iterator<Item = (&Spanned<String>, &'static Capability)> {
    cap_add.iter().filter_map(move |item| {
        let capability = lookup(&item.value)?;
        (capability.group == group).then_some((item, capability))
    })
}

/// Whether a `cap_drop` list drops every capability.
pub fn drops_all(cap_drop: &[Spanned<String>]) -> bool {
    cap_drop.iter().any(|c| normalise(&c.value) == "ALL")
}

/// Reports every `cap_add` item of `group`, once per definition (an anchor shared by
/// several services is one finding that names them).
pub fn report_added(cx: &mut lashing_rule::Context<'_>, group: Group, risk: &str) {
    let mut found = lashing_rule::PerDefinition::new();
    for service in crate::containers(cx) {
        for (item, capability) in added_in(&service.runtime.cap_add, group) {
            found.add(item.span, item.via, &service.name.value, || {
                lashing_rule::Report::new(
                    item.span,
                    format!(
                        "`cap_add: {}` lets the container {}",
                        capability.name, capability.gives
                    ),
                )
                .label(risk.to_string())
                .help(format!(
                    "remove `{}`; if the service really needs it, keep it as the only capability added, with `cap_drop: [ALL]`",
                    capability.name
                ))
            });
        }
    }
    found.report_all(cx);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_normalised() {
        assert_eq!(normalise(" cap_sys_admin "), "SYS_ADMIN");
        assert_eq!(
            lookup("CAP_NET_ADMIN").map(|c| c.group),
            Some(Group::HostReach)
        );
        assert!(
            lookup("CHOWN").is_none(),
            "default capabilities are not listed"
        );
    }

    #[test]
    fn every_capability_is_listed_once() {
        let mut names: Vec<_> = TABLE.iter().map(|c| c.name).collect();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(before, names.len());
    }
}
