//! Reading one configuration file: TOML parsed with spans, validated against
//! [`keys`](super::keys), and turned into plain values that still know where they
//! were written (for errors about unknown rules).

use std::ops::Range;
use std::path::{Path, PathBuf};

use lashing_diagnostics::Severity;
use lashing_rule::did_you_mean;
use lashing_syntax::LineIndex;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::keys::{Key, Kind, EXCEPTION, ROOT};

/// A string from the file, with the byte range it was written at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub value: String,
    pub span: Range<usize>,
}

/// `[[lint.per-file-ignores]]`.
#[derive(Debug, Clone)]
pub struct PerFileIgnoreEntry {
    pub paths: Vec<Written>,
    pub rules: Vec<Written>,
}

/// `[[lint.exceptions]]`.
#[derive(Debug, Clone)]
pub struct ExceptionEntry {
    pub rules: Vec<Written>,
    pub services: Vec<String>,
    pub reason: String,
}

/// A configuration file, validated.
#[derive(Debug, Clone)]
pub struct ConfigFile {
    pub path: PathBuf,
    /// The folder relative paths and globs are resolved against.
    pub dir: PathBuf,
    pub text: String,
    pub select: Option<Vec<Written>>,
    pub extend_select: Vec<Written>,
    pub ignore: Vec<Written>,
    pub fail_on: Option<Severity>,
    pub baseline: Option<Written>,
    pub severity: Vec<(Written, Severity)>,
    pub per_file_ignores: Vec<PerFileIgnoreEntry>,
    pub exceptions: Vec<ExceptionEntry>,
}

/// A configuration problem, at its place in the file. lashing stops (exit 2):
/// a configuration it cannot read would silently lint with other rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: u32,
    pub column: u32,
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path.display(),
            self.line,
            self.column,
            self.message
        )
    }
}

impl ConfigError {
    /// The error with its path as the reports show paths (relative to `cwd`).
    pub fn shown_from(&self, cwd: &Path) -> String {
        format!(
            "{}:{}:{}: {}",
            crate::display_path(&self.path, cwd),
            self.line,
            self.column,
            self.message
        )
    }
}

impl ConfigFile {
    /// An error at `span` of this file.
    pub fn error_at(&self, span: &Range<usize>, message: String) -> ConfigError {
        error_at(&self.path, &self.text, span, message)
    }
}

fn error_at(path: &Path, text: &str, span: &Range<usize>, message: String) -> ConfigError {
    let index = LineIndex::new(text);
    let position = index.line_col(text, span.start.min(text.len()));
    ConfigError {
        path: path.to_path_buf(),
        line: position.line,
        column: position.column,
        message,
    }
}

/// Reads and validates the configuration at `path`.
pub fn read(path: &Path) -> Result<ConfigFile, Vec<ConfigError>> {
    let bytes = std::fs::read(path).map_err(|e| {
        vec![ConfigError {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            message: format!("cannot read the configuration: {e}"),
        }]
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
        vec![error_at(
            path,
            &text,
            &(offset..offset),
            "the configuration is not UTF-8 text".to_string(),
        )]
    })?;
    parse(path, text)
}

