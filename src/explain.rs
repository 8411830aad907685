//! `lashing explain RULE`: the same text as the rule's page in docs/rules/.

use std::io::Write;

use lashing_rule::did_you_mean;

use crate::args::ExplainArgs;
use crate::{docs, error, exit, registry};

pub fn run(args: &ExplainArgs) -> u8 {
    let Some(rule) = registry::find(&args.rule) else {
        let rules = registry::all_rules();
        let suggestion = did_you_mean(&args.rule, rules.iter().map(|r| r.meta().name))
            .map(|s| format!(" (did you mean `{s}`?)"))
            .unwrap_or_default();
        error(format!(
            "unknown rule `{}`{suggestion}; `lashing rules` lists them",
            args.rule
        ));
        return exit::ERROR;
    };
    let page = docs::rule_page(rule.meta());
    match std::io::stdout().lock().write_all(page.as_bytes()) {
        Ok(()) => exit::OK,
        Err(_) => exit::ERROR,
    }
}
