//! One service: every attribute normalised into the model's canonical shape.

use lashing_syntax::yaml::ScalarValue;
use lashing_syntax::Span;

use crate::model::{
    Build, Command, Dependency, EnvFile, EnvVar, Expose, Extends, ExtraHost, HealthTest,
    Healthcheck, Link, NetworkMode, Port, ResourceRef, Service, ServiceNetwork, VolumesFrom,
};
use crate::ports::{
    parse_expose, parse_port_range, parse_short_port, PortError, PortErrorKind, Protocol,
};
use crate::reader::{Field, Reader};
use crate::short_syntax::{parse_long_mount, parse_mount, split_extra_host};
use crate::tree::Node;
use crate::Spanned;

pub(crate) fn build_service(reader: &mut Reader, entry: &Field<'_>) -> Option<Service> {
    let mut service = Service {
        name: entry.name(),
        span: reader.span(entry.value),
        ..Service::default()
    };
    for f in reader.fields(entry.value, entry.via) {
        let (v, via) = (f.value, f.via);
        match f.key {
            "image" => service.image = reader.string(v, via),
            "build" => service.build = build(reader, v, via).map(Box::new),
            "container_name" => service.container_name = reader.string(v, via).map(Box::new),
            "hostname" => service.hostname = reader.string(v, via).map(Box::new),
            "network_mode" => {
                service.network_mode = reader
                    .string(v, via)
                    .map(|m| Box::new(network_mode(reader, v, m)))
            }
            "networks" => service.networks = Some((f.key_span, networks(reader, v, via))),
            "ports" => service.ports = items(reader, v).map(|i| port(reader, i, via)).collect(),
            "expose" => {
                service.expose = items(reader, v)
                    .filter_map(|i| expose(reader, i, via))
                    .collect()
            }
            "depends_on" => service.depends_on = depends_on(reader, v, via),
            "links" => service.links = links(reader, v, via),
            "external_links" => service.external_links = links(reader, v, via),
            "domainname" => service.domainname = reader.string(v, via).map(Box::new),
            "volumes_from" => service.volumes_from = volumes_from(reader, v, via),
            "environment" => service.environment = environment(reader, v, via),
            "env_file" => service.env_file = env_file(reader, v, via),
            "healthcheck" => {
                service.healthcheck = Some(Box::new(healthcheck(reader, f.key_span, v, via)))
            }
            "command" => service.command = command(reader, v, via).map(Box::new),
            "entrypoint" => service.entrypoint = command(reader, v, via).map(Box::new),
            "extra_hosts" => service.extra_hosts = extra_hosts(reader, v, via),
            "volumes" => {
                service.volumes = items(reader, v)
                    .filter_map(|i| {
                        if reader.is_mapping(i) {
                            let fields = reader.fields(i, via);
                            Some(parse_long_mount(reader, i, &fields))
                        } else {
                            reader.string(i, via).map(|s| parse_mount(reader, i, s))
                        }
                    })
                    .collect();
            }
            "secrets" => service.secrets = resource_refs(reader, v, via),
            "configs" => service.configs = resource_refs(reader, v, via),
            "profiles" => service.profiles = reader.string_or_list(v, via),
            "extends" => service.extends = extends(reader, v, via).map(Box::new),
            "provider" => service.provider = true,
            key => service.runtime.read(reader, key, f.key_span, v),
        }
    }
    Some(service)
}

fn items<'t>(reader: &Reader, id: &'t Node) -> impl Iterator<Item = &'t Node> + 't {
    reader.items(id).unwrap_or(&[]).iter()
}

