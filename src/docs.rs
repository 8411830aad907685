//! Rule documentation pages, generated from the rules' doc comments. The committed
//! `docs/rules/` is checked against this by a test.

use lashing_rule::{Category, Rule, RuleMeta};

/// The page of one rule (also what `lashing explain` prints).
pub fn rule_page(meta: &RuleMeta) -> String {
    format!(
        "# {name} ({code})\n\n\
         {summary}.\n\n\
         | category | default severity | enabled by default | fix |\n\
         |---|---|---|---|\n\
         | {category} | {severity} | {enabled} | {fix} |\n\n\
         {docs}\n",
        name = meta.name,
        code = meta.code,
        summary = meta.summary,
        category = meta.category.as_str(),
        severity = meta.severity.as_str(),
        enabled = if meta.default_enabled { "yes" } else { "no" },
        fix = meta.fixable.as_str(),
        docs = meta.documentation(),
    )
}

/// `docs/rules/README.md`: every rule by category.
pub fn rules_index(rules: &[&'static dyn Rule]) -> String {
    let mut out = String::from(
        "# Rules\n\n\
         Generated from the rules' source by `LASHING_UPDATE_DOCS=1 cargo test -p lashing --test docs`; \
         do not edit by hand. `lashing rules` prints the same list, `lashing explain <rule>` one page.\n\n\
         | code | name | category | severity | default | summary |\n\
         |---|---|---|---|---|---|\n",
    );
    for rule in rules {
        let m = rule.meta();
        out.push_str(&format!(
            "| {} | [{}]({}.md) | {} | {} | {} | {} |\n",
            m.code,
            m.name,
            m.name,
            m.category.as_str(),
            m.severity.as_str(),
            if m.default_enabled { "on" } else { "off" },
            m.summary
        ));
    }
    out
}

/// `docs/lashing.schema.json`: the configuration's JSON schema, with every rule
/// name and category offered for selectors.
pub fn config_schema() -> String {
    let rules = crate::registry::all_rules();
    let mut selectors: Vec<String> = vec!["all".to_string()];
    selectors.extend(Category::ALL.iter().map(|c| c.as_str().to_string()));
    selectors.extend(rules.iter().map(|r| r.meta().name.to_string()));
    lashing_linter::config::json_schema::json_schema(&selectors)
}

/// The "What it does" section of a rule's documentation, as one paragraph (SARIF's
/// `fullDescription`).
pub fn what_it_does(meta: &RuleMeta) -> String {
    let docs = meta.documentation();
    let mut lines = Vec::new();
    let mut inside = false;
    for line in docs.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            if inside {
                break;
            }
            inside = heading.trim() == "What it does";
            continue;
        }
        if inside {
            lines.push(line.trim());
        }
    }
    let text = lines
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if text.is_empty() {
        format!("{}.", meta.summary)
    } else {
        text
    }
}
