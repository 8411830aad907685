//! Compose's variable interpolation (`$VAR`, `${VAR:-default}`, …), exactly as
//! compose-go's `template` package performs it, with the byte range of every
//! piece so that a diagnostic can point into the authored string.
//!
//! # How compose-go reads a template
//!
//! compose-go matches one regular expression over the string:
//!
//! ```text
//! \$(?i: (\$) | ([_a-z][_a-z0-9]*) | {(?: ([_a-z][_a-z0-9]*(?::?[-+?](.*))?) } | () ))
//! ```
//!
//! and hands every match to a replacement function. Translated:
//!
//! * `$$` is an escape and produces one `$`.
//! * `$NAME` is a variable; an unbraced name never takes an operator, so
//!   `$FOO-bar` is `FOO` followed by the literal `-bar`. Names are ASCII
//!   letters, digits and `_`, plus `ſ` and `K` (Kelvin sign), which Go's
//!   case-insensitive matching folds onto `s` and `k`.
//! * `${NAME}` is a variable; `${NAME OP ARGUMENT}` applies one of the six
//!   operators of [`Operator`]. The operator is the one written right after
//!   the name (compose-go picks "the operator that appears earliest", which
//!   always is that one, because a name cannot contain operator characters).
//! * Any other `${` is invalid, and so is a `${` that never closes.
//! * A `$` followed by anything else (`$`, `$}`, `a $ b`, `$1`) is literal.
//!
//! Where a `${NAME OP …}` ends is the subtle part, and this module reproduces it
//! byte for byte:
//!
//! 1. The regular expression's `.*` is greedy and does not cross a newline, so
//!    the match first extends to the **last** `}` on the line (or, inside an
//!    argument, the last `}` of the argument). Without such a `}` the form is
//!    invalid: a default cannot span lines.
//! 2. compose-go then counts braces from the `$` (`getFirstBraceClosingIndex`):
//!    every `{` opens, every `}` closes, and the first `}` that brings the
//!    count back to zero ends the variable. A quirk we keep: after a `{` the
//!    next byte is skipped unexamined, so in `{}` the `}` does not close.
//! 3. If the count never returns to zero, the variable ends at the last `}` of
//!    step 1.
//!
//! So `${A:-${B:-x}}` and `${A:-{"j":1}}` nest as expected, `${A:-x}}` leaves
//! a literal `}`, and `${A:-{}} ${B}` swallows the whole line into A's default
//! (that last one is compose-go's behaviour, surprising as it is).
//!
//! # Evaluation
//!
//! [`interpolate`] follows compose-go v2.13: the argument of an operator is
//! itself a template, interpolated only when it is used (a default only when
//! the variable is unset or empty, and so on). Consequently an invalid form
//! inside an unused argument is **not** an error: `${SET:-${}}` interpolates
//! fine when `SET` has a value, and fails when it does not.
//!
//! [`parse`], on the other hand, is static: it parses every argument eagerly
//! and reports an invalid form wherever it sits, since whether an argument is
//! used depends on an environment the parser does not have. `parse` can thus
//! reject a template that `interpolate` accepts for a given environment, never
//! the other way round.
//!
//! # Limits
//!
//! Both functions run in time linear in the input for every nesting level,
//! and refuse more than [`MAX_NESTING`] nested variables (compose-go has no
//! limit), so hostile input can neither take quadratic time nor overflow the
//! stack.
//!
//! All ranges are byte ranges into the string given to [`parse`] or
//! [`interpolate`], nested ones included, and lie on `char` boundaries.

use std::fmt;
use std::ops::Range;

/// Deepest nesting of variables inside operator arguments that is accepted;
/// `${A:-${B:-x}}` nests two deep. A deeper variable is reported as
/// [`InvalidTemplate`]. Real files nest two or three levels; the cap only
/// exists to bound recursion on hostile input.
pub const MAX_NESTING: usize = 64;

/// One piece of a template string; byte ranges are relative to the input text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Text that is copied as is (this includes a lone `$`).
    Literal(Range<usize>),
    /// `$$`, which produces a single `$`.
    Escape(Range<usize>),
    /// A `$NAME` or `${…}` reference.
    Variable(Variable),
}

