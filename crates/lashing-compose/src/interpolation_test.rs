//! Unit tests of `interpolation`. The expected behaviour is compose-go's
//! (`template/template.go` and its tests), re-derived case by case.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;

// --- helpers ----------------------------------------------------------------

/// The environment most tests use: `SET` has a value, `EMPTY` is set to "",
/// everything else is unset.
fn lookup(name: &str) -> Option<String> {
    match name {
        "SET" => Some("value".to_owned()),
        "EMPTY" => Some(String::new()),
        "JSON" => Some(r#"{"json":2}"#.to_owned()),
        "DOLLAR" => Some("$SET".to_owned()),
        _ => None,
    }
}

fn interpolated(text: &str) -> Interpolated {
    match interpolate(text, &lookup) {
        Ok(result) => result,
        Err(error) => panic!("expected `{text}` to interpolate, got {error:?}"),
    }
}

fn value(text: &str) -> String {
    interpolated(text).value
}

fn failure(text: &str) -> InterpolationError {
    match interpolate(text, &lookup) {
        Ok(result) => panic!("expected `{text}` to fail, got {result:?}"),
        Err(error) => error,
    }
}

fn invalid_when_interpolated(text: &str) -> InvalidTemplate {
    match failure(text) {
        InterpolationError::Invalid(invalid) => invalid,
        other => panic!("expected `{text}` to be invalid, got {other:?}"),
    }
}

fn required_message(text: &str) -> String {
    match failure(text) {
        InterpolationError::Required { message, .. } => message,
        other => panic!("expected `{text}` to miss a required variable, got {other:?}"),
    }
}

fn parsed(text: &str) -> Vec<Part> {
    match parse(text) {
        Ok(parts) => parts,
        Err(error) => panic!("expected `{text}` to parse, got {error:?}"),
    }
}

fn parse_error(text: &str) -> InvalidTemplate {
    match parse(text) {
        Ok(parts) => panic!("expected `{text}` not to parse, got {parts:?}"),
        Err(error) => error,
    }
}

/// The only part of `text`, which must be a variable.
fn only_variable(text: &str) -> Variable {
    match parsed(text).as_slice() {
        [Part::Variable(variable)] => variable.clone(),
        other => panic!("expected `{text}` to be one variable, got {other:?}"),
    }
}

fn substitution(
    name: &str,
    range: Range<usize>,
    source: ValueSource,
    output: Range<usize>,
) -> Substitution {
    Substitution {
        name: name.to_owned(),
        range,
        source,
        output,
    }
}

fn unbraced(name: &str, start: usize) -> Part {
    let end = start + 1 + name.len();
    Part::Variable(Variable {
        name: name.to_owned(),
        name_range: start + 1..end,
        range: start..end,
        braced: false,
        operator: None,
        argument: None,
    })
}

fn braced(name: &str, start: usize) -> Part {
    let name_end = start + 2 + name.len();
    Part::Variable(Variable {
        name: name.to_owned(),
        name_range: start + 2..name_end,
        range: start..name_end + 1,
        braced: true,
        operator: None,
        argument: None,
    })
}

// --- parse: literals, escapes, plain variables --------------------------------

#[test]
fn parse_of_an_empty_string_has_no_parts() {
    assert_eq!(parsed(""), vec![]);
}

#[test]
fn parse_of_plain_text_is_one_literal() {
    assert_eq!(parsed("hello world"), vec![Part::Literal(0..11)]);
}

#[test]
fn parse_reads_an_unbraced_variable_between_literals() {
    assert_eq!(
        parsed("a $FOO b"),
        vec![Part::Literal(0..2), unbraced("FOO", 2), Part::Literal(6..8)]
    );
}

#[test]
fn parse_unbraced_name_takes_no_operator() {
    // compose-go's TestNonBraced (docker/compose#8601).
    assert_eq!(
        parsed("$FOO-bar"),
        vec![unbraced("FOO", 0), Part::Literal(4..8)]
    );
    assert_eq!(
        parsed("$FOO:-bar"),
        vec![unbraced("FOO", 0), Part::Literal(4..9)]
    );
}

#[test]
fn parse_unbraced_name_takes_letters_digits_and_underscores() {
    assert_eq!(
        parsed("$_a1_B2x.y"),
        vec![unbraced("_a1_B2x", 0), Part::Literal(8..10)]
    );
}

#[test]
fn parse_name_stops_at_other_characters() {
    assert_eq!(parsed("$Aé"), vec![unbraced("A", 0), Part::Literal(2..4)]);
    assert_eq!(parse_error("${Aé}").range, 0..6);
}

#[test]
fn parse_name_takes_the_letters_go_folds_onto_ascii() {
    // compose-go's pattern is case-insensitive, and Go folds `ſ` onto `s`
    // and the Kelvin sign onto `k`.
    assert_eq!(parsed("$ſ"), vec![unbraced("ſ", 0)]);
    assert_eq!(
        parsed("$aſ1 "),
        vec![unbraced("aſ1", 0), Part::Literal(5..6)]
    );
    assert_eq!(parsed("${\u{212a}_1}"), vec![braced("\u{212a}_1", 0)]);
    assert_eq!(value("${\u{212a}:-kelvin}"), "kelvin");
}

#[test]
fn parse_reads_adjacent_variables() {
    assert_eq!(parsed("$A$B"), vec![unbraced("A", 0), unbraced("B", 2)]);
    assert_eq!(parsed("${A}${B}"), vec![braced("A", 0), braced("B", 4)]);
}

#[test]
fn parse_reads_a_braced_variable() {
    assert_eq!(
        parsed("x${FOO}y"),
        vec![Part::Literal(0..1), braced("FOO", 1), Part::Literal(7..8)]
    );
}

#[test]
fn parse_reads_an_escape() {
    assert_eq!(
        parsed("$${FOO}"),
        vec![Part::Escape(0..2), Part::Literal(2..7)]
    );
}

#[test]
fn parse_reads_an_escape_before_a_variable() {
    assert_eq!(parsed("$$$A"), vec![Part::Escape(0..2), unbraced("A", 2)]);
    assert_eq!(parsed("$$$$"), vec![Part::Escape(0..2), Part::Escape(2..4)]);
}

#[test]
fn parse_keeps_a_lone_dollar_in_the_literal() {
    // compose-go's TestUnescaped, plus a digit, a dash and a non-ASCII letter.
    for text in ["$", "$}", "a $ string", "^REGEX$", "$1", "$-x", "$é", "a$"] {
        assert_eq!(parsed(text), vec![Part::Literal(0..text.len())], "{text}");
    }
}

#[test]
fn parse_merges_a_lone_dollar_with_the_text_around_it() {
    assert_eq!(parsed("1$ $A"), vec![Part::Literal(0..3), unbraced("A", 3)]);
}

#[test]
fn parse_name_is_case_sensitive_and_kept_as_written() {
    assert_eq!(only_variable("${fOo}").name, "fOo");
}

// --- parse: operators ---------------------------------------------------------

#[test]
fn parse_reads_each_operator() {
    let cases = [
        (":-", Operator::DefaultIfUnsetOrEmpty),
        ("-", Operator::DefaultIfUnset),
        (":?", Operator::ErrorIfUnsetOrEmpty),
        ("?", Operator::ErrorIfUnset),
        (":+", Operator::ReplaceIfNonEmpty),
        ("+", Operator::ReplaceIfSet),
    ];
    for (written, operator) in cases {
        let text = format!("${{VAR{written}arg}}");
        let variable = only_variable(&text);
        let argument_start = 5 + written.len();
        assert_eq!(variable.name, "VAR");
        assert_eq!(variable.name_range, 2..5);
        assert_eq!(variable.range, 0..text.len());
        assert!(variable.braced);
        assert_eq!(variable.operator, Some(operator));
        assert_eq!(operator.as_str(), written);
        assert_eq!(
            variable.argument,
            Some(Argument {
                range: argument_start..argument_start + 3,
                parts: vec![Part::Literal(argument_start..argument_start + 3)],
            })
        );
    }
}

#[test]
fn parse_reads_an_empty_argument() {
    let variable = only_variable("${V:-}");
    assert_eq!(variable.operator, Some(Operator::DefaultIfUnsetOrEmpty));
    assert_eq!(
        variable.argument,
        Some(Argument {
            range: 5..5,
            parts: vec![]
        })
    );
}

#[test]
fn parse_takes_the_operator_written_after_the_name() {
    // compose-go's TestPrecedence and TestSubstitutionFunctionChoice.
    let cases = [
        ("${V-x:?y}", Operator::DefaultIfUnset, "x:?y"),
        ("${V?bar-baz}", Operator::ErrorIfUnset, "bar-baz"),
        ("${V:?val?ue}", Operator::ErrorIfUnsetOrEmpty, "val?ue"),
        ("${V:+va:?lu:-e}", Operator::ReplaceIfNonEmpty, "va:?lu:-e"),
        ("${V+va-lu?e}", Operator::ReplaceIfSet, "va-lu?e"),
        (
            "${V:-/non:-alphanumeric}",
            Operator::DefaultIfUnsetOrEmpty,
            "/non:-alphanumeric",
        ),
    ];
    for (text, operator, argument) in cases {
        let variable = only_variable(text);
        assert_eq!(variable.operator, Some(operator), "{text}");
        let range = variable.argument.map(|argument| argument.range).unwrap();
        assert_eq!(&text[range], argument, "{text}");
    }
}

#[test]
fn operator_knows_which_forms_treat_empty_as_unset() {
    assert!(Operator::DefaultIfUnsetOrEmpty.treats_empty_as_unset());
    assert!(Operator::ErrorIfUnsetOrEmpty.treats_empty_as_unset());
    assert!(Operator::ReplaceIfNonEmpty.treats_empty_as_unset());
    assert!(!Operator::DefaultIfUnset.treats_empty_as_unset());
    assert!(!Operator::ErrorIfUnset.treats_empty_as_unset());
    assert!(!Operator::ReplaceIfSet.treats_empty_as_unset());
    assert_eq!(Operator::ReplaceIfSet.to_string(), "+");
}

// --- parse: nesting and where a variable ends ----------------------------------

#[test]
fn parse_nests_a_variable_in_a_default() {
    let variable = only_variable("${A:-${B:-x}}");
    assert_eq!(variable.range, 0..13);
    let argument = variable.argument.unwrap();
    assert_eq!(argument.range, 5..12);
    assert_eq!(
        argument.parts,
        vec![Part::Variable(Variable {
            name: "B".to_owned(),
            name_range: 7..8,
            range: 5..12,
            braced: true,
            operator: Some(Operator::DefaultIfUnsetOrEmpty),
            argument: Some(Argument {
                range: 10..11,
                parts: vec![Part::Literal(10..11)],
            }),
        })]
    );
}

#[test]
fn parse_counts_plain_braces_in_a_default() {
    // compose-go's TestNoValueWithCurlyBracesDefault.
    let text = r#"ok ${A:-{"json":1}} end"#;
    let parts = parsed(text);
    assert_eq!(parts.len(), 3);
    assert_eq!(parts[0], Part::Literal(0..3));
    assert_eq!(parts[2], Part::Literal(19..23));
    let Part::Variable(variable) = &parts[1] else {
        panic!("{parts:?}")
    };
    assert_eq!(variable.range, 3..19);
    let argument = variable.argument.as_ref().unwrap();
    assert_eq!(&text[argument.range.clone()], r#"{"json":1}"#);
}

#[test]
fn parse_leaves_an_extra_closing_brace_literal() {
    let parts = parsed("${A:-x}}");
    assert_eq!(parts.len(), 2);
    assert_eq!(parts[0].range(), 0..7);
    assert_eq!(parts[1], Part::Literal(7..8));
}

#[test]
fn parse_ends_an_unbalanced_default_at_the_last_brace_of_the_line() {
    // The `{` opens a brace that never closes, so compose-go falls back on
    // the greedy match, which ends at the last `}`.
    let variable = only_variable("${A:-{x}");
    assert_eq!(variable.range, 0..8);
    assert_eq!(variable.argument.unwrap().range, 5..7);
}

#[test]
fn parse_skips_the_byte_after_an_opening_brace_like_compose_go() {
    // In `{}` the `}` is skipped, so the braces never balance and the
    // variable runs to the last `}` of the line: its default is `{}} ${B`,
    // whose `${B` is invalid.
    let error = parse_error("${A:-{}} ${B}");
    assert_eq!(error.range, 9..12);
}

#[test]
fn parse_closes_at_the_balancing_brace_even_with_more_braces_later() {
    let parts = parsed("${A:-a}b}c");
    assert_eq!(parts[0].range(), 0..7);
    assert_eq!(parts[1], Part::Literal(7..10));
}

#[test]
fn parse_does_not_let_a_default_cross_a_line_break() {
    // `.` in compose-go's pattern stops at `\n`.
    let error = parse_error("${A:-x\n}");
    assert_eq!(error.range, 0..6);
}

#[test]
fn parse_ends_a_default_at_the_last_brace_before_the_line_break() {
    // The match ends at the `}` of `${B}`, leaving `${B` as the default.
    let error = parse_error("${A:-${B}\n}");
    assert_eq!(error.range, 5..8);
}

#[test]
fn parse_reads_variables_on_several_lines() {
    assert_eq!(
        parsed("$A\n${B}\n"),
        vec![
            unbraced("A", 0),
            Part::Literal(2..3),
            braced("B", 3),
            Part::Literal(7..8)
        ]
    );
}

#[test]
fn parse_keeps_ranges_on_multibyte_text() {
    assert_eq!(
        parsed("é${A}ü"),
        vec![Part::Literal(0..2), braced("A", 2), Part::Literal(6..8)]
    );
}

// --- parse: invalid forms -----------------------------------------------------

#[test]
fn parse_rejects_the_invalid_forms_of_compose_go() {
    // compose-go's TestInvalid, plus a dot, a digit and a stray colon.
    let cases = [
        ("${", 0..2),
        ("${}", 0..3),
        ("${ }", 0..4),
        ("${ foo}", 0..7),
        ("${foo }", 0..7),
        ("${foo!}", 0..7),
        ("${A.B}", 0..6),
        ("${1A}", 0..5),
        ("${A:x}", 0..6),
        ("${A:}", 0..5),
    ];
    for (text, range) in cases {
        let error = parse_error(text);
        assert_eq!(error.range, range, "{text}");
        assert_eq!(
            error.message,
            format!("invalid interpolation format `{text}`: you may need to escape any $ with another $"),
            "{text}"
        );
    }
}

#[test]
fn parse_rejects_a_default_without_closing_brace() {
    let error = parse_error("ok ${A:-x and more");
    assert_eq!(error.range, 3..18);
}

#[test]
fn parse_error_range_stops_at_the_line_end() {
    let error = parse_error("a ${x\nb}");
    assert_eq!(error.range, 2..5);
}

#[test]
fn parse_rejects_an_invalid_form_inside_an_argument() {
    let error = parse_error("${A:-${}}");
    assert_eq!(error.range, 5..8);
}

#[test]
fn parse_rejects_a_brace_that_runs_out_inside_an_argument() {
    // The argument `$B:-x` ... is a string of its own; inside it `${B` has
    // no `}` left.
    let error = parse_error("${A:-${B:-x}");
    assert_eq!(error.range, 5..11);
}

#[test]
fn invalid_template_displays_its_message() {
    let error = parse_error("${");
    assert_eq!(error.to_string(), error.message);
}

// --- parse: nesting limit -----------------------------------------------------

fn nested(levels: usize) -> String {
    let mut text = String::new();
    for _ in 0..levels {
        text.push_str("${A:-");
    }
    text.push('x');
    for _ in 0..levels {
        text.push('}');
    }
    text
}

#[test]
fn parse_accepts_the_maximum_nesting() {
    let parts = parsed(&nested(MAX_NESTING));
    assert_eq!(variables(&parts).len(), MAX_NESTING);
}

#[test]
fn parse_rejects_nesting_beyond_the_maximum() {
    let text = nested(MAX_NESTING + 1);
    let error = parse_error(&text);
    let start = 5 * MAX_NESTING;
    assert_eq!(error.range, start..text.len() - MAX_NESTING);
    assert!(
        error.message.contains("nested more than 64 levels"),
        "{}",
        error.message
    );
}

#[test]
fn parse_survives_hostile_nesting() {
    let text = nested(100_000);
    assert!(parse(&text).is_err());
    assert!(interpolate(&text, &lookup).is_err());
    // With the outer variable set, its default is never evaluated.
    let set = |_: &str| Some("v".to_owned());
    assert_eq!(interpolate(&text, &set).unwrap().value, "v");
}

// --- variables() and has_interpolation() --------------------------------------

#[test]
fn variables_lists_nested_ones_in_text_order() {
    let parts = parsed("${A:-${B:-$C}} $D ${E:?${F}}");
    let names: Vec<&str> = variables(&parts)
        .iter()
        .map(|variable| variable.name.as_str())
        .collect();
    assert_eq!(names, ["A", "B", "C", "D", "E", "F"]);
}

#[test]
fn variables_of_text_without_references_is_empty() {
    assert!(variables(&parsed("plain $$ text $")).is_empty());
}

#[test]
fn has_interpolation_looks_for_a_dollar() {
    assert!(has_interpolation("a $ b"));
    assert!(has_interpolation("${"));
    assert!(!has_interpolation("plain {text}"));
    assert!(!has_interpolation(""));
}

#[test]
fn part_range_covers_what_was_written() {
    let parts = parsed("a$$${B}");
    let ranges: Vec<Range<usize>> = parts.iter().map(Part::range).collect();
    assert_eq!(ranges, [0..1, 1..3, 3..7]);
}

// --- interpolate: plain references ---------------------------------------------

#[test]
fn interpolate_without_references_copies_the_text() {
    assert_eq!(
        interpolated("foo"),
        Interpolated {
            value: "foo".to_owned(),
            substitutions: vec![]
        }
    );
}

#[test]
fn interpolate_replaces_a_set_variable() {
    assert_eq!(
        interpolated("This $SET var"),
        Interpolated {
            value: "This value var".to_owned(),
            substitutions: vec![substitution("SET", 5..9, ValueSource::Variable, 5..10)],
        }
    );
    assert_eq!(value("This ${SET} var"), "This value var");
}

#[test]
fn interpolate_turns_an_unset_variable_into_nothing() {
    assert_eq!(
        interpolated("This ${missing} var"),
        Interpolated {
            value: "This  var".to_owned(),
            substitutions: vec![substitution("missing", 5..15, ValueSource::Unset, 5..5)],
        }
    );
    assert_eq!(value("This $missing var"), "This  var");
}

#[test]
fn interpolate_uses_an_empty_value_as_set() {
    assert_eq!(
        interpolated("[${EMPTY}]").substitutions,
        vec![substitution("EMPTY", 1..9, ValueSource::Variable, 1..1)]
    );
}

#[test]
fn interpolate_does_not_reinterpolate_values() {
    assert_eq!(value("${DOLLAR}"), "$SET");
}

#[test]
fn interpolate_looks_names_up_as_written() {
    assert_eq!(value("${set}"), "");
}

#[test]
fn interpolate_turns_an_escape_into_a_dollar() {
    // compose-go's TestEscaped.
    assert_eq!(
        interpolated("$${SET}"),
        Interpolated {
            value: "${SET}".to_owned(),
            substitutions: vec![]
        }
    );
    assert_eq!(value("$$$SET"), "$value");
}

#[test]
fn interpolate_keeps_lone_dollars() {
    for text in ["a $ string", "^REGEX$", "$}", "$", "$1", "$-"] {
        assert_eq!(value(text), text);
    }
}

#[test]
fn interpolate_unbraced_variable_takes_no_operator() {
    assert_eq!(value("$SET-bar"), "value-bar");
    assert_eq!(value("$UNSET:-bar"), ":-bar");
}

#[test]
fn interpolate_records_output_ranges_of_several_variables() {
    assert_eq!(
        interpolated("é$SET-${EMPTY}-${NOPE}/$SET").substitutions,
        vec![
            substitution("SET", 2..6, ValueSource::Variable, 2..7),
            substitution("EMPTY", 7..15, ValueSource::Variable, 8..8),
            substitution("NOPE", 16..23, ValueSource::Unset, 9..9),
            substitution("SET", 24..28, ValueSource::Variable, 10..15),
        ]
    );
}

// --- interpolate: each operator, unset / empty / set -----------------------------

/// The value of `${NAME<operator>arg}` for an unset, an empty and a set variable.
fn three_ways(operator: &str) -> [Result<(String, ValueSource), InterpolationError>; 3] {
    ["UNSET", "EMPTY", "SET"].map(|name| {
        let text = format!("${{{name}{operator}arg}}");
        interpolate(&text, &lookup).map(|result| {
            assert_eq!(result.substitutions.len(), 1, "{text}");
            (result.value, result.substitutions[0].source)
        })
    })
}

fn produced(value: &str, source: ValueSource) -> Result<(String, ValueSource), InterpolationError> {
    Ok((value.to_owned(), source))
}

#[test]
fn default_if_unset_or_empty() {
    assert_eq!(
        three_ways(":-"),
        [
            produced("arg", ValueSource::Default),
            produced("arg", ValueSource::Default),
            produced("value", ValueSource::Variable),
        ]
    );
}

#[test]
fn default_if_unset() {
    assert_eq!(
        three_ways("-"),
        [
            produced("arg", ValueSource::Default),
            produced("", ValueSource::Variable),
            produced("value", ValueSource::Variable),
        ]
    );
}

#[test]
fn error_if_unset_or_empty() {
    let [unset, empty, set] = three_ways(":?");
    assert_eq!(
        unset,
        Err(InterpolationError::Required {
            name: "UNSET".to_owned(),
            message: "required variable UNSET is missing a value: arg".to_owned(),
            range: 0..13,
        })
    );
    assert_eq!(
        empty,
        Err(InterpolationError::Required {
            name: "EMPTY".to_owned(),
            message: "required variable EMPTY is missing a value: arg".to_owned(),
            range: 0..13,
        })
    );
    assert_eq!(set, produced("value", ValueSource::Variable));
}

#[test]
fn error_if_unset() {
    let [unset, empty, set] = three_ways("?");
    assert_eq!(
        unset,
        Err(InterpolationError::Required {
            name: "UNSET".to_owned(),
            message: "required variable UNSET is missing a value: arg".to_owned(),
            range: 0..12,
        })
    );
    assert_eq!(empty, produced("", ValueSource::Variable));
    assert_eq!(set, produced("value", ValueSource::Variable));
}

#[test]
fn replace_if_non_empty() {
    assert_eq!(
        three_ways(":+"),
        [
            produced("", ValueSource::Unset),
            produced("", ValueSource::Variable),
            produced("arg", ValueSource::Replacement),
        ]
    );
}

#[test]
fn replace_if_set() {
    assert_eq!(
        three_ways("+"),
        [
            produced("", ValueSource::Unset),
            produced("arg", ValueSource::Replacement),
            produced("arg", ValueSource::Replacement),
        ]
    );
}

#[test]
fn required_without_a_reason_has_the_short_message() {
    assert_eq!(
        required_message("not ok ${UNSET:?}"),
        "required variable UNSET is missing a value"
    );
    assert_eq!(
        required_message("not ok ${UNSET?}"),
        "required variable UNSET is missing a value"
    );
}

#[test]
fn required_reason_is_interpolated() {
    // compose-go's TestMandatoryVariableErrorsWithNestedExpansion.
    assert_eq!(
        required_message("not ok ${UNSET:?Mandatory ${SET}}"),
        "required variable UNSET is missing a value: Mandatory value"
    );
    assert_eq!(
        required_message("${UNSET?$$HOME is $SET}"),
        "required variable UNSET is missing a value: $HOME is value"
    );
}

#[test]
fn required_reason_that_interpolates_to_nothing_gives_the_short_message() {
    assert_eq!(
        required_message("${UNSET:?$EMPTY}"),
        "required variable UNSET is missing a value"
    );
}

#[test]
fn required_error_points_at_the_reference() {
    let error = failure("ok ${UNSET:?boom} tail");
    assert_eq!(error.range(), 3..17);
    assert_eq!(
        error.to_string(),
        "required variable UNSET is missing a value: boom"
    );
}

#[test]
fn replacement_output_covers_the_interpolated_argument() {
    assert_eq!(
        interpolated("<${SET:+[$SET]}>"),
        Interpolated {
            value: "<[value]>".to_owned(),
            substitutions: vec![
                substitution("SET", 1..15, ValueSource::Replacement, 1..8),
                substitution("SET", 9..13, ValueSource::Variable, 2..7),
            ],
        }
    );
}

// --- interpolate: nesting --------------------------------------------------------

#[test]
fn interpolate_nested_defaults() {
    assert_eq!(
        interpolated("${A:-${B:-x}}"),
        Interpolated {
            value: "x".to_owned(),
            substitutions: vec![
                substitution("A", 0..13, ValueSource::Default, 0..1),
                substitution("B", 5..12, ValueSource::Default, 0..1),
            ],
        }
    );
}

#[test]
fn interpolate_defaults_with_nested_expansion() {
    // compose-go's TestDefaultsWithNestedExpansion and
    // TestInterpolationExternalInterference.
    assert_eq!(value("ok ${UNSET-$SET}"), "ok value");
    assert_eq!(value("ok ${UNSET-${SET}}"), "ok value");
    assert_eq!(value("ok ${UNSET-${SET} ${SET}}"), "ok value value");
    assert_eq!(value("ok ${EMPTY:-${SET} ${SET}}"), "ok value value");
    assert_eq!(value("ok ${EMPTY+$SET ${SET:+second}}"), "ok value second");
    assert_eq!(value("+ok ${UNSET:-${EMPTY-defaultValue}}"), "+ok ");
    assert_eq!(value(":?ok ${EMPTY:-defaultValue}"), ":?ok defaultValue");
}

#[test]
fn interpolate_json_default() {
    // compose-go's TestNoValueWithCurlyBracesDefault and
    // TestValueWithCurlyBracesDefault.
    assert_eq!(value(r#"ok ${missing:-{"json":1}}"#), r#"ok {"json":1}"#);
    assert_eq!(value(r#"ok ${missing-{"json":1}}"#), r#"ok {"json":1}"#);
    assert_eq!(value(r#"ok ${JSON:-{"json":1}}"#), r#"ok {"json":2}"#);
}

#[test]
fn interpolate_continues_after_a_variable() {
    assert_eq!(value("ok ${SUBDOMAIN:-redis}.${SET:?}"), "ok redis.value");
    assert_eq!(value("${UNSET:-x}}"), "x}");
}

#[test]
fn interpolate_unbalanced_default_runs_to_the_last_brace() {
    assert_eq!(value("${UNSET:-{x}"), "{x");
}

#[test]
fn interpolate_swallows_the_line_when_braces_never_balance() {
    // compose-go's brace counting skips the `}` of `{}`: with SET given, the
    // default `{}} ${B` is never read, and the rest of the line is gone.
    assert_eq!(value("${SET:-{}} ${B} tail"), "value tail");
    assert_eq!(invalid_when_interpolated("${UNSET:-{}} ${B}").range, 13..16);
}

#[test]
fn interpolate_bounds_a_default_by_the_line() {
    assert_eq!(value("${SET:-${B}\n}"), "value\n}");
    assert_eq!(invalid_when_interpolated("${UNSET:-${B}\n}").range, 9..12);
}

#[test]
fn interpolate_reads_several_lines() {
    assert_eq!(value("$SET\n${UNSET:-x}\n"), "value\nx\n");
}

// --- interpolate: laziness and errors ---------------------------------------------

#[test]
fn interpolate_ignores_an_invalid_form_in_an_unused_argument() {
    // compose-go v2.13 interpolates an argument only when it is used.
    assert_eq!(value("${SET:-${}}"), "value");
    assert_eq!(value("${SET-${}}"), "value");
    assert_eq!(value("${SET:?${}}"), "value");
    assert_eq!(value("${UNSET:+${}}"), "");
    assert_eq!(value("${EMPTY:+${}}"), "");
}

#[test]
fn interpolate_rejects_an_invalid_form_in_a_used_argument() {
    assert_eq!(invalid_when_interpolated("${UNSET:-${}}").range, 9..12);
    assert_eq!(invalid_when_interpolated("${SET:+${}}").range, 7..10);
    assert_eq!(invalid_when_interpolated("${UNSET:?${}}").range, 9..12);
}

#[test]
fn interpolate_records_no_substitution_for_an_unused_argument() {
    assert_eq!(
        interpolated("${SET:-$OTHER}").substitutions,
        vec![substitution("SET", 0..14, ValueSource::Variable, 0..5)]
    );
}

#[test]
fn interpolate_rejects_each_invalid_form() {
    for text in [
        "${", "${}", "${ }", "${ foo}", "${foo }", "${foo!}", "${A.B}",
    ] {
        let error = invalid_when_interpolated(text);
        assert_eq!(error.range, 0..text.len(), "{text}");
        assert!(error
            .message
            .contains("you may need to escape any $ with another $"));
    }
}

#[test]
fn interpolate_rejects_an_invalid_form_after_valid_text() {
    let error = invalid_when_interpolated("ok $SET ${");
    assert_eq!(error.range, 8..10);
}

#[test]
fn interpolate_returns_the_first_error_in_text_order() {
    assert_eq!(
        required_message("${A:?first} ${B:?second}"),
        "required variable A is missing a value: first"
    );
    assert_eq!(invalid_when_interpolated("${}${A:?x}").range, 0..3);
    assert_eq!(
        required_message("${A:?x}${}"),
        "required variable A is missing a value: x"
    );
}

#[test]
fn interpolate_applies_the_nesting_limit_to_used_arguments() {
    let error = invalid_when_interpolated(&nested(MAX_NESTING + 1));
    assert!(error.message.contains("nested"), "{}", error.message);
    assert_eq!(value(&nested(MAX_NESTING)), "x");
}

#[test]
fn interpolation_error_converts_and_displays() {
    let invalid = parse_error("${");
    let error = InterpolationError::from(invalid.clone());
    assert_eq!(error, InterpolationError::Invalid(invalid.clone()));
    assert_eq!(error.to_string(), invalid.message);
    assert_eq!(error.range(), 0..2);
}

// --- scale and consistency ---------------------------------------------------------

#[test]
fn long_inputs_take_linear_time() {
    // Each of these would take minutes if the scanner rescanned the line for
    // every `$`.
    let many_defaults = "${UNSET:-x}".repeat(50_000);
    assert_eq!(value(&many_defaults), "x".repeat(50_000));
    assert_eq!(parsed(&many_defaults).len(), 50_000);

    let many_dollars = "$ ".repeat(100_000);
    assert_eq!(value(&many_dollars), many_dollars);

    let unclosed = "${A:-{".repeat(50_000);
    assert!(parse(&unclosed).is_err());

    let one_closing = format!("{}}}", "${SET:-".repeat(50_000));
    assert_eq!(value(&one_closing), "value");
    assert!(parse(&one_closing).is_err());
}

/// Every string of up to `length` characters over `alphabet`.
fn all_strings(alphabet: &[char], length: usize) -> Vec<String> {
    let mut all = vec![String::new()];
    let mut previous = vec![String::new()];
    for _ in 0..length {
        let mut next = Vec::new();
        for prefix in &previous {
            for &character in alphabet {
                let mut text = prefix.clone();
                text.push(character);
                next.push(text);
            }
        }
        all.extend(next.iter().cloned());
        previous = next;
    }
    all
}

#[test]
fn parse_and_interpolate_agree_on_every_short_template() {
    let alphabet = ['$', '{', '}', 'A', '-', ':', '?', '+', '\n', 'é'];
    let set = |_: &str| Some("v".to_owned());
    let unset = |_: &str| None;
    for text in all_strings(&alphabet, 5) {
        let parts = parse(&text);
        if let Ok(parts) = &parts {
            // The parts tile the text.
            let mut end = 0;
            for part in parts {
                assert_eq!(part.range().start, end, "{text:?}");
                end = part.range().end;
            }
            assert_eq!(end, text.len(), "{text:?}");
            for variable in variables(parts) {
                assert_eq!(text[variable.name_range.clone()], variable.name, "{text:?}");
            }
        }
        for environment in [&set as &dyn Fn(&str) -> Option<String>, &unset] {
            match interpolate(&text, environment) {
                Ok(result) => {
                    for substitution in &result.substitutions {
                        assert!(text.get(substitution.range.clone()).is_some(), "{text:?}");
                        assert!(
                            result.value.get(substitution.output.clone()).is_some(),
                            "{text:?}"
                        );
                    }
                }
                Err(InterpolationError::Invalid(invalid)) => {
                    assert!(
                        parts.is_err(),
                        "{text:?}: parse accepted what interpolation rejects"
                    );
                    assert!(text.get(invalid.range.clone()).is_some(), "{text:?}");
                }
                Err(InterpolationError::Required { range, .. }) => {
                    assert!(text.get(range).is_some(), "{text:?}");
                }
            }
        }
    }
}
