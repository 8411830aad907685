use std::ops::Range;

use lashing_compose::{Command, Service, Spanned};
use lashing_graph::variables::is_bind_variable;
use lashing_graph::{Namespace, Resolution, ServiceId};
use lashing_rule::{declare_rule, Context, Report, Rule, RuleMeta, Span};

declare_rule! {
    /// ## What it does
    /// Reports a service that publishes ports, or that another service calls by
    /// name, while binding its server to a loopback address: an environment value
    /// such as `HOST=127.0.0.1` or `BIND_ADDR=127.0.0.1:8080`, or a `command` /
    /// `entrypoint` flag such as `--host 127.0.0.1`, `--bind localhost`,
    /// `-b 127.0.0.1:8000`, `--listen=localhost` or `runserver 127.0.0.1:8000`.
    /// Not under `network_mode: host` or a shared stack, where loopback is shared.
    ///
    /// ## Why is this bad?
    /// Loopback inside a container is private to that container. Published ports
    /// and other containers arrive on the container's network interface, so the
    /// server refuses them (`connection reset` / `empty reply`), although it works
    /// from `docker exec`.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   api:
    ///     image: example/api:1.0
    ///     command: ["uvicorn", "app:app", "--host", "127.0.0.1", "--port", "8000"]
    ///     ports: ["8000:8000"]
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   api:
    ///     image: example/api:1.0
    ///     command: ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]
    ///     ports: ["8000:8000"]
    /// ```
    pub struct AppBindsLoopback {
        code: "L207",
        name: "app-binds-loopback",
        category: Networking,
        severity: Warning,
        default_enabled: true,
        fixable: No,
        summary: "A server that others must reach listens on loopback only",
    }
}

impl Rule for AppBindsLoopback {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let graph = cx.graph();
        let mut called_by: Vec<Option<(ServiceId, &str)>> = vec![None; graph.services.len()];
        for reference in &graph.references {
            if let Resolution::Service { target, .. } = reference.resolution {
                if target != reference.service && called_by[target].is_none() {
                    called_by[target] = Some((reference.service, reference.name()));
                }
            }
        }
        for (id, node) in graph.services.iter().enumerate() {
            if node.namespace != Namespace::Own || node.stack_shared {
                continue;
            }
            let published = node
                .service
                .ports
                .iter()
                .find_map(|p| p.value.as_ref().ok());
            let why = match (published, called_by[id]) {
                (Some(port), _) => format!(
                    "it publishes container port {} on the host",
                    port.target.value
                ),
                (None, Some((caller, variable))) => {
                    format!("`{}` calls it ({variable})", graph.service(caller).name())
                }
                (None, None) => continue,
            };
            let Some(bind) = loopback_bind(node.service) else {
                continue;
            };
            let name = node.name();
            let mut report = Report::new(
                bind.span,
                format!(
                    "`{name}` binds its server to `{}` ({}), which only its own container can reach; {why}",
                    bind.address, bind.setting
                ),
            )
            .label("loopback only")
            .help("bind to `0.0.0.0`, every interface of the container: the container's network is private to the project, and `ports` decides what the host exposes")
            .service(name);
            if let Some(defined) = bind.defined {
                report = report.related(defined, "defined here");
            }
            cx.report(report);
        }
    }
}

struct LoopbackBind {
    address: String,
    /// How it was set: "HOST=127.0.0.1", "--host 127.0.0.1".
    setting: String,
    span: Span,
    defined: Option<Span>,
}

/// The first loopback bind in the service's environment or command line.
fn loopback_bind(service: &Service) -> Option<LoopbackBind> {
    for variable in &service.environment {
        let name = variable.name.as_str();
        if !is_bind_variable(name) || name.to_ascii_uppercase().contains("ADVERTISED") {
            continue;
        }
        let Some(value) = &variable.value else {
            continue;
        };
        if let Some(range) = loopback_in(value.as_str()) {
            return Some(found(value, range, format!("{name}={}", value.value)));
        }
    }
    for command in [&service.entrypoint, &service.command]
        .into_iter()
        .flatten()
    {
        let words = match &command.value {
            Command::Exec(items) => items.iter().flat_map(words).collect::<Vec<_>>(),
            Command::Shell(text) => words(text).collect(),
        };
        if let Some(bind) = loopback_flag(&words) {
            return Some(bind);
        }
    }
    None
}

