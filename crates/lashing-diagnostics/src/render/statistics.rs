//! `--statistics`: how many findings each rule has, most first, instead of the
//! findings themselves. The first thing to read when turning lashing on in a
//! repository that has never been linted.

use std::collections::HashMap;
use std::io::{self, Write};

use serde::Serialize;

use super::{write_json, Report};

#[derive(Serialize)]
struct RuleCount {
    code: &'static str,
    name: &'static str,
    severity: &'static str,
    count: usize,
}

/// Counts of the shown findings per rule: as text (`count  code  name`), or as a
/// JSON array when `json` is set.
pub fn render(out: &mut dyn Write, report: &Report<'_>, json: bool) -> io::Result<()> {
    let mut counts: HashMap<&'static str, RuleCount> = HashMap::new();
    for f in report.shown() {
        counts
            .entry(f.code)
            .or_insert_with(|| RuleCount {
                code: f.code,
                name: f.rule,
                severity: f.severity.as_str(),
                count: 0,
            })
            .count += 1;
    }
    let mut rows: Vec<RuleCount> = counts.into_values().collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
    if json {
        return write_json(out, &rows);
    }
    let width = rows.iter().map(|r| r.count.to_string().len()).max();
    let name_width = rows.iter().map(|r| r.name.len()).max().unwrap_or(0);
    for r in &rows {
        writeln!(
            out,
            "{:>w$}  {:<5} {:<nw$}  {}",
            r.count,
            r.code,
            r.name,
            r.severity,
            w = width.unwrap_or(1),
            nw = name_width
        )?;
    }
    Ok(())
}
