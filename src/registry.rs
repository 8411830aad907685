//! Every rule lashing has, in code order. Registration is this explicit list (no
//! link-time collection, which can silently drop rules).

use lashing_linter::RuleSelection;
use lashing_rule::Rule;

pub fn all_rules() -> Vec<&'static dyn Rule> {
    let mut rules: Vec<&'static dyn Rule> = Vec::new();
    rules.extend_from_slice(lashing_rules_schema::RULES);
    rules.extend_from_slice(lashing_rules_networking::RULES);
    rules.extend_from_slice(lashing_rules_startup::RULES);
    rules.extend_from_slice(lashing_rules_ports::RULES);
    rules.extend_from_slice(lashing_rules_interpolation::RULES);
    rules.extend_from_slice(lashing_rules_security::RULES);
    rules.sort_by_key(|r| r.meta().code);
    rules
}

/// A rule by name or code.
pub fn find(selector: &str) -> Option<&'static dyn Rule> {
    all_rules()
        .into_iter()
        .find(|r| r.meta().name == selector || r.meta().code.eq_ignore_ascii_case(selector))
}

/// The rules `--select`/`--ignore` choose from every rule, for the commands that
/// lint (`check`, `graph`). An invalid selection is reported on stderr; `None`
/// then means "exit with the usage error".
pub fn selection(select: Option<&[String]>, ignore: &[String]) -> Option<RuleSelection> {
    let registry = all_rules();
    match RuleSelection::new(&registry, select, ignore) {
        Ok(selection) => Some(selection),
        Err(err) => {
            crate::error(err);
            None
        }
    }
}