fn found(value: &Spanned<String>, range: Range<usize>, setting: String) -> LoopbackBind {
    let span = value.sub_span(range.clone());
    LoopbackBind {
        address: value.value.get(range).unwrap_or("").to_string(),
        setting,
        span: value.via.unwrap_or(span),
        defined: value.via.map(|_| span),
    }
}

/// A word of a command line: its text and the item it is in (for spans).
struct Word<'a> {
    text: &'a str,
    item: &'a Spanned<String>,
    start: usize,
}

/// Splits an item on whitespace (a `sh -c` script is one exec item), trimming the
/// quotes a script puts around words.
fn words(item: &Spanned<String>) -> impl Iterator<Item = Word<'_>> + '_ {
    let text = item.as_str();
    let mut offset = 0;
    text.split_ascii_whitespace().map(move |raw| {
        let start = text[offset..].find(raw).map_or(offset, |i| offset + i);
        offset = start + raw.len();
        let trimmed = raw.trim_matches(|c| c == '"' || c == '\'');
        let lead = raw.find(trimmed).unwrap_or(0);
        Word {
            text: trimmed,
            item,
            start: start + lead,
        }
    })
}

/// Flags that set the address a server listens on.
const BIND_FLAGS: &[&str] = &[
    "--host",
    "--hostname",
    "--bind",
    "-b",
    "--listen",
    "--listen-address",
    "--listen-addr",
    "--listen-host",
    "--address",
    "--addr",
    "--ip",
    "--http-host",
    "--http-addr",
    "--http-address",
    "--bind-address",
    "--bind-addr",
    "--web.listen-address",
];

fn loopback_flag(words: &[Word<'_>]) -> Option<LoopbackBind> {
    for (i, word) in words.iter().enumerate() {
        let (flag, value) = match word.text.split_once('=') {
            Some((flag, _)) if flag.starts_with('-') => {
                let value_start = word.start + flag.len() + 1;
                (
                    flag,
                    Some((value_start, &word.text[flag.len() + 1..], word.item)),
                )
            }
            _ => (word.text, None),
        };
        let is_bind = BIND_FLAGS.contains(&flag) || flag == "runserver";
        if !is_bind {
            continue;
        }
        let (start, text, item) = match value {
            Some(v) => v,
            None => match words.get(i + 1) {
                Some(next) => (next.start, next.text, next.item),
                None => continue,
            },
        };
        if let Some(range) = loopback_in(text) {
            let absolute = start + range.start..start + range.end;
            let setting = if value.is_some() {
                word.text.to_string()
            } else {
                format!("{flag} {text}")
            };
            return Some(found(item, absolute, setting));
        }
    }
    None
}

/// The range of the loopback host in a bind value (`127.0.0.1`, `localhost:8080`,
/// `tcp://127.0.0.1:3000`, `[::1]:80`) when every address it lists is loopback. A
/// list with another address (`PLAINTEXT://0.0.0.0:9092,CONTROLLER://localhost:9093`)
/// is a server reachable on that one. `0.0.0.0` and `::` are what a server should
/// bind to.
fn loopback_in(value: &str) -> Option<Range<usize>> {
    let mut offset = 0;
    let mut first = None;
    for item in value.split([',', ' ']) {
        let start = offset;
        offset += item.len() + 1;
        let after_scheme = item.find("://").map_or(0, |i| i + 3);
        let rest = &item[after_scheme..];
        let host = if let Some(inner) = rest.strip_prefix('[') {
            let end = inner.find(']')?;
            &rest[..end + 2]
        } else {
            rest.split(':').next().unwrap_or(rest)
        };
        let bare = host.trim_start_matches('[').trim_end_matches(']');
        let loopback = bare.eq_ignore_ascii_case("localhost")
            || bare
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback());
        if host.is_empty() {
            continue;
        }
        if !loopback {
            return None;
        }
        if first.is_none() {
            let host_start = start + after_scheme;
            first = Some(host_start..host_start + host.len());
        }
    }
    first
}

#[cfg(test)]
#[path = "app_binds_loopback_test.rs"]
mod tests;
