//! Every compose file of the shared real-world corpus, validated. These are files
//! `docker compose` accepts, so any violation is either a genuine schema violation
//! (listed in `GENUINE` with the reason) or a bug here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use lashing_syntax::{FileId, LineIndex};

/// `(file suffix, line, message)` of the violations judged genuine.
const GENUINE: &[(&str, u32, &str)] = &[];

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "yml" || e == "yaml") {
            out.push(path);
        }
    }
}

#[test]
fn corpus_has_no_unexpected_violations() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    if !dir.is_dir() {
        println!("skipped: {} is absent", dir.display());
        return;
    }
    let mut files = Vec::new();
    collect(&dir, &mut files);
    assert!(
        !files.is_empty(),
        "no compose files under {}",
        dir.display()
    );
    let mut unexpected = Vec::new();
    let mut genuine_seen = 0;
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let yaml = lashing_syntax::yaml::parse(FileId(0), &text);
        if yaml.error.is_some() {
            println!("{}: YAML error, skipped", path.display());
            continue;
        }
        let lines = LineIndex::new(&text);
        for document in &yaml.documents {
            let (Some(root), _) = lashing_compose::tree::from_document(document) else {
                continue;
            };
            for v in lashing_schema::validate(&root) {
                let line = lines.line_col(&text, v.span.start as usize).line;
                let shown = format!(
                    "{}:{line}: {:?}: {}{}",
                    path.strip_prefix(&dir).unwrap_or(path).display(),
                    v.kind,
                    v.message,
                    v.help
                        .as_deref()
                        .map(|h| format!(" (help: {h})"))
                        .unwrap_or_default()
                );
                println!("{shown}");
                let allowed = GENUINE.iter().any(|(suffix, l, message)| {
                    path.ends_with(suffix) && *l == line && v.message == *message
                });
                if allowed {
                    genuine_seen += 1;
                } else {
                    unexpected.push(shown);
                }
            }
        }
    }
    println!("{} files validated", files.len());
    assert_eq!(
        genuine_seen,
        GENUINE.len(),
        "an allow-listed violation is no longer found"
    );
    assert!(
        unexpected.is_empty(),
        "unexpected violations:\n{}",
        unexpected.join("\n")
    );
}
