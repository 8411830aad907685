//! Which rules run: `--select`, `--ignore` by name, code, category or `all`.

use lashing_rule::{did_you_mean, Category, Rule};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectionError {
    pub selector: String,
    pub suggestion: Option<String>,
}

impl std::fmt::Display for SelectionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown rule, code or category `{}`", self.selector)?;
        if let Some(s) = &self.suggestion {
            write!(f, " (did you mean `{s}`?)")?;
        }
        Ok(())
    }
}

/// The enabled rules, in registry order.
pub struct RuleSelection {
    pub rules: Vec<&'static dyn Rule>,
}

impl RuleSelection {
    /// `select`: `None` means the rules enabled by default; otherwise exactly the
    /// rules matching a selector. `ignore` then removes matching rules.
    pub fn new(
        registry: &[&'static dyn Rule],
        select: Option<&[String]>,
        ignore: &[String],
    ) -> Result<RuleSelection, SelectionError> {
        for selector in select.unwrap_or(&[]).iter().chain(ignore) {
            validate(registry, selector)?;
        }
        let rules = registry
            .iter()
            .copied()
            .filter(|rule| match select {
                None => rule.meta().default_enabled,
                Some(selectors) => selectors.iter().any(|s| matches(*rule, s)),
            })
            .filter(|rule| !ignore.iter().any(|s| matches(*rule, s)))
            .collect();
        Ok(RuleSelection { rules })
    }
}

fn matches(rule: &dyn Rule, selector: &str) -> bool {
    let meta = rule.meta();
    selector == "all"
        || selector == meta.name
        || selector.eq_ignore_ascii_case(meta.code)
        || selector == meta.category.as_str()
}

fn validate(registry: &[&'static dyn Rule], selector: &str) -> Result<(), SelectionError> {
    if registry.iter().any(|r| matches(*r, selector)) || selector == "all" {
        return Ok(());
    }
    // A category with no rules yet is still a valid selector.
    if Category::parse(selector).is_some() {
        return Ok(());
    }
    let names = registry
        .iter()
        .map(|r| r.meta().name)
        .chain(Category::ALL.iter().map(|c| c.as_str()));
    Err(SelectionError {
        selector: selector.to_string(),
        suggestion: did_you_mean(selector, names).map(str::to_string),
    })
}
