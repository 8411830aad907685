//! Byte offset <-> line/column mapping.
//!
//! Lines are 1-based. Columns are 1-based and count Unicode scalar values (what the
//! JSON and SARIF outputs promise); UTF-16 code units are available for the language
//! server. `\n`, `\r\n` and a lone `\r` all end a line, as in YAML. A UTF-8 byte order
//! mark is not a column: the first character after it is column 1.

/// A 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineCol {
    pub line: u32,
    pub column: u32,
}

#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset where each line's content starts. The first entry skips a BOM.
    line_starts: Vec<u32>,
    /// Whether each line is all ASCII: its columns are then byte distances, found
    /// without counting characters. This keeps many findings on one long line (a
    /// minified flow mapping) linear instead of quadratic.
    ascii_lines: Vec<bool>,
    len: u32,
}

const BOM: &str = "\u{feff}";

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let first = if text.starts_with(BOM) { BOM.len() } else { 0 };
        let mut line_starts = Vec::with_capacity(bytes.len() / 32 + 1);
        let mut ascii_lines = Vec::with_capacity(bytes.len() / 32 + 1);
        line_starts.push(to_u32(first));
        let mut ascii = true;
        let mut i = first;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => {
                    line_starts.push(to_u32(i + 1));
                    ascii_lines.push(ascii);
                    ascii = true;
                }
                b'\r' if bytes.get(i + 1) != Some(&b'\n') => {
                    line_starts.push(to_u32(i + 1));
                    ascii_lines.push(ascii);
                    ascii = true;
                }
                b if !b.is_ascii() => ascii = false,
                _ => {}
            }
            i += 1;
        }
        ascii_lines.push(ascii);
        LineIndex {
            line_starts,
            ascii_lines,
            len: to_u32(bytes.len()),
        }
    }

    /// Byte offset where the 1-based `line` starts, if it exists.
    pub fn line_start(&self, line: u32) -> Option<usize> {
        let i = usize::try_from(line).ok()?.checked_sub(1)?;
        self.line_starts.get(i).map(|&o| o as usize)
    }

    fn line_of(&self, offset: u32) -> usize {
        // partition_point gives the number of line starts <= offset; the line is the
        // last of them. The first start is 0 or the BOM length, so an offset inside a
        // BOM still maps to line 1.
        self.line_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// Line and column of a byte offset, columns in Unicode scalar values. Offsets
    /// past the end clamp to the end; offsets inside a character count as that
    /// character.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        self.position(text, offset, |s| s.chars().count())
    }

    /// Line and column with the column in UTF-16 code units (for LSP clients).
    pub fn line_col_utf16(&self, text: &str, offset: usize) -> LineCol {
        self.position(text, offset, |s| s.chars().map(char::len_utf16).sum())
    }

    fn position(&self, text: &str, offset: usize, width: impl Fn(&str) -> usize) -> LineCol {
        let offset = floor_char_boundary(text, offset.min(self.len as usize));
        let line = self.line_of(to_u32(offset));
        let start = (self.line_starts[line] as usize).min(offset);
        // `ascii_lines` has one entry per line start; an ASCII character is one
        // column in every width.
        let column = if self.ascii_lines.get(line).copied().unwrap_or(false) {
            offset - start + 1
        } else {
            width(text.get(start..offset).unwrap_or("")) + 1
        };
        LineCol {
            line: to_u32(line + 1),
            column: to_u32(column),
        }
    }

    /// The inclusive end position of the byte range `start..end`: the position of its
    /// last character (the start itself for an empty range).
    pub fn end_line_col(&self, text: &str, start: usize, end: usize) -> LineCol {
        if end <= start {
            return self.line_col(text, start);
        }
        let last = floor_char_boundary(text, end.min(text.len()).saturating_sub(1));
        self.line_col(text, last.max(start))
    }

    /// Byte offset of a 1-based line and column (Unicode scalar values); the inverse of
    /// [`LineIndex::line_col`]. `None` when the line does not exist or the column is past
    /// the end of the line.
    pub fn offset(&self, text: &str, pos: LineCol) -> Option<usize> {
        let start = self.line_start(pos.line)?;
        let end = self
            .line_start(pos.line + 1)
            .unwrap_or(self.len as usize)
            .min(text.len());
        let line = text.get(start..end)?;
        let want = usize::try_from(pos.column).ok()?.checked_sub(1)?;
        let mut chars = line.char_indices();
        match chars.nth(want) {
            Some((i, _)) => Some(start + i),
            None if line.chars().count() == want => Some(end),
            None => None,
        }
    }
}

fn to_u32(n: usize) -> u32 {
    // Texts are limited to MAX_FILE_SIZE bytes, far below u32::MAX.
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
#[path = "line_index_test.rs"]
mod tests;

#[cfg(test)]
#[path = "line_index_props.rs"]
mod props;
