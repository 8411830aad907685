//! The checks of the `hardening` rules: settings a service lacks. Each reports at
//! the setting when it is written with the weak value, else at the service's name.

use lashing_compose::Service;
use lashing_rule::{excerpt, Context, PerDefinition, Report};

use crate::capabilities::drops_all;
use crate::image_reference::parse;

pub fn missing_no_new_privileges(cx: &mut Context<'_>) {
    let mut found = PerDefinition::new();
    for service in crate::containers(cx) {
        let options = service
            .runtime
            .security_opt
            .as_ref()
            .map(|(_, o)| o.as_slice())
            .unwrap_or(&[]);
        let mut explicit_false = None;
        let mut set = false;
        for option in options {
            let text = option.value.trim();
            let Some(rest) = text.strip_prefix("no-new-privileges") else {
                continue;
            };
            match rest.trim_start_matches([':', '=']).trim() {
                "" | "true" => set = true,
                "false" => explicit_false = Some(option),
                _ => {}
            }
        }
        if set {
            continue;
        }
        let help = "add `security_opt: [\"no-new-privileges:true\"]`";
        match explicit_false {
            Some(option) => found.add(option.span, option.via, &service.name.value, || {
                Report::new(option.span, "`no-new-privileges:false` lets processes gain privileges through setuid binaries")
                    .label("privilege gain allowed")
                    .help("write `no-new-privileges:true`")
            }),
            None => report_at_name(cx, service, "does not set `no-new-privileges`: processes in it can gain privileges through setuid binaries", help),
        }
    }
    found.report_all(cx);
}

pub fn missing_read_only(cx: &mut Context<'_>) {
    for service in crate::containers(cx) {
        let help =
            "add `read_only: true`, with `tmpfs:` or volumes for the paths the service writes";
        match &service.runtime.read_only {
            Some(value) if value.value => {}
            Some(value) => cx.report(
                Report::new(
                    value.span,
                    format!("`{}`'s root filesystem is writable", service.name.value),
                )
                .label("writable")
                .help(help)
                .service(service.name.value.clone()),
            ),
            None => report_at_name(cx, service, "has a writable root filesystem", help),
        }
    }
}

pub fn missing_cap_drop_all(cx: &mut Context<'_>) {
    for service in crate::containers(cx) {
        let help = "add `cap_drop: [ALL]`, and `cap_add` only the capabilities the service needs";
        match &service.runtime.cap_drop {
            Some((_, items)) if drops_all(items) => {}
            Some((key, _)) => cx.report(
                Report::new(
                    *key,
                    format!(
                        "`{}` drops some capabilities but not `ALL`",
                        service.name.value
                    ),
                )
                .label("not ALL")
                .help(help)
                .service(service.name.value.clone()),
            ),
            None => report_at_name(cx, service, "keeps Docker's 14 default capabilities", help),
        }
    }
}

pub fn missing_resource_limits(cx: &mut Context<'_>) {
    for service in crate::containers(cx) {
        let limits = service.runtime.limits;
        let missing: Vec<&str> = [(limits.memory, "memory"), (limits.pids, "process-count")]
            .into_iter()
            .filter(|(set, _)| !set)
            .map(|(_, what)| what)
            .collect();
        if missing.is_empty() {
            continue;
        }
        report_at_name(
            cx,
            service,
            &format!("has no {} limit", missing.join(" or ")),
            "set `deploy.resources.limits.memory` and `deploy.resources.limits.pids` (or `mem_limit` and `pids_limit`)",
        );
    }
}

pub fn image_without_digest(cx: &mut Context<'_>) {
    let mut found = PerDefinition::new();
    for service in crate::containers(cx) {
        let Some(image) = &service.image else {
            continue;
        };
        let text = image.value.trim();
        if service.build.is_some()
            || text.is_empty()
            || text.contains('$')
            || parse(text).digest.is_some()
        {
            continue;
        }
        let text = excerpt(text);
        found.add(image.span, image.via, &service.name.value, || {
            Report::new(image.span, format!("`{text}` is not pinned by digest: the registry can move its tag to another image"))
                .label("no digest")
                .help(format!("pin the digest you reviewed: `{text}@sha256:...` (`docker buildx imagetools inspect {text}` prints it)"))
        });
    }
    found.report_all(cx);
}

pub fn missing_non_root_user(cx: &mut Context<'_>) {
    for service in crate::containers(cx) {
        if service.runtime.user.is_none() {
            report_at_name(
                cx,
                service,
                "sets no `user:`: it runs as whatever user its image chose, for most images root",
                "set a non-root uid that owns the paths the service writes: `user: \"1000:1000\"`",
            );
        }
    }
}

fn report_at_name(cx: &mut Context<'_>, service: &Service, what: &str, help: &str) {
    let name = &service.name;
    cx.report(
        Report::new(name.span, format!("`{}` {what}", name.value))
            .label("hardening")
            .help(help.to_string())
            .service(name.value.clone()),
    );
}
