use lashing_rule::{declare_rule, excerpt, Context, PerDefinition, Report, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a `security_opt` item that turns off one of the kernel's guards:
    /// `seccomp:unconfined`, `apparmor:unconfined`, `label:disable` (SELinux),
    /// `label:type:spc_t` (SELinux "super privileged container") or
    /// `systempaths=unconfined` (unmasks `/proc` and `/sys` paths). Either `:` or
    /// `=` may separate the option from its value.
    ///
    /// ## Why is this bad?
    /// Docker's default seccomp profile blocks about 40 syscalls that are the usual
    /// first step of a kernel exploit or container escape; AppArmor and SELinux
    /// confine what the container's root may touch. Turning one off gives the
    /// container more of the kernel than any other container on the host has.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   app:
    ///     image: example/app:1.4
    ///     security_opt:
    ///       - seccomp:unconfined
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   app:
    ///     image: example/app:1.4
    ///     security_opt:
    ///       - seccomp:./seccomp-app.json
    /// ```
    ///
    /// ## References
    /// - OWASP Docker Security Cheat Sheet, rule 6: use Linux security modules (seccomp, AppArmor, SELinux).
    /// - CIS Docker Benchmark v1.6.0: 5.2 (AppArmor), 5.3 (SELinux), 5.22 (seccomp not disabled).
    pub struct SecurityProfileDisabled {
        code: "L611",
        name: "security-profile-disabled",
        category: Security,
        severity: Warning,
        default_enabled: true,
        fixable: No,
        summary: "A seccomp, AppArmor or SELinux guard is turned off",
    }
}

impl Rule for SecurityProfileDisabled {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let mut found = PerDefinition::new();
        for service in crate::containers(cx) {
            let Some((_, options)) = &service.runtime.security_opt else {
                continue;
            };
            for option in options {
                let Some((guard, help)) = disabled_guard(&option.value) else {
                    continue;
                };
                found.add(option.span, option.via, &service.name.value, || {
                    Report::new(
                        option.span,
                        format!(
                            "`{}` turns off {guard} for this container",
                            excerpt(option.value.trim())
                        ),
                    )
                    .label("guard turned off")
                    .help(help)
                });
            }
        }
        found.report_all(cx);
    }
}

/// The guard an option turns off, and the help, if it turns one off.
fn disabled_guard(option: &str) -> Option<(&'static str, &'static str)> {
    let option = option.trim();
    let (name, value) = option.split_once([':', '='])?;
    let value = value.trim();
    match name.trim().to_ascii_lowercase().as_str() {
        "seccomp" if value.eq_ignore_ascii_case("unconfined") => Some((
            "Docker's seccomp filter, which blocks the syscalls most kernel exploits start with",
            "remove it; if the default profile blocks a syscall the service needs, allow just that one in a custom profile (`seccomp:./profile.json`)",
        )),
        "apparmor" if value.eq_ignore_ascii_case("unconfined") => Some((
            "the AppArmor profile that confines what the container's root may touch",
            "remove it, or name a profile written for this service (`apparmor:my-profile`)",
        )),
        "label" if value.eq_ignore_ascii_case("disable") => Some((
            "SELinux labelling, which confines what the container's root may touch",
            "remove it; relabel the volumes it needs with `:z` or `:Z` instead",
        )),
        "label" if value.to_ascii_lowercase().replace(' ', "") == "type:spc_t" => Some((
            "SELinux confinement (`spc_t` is the \"super privileged container\" type)",
            "remove it; relabel the volumes it needs with `:z` or `:Z` instead",
        )),
        "systempaths" if value.eq_ignore_ascii_case("unconfined") => Some((
            "the masking of sensitive `/proc` and `/sys` paths",
            "remove it; mount the one path the service needs instead",
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::disabled_guard;

    #[test]
    fn both_separators_and_case() {
        assert!(disabled_guard("seccomp=unconfined").is_some());
        assert!(disabled_guard("apparmor:UNCONFINED").is_some());
        assert!(disabled_guard("label=disable").is_some());
        assert!(disabled_guard("label:type:spc_t").is_some());
        assert!(disabled_guard("seccomp:./profile.json").is_none());
        assert!(disabled_guard("no-new-privileges:true").is_none());
        assert!(disabled_guard("label:type:container_t").is_none());
    }
}
