//! The `.env` file format, read exactly as compose-go's `dotenv` package reads
//! it (the project `.env`, `--env-file` and a service's `env_file` all go
//! through it), keeping the position of every key and value.
//!
//! [`parse`] only reads the syntax; [`resolve`] then computes the variables
//! the file defines, interpolating values as compose-go does.
//!
//! # The format, as compose-go implements it
//!
//! The parser works statement by statement rather than line by line:
//!
//! * A leading UTF-8 byte order mark is ignored.
//! * Before a statement, all whitespace (newlines included) is skipped. If the
//!   statement then starts with `#`, everything to the end of the line is a
//!   comment. A `#` anywhere else is not special, except for ` #` in an
//!   unquoted value.
//! * `export` followed by whitespace is dropped from the start of a statement.
//! * The key runs to the first `=`, `:` or newline. It may contain letters,
//!   digits, `_ . - [ ]`, and blanks (tab, space, …), which are trimmed at its
//!   end but make the file invalid when a space is left inside. Any other
//!   character is an error.
//! * A key ended by a newline has no value: it takes the variable's value from
//!   the environment compose runs in, and is dropped if that is unset.
//! * After the separator, blanks are skipped. A value starting with `'` or `"`
//!   is quoted and runs to the matching quote, across lines if need be; inside,
//!   a backslash before the quote character keeps the quote in the value and
//!   any other backslash stays as written. Double-quoted values then expand the
//!   escapes `\a \b \f \n \r \t \v \\ \" \$` and `\0NNN` (octal), and are
//!   interpolated; single-quoted values are literal.
//! * An unquoted value runs to the end of the line; ` #` (space, hash) starts a
//!   comment, and trailing whitespace (a `\r` included) is trimmed. It is
//!   interpolated.
//! * Nothing ends a statement after a closing quote: text after it on the same
//!   line is read as the next statement (a `#` there starts a comment).
//!
//! Two compose-go behaviours that look like accidents are kept so that lashing
//! sees what compose sees:
//!
//! * A value that starts with blanks and then `#` keeps the `#`: in `K= # c`
//!   the blanks are skipped before the ` #` search, so `K` is `# c`.
//! * A last statement without `=`, `:` or newline (`KEY` at the very end of
//!   the file) is read as the *value* of an empty key, not as a bare key.
//!
//! All ranges are byte ranges into the text given to [`parse`] (a byte order
//! mark included) and lie on `char` boundaries.

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

use crate::interpolation::{self, InterpolationError};

/// A parsed `.env` file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DotEnv {
    /// The statements, in file order; a key may appear several times.
    pub entries: Vec<Entry>,
}

/// One `KEY=value` (or bare `KEY`) statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The key, trailing blanks trimmed.
    pub key: String,
    /// Where the key is written (empty for the empty key).
    pub key_range: Range<usize>,
    /// `None` for a bare `KEY`, which inherits the value from the environment.
    pub value: Option<RawValue>,
    /// The 1-based line of the key.
    pub line: usize,
}

/// A value as written, before interpolation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawValue {
    /// The value after unquoting and escape expansion, ready to be
    /// interpolated (unless single-quoted). An escaped `\$` in a
    /// double-quoted value is `$$` here, which interpolation turns into `$`.
    pub text: String,
    /// The value as authored: with its quotes when quoted; for an unquoted
    /// value without the comment and trailing whitespace.
    pub range: Range<usize>,
    /// How the value was quoted.
    pub quote: Quote,
}

impl RawValue {
    /// Whether compose interpolates this value (all but single-quoted ones).
    pub fn is_interpolated(&self) -> bool {
        self.quote != Quote::Single
    }
}

/// How a value was quoted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Quote {
    /// Not quoted.
    None,
    /// `'...'`: literal.
    Single,
    /// `"..."`: escapes expanded, then interpolated.
    Double,
}

/// A syntax error, which makes compose reject the whole file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DotEnvError {
    /// Byte offset of the problem in the text.
    pub offset: usize,
    /// Its 1-based line.
    pub line: usize,
    /// compose-go's message, without its `line N:` prefix.
    pub message: String,
}

impl fmt::Display for DotEnvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for DotEnvError {}

/// Parses the statements of a `.env` file.
pub fn parse(text: &str) -> Result<DotEnv, DotEnvError> {
    let mut parser = Parser {
        text,
        lines: LineCounter::default(),
    };
    let mut entries = Vec::new();
    let mut position = if text.starts_with(BYTE_ORDER_MARK) {
        BYTE_ORDER_MARK.len_utf8()
    } else {
        0
    };
    while let Some(statement) = parser.statement_start(position) {
        let (entry, next) = parser.statement(statement)?;
        entries.push(entry);
        position = next;
    }
    Ok(DotEnv { entries })
}

