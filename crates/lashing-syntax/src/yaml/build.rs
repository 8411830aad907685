//! Event stream -> [`YamlFile`]. The only place that knows the event parser.
//!
//! Iterative (an explicit stack), so nesting depth costs heap, not call stack; the
//! parser's own nesting caps stop absurd depths with a positioned error first.

use std::collections::HashMap;

use granit_parser::{Event, Parser, ScanError, Span as EventSpan};

use super::{
    resolve_plain, Anchor, Comment, Document, DuplicateKey, Entry, Node, NodeId, NodeKind, Scalar,
    ScalarStyle, ScalarValue, SyntaxError, YamlFile,
};
use crate::{FileId, Span};

/// Maximum depth of nested collections. Real compose files stay under 15; 255 is the
/// parser's default and keeps pathological input (100,000 nested `[`) a quick error.
const NESTING_LIMIT: usize = 255;

/// Parses `text` (the content of file `file`) into documents, duplicate keys,
/// comments and at most one syntax error.
pub fn parse(file: FileId, text: &str) -> YamlFile {
    parse_keeping(file, text, Comments::All)
}

/// Which comments a parse keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comments {
    All,
    /// None: the syntax is still checked, the text is not kept. Capturing
    /// comments costs the parser a tenth of its time, and a caller that only reads
    /// some comments can often tell from the text that none is there.
    None,
}

/// [`parse`], keeping the comments asked for.
pub fn parse_keeping(file: FileId, text: &str, comments: Comments) -> YamlFile {
    let mut options = granit_parser::options! {
        emit_anchor_events: true,
        emit_unresolved_aliases: true,
        flow_nesting_limit: NESTING_LIMIT,
        block_nesting_limit: NESTING_LIMIT,
    };
    options.set_emit_comments(comments == Comments::All);
    let mut builder = Builder {
        file,
        out: YamlFile::default(),
        doc: Document::default(),
        stack: Vec::new(),
        anchors: Vec::new(),
        last_node: None,
    };
    for event in Parser::new_from_str_with_options(text, options) {
        match event {
            Ok((event, span)) => builder.event(event, span, text),
            Err(err) => {
                builder.error(&err, text);
                break;
            }
        }
    }
    let mut out = builder.out;
    let mut ambiguous = Vec::new();
    for doc in &out.documents {
        super::ambiguous::find(doc, &mut ambiguous);
    }
    out.ambiguous = ambiguous;
    out
}

enum Frame {
    Sequence {
        node: NodeId,
        items: Vec<NodeId>,
        flow: bool,
    },
    Mapping {
        node: NodeId,
        entries: Vec<Entry>,
        pending_key: Option<NodeId>,
        flow: bool,
    },
}

struct Builder {
    file: FileId,
    out: YamlFile,
    doc: Document,
    stack: Vec<Frame>,
    /// Anchor id (from the parser) -> node, for resolving aliases.
    anchors: Vec<Option<NodeId>>,
    /// The node the next `Anchor` event describes.
    last_node: Option<NodeId>,
}

impl Builder {
    fn span(&self, span: &EventSpan) -> Span {
        let start = span.start.byte_offset().unwrap_or(0);
        let end = span.end.byte_offset().unwrap_or(start);
        Span::new(self.file, start, end)
    }

