//! The baseline: the findings a repository had when lashing was turned on, so that
//! a team can adopt it today, fail only on new findings, and fix the old ones
//! later. `lashing baseline` writes it; `--baseline` or `lint.baseline` reads it.
//!
//! Entries are matched by file, rule and fingerprint (see
//! [`lashing_diagnostics::fingerprint`]), never by line, so editing the file above
//! a baselined finding does not bring it back.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use lashing_diagnostics::fingerprint::fingerprints;
use lashing_diagnostics::{Finding, Suppression, SuppressionKind};
use lashing_syntax::{FileId, SourceFile, SourceMap};
use serde::{Deserialize, Serialize};

/// The format version written and understood.
const VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    version: u32,
    findings: Vec<Entry>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    /// Relative to the baseline file's folder, `/`-separated.
    path: String,
    rule: String,
    code: String,
    fingerprint: String,
    /// For people reading the file; not used for matching.
    line: u32,
    message: String,
}

/// A baseline as read.
#[derive(Debug, Clone)]
pub struct Baseline {
    pub path: PathBuf,
    /// The folder entry paths are relative to (absolute).
    dir: PathBuf,
    entries: HashSet<(String, String, String)>,
}

impl Baseline {
    pub fn read(path: &Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the baseline {}: {e}", path.display()))?;
        let file: BaselineFile = serde_json::from_str(&text).map_err(|e| {
            format!(
                "{}:{}:{}: not a lashing baseline: {e}",
                path.display(),
                e.line(),
                e.column()
            )
        })?;
        if file.version != VERSION {
            return Err(format!(
                "{}: baseline version {} is not understood (this lashing reads version {VERSION}); write it again with `lashing baseline`",
                path.display(),
                file.version
            ));
        }
        Ok(Baseline {
            path: path.to_path_buf(),
            dir: folder_of(path),
            entries: file
                .findings
                .into_iter()
                .map(|e| (e.path, e.code, e.fingerprint))
                .collect(),
        })
    }

    /// Marks the findings the baseline lists as suppressed, among those for which
    /// `applies(index)` holds (the run's findings of the projects that use this
    /// baseline). `findings` are sorted, as the run holds them, so that occurrence
    /// numbers match those written.
    pub fn suppress(
        &self,
        sources: &SourceMap,
        findings: &mut [Finding],
        applies: impl Fn(usize) -> bool,
    ) {
        let paths = relative_paths(&self.dir, sources);
        let prints = fingerprints(sources, findings, |file| {
            paths.get(&file.id).map_or("", String::as_str).into()
        });
        let reason = format!("listed in the baseline {}", self.path.display());
        for (index, (finding, print)) in findings.iter_mut().zip(prints).enumerate() {
            if finding.suppression.is_some() || !applies(index) {
                continue;
            }
            let path = paths
                .get(&finding.primary.span.file)
                .cloned()
                .unwrap_or_default();
            if self
                .entries
                .contains(&(path, finding.code.to_string(), print))
            {
                finding.suppression = Some(Suppression {
                    kind: SuppressionKind::Baseline,
                    reason: Some(reason.clone()),
                });
            }
        }
    }
}

/// The baseline file listing `findings` (suppressed ones left out: they are
/// already accepted elsewhere), for a baseline to be written at `path`.
pub fn write_baseline(path: &Path, sources: &SourceMap, findings: &[Finding]) -> String {
    let dir = folder_of(path);
    let paths = relative_paths(&dir, sources);
    let prints = fingerprints(sources, findings, |file| {
        paths.get(&file.id).map_or("", String::as_str).into()
    });
    let entries = findings
        .iter()
        .zip(prints)
        .filter(|(f, _)| f.suppression.is_none())
        .filter_map(|(f, fingerprint)| {
            let file = sources.get(f.primary.span.file)?;
            Some(Entry {
                path: paths.get(&file.id).cloned().unwrap_or_default(),
                rule: f.rule.to_string(),
                code: f.code.to_string(),
                fingerprint,
                line: file.line_col(f.primary.span.start as usize).line,
                message: f.message.clone(),
            })
        })
        .collect();
    let file = BaselineFile {
        version: VERSION,
        findings: entries,
    };
    // Serialising plain strings and numbers cannot fail.
    let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
    text.push('\n');
    text
}

/// The absolute folder of `path` (which may not exist yet).
fn folder_of(path: &Path) -> PathBuf {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::canonicalize(&parent).unwrap_or(parent)
}

/// Each file's path relative to `dir`, once per file (not per finding: it asks
/// the file system).
fn relative_paths(dir: &Path, sources: &SourceMap) -> HashMap<FileId, String> {
    sources
        .files()
        .iter()
        .map(|file| (file.id, relative(dir, file)))
        .collect()
}

/// `file`'s path relative to `dir`, `/`-separated; absolute when outside it.
fn relative(dir: &Path, file: &SourceFile) -> String {
    let absolute = std::fs::canonicalize(&file.path).unwrap_or_else(|_| file.path.clone());
    match absolute.strip_prefix(dir) {
        Ok(inside) => inside
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
        Err(_) => absolute.to_string_lossy().replace('\\', "/"),
    }
}