/// The variables the file defines, as compose-go resolves them: values of
/// unquoted and double-quoted entries are interpolated, looking variables up
/// in `os` first and then in the keys defined earlier in the file;
/// single-quoted values are literal; bare keys take `os`'s value, or are
/// dropped when `os` has none.
///
/// `os` is what compose-go consults before the file itself: the environment
/// compose runs in and, for the project's env files, the variables of the
/// env files read before this one.
///
/// Each key is listed once, with its last definition (a later one overrides
/// an earlier one), in the file order of those definitions; the `usize` is
/// the definition's line.
///
/// A value whose interpolation fails (compose rejects the whole file then)
/// is kept as written; use [`try_resolve`] to get the error instead.
pub fn resolve(env: &DotEnv, os: &dyn Fn(&str) -> Option<String>) -> Vec<(String, String, usize)> {
    // KeepText never returns an error.
    resolve_with(env, os, OnError::KeepText).unwrap_or_default()
}

/// An interpolation error in a `.env` value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolveError {
    /// The key whose value failed.
    pub key: String,
    /// The line of that key.
    pub line: usize,
    /// What failed; its ranges are relative to the entry's [`RawValue::text`].
    pub error: InterpolationError,
}

impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}: {}", self.line, self.key, self.error)
    }
}

impl std::error::Error for ResolveError {}

/// Like [`resolve`], but fails as compose-go does when a value cannot be
/// interpolated (an invalid `${`, or a `${V:?}` whose variable is missing).
pub fn try_resolve(
    env: &DotEnv,
    os: &dyn Fn(&str) -> Option<String>,
) -> Result<Vec<(String, String, usize)>, ResolveError> {
    resolve_with(env, os, OnError::Fail)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum OnError {
    KeepText,
    Fail,
}

fn resolve_with(
    env: &DotEnv,
    os: &dyn Fn(&str) -> Option<String>,
    on_error: OnError,
) -> Result<Vec<(String, String, usize)>, ResolveError> {
    // Definitions in file order; an overridden one becomes `None`.
    let mut definitions: Vec<Option<(String, String, usize)>> = Vec::new();
    // Key -> index of its current definition.
    let mut current: HashMap<String, usize> = HashMap::new();
    for entry in &env.entries {
        let value = match &entry.value {
            None => match os(&entry.key) {
                Some(value) => value,
                None => continue,
            },
            Some(raw) if !raw.is_interpolated() => raw.text.clone(),
            Some(raw) => {
                let lookup = |name: &str| {
                    os(name).or_else(|| {
                        current
                            .get(name)
                            .and_then(|&index| definitions.get(index))
                            .and_then(|definition| definition.as_ref())
                            .map(|(_, value, _)| value.clone())
                    })
                };
                match interpolation::interpolate(&raw.text, &lookup) {
                    Ok(interpolated) => interpolated.value,
                    Err(error) if on_error == OnError::Fail => {
                        return Err(ResolveError {
                            key: entry.key.clone(),
                            line: entry.line,
                            error,
                        });
                    }
                    Err(_) => raw.text.clone(),
                }
            }
        };
        if let Some(previous) = current.insert(entry.key.clone(), definitions.len()) {
            if let Some(slot) = definitions.get_mut(previous) {
                *slot = None;
            }
        }
        definitions.push(Some((entry.key.clone(), value, entry.line)));
    }
    Ok(definitions.into_iter().flatten().collect())
}

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

const BYTE_ORDER_MARK: char = '\u{feff}';

struct Parser<'t> {
    text: &'t str,
    lines: LineCounter,
}

impl<'t> Parser<'t> {
    /// Skips whitespace and comment lines from `position`; `None` at the end
    /// of the file.
    fn statement_start(&mut self, mut position: usize) -> Option<usize> {
        loop {
            let rest = self.text.get(position..)?;
            let offset = rest.find(|c: char| !c.is_whitespace())?;
            position += offset;
            if !rest[offset..].starts_with('#') {
                return Some(position);
            }
            // Resume at the newline, which the next round skips.
            position += rest[offset..].find('\n')?;
        }
    }