fn build(reader: &mut Reader, id: &Node, via: Option<Span>) -> Option<Spanned<Build>> {
    let span = reader.span(id);
    if let Some(context) = reader.string(id, via) {
        let b = Build {
            context: Some(context),
            dockerfile: None,
        };
        return Some(Spanned::new(b, span).with_via(via));
    }
    let mut b = Build {
        context: None,
        dockerfile: None,
    };
    for f in reader.fields(id, via) {
        match f.key {
            "context" => b.context = reader.string(f.value, f.via),
            "dockerfile" => b.dockerfile = reader.string(f.value, f.via),
            _ => {}
        }
    }
    Some(Spanned::new(b, span).with_via(via))
}

fn network_mode(reader: &Reader, id: &Node, mode: Spanned<String>) -> Spanned<NetworkMode> {
    let span = mode.span;
    let via = mode.via;
    let value = match mode.value.as_str() {
        "host" => NetworkMode::Host,
        "none" => NetworkMode::None,
        "bridge" | "default" => NetworkMode::Bridge,
        other => {
            if other.starts_with("service:") {
                NetworkMode::Service(reader.part(id, &mode, "service:".len()..other.len()))
            } else if let Some(name) = other.strip_prefix("container:") {
                NetworkMode::Container(name.to_string())
            } else {
                NetworkMode::Other(other.to_string())
            }
        }
    };
    Spanned::new(value, span).with_via(via)
}

fn networks(reader: &mut Reader, id: &Node, via: Option<Span>) -> Vec<ServiceNetwork> {
    let plain = |name: Spanned<String>| ServiceNetwork {
        name,
        aliases: Vec::new(),
        ipv4_address: None,
        ipv6_address: None,
    };
    if reader.items(id).is_some() {
        return reader
            .string_or_list(id, via)
            .into_iter()
            .map(plain)
            .collect();
    }
    let mut out = Vec::new();
    for entry in reader.fields(id, via) {
        let mut network = plain(entry.name());
        for f in reader.fields(entry.value, entry.via) {
            match f.key {
                "aliases" => network.aliases = reader.string_or_list(f.value, f.via),
                "ipv4_address" => network.ipv4_address = reader.string(f.value, f.via),
                "ipv6_address" => network.ipv6_address = reader.string(f.value, f.via),
                _ => {}
            }
        }
        out.push(network);
    }
    out
}

fn port(reader: &mut Reader, id: &Node, via: Option<Span>) -> Spanned<Result<Port, PortError>> {
    let span = reader.span(id);
    let item_via = via.or_else(|| reader.alias_site(id));
    if reader.is_mapping(id) {
        let fields = reader.fields(id, via);
        return match long_port(reader, &fields) {
            Ok(port) => Spanned::new(Ok(port), span).with_via(item_via),
            // The error is reported at the field at fault, or at the mapping.
            Err(Some(field)) => field.map(Err).with_via(item_via),
            Err(None) => Spanned::new(
                Err(PortError {
                    kind: PortErrorKind::Empty,
                    range: 0..0,
                    message: "a long-syntax port needs `target`, the port inside the container"
                        .to_string(),
                }),
                span,
            )
            .with_via(item_via),
        };
    }
    let text = reader.string(id, via).map(|t| t.text).unwrap_or_default();
    let result = match (reader.scalar_value(id), reader.string(id, via)) {
        (_, Some(text)) if text.value.contains('$') => {
            Err(PortError::interpolated_mapping(&text.value))
        }
        (Some(ScalarValue::Float(_)), Some(text)) => Err(PortError {
            kind: PortErrorKind::InvalidNumber,
            range: 0..text.value.len(),
            message: format!(
                "`{}` is not a port: write an integer or a quoted \"HOST:CONTAINER\" string",
                text.value
            ),
        }),
        (_, Some(text)) => parse_short_port(&text.value).map(|p| {
            let sub = |r: std::ops::Range<usize>| reader.text_span(id, r);
            Port {
                host_ip: p
                    .host_ip
                    .map(|ip| Spanned::new(ip, p.host_ip_range.clone().map_or(span, sub))),
                published: p
                    .published
                    .map(|r| Spanned::new(r, p.published_range.clone().map_or(span, sub))),
                target: Spanned::new(p.target, sub(p.target_range.clone())),
                protocol: p.protocol,
                long_syntax: false,
            }
        }),
        (_, None) => Err(PortError {
            kind: PortErrorKind::Empty,
            range: 0..0,
            message: "a port mapping must be a string, a number or a mapping".to_string(),
        }),
    };
    let mut spanned = Spanned::new(result, span).with_via(item_via);
    spanned.text = text;
    spanned
}