impl Part {
    /// The bytes of the input this part was written as.
    pub fn range(&self) -> Range<usize> {
        match self {
            Part::Literal(range) | Part::Escape(range) => range.clone(),
            Part::Variable(variable) => variable.range.clone(),
        }
    }
}

/// A variable reference: `$NAME`, `${NAME}` or `${NAME OP ARGUMENT}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variable {
    /// The variable's name, as written (compose-go is case-sensitive here).
    pub name: String,
    /// Where the name is written.
    pub name_range: Range<usize>,
    /// The whole `$NAME` or `${...}`.
    pub range: Range<usize>,
    /// Whether the reference was written with braces.
    pub braced: bool,
    /// The operator, when one follows the name.
    pub operator: Option<Operator>,
    /// The text after the operator (present exactly when `operator` is).
    pub argument: Option<Argument>,
}

/// The text after an operator: a default, an error message or a replacement.
/// It is itself a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Argument {
    /// Where the argument is written; empty for `${V:-}`.
    pub range: Range<usize>,
    /// The argument parsed as a template. [`parse`] fills this eagerly, even
    /// for arguments that interpolation might never use.
    pub parts: Vec<Part>,
}

/// The operators of `${NAME OP ARGUMENT}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Operator {
    /// `:-`: the argument when the variable is unset or empty.
    DefaultIfUnsetOrEmpty,
    /// `-`: the argument when the variable is unset.
    DefaultIfUnset,
    /// `:?`: an error when the variable is unset or empty.
    ErrorIfUnsetOrEmpty,
    /// `?`: an error when the variable is unset.
    ErrorIfUnset,
    /// `:+`: the argument when the variable is set and not empty.
    ReplaceIfNonEmpty,
    /// `+`: the argument when the variable is set, even to "".
    ReplaceIfSet,
}

impl Operator {
    /// The operator as written.
    pub fn as_str(self) -> &'static str {
        match self {
            Operator::DefaultIfUnsetOrEmpty => ":-",
            Operator::DefaultIfUnset => "-",
            Operator::ErrorIfUnsetOrEmpty => ":?",
            Operator::ErrorIfUnset => "?",
            Operator::ReplaceIfNonEmpty => ":+",
            Operator::ReplaceIfSet => "+",
        }
    }

    /// Whether an empty value counts as missing (the operators with a colon).
    pub fn treats_empty_as_unset(self) -> bool {
        matches!(
            self,
            Operator::DefaultIfUnsetOrEmpty
                | Operator::ErrorIfUnsetOrEmpty
                | Operator::ReplaceIfNonEmpty
        )
    }

    /// Reads the operator at the start of `bytes`, with its length.
    fn read(bytes: &[u8]) -> Option<(Operator, usize)> {
        match bytes {
            [b':', b'-', ..] => Some((Operator::DefaultIfUnsetOrEmpty, 2)),
            [b':', b'?', ..] => Some((Operator::ErrorIfUnsetOrEmpty, 2)),
            [b':', b'+', ..] => Some((Operator::ReplaceIfNonEmpty, 2)),
            [b'-', ..] => Some((Operator::DefaultIfUnset, 1)),
            [b'?', ..] => Some((Operator::ErrorIfUnset, 1)),
            [b'+', ..] => Some((Operator::ReplaceIfSet, 1)),
            _ => None,
        }
    }
}

impl fmt::Display for Operator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A `${` that is not a valid reference, which makes compose fail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidTemplate {
    /// The offending `${…`: up to its first `}` on the same line, or to the
    /// end of the line (or argument) when there is none.
    pub range: Range<usize>,
    /// What is wrong, in the spirit of compose's own message.
    pub message: String,
}

impl fmt::Display for InvalidTemplate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for InvalidTemplate {}

/// Parses a template into its parts. Arguments are parsed eagerly, so an
/// invalid form anywhere, even in an argument interpolation would not use, is
/// an error (see the module documentation).
pub fn parse(text: &str) -> Result<Vec<Part>, InvalidTemplate> {
    parse_segment(text, 0..text.len(), 0)
}

