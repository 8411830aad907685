//! Interpolation: `${...}` in values that Compose cannot read, or fills with
//! something other than what the author meant. The loader interpolates every value
//! once (as compose-go does) and records each problem; these rules report them.

mod invalid_interpolation;
mod required_variable_unset;
mod undefined_variable;

pub use invalid_interpolation::InvalidInterpolation;
pub use required_variable_unset::RequiredVariableUnset;
pub use undefined_variable::UndefinedVariable;

use lashing_compose::tree::{InterpolationIssue, IssueKind};
use lashing_rule::{Context, LoadProblem, ProjectEnv, Rule};

/// The rules of this crate, in code order.
pub static RULES: &[&dyn Rule] = &[
    &InvalidInterpolation,
    &UndefinedVariable,
    &RequiredVariableUnset,
];

/// The interpolation issues of the project that `select` keeps.
fn issues<'a>(
    cx: &Context<'a>,
    select: impl Fn(&IssueKind) -> bool + 'a,
) -> impl Iterator<Item = &'a InterpolationIssue> + 'a {
    cx.project().problems.iter().filter_map(move |p| match p {
        LoadProblem::Interpolation(issue) if select(&issue.kind) => Some(issue),
        _ => None,
    })
}

/// Where lashing looked for the variable, for messages.
fn where_looked(env: &ProjectEnv) -> String {
    match &env.dotenv {
        Some(dotenv) => format!("not set in {}", dotenv.display),
        None => "not set (no .env file next to the compose file)".to_string(),
    }
}
