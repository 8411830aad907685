//! What a project is linted with: the enabled rules, severity overrides, the fail
//! threshold, per-file ignores, per-service exceptions and the baseline. Built
//! from the configuration file that applies and the command line, which wins.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use lashing_diagnostics::{Finding, Severity, Suppression, SuppressionKind};
use lashing_rule::{did_you_mean, Category, Rule, RuleMeta};

use crate::baseline::Baseline;
use crate::config::{ConfigError, ConfigFile, Written};

/// Rule selection given on the command line; each field, when set, overrides the
/// configuration file.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--select`: replaces the file's `select` and `extend-select`.
    pub select: Option<Vec<String>>,
    /// `--extend-select`: added to the selection.
    pub extend_select: Vec<String>,
    /// `--ignore`: added to the file's `ignore`.
    pub ignore: Vec<String>,
    /// `--fail-on`.
    pub fail_on: Option<Severity>,
    /// `--baseline`: replaces the file's `baseline`.
    pub baseline: Option<PathBuf>,
    /// Read no baseline at all (`lashing baseline` writes a fresh one).
    pub ignore_baseline: bool,
}

/// A selector (name, code, category or `all`) that names nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownSelector {
    pub selector: String,
    pub suggestion: Option<String>,
}

impl std::fmt::Display for UnknownSelector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown rule, code or category `{}`", self.selector)?;
        if let Some(s) = &self.suggestion {
            write!(f, " (did you mean `{s}`?)")?;
        }
        Ok(())
    }
}

/// Whether `selector` names `rule`: its name, its code, its category, or `all`
/// (any case).
pub fn selects(meta: &RuleMeta, selector: &str) -> bool {
    // Names, codes and categories are ASCII; `Security` or `l602` mean the same.
    selector.eq_ignore_ascii_case("all")
        || selector.eq_ignore_ascii_case(meta.name)
        || selector.eq_ignore_ascii_case(meta.code)
        || selector.eq_ignore_ascii_case(meta.category.as_str())
}

/// Checks that `selector` names a rule, a code or a category.
pub fn validate_selector(
    registry: &[&'static dyn Rule],
    selector: &str,
) -> Result<(), UnknownSelector> {
    if selector.eq_ignore_ascii_case("all")
        || Category::ALL
            .iter()
            .any(|c| selector.eq_ignore_ascii_case(c.as_str()))
        || registry.iter().any(|r| selects(r.meta(), selector))
    {
        return Ok(());
    }
    let names = registry
        .iter()
        .map(|r| r.meta().name)
        .chain(Category::ALL.iter().map(|c| c.as_str()));
    Err(UnknownSelector {
        selector: selector.to_string(),
        suggestion: did_you_mean(selector, names).map(str::to_string),
    })
}

/// Files some rules skip: `[[lint.per-file-ignores]]`.
#[derive(Debug, Clone)]
pub struct PerFileIgnore {
    /// The folder the globs are relative to.
    base: PathBuf,
    globs: GlobSet,
    /// Globs without `/`, also matched against the file name alone.
    name_globs: GlobSet,
    codes: HashSet<&'static str>,
}

/// Findings accepted for some services: `[[lint.exceptions]]`.
#[derive(Debug, Clone)]
pub struct Exception {
    codes: HashSet<&'static str>,
    services: Vec<String>,
    reason: String,
}

/// Everything a project is linted with.
#[derive(Clone)]
pub struct Settings {
    /// Every rule lashing has (to tell a disabled rule from an unknown one).
    pub registry: Vec<&'static dyn Rule>,
    /// The enabled rules, in registry order.
    pub rules: Vec<&'static dyn Rule>,
    severity: HashMap<&'static str, Severity>,
    pub fail_on: Severity,
    per_file_ignores: Vec<PerFileIgnore>,
    exceptions: Vec<Exception>,
    pub baseline: Option<Baseline>,
    /// The configuration file these settings came from, if any.
    pub config: Option<PathBuf>,
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field(
                "rules",
                &self.rules.iter().map(|r| r.meta().code).collect::<Vec<_>>(),
            )
            .field("fail_on", &self.fail_on)
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

/// Why settings could not be built.
#[derive(Debug)]
pub enum SettingsError {
    /// A selector on the command line names nothing.
    Selector(UnknownSelector),
    /// Something in the configuration file (an unknown rule, a bad glob).
    Config(ConfigError),
    /// The baseline file cannot be read.
    Baseline(String),
}

impl std::fmt::Display for SettingsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SettingsError::Selector(e) => e.fmt(f),
            SettingsError::Config(e) => e.fmt(f),
            SettingsError::Baseline(e) => f.write_str(e),
        }
    }
}

