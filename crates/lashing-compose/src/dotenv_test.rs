//! Unit tests of `dotenv`. The expected behaviour is compose-go's
//! (`dotenv/parser.go`, `godotenv_test.go`, `parser_test.go`, `fixtures/`),
//! re-derived case by case.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;

// --- helpers ----------------------------------------------------------------

fn entries(text: &str) -> Vec<Entry> {
    match parse(text) {
        Ok(env) => env.entries,
        Err(error) => panic!("expected {text:?} to parse, got {error:?}"),
    }
}

fn only_entry(text: &str) -> Entry {
    match entries(text).as_slice() {
        [entry] => entry.clone(),
        other => panic!("expected {text:?} to hold one entry, got {other:?}"),
    }
}

/// The text of the only entry's value.
fn value_text(text: &str) -> String {
    match only_entry(text).value {
        Some(value) => value.text,
        None => panic!("expected {text:?} to have a value"),
    }
}

fn error(text: &str) -> DotEnvError {
    match parse(text) {
        Ok(env) => panic!("expected {text:?} to fail, got {env:?}"),
        Err(error) => error,
    }
}

fn entry(key: &str, key_range: Range<usize>, value: Option<RawValue>, line: usize) -> Entry {
    Entry {
        key: key.to_owned(),
        key_range,
        value,
        line,
    }
}

fn raw(text: &str, range: Range<usize>, quote: Quote) -> Option<RawValue> {
    Some(RawValue {
        text: text.to_owned(),
        range,
        quote,
    })
}

fn no_os(_: &str) -> Option<String> {
    None
}

fn resolved(text: &str, os: &dyn Fn(&str) -> Option<String>) -> Vec<(String, String, usize)> {
    resolve(&parse(text).unwrap(), os)
}

fn variable(key: &str, value: &str, line: usize) -> (String, String, usize) {
    (key.to_owned(), value.to_owned(), line)
}

/// The resolved value of `key`.
fn resolved_value(text: &str, key: &str) -> String {
    resolved(text, &no_os)
        .into_iter()
        .find(|(name, _, _)| name == key)
        .map(|(_, value, _)| value)
        .unwrap_or_else(|| panic!("{key} not defined by {text:?}"))
}

// --- statements, blank lines, comments ------------------------------------------

#[test]
fn empty_file_has_no_entries() {
    assert_eq!(parse("").unwrap(), DotEnv::default());
}

#[test]
fn blank_and_comment_only_files_have_no_entries() {
    for text in [
        "\n",
        "\r\n",
        "\t\t ",
        "# Comment",
        "\t # comment",
        "# a\n\n  # b\n",
    ] {
        assert_eq!(entries(text), vec![], "{text:?}");
    }
}

#[test]
fn reads_a_key_and_an_unquoted_value() {
    assert_eq!(
        only_entry("FOO=bar"),
        entry("FOO", 0..3, raw("bar", 4..7, Quote::None), 1)
    );
}

#[test]
fn counts_lines_across_blank_lines_and_comments() {
    assert_eq!(
        entries("# c\n\nA=1\n  # indented\nB=2\n"),
        vec![
            entry("A", 5..6, raw("1", 7..8, Quote::None), 3),
            entry("B", 22..23, raw("2", 24..25, Quote::None), 5),
        ]
    );
}

#[test]
fn skips_a_byte_order_mark() {
    // compose-go's TestUTF8BOM; ranges still count the mark's three bytes.
    assert_eq!(
        entries("\u{feff}A=1\nB=2"),
        vec![
            entry("A", 3..4, raw("1", 5..6, Quote::None), 1),
            entry("B", 7..8, raw("2", 9..10, Quote::None), 2),
        ]
    );
    assert_eq!(entries("\u{feff}# c\nA=1")[0].key, "A");
    assert_eq!(entries("\u{feff}"), vec![]);
}

