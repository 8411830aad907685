//! `lashing graph`: the picture of a project people look at before they read a
//! report. Services grouped by network, `depends_on` and implicit dependencies, URL
//! references found in environment values, published ports, and every finding of the
//! selected rules drawn in red on the edge or node it is about.
//!
//! The command reads and lints each file the way `check` does, builds a
//! format-neutral [`picture::ProjectPicture`] per file, places each finding on an
//! element of it ([`marks`]), and hands the pictures to one renderer
//! ([`mermaid`], [`dot`], [`json`]). The conventions are documented in docs/graph.md.

mod dot;
mod escape;
mod json;
mod marks;
mod mermaid;
mod picture;

use std::io::Write;
use std::path::PathBuf;

use lashing_graph::ProjectGraph;
use lashing_linter::{discover, lint_configured, load_project, plan_jobs, projects};

use crate::args::{GraphArgs, GraphFormat};
use crate::{error, exit};

use picture::ProjectPicture;

pub fn run(args: &GraphArgs) -> u8 {
    let overrides = lashing_linter::Overrides {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        ..Default::default()
    };
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let root = args.path.clone().unwrap_or_else(|| PathBuf::from("."));
    let (discovery, projects) = if args.load.files.is_empty() {
        let discovery = discover(std::slice::from_ref(&root));
        let projects = projects(&discovery.files);
        (discovery, projects)
    } else {
        let discovery = discover(&args.load.files);
        (discovery, vec![args.load.files.clone()])
    };
    let options = args.load.options();
    // The same settings as `check` (lashing.toml, the command line), so the
    // findings drawn are the ones `check` reports.
    let registry = crate::registry::all_rules();
    let (jobs, settings) =
        match plan_jobs(projects, &registry, &overrides, &args.config.source(), &cwd) {
            Ok(planned) => planned,
            Err(errors) => {
                for e in errors {
                    error(e);
                }
                return exit::ERROR;
            }
        };

    let mut pictures = Vec::with_capacity(discovery.files.len());
    let mut failed = false;
    for err in &discovery.errors {
        error(crate::check::path_error(err));
        failed = true;
    }
    for job in &jobs {
        let path = job.paths.first().cloned().unwrap_or_default();
        let Some(job_settings) = settings.get(job.settings) else {
            continue;
        };
        match load_project(&job.paths, &options, &cwd) {
            Ok(project) => {
                let mut findings = lint_configured(&project, job_settings, &cwd);
                findings.retain(|f| f.suppression.is_none());
                let graph = ProjectGraph::build(&project.model);
                pictures.push(ProjectPicture::build(&project, &graph, &findings));
            }
            Err(message) => {
                error(format!("{}: {message}", path.display()));
                failed = true;
            }
        }
    }
    if discovery.files.is_empty() && discovery.errors.is_empty() {
        error(format!("no compose files found in {}", root.display()));
        return exit::ERROR;
    }
    if pictures.is_empty() {
        // Every path failed (reported above): there is nothing to draw.
        return exit::ERROR;
    }

    let text = match args.format {
        GraphFormat::Mermaid => mermaid::render(&pictures),
        GraphFormat::Dot => dot::render(&pictures),
        GraphFormat::Json => json::render(&pictures),
    };
    let mut stdout = std::io::stdout().lock();
    if let Err(err) = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        if err.kind() != std::io::ErrorKind::BrokenPipe {
            error(format!("could not write the graph: {err}"));
            return exit::ERROR;
        }
    }
    if failed {
        exit::ERROR
    } else {
        exit::OK
    }
}
