//! Every rule lashing has, in code order. Registration is this explicit list (no
//! link-time collection, which can silently drop rules).

use lashing_rule::Rule;

pub fn all_rules() -> Vec<&'static dyn Rule> {
    let mut rules: Vec<&'static dyn Rule> = Vec::new();
    rules.extend_from_slice(lashing_rules_schema::RULES);
    rules.extend_from_slice(lashing_rules_networking::RULES);
    rules.extend_from_slice(lashing_rules_startup::RULES);
    rules.extend_from_slice(lashing_rules_ports::RULES);
    rules.extend_from_slice(lashing_rules_interpolation::RULES);
    rules.extend_from_slice(lashing_rules_security::RULES);
    // Reported by the engine once a run's findings are known (see its docs).
    rules.push(&lashing_linter::suppression::UnusedSuppression);
    rules.sort_by_key(|r| r.meta().code);
    rules
}

/// A rule by name or code.
pub fn find(selector: &str) -> Option<&'static dyn Rule> {
    all_rules()
        .into_iter()
        .find(|r| r.meta().name == selector || r.meta().code.eq_ignore_ascii_case(selector))
}