impl Settings {
    /// Settings from a configuration file (or none) and the command line.
    pub fn new(
        registry: &[&'static dyn Rule],
        config: Option<&ConfigFile>,
        overrides: &Overrides,
    ) -> Result<Settings, SettingsError> {
        for selector in overrides
            .select
            .iter()
            .flatten()
            .chain(&overrides.extend_select)
            .chain(&overrides.ignore)
        {
            validate_selector(registry, selector).map_err(SettingsError::Selector)?;
        }
        // Every selector in the file must name something, at its position.
        if let Some(c) = config {
            let written = c
                .select
                .iter()
                .flatten()
                .chain(&c.extend_select)
                .chain(&c.ignore)
                .chain(c.severity.iter().map(|(w, _)| w))
                .chain(c.per_file_ignores.iter().flat_map(|p| &p.rules))
                .chain(c.exceptions.iter().flat_map(|e| &e.rules));
            for w in written {
                validate_selector(registry, &w.value)
                    .map_err(|e| SettingsError::Config(c.error_at(&w.span, e.to_string())))?;
            }
        }
        let values = |list: &[Written]| list.iter().map(|w| w.value.clone()).collect::<Vec<_>>();
        let (select, extend): (Option<Vec<String>>, Vec<String>) = match &overrides.select {
            Some(select) => (Some(select.clone()), overrides.extend_select.clone()),
            None => {
                let mut extend = config.map(|c| values(&c.extend_select)).unwrap_or_default();
                extend.extend(overrides.extend_select.iter().cloned());
                (config.and_then(|c| c.select.as_deref().map(values)), extend)
            }
        };
        let mut ignore = config.map(|c| values(&c.ignore)).unwrap_or_default();
        ignore.extend(overrides.ignore.iter().cloned());
        let rules = registry
            .iter()
            .copied()
            .filter(|rule| {
                let meta = rule.meta();
                let selected = match &select {
                    None => meta.default_enabled,
                    Some(selectors) => selectors.iter().any(|s| selects(meta, s)),
                };
                (selected || extend.iter().any(|s| selects(meta, s)))
                    && !ignore.iter().any(|s| selects(meta, s))
            })
            .collect();

        let mut severity = HashMap::new();
        if let Some(c) = config {
            // Written order: a later, narrower line wins (`security = "info"` then
            // `privileged = "error"`).
            for (selector, level) in &c.severity {
                for rule in registry
                    .iter()
                    .filter(|r| selects(r.meta(), &selector.value))
                {
                    severity.insert(rule.meta().code, *level);
                }
            }
        }
        let codes = |list: &[Written]| -> HashSet<&'static str> {
            registry
                .iter()
                .filter(|r| list.iter().any(|w| selects(r.meta(), &w.value)))
                .map(|r| r.meta().code)
                .collect()
        };
        let mut per_file_ignores = Vec::new();
        let mut exceptions = Vec::new();
        let mut baseline_path = overrides.baseline.clone();
        if let Some(c) = config {
            for entry in &c.per_file_ignores {
                let (globs, name_globs) = glob_sets(c, &entry.paths)?;
                per_file_ignores.push(PerFileIgnore {
                    // Compared with canonical file paths.
                    base: std::fs::canonicalize(&c.dir).unwrap_or_else(|_| c.dir.clone()),
                    globs,
                    name_globs,
                    codes: codes(&entry.rules),
                });
            }
            for entry in &c.exceptions {
                exceptions.push(Exception {
                    codes: codes(&entry.rules),
                    services: entry.services.clone(),
                    reason: entry.reason.clone(),
                });
            }
            if baseline_path.is_none() {
                baseline_path = c.baseline.as_ref().map(|w| c.dir.join(&w.value));
            }
        }
        if overrides.ignore_baseline {
            baseline_path = None;
        }
        let baseline = match baseline_path {
            Some(path) => Some(Baseline::read(&path).map_err(SettingsError::Baseline)?),
            None => None,
        };
        Ok(Settings {
            registry: registry.to_vec(),
            rules,
            severity,
            fail_on: overrides
                .fail_on
                .or(config.and_then(|c| c.fail_on))
                .unwrap_or(Severity::Warning),
            per_file_ignores,
            exceptions,
            baseline,
            config: config.map(|c| c.path.clone()),
        })
    }