    /// Reads the statement at `start`, returning it and where the next one
    /// may start.
    fn statement(&mut self, start: usize) -> Result<(Entry, usize), DotEnvError> {
        let key_start = self.key_start(start);
        if key_start >= self.text.len() {
            return Err(self.error(start, "zero length string".to_owned()));
        }
        let (key_range, after_key, bare) = match self.key_end(key_start)? {
            Some((terminator, character)) => {
                (key_start..terminator, terminator + 1, character == '\n')
            }
            // compose-go reads a last statement without terminator as the
            // value of an empty key.
            None => (key_start..key_start, key_start, false),
        };
        let key = self
            .slice(key_range.clone())
            .trim_end_matches(char::is_whitespace);
        if key.contains(' ') {
            return Err(self.error(key_start, "key cannot contain a space".to_owned()));
        }
        let key_range = key_range.start..key_range.start + key.len();
        let line = self.lines.line_at(self.text, key_start);
        let (value, next) = if bare {
            (None, after_key)
        } else {
            let value_start = skip_blanks(self.text, after_key);
            let (value, next) = self.value(value_start)?;
            (Some(value), next)
        };
        let entry = Entry {
            key: key.to_owned(),
            key_range,
            value,
            line,
        };
        Ok((entry, next))
    }

    /// Where the key starts: after an `export` followed by whitespace.
    fn key_start(&self, start: usize) -> usize {
        let rest = self.slice(start..self.text.len());
        let Some(after) = rest.strip_prefix("export") else {
            return start;
        };
        // compose-go's `^export\s+`; RE2's `\s` is `[\t\n\f\r ]`.
        if after.starts_with(['\t', '\n', '\x0c', '\r', ' ']) {
            skip_blanks(self.text, start + "export".len())
        } else {
            start
        }
    }

    /// Finds the `=`, `:` or newline ending the key that starts at
    /// `key_start`, checking the key's characters on the way.
    fn key_end(&mut self, key_start: usize) -> Result<Option<(usize, char)>, DotEnvError> {
        let rest = self.slice(key_start..self.text.len());
        for (offset, character) in rest.char_indices() {
            match character {
                '=' | ':' | '\n' => return Ok(Some((key_start + offset, character))),
                c if is_blank(c) || is_key_character(c) => {}
                c => {
                    let first_line = rest.split('\n').next().unwrap_or_default();
                    let message = format!(
                        "unexpected character {:?} in variable name {first_line:?}",
                        c.to_string()
                    );
                    return Err(self.error(key_start + offset, message));
                }
            }
        }
        Ok(None)
    }

    /// Reads the value starting at `start`, returning it and where the next
    /// statement may start.
    fn value(&mut self, start: usize) -> Result<(RawValue, usize), DotEnvError> {
        let rest = self.slice(start..self.text.len());
        let quote = match rest.chars().next() {
            Some('\'') => Quote::Single,
            Some('"') => Quote::Double,
            _ => return Ok(unquoted_value(rest, start)),
        };
        let quote_character = if quote == Quote::Single { '\'' } else { '"' };
        let mut content = String::new();
        let mut escaped = false;
        for (offset, character) in rest.char_indices().skip(1) {
            if escaped {
                escaped = false;
                // A backslash before the quote keeps just the quote; before
                // anything else it stays.
                if character != quote_character {
                    content.push('\\');
                }
                content.push(character);
            } else if character == '\\' {
                escaped = true;
            } else if character == quote_character {
                let text = match quote {
                    Quote::Double => expand_escapes(&content),
                    _ => content,
                };
                let end = start + offset + 1;
                return Ok((
                    RawValue {
                        text,
                        range: start..end,
                        quote,
                    },
                    end,
                ));
            } else {
                content.push(character);
            }
        }
        let first_line = rest.split('\n').next().unwrap_or_default();
        Err(self.error(start, format!("unterminated quoted value {first_line}")))
    }

    fn error(&mut self, offset: usize, message: String) -> DotEnvError {
        DotEnvError {
            offset,
            line: self.lines.line_at(self.text, offset),
            message,
        }
    }

    fn slice(&self, range: Range<usize>) -> &'t str {
        self.text.get(range).unwrap_or_default()
    }
}

/// An unquoted value at the start of `rest` (which starts at `start`): to the
/// end of the line, cut at ` #`, trailing whitespace trimmed.
fn unquoted_value(rest: &str, start: usize) -> (RawValue, usize) {
    let (line, next) = match rest.find('\n') {
        Some(newline) => (&rest[..newline], start + newline + 1),
        None => (rest, start + rest.len()),
    };
    let without_comment = match line.find(" #") {
        Some(comment) => &line[..comment],
        None => line,
    };
    let text = without_comment.trim_end_matches(char::is_whitespace);
    let value = RawValue {
        text: text.to_owned(),
        range: start..start + text.len(),
        quote: Quote::None,
    };
    (value, next)
}

