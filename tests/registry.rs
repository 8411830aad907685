#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The rule registry: unique codes and names, complete docs, and documented
//! examples that really behave as documented.

use std::collections::HashSet;

use lashing_cli::registry::all_rules;
use lashing_linter::testing::lint_text;

#[test]
fn codes_and_names_are_unique_and_well_formed() {
    let mut codes = HashSet::new();
    let mut names = HashSet::new();
    for rule in all_rules() {
        let m = rule.meta();
        assert!(codes.insert(m.code), "duplicate code {}", m.code);
        assert!(names.insert(m.name), "duplicate name {}", m.name);
        assert!(
            m.name.split('-').all(|w| !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.')),
            "{} is not kebab-case",
            m.name
        );
        assert!(
            m.code.len() == 4
                && m.code.starts_with('L')
                && m.code[1..].chars().all(|c| c.is_ascii_digit()),
            "{}: code {} is not L + 3 digits",
            m.name,
            m.code
        );
        assert!(
            !m.summary.ends_with('.'),
            "{}: summary should not end with a period",
            m.name
        );
    }
}

#[test]
fn every_rule_has_the_four_doc_sections() {
    for rule in all_rules() {
        let m = rule.meta();
        let docs = m.documentation();
        let mut last = 0;
        for heading in [
            "## What it does",
            "## Why is this bad?",
            "## Example",
            "## Use instead",
        ] {
            let at = docs
                .find(heading)
                .unwrap_or_else(|| panic!("{}: missing `{heading}`", m.name));
            assert!(at >= last, "{}: `{heading}` out of order", m.name);
            last = at;
        }
    }
}

#[test]
fn documented_examples_fire_and_fixes_stay_silent() {
    for rule in all_rules() {
        let m = rule.meta();
        let bad = m.examples("Example");
        let good = m.examples("Use instead");
        assert!(
            !bad.is_empty() && !good.is_empty(),
            "{}: needs a yaml example in both sections",
            m.name
        );
        for example in bad {
            let (findings, _) = lint_text(rule, "example.yaml", &example);
            assert!(
                findings.iter().any(|f| f.rule == m.name),
                "{}: the documented example does not fire:\n{example}",
                m.name
            );
        }
        for example in good {
            let (findings, rendered) = lint_text(rule, "example.yaml", &example);
            assert!(
                findings.is_empty(),
                "{}: the `Use instead` example fires:\n{rendered}",
                m.name
            );
        }
    }
}