#[test]
fn a_byte_order_mark_elsewhere_is_not_skipped() {
    let error = error("A=1\n\u{feff}B=2");
    assert!(
        error.message.starts_with("unexpected character"),
        "{}",
        error.message
    );
    assert_eq!((error.offset, error.line), (4, 2));
}

#[test]
fn ignores_leading_whitespace() {
    // compose-go's TestParsing: " KEY =value", "   KEY=value", "\tKEY=value".
    assert_eq!(
        only_entry(" KEY =value"),
        entry("KEY", 1..4, raw("value", 6..11, Quote::None), 1)
    );
    assert_eq!(only_entry("   KEY=value").key_range, 3..6);
    assert_eq!(only_entry("\tKEY=value").key_range, 1..4);
}

#[test]
fn a_hash_only_starts_a_comment_at_the_start_of_a_statement() {
    assert_eq!(
        error("A#=1").message,
        "unexpected character \"#\" in variable name \"A#=1\""
    );
}

// --- export ------------------------------------------------------------------

#[test]
fn drops_an_export_prefix() {
    assert_eq!(
        only_entry("export OPTION_A=2"),
        entry("OPTION_A", 7..15, raw("2", 16..17, Quote::None), 1)
    );
    assert_eq!(only_entry("export\tOPTION_A=2").key_range, 7..15);
    assert_eq!(only_entry("  export OPTION_A=2").key_range, 9..17);
    assert_eq!(only_entry("\texport   OPTION_A=2").key_range, 10..18);
    assert_eq!(value_text(r#"export OPTION_A="export A""#), "export A");
}

#[test]
fn keeps_export_when_it_is_part_of_the_key() {
    // compose-go's TestParsing.
    assert_eq!(only_entry("exportFOO=2").key, "exportFOO");
    assert_eq!(only_entry("export_FOO =2").key, "export_FOO");
    assert_eq!(only_entry("export.FOO= 2").key, "export.FOO");
    assert_eq!(only_entry("export=1").key, "export");
}

#[test]
fn export_alone_at_the_end_is_a_zero_length_string() {
    let error = error("A=1\nexport ");
    assert_eq!(error.message, "zero length string");
    assert_eq!((error.offset, error.line), (4, 2));
}

// --- keys ----------------------------------------------------------------------

#[test]
fn keys_take_letters_digits_and_punctuation() {
    // compose-go's TestParseBytes and TestDash.
    let text = "a=b\na[1]=c\na.propertyKey=d\nárvíztűrő-TÜKÖRFÚRÓGÉP=ÁRVÍZTŰRŐ-tükörfúrógép\nVAR-WITH-DASHES=x\n1A=y\n";
    let keys: Vec<String> = entries(text).into_iter().map(|entry| entry.key).collect();
    assert_eq!(
        keys,
        [
            "a",
            "a[1]",
            "a.propertyKey",
            "árvíztűrő-TÜKÖRFÚRÓGÉP",
            "VAR-WITH-DASHES",
            "1A"
        ]
    );
    assert_eq!(value_text("árvíz=ÁRVÍZTŰRŐ"), "ÁRVÍZTŰRŐ");
}

#[test]
fn a_key_may_be_empty() {
    // compose-go's TestParsing: `="value"`.
    assert_eq!(
        only_entry(r#"="value""#),
        entry("", 0..0, raw("value", 1..8, Quote::Double), 1)
    );
}

#[test]
fn rejects_an_unexpected_character_in_a_key() {
    // compose-go's TestParseVariable, with the same message.
    let error = error("%!(EXTRA string)=foo");
    assert_eq!(
        error.message,
        r#"unexpected character "%" in variable name "%!(EXTRA string)=foo""#
    );
    assert_eq!((error.offset, error.line), (0, 1));
}

#[test]
fn reports_the_position_of_an_unexpected_character() {
    // compose-go's "throws an error if line format is incorrect".
    let error = error("A=1\nlol$wut\nB=2");
    assert_eq!(
        error.message,
        r#"unexpected character "$" in variable name "lol$wut""#
    );
    assert_eq!((error.offset, error.line), (7, 2));
    assert_eq!(
        error.to_string(),
        r#"line 2: unexpected character "$" in variable name "lol$wut""#
    );
}

#[test]
fn a_quote_cannot_start_a_statement() {
    assert_eq!(
        error(r#""A"=1"#).message,
        r#"unexpected character "\"" in variable name "\"A\"=1""#
    );
}

#[test]
fn rejects_a_space_inside_a_key() {
    let error = error("A=1\nMY KEY=2");
    assert_eq!(error.message, "key cannot contain a space");
    assert_eq!((error.offset, error.line), (4, 2));
}

#[test]
fn keeps_a_tab_inside_a_key() {
    // compose-go only checks for the space character.
    assert_eq!(only_entry("A\tB=1").key, "A\tB");
}

#[test]
fn trims_blanks_before_the_separator() {
    assert_eq!(
        only_entry("FOO \t =bar"),
        entry("FOO", 0..3, raw("bar", 7..10, Quote::None), 1)
    );
}

// --- separators and bare keys ----------------------------------------------------

#[test]
fn a_colon_separates_like_an_equals_sign() {
    // compose-go's "parses yaml style options".
    assert_eq!(
        only_entry("OPTION_A: 1"),
        entry("OPTION_A", 0..8, raw("1", 10..11, Quote::None), 1)
    );
    assert_eq!(value_text("OPTION_A: Foo=bar"), "Foo=bar");
    assert_eq!(value_text("OPTION_A=1:B"), "1:B");
    assert_eq!(value_text("FOO=foobar="), "foobar=");
}

#[test]
fn the_first_separator_ends_the_key() {
    assert_eq!(
        only_entry("A:B=C"),
        entry("A", 0..1, raw("B=C", 2..5, Quote::None), 1)
    );
}

#[test]
fn an_empty_value_is_an_empty_string() {
    assert_eq!(
        entries("A=\nB=   \nC="),
        vec![
            entry("A", 0..1, raw("", 2..2, Quote::None), 1),
            entry("B", 3..4, raw("", 8..8, Quote::None), 2),
            entry("C", 9..10, raw("", 11..11, Quote::None), 3),
        ]
    );
}

#[test]
fn a_bare_key_has_no_value() {
    assert_eq!(
        entries("HOME\nB=1\n  PATH \r\n"),
        vec![
            entry("HOME", 0..4, None, 1),
            entry("B", 5..6, raw("1", 7..8, Quote::None), 2),
            entry("PATH", 11..15, None, 3),
        ]
    );
}

#[test]
fn a_last_statement_without_separator_is_the_value_of_an_empty_key() {
    // compose-go's key scan finds no `=`, `:` or newline and returns an
    // empty key; the statement is then read as that key's value.
    assert_eq!(
        entries("A=1\nHOME"),
        vec![
            entry("A", 0..1, raw("1", 2..3, Quote::None), 1),
            entry("", 4..4, raw("HOME", 4..8, Quote::None), 2),
        ]
    );
}

// --- unquoted values ----------------------------------------------------------------

#[test]
fn trims_trailing_whitespace_of_an_unquoted_value() {
    assert_eq!(
        only_entry("FOO=bar \t").value,
        raw("bar", 4..7, Quote::None)
    );
    assert_eq!(only_entry("FOO= bar").value, raw("bar", 5..8, Quote::None));
}

#[test]
fn keeps_inner_spaces_of_an_unquoted_value() {
    assert_eq!(value_text("OPTION_H=my string"), "my string");
}

#[test]
fn space_hash_starts_an_inline_comment() {
    // compose-go's "ignores inline comments".
    assert_eq!(
        only_entry("FOO=bar # this is foo").value,
        raw("bar", 4..7, Quote::None)
    );
    assert_eq!(value_text("FOO=bar #this is foo"), "bar");
    assert_eq!(value_text("FOO=bar #"), "bar");
    assert_eq!(value_text("FOO=a b  # c # d"), "a b");
}

#[test]
fn a_hash_without_a_space_before_it_is_part_of_the_value() {
    assert_eq!(
        value_text("FOO=123#not-an-inline-comment"),
        "123#not-an-inline-comment"
    );
    assert_eq!(value_text("FOO=bar\t#tab"), "bar\t#tab");
    assert_eq!(value_text("FOO=#bar"), "#bar");
}

#[test]
fn a_value_starting_with_space_hash_keeps_the_hash() {
    // The blanks after `=` are skipped before compose-go looks for ` #`.
    assert_eq!(only_entry("K= # c").value, raw("# c", 3..6, Quote::None));
}

#[test]
fn unquoted_values_keep_quotes_and_backslashes() {
    assert_eq!(value_text(r#"K=a"b'c"#), r#"a"b'c"#);
    // compose-go's TestParsing: `FOO=a\tb`.
    assert_eq!(value_text(r"FOO=a\tb"), r"a\tb");
}

#[test]
fn handles_windows_line_ends() {
    assert_eq!(
        entries("A=1\r\nB='x'\r\n# c\r\nC\r\n"),
        vec![
            entry("A", 0..1, raw("1", 2..3, Quote::None), 1),
            entry("B", 5..6, raw("x", 7..10, Quote::Single), 2),
            entry("C", 17..18, None, 4),
        ]
    );
}

// --- single-quoted values ------------------------------------------------------------

#[test]
fn reads_a_single_quoted_value() {
    assert_eq!(
        only_entry("FOO='bar'"),
        entry("FOO", 0..3, raw("bar", 4..9, Quote::Single), 1)
    );
    assert_eq!(value_text("FOO='ba#r'"), "ba#r");
    assert_eq!(value_text("OPTION_C=''"), "");
    assert_eq!(value_text(r#"FOO='echo "x"'"#), r#"echo "x""#);
}

#[test]
fn single_quoted_values_are_literal() {
    // compose-go's quoted.env: OPTION_D='\n' is backslash, n.
    assert_eq!(value_text(r"OPTION_D='\n'"), r"\n");
    assert_eq!(value_text("BAR='quote $FOO'"), "quote $FOO");
    assert!(!only_entry("A='x'").value.unwrap().is_interpolated());
}

#[test]
fn single_quoted_values_may_span_lines() {
    assert_eq!(
        entries("OPTION_J = 'first line\nsecond line'\nZ=1"),
        vec![
            entry(
                "OPTION_J",
                0..8,
                raw("first line\nsecond line", 11..35, Quote::Single),
                1
            ),
            entry("Z", 36..37, raw("1", 38..39, Quote::None), 3),
        ]
    );
}

#[test]
fn a_backslash_escapes_the_quote_in_single_quotes() {
    assert_eq!(
        only_entry(r"A='it\'s'").value,
        raw("it's", 2..9, Quote::Single)
    );
}

#[test]
fn other_backslashes_stay_in_single_quotes() {
    assert_eq!(value_text(r"B='C:\path\n'"), r"C:\path\n");
    // `\\` is a pair that stays a pair, and does not escape the quote.
    assert_eq!(value_text(r"C='a\\' # comment"), r"a\\");
}

// --- double-quoted values ------------------------------------------------------------

#[test]
fn reads_a_double_quoted_value() {
    assert_eq!(
        only_entry(r#"FOO="bar""#),
        entry("FOO", 0..3, raw("bar", 4..9, Quote::Double), 1)
    );
    assert_eq!(value_text(r#"FOO="'d'""#), "'d'");
    assert_eq!(value_text(r#"THREE = "3""#), "3");
    assert!(only_entry(r#"A="x""#).value.unwrap().is_interpolated());
}

#[test]
fn double_quoted_values_unescape_the_quote() {
    // compose-go's "parses escaped double quotes".
    assert_eq!(value_text(r#"FOO="escaped\"bar""#), r#"escaped"bar"#);
    assert_eq!(value_text(r#"FOO="\"quoted\"""#), r#""quoted""#);
}

#[test]
fn double_quoted_values_expand_shell_escapes() {
    // compose-go's "various shell escape sequences".
    assert_eq!(
        value_text(r#"KEY="Z\aZ\bZ\fZ\nZ\rZ\tZ\vZ\\Z\0123Z""#),
        "Z\x07Z\x08Z\x0cZ\nZ\rZ\tZ\x0bZ\\ZSZ"
    );
}

#[test]
fn double_quoted_values_keep_unsupported_escapes() {
    // compose-go's "non-XSI/POSIX escapes are ignored", plus what Go's
    // UnquoteChar refuses.
    for (escape, kept) in [
        (r"\x07", r"\x07"),
        (r"\u12e4", r"\u12e4"),
        (r"\U00101234", r"\U00101234"),
        (r"\c", r"\c"),
        (r"\'", r"\'"),
        (r"\ ", r"\ "),
        (r"\0", r"\0"),
        (r"\01", r"\01"),
        (r"\08", r"\08"),
        (r"\0777", r"\0777"),
        (r"\0400", r"\0400"),
    ] {
        assert_eq!(value_text(&format!("K=\"{escape}\"")), kept, "{escape}");
    }
}

#[test]
fn double_quoted_octal_escape_takes_three_digits() {
    assert_eq!(value_text(r#"K="\0101\01012""#), "AA2");
    assert_eq!(value_text(r#"K="\0377""#), "\u{ff}");
    assert_eq!(value_text(r#"K="\0000""#), "\0");
}

#[test]
fn double_quoted_backslashes_follow_compose_go() {
    // compose-go's "newlines and backslashes should be escaped".
    assert_eq!(value_text(r#"FOO="bar\n\ b\az""#), "bar\n\\ b\x07z");
    assert_eq!(value_text(r#"FOO="bar\\\n\ b\az""#), "bar\\\n\\ b\x07z");
    assert_eq!(value_text(r#"FOO="bar\\r\ b\az""#), "bar\\r\\ b\x07z");
    assert_eq!(value_text(r#"FOO="bar\nbaz\\""#), "bar\nbaz\\");
}

#[test]
fn double_quoted_escaped_dollar_becomes_an_interpolation_escape() {
    assert_eq!(value_text(r#"FOO="foo\$BAR""#), "foo$$BAR");
}

#[test]
fn double_quoted_values_may_span_lines() {
    // compose-go's TestVariableStringValueSeparator.
    let text = "TEST_URLS=\"stratum+tcp://a:3333\nstratum+tcp://b:443\"\nNEXT=1";
    assert_eq!(
        entries(text),
        vec![
            entry(
                "TEST_URLS",
                0..9,
                raw(
                    "stratum+tcp://a:3333\nstratum+tcp://b:443",
                    10..52,
                    Quote::Double
                ),
                1
            ),
            entry("NEXT", 53..57, raw("1", 58..59, Quote::None), 3),
        ]
    );
}

#[test]
fn a_comment_may_follow_a_quoted_value() {
    // compose-go's "allows # in quoted value".
    assert_eq!(
        only_entry(r#"FOO="bar#baz" # comment"#).value,
        raw("bar#baz", 4..13, Quote::Double)
    );
    assert_eq!(value_text(r##"FOO="bar#baz"#"##), "bar#baz");
    assert_eq!(value_text("FOO='bar#baz' # comment"), "bar#baz");
    assert_eq!(
        value_text(r#"FOO="bar#baz#bang" # comment"#),
        "bar#baz#bang"
    );
}

#[test]
fn text_after_a_closing_quote_is_the_next_statement() {
    assert_eq!(
        entries(r#"A="1" B=2"#),
        vec![
            entry("A", 0..1, raw("1", 2..5, Quote::Double), 1),
            entry("B", 6..7, raw("2", 8..9, Quote::None), 1),
        ]
    );
    assert_eq!(
        entries("A='1'x"),
        vec![
            entry("A", 0..1, raw("1", 2..5, Quote::Single), 1),
            entry("", 5..5, raw("x", 5..6, Quote::None), 1),
        ]
    );
}

// --- unterminated quotes ---------------------------------------------------------------

#[test]
fn rejects_unterminated_quotes() {
    // compose-go's TestUnterminatedQuotes.
    for text in [
        r#"KEY=""#,
        r#"KEY="value"#,
        r#"KEY="value\""#,
        r#"KEY="value'"#,
        "KEY='",
        "KEY='value",
        r"KEY='value\'",
        r#"KEY='value""#,
    ] {
        let error = error(text);
        assert_eq!(
            error.message,
            format!("unterminated quoted value {}", &text[4..]),
            "{text}"
        );
        assert_eq!((error.offset, error.line), (4, 1), "{text}");
    }
}

#[test]
fn unterminated_quote_reports_where_it_opened() {
    let error = error("A=1\nB='x\ny\nz");
    assert_eq!(error.message, "unterminated quoted value 'x");
    assert_eq!((error.offset, error.line), (6, 2));
}

// --- resolve ----------------------------------------------------------------------------

#[test]
fn resolve_lists_variables_in_file_order() {
    assert_eq!(
        resolved("ONE=1\nTWO='2'\nTHREE = \"3\"", &no_os),
        vec![
            variable("ONE", "1", 1),
            variable("TWO", "2", 2),
            variable("THREE", "3", 3)
        ]
    );
}

#[test]
fn resolve_lets_a_later_definition_win() {
    assert_eq!(
        resolved("A=1\nB=2\nA=3", &no_os),
        vec![variable("B", "2", 2), variable("A", "3", 3)]
    );
}

#[test]
fn resolve_takes_bare_keys_from_the_environment() {
    let os = |name: &str| (name == "HOME").then(|| "/home/me".to_owned());
    assert_eq!(
        resolved("HOME\nMISSING\nX=1", &os),
        vec![variable("HOME", "/home/me", 1), variable("X", "1", 3)]
    );
}

#[test]
fn resolve_keeps_an_earlier_definition_of_a_bare_key_missing_from_the_environment() {
    assert_eq!(resolved("A=1\nA\n", &no_os), vec![variable("A", "1", 1)]);
}

#[test]
fn resolve_interpolates_with_earlier_keys() {
    // compose-go's TestExpanding.
    assert_eq!(resolved_value("FOO=test\nBAR=$FOO", "BAR"), "test");
    assert_eq!(resolved_value("FOO=test\nBAR=${FOO}bar", "BAR"), "testbar");
    assert_eq!(resolved_value("BAR=$FOO", "BAR"), "");
    assert_eq!(
        resolved_value("FOO=test\nBAR=\"quote $FOO\"", "BAR"),
        "quote test"
    );
}

#[test]
fn resolve_does_not_see_later_keys() {
    assert_eq!(
        resolved("A=$B\nB=1", &no_os),
        vec![variable("A", "", 1), variable("B", "1", 2)]
    );
}

#[test]
fn resolve_looks_in_the_environment_first() {
    // compose-go's TestSubstitutionsWithEnvFilePrecedence: the environment
    // wins in interpolation, but the file's own value is kept for its key.
    let os = |name: &str| (name == "OPTION_A").then(|| "5".to_owned());
    let text = "OPTION_A=1\nOPTION_B=${OPTION_A}\nOPTION_C=$OPTION_B\nOPTION_D=${OPTION_A}_${OPTION_B}\nOPTION_E=${OPTION_NOT_DEFINED}\n";
    assert_eq!(
        resolved(text, &os),
        vec![
            variable("OPTION_A", "1", 1),
            variable("OPTION_B", "5", 2),
            variable("OPTION_C", "5", 3),
            variable("OPTION_D", "5_5", 4),
            variable("OPTION_E", "", 5),
        ]
    );
}

#[test]
fn resolve_applies_defaults() {
    // compose-go's substitutions-default.env.
    let text = "OPTION_A=${OPTION_A:-1}\nOPTION_B=${OPTION_A}\nOPTION_E=${OPTION_NOT_DEFINED:-}\n";
    assert_eq!(
        resolved(text, &no_os),
        vec![
            variable("OPTION_A", "1", 1),
            variable("OPTION_B", "1", 2),
            variable("OPTION_E", "", 3)
        ]
    );
    let os = |name: &str| (name == "OPTION_A").then(|| "5".to_owned());
    assert_eq!(resolved(text, &os)[0], variable("OPTION_A", "5", 1));
}

#[test]
fn resolve_leaves_single_quoted_values_alone() {
    assert_eq!(
        resolved_value("FOO=x\nBAR='quote $FOO ${'", "BAR"),
        "quote $FOO ${"
    );
}

#[test]
fn resolve_turns_escaped_dollars_into_dollars() {
    // compose-go's "does not expand escaped variables".
    assert_eq!(resolved_value(r#"FOO="foo\$BAR""#, "FOO"), "foo$BAR");
    assert_eq!(resolved_value(r#"FOO="foo\${BAR}""#, "FOO"), "foo${BAR}");
    assert_eq!(
        resolved_value("FOO=test\nBAR=\"foo\\${FOO} ${FOO}\"", "BAR"),
        "foo${FOO} test"
    );
    assert_eq!(resolved_value("FOO=a$$b", "FOO"), "a$b");
}

#[test]
fn resolve_uses_bare_keys_in_later_values() {
    let os = |name: &str| (name == "HOME").then(|| "/h".to_owned());
    assert_eq!(
        resolved("HOME\nX=$HOME/x", &os),
        vec![variable("HOME", "/h", 1), variable("X", "/h/x", 2)]
    );
}

#[test]
fn resolve_keeps_the_text_of_a_value_that_fails_to_interpolate() {
    assert_eq!(
        resolved("A=${B:?need B}\nC=${\nD=1", &no_os),
        vec![
            variable("A", "${B:?need B}", 1),
            variable("C", "${", 2),
            variable("D", "1", 3)
        ]
    );
}

#[test]
fn try_resolve_reports_a_missing_required_variable() {
    let error = try_resolve(&parse("X=1\nA=${B:?need B}").unwrap(), &no_os).unwrap_err();
    assert_eq!(
        error,
        ResolveError {
            key: "A".to_owned(),
            line: 2,
            error: InterpolationError::Required {
                name: "B".to_owned(),
                message: "required variable B is missing a value: need B".to_owned(),
                range: 0..12,
            },
        }
    );
    assert_eq!(
        error.to_string(),
        "line 2: A: required variable B is missing a value: need B"
    );
}

#[test]
fn try_resolve_reports_an_invalid_template() {
    let error = try_resolve(&parse("A=\"x ${\"").unwrap(), &no_os).unwrap_err();
    assert_eq!(error.key, "A");
    assert!(
        matches!(error.error, InterpolationError::Invalid(ref invalid) if invalid.range == (2..4))
    );
}

#[test]
fn try_resolve_succeeds_like_resolve() {
    let env = parse("A=1\nB=$A$A").unwrap();
    assert_eq!(try_resolve(&env, &no_os).unwrap(), resolve(&env, &no_os));
    assert_eq!(resolve(&env, &no_os)[1], variable("B", "11", 2));
}

#[test]
fn resolve_includes_the_empty_key() {
    assert_eq!(resolved("=x", &no_os), vec![variable("", "x", 1)]);
}