/// Expands the escapes of a double-quoted value like compose-go's
/// `expandEscapes`: it matches `\\(?:[abcfnrtv$"\\]|0\d{0,3})`, leaves
/// anything that Go's `strconv.UnquoteChar` refuses (`\c`, `\0`, `\08`,
/// `\0777`) as written, and turns `\$` into `$$` for interpolation to read as
/// a literal `$`.
fn expand_escapes(content: &str) -> String {
    let mut expanded = String::with_capacity(content.len());
    let mut rest = content;
    while let Some(backslash) = rest.find('\\') {
        expanded.push_str(&rest[..backslash]);
        let after = &rest[backslash + 1..];
        let mut characters = after.chars();
        match characters.next() {
            Some('0') => {
                let digits_length = after[1..]
                    .bytes()
                    .take(3)
                    .take_while(u8::is_ascii_digit)
                    .count();
                let digits = &after[1..1 + digits_length];
                match octal_character(digits) {
                    Some(character) => expanded.push(character),
                    None => {
                        expanded.push_str("\\0");
                        expanded.push_str(digits);
                    }
                }
                rest = &after[1 + digits_length..];
            }
            Some(character) => {
                let replacement = match character {
                    'a' => Some("\x07"),
                    'b' => Some("\x08"),
                    'f' => Some("\x0c"),
                    'n' => Some("\n"),
                    'r' => Some("\r"),
                    't' => Some("\t"),
                    'v' => Some("\x0b"),
                    '\\' => Some("\\"),
                    '"' => Some("\""),
                    '$' => Some("$$"),
                    // Matched by compose-go's pattern, refused by Go.
                    'c' => Some("\\c"),
                    _ => None,
                };
                match replacement {
                    Some(replacement) => {
                        expanded.push_str(replacement);
                        rest = characters.as_str();
                    }
                    None => {
                        expanded.push('\\');
                        rest = after;
                    }
                }
            }
            None => {
                expanded.push('\\');
                rest = after;
            }
        }
    }
    expanded.push_str(rest);
    expanded
}

/// `\0NNN` as Go's `UnquoteChar` reads the rewritten `\NNN`: exactly three
/// octal digits, at most 255, giving the code point U+0000 to U+00FF.
fn octal_character(digits: &str) -> Option<char> {
    if digits.len() != 3 {
        return None;
    }
    let value = u32::from_str_radix(digits, 8).ok()?;
    if value > 0o377 {
        return None;
    }
    char::from_u32(value)
}

/// compose-go's `isSpace`: whitespace that is not a line break.
fn is_blank(character: char) -> bool {
    matches!(
        character,
        '\t' | '\x0b' | '\x0c' | '\r' | ' ' | '\u{85}' | '\u{a0}'
    )
}

/// Characters compose-go accepts in a key: Go's `unicode.IsLetter` or
/// `unicode.IsNumber`, and `_ . - [ ]`. Rust has no general-category test, so
/// letters are `char::is_alphabetic`, which also admits the few combining
/// marks of the Unicode `Other_Alphabetic` property that Go rejects.
fn is_key_character(character: char) -> bool {
    matches!(character, '_' | '.' | '-' | '[' | ']')
        || character.is_alphabetic()
        || character.is_numeric()
}

/// Skips blanks (not line breaks) from `position`.
fn skip_blanks(text: &str, position: usize) -> usize {
    let rest = text.get(position..).unwrap_or_default();
    position + rest.find(|c: char| !is_blank(c)).unwrap_or(rest.len())
}

/// Converts offsets to 1-based lines, counting newlines incrementally since
/// offsets mostly grow.
#[derive(Default)]
struct LineCounter {
    offset: usize,
    /// Newlines before `offset`.
    newlines: usize,
}

impl LineCounter {
    fn line_at(&mut self, text: &str, offset: usize) -> usize {
        if offset < self.offset {
            *self = LineCounter::default();
        }
        let bytes = text.as_bytes();
        let counted = bytes
            .get(self.offset..offset.min(bytes.len()))
            .unwrap_or_default();
        self.newlines += counted.iter().filter(|&&byte| byte == b'\n').count();
        self.offset = offset.max(self.offset);
        self.newlines + 1
    }
}

#[cfg(test)]
#[path = "dotenv_test.rs"]
mod tests;
