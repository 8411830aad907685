//! The engine: find the files, read each once, run the selected rules over each
//! project in parallel, and return findings in one deterministic order.
//!
//! The engine takes the rule registry as an argument instead of depending on the
//! rule crates, so rule crates can use it (through [`testing`]) in their own tests.

mod discovery;
mod engine;
mod load;
mod projects;
mod selection;
pub mod testing;

pub use discovery::{discover, display_path, is_compose_file_name, Discovery, DiscoveryError};
pub use engine::{lint_files, lint_project, lint_projects, lint_source, load_project, LintRun};
pub use load::{load_paths, load_text, repository_root, LoadOptions};
pub use projects::projects;
pub use selection::{RuleSelection, SelectionError};
