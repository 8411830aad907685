//! `$defs/service`.

use super::defs::{
    ANY_OBJECT, BOOLEAN_, BOOL_OR_STRING, COMMAND, DEPLOYMENT, DEVELOPMENT, DRIVER_OPTS, ENV_FILE,
    EXTRA_HOSTS, GPUS, HEALTHCHECK, INT_OR_STRING, LABEL_FILE, LIST_OF_STRINGS, LIST_OR_DICT,
    NULL_, NUMBER_, NUM_OR_STRING, PRE_START_HOOK, SERVICE_CONFIG_OR_SECRET, SERVICE_HOOK, STRINGS,
    STRING_, STRING_OR_LIST, ULIMITS,
};
use super::ty::{BOOLEAN, INTEGER, NULL, NUMBER, STRING};
use super::{t, Object, Pattern, PatternProp, Schema};

/// `{"type": "array", "items": {"type": "string"}, "uniqueItems": true}` written out
/// in a property (the same JSON as `list_of_strings`).
static UNIQUE_STRINGS: Schema = unique_array!(&STRING_);
/// `{"type": "array", "items": {"type": ["string", "number"]}, "uniqueItems": true}`.
static UNIQUE_STRINGS_OR_NUMBERS: Schema = unique_array!(&t(STRING | NUMBER));

