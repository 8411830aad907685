//! Rule metadata: the single source of truth for codes, names and defaults.

use lashing_diagnostics::Severity;

/// Rule families. The category decides where a rule lives and whether it is on by
/// default (hardening advice is opt-in).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    Schema,
    Networking,
    Startup,
    Ports,
    Interpolation,
    Security,
    Hardening,
    /// lashing's own comments (`# lashing: ignore[...]`).
    Suppression,
}

impl Category {
    pub const ALL: &'static [Category] = &[
        Category::Schema,
        Category::Networking,
        Category::Startup,
        Category::Ports,
        Category::Interpolation,
        Category::Security,
        Category::Hardening,
        Category::Suppression,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::Schema => "schema",
            Category::Networking => "networking",
            Category::Startup => "startup",
            Category::Ports => "ports",
            Category::Interpolation => "interpolation",
            Category::Security => "security",
            Category::Hardening => "hardening",
            Category::Suppression => "suppression",
        }
    }

    pub fn parse(s: &str) -> Option<Category> {
        Category::ALL.iter().copied().find(|c| c.as_str() == s)
    }
}

/// Whether the rule can offer an automatic fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fixable {
    No,
    Sometimes,
    Always,
}

impl Fixable {
    pub fn as_str(self) -> &'static str {
        match self {
            Fixable::No => "no",
            Fixable::Sometimes => "sometimes",
            Fixable::Always => "always",
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct RuleMeta {
    /// Stable short code, e.g. `L104`.
    pub code: &'static str,
    /// Stable kebab-case name from the rule catalog, e.g. `obsolete-version`.
    pub name: &'static str,
    pub category: Category,
    pub severity: Severity,
    pub default_enabled: bool,
    pub fixable: Fixable,
    /// One line: what the rule finds.
    pub summary: &'static str,
    /// The rule's doc comment (Markdown, one leading space per line as rustdoc
    /// leaves it); see [`RuleMeta::documentation`].
    pub docs: &'static str,
}

impl RuleMeta {
    /// The documentation as Markdown, with rustdoc's leading space removed.
    pub fn documentation(&self) -> String {
        let mut out = String::with_capacity(self.docs.len());
        for line in self.docs.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        out.trim_end().to_string()
    }

    /// The YAML blocks under a `## <heading>` section of the docs.
    pub fn examples(&self, heading: &str) -> Vec<String> {
        let docs = self.documentation();
        let mut out = Vec::new();
        let mut in_section = false;
        let mut block: Option<String> = None;
        for line in docs.lines() {
            if let Some(h) = line.strip_prefix("## ") {
                in_section = h.trim() == heading;
                continue;
            }
            if !in_section {
                continue;
            }
            match (&mut block, line.trim_start()) {
                (None, l) if l.starts_with("```yaml") => block = Some(String::new()),
                (Some(_), "```") => out.extend(block.take()),
                (Some(b), _) => {
                    b.push_str(line);
                    b.push('\n');
                }
                _ => {}
            }
        }
        out
    }

    pub fn docs_url(&self) -> String {
        format!(
            "https://github.com/lashing-dev/lashing/blob/main/docs/rules/{}.md",
            self.name
        )
    }
}