    /// Only these rules, nothing configured (fixtures, `lint_files`).
    pub fn with_rules(rules: &[&'static dyn Rule]) -> Settings {
        Settings {
            registry: rules.to_vec(),
            rules: rules.to_vec(),
            severity: HashMap::new(),
            fail_on: Severity::Warning,
            per_file_ignores: Vec::new(),
            exceptions: Vec::new(),
            baseline: None,
            config: None,
        }
    }

    /// The severity `rule`'s findings get.
    pub fn severity(&self, meta: &RuleMeta) -> Severity {
        self.severity
            .get(meta.code)
            .copied()
            .unwrap_or(meta.severity)
    }

    pub fn has_per_file_ignores(&self) -> bool {
        !self.per_file_ignores.is_empty()
    }

    pub fn is_enabled(&self, code: &str) -> bool {
        self.rules.iter().any(|r| r.meta().code == code)
    }

    /// Whether `rule` is switched off for the file at `path` by a per-file ignore.
    pub fn ignored_in(&self, code: &str, path: &Path) -> bool {
        self.per_file_ignores.iter().any(|p| {
            p.codes.contains(code)
                && (path
                    .strip_prefix(&p.base)
                    .is_ok_and(|relative| p.globs.is_match(relative))
                    || path
                        .file_name()
                        .is_some_and(|name| p.name_globs.is_match(Path::new(name))))
        })
    }

    /// Marks `finding` as accepted when an exception covers its rule and service.
    pub fn apply_exceptions(&self, finding: &mut Finding) {
        if finding.suppression.is_some() {
            return;
        }
        let Some(service) = &finding.service else {
            return;
        };
        if let Some(e) = self
            .exceptions
            .iter()
            .find(|e| e.codes.contains(finding.code) && e.services.iter().any(|s| s == service))
        {
            finding.suppression = Some(Suppression {
                kind: SuppressionKind::Exception,
                reason: Some(e.reason.clone()),
            });
        }
    }
}

/// The globs of a per-file ignore: all of them against the path relative to the
/// configuration's folder, and those without `/` also against the file name.
fn glob_sets(config: &ConfigFile, paths: &[Written]) -> Result<(GlobSet, GlobSet), SettingsError> {
    let mut all = GlobSetBuilder::new();
    let mut names = GlobSetBuilder::new();
    for path in paths {
        let glob = GlobBuilder::new(&path.value)
            .literal_separator(true)
            .build()
            .map_err(|e| {
                SettingsError::Config(
                    config.error_at(&path.span, format!("`{}` is not a glob: {e}", path.value)),
                )
            })?;
        if !path.value.contains('/') {
            names.add(glob.clone());
        }
        all.add(glob);
    }
    let build = |b: GlobSetBuilder| {
        b.build().map_err(|e| {
            SettingsError::Config(ConfigError {
                path: config.path.clone(),
                line: 1,
                column: 1,
                message: format!("per-file-ignores: {e}"),
            })
        })
    };
    Ok((build(all)?, build(names)?))
}

#[cfg(test)]
#[path = "settings_test.rs"]
mod tests;
