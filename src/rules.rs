//! `lashing rules`.

use std::io::Write;

use serde::Serialize;

use crate::args::{RulesArgs, RulesFormat};
use crate::{exit, registry};

#[derive(Serialize)]
struct RuleInfo {
    code: &'static str,
    name: &'static str,
    category: &'static str,
    severity: &'static str,
    default_enabled: bool,
    fixable: &'static str,
    summary: &'static str,
    url: String,
}

pub fn run(args: &RulesArgs) -> u8 {
    let rules: Vec<RuleInfo> = registry::all_rules()
        .iter()
        .map(|r| {
            let m = r.meta();
            RuleInfo {
                code: m.code,
                name: m.name,
                category: m.category.as_str(),
                severity: m.severity.as_str(),
                default_enabled: m.default_enabled,
                fixable: m.fixable.as_str(),
                summary: m.summary,
                url: m.docs_url(),
            }
        })
        .collect();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = match args.format {
        RulesFormat::Json => serde_json::to_writer_pretty(&mut out, &rules)
            .map_err(std::io::Error::other)
            .and_then(|()| writeln!(out)),
        RulesFormat::Text => write_table(&mut out, &rules),
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => exit::OK,
        Err(_) => exit::ERROR,
    }
}

fn write_table(out: &mut dyn Write, rules: &[RuleInfo]) -> std::io::Result<()> {
    let width = rules.iter().map(|r| r.name.len()).max().unwrap_or(4);
    writeln!(
        out,
        "{:<5} {:<width$} {:<13} {:<8} {:<8} {:<6} summary",
        "code", "name", "category", "severity", "default", "fix"
    )?;
    for r in rules {
        writeln!(
            out,
            "{:<5} {:<width$} {:<13} {:<8} {:<8} {:<6} {}",
            r.code,
            r.name,
            r.category,
            r.severity,
            if r.default_enabled { "on" } else { "off" },
            r.fixable,
            r.summary
        )?;
    }
    Ok(())
}
