//! `lashing check` on one file of arbitrary bytes: read, parse, load, every rule,
//! suppressions, then every output format. Nothing may panic, and every finding
//! must point inside the text.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use lashing_cli::registry::all_rules;
use lashing_cli::rule_infos;
use lashing_diagnostics::render::{render, Format, FullOptions, Report, RuleInfo};
use lashing_diagnostics::Summary;
use lashing_linter::lint_source;
use lashing_rule::Rule;
use lashing_syntax::{FileId, SourceMap};
use libfuzzer_sys::fuzz_target;

fn rules() -> &'static [&'static dyn Rule] {
    static RULES: OnceLock<Vec<&'static dyn Rule>> = OnceLock::new();
    RULES.get_or_init(all_rules)
}

fn infos() -> &'static [RuleInfo] {
    static INFOS: OnceLock<Vec<RuleInfo>> = OnceLock::new();
    INFOS.get_or_init(rule_infos)
}

fuzz_target!(|data: &[u8]| {
    let (sources, findings) = lint_source(
        FileId(0),
        PathBuf::from("compose.yaml"),
        "compose.yaml".into(),
        data.to_vec(),
        rules(),
    );
    let mut map = SourceMap::new();
    for source in sources {
        map.add(source);
    }
    for finding in &findings {
        let spans = std::iter::once(finding.primary.span)
            .chain(finding.related.iter().map(|label| label.span));
        for span in spans {
            // The property under test: every finding points into a file of the run
            // (a panic here is the fuzzer's report of a broken invariant).
            let file = map.get(span.file).expect("a finding's file is in the run");
            assert!(
                file.text.get(span.range()).is_some(),
                "{}: span {span:?} is not a char range of the {}-byte text",
                finding.code,
                file.text.len()
            );
        }
    }
    let report = Report {
        sources: &map,
        findings: &findings,
        summary: Summary::new(map.files().len(), &findings),
        tool_version: "fuzz",
        rules: infos(),
        show_suppressed: true,
    };
    let full = FullOptions {
        color: true,
        width: 100,
        quiet: false,
    };
    for format in Format::ALL {
        let mut out = Vec::new();
        // Invariant: renderers fail only when their writer does, and a Vec never
        // refuses a write.
        render(&mut out, *format, &report, &full).expect("rendering into memory cannot fail");
        if matches!(format, Format::Json | Format::Sarif | Format::Gitlab) {
            let value: Result<serde_json::Value, _> = serde_json::from_slice(&out);
            assert!(value.is_ok(), "{} output is not JSON", format.as_str());
        }
    }
});
