//! Running rules over projects.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use lashing_diagnostics::Finding;
use lashing_graph::ProjectGraph;
use lashing_rule::{Context, Project, Rule};
use lashing_syntax::{FileId, SourceFile, SourceMap, Span};
use rayon::prelude::*;

use crate::discovery::{display_path, DiscoveryError};
use crate::load::{load_paths, load_text, LoadOptions};
use crate::RuleSelection;

/// A project's sources and its findings (spans in the project's own file ids).
type LintedProject = (Vec<SourceFile>, Vec<Finding>);

/// The result of linting a set of files.
#[derive(Debug, Default)]
pub struct LintRun {
    /// Every file read, indexed by the `FileId` in the findings' spans.
    pub sources: SourceMap,
    /// Sorted by file, position, rule.
    pub findings: Vec<Finding>,
    /// Files that could not be read (exit code 2); the others were linted.
    pub errors: Vec<DiscoveryError>,
}

/// Lints each project (a list of compose files merged in order), in parallel. Each
/// file is read and parsed once per project; every rule reads the same model. A
/// file in several projects (a base file under its variants) is shown once, and
/// findings identical in two projects are reported once.
pub fn lint_projects(
    projects: &[Vec<PathBuf>],
    options: &LoadOptions,
    cwd: &Path,
    rules: &RuleSelection,
) -> LintRun {
    let results: Vec<Result<LintedProject, DiscoveryError>> = projects
        .par_iter()
        .map(|paths| {
            let first = paths.first().cloned().unwrap_or_default();
            check_readable(&first).map_err(|message| DiscoveryError {
                path: first.clone(),
                message,
            })?;
            let project = load_paths(paths, options, cwd);
            let findings = lint_project(&project, &rules.rules);
            Ok((
                project.files.into_iter().map(|f| f.source).collect(),
                findings,
            ))
        })
        .collect();
    let mut run = LintRun::default();
    let mut ids: HashMap<PathBuf, FileId> = HashMap::new();
    let mut seen: HashSet<(&'static str, Span, String)> = HashSet::new();
    for result in results {
        match result {
            Ok((sources, findings)) => {
                let local: Vec<FileId> = sources
                    .into_iter()
                    .map(|mut source| {
                        let key = std::fs::canonicalize(&source.path)
                            .unwrap_or_else(|_| source.path.clone());
                        *ids.entry(key).or_insert_with(|| {
                            let id = run.sources.next_id();
                            source.id = id;
                            run.sources.add(source)
                        })
                    })
                    .collect();
                for mut finding in findings {
                    remap(&mut finding, &local);
                    let key = (finding.code, finding.primary.span, finding.message.clone());
                    if seen.insert(key) {
                        run.findings.push(finding);
                    }
                }
            }
            Err(err) => {
                // An unreadable file still takes a slot, as an empty source.
                let id = run.sources.next_id();
                let display = display_path(&err.path, cwd);
                run.sources.add(SourceFile::new(
                    id,
                    err.path.clone(),
                    display,
                    String::new(),
                ));
                run.errors.push(err);
            }
        }
    }
    run.findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    run
}

/// Lints each file as its own project (no override or variant grouping): what a
/// caller that already chose the files wants.
pub fn lint_files(files: &[PathBuf], cwd: &Path, rules: &RuleSelection) -> LintRun {
    let projects: Vec<Vec<PathBuf>> = files.iter().map(|f| vec![f.clone()]).collect();
    lint_projects(&projects, &LoadOptions::default(), cwd, rules)
}

/// Points a project's findings at the run's file ids.
fn remap(finding: &mut Finding, ids: &[FileId]) {
    let map = |span: &mut Span| {
        if let Some(id) = ids.get(span.file.0 as usize) {
            span.file = *id;
        }
    };
    map(&mut finding.primary.span);
    for label in &mut finding.related {
        map(&mut label.span);
    }
}

/// Loads a project from disk the way `check` does, for other commands (`graph`)
/// that need the same project. The error is why the first file cannot be read.
pub fn load_project(
    paths: &[PathBuf],
    options: &LoadOptions,
    cwd: &Path,
) -> Result<Project, String> {
    let first = paths.first().cloned().unwrap_or_default();
    check_readable(&first)?;
    Ok(load_paths(paths, options, cwd))
}

/// Lints one file's bytes as a project of its own, with nothing around it (stdin,
/// fixtures). Returns the project's sources and its findings, sorted.
pub fn lint_source(
    id: FileId,
    path: PathBuf,
    display_path: String,
    bytes: Vec<u8>,
    rules: &[&'static dyn Rule],
) -> LintedProject {
    let (source, read_error) = SourceFile::from_bytes(id, path, display_path, bytes);
    let project = load_text(source, read_error);
    let findings = lint_project(&project, rules);
    let sources = project.files.into_iter().map(|f| f.source).collect();
    (sources, findings)
}

/// Runs `rules` over a loaded project: the graph is built once and every rule reads
/// it. Findings are sorted.
pub fn lint_project(project: &Project, rules: &[&'static dyn Rule]) -> Vec<Finding> {
    let graph = ProjectGraph::build(&project.model);
    let mut findings = Vec::new();
    for rule in rules {
        let mut cx = Context::new(project, &graph, rule.meta(), rule.meta().severity);
        rule.check(&mut cx);
        findings.extend(cx.into_findings());
    }
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    findings
}

/// A path named on the command line must be a regular file: `/dev/zero` or a FIFO
/// must not block or exhaust the run (the loader reads at most the size limit).
fn check_readable(path: &Path) -> Result<(), String> {
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err("not a regular file".to_string());
    }
    Ok(())
}
