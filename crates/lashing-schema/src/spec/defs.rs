//! The top level and every `$defs` entry but `service` (in `service.rs`).

use super::service::SERVICE;
use super::ty::{ARRAY, BOOLEAN, INTEGER, NULL, NUMBER, OBJECT, STRING};
use super::{t, Object, Pattern, PatternProp, Schema};

// Leaf schemas shared by many properties (identical JSON, one static).
pub(crate) static STRING_: Schema = t(STRING);
pub(crate) static BOOLEAN_: Schema = t(BOOLEAN);
pub(crate) static NUMBER_: Schema = t(NUMBER);
pub(crate) static INTEGER_: Schema = t(INTEGER);
pub(crate) static NULL_: Schema = t(NULL);
pub(crate) static BOOL_OR_STRING: Schema = t(BOOLEAN | STRING);
pub(crate) static INT_OR_STRING: Schema = t(INTEGER | STRING);
pub(crate) static NUM_OR_STRING: Schema = t(NUMBER | STRING);
/// `{"type": "array", "items": {"type": "string"}}`.
pub(crate) static STRINGS: Schema = Schema {
    items: Some(&STRING_),
    ..t(ARRAY)
};
/// `{"type": "object"}`.
pub(crate) static ANY_OBJECT: Schema = Schema {
    object: Some(&Object::OPEN),
    ..t(OBJECT)
};
/// `driver_opts`: `{"type": "object", "patternProperties": {"^.+$": {"type": ["string", "number"]}}}`.
pub(crate) static DRIVER_OPTS: Schema = Schema {
    object: Some(&Object {
        pattern_properties: &[PatternProp {
            pattern: Pattern::NonEmptyLine,
            schema: &NUM_OR_STRING,
            names: None,
            entity: false,
        }],
        ..Object::OPEN
    }),
    ..t(OBJECT)
};

/// The document.
pub static ROOT: Schema = object!(Object::CLOSED_X;
    noun: Some("top-level key"),
    properties: &[
        ("version", &Schema { deprecated: true, ..t(STRING) }),
        ("name", &STRING_),
        ("include", &array!(&INCLUDE)),
        ("services", &named_map!(&SERVICE, names: "service", entity: true, closed: true)),
        // `models` and `networks` are not closed: a key that is not a valid name is
        // not checked at all.
        ("models", &named_map!(&MODEL, names: "model", entity: true, closed: false)),
        ("networks", &named_map!(&NETWORK, names: "network", entity: true, closed: false)),
        ("volumes", &named_map!(&VOLUME, names: "volume", entity: true, closed: true)),
        ("secrets", &named_map!(&SECRET, names: "secret", entity: true, closed: true)),
        ("configs", &named_map!(&CONFIG, names: "config", entity: true, closed: true)),
    ],
);

/// Every `$defs` entry, by name.
pub static DEFS: [(&str, &Schema); 26] = [
    ("service", &SERVICE),
    ("healthcheck", &HEALTHCHECK),
    ("development", &DEVELOPMENT),
    ("deployment", &DEPLOYMENT),
    ("generic_resources", &GENERIC_RESOURCES),
    ("devices", &DEVICES),
    ("gpus", &GPUS),
    ("include", &INCLUDE),
    ("network", &NETWORK),
    ("volume", &VOLUME),
    ("secret", &SECRET),
    ("config", &CONFIG),
    ("model", &MODEL),
    ("command", &COMMAND),
    ("service_hook", &SERVICE_HOOK),
    ("pre_start_hook", &PRE_START_HOOK),
    ("env_file", &ENV_FILE),
    ("label_file", &LABEL_FILE),
    ("string_or_list", &STRING_OR_LIST),
    ("list_of_strings", &LIST_OF_STRINGS),
    ("list_or_dict", &LIST_OR_DICT),
    ("extra_hosts", &EXTRA_HOSTS),
    ("blkio_limit", &BLKIO_LIMIT),
    ("blkio_weight", &BLKIO_WEIGHT),
    ("service_config_or_secret", &SERVICE_CONFIG_OR_SECRET),
    ("ulimits", &ULIMITS),
];