    fn event(&mut self, event: Event<'_>, ev_span: EventSpan, text: &str) {
        let span = self.span(&ev_span);
        match event {
            Event::StreamStart | Event::StreamEnd => {}
            Event::DocumentStart(..) => {
                self.doc = Document::default();
                self.anchors.clear();
            }
            Event::DocumentEnd => {
                let mut doc = std::mem::take(&mut self.doc);
                // The node list grew by doubling: up to half of it is spare room,
                // kept for the whole run otherwise (26 MB on a 5 MB file).
                doc.nodes.shrink_to_fit();
                self.out.documents.push(doc);
            }
            Event::Comment(body, _) => self.out.comments.push(Comment {
                text: body.into(),
                span,
            }),
            Event::Scalar(value, style, anchor_id, tag) => {
                let tag = tag.map(|t| format!("{}{}", t.handle(), t.suffix()).into_boxed_str());
                let style = convert_style(style);
                let value_type = resolve(&value, style, tag.as_deref());
                let id = self.doc.push(Node {
                    kind: NodeKind::Scalar(Scalar {
                        text: value.into(),
                        style,
                        value: value_type,
                    }),
                    span,
                    anchor: None,
                    tag,
                });
                self.remember_anchor(anchor_id, id);
                self.attach(id);
            }
            Event::SequenceStart(style, anchor_id, tag) => {
                let id = self.open(span, tag.map(|t| format!("{}{}", t.handle(), t.suffix())));
                self.remember_anchor(anchor_id, id);
                self.stack.push(Frame::Sequence {
                    node: id,
                    items: Vec::new(),
                    flow: style == granit_parser::StructureStyle::Flow,
                });
            }
            Event::MappingStart(style, anchor_id, tag) => {
                let id = self.open(span, tag.map(|t| format!("{}{}", t.handle(), t.suffix())));
                self.remember_anchor(anchor_id, id);
                self.stack.push(Frame::Mapping {
                    node: id,
                    entries: Vec::new(),
                    pending_key: None,
                    flow: style == granit_parser::StructureStyle::Flow,
                });
            }
            Event::SequenceEnd | Event::MappingEnd => self.close(span),
            Event::Anchor(_, name) => {
                if let Some(node) = self.last_node {
                    self.doc.nodes[node.0 as usize].anchor = Some(Box::new(Anchor {
                        name: name.into(),
                        span,
                    }));
                }
            }
            Event::Alias(anchor_id) => {
                let target = self.anchors.get(anchor_id).copied().flatten();
                if let Some(t) = target {
                    self.reject_recursive_alias(t, span);
                }
                let name = text
                    .get(span.range())
                    .map(|s| s.trim_start_matches('*'))
                    .unwrap_or("");
                let id = self.doc.push(Node {
                    kind: NodeKind::Alias {
                        target,
                        name: name.into(),
                    },
                    span,
                    anchor: None,
                    tag: None,
                });
                self.attach(id);
            }
            Event::UnresolvedAlias(name) => {
                // Compose refuses an unknown anchor; report it like the parser would.
                if self.out.error.is_none() {
                    self.out.error = Some(SyntaxError {
                        message: format!("unknown anchor `{name}` referenced by this alias"),
                        span,
                    });
                }
                let id = self.doc.push(Node {
                    kind: NodeKind::Alias {
                        target: None,
                        name: name.into(),
                    },
                    span,
                    anchor: None,
                    tag: None,
                });
                self.attach(id);
            }
            // `Event` is non-exhaustive; later parser versions may add metadata events.
            _ => {}
        }
    }

    /// An alias inside the collection it refers to makes an infinite value; yaml.v3
    /// (and so Compose) refuses it (`anchor 'a' value contains itself`).
    fn reject_recursive_alias(&mut self, target: NodeId, span: Span) {
        let open = self.stack.iter().any(|frame| match frame {
            Frame::Sequence { node, .. } | Frame::Mapping { node, .. } => *node == target,
        });
        if open && self.out.error.is_none() {
            let name = self
                .doc
                .node(target)
                .anchor
                .as_ref()
                .map_or("", |a| &*a.name)
                .to_string();
            self.out.error = Some(SyntaxError {
                message: format!("anchor `{name}` contains an alias of itself, which would make an infinite value"),
                span,
            });
        }
    }

    fn open(&mut self, span: Span, tag: Option<String>) -> NodeId {
        self.doc.push(Node {
            // Placeholder until the closing event fills in the children.
            kind: NodeKind::Sequence(Vec::new()),
            span,
            anchor: None,
            tag: tag.map(String::into_boxed_str),
        })
    }

    fn remember_anchor(&mut self, anchor_id: usize, node: NodeId) {
        self.last_node = Some(node);
        if anchor_id == 0 {
            return;
        }
        if self.anchors.len() <= anchor_id {
            self.anchors.resize(anchor_id + 1, None);
        }
        self.anchors[anchor_id] = Some(node);
    }

