//! Running rules over projects.

use std::path::{Path, PathBuf};

use lashing_diagnostics::Finding;
use lashing_graph::ProjectGraph;
use lashing_rule::{Context, Project, Rule};
use lashing_syntax::{FileId, SourceFile, SourceMap};
use rayon::prelude::*;

use crate::discovery::{display_path, DiscoveryError};
use crate::environment::load_project_env;
use crate::RuleSelection;

/// A project's sources and its findings.
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

/// Lints each file as its own project, in parallel. Each file is read and parsed
/// once; every rule reads the same model.
pub fn lint_files(files: &[PathBuf], cwd: &Path, rules: &RuleSelection) -> LintRun {
    let results: Vec<Result<LintedProject, DiscoveryError>> = files
        .par_iter()
        .enumerate()
        .map(|(i, path)| {
            let bytes = read_limited(path).map_err(|message| DiscoveryError {
                path: path.clone(),
                message,
            })?;
            let id = FileId(u32::try_from(i).unwrap_or(u32::MAX));
            let display = display_path(path, cwd);
            Ok(lint_file(
                id,
                path.clone(),
                display,
                bytes,
                cwd,
                &rules.rules,
            ))
        })
        .collect();
    let mut run = LintRun::default();
    for result in results {
        match result {
            Ok((sources, findings)) => {
                run.findings.extend(findings);
                for source in sources {
                    run.sources.add(source);
                }
            }
            Err(err) => {
                // Keep FileIds aligned with indices: an unreadable file still takes
                // its slot, as an empty source no finding points into.
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

/// Lints a file read from disk: as `lint_source`, with the env files beside it.
fn lint_file(
    id: FileId,
    path: PathBuf,
    display_path: String,
    bytes: Vec<u8>,
    cwd: &Path,
    rules: &[&'static dyn Rule],
) -> LintedProject {
    let project = project_from_bytes(id, &path, display_path, bytes, cwd);
    let findings = lint_project(&project, rules);
    let sources = project.files.into_iter().map(|f| f.source).collect();
    (sources, findings)
}

/// Reads one compose file from disk into a project of its own, with the env files
/// beside it: what `check` lints, for other commands (`graph`) that need the same
/// project. The error is why the file could not be read.
pub fn load_project(path: &Path, id: FileId, cwd: &Path) -> Result<Project, String> {
    let bytes = read_limited(path)?;
    Ok(project_from_bytes(
        id,
        path,
        display_path(path, cwd),
        bytes,
        cwd,
    ))
}

fn project_from_bytes(
    id: FileId,
    path: &Path,
    display_path: String,
    bytes: Vec<u8>,
    cwd: &Path,
) -> Project {
    let (source, read_error) = SourceFile::from_bytes(id, path.to_path_buf(), display_path, bytes);
    let mut project = Project::from_bytes(source, read_error);
    project.env = load_project_env(path, &project.model, cwd);
    project
}

/// Lints one file's bytes as a project of its own. Returns the project's sources
/// (today exactly this file) and its findings, sorted.
pub fn lint_source(
    id: FileId,
    path: PathBuf,
    display_path: String,
    bytes: Vec<u8>,
    rules: &[&'static dyn Rule],
) -> LintedProject {
    let (source, read_error) = SourceFile::from_bytes(id, path, display_path, bytes);
    let project = Project::from_bytes(source, read_error);
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

/// Reads a regular file, at most one byte past the size limit (enough for the
/// "too large" finding): `/dev/zero` or a FIFO named on the command line must not
/// exhaust memory or block the run.
fn read_limited(path: &Path) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err("not a regular file".to_string());
    }
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let limit = lashing_syntax::MAX_FILE_SIZE as u64 + 1;
    let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize);
    file.take(limit)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    Ok(bytes)
}
