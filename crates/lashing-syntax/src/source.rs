//! Source files as lashing reads them: bytes checked for size, encoding and binary
//! content before any parsing, so a hostile file becomes a finding with a position.

use std::path::PathBuf;

use crate::{FileId, LineCol, LineIndex, Span};

/// Files larger than this are not parsed; they get a "file too large" finding.
/// 16 MiB is far above any real compose file (the largest public ones are a few
/// hundred KiB) and keeps memory bounded when a repository holds a huge YAML dump.
pub const MAX_FILE_SIZE: usize = 16 * 1024 * 1024;

/// Why a file's bytes cannot be read as YAML text. The span is where to point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    TooLarge { size: usize },
    InvalidUtf8 { offset: usize },
    Binary { offset: usize },
}

impl ReadError {
    pub fn message(&self) -> String {
        match self {
            ReadError::TooLarge { size } if *size > MAX_FILE_SIZE + 1 => format!(
                "file is {:.1} MiB, above the {} MiB limit lashing reads",
                *size as f64 / (1024.0 * 1024.0),
                MAX_FILE_SIZE / (1024 * 1024)
            ),
            // Reading stops one byte past the limit, so the exact size is unknown.
            ReadError::TooLarge { .. } => format!(
                "file is larger than the {} MiB limit lashing reads",
                MAX_FILE_SIZE / (1024 * 1024)
            ),
            ReadError::InvalidUtf8 { offset: 0 } => {
                "not UTF-8 (a UTF-16 or UTF-32 file?): lashing reads UTF-8 only; save the file as UTF-8"
                    .to_string()
            }
            ReadError::InvalidUtf8 { .. } => {
                "invalid UTF-8 at this byte: lashing reads UTF-8 text; save the file as UTF-8".to_string()
            }
            ReadError::Binary { .. } => {
                "binary content (a NUL byte): this is not a YAML text file".to_string()
            }
        }
    }

    pub fn offset(&self) -> usize {
        match self {
            ReadError::TooLarge { .. } => 0,
            ReadError::InvalidUtf8 { offset } | ReadError::Binary { offset } => *offset,
        }
    }
}

/// One file's text and line index. The text is what positions refer to.
/// Cloned only where a single project is shown on its own (`graph`).
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub id: FileId,
    pub path: PathBuf,
    /// The path as shown to users (relative to the working directory, `/` separators).
    pub display_path: String,
    pub text: String,
    pub line_index: LineIndex,
}

impl SourceFile {
    pub fn new(id: FileId, path: PathBuf, display_path: String, text: String) -> Self {
        let line_index = LineIndex::new(&text);
        SourceFile {
            id,
            path,
            display_path,
            text,
            line_index,
        }
    }

    /// Decode raw bytes. Always returns a file (so a finding can show its context);
    /// the error says why the content must not be parsed.
    pub fn from_bytes(
        id: FileId,
        path: PathBuf,
        display_path: String,
        bytes: Vec<u8>,
    ) -> (SourceFile, Option<ReadError>) {
        if bytes.len() > MAX_FILE_SIZE {
            let size = bytes.len();
            let file = SourceFile::new(id, path, display_path, String::new());
            return (file, Some(ReadError::TooLarge { size }));
        }
        match String::from_utf8(bytes) {
            Ok(text) => {
                let binary = text.find('\0').map(|offset| ReadError::Binary { offset });
                (SourceFile::new(id, path, display_path, text), binary)
            }
            Err(err) => {
                let offset = err.utf8_error().valid_up_to();
                // The lossy text is identical up to `offset`, so positions up to the
                // bad byte are exact; the rest is only shown as context.
                let text = String::from_utf8_lossy(err.as_bytes()).into_owned();
                let file = SourceFile::new(id, path, display_path, text);
                (file, Some(ReadError::InvalidUtf8 { offset }))
            }
        }
    }

    pub fn line_col(&self, offset: usize) -> LineCol {
        self.line_index.line_col(&self.text, offset)
    }

    /// Start and inclusive end of a span, 1-based.
    pub fn span_positions(&self, span: Span) -> (LineCol, LineCol) {
        let start = self.line_index.line_col(&self.text, span.start as usize);
        let end = self
            .line_index
            .end_line_col(&self.text, span.start as usize, span.end as usize);
        (start, end)
    }

    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }

    pub fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.id, start, end)
    }
}

/// Every file read in a run, indexed by [`FileId`].
#[derive(Debug, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    pub fn new() -> Self {
        Self::default()
    }

    /// Room for `additional` more files without growing (growing moves every
    /// file read so far).
    pub fn reserve(&mut self, additional: usize) {
        self.files.reserve(additional);
    }

    pub fn next_id(&self) -> FileId {
        FileId(u32::try_from(self.files.len()).unwrap_or(u32::MAX))
    }

    /// Adds a file built with [`SourceMap::next_id`].
    pub fn add(&mut self, file: SourceFile) -> FileId {
        let id = file.id;
        debug_assert_eq!(id, self.next_id());
        self.files.push(file);
        id
    }

    pub fn get(&self, id: FileId) -> Option<&SourceFile> {
        self.files.get(id.0 as usize)
    }

    pub fn files(&self) -> &[SourceFile] {
        &self.files
    }

    pub fn into_files(self) -> Vec<SourceFile> {
        self.files
    }
}
