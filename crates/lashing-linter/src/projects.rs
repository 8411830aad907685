//! Which files make a project, the way `docker compose` forms it in a folder.

use std::path::{Path, PathBuf};

use lashing_compose::dotenv;

/// Base file names, in the order Compose looks for them.
const BASE_NAMES: &[&str] = &[
    "compose.yaml",
    "compose.yml",
    "docker-compose.yml",
    "docker-compose.yaml",
];

/// Override file names, in the order Compose looks for them.
const OVERRIDE_NAMES: &[&str] = &[
    "compose.override.yml",
    "compose.override.yaml",
    "docker-compose.override.yml",
    "docker-compose.override.yaml",
];

/// The projects that lint the discovered `files`, each a list of compose files in
/// merge order, without duplicates:
/// - the folder's base file with its override (`compose.override.yaml`);
/// - each variant (`compose.prod.yaml`) merged over the folder's base file;
/// - `COMPOSE_FILE` from the folder's `.env`, when it names the file;
/// - any other file on its own.
///
/// A hook that passes only an override or a variant still gets the whole project.
pub fn projects(files: &[PathBuf]) -> Vec<Vec<PathBuf>> {
    use rayon::prelude::*;
    // Each file costs a few file-system lookups (the folder's other compose files,
    // its `.env`): in parallel, then de-duplicated in the files' order.
    let all: Vec<Vec<PathBuf>> = files.par_iter().map(|file| project_of(file)).collect();
    // The first of each project is kept; the set borrows them rather than copying
    // every project's paths.
    let mut seen: std::collections::HashSet<&[PathBuf], foldhash::fast::RandomState> =
        std::collections::HashSet::with_capacity_and_hasher(all.len(), Default::default());
    let keep: Vec<bool> = all.iter().map(|project| seen.insert(project)).collect();
    drop(seen);
    all.into_iter()
        .zip(keep)
        .filter_map(|(project, kept)| kept.then_some(project))
        .collect()
}

fn project_of(file: &Path) -> Vec<PathBuf> {
    let dir = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Some(name) = file.file_name().and_then(|n| n.to_str()) else {
        return vec![file.to_path_buf()];
    };
    let folder = crate::folders::Folder::of(&dir);
    if let Some(listed) = compose_file_variable(&dir, &folder) {
        if listed.iter().any(|p| same_file(p, file)) {
            return listed;
        }
    }
    let existing = |names: &[&str]| {
        names
            .iter()
            .find(|n| folder.is_file(n))
            .map(|n| dir.join(n))
    };
    let base = existing(BASE_NAMES);
    let is_base = base.as_ref().is_some_and(|b| same_file(b, file));
    let is_override = OVERRIDE_NAMES.contains(&name);
    if is_base || (is_override && base.is_some()) {
        let mut project: Vec<PathBuf> = base.into_iter().collect();
        project.extend(existing(OVERRIDE_NAMES));
        return project;
    }
    let is_variant =
        !BASE_NAMES.contains(&name) && !is_override && crate::discovery::is_compose_file_name(name);
    match base {
        Some(base) if is_variant => vec![base, file.to_path_buf()],
        _ => vec![file.to_path_buf()],
    }
}

/// `COMPOSE_FILE` from the folder's `.env`: the files `docker compose` would use
/// there (separated by `:` or `;`, relative to the folder).
fn compose_file_variable(dir: &Path, folder: &crate::folders::Folder) -> Option<Vec<PathBuf>> {
    if folder.kind(".env") != Some(crate::folders::Kind::File) {
        return None;
    }
    let dotenv_path = dir.join(".env");
    let bytes = crate::load::read_capped(&dotenv_path, crate::load::MAX_ENV_FILE_SIZE).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let parsed = dotenv::parse(&text).ok()?;
    let vars = dotenv::resolve(&parsed, &|_| None);
    let separator = vars
        .iter()
        .find(|(k, _, _)| k == "COMPOSE_PATH_SEPARATOR")
        .map(|(_, v, _)| v.clone());
    let (_, value, _) = vars.into_iter().find(|(k, _, _)| k == "COMPOSE_FILE")?;
    let parts: Vec<PathBuf> = match separator.as_deref() {
        Some(sep) if !sep.is_empty() => value.split(sep).map(|p| dir.join(p.trim())).collect(),
        _ => value
            .split([':', ';'])
            .filter(|p| !p.trim().is_empty())
            .map(|p| dir.join(p.trim()))
            .collect(),
    };
    // Only files inside the folder: `.env` is not the user naming files to read.
    let inside = |p: &PathBuf| {
        p.strip_prefix(dir).is_ok_and(|rel| {
            rel.components()
                .all(|c| matches!(c, std::path::Component::Normal(_)))
        })
    };
    (!parts.is_empty()
        && parts
            .iter()
            .all(|p| inside(p) && crate::folders::is_file(p)))
    .then_some(parts)
}

fn same_file(a: &Path, b: &Path) -> bool {
    if a == b {
        return true;
    }
    match (
        crate::folders::canonical_file(a),
        crate::folders::canonical_file(b),
    ) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}