/// A long-syntax port. On error: the field at fault, its text spanned and the error
/// inside it; `None` when `target` is missing.
fn long_port(reader: &Reader, fields: &[Field<'_>]) -> Result<Port, Option<Spanned<PortError>>> {
    let mut target = None;
    let mut published = None;
    let mut host_ip = None;
    let mut protocol = Protocol::Tcp;
    let fail = |text: &Spanned<String>, error: PortError| Some(text.clone().map(|_| error));
    let range_of = |f: &Field<'_>, what: &str| -> Result<Option<Spanned<_>>, _> {
        let Some(text) = reader.string(f.value, f.via) else {
            return Ok(None);
        };
        if text.value.contains('$') {
            return Err(fail(&text, PortError::interpolated(&text.value)));
        }
        match parse_port_range(&text.value) {
            Ok(r) => Ok(Some(Spanned::new(r, text.span))),
            Err(kind) => {
                let message = format!(
                    "{what} `{}` is not a port or port range (1-65535)",
                    text.value
                );
                Err(fail(
                    &text,
                    PortError {
                        kind,
                        range: 0..text.value.len(),
                        message,
                    },
                ))
            }
        }
    };
    for f in fields {
        match f.key {
            "target" => target = range_of(f, "target")?,
            "published" => published = range_of(f, "published")?,
            "host_ip" => {
                if let Some(text) = reader.string(f.value, f.via) {
                    let ip = text.value.trim_start_matches('[').trim_end_matches(']');
                    if text.value.contains('$') {
                        return Err(fail(&text, PortError::interpolated(&text.value)));
                    }
                    match ip.parse() {
                        Ok(ip) => host_ip = Some(Spanned::new(ip, text.span)),
                        Err(_) => {
                            let message = format!("host_ip `{}` is not an IP address", text.value);
                            return Err(fail(
                                &text,
                                PortError {
                                    kind: PortErrorKind::InvalidIp,
                                    range: 0..text.value.len(),
                                    message,
                                },
                            ));
                        }
                    }
                }
            }
            "protocol" => {
                if let Some(text) = reader.string(f.value, f.via) {
                    match Protocol::parse(&text.value) {
                        Some(p) => protocol = p,
                        None if text.value.contains('$') => {
                            return Err(fail(&text, PortError::interpolated(&text.value)))
                        }
                        None => {
                            let message =
                                format!("protocol `{}` is not tcp, udp or sctp", text.value);
                            return Err(fail(
                                &text,
                                PortError {
                                    kind: PortErrorKind::UnknownProtocol,
                                    range: 0..text.value.len(),
                                    message,
                                },
                            ));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let Some(target) = target else {
        return Err(None);
    };
    Ok(Port {
        host_ip,
        published,
        target,
        protocol,
        long_syntax: true,
    })
}

fn expose(
    reader: &Reader,
    id: &Node,
    via: Option<Span>,
) -> Option<Spanned<Result<Expose, PortError>>> {
    let text = reader.string(id, via)?;
    let result = if text.value.contains('$') {
        Err(PortError::interpolated(&text.value))
    } else {
        parse_expose(&text.value).map(|(ports, protocol, _)| Expose { ports, protocol })
    };
    Some(text.map(|_| result))
}

fn depends_on(reader: &mut Reader, id: &Node, via: Option<Span>) -> Vec<Dependency> {
    if reader.items(id).is_some() {
        return reader
            .string_or_list(id, via)
            .into_iter()
            .map(|service| Dependency {
                service,
                condition: None,
                required: true,
                restart: false,
            })
            .collect();
    }
    let mut out = Vec::new();
    for entry in reader.fields(id, via) {
        let mut dep = Dependency {
            service: entry.name(),
            condition: None,
            required: true,
            restart: false,
        };
        for f in reader.fields(entry.value, entry.via) {
            match f.key {
                "condition" => dep.condition = reader.string(f.value, f.via),
                "required" => dep.required = reader.bool(f.value).unwrap_or(true),
                "restart" => dep.restart = reader.bool(f.value).unwrap_or(false),
                _ => {}
            }
        }
        out.push(dep);
    }
    out
}

fn links(reader: &Reader, id: &Node, via: Option<Span>) -> Vec<Link> {
    let items = reader.items(id).unwrap_or(&[]);
    items
        .iter()
        .filter_map(|i| {
            let text = reader.string(i, via)?;
            // `SERVICE` or `SERVICE:ALIAS`.
            Some(match text.value.split_once(':') {
                Some((service, alias)) if !alias.is_empty() => Link {
                    service: reader.part(i, &text, 0..service.len()),
                    alias: Some(reader.part(i, &text, service.len() + 1..text.value.len())),
                },
                Some((service, _)) => Link {
                    service: reader.part(i, &text, 0..service.len()),
                    alias: None,
                },
                None => Link {
                    service: text,
                    alias: None,
                },
            })
        })
        .collect()
}

fn volumes_from(reader: &Reader, id: &Node, via: Option<Span>) -> Vec<VolumesFrom> {
    let items = reader.items(id).unwrap_or(&[]);
    items
        .iter()
        .filter_map(|i| {
            let text = reader.string(i, via)?;
            // `name[:ro|:rw]` or `container:name[:ro|:rw]`.
            let (is_container, start) = match text.value.strip_prefix("container:") {
                Some(_) => (true, "container:".len()),
                None => (false, 0),
            };
            let end = text.value[start..]
                .find(':')
                .map_or(text.value.len(), |e| start + e);
            let name = reader.part(i, &text, start..end);
            Some(if is_container {
                VolumesFrom::Container(name)
            } else {
                VolumesFrom::Service(name)
            })
        })
        .collect()
}

fn environment(reader: &mut Reader, id: &Node, via: Option<Span>) -> Vec<EnvVar> {
    if let Some(items) = reader.items(id) {
        return items
            .iter()
            .filter_map(|i| {
                let text = reader.string(i, via)?;
                Some(match text.value.find('=') {
                    Some(eq) => EnvVar {
                        name: reader.part(i, &text, 0..eq),
                        value: Some(reader.part(i, &text, eq + 1..text.value.len())),
                    },
                    None => EnvVar {
                        name: text,
                        value: None,
                    },
                })
            })
            .collect();
    }
    reader
        .fields(id, via)
        .into_iter()
        .map(|f| EnvVar {
            name: f.name(),
            value: reader.string(f.value, f.via),
        })
        .collect()
}

fn env_file(reader: &mut Reader, id: &Node, via: Option<Span>) -> Vec<EnvFile> {
    let one = |reader: &mut Reader, i: &Node| -> Option<EnvFile> {
        if reader.is_mapping(i) {
            let mut file = None;
            let mut required = true;
            for f in reader.fields(i, via) {
                match f.key {
                    "path" => file = reader.string(f.value, f.via),
                    "required" => required = reader.bool(f.value).unwrap_or(true),
                    _ => {}
                }
            }
            return file.map(|path| EnvFile { path, required });
        }
        reader.string(i, via).map(|path| EnvFile {
            path,
            required: true,
        })
    };
    match reader.items(id) {
        Some(items) => items.iter().filter_map(|i| one(reader, i)).collect(),
        None => one(reader, id).into_iter().collect(),
    }
}

fn healthcheck(reader: &mut Reader, key: Span, id: &Node, via: Option<Span>) -> Healthcheck {
    let mut check = Healthcheck {
        key,
        test: None,
        disable: false,
    };
    for f in reader.fields(id, via) {
        match f.key {
            "disable" => check.disable = reader.bool(f.value).unwrap_or(false),
            "test" => check.test = health_test(reader, f.value, f.via),
            _ => {}
        }
    }
    check
}

fn health_test(reader: &Reader, id: &Node, via: Option<Span>) -> Option<Spanned<HealthTest>> {
    let span = reader.span(id);
    let via = via.or_else(|| reader.alias_site(id));
    let test = match reader.items(id) {
        None => HealthTest::Shell {
            command: reader.string(id, via)?,
            from_string: true,
        },
        Some(items) => {
            let mut parts = items.iter().filter_map(|i| reader.string(i, via));
            let first = parts.next();
            match first.as_ref().map(|f| f.value.as_str()) {
                Some("CMD") => HealthTest::Cmd(parts.collect()),
                Some("CMD-SHELL") => match parts.next() {
                    Some(command) => HealthTest::Shell {
                        command,
                        from_string: false,
                    },
                    None => HealthTest::Invalid(first),
                },
                Some("NONE") => HealthTest::None,
                _ => HealthTest::Invalid(first),
            }
        }
    };
    Some(Spanned::new(test, span).with_via(via))
}

fn command(reader: &Reader, id: &Node, via: Option<Span>) -> Option<Spanned<Command>> {
    let span = reader.span(id);
    let via = via.or_else(|| reader.alias_site(id));
    let cmd = match reader.items(id) {
        Some(items) => Command::Exec(items.iter().filter_map(|i| reader.string(i, via)).collect()),
        None => Command::Shell(reader.string(id, via)?),
    };
    Some(Spanned::new(cmd, span).with_via(via))
}

fn extra_hosts(reader: &mut Reader, id: &Node, via: Option<Span>) -> Vec<ExtraHost> {
    if let Some(items) = reader.items(id) {
        return items
            .iter()
            .filter_map(|i| {
                let text = reader.string(i, via)?;
                let (host, ips) = split_extra_host(&text.value)?;
                Some(ExtraHost {
                    host: reader.part(i, &text, host),
                    ips: ips.into_iter().map(|r| reader.part(i, &text, r)).collect(),
                })
            })
            .collect();
    }
    reader
        .fields(id, via)
        .into_iter()
        .map(|f| ExtraHost {
            host: f.name(),
            ips: reader.string_or_list(f.value, f.via),
        })
        .collect()
}

fn resource_refs(reader: &mut Reader, id: &Node, via: Option<Span>) -> Vec<ResourceRef> {
    let items = reader.items(id).unwrap_or(&[]);
    let mut out = Vec::new();
    for i in items {
        if reader.is_mapping(i) {
            let mut source = None;
            let mut target = None;
            for f in reader.fields(i, via) {
                match f.key {
                    "source" => source = reader.string(f.value, f.via),
                    "target" => target = reader.string(f.value, f.via),
                    _ => {}
                }
            }
            if let Some(source) = source {
                out.push(ResourceRef { source, target });
            }
        } else if let Some(source) = reader.string(i, via) {
            out.push(ResourceRef {
                source,
                target: None,
            });
        }
    }
    out
}

fn extends(reader: &mut Reader, id: &Node, via: Option<Span>) -> Option<Extends> {
    if let Some(service) = reader.string(id, via) {
        return Some(Extends {
            service,
            file: None,
        });
    }
    let mut service = None;
    let mut file = None;
    for f in reader.fields(id, via) {
        match f.key {
            "service" => service = reader.string(f.value, f.via),
            "file" => file = reader.string(f.value, f.via),
            _ => {}
        }
    }
    Some(Extends {
        service: service?,
        file,
    })
}