pub(crate) static HEALTHCHECK: Schema = object!(Object::CLOSED_X;
    properties: &[
        ("disable", &BOOL_OR_STRING),
        ("interval", &STRING_),
        ("retries", &NUM_OR_STRING),
        ("test", &one_of!(&STRING_, &STRINGS)),
        ("timeout", &STRING_),
        ("start_period", &STRING_),
        ("start_interval", &STRING_),
    ],
);

pub(crate) static DEVELOPMENT: Schema = Schema {
    types: OBJECT | NULL,
    ..object!(Object::CLOSED_X;
        properties: &[(
            "watch",
            &array!(&object!(Object::CLOSED_X;
                properties: &[
                    ("ignore", &STRING_OR_LIST),
                    ("include", &STRING_OR_LIST),
                    ("path", &STRING_),
                    ("action", &Schema {
                        enumeration: &["rebuild", "sync", "restart", "sync+restart", "sync+exec"],
                        ..t(STRING)
                    }),
                    ("target", &STRING_),
                    ("exec", &SERVICE_HOOK),
                    ("initial_sync", &BOOLEAN_),
                ],
                required: &["path", "action"],
            )),
        )],
    )
};

/// `rollback_config` and `update_config`.
static UPDATE_CONFIG: Schema = object!(Object::CLOSED_X;
    properties: &[
        ("parallelism", &INT_OR_STRING),
        ("delay", &STRING_),
        ("failure_action", &STRING_),
        ("monitor", &STRING_),
        ("max_failure_ratio", &NUM_OR_STRING),
        ("order", &Schema { enumeration: &["start-first", "stop-first"], ..t(STRING) }),
    ],
);

pub(crate) static DEPLOYMENT: Schema = Schema {
    types: OBJECT | NULL,
    ..object!(Object::CLOSED_X;
        properties: &[
            ("mode", &STRING_),
            ("endpoint_mode", &STRING_),
            ("replicas", &INT_OR_STRING),
            ("labels", &LIST_OR_DICT),
            ("rollback_config", &UPDATE_CONFIG),
            ("update_config", &UPDATE_CONFIG),
            ("resources", &object!(Object::CLOSED_X;
                properties: &[
                    ("limits", &object!(Object::CLOSED_X;
                        properties: &[
                            ("cpus", &NUM_OR_STRING),
                            ("memory", &STRING_),
                            ("pids", &INT_OR_STRING),
                        ],
                    )),
                    ("reservations", &object!(Object::CLOSED_X;
                        properties: &[
                            ("cpus", &NUM_OR_STRING),
                            ("memory", &STRING_),
                            ("generic_resources", &GENERIC_RESOURCES),
                            ("devices", &DEVICES),
                        ],
                    )),
                ],
            )),
            ("restart_policy", &object!(Object::CLOSED_X;
                properties: &[
                    ("condition", &STRING_),
                    ("delay", &STRING_),
                    ("max_attempts", &INT_OR_STRING),
                    ("window", &STRING_),
                ],
            )),
            ("placement", &object!(Object::CLOSED_X;
                properties: &[
                    ("constraints", &STRINGS),
                    ("preferences", &array!(&object!(Object::CLOSED_X;
                        properties: &[("spread", &STRING_)],
                    ))),
                    ("max_replicas_per_node", &INT_OR_STRING),
                ],
            )),
        ],
    )
};

pub(crate) static GENERIC_RESOURCES: Schema = array!(&object!(Object::CLOSED_X;
    properties: &[(
        "discrete_resource_spec",
        &object!(Object::CLOSED_X;
            properties: &[("kind", &STRING_), ("value", &NUM_OR_STRING)],
        ),
    )],
));

/// The properties of a device request (`devices` and `gpus` items).
static DEVICE_REQUEST_PROPERTIES: [(&str, &Schema); 5] = [
    ("capabilities", &LIST_OF_STRINGS),
    ("count", &INT_OR_STRING),
    ("device_ids", &LIST_OF_STRINGS),
    ("driver", &STRING_),
    ("options", &LIST_OR_DICT),
];