    fn close(&mut self, end_span: Span) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        let (node, kind, flow, last_child) = match frame {
            Frame::Sequence { node, items, flow } => {
                let last = items.last().copied();
                (node, NodeKind::Sequence(items), flow, last)
            }
            Frame::Mapping {
                node,
                entries,
                flow,
                ..
            } => {
                self.find_duplicates(&entries);
                let last = entries.last().map(|e| e.value);
                (node, NodeKind::Mapping(entries), flow, last)
            }
        };
        let start = self.doc.span(node);
        // A flow collection ends at its bracket; a block one at its last child (its
        // end event sits wherever the next token is, possibly lines later).
        let end = if flow {
            end_span.end
        } else {
            last_child.map_or(start.end, |c| self.doc.span(c).end.max(start.end))
        };
        let n = &mut self.doc.nodes[node.0 as usize];
        n.kind = kind;
        n.span = Span {
            end: end.max(n.span.start),
            ..n.span
        };
        self.attach(node);
    }

    fn attach(&mut self, id: NodeId) {
        match self.stack.last_mut() {
            None => self.doc.root = Some(id),
            Some(Frame::Sequence { items, .. }) => items.push(id),
            Some(Frame::Mapping {
                entries,
                pending_key,
                ..
            }) => match pending_key.take() {
                None => *pending_key = Some(id),
                Some(key) => entries.push(Entry { key, value: id }),
            },
        }
    }

    /// yaml.v3 rejects a mapping whose scalar (or alias) keys repeat. Every repeat is
    /// recorded, each pointing back at the first occurrence. Hashing keeps this linear.
    fn find_duplicates(&mut self, entries: &[Entry]) {
        if entries.len() < 2 {
            return;
        }
        // foldhash: SipHash made this a tenth of parsing a file of short keys.
        let mut seen: HashMap<(bool, &str), Span, foldhash::fast::RandomState> =
            HashMap::with_capacity_and_hasher(entries.len(), Default::default());
        for entry in entries {
            let node = self.doc.node(entry.key);
            let key = match &node.kind {
                NodeKind::Scalar(s) => (false, &*s.text),
                NodeKind::Alias { name, .. } => (true, &**name),
                _ => continue,
            };
            match seen.get(&key) {
                Some(first) => self.out.duplicate_keys.push(DuplicateKey {
                    name: key.1.into(),
                    first: *first,
                    repeat: node.span,
                }),
                None => {
                    seen.insert(key, node.span);
                }
            }
        }
    }

    fn error(&mut self, err: &ScanError, text: &str) {
        let mut offset = err
            .marker()
            .byte_offset()
            .unwrap_or(text.len())
            .min(text.len());
        // The parser reports a tab-indentation error after the indentation; point at
        // the first tab of it, which is what the user must change.
        let line_start = text[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        let indentation = &text[line_start..offset];
        if indentation.chars().all(|c| c == ' ' || c == '\t') {
            if let Some(tab) = indentation.find('\t') {
                offset = line_start + tab;
            }
        }
        // Point at the character at fault (one character wide; empty at end of file).
        let end = text[offset..]
            .chars()
            .next()
            .map_or(offset, |c| offset + c.len_utf8());
        let mut message = err.info();
        if message.is_empty() {
            message = "invalid YAML".to_string();
        }
        if text[offset..].starts_with('\t') && !message.contains("tab") {
            message.push_str(" (tabs cannot be used for indentation in YAML)");
        }
        self.out.error = Some(SyntaxError {
            message,
            span: Span::new(self.file, offset, end),
        });
        // Keep what was built so far: the document is incomplete, but its anchors and
        // comments are still useful for positions. Close open frames from the inside.
        while !self.stack.is_empty() {
            self.close(Span::new(self.file, offset, offset));
        }
        let doc = std::mem::take(&mut self.doc);
        if doc.root.is_some() {
            self.out.documents.push(doc);
        }
    }
}

fn convert_style(style: granit_parser::ScalarStyle) -> ScalarStyle {
    match style {
        granit_parser::ScalarStyle::Plain => ScalarStyle::Plain,
        granit_parser::ScalarStyle::SingleQuoted => ScalarStyle::SingleQuoted,
        granit_parser::ScalarStyle::DoubleQuoted => ScalarStyle::DoubleQuoted,
        granit_parser::ScalarStyle::Literal => ScalarStyle::Literal,
        granit_parser::ScalarStyle::Folded => ScalarStyle::Folded,
    }
}

const CORE: &str = "tag:yaml.org,2002:";

/// The type of a scalar given its style and explicit tag, as yaml.v3 decides it.
fn resolve(text: &str, style: ScalarStyle, tag: Option<&str>) -> ScalarValue {
    match tag.and_then(|t| t.strip_prefix(CORE)) {
        Some("str") | Some("binary") => return ScalarValue::String,
        Some("null") => return ScalarValue::Null,
        Some("bool" | "int" | "float" | "timestamp") => {
            // An explicit core tag types even a quoted scalar; yaml.v3 errors if the
            // text does not fit, which we treat as a string for the schema to flag.
            return resolve_plain(text);
        }
        _ => {}
    }
    if style == ScalarStyle::Plain {
        resolve_plain(text)
    } else {
        ScalarValue::String
    }
}