fn parse_segment(
    text: &str,
    segment: Range<usize>,
    depth: usize,
) -> Result<Vec<Part>, InvalidTemplate> {
    let mut parts = Vec::new();
    for token in Tokens::new(text, segment, depth) {
        parts.push(match token? {
            Token::Literal(range) => Part::Literal(range),
            Token::Escape(range) => Part::Escape(range),
            Token::Variable(reference) => {
                let argument = match reference.argument.clone() {
                    Some(range) => Some(Argument {
                        parts: parse_segment(text, range.clone(), depth + 1)?,
                        range,
                    }),
                    None => None,
                };
                Part::Variable(Variable {
                    name: reference.name(text).to_owned(),
                    name_range: reference.name_range,
                    range: reference.range,
                    braced: reference.braced,
                    operator: reference.operator,
                    argument,
                })
            }
        });
    }
    Ok(parts)
}

/// Every variable reference, nested ones (inside arguments) included, in text
/// order: a variable comes before the variables of its argument.
pub fn variables(parts: &[Part]) -> Vec<&Variable> {
    fn collect<'p>(parts: &'p [Part], found: &mut Vec<&'p Variable>) {
        for part in parts {
            if let Part::Variable(variable) = part {
                found.push(variable);
                if let Some(argument) = &variable.argument {
                    collect(&argument.parts, found);
                }
            }
        }
    }
    let mut found = Vec::new();
    collect(parts, &mut found);
    found
}

/// Cheap check for whether interpolation can change `text` at all: every form,
/// valid or not, starts with `$`.
pub fn has_interpolation(text: &str) -> bool {
    text.contains('$')
}

/// One variable reference that interpolation evaluated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Substitution {
    /// The variable's name.
    pub name: String,
    /// The whole reference (`$V` or `${...}`) in the input.
    pub range: Range<usize>,
    /// Where the produced text came from.
    pub source: ValueSource,
    /// The range of the produced text in [`Interpolated::value`]. For a
    /// default or replacement it covers the whole interpolated argument.
    pub output: Range<usize>,
}

/// Where a substitution's text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValueSource {
    /// The variable's value (possibly the empty string it is set to).
    Variable,
    /// The argument of `:-` or `-`.
    Default,
    /// The argument of `:+` or `+`.
    Replacement,
    /// The variable is unset and nothing replaced it: it became "". compose
    /// warns about plain references (`$V`, `${V}`) in that case.
    Unset,
}

/// The result of [`interpolate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interpolated {
    /// The interpolated string.
    pub value: String,
    /// Every reference that was evaluated, in text order (an enclosing
    /// variable before the variables of its argument). References inside
    /// arguments that were not used are not listed.
    pub substitutions: Vec<Substitution>,
}

/// Why interpolation failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InterpolationError {
    /// A malformed `${` was evaluated.
    Invalid(InvalidTemplate),
    /// A `:?` or `?` variable is missing.
    Required {
        /// The variable's name.
        name: String,
        /// compose's message: `required variable V is missing a value: why`,
        /// or without `: why` when the (interpolated) argument is empty.
        message: String,
        /// The whole `${V:?why}` in the input.
        range: Range<usize>,
    },
}

impl InterpolationError {
    /// The input range the error is about.
    pub fn range(&self) -> Range<usize> {
        match self {
            InterpolationError::Invalid(invalid) => invalid.range.clone(),
            InterpolationError::Required { range, .. } => range.clone(),
        }
    }
}

impl fmt::Display for InterpolationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InterpolationError::Invalid(invalid) => invalid.fmt(f),
            InterpolationError::Required { message, .. } => f.write_str(message),
        }
    }
}

impl std::error::Error for InterpolationError {}

impl From<InvalidTemplate> for InterpolationError {
    fn from(invalid: InvalidTemplate) -> Self {
        InterpolationError::Invalid(invalid)
    }
}