pub(crate) static DEVICES: Schema = array!(&object!(Object::CLOSED_X;
    properties: &DEVICE_REQUEST_PROPERTIES,
    required: &["capabilities"],
));

pub(crate) static GPUS: Schema = one_of!(
    &Schema {
        enumeration: &["all"],
        ..t(STRING)
    },
    // Upstream puts `additionalProperties` / `patternProperties` on the array rather
    // than on its items, where they do nothing: items accept any key. Kept as is.
    &Schema {
        items: Some(&object!(Object::OPEN; properties: &DEVICE_REQUEST_PROPERTIES)),
        object: Some(&Object::CLOSED_X),
        ..t(ARRAY)
    },
);

pub(crate) static INCLUDE: Schema = one_of!(
    &STRING_,
    &object!(Object::CLOSED;
        properties: &[
            ("path", &STRING_OR_LIST),
            ("env_file", &STRING_OR_LIST),
            ("project_directory", &STRING_),
        ],
    ),
);

/// `external` of networks and volumes.
static EXTERNAL_CLOSED: Schema = Schema {
    types: BOOLEAN | STRING | OBJECT,
    ..object!(Object::CLOSED_X;
        properties: &[("name", &Schema { deprecated: true, ..t(STRING) })],
    )
};

pub(crate) static NETWORK: Schema = Schema {
    types: OBJECT | NULL,
    ..object!(Object::CLOSED_X;
        noun: Some("network attribute"),
        properties: &[
            ("name", &STRING_),
            ("driver", &STRING_),
            ("driver_opts", &DRIVER_OPTS),
            ("ipam", &object!(Object::CLOSED_X;
                properties: &[
                    ("driver", &STRING_),
                    ("config", &array!(&object!(Object::CLOSED_X;
                        properties: &[
                            ("subnet", &STRING_),
                            ("ip_range", &STRING_),
                            ("gateway", &STRING_),
                            ("aux_addresses", &STRING_MAP),
                        ],
                    ))),
                    ("options", &STRING_MAP),
                ],
            )),
            ("external", &EXTERNAL_CLOSED),
            ("internal", &BOOL_OR_STRING),
            ("enable_ipv4", &BOOL_OR_STRING),
            ("enable_ipv6", &BOOL_OR_STRING),
            ("attachable", &BOOL_OR_STRING),
            ("labels", &LIST_OR_DICT),
        ],
    )
};

/// `ipam.options` and `aux_addresses`: string values under non-empty keys.
static STRING_MAP: Schema = object!(Object::CLOSED;
    pattern_properties: &[PatternProp {
        pattern: Pattern::NonEmptyLine,
        schema: &STRING_,
        names: None,
        entity: false,
    }],
);

pub(crate) static VOLUME: Schema = Schema {
    types: OBJECT | NULL,
    ..object!(Object::CLOSED_X;
        noun: Some("volume attribute"),
        properties: &[
            ("name", &STRING_),
            ("driver", &STRING_),
            ("driver_opts", &DRIVER_OPTS),
            ("external", &EXTERNAL_CLOSED),
            ("labels", &LIST_OR_DICT),
        ],
    )
};

pub(crate) static SECRET: Schema = object!(Object::CLOSED_X;
    noun: Some("secret attribute"),
    properties: &[
        ("name", &STRING_),
        ("environment", &STRING_),
        ("file", &STRING_),
        ("external", &Schema {
            types: BOOLEAN | STRING | OBJECT,
            ..object!(Object::OPEN; properties: &[("name", &STRING_)])
        }),
        ("labels", &LIST_OR_DICT),
        ("driver", &STRING_),
        ("driver_opts", &DRIVER_OPTS),
        ("template_driver", &STRING_),
    ],
);

pub(crate) static CONFIG: Schema = object!(Object::CLOSED_X;
    noun: Some("config attribute"),
    properties: &[
        ("name", &STRING_),
        ("content", &STRING_),
        ("environment", &STRING_),
        ("file", &STRING_),
        ("external", &Schema {
            types: BOOLEAN | STRING | OBJECT,
            ..object!(Object::OPEN;
                properties: &[("name", &Schema { deprecated: true, ..t(STRING) })],
            )
        }),
        ("labels", &LIST_OR_DICT),
        ("template_driver", &STRING_),
    ],
);

