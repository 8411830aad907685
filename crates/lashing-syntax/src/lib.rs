//! The bottom layer of lashing: source text, byte spans, line/column mapping and a
//! YAML tree that keeps the position of every node, key, anchor and alias.
//!
//! Nothing here knows about Compose. Positions are byte offsets everywhere; they
//! become line:column only when a renderer asks the [`LineIndex`].

mod line_index;
mod source;
mod span;
pub mod yaml;

pub use line_index::{LineCol, LineIndex};
pub use source::{ReadError, SourceFile, SourceMap, MAX_FILE_SIZE};
pub use span::{FileId, Span};