/// Interpolates `text` the way compose does, looking variables up with
/// `lookup` (`None` means unset, which differs from `Some("")`). Arguments are
/// evaluated only when used, and the first error in text order is returned.
pub fn interpolate(
    text: &str,
    lookup: &dyn Fn(&str) -> Option<String>,
) -> Result<Interpolated, InterpolationError> {
    let mut interpolator = Interpolator {
        text,
        lookup,
        value: String::with_capacity(text.len()),
        substitutions: Vec::new(),
    };
    interpolator.segment(0..text.len(), 0)?;
    // Most values hold one or two references; the list grew by doubling, and it
    // is kept with the value for the whole run.
    interpolator.substitutions.shrink_to_fit();
    interpolator.value.shrink_to_fit();
    Ok(Interpolated {
        value: interpolator.value,
        substitutions: interpolator.substitutions,
    })
}

/// Evaluation state: the output so far and what produced it.
struct Interpolator<'a> {
    text: &'a str,
    lookup: &'a dyn Fn(&str) -> Option<String>,
    value: String,
    substitutions: Vec<Substitution>,
}

impl Interpolator<'_> {
    /// Appends the interpolation of `segment` (the input or an argument) to
    /// the output.
    fn segment(&mut self, segment: Range<usize>, depth: usize) -> Result<(), InterpolationError> {
        for token in Tokens::new(self.text, segment, depth) {
            match token? {
                Token::Literal(range) => self.value.push_str(slice(self.text, range)),
                Token::Escape(_) => self.value.push('$'),
                Token::Variable(reference) => self.variable(&reference, depth)?,
            }
        }
        Ok(())
    }

    fn variable(&mut self, reference: &Reference, depth: usize) -> Result<(), InterpolationError> {
        let name = reference.name(self.text);
        let value = (self.lookup)(name);
        let start = self.value.len();
        // Reserved now so that the list stays in text order when the argument
        // records substitutions of its own; completed below.
        let slot = self.substitutions.len();
        self.substitutions.push(Substitution {
            name: name.to_owned(),
            range: reference.range.clone(),
            source: ValueSource::Unset,
            output: start..start,
        });
        let argument = reference.argument.clone().unwrap_or(0..0);
        let source = match (reference.operator, value) {
            (None, Some(value)) => self.push_value(&value),
            (None, None) => ValueSource::Unset,
            (Some(operator), Some(value))
                if !(value.is_empty() && operator.treats_empty_as_unset()) =>
            {
                match operator {
                    Operator::ReplaceIfNonEmpty | Operator::ReplaceIfSet => {
                        self.segment(argument, depth + 1)?;
                        ValueSource::Replacement
                    }
                    _ => self.push_value(&value),
                }
            }
            // Unset, or set to "" for an operator that treats that as unset.
            (Some(operator), value) => match operator {
                Operator::DefaultIfUnsetOrEmpty | Operator::DefaultIfUnset => {
                    self.segment(argument, depth + 1)?;
                    ValueSource::Default
                }
                Operator::ErrorIfUnsetOrEmpty | Operator::ErrorIfUnset => {
                    self.segment(argument, depth + 1)?;
                    let reason = self.value.split_off(start);
                    let message = if reason.is_empty() {
                        format!("required variable {name} is missing a value")
                    } else {
                        format!("required variable {name} is missing a value: {reason}")
                    };
                    return Err(InterpolationError::Required {
                        name: name.to_owned(),
                        message,
                        range: reference.range.clone(),
                    });
                }
                // `:+` on an empty value yields that (empty) value; on an
                // unset one it yields "".
                Operator::ReplaceIfNonEmpty | Operator::ReplaceIfSet => match value {
                    Some(value) => self.push_value(&value),
                    None => ValueSource::Unset,
                },
            },
        };
        if let Some(substitution) = self.substitutions.get_mut(slot) {
            substitution.source = source;
            substitution.output = start..self.value.len();
        }
        Ok(())
    }

    fn push_value(&mut self, value: &str) -> ValueSource {
        self.value.push_str(value);
        ValueSource::Variable
    }
}

// ---------------------------------------------------------------------------
// Scanning
// ---------------------------------------------------------------------------

/// What the scanner found, before any evaluation.
#[derive(Debug, Clone)]
enum Token {
    Literal(Range<usize>),
    Escape(Range<usize>),
    Variable(Reference),
}

/// The syntax of one variable reference; the argument is only located.
#[derive(Debug, Clone)]
struct Reference {
    range: Range<usize>,
    name_range: Range<usize>,
    braced: bool,
    operator: Option<Operator>,
    argument: Option<Range<usize>>,
}