pub(crate) static SERVICE: Schema = object!(Object::CLOSED_X;
    noun: Some("service attribute"),
    properties: &[
        ("develop", &DEVELOPMENT),
        ("deploy", &DEPLOYMENT),
        ("annotations", &LIST_OR_DICT),
        ("attach", &BOOL_OR_STRING),
        ("build", &one_of!(&STRING_, &BUILD)),
        ("blkio_config", &object!(Object::CLOSED;
            properties: &[
                ("device_read_bps", &array!(&super::defs::BLKIO_LIMIT)),
                ("device_read_iops", &array!(&super::defs::BLKIO_LIMIT)),
                ("device_write_bps", &array!(&super::defs::BLKIO_LIMIT)),
                ("device_write_iops", &array!(&super::defs::BLKIO_LIMIT)),
                ("weight", &INT_OR_STRING),
                ("weight_device", &array!(&super::defs::BLKIO_WEIGHT)),
            ],
        )),
        ("cap_add", &UNIQUE_STRINGS),
        ("cap_drop", &UNIQUE_STRINGS),
        ("cgroup", &Schema { enumeration: &["host", "private"], ..t(STRING) }),
        ("cgroup_parent", &STRING_),
        ("command", &COMMAND),
        ("configs", &SERVICE_CONFIG_OR_SECRET),
        ("container_name", &Schema { pattern: Some(Pattern::ContainerName), ..t(STRING) }),
        ("cpu_count", &one_of!(&STRING_, &Schema { minimum: Some(0), ..t(INTEGER) })),
        ("cpu_percent", &one_of!(
            &STRING_,
            &Schema { minimum: Some(0), maximum: Some(100), ..t(INTEGER) },
        )),
        ("cpu_shares", &NUM_OR_STRING),
        ("cpu_quota", &NUM_OR_STRING),
        ("cpu_period", &NUM_OR_STRING),
        ("cpu_rt_period", &NUM_OR_STRING),
        ("cpu_rt_runtime", &NUM_OR_STRING),
        ("cpus", &NUM_OR_STRING),
        ("cpuset", &STRING_),
        ("credential_spec", &object!(Object::CLOSED_X;
            properties: &[("config", &STRING_), ("file", &STRING_), ("registry", &STRING_)],
        )),
        ("depends_on", &one_of!(
            &LIST_OF_STRINGS,
            &object!(Object::CLOSED;
                pattern_properties: &[PatternProp {
                    pattern: Pattern::Name,
                    schema: &object!(Object::CLOSED_X;
                        properties: &[
                            ("restart", &BOOL_OR_STRING),
                            ("required", &BOOLEAN_),
                            ("condition", &Schema {
                                enumeration: &[
                                    "service_started",
                                    "service_healthy",
                                    "service_completed_successfully",
                                ],
                                ..t(STRING)
                            }),
                        ],
                        required: &["condition"],
                    ),
                    names: Some("service"),
                    entity: false,
                }],
            ),
        )),
        ("device_cgroup_rules", &LIST_OF_STRINGS),
        ("devices", &array!(&one_of!(
            &STRING_,
            &object!(Object::CLOSED_X;
                properties: &[("source", &STRING_), ("target", &STRING_), ("permissions", &STRING_)],
                required: &["source"],
            ),
        ))),
        ("dns", &STRING_OR_LIST),
        ("dns_opt", &UNIQUE_STRINGS),
        ("dns_search", &STRING_OR_LIST),
        ("domainname", &STRING_),
        ("entrypoint", &COMMAND),
        ("env_file", &ENV_FILE),
        ("label_file", &LABEL_FILE),
        ("environment", &LIST_OR_DICT),
        ("expose", &UNIQUE_STRINGS_OR_NUMBERS),
        ("extends", &one_of!(
            &STRING_,
            &object!(Object::CLOSED;
                properties: &[("service", &STRING_), ("file", &STRING_)],
                required: &["service"],
            ),
        )),
        ("provider", &object!(Object::CLOSED_X;
            properties: &[
                ("type", &STRING_),
                ("options", &object!(Object::OPEN;
                    pattern_properties: &[PatternProp {
                        pattern: Pattern::NonEmptyLine,
                        schema: &one_of!(
                            &t(STRING | NUMBER | BOOLEAN),
                            &array!(&t(STRING | NUMBER | BOOLEAN)),
                        ),
                        names: None,
                        entity: false,
                    }],
                )),
            ],
            required: &["type"],
        )),
        ("external_links", &UNIQUE_STRINGS),
        ("extra_hosts", &EXTRA_HOSTS),
        ("gpus", &GPUS),
        ("group_add", &UNIQUE_STRINGS_OR_NUMBERS),
        ("healthcheck", &HEALTHCHECK),
        ("hostname", &STRING_),
        ("image", &STRING_),
        ("init", &BOOL_OR_STRING),
        ("ipc", &STRING_),
        ("isolation", &STRING_),
        ("labels", &LIST_OR_DICT),
        ("links", &UNIQUE_STRINGS),
        ("logging", &object!(Object::CLOSED_X;
            properties: &[
                ("driver", &STRING_),
                ("options", &object!(Object::OPEN;
                    pattern_properties: &[PatternProp {
                        pattern: Pattern::NonEmptyLine,
                        schema: &t(STRING | NUMBER | NULL),
                        names: None,
                        entity: false,
                    }],
                )),
            ],
        )),
        ("mac_address", &STRING_),
        ("mem_limit", &NUM_OR_STRING),
        ("mem_reservation", &INT_OR_STRING),
        ("mem_swappiness", &INT_OR_STRING),
        ("memswap_limit", &NUM_OR_STRING),
        ("network_mode", &STRING_),
        ("models", &one_of!(
            &LIST_OF_STRINGS,
            &object!(Object::OPEN;
                pattern_properties: &[PatternProp {
                    pattern: Pattern::Name,
                    schema: &one_of!(
                        &object!(Object::CLOSED_X;
                            properties: &[("endpoint_var", &STRING_), ("model_var", &STRING_)],
                        ),
                        &NULL_,
                    ),
                    names: Some("model"),
                    entity: false,
                }],
            ),
        )),
        ("networks", &one_of!(
            &LIST_OF_STRINGS,
            &object!(Object::CLOSED;
                pattern_properties: &[PatternProp {
                    pattern: Pattern::Name,
                    schema: &one_of!(
                        &object!(Object::CLOSED_X;
                            properties: &[
                                ("aliases", &LIST_OF_STRINGS),
                                ("interface_name", &STRING_),
                                ("ipv4_address", &STRING_),
                                ("ipv6_address", &STRING_),
                                ("link_local_ips", &LIST_OF_STRINGS),
                                ("mac_address", &STRING_),
                                ("driver_opts", &DRIVER_OPTS),
                                ("priority", &NUMBER_),
                                ("gw_priority", &NUMBER_),
                            ],
                        ),
                        &NULL_,
                    ),
                    names: Some("network"),
                    entity: false,
                }],
            ),
        )),
        ("oom_kill_disable", &BOOL_OR_STRING),
        ("oom_score_adj", &one_of!(
            &STRING_,
            &Schema { minimum: Some(-1000), maximum: Some(1000), ..t(INTEGER) },
        )),
        ("pid", &t(STRING | NULL)),
        ("pids_limit", &NUM_OR_STRING),
        ("platform", &STRING_),
        ("ports", &Schema {
            unique_items: true,
            ..array!(&one_of!(
                &NUMBER_,
                &STRING_,
                &object!(Object::CLOSED_X;
                    properties: &[
                        ("name", &STRING_),
                        ("mode", &STRING_),
                        ("host_ip", &STRING_),
                        ("target", &INT_OR_STRING),
                        ("published", &INT_OR_STRING),
                        ("protocol", &STRING_),
                        ("app_protocol", &STRING_),
                    ],
                ),
            ))
        }),
        ("pre_start", &array!(&PRE_START_HOOK)),
        ("post_start", &array!(&SERVICE_HOOK)),
        ("pre_stop", &array!(&SERVICE_HOOK)),
        ("privileged", &BOOL_OR_STRING),
        ("profiles", &LIST_OF_STRINGS),
        ("pull_policy", &Schema { pattern: Some(Pattern::PullPolicy), ..t(STRING) }),
        ("pull_refresh_after", &STRING_),
        ("read_only", &BOOL_OR_STRING),
        ("restart", &STRING_),
        ("runtime", &STRING_),
        ("scale", &INT_OR_STRING),
        ("security_opt", &UNIQUE_STRINGS),
        ("shm_size", &NUM_OR_STRING),
        ("secrets", &SERVICE_CONFIG_OR_SECRET),
        ("sysctls", &LIST_OR_DICT),
        ("stdin_open", &BOOL_OR_STRING),
        ("stop_grace_period", &STRING_),
        ("stop_signal", &STRING_),
        ("storage_opt", &ANY_OBJECT),
        ("tmpfs", &STRING_OR_LIST),
        ("tty", &BOOL_OR_STRING),
        ("ulimits", &ULIMITS),
        ("use_api_socket", &BOOLEAN_),
        ("user", &STRING_),
        ("uts", &STRING_),
        ("userns_mode", &STRING_),
        ("volumes", &Schema {
            unique_items: true,
            ..array!(&one_of!(&STRING_, &SERVICE_VOLUME))
        }),
        ("volumes_from", &UNIQUE_STRINGS),
        ("working_dir", &STRING_),
    ],
);

