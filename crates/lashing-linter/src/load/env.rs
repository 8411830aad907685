//! The variables Compose interpolates a project with, and each env file as a
//! project file that findings can point into.

use std::collections::HashMap;

use lashing_compose::dotenv;
use lashing_rule::{EnvSource, VarOrigin, Variable};
use lashing_syntax::{FileId, SourceFile, Span};

/// A parsed env file, and its source for the project's file list.
pub struct ReadEnvFile {
    pub env: EnvSource,
    pub source: Option<SourceFile>,
}

/// Parses an env file's text the way compose-go's dotenv does. Interpolation inside
/// it sees `outer` (the process environment with `--use-env`, or the parent
/// project's variables) and keys defined earlier in the file.
pub fn parse_env_file(
    id: FileId,
    source: SourceFile,
    outer: &dyn Fn(&str) -> Option<String>,
) -> ReadEnvFile {
    let display = source.display_path.clone();
    let text = source.text.trim_start_matches('\u{feff}');
    let env = match dotenv::parse(text) {
        Ok(parsed) => EnvSource {
            display,
            vars: dotenv::resolve(&parsed, outer)
                .into_iter()
                .map(|(key, value, line)| (key, (value, line)))
                .collect(),
            error: None,
            file: Some(id),
        },
        Err(err) => EnvSource {
            display,
            vars: HashMap::new(),
            error: Some(err.to_string()),
            file: Some(id),
        },
    };
    ReadEnvFile {
        env,
        source: Some(source),
    }
}

/// An env file that could not be read.
pub fn unreadable(display: String, error: String) -> ReadEnvFile {
    ReadEnvFile {
        env: EnvSource {
            display,
            vars: HashMap::new(),
            error: Some(error),
            file: None,
        },
        source: None,
    }
}

/// Adds an env file's variables to `variables` without overwriting (compose-go's
/// `Mapping.Merge`: what is already set wins).
pub fn fill_from(
    variables: &mut HashMap<String, Variable>,
    env: &EnvSource,
    source: Option<&SourceFile>,
) {
    for (name, (value, line)) in &env.vars {
        variables.entry(name.clone()).or_insert_with(|| Variable {
            value: value.clone(),
            origin: VarOrigin::EnvFile {
                display: env.display.clone(),
                line: *line,
                span: source.and_then(|s| line_span(s, *line)),
            },
        });
    }
}

/// The process environment, for `--use-env`.
pub fn process_variables() -> HashMap<String, Variable> {
    std::env::vars_os()
        .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?)))
        .map(|(name, value)| {
            (
                name,
                Variable {
                    value,
                    origin: VarOrigin::Process,
                },
            )
        })
        .collect()
}

/// The span of a 1-based line, without its line break.
fn line_span(source: &SourceFile, line: usize) -> Option<Span> {
    let start = source.line_index.line_start(u32::try_from(line).ok()?)?;
    let end = source.text[start..]
        .find('\n')
        .map_or(source.text.len(), |e| start + e);
    let end = if source.text[..end].ends_with('\r') {
        end - 1
    } else {
        end
    };
    Some(source.span(start, end))
}
