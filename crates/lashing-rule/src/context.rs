//! The context a rule reports to.

use lashing_diagnostics::{Finding, Label, Severity};
use lashing_syntax::Span;

use lashing_graph::ProjectGraph;

use crate::{Project, RuleMeta, VarOrigin};

/// A finding as a rule describes it; the context adds code, name and severity.
#[derive(Debug, Clone)]
pub struct Report {
    message: String,
    primary: Label,
    help: Option<String>,
    related: Vec<Label>,
    service: Option<String>,
    /// Whether the context may add where an interpolated value came from.
    provenance: bool,
}

impl Report {
    /// A finding at `span` saying `message` (what is wrong, in the project's terms).
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        Report {
            message: message.into(),
            primary: Label {
                span,
                message: String::new(),
            },
            help: None,
            related: Vec::new(),
            service: None,
            provenance: true,
        }
    }

    /// A short label under the primary span.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.primary.message = label.into();
        self
    }

    /// How to fix it.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Another place that explains the finding.
    pub fn related(mut self, span: Span, message: impl Into<String>) -> Self {
        self.related.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    /// Adds to the message (e.g. the services that share a faulty definition).
    pub fn append_message(mut self, more: impl AsRef<str>) -> Self {
        self.message.push_str(more.as_ref());
        self
    }

    /// For a rule whose message already says what interpolation made of the value.
    pub fn without_provenance(mut self) -> Self {
        self.provenance = false;
        self
    }

    pub fn service(mut self, service: impl Into<String>) -> Self {
        self.service = Some(service.into());
        self
    }
}

pub struct Context<'a> {
    project: &'a Project,
    graph: &'a ProjectGraph<'a>,
    meta: &'static RuleMeta,
    severity: Severity,
    findings: Vec<Finding>,
}

impl<'a> Context<'a> {
    pub fn new(
        project: &'a Project,
        graph: &'a ProjectGraph<'a>,
        meta: &'static RuleMeta,
        severity: Severity,
    ) -> Self {
        Context {
            project,
            graph,
            meta,
            severity,
            findings: Vec::new(),
        }
    }

    pub fn project(&self) -> &'a Project {
        self.project
    }

    /// The project graph, built once for all rules.
    pub fn graph(&self) -> &'a ProjectGraph<'a> {
        self.graph
    }

    pub fn model(&self) -> &'a lashing_compose::ComposeFile {
        &self.project.model
    }

    pub fn report(&mut self, report: Report) {
        let report = self.with_provenance(report);
        self.findings.push(Finding {
            code: self.meta.code,
            rule: self.meta.name,
            category: self.meta.category.as_str(),
            severity: self.severity,
            message: report.message,
            primary: report.primary,
            help: report.help,
            related: report.related,
            service: report.service,
            suppression: None,
        });
    }

    /// A finding on text that interpolation produced says where the value came
    /// from: "`${DB_URL}` is `...` from .env:3", with a label on that line.
    fn with_provenance(&self, mut report: Report) -> Report {
        use lashing_compose::interpolation::ValueSource;
        if !report.provenance {
            return report;
        }
        let Some(site) = self.project.substitution_at(report.primary.span) else {
            return report;
        };
        let written = &site.name;
        match site.source {
            ValueSource::Variable => {
                let origin = self.project.env.variables.get(written).map(|v| &v.origin);
                let place =
                    origin.map_or_else(|| "the environment".to_string(), VarOrigin::describe);
                report = report
                    .append_message(format!(" (`{written}` is `{}`, from {place})", site.value));
                if let Some(VarOrigin::EnvFile {
                    span: Some(span), ..
                }) = origin
                {
                    report = report.related(*span, format!("`{written}` is set here"));
                }
            }
            ValueSource::Default => {
                report = report.append_message(format!(
                    " (`{}` is the default written for `{written}`, which is not set)",
                    site.value
                ));
            }
            ValueSource::Replacement | ValueSource::Unset => {}
        }
        report
    }

    pub fn into_findings(self) -> Vec<Finding> {
        self.findings
    }
}
