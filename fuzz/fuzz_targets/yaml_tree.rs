//! The YAML layer on arbitrary bytes: decoding (UTF-8, NUL, size), the event
//! parser and tree builder, merge-key resolution over every mapping, and the
//! conversion to the compose value tree.
#![no_main]

use std::path::PathBuf;

use lashing_syntax::yaml::{self, MergeResolver};
use lashing_syntax::{FileId, SourceFile};
use libfuzzer_sys::fuzz_target;

fn assert_in_text(source: &SourceFile, span: lashing_syntax::Span) {
    assert!(
        source.text.get(span.range()).is_some(),
        "span {span:?} is not a char range of the {}-byte text",
        source.text.len()
    );
    let _ = source.span_positions(span);
}

fuzz_target!(|data: &[u8]| {
    let (source, _read_error) = SourceFile::from_bytes(
        FileId(0),
        PathBuf::from("f.yaml"),
        "f.yaml".into(),
        data.to_vec(),
    );
    let file = yaml::parse(FileId(0), &source.text);
    // Every span the tree hands out must be inside the text, on char boundaries:
    // renderers slice the text with it.
    for doc in &file.documents {
        let mut resolver = MergeResolver::new(doc);
        for id in doc.node_ids() {
            assert_in_text(&source, doc.span(id));
            let _ = resolver.entries(id);
        }
        let _ = resolver.take_errors();
        let _ = lashing_compose::tree::from_document(doc);
    }
    for key in &file.duplicate_keys {
        assert_in_text(&source, key.first);
        assert_in_text(&source, key.repeat);
    }
    if let Some(error) = &file.error {
        assert_in_text(&source, error.span);
    }
});
