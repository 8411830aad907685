use lashing_rule::{declare_rule, excerpt, Context, PerDefinition, Report, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a host device that reaches the host's storage or kernel memory:
    /// disks and partitions (`/dev/sda`, `/dev/nvme0n1`, `/dev/mmcblk0`,
    /// `/dev/mapper/*`, `/dev/dm-*`, `/dev/md*`, `/dev/loop*`, `/dev/disk/*`),
    /// `/dev/mem`, `/dev/kmem`, `/dev/port`, the kernel log `/dev/kmsg`, all of `/dev`, and
    /// `device_cgroup_rules` that allow every device (`a`) or block devices (`b`).
    /// Devices a service uses for its job (`/dev/dri` for transcoding,
    /// `/dev/net/tun` for a VPN, `/dev/ttyUSB0` for a radio, `/dev/snd`) are not
    /// reported.
    ///
    /// ## Why is this bad?
    /// A raw disk bypasses every file permission: the container reads
    /// `/etc/shadow` from the block device and writes whatever it likes back.
    /// `/dev/mem` and `/dev/kmem` are the host's memory. No capability is needed
    /// once the device is there.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   disk-tool:
    ///     image: example/disk-tool:1.0
    ///     devices:
    ///       - /dev/sda:/dev/sda
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   disk-tool:
    ///     image: example/disk-tool:1.0
    ///     volumes:
    ///       - /mnt/data:/data:ro
    /// ```
    ///
    /// ## References
    /// - CIS Docker Benchmark v1.6.0, 5.18: ensure that host devices are not directly exposed to containers.
    pub struct HostDevice {
        code: "L614",
        name: "host-device",
        category: Security,
        severity: Error,
        default_enabled: true,
        fixable: No,
        summary: "A host disk, the host's memory or its kernel log is given to the container",
    }
}

impl Rule for HostDevice {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let mut found = PerDefinition::new();
        for service in crate::containers(cx) {
            for device in &service.runtime.devices {
                let source = &device.source;
                let Some(what) = dangerous_device(source.value.trim()) else {
                    continue;
                };
                found.add(source.span, source.via.or(device.entry.via), &service.name.value, || {
                    Report::new(
                        source.span,
                        format!("`{}` gives the container {what}, past every file permission", excerpt(source.value.trim())),
                    )
                    .label("host device")
                    .help("remove the device; mount the filesystem (or the folder) the service needs instead")
                });
            }
            for rule in &service.runtime.device_cgroup_rules {
                let Some(what) = dangerous_cgroup_rule(&rule.value) else {
                    continue;
                };
                found.add(rule.span, rule.via, &service.name.value, || {
                    Report::new(
                        rule.span,
                        format!("`{}` lets the container open {what}", excerpt(rule.value.trim())),
                    )
                    .label("device rule")
                    .help("allow only the character devices the service needs (`c 189:* rmw` for USB)")
                });
            }
        }
        found.report_all(cx);
    }
}

/// What a host device node gives, if it reaches storage or kernel memory.
fn dangerous_device(path: &str) -> Option<&'static str> {
    let path = path.trim_end_matches('/');
    if path == "/dev" {
        return Some("every host device, the disks included");
    }
    let name = path.strip_prefix("/dev/")?;
    if matches!(name, "mem" | "kmem" | "port") {
        return Some("the host's memory");
    }
    if name == "kmsg" {
        return Some("the host kernel's log, to read (kernel addresses, other tenants' messages) and to write into");
    }
    let disk_prefixes = [
        "sd", "hd", "vd", "xvd", "nvme", "mmcblk", "md", "dm-", "loop",
    ];
    let disk = disk_prefixes.iter().any(|p| {
        name.strip_prefix(p).is_some_and(|rest| {
            rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_alphanumeric())
        })
    }) && !name.contains('/')
        || name.starts_with("mapper/")
        || name.starts_with("disk/");
    disk.then_some("raw access to a host disk")
}

/// What a `device_cgroup_rules` entry allows, if it covers block devices.
fn dangerous_cgroup_rule(rule: &str) -> Option<&'static str> {
    match rule.split_whitespace().next()? {
        "a" => Some("every device of the host, its disks included"),
        "b" => Some("host block devices (disks)"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disks_and_memory_are_dangerous() {
        for path in [
            "/dev/sda",
            "/dev/sdb1",
            "/dev/nvme0n1",
            "/dev/mmcblk0p2",
            "/dev/mapper/root",
            "/dev/mem",
            "/dev",
            "/dev/loop0",
            "/dev/disk/by-id/x",
        ] {
            assert!(dangerous_device(path).is_some(), "{path}");
        }
    }

    #[test]
    fn job_devices_are_not() {
        for path in [
            "/dev/dri",
            "/dev/dri/renderD128",
            "/dev/net/tun",
            "/dev/ttyUSB0",
            "/dev/snd",
            "/dev/video0",
            "/dev/bus/usb",
            "/dev/fuse",
            "/dev/kvm",
            "/dev/hidraw0",
            "/dev/serial/by-id/x",
        ] {
            assert!(dangerous_device(path).is_none(), "{path}");
        }
        assert!(dangerous_cgroup_rule("c 189:* rmw").is_none());
        assert!(dangerous_cgroup_rule("b 8:* rmw").is_some());
    }
}
