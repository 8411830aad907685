//! Unit tests of `line_index` (private items, so they live beside it).

use super::*;

fn lc(line: u32, column: u32) -> LineCol {
    LineCol { line, column }
}

#[test]
fn lf_lines() {
    let t = "a: 1\nbb: 2\n";
    let ix = LineIndex::new(t);
    assert_eq!(ix.line_col(t, 0), lc(1, 1));
    assert_eq!(ix.line_col(t, 3), lc(1, 4));
    assert_eq!(ix.line_col(t, 5), lc(2, 1));
    assert_eq!(ix.line_col(t, 9), lc(2, 5));
    assert_eq!(ix.line_col(t, 100), lc(3, 1));
}

#[test]
fn crlf_and_lone_cr() {
    let t = "a\r\nb\rc\n";
    let ix = LineIndex::new(t);
    assert_eq!(ix.line_col(t, 3), lc(2, 1));
    assert_eq!(ix.line_col(t, 5), lc(3, 1));
    assert_eq!(
        ix.line_col(t, 1),
        lc(1, 2),
        "the CR of CRLF belongs to line 1"
    );
}

#[test]
fn bom_is_not_a_column() {
    let t = "\u{feff}key: v";
    let ix = LineIndex::new(t);
    assert_eq!(ix.line_col(t, 3), lc(1, 1));
    assert_eq!(ix.line_col(t, 8), lc(1, 6));
    assert_eq!(ix.line_col(t, 0), lc(1, 1));
}

#[test]
fn unicode_columns() {
    let t = "é: 😀x";
    let ix = LineIndex::new(t);
    let x = t.find('x').unwrap();
    assert_eq!(ix.line_col(t, x), lc(1, 5));
    assert_eq!(ix.line_col_utf16(t, x), lc(1, 6));
    assert_eq!(
        ix.line_col(t, 1),
        lc(1, 1),
        "inside a character counts as it"
    );
}

#[test]
fn inclusive_end() {
    let t = "ab\ncd";
    let ix = LineIndex::new(t);
    assert_eq!(ix.end_line_col(t, 0, 2), lc(1, 2));
    assert_eq!(ix.end_line_col(t, 3, 3), lc(2, 1));
}

#[test]
fn offset_round_trips() {
    let t = "\u{feff}a: é\r\nb: 😀\rc\n\nd";
    let ix = LineIndex::new(t);
    for (i, _) in t.char_indices().filter(|&(i, _)| i >= 3) {
        let pos = ix.line_col(t, i);
        assert_eq!(ix.offset(t, pos), Some(i), "offset {i} -> {pos:?}");
    }
}
