//! Which merge rule applies where: compose-go's `mergeSpecials` and `unique` tables
//! (`override/merge.go`, `override/uncity.go`) as one match on the path of keys from
//! the document root.

/// How a value found in both files is combined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Rule {
    /// Mappings deep-merged, sequences appended, anything else replaced.
    Default,
    /// The later value replaces the earlier one wholesale, even when both are lists
    /// (`command: [a]` then `command: [b]` runs `b`, not `a b`).
    Replace,
    /// `K: V` or `K=V` pairs: unioned by key, the later value wins (compose-go turns
    /// both sides into `K=V` lists, appends them and keeps the last of each key).
    KeyValue,
    /// Appended, a lone string counting as a one-item list, then only the last item
    /// of each [`Index`] key is kept, at the place of the first.
    Append(Index),
    /// A list of names is a mapping with a default value per name; merged as mappings.
    ToMap(ListItem),
    /// `build: ctx` is `build: {context: ctx}`.
    Build,
    /// Replaced when both set a different `driver`, merged otherwise.
    Logging,
    /// Unioned, dropping entries of the later file the earlier one already has.
    ExtraHosts,
    /// `ipam.config` items merged by `subnet`.
    IpamConfig,
}

/// What makes two items of an appended list "the same" (compose-go's indexers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Index {
    /// The item's own text.
    Value,
    /// The text before the first `=`.
    KeyValue,
    /// A path, written as a string or as `{path: ...}`.
    EnvFile,
    /// `host_ip:published:target/protocol`, short or long syntax.
    Port,
    /// The container path of a short `src:dst[:opts]` or a long `{target: ...}`.
    Volume,
    /// The container path of `host[:container[:perms]]` or `{target: ...}`.
    Device,
    /// `target`, defaulting to `<dir>/<source>` (`/run/secrets` for secrets, `` for
    /// configs, so a config lands at `/<source>`).
    Mount(&'static str),
}

/// The value a bare name of a list stands for when the list becomes a mapping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ListItem {
    /// `networks: [a]` is `networks: {a: null}`.
    Null,
    /// `depends_on: [a]` is `depends_on: {a: {condition: service_started, required: true}}`.
    DependsOn,
}

/// The rule for the value at `path` (mapping keys from the document root; items of
/// `ipam.config` add a `[]` segment).
pub(super) fn rule(path: &[&str]) -> Rule {
    use Index as I;
    match path {
        ["services", _, attr] => service_attribute(attr),
        // A test is a command: appending two would make one nonsensical command line.
        ["services", _, "healthcheck", "test"] => Rule::Replace,
        // compose-go's mergeUlimit ends up returning the later value for each limit.
        ["services", _, "ulimits", _] => Rule::Replace,
        ["services", _, "build", "args" | "labels" | "additional_contexts"] => Rule::KeyValue,
        ["services", _, "build", "extra_hosts"] => Rule::ExtraHosts,
        ["services", _, "build", "tags" | "platforms"] => Rule::Append(I::Value),
        ["services", _, "deploy", "labels"] => Rule::KeyValue,
        ["services", _, "networks", _, "aliases" | "link_local_ips"] => Rule::Append(I::Value),
        // Top-level resources merge as mappings; only their labels are key/value lists.
        ["networks" | "volumes" | "secrets" | "configs", _, "labels"] => Rule::KeyValue,
        ["networks", _, "ipam", "config"] => Rule::IpamConfig,
        _ => Rule::Default,
    }
}

fn service_attribute(attr: &str) -> Rule {
    use Index as I;
    match attr {
        "command" | "entrypoint" => Rule::Replace,
        "environment" | "labels" | "annotations" | "sysctls" => Rule::KeyValue,
        "build" => Rule::Build,
        "logging" => Rule::Logging,
        "depends_on" => Rule::ToMap(ListItem::DependsOn),
        "networks" | "models" => Rule::ToMap(ListItem::Null),
        "extra_hosts" => Rule::ExtraHosts,
        "env_file" => Rule::Append(I::EnvFile),
        "ports" => Rule::Append(I::Port),
        "volumes" => Rule::Append(I::Volume),
        "devices" => Rule::Append(I::Device),
        "secrets" => Rule::Append(I::Mount("/run/secrets")),
        "configs" => Rule::Append(I::Mount("")),
        "dns" | "dns_opt" | "dns_search" | "tmpfs" | "label_file" | "expose" | "cap_add"
        | "cap_drop" | "profiles" | "links" | "external_links" | "security_opt" | "group_add" => {
            Rule::Append(I::Value)
        }
        _ => Rule::Default,
    }
}
