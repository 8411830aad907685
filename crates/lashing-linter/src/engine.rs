//! Running rules over projects.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use lashing_diagnostics::{Finding, Severity};
use lashing_graph::ProjectGraph;
use lashing_rule::{Context, FileRole, Project, Rule, RuleMeta};
use lashing_syntax::{FileId, SourceFile, SourceMap, Span};
use rayon::prelude::*;

use crate::discovery::{display_path, io_message, DiscoveryError};
use crate::load::{load_paths, load_text, repository_root, LoadOptions};
use crate::settings::Settings;
use crate::suppression::{self, FileSuppressions, Parsed, UnusedSuppression};

/// One project to lint: its compose files, merged in order, and which of the
/// run's [`Settings`] apply to it (the configuration nearest to its folder).
#[derive(Debug, Clone)]
pub struct ProjectJob {
    pub paths: Vec<PathBuf>,
    pub settings: usize,
}

/// What linting one project gives: its sources, its findings (spans in the
/// project's own file ids), and the suppression comments of each source.
struct LintedProject {
    sources: Vec<SourceFile>,
    /// Where each source really is (links resolved), or its path when unknown: the
    /// key that makes a file shared by two projects one file of the run.
    real_paths: Vec<PathBuf>,
    findings: Vec<Finding>,
    directives: Vec<Vec<Parsed>>,
}

/// The result of linting a set of files.
#[derive(Debug, Default)]
pub struct LintRun {
    /// Every file read, indexed by the `FileId` in the findings' spans.
    pub sources: SourceMap,
    /// Sorted by file, position, rule; suppressed findings included (marked).
    pub findings: Vec<Finding>,
    /// Files that could not be read (exit code 2); the others were linted.
    pub errors: Vec<DiscoveryError>,
    /// Findings not suppressed and at or above their project's fail threshold.
    pub failing: usize,
}

