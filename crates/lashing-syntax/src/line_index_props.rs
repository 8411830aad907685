//! Laws of the line index, over arbitrary text (any mix of `\n`, `\r\n`, lone `\r`,
//! multi-byte characters and a byte order mark).

use proptest::prelude::*;

use super::{LineCol, LineIndex, BOM};

/// Text made mostly of line breaks and characters of every UTF-8 width, so that
/// the interesting cases are common.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("a".to_string()),
        Just("é".to_string()),
        Just("€".to_string()),
        Just("𝄞".to_string()),
        any::<char>().prop_map(String::from),
    ];
    (any::<bool>(), prop::collection::vec(piece, 0..60)).prop_map(|(bom, pieces)| {
        let mut s = if bom { BOM.to_string() } else { String::new() };
        s.extend(pieces);
        s
    })
}

/// Every char boundary of `text` after the byte order mark (the mark has no column
/// of its own: offset 0 and offset 3 are both line 1, column 1).
fn offsets(text: &str) -> impl Iterator<Item = usize> + '_ {
    let first = if text.starts_with(BOM) { BOM.len() } else { 0 };
    (first..=text.len()).filter(|&o| text.is_char_boundary(o))
}

proptest! {
    #[test]
    fn offset_to_position_and_back(text in text()) {
        let index = LineIndex::new(&text);
        for offset in offsets(&text) {
            let pos = index.line_col(&text, offset);
            prop_assert_eq!(index.offset(&text, pos), Some(offset), "position {:?}", pos);
        }
    }

    #[test]
    fn positions_grow_with_offsets(text in text()) {
        let index = LineIndex::new(&text);
        let positions: Vec<LineCol> =
            offsets(&text).map(|offset| index.line_col(&text, offset)).collect();
        for pair in positions.windows(2) {
            prop_assert!(pair[0] < pair[1], "{:?} then {:?}", pair[0], pair[1]);
        }
    }

    #[test]
    fn lines_are_counted_as_yaml_counts_them(text in text()) {
        let index = LineIndex::new(&text);
        let breaks = text.matches("\r\n").count()
            + text.matches('\n').count()
            + text.matches('\r').count()
            - 2 * text.matches("\r\n").count();
        let last = index.line_col(&text, text.len());
        prop_assert_eq!(last.line as usize, breaks + 1);
        prop_assert!(index.line_start(last.line + 1).is_none());
    }

    #[test]
    fn utf16_columns_never_fall_behind_scalar_columns(text in text()) {
        let index = LineIndex::new(&text);
        for offset in offsets(&text) {
            let scalar = index.line_col(&text, offset);
            let utf16 = index.line_col_utf16(&text, offset);
            prop_assert_eq!(scalar.line, utf16.line);
            prop_assert!(utf16.column >= scalar.column);
        }
    }
}
