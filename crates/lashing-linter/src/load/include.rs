//! `include:` (compose-go `loader/include.go`): each item is loaded as a project of
//! its own (its own folder and `.env`, the parent's variables winning), and its
//! services, networks, volumes, secrets, configs and models are brought in; a local
//! definition of the same name is merged over the included one.

use std::collections::HashMap;
use std::path::Path;

use lashing_compose::merge::merge_files;
use lashing_compose::tree::{Node, Value};
use lashing_rule::Variable;
use lashing_syntax::Span;

use super::{env, files, parent_dir, Loader};

/// The top-level sections an include brings in.
const IMPORTED: &[&str] = &[
    "services", "networks", "volumes", "secrets", "configs", "models",
];

/// Longest chain of files including each other that is followed (compose-go sets
/// none; real projects nest two or three). Past it the `include` is left out, with a
/// finding.
pub const MAX_INCLUDE_DEPTH: usize = 32;

/// One `include` item: `- path` or `- {path, project_directory, env_file}`.
struct Item {
    paths: Vec<(String, Span)>,
    project_directory: Option<String>,
    env_files: Vec<(String, Span)>,
}

impl Loader<'_> {
    /// Replaces `tree`'s `include` by what it includes, the local definitions merged
    /// over the included ones. `stack` holds the files being loaded (for cycles).
    pub(super) fn resolve_includes(
        &mut self,
        tree: &mut Node,
        dir: &Path,
        variables: &HashMap<String, Variable>,
        stack: &mut Vec<usize>,
    ) {
        let Some(entries) = tree.as_mapping_mut() else {
            return;
        };
        let Some(position) = entries.iter().position(|e| e.key.text == "include") else {
            return;
        };
        let include = entries.remove(position).value;
        let items: Vec<Item> = include
            .as_sequence()
            .unwrap_or(&[])
            .iter()
            .filter_map(item)
            .collect();
        if self.disk.is_none() {
            return;
        }
        let mut imported: Option<Node> = None;
        for item in items {
            let Some(included) = self.load_item(&item, dir, variables, stack) else {
                continue;
            };
            let mut sections = keep_sections(included);
            match &mut imported {
                None => imported = Some(sections),
                Some(base) => {
                    sections.tag = None;
                    merge_files(base, sections);
                }
            }
        }
        if let Some(mut base) = imported {
            let placeholder = Node::null(base.span);
            merge_files(&mut base, std::mem::replace(tree, placeholder));
            *tree = base;
        }
    }

    fn load_item(
        &mut self,
        item: &Item,
        dir: &Path,
        parent: &HashMap<String, Variable>,
        stack: &mut Vec<usize>,
    ) -> Option<Node> {
        let (first, _) = item.paths.first()?;
        let project_dir = match &item.project_directory {
            Some(p) => files::join(dir, p),
            None => parent_dir(&files::join(dir, first)),
        };
        // The included project's variables: the parent's win over its env files.
        let mut variables = parent.clone();
        if item.env_files.is_empty() {
            let dotenv = project_dir.join(".env");
            if crate::folders::entry(&dotenv).is_some() {
                self.fill_env(&dotenv, None, &mut variables);
            }
        } else {
            for (written, span) in &item.env_files {
                if written == "/dev/null" {
                    continue;
                }
                self.fill_env(&files::join(dir, written), Some(*span), &mut variables);
            }
        }
        let mut merged = None;
        for (written, span) in &item.paths {
            let path = files::join(dir, written);
            let Some(index) = self.read_compose(&path, Some(*span), false) else {
                continue;
            };
            if stack.len() >= MAX_INCLUDE_DEPTH {
                self.refer(
                    *span,
                    format!(
                        "`include` chain is more than {MAX_INCLUDE_DEPTH} files deep; \
                         lashing stops following it here"
                    ),
                    "include the files directly from the top-level compose file",
                );
                continue;
            }
            if stack.contains(&index) {
                self.refer(
                    *span,
                    format!("include cycle: `{written}` is already being included"),
                    "remove the `include` that leads back to this file",
                );
                continue;
            }
            stack.push(index);
            self.merge_file_in(index, &variables, &mut merged, stack);
            stack.pop();
        }
        merged
    }

    fn fill_env(
        &mut self,
        path: &Path,
        at: Option<Span>,
        variables: &mut HashMap<String, Variable>,
    ) {
        let outer = variables.clone();
        let Some((source, index)) = self.read_env(path, false, &outer) else {
            return;
        };
        if let (None, Some(error), Some(span)) = (index, &source.error, at) {
            self.refer(
                span,
                error.clone(),
                "point `env_file` at a file inside this repository",
            );
        }
        let file = index.and_then(|i| self.files.get(i)).map(|f| &f.source);
        env::fill_from(variables, &source, file);
    }
}

fn item(node: &Node) -> Option<Item> {
    if let Some(path) = node.as_str() {
        return Some(Item {
            paths: vec![(path.to_string(), node.span)],
            project_directory: None,
            env_files: Vec::new(),
        });
    }
    let strings = |n: Option<&Node>| -> Vec<(String, Span)> {
        match n.map(|n| &n.value) {
            Some(Value::Sequence(items)) => items
                .iter()
                .filter_map(|i| Some((i.as_str()?.to_string(), i.span)))
                .collect(),
            Some(Value::Scalar(_)) => n
                .and_then(|n| Some((n.as_str()?.to_string(), n.span)))
                .into_iter()
                .collect(),
            _ => Vec::new(),
        }
    };
    Some(Item {
        paths: strings(node.get("path")),
        project_directory: node
            .get("project_directory")
            .and_then(Node::as_str)
            .map(str::to_string),
        env_files: strings(node.get("env_file")),
    })
}

/// The resource sections of an included project's tree.
fn keep_sections(mut tree: Node) -> Node {
    if let Some(entries) = tree.as_mapping_mut() {
        entries.retain(|e| IMPORTED.contains(&e.key.text.as_str()));
    }
    tree
}
