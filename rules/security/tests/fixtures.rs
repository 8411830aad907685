//! Every fail_ fixture fires, every pass_ fixture stays silent; the rendered reports
//! are snapshots a reviewer reads.

use std::path::Path;

#[test]
fn fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let results = lashing_linter::testing::check_fixtures(lashing_rules_security::RULES, &dir)
        .unwrap_or_else(|problems| panic!("{problems}"));
    for result in results {
        insta::assert_snapshot!(result.name.replace('/', "__"), result.rendered);
    }
}
