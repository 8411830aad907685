//! Byte spans tied to the file they point into.

/// Identifies a file in a [`crate::SourceMap`]. Spans carry it so that a finding on a
/// value merged from another file (an override, an `extends` base) points into that file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FileId(pub u32);

/// A half-open byte range `start..end` in one file.
///
/// Offsets are `u32`: files above [`crate::MAX_FILE_SIZE`] are refused before parsing,
/// so every offset fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(file: FileId, start: usize, end: usize) -> Self {
        // Offsets come from texts no larger than MAX_FILE_SIZE (< u32::MAX), so the
        // conversion cannot truncate; saturate anyway rather than panic.
        let start = u32::try_from(start).unwrap_or(u32::MAX);
        let end = u32::try_from(end).unwrap_or(u32::MAX).max(start);
        Span { file, start, end }
    }

    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// A sub-span of this span, given a byte range relative to its start (for example
    /// the host inside a URL scalar). Clamped to this span.
    pub fn sub(&self, rel: std::ops::Range<usize>) -> Span {
        let len = self.len();
        let start = rel.start.min(len);
        let end = rel.end.clamp(start, len);
        Span::new(
            self.file,
            self.start as usize + start,
            self.start as usize + end,
        )
    }

    /// The smallest span covering both (same file assumed; the first one's file wins).
    pub fn cover(&self, other: Span) -> Span {
        Span {
            file: self.file,
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}