impl Reference {
    fn name<'t>(&self, text: &'t str) -> &'t str {
        slice(text, self.name_range.clone())
    }
}

/// The tokens of one segment: the whole input, or the argument of a variable
/// (which compose-go interpolates as a string of its own). Scanning only moves
/// forward, so a segment costs time linear in its length.
struct Tokens<'t> {
    text: &'t str,
    /// Where to look for the next `$`.
    position: usize,
    end: usize,
    /// Start of the literal text not yet returned.
    literal_start: usize,
    /// How many variables enclose this segment.
    depth: usize,
    /// A token found while a literal before it was being returned.
    pending: Option<Token>,
    finished: bool,
}

impl<'t> Tokens<'t> {
    fn new(text: &'t str, segment: Range<usize>, depth: usize) -> Self {
        Tokens {
            text,
            position: segment.start,
            end: segment.end,
            literal_start: segment.start,
            depth,
            pending: None,
            finished: false,
        }
    }

    fn take_literal(&mut self, end: usize) -> Option<Range<usize>> {
        let literal = self.literal_start..end;
        self.literal_start = end;
        (!literal.is_empty()).then_some(literal)
    }
}

impl Iterator for Tokens<'_> {
    type Item = Result<Token, InvalidTemplate>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(token) = self.pending.take() {
            return Some(Ok(token));
        }
        if self.finished {
            return None;
        }
        let bytes = self.text.as_bytes();
        loop {
            let dollar = bytes
                .get(self.position..self.end)
                .and_then(|rest| rest.iter().position(|&byte| byte == b'$'))
                .map(|offset| self.position + offset);
            let Some(dollar) = dollar else {
                self.finished = true;
                return self
                    .take_literal(self.end)
                    .map(|literal| Ok(Token::Literal(literal)));
            };
            let token = match scan_reference(self.text, dollar, self.end) {
                // A lone `$` stays in the literal.
                None => {
                    self.position = dollar + 1;
                    continue;
                }
                Some(Err(invalid)) => {
                    self.finished = true;
                    return Some(Err(invalid));
                }
                Some(Ok(Token::Variable(reference))) if self.depth >= MAX_NESTING => {
                    self.finished = true;
                    return Some(Err(InvalidTemplate {
                        message: format!(
                            "invalid interpolation format: variables nested more than {MAX_NESTING} levels deep"
                        ),
                        range: reference.range,
                    }));
                }
                Some(Ok(token)) => token,
            };
            let token_end = match &token {
                Token::Literal(range) | Token::Escape(range) => range.end,
                Token::Variable(reference) => reference.range.end,
            };
            self.position = token_end;
            let literal = self.take_literal(dollar);
            self.literal_start = token_end;
            return Some(Ok(match literal {
                Some(literal) => {
                    self.pending = Some(token);
                    Token::Literal(literal)
                }
                None => token,
            }));
        }
    }
}

/// Reads the reference starting at the `$` at `dollar`; `None` when that `$`
/// is literal.
fn scan_reference(text: &str, dollar: usize, end: usize) -> Option<Result<Token, InvalidTemplate>> {
    let bytes = segment_bytes(text, end);
    match bytes.get(dollar + 1)? {
        b'$' => Some(Ok(Token::Escape(dollar..dollar + 2))),
        b'{' => Some(scan_braced(text, dollar, end)),
        _ => {
            let name_end = scan_name(bytes, dollar + 1)?;
            Some(Ok(Token::Variable(Reference {
                range: dollar..name_end,
                name_range: dollar + 1..name_end,
                braced: false,
                operator: None,
                argument: None,
            })))
        }
    }
}