/// Validates `text` as the configuration at `path`.
pub fn parse(path: &Path, text: String) -> Result<ConfigFile, Vec<ConfigError>> {
    let table = match DeTable::parse(&text) {
        Ok(table) => table,
        Err(err) => {
            let span = err.span().unwrap_or(0..0);
            let message = format!("not valid TOML: {}", err.message().trim_end());
            return Err(vec![error_at(path, &text, &span, message)]);
        }
    };
    let mut problems: Vec<(Range<usize>, String)> = Vec::new();
    check_table(table.get_ref(), ROOT, "", &mut problems);
    if !problems.is_empty() {
        problems.sort_by_key(|(span, _)| span.start);
        return Err(problems
            .into_iter()
            .map(|(span, message)| error_at(path, &text, &span, message))
            .collect());
    }
    let dir = path
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let mut config = ConfigFile {
        path: path.to_path_buf(),
        dir,
        text: String::new(),
        select: None,
        extend_select: Vec::new(),
        ignore: Vec::new(),
        fail_on: None,
        baseline: None,
        severity: Vec::new(),
        per_file_ignores: Vec::new(),
        exceptions: Vec::new(),
    };
    if let Some(lint) = get(table.get_ref(), "lint").and_then(|v| v.get_ref().as_table()) {
        config.select = get(lint, "select").map(strings);
        config.extend_select = get(lint, "extend-select").map(strings).unwrap_or_default();
        config.ignore = get(lint, "ignore").map(strings).unwrap_or_default();
        config.fail_on = get(lint, "fail-on").and_then(|v| v.get_ref().as_str().and_then(severity));
        config.baseline = get(lint, "baseline").and_then(string);
        if let Some(map) = get(lint, "severity").and_then(|v| v.get_ref().as_table()) {
            for (key, value) in map.iter() {
                if let Some(level) = value.get_ref().as_str().and_then(severity) {
                    config.severity.push((
                        Written {
                            value: key.get_ref().to_string(),
                            span: key.span(),
                        },
                        level,
                    ));
                }
            }
            // The TOML table is ordered by key; overrides apply in written order.
            config.severity.sort_by_key(|(key, _)| key.span.start);
        }
        for entry in tables(get(lint, "per-file-ignores")) {
            config.per_file_ignores.push(PerFileIgnoreEntry {
                paths: get(entry, "paths").map(strings).unwrap_or_default(),
                rules: get(entry, "rules").map(strings).unwrap_or_default(),
            });
        }
        for entry in tables(get(lint, "exceptions")) {
            let mut rules: Vec<Written> = get(entry, "rule").and_then(string).into_iter().collect();
            rules.extend(get(entry, "rules").map(strings).unwrap_or_default());
            config.exceptions.push(ExceptionEntry {
                rules,
                services: get(entry, "services")
                    .map(strings)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|w| w.value)
                    .collect(),
                reason: get(entry, "reason")
                    .and_then(string)
                    .map(|w| w.value)
                    .unwrap_or_default(),
            });
        }
    }
    config.text = text;
    Ok(config)
}

fn get<'t, 'i>(table: &'t DeTable<'i>, name: &str) -> Option<&'t Spanned<DeValue<'i>>> {
    table
        .iter()
        .find(|(key, _)| key.get_ref() == name)
        .map(|(_, value)| value)
}

fn string(value: &Spanned<DeValue<'_>>) -> Option<Written> {
    value.get_ref().as_str().map(|s| Written {
        value: s.to_string(),
        span: value.span(),
    })
}

fn strings(value: &Spanned<DeValue<'_>>) -> Vec<Written> {
    value
        .get_ref()
        .as_array()
        .map(|items| items.iter().filter_map(string).collect())
        .unwrap_or_default()
}

fn tables<'t, 'i>(value: Option<&'t Spanned<DeValue<'i>>>) -> Vec<&'t DeTable<'i>> {
    value
        .and_then(|v| v.get_ref().as_array())
        .map(|items| {
            items
                .iter()
                .filter_map(|item| item.get_ref().as_table())
                .collect()
        })
        .unwrap_or_default()
}

fn severity(s: &str) -> Option<Severity> {
    match s {
        "error" => Some(Severity::Error),
        "warning" => Some(Severity::Warning),
        "info" => Some(Severity::Info),
        _ => None,
    }
}