pub(crate) static MODEL: Schema = object!(Object::CLOSED_X;
    noun: Some("model attribute"),
    properties: &[
        ("name", &STRING_),
        ("model", &STRING_),
        ("context_size", &INTEGER_),
        ("runtime_flags", &STRINGS),
    ],
    required: &["model"],
);

pub(crate) static COMMAND: Schema = one_of!(&NULL_, &STRING_, &STRINGS);

pub(crate) static SERVICE_HOOK: Schema = object!(Object::CLOSED_X;
    properties: &[
        ("command", &COMMAND),
        ("user", &STRING_),
        ("privileged", &BOOL_OR_STRING),
        ("working_dir", &STRING_),
        ("environment", &LIST_OR_DICT),
    ],
    required: &["command"],
);

pub(crate) static PRE_START_HOOK: Schema = object!(Object::CLOSED_X;
    properties: &[
        ("command", &COMMAND),
        ("image", &STRING_),
        ("user", &STRING_),
        ("privileged", &BOOL_OR_STRING),
        ("working_dir", &STRING_),
        ("environment", &LIST_OR_DICT),
        ("per_replica", &BOOL_OR_STRING),
    ],
);

pub(crate) static ENV_FILE: Schema = one_of!(
    &STRING_,
    &array!(&one_of!(
        &STRING_,
        &object!(Object::CLOSED;
            properties: &[
                ("path", &STRING_),
                ("format", &STRING_),
                ("required", &BOOL_OR_STRING),
            ],
            required: &["path"],
        ),
    )),
);

pub(crate) static LABEL_FILE: Schema = one_of!(&STRING_, &STRINGS);

pub(crate) static STRING_OR_LIST: Schema = one_of!(&STRING_, &LIST_OF_STRINGS);

pub(crate) static LIST_OF_STRINGS: Schema = unique_array!(&STRING_);

pub(crate) static LIST_OR_DICT: Schema = one_of!(
    &object!(Object::CLOSED;
        pattern_properties: &[PatternProp {
            pattern: Pattern::NonEmpty,
            schema: &t(STRING | NUMBER | BOOLEAN | NULL),
            names: None,
            entity: false,
        }],
    ),
    &LIST_OF_STRINGS,
);

pub(crate) static EXTRA_HOSTS: Schema = one_of!(
    &object!(Object::CLOSED;
        pattern_properties: &[PatternProp {
            pattern: Pattern::NonEmpty,
            // `"uniqueItems": false` upstream: the same as leaving it out.
            schema: &one_of!(&STRING_, &STRINGS),
            names: None,
            entity: false,
        }],
    ),
    &LIST_OF_STRINGS,
);

pub(crate) static BLKIO_LIMIT: Schema = object!(Object::CLOSED;
    properties: &[("path", &STRING_), ("rate", &INT_OR_STRING)],
);

pub(crate) static BLKIO_WEIGHT: Schema = object!(Object::CLOSED;
    properties: &[("path", &STRING_), ("weight", &INT_OR_STRING)],
);

pub(crate) static SERVICE_CONFIG_OR_SECRET: Schema = array!(&one_of!(
    &STRING_,
    &object!(Object::CLOSED_X;
        properties: &[
            ("source", &STRING_),
            ("target", &STRING_),
            ("uid", &STRING_),
            ("gid", &STRING_),
            ("mode", &NUM_OR_STRING),
        ],
    ),
));

pub(crate) static ULIMITS: Schema = object!(Object::OPEN;
    pattern_properties: &[PatternProp {
        pattern: Pattern::LowerAlpha,
        schema: &one_of!(
            &INT_OR_STRING,
            &object!(Object::CLOSED_X;
                properties: &[("hard", &INT_OR_STRING), ("soft", &INT_OR_STRING)],
                required: &["soft", "hard"],
            ),
        ),
        names: None,
        entity: false,
    }],
);
