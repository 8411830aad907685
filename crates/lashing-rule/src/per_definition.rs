//! Reporting a value that is wrong in itself once, at its definition.
//!
//! A healthcheck or port written once under an anchor and used by five services is
//! one mistake: the catalog's reporting rules ask for one finding at the definition
//! that names the services using it, not five findings at five aliases.

use std::collections::HashMap;

use lashing_syntax::Span;

use crate::{Context, Report};

/// Findings keyed by the span of the value at fault.
#[derive(Debug, Default)]
pub struct PerDefinition {
    entries: Vec<Entry>,
    index: HashMap<Span, usize>,
}

#[derive(Debug)]
struct Entry {
    report: Report,
    users: Vec<(String, Option<Span>)>,
}

impl PerDefinition {
    pub fn new() -> Self {
        PerDefinition::default()
    }

    /// Records that `service` uses the faulty value defined at `definition`, through
    /// `use_site` (an alias or merge key) if it came through one. `make` builds the
    /// report, at `definition`, the first time the definition is seen.
    pub fn add(
        &mut self,
        definition: Span,
        use_site: Option<Span>,
        service: &str,
        make: impl FnOnce() -> Report,
    ) {
        let slot = *self.index.entry(definition).or_insert_with(|| {
            self.entries.push(Entry {
                report: make(),
                users: Vec::new(),
            });
            self.entries.len() - 1
        });
        self.entries[slot]
            .users
            .push((service.to_string(), use_site));
    }

    /// Emits one finding per definition: with its service when one service uses it
    /// directly, else naming every service and pointing at each use site.
    pub fn report_all(self, cx: &mut Context<'_>) {
        for entry in self.entries {
            let mut report = entry.report;
            match entry.users.as_slice() {
                [(service, None)] => report = report.service(service.clone()),
                users => {
                    if let [(service, _)] = users {
                        report = report.service(service.clone());
                    } else {
                        let names: Vec<String> =
                            users.iter().map(|(s, _)| format!("`{s}`")).collect();
                        report = report.append_message(format!(" (used by {})", names.join(", ")));
                    }
                    for (service, site) in users {
                        if let Some(site) = site {
                            report = report.related(*site, format!("used by `{service}`"));
                        }
                    }
                }
            }
            cx.report(report);
        }
    }
}