/// `build` in its long form.
static BUILD: Schema = object!(Object::CLOSED_X;
    properties: &[
        ("context", &STRING_),
        ("dockerfile", &STRING_),
        ("dockerfile_inline", &STRING_),
        ("entitlements", &STRINGS),
        ("args", &LIST_OR_DICT),
        ("ssh", &LIST_OR_DICT),
        ("labels", &LIST_OR_DICT),
        ("cache_from", &STRINGS),
        ("cache_to", &STRINGS),
        ("no_cache", &BOOL_OR_STRING),
        ("no_cache_filter", &STRING_OR_LIST),
        ("additional_contexts", &LIST_OR_DICT),
        ("network", &STRING_),
        ("provenance", &BOOL_OR_STRING),
        ("sbom", &BOOL_OR_STRING),
        ("pull", &BOOL_OR_STRING),
        ("target", &STRING_),
        ("shm_size", &INT_OR_STRING),
        ("extra_hosts", &EXTRA_HOSTS),
        ("isolation", &STRING_),
        ("privileged", &BOOL_OR_STRING),
        ("secrets", &SERVICE_CONFIG_OR_SECRET),
        ("tags", &STRINGS),
        ("ulimits", &ULIMITS),
        ("platforms", &STRINGS),
    ],
);

/// A service's `volumes` item in its long form.
static SERVICE_VOLUME: Schema = object!(Object::CLOSED_X;
    properties: &[
        ("type", &Schema {
            enumeration: &["bind", "volume", "tmpfs", "cluster", "npipe", "image"],
            ..t(STRING)
        }),
        ("source", &STRING_),
        ("target", &STRING_),
        ("read_only", &BOOL_OR_STRING),
        ("consistency", &STRING_),
        ("bind", &object!(Object::CLOSED_X;
            properties: &[
                ("propagation", &STRING_),
                ("create_host_path", &BOOL_OR_STRING),
                ("recursive", &Schema {
                    enumeration: &["enabled", "disabled", "writable", "readonly"],
                    ..t(STRING)
                }),
                ("selinux", &Schema { enumeration: &["z", "Z"], ..t(STRING) }),
            ],
        )),
        ("volume", &object!(Object::CLOSED_X;
            properties: &[
                ("labels", &LIST_OR_DICT),
                ("nocopy", &BOOL_OR_STRING),
                ("subpath", &STRING_),
            ],
        )),
        ("tmpfs", &object!(Object::CLOSED_X;
            properties: &[
                ("size", &one_of!(&Schema { minimum: Some(0), ..t(INTEGER) }, &STRING_)),
                ("mode", &NUM_OR_STRING),
            ],
        )),
        ("image", &object!(Object::CLOSED_X; properties: &[("subpath", &STRING_)])),
    ],
    required: &["type"],
);