/// Reads `${...}` at `dollar`.
fn scan_braced(text: &str, dollar: usize, end: usize) -> Result<Token, InvalidTemplate> {
    let bytes = segment_bytes(text, end);
    let name_start = dollar + 2;
    let Some(name_end) = scan_name(bytes, name_start) else {
        return Err(invalid(text, dollar, end));
    };
    let name_range = name_start..name_end;
    if bytes.get(name_end) == Some(&b'}') {
        return Ok(Token::Variable(Reference {
            range: dollar..name_end + 1,
            name_range,
            braced: true,
            operator: None,
            argument: None,
        }));
    }
    let Some((operator, length)) = bytes.get(name_end..).and_then(Operator::read) else {
        return Err(invalid(text, dollar, end));
    };
    let argument_start = name_end + length;
    let Some(closing) = find_closing_brace(bytes, dollar) else {
        return Err(invalid(text, dollar, end));
    };
    Ok(Token::Variable(Reference {
        range: dollar..closing + 1,
        name_range,
        braced: true,
        operator: Some(operator),
        argument: Some(argument_start..closing),
    }))
}

/// Finds the `}` that ends the `${NAME OP` starting at `dollar`, the way
/// compose-go does (see the module documentation): the first `}` that
/// balances the braces counted from the `$`, skipping the byte after every
/// `{`; failing that, the last `}` before the end of the line. `bytes` ends
/// where the segment does.
fn find_closing_brace(bytes: &[u8], dollar: usize) -> Option<usize> {
    let mut open = 0usize;
    let mut last_closing = None;
    let mut index = dollar;
    while let Some(&byte) = bytes.get(index) {
        match byte {
            b'\n' => break,
            b'}' => {
                last_closing = Some(index);
                open = open.saturating_sub(1);
                if open == 0 {
                    return Some(index);
                }
            }
            b'{' => {
                open += 1;
                // compose-go's `i++` after an opening brace: the next byte
                // is not counted, though it still bounds the match.
                index += 1;
                match bytes.get(index) {
                    None | Some(b'\n') => break,
                    Some(b'}') => last_closing = Some(index),
                    Some(_) => {}
                }
            }
            _ => {}
        }
        index += 1;
    }
    last_closing
}

/// The error for an invalid `${` at `dollar`.
fn invalid(text: &str, dollar: usize, end: usize) -> InvalidTemplate {
    let bytes = segment_bytes(text, end);
    let mut stop = dollar + 2;
    while let Some(&byte) = bytes.get(stop) {
        if byte == b'\n' {
            break;
        }
        stop += 1;
        if byte == b'}' {
            break;
        }
    }
    let range = dollar..stop.min(end);
    InvalidTemplate {
        message: format!(
            "invalid interpolation format `{}`: you may need to escape any $ with another $",
            slice(text, range.clone())
        ),
        range,
    }
}

/// The bytes of `text` up to `end`, the end of the current segment, so that
/// no lookahead can leave the segment.
fn segment_bytes(text: &str, end: usize) -> &[u8] {
    let bytes = text.as_bytes();
    bytes.get(..end).unwrap_or(bytes)
}

/// `text[range]`, or "" if the range is not valid (it always is: every range
/// is built from ASCII delimiters and segment ends).
fn slice(text: &str, range: Range<usize>) -> &str {
    text.get(range).unwrap_or_default()
}

/// Byte length of the name character at `index`, if there is one; digits
/// only count when `allow_digit`. Besides `[_a-zA-Z0-9]` this accepts `ſ`
/// (U+017F) and `K` (U+212A, the Kelvin sign): compose-go's pattern is
/// case-insensitive, and Go's case folding maps those two onto `s` and `k`.
fn name_character_length(bytes: &[u8], index: usize, allow_digit: bool) -> Option<usize> {
    match bytes.get(index..)? {
        [byte, ..] if *byte == b'_' || byte.is_ascii_alphabetic() => Some(1),
        [byte, ..] if allow_digit && byte.is_ascii_digit() => Some(1),
        [0xC5, 0xBF, ..] => Some(2),
        [0xE2, 0x84, 0xAA, ..] => Some(3),
        _ => None,
    }
}

/// End of the name `[_a-z][_a-z0-9]*` (case-insensitive, as above) starting
/// at `start`, or `None` when no name starts there.
fn scan_name(bytes: &[u8], start: usize) -> Option<usize> {
    let mut end = start + name_character_length(bytes, start, false)?;
    while let Some(length) = name_character_length(bytes, end, true) {
        end += length;
    }
    Some(end)
}

#[cfg(test)]
#[path = "interpolation_test.rs"]
mod tests;