/// Lints each project in parallel. Each file is read and parsed once per project;
/// every rule reads the same model. A file in several projects (a base file under
/// its variants) is shown once, and findings identical in two projects are
/// reported once. Then, over the whole run: inline suppressions, unused
/// suppressions, and the baseline.
pub fn lint_jobs(
    jobs: &[ProjectJob],
    options: &LoadOptions,
    cwd: &Path,
    settings: &[Settings],
) -> LintRun {
    let results: Vec<Result<LintedProject, DiscoveryError>> = jobs
        .par_iter()
        .map(|job| {
            for path in &job.paths {
                check_readable(path, cwd).map_err(|message| DiscoveryError {
                    path: path.clone(),
                    message,
                })?;
            }
            let project = load_paths(&job.paths, options, cwd);
            // `settings` has an entry for every job's index (the caller builds both).
            let findings = match settings.get(job.settings) {
                Some(s) => configured_findings(&project, s, cwd),
                None => Vec::new(),
            };
            Ok(into_linted(project, findings))
        })
        .collect();
    let mut run = LintRun::default();
    // Sized up front: growing these as projects are merged moved every finding
    // already merged, a twentieth of a 2,000-file run, on this one thread.
    let (mut findings, mut files) = (0, 0);
    for linted in results.iter().flatten() {
        findings += linted.findings.len();
        files += linted.sources.len();
    }
    run.findings.reserve(findings);
    run.sources.reserve(files + results.len());
    let mut owners: Vec<usize> = Vec::with_capacity(findings);
    // This part runs on one thread: fast hashing, sized up front.
    type Fast = foldhash::fast::RandomState;
    let mut ids: HashMap<PathBuf, FileId, Fast> =
        HashMap::with_capacity_and_hasher(jobs.len(), Fast::default());
    // Identical findings (a file shared by two projects) are kept once. Where a
    // rule and a position were first reported is enough to compare against, with
    // no copy of the message; the rare second message at the same place is kept
    // whole.
    let mut first_at: HashMap<(&'static str, Span), usize, Fast> =
        HashMap::with_capacity_and_hasher(findings, Fast::default());
    let mut others: HashSet<(&'static str, Span, String), Fast> = HashSet::default();
    let mut suppressions: HashMap<FileId, FileSuppressions> = HashMap::new();
    for (job, result) in jobs.iter().zip(results) {
        let job_settings = settings.get(job.settings);
        match result {
            Ok(linted) => {
                let mut local = Vec::with_capacity(linted.sources.len());
                let files = linted.sources.into_iter().zip(linted.real_paths);
                for ((mut source, key), directives) in files.zip(linted.directives) {
                    let id = match ids.get(&key) {
                        Some(id) => *id,
                        None => {
                            let id = run.sources.next_id();
                            source.id = id;
                            run.sources.add(source);
                            ids.insert(key, id);
                            if !directives.is_empty() {
                                suppressions.insert(
                                    id,
                                    FileSuppressions {
                                        directives: remap_directives(directives, id),
                                        enabled: HashSet::new(),
                                        unused: None,
                                        registry: job_settings
                                            .map(|s| s.registry.clone())
                                            .unwrap_or_default(),
                                        owner: job.settings,
                                    },
                                );
                            }
                            id
                        }
                    };
                    if let (Some(file), Some(s)) = (suppressions.get_mut(&id), job_settings) {
                        file.enabled.extend(s.rules.iter().map(|r| r.meta().code));
                        if s.is_enabled(UnusedSuppression::META.code) {
                            file.unused = Some(s.severity(&UnusedSuppression::META));
                        }
                    }
                    local.push(id);
                }
                for mut finding in linted.findings {
                    remap(&mut finding, &local);
                    let key = (finding.code, finding.primary.span);
                    let new = match first_at.get(&key) {
                        None => {
                            first_at.insert(key, run.findings.len());
                            true
                        }
                        Some(&at) if run.findings[at].message == finding.message => false,
                        Some(_) => others.insert((key.0, key.1, finding.message.clone())),
                    };
                    if new {
                        run.findings.push(finding);
                        owners.push(job.settings);
                    }
                }
            }
            // A file in several projects (a base under its variants) is reported once.
            Err(err) if run.errors.iter().any(|e| e.path == err.path) => {}
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

    let unused = suppression::apply(&mut suppressions, &mut run.findings, &run.sources);
    for finding in unused {
        let owner = suppressions
            .get(&finding.primary.span.file)
            .map_or(0, |f| f.owner);
        run.findings.push(finding);
        owners.push(owner);
    }
    sort_together(&mut run.findings, &mut owners);
    apply_baselines(&mut run, &owners, settings);
    run.failing = run
        .findings
        .iter()
        .zip(&owners)
        .filter(|(f, owner)| {
            let threshold = settings
                .get(**owner)
                .map_or(Severity::Warning, |s| s.fail_on);
            f.suppression.is_none() && f.severity >= threshold
        })
        .count();
    run
}

/// The project's findings with its settings applied: enabled rules at their
/// configured severity, per-file ignores, per-service exceptions.
fn configured_findings(project: &Project, settings: &Settings, cwd: &Path) -> Vec<Finding> {
    let mut findings = run_rules(project, &settings.rules, |meta| settings.severity(meta));
    if settings.has_per_file_ignores() {
        let absolute: Vec<PathBuf> = project
            .files
            .iter()
            .map(|f| {
                let path = cwd.join(&f.source.path);
                std::fs::canonicalize(&path).unwrap_or(path)
            })
            .collect();
        findings.retain(|f| {
            absolute
                .get(f.primary.span.file.0 as usize)
                .is_none_or(|path| !settings.ignored_in(f.code, path))
        });
    }
    for finding in &mut findings {
        settings.apply_exceptions(finding);
    }
    findings
}

/// Splits a loaded project into what the run keeps: sources and the suppression
/// comments of its compose files (env files have no YAML comments to read).
/// Above this much source text, a project's trees and model are freed on a
/// thread of their own: for a file of several megabytes, freeing millions of small
/// allocations is a fifth of the run, and nothing waits for it.
const FREE_IN_BACKGROUND: usize = 1 << 20;

fn into_linted(mut project: Project, findings: Vec<Finding>) -> LintedProject {
    let files = std::mem::take(&mut project.files);
    let text: usize = files.iter().map(|f| f.source.text.len()).sum();
    let mut sources = Vec::with_capacity(files.len());
    let mut real_paths = Vec::with_capacity(files.len());
    let mut directives = Vec::with_capacity(files.len());
    let mut parsed = Vec::with_capacity(files.len());
    for file in files {
        directives.push(match file.role {
            FileRole::Compose => suppression::directives(&file.source, &file.yaml.comments),
            FileRole::Env => Vec::new(),
        });
        real_paths.push(file.real_path.unwrap_or_else(|| file.source.path.clone()));
        sources.push(file.source);
        parsed.push(file.yaml);
    }
    if text >= FREE_IN_BACKGROUND {
        // If no thread can be started, the closure (and so everything) is dropped
        // here instead.
        let _ = std::thread::Builder::new()
            .name("lashing-free".into())
            .spawn(move || drop((project, parsed)));
    }
    LintedProject {
        sources,
        real_paths,
        findings,
        directives,
    }
}

/// Points a file's directives (read with the project's file id) at the run's id.
fn remap_directives(mut directives: Vec<Parsed>, id: FileId) -> Vec<Parsed> {
    for parsed in &mut directives {
        match parsed {
            Parsed::Directive(d) => {
                for s in &mut d.selectors {
                    s.span.file = id;
                }
            }
            Parsed::Malformed(m) => m.span.file = id,
        }
    }
    directives
}

/// Sorts findings in output order, keeping each one's owner beside it.
fn sort_together(findings: &mut Vec<Finding>, owners: &mut Vec<usize>) {
    // The order is found on indices, and each finding moved once: a finding is a
    // few hundred bytes, and a large run has thousands.
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by(|&a, &b| findings[a].sort_key().cmp(&findings[b].sort_key()));
    let mut slots: Vec<Option<(Finding, usize)>> =
        findings.drain(..).zip(owners.drain(..)).map(Some).collect();
    for at in order {
        // `order` is a permutation of the slots' indices: each is taken once.
        if let Some((finding, owner)) = slots.get_mut(at).and_then(Option::take) {
            findings.push(finding);
            owners.push(owner);
        }
    }
}

/// Marks the findings each project's baseline lists as suppressed.
fn apply_baselines(run: &mut LintRun, owners: &[usize], settings: &[Settings]) {
    for (index, s) in settings.iter().enumerate() {
        let Some(baseline) = &s.baseline else {
            continue;
        };
        if !owners.contains(&index) {
            continue;
        }
        baseline.suppress(&run.sources, &mut run.findings, |i| owners[i] == index);
    }
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
    for path in paths {
        check_readable(path, cwd)?;
    }
    Ok(load_paths(paths, options, cwd))
}

/// Lints one file's bytes as a project of its own, with nothing around it (stdin,
/// fixtures): the rules at their default severity, then the file's inline
/// suppressions. Returns the project's sources and its findings, sorted, the
/// suppressed ones marked.
pub fn lint_source(
    id: FileId,
    path: PathBuf,
    display_path: String,
    bytes: Vec<u8>,
    rules: &[&'static dyn Rule],
) -> (Vec<SourceFile>, Vec<Finding>) {
    let (source, read_error) = SourceFile::from_bytes(id, path, display_path, bytes);
    let project = load_text(source, read_error);
    let mut findings = lint_project(&project, rules);
    let unused = rules
        .iter()
        .any(|r| r.meta().code == UnusedSuppression::META.code)
        .then_some(UnusedSuppression::META.severity);
    suppress_in_project(&project, &mut findings, rules, rules, unused);
    let sources = project.files.into_iter().map(|f| f.source).collect();
    (sources, findings)
}

/// Lints one loaded project with `settings`, as `check` would report it on its
/// own: configured rules and severities, per-file ignores, exceptions, inline
/// suppressions and the baseline. For commands that show one project (`graph`).
pub fn lint_configured(project: &Project, settings: &Settings, cwd: &Path) -> Vec<Finding> {
    let mut findings = configured_findings(project, settings, cwd);
    let unused = settings
        .is_enabled(UnusedSuppression::META.code)
        .then(|| settings.severity(&UnusedSuppression::META));
    let sources = suppress_in_project(
        project,
        &mut findings,
        &settings.registry,
        &settings.rules,
        unused,
    );
    if let Some(baseline) = &settings.baseline {
        baseline.suppress(&sources, &mut findings, |_| true);
    }
    findings
}

/// Applies a single project's inline suppressions to its findings (adding the
/// `unused-suppression` ones) and leaves them sorted. Returns the project's
/// sources as a map, for what needs positions next.
fn suppress_in_project(
    project: &Project,
    findings: &mut Vec<Finding>,
    registry: &[&'static dyn Rule],
    enabled: &[&'static dyn Rule],
    unused: Option<Severity>,
) -> SourceMap {
    let mut map = SourceMap::new();
    let mut suppressions = HashMap::new();
    for file in &project.files {
        if file.role == FileRole::Compose {
            let directives = suppression::directives(&file.source, &file.yaml.comments);
            if !directives.is_empty() {
                suppressions.insert(
                    file.source.id,
                    FileSuppressions {
                        directives,
                        enabled: enabled.iter().map(|r| r.meta().code).collect(),
                        unused,
                        registry: registry.to_vec(),
                        owner: 0,
                    },
                );
            }
        }
        map.add(file.source.clone());
    }
    let unused = suppression::apply(&mut suppressions, findings, &map);
    findings.extend(unused);
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    map
}

/// Runs `rules` over a loaded project at their default severities: the graph is
/// built once and every rule reads it. Findings are sorted.
pub fn lint_project(project: &Project, rules: &[&'static dyn Rule]) -> Vec<Finding> {
    run_rules(project, rules, |meta| meta.severity)
}

fn run_rules(
    project: &Project,
    rules: &[&'static dyn Rule],
    severity: impl Fn(&RuleMeta) -> Severity,
) -> Vec<Finding> {
    let graph = ProjectGraph::build(&project.model);
    let mut findings = Vec::new();
    for rule in rules {
        let meta = rule.meta();
        let mut cx = Context::new(project, &graph, meta, severity(meta));
        rule.check(&mut cx);
        findings.extend(cx.into_findings());
    }
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    findings
}

/// A path named on the command line must be a regular file: `/dev/zero` or a FIFO
/// must not block or exhaust the run (the loader reads at most the size limit).
/// Whether a file named by the user can be linted: a regular file that, through
/// any symbolic links, stays inside the repository holding the name given.
fn check_readable(path: &Path, cwd: &Path) -> Result<(), String> {
    // One lookup for the common case: the name itself, then its target only when
    // it is a link.
    use crate::folders::Kind;
    let Some(kind) = crate::folders::entry(path) else {
        // Only to say why: the folder's listing has nothing by that name.
        return Err(match std::fs::symlink_metadata(path) {
            Err(e) => io_message(&e),
            Ok(_) => "no such file or directory".to_string(),
        });
    };
    let is_link = kind == Kind::Link;
    let is_file = match kind {
        Kind::File => true,
        Kind::Link => std::fs::metadata(path)
            .map_err(|e| io_message(&e))?
            .is_file(),
        Kind::Dir | Kind::Other => false,
    };
    if !is_file {
        return Err("not a regular file".to_string());
    }
    // Links in the folders above are already resolved in the repository root
    // (it is found from the real folder); only a link in the file's own name can
    // lead out of it.
    if !is_link {
        return Ok(());
    }
    let root = repository_root(path, cwd);
    match std::fs::canonicalize(path) {
        Ok(target) if !target.starts_with(&root) => Err(format!(
            "a symbolic link to {}, outside the repository; lashing does not read it",
            target.display()
        )),
        Ok(_) => Ok(()),
        Err(e) => Err(io_message(&e)),
    }
}