/// Checks every key of `table` against `keys`: unknown keys (with a "did you
/// mean"), values of the wrong type, missing required keys.
/// Returns the keys suggested for misspelt ones, so that a missing required key
/// is not reported twice (`service` for `services`).
fn check_table(
    table: &DeTable<'_>,
    keys: &[Key],
    at: &str,
    problems: &mut Vec<(Range<usize>, String)>,
) -> Vec<&'static str> {
    let mut suggested = Vec::new();
    for (name, value) in table.iter() {
        let name_str: &str = name.get_ref();
        let Some(key) = keys.iter().find(|k| k.name == name_str) else {
            let place = if at.is_empty() {
                "at the top level".to_string()
            } else {
                format!("in `[{at}]`")
            };
            let known = keys.iter().map(|k| k.name);
            let hint = match did_you_mean(name_str, known) {
                Some(s) => {
                    suggested.extend(keys.iter().map(|k| k.name).find(|k| *k == s));
                    format!(" (did you mean `{s}`?)")
                }
                None => format!(
                    " (expected one of: {})",
                    keys.iter()
                        .map(|k| format!("`{}`", k.name))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            problems.push((
                name.span(),
                format!("unknown key `{name_str}` {place}{hint}"),
            ));
            continue;
        };
        let path = if at.is_empty() {
            key.name.to_string()
        } else {
            format!("{at}.{}", key.name)
        };
        check_value(value, key, &path, problems);
    }
    suggested
}

fn check_value(
    value: &Spanned<DeValue<'_>>,
    key: &Key,
    path: &str,
    problems: &mut Vec<(Range<usize>, String)>,
) {
    let mut wrong = |expected: &str| {
        problems.push((
            value.span(),
            format!(
                "`{path}` must be {expected}, not {}",
                with_article(value.get_ref().type_str())
            ),
        ));
    };
    match &key.kind {
        Kind::Table(keys) => match value.get_ref().as_table() {
            Some(table) => {
                check_table(table, keys, path, problems);
            }
            None => wrong("a table"),
        },
        Kind::TableArray(keys) => match value.get_ref().as_array() {
            Some(items) if items.iter().all(|i| i.get_ref().is_table()) => {
                for item in items.iter() {
                    if let Some(table) = item.get_ref().as_table() {
                        let suggested = check_table(table, keys, path, problems);
                        check_required(table, keys, &suggested, item.span(), path, problems);
                    }
                }
            }
            _ => wrong(&format!("an array of tables (`[[{path}]]`)")),
        },
        Kind::Selectors | Kind::Strings => match value.get_ref().as_array() {
            Some(items) => {
                for item in items.iter() {
                    if !item.get_ref().is_str() {
                        problems.push((
                            item.span(),
                            format!(
                                "`{path}` must hold strings, not {}",
                                with_article(item.get_ref().type_str())
                            ),
                        ));
                    }
                }
            }
            None => wrong("an array of strings"),
        },
        Kind::Selector | Kind::Text | Kind::Path => {
            if !value.get_ref().is_str() {
                wrong("a string");
            }
        }
        Kind::Severity => check_severity(value, path, problems),
        Kind::SeverityMap => match value.get_ref().as_table() {
            Some(table) => {
                for (rule, level) in table.iter() {
                    check_severity(level, &format!("{path}.{}", rule.get_ref()), problems);
                }
            }
            None => wrong("a table of rule = severity"),
        },
    }
}

fn check_severity(
    value: &Spanned<DeValue<'_>>,
    path: &str,
    problems: &mut Vec<(Range<usize>, String)>,
) {
    let ok = value.get_ref().as_str().and_then(severity).is_some();
    if !ok {
        let written = match value.get_ref().as_str() {
            Some(s) => format!("`{s}`"),
            None => with_article(value.get_ref().type_str()),
        };
        let hint = value
            .get_ref()
            .as_str()
            .and_then(|s| {
                let levels = ["error", "warning", "info"];
                // `warn`, `err`: an abbreviation is as likely as a typo.
                levels
                    .into_iter()
                    .find(|level| !s.is_empty() && level.starts_with(s))
                    .or_else(|| did_you_mean(s, levels))
            })
            .map(|s| format!(" (did you mean `{s}`?)"))
            .unwrap_or_default();
        problems.push((
            value.span(),
            format!("`{path}` must be `error`, `warning` or `info`, not {written}{hint}"),
        ));
    }
}

fn check_required(
    table: &DeTable<'_>,
    keys: &[Key],
    suggested: &[&str],
    span: Range<usize>,
    path: &str,
    problems: &mut Vec<(Range<usize>, String)>,
) {
    for key in keys.iter().filter(|k| k.required) {
        if get(table, key.name).is_none() && !suggested.contains(&key.name) {
            problems.push((span.clone(), format!("`[[{path}]]` needs `{}`", key.name)));
        }
    }
    // An exception names its rules with `rule` or `rules` (the key table cannot
    // say "one of"; this is its only such pair).
    if std::ptr::eq(keys, EXCEPTION)
        && get(table, "rule").is_none()
        && get(table, "rules").is_none()
    {
        problems.push((
            span,
            format!("`[[{path}]]` needs `rule` (or `rules`): the rules excepted"),
        ));
    }
}

#[cfg(test)]
#[path = "file_test.rs"]
mod tests;

/// "a string", "an integer", "an array": TOML's type names as a sentence needs them.
fn with_article(type_name: &str) -> String {
    let article = if type_name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {type_name}")
}
