//! The engine: find the files, read each once, run the selected rules over each
//! project in parallel, and return findings in one deterministic order.
//!
//! The engine takes the rule registry as an argument instead of depending on the
//! rule crates, so rule crates can use it (through [`testing`]) in their own tests.

pub mod baseline;
pub mod config;
mod discovery;
mod engine;
mod folders;
mod ignore_rules;
mod jobs;
mod load;
mod projects;
mod settings;
pub mod suppression;
pub mod testing;
mod walk;

pub use discovery::{discover, display_path, is_compose_file_name, Discovery, DiscoveryError};
pub use engine::{
    lint_configured, lint_jobs, lint_project, lint_source, load_project, LintRun, ProjectJob,
};
pub use jobs::{plan_jobs, ConfigSource};
pub use load::{
    load_paths, load_text, repository_root, LoadOptions, MAX_EXTENDS_DEPTH, MAX_INCLUDE_DEPTH,
};
pub use projects::projects;
pub use settings::{
    selects, validate_selector, Overrides, Settings, SettingsError, UnknownSelector,
};
