//! Every key the configuration file accepts, with its type and meaning: the one
//! table that the reader validates against (unknown keys, wrong types, "did you
//! mean") and that the JSON schema in docs/ is generated from.

/// A key of a table.
#[derive(Debug)]
pub struct Key {
    pub name: &'static str,
    pub kind: Kind,
    pub required: bool,
    pub description: &'static str,
}

/// What a key's value must be.
#[derive(Debug)]
pub enum Kind {
    /// A table with these keys (`[lint]`).
    Table(&'static [Key]),
    /// An array of tables with these keys (`[[lint.exceptions]]`).
    TableArray(&'static [Key]),
    /// An array of rule names, codes, categories or `all`.
    Selectors,
    /// An array of strings of another meaning (globs, service names).
    Strings,
    /// A single rule name, code or category.
    Selector,
    /// `error`, `warning` or `info`.
    Severity,
    /// A table from rule selectors to severities.
    SeverityMap,
    /// Free text.
    Text,
    /// A path, relative to the configuration file's folder.
    Path,
}

pub const ROOT: &[Key] = &[Key {
    name: "lint",
    kind: Kind::Table(LINT),
    required: false,
    description: "What lashing reports, and how severely.",
}];

pub const LINT: &[Key] = &[
    Key {
        name: "select",
        kind: Kind::Selectors,
        required: false,
        description: "Run exactly these rules: names, codes, categories or `all` (default: the rules enabled by default).",
    },
    Key {
        name: "extend-select",
        kind: Kind::Selectors,
        required: false,
        description: "Run these rules in addition to `select` (e.g. the off-by-default `hardening` category).",
    },
    Key {
        name: "ignore",
        kind: Kind::Selectors,
        required: false,
        description: "Never run these rules: names, codes or categories.",
    },
    Key {
        name: "fail-on",
        kind: Kind::Severity,
        required: false,
        description: "Exit with 1 when a finding is at or above this severity (default: warning).",
    },
    Key {
        name: "baseline",
        kind: Kind::Path,
        required: false,
        description: "A baseline file written by `lashing baseline`: the findings it lists are suppressed.",
    },
    Key {
        name: "severity",
        kind: Kind::SeverityMap,
        required: false,
        description: "Severity overrides: a rule name, code or category, and `error`, `warning` or `info`.",
    },
    Key {
        name: "per-file-ignores",
        kind: Kind::TableArray(PER_FILE_IGNORE),
        required: false,
        description: "Rules that do not run on some files.",
    },
    Key {
        name: "exceptions",
        kind: Kind::TableArray(EXCEPTION),
        required: false,
        description: "Findings accepted for some services, with the reason, which the reports keep.",
    },
];

pub const PER_FILE_IGNORE: &[Key] = &[
    Key {
        name: "paths",
        kind: Kind::Strings,
        required: true,
        description: "Globs relative to the configuration file's folder (`**` crosses folders; a glob without `/` also matches a file name anywhere).",
    },
    Key {
        name: "rules",
        kind: Kind::Selectors,
        required: true,
        description: "Rule names, codes or categories not reported on those files.",
    },
];

pub const EXCEPTION: &[Key] = &[
    Key {
        name: "rule",
        kind: Kind::Selector,
        required: false,
        description: "The rule name, code or category excepted (or use `rules`).",
    },
    Key {
        name: "rules",
        kind: Kind::Selectors,
        required: false,
        description: "Rule names, codes or categories excepted (or use `rule`).",
    },
    Key {
        name: "services",
        kind: Kind::Strings,
        required: true,
        description: "The services whose findings of those rules are accepted.",
    },
    Key {
        name: "reason",
        kind: Kind::Text,
        required: true,
        description: "Why: shown with `--show-suppressed`, in JSON and as the SARIF suppression's justification.",
    },
];
