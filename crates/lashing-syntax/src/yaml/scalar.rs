//! Scalar typing as Go's yaml.v3 does it (compose-go decodes into `any` with it).
//!
//! This is "most of YAML 1.2" with Go's integer parsing: `yes`/`on` are strings,
//! `0755` is octal 493, `1_000` is 1000, `0b101` is 5, `08` is the float 8.

/// The type and value yaml.v3 gives a scalar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ScalarValue {
    Null,
    Bool(bool),
    /// An integer that fits Go's `int64`.
    Int(i64),
    /// An integer above `int64` that fits `uint64` (yaml.v3 decodes it so). Two
    /// variants rather than one `i128`: an `i128` would make every node of every
    /// tree 16-byte aligned and a good deal larger.
    Uint(u64),
    Float(f64),
    /// A date or date-time (yaml.v3 turns these into `time.Time`).
    Timestamp,
    String,
}

/// Resolves an untagged plain scalar.
pub fn resolve_plain(text: &str) -> ScalarValue {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return ScalarValue::Null,
        "true" | "True" | "TRUE" => return ScalarValue::Bool(true),
        "false" | "False" | "FALSE" => return ScalarValue::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return ScalarValue::Float(f64::INFINITY)
        }
        "-.inf" | "-.Inf" | "-.INF" => return ScalarValue::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return ScalarValue::Float(f64::NAN),
        _ => {}
    }
    // Invariant: the empty string returned Null above, so there is a first byte.
    let first = text.as_bytes()[0];
    if !(first.is_ascii_digit() || first == b'-' || first == b'+' || first == b'.') {
        return ScalarValue::String;
    }
    if first.is_ascii_digit() && is_timestamp(text) {
        return ScalarValue::Timestamp;
    }
    let plain: String = text.chars().filter(|&c| c != '_').collect();
    if let Some(n) = go_parse_int(&plain) {
        if let Ok(n) = i64::try_from(n) {
            return ScalarValue::Int(n);
        }
        if let Ok(n) = u64::try_from(n) {
            return ScalarValue::Uint(n);
        }
    }
    if is_yaml_float(&plain) {
        if let Ok(f) = plain.parse::<f64>() {
            return ScalarValue::Float(f);
        }
    }
    ScalarValue::String
}

/// Go's `strconv.ParseInt(s, 0, 64)` and `ParseUint(s, 0, 64)`: optional sign, then
/// `0x`, `0o`, `0b` or a leading `0` (octal) selects the base.
fn go_parse_int(s: &str) -> Option<i128> {
    let (negative, rest) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = rest.get(..2).map(str::to_ascii_lowercase);
    let (radix, digits) = match lower.as_deref() {
        Some("0x") => (16, &rest[2..]),
        Some("0o") => (8, &rest[2..]),
        Some("0b") => (2, &rest[2..]),
        _ if rest.len() > 1 && rest.starts_with('0') => (8, &rest[1..]),
        _ => (10, rest),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let magnitude = u64::from_str_radix(digits, radix).ok()?;
    let value = if negative {
        -i128::from(magnitude)
    } else {
        i128::from(magnitude)
    };
    // ParseInt accepts down to i64::MIN; ParseUint up to u64::MAX (positive only).
    if value < i128::from(i64::MIN) {
        return None;
    }
    Some(value)
}

/// yaml.v3's `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
fn is_yaml_float(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'-' | b'+')));
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    if b.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    } else {
        if digits(&mut i) == 0 {
            return false;
        }
        if b.get(i) == Some(&b'.') {
            i += 1;
            digits(&mut i);
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// yaml.v3 accepts `2006-1-2`, optionally followed by `T`/`t`/space and a time.
/// We only need to recognise the shape, not the instant.
fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    let run = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let year = run(0);
    if year != 4 || b.get(4) != Some(&b'-') {
        return false;
    }
    let month = run(5);
    if !(1..=2).contains(&month) || b.get(5 + month) != Some(&b'-') {
        return false;
    }
    let day_at = 6 + month;
    let day = run(day_at);
    if !(1..=2).contains(&day) {
        return false;
    }
    let rest = &s[day_at + day..];
    if rest.is_empty() {
        return true;
    }
    // A time part must follow the separator: `15:04:05`, with optional fraction/zone.
    let Some(time) = rest
        .strip_prefix('T')
        .or_else(|| rest.strip_prefix('t'))
        .or_else(|| rest.strip_prefix(' '))
    else {
        return false;
    };
    let tb = time.as_bytes();
    let h = tb.iter().take_while(|c| c.is_ascii_digit()).count();
    (1..=2).contains(&h) && tb.get(h) == Some(&b':')
}

#[cfg(test)]
mod tests {
    use super::*;
    use ScalarValue::*;

    #[test]
    fn yaml_1_1_words_are_strings() {
        for s in ["yes", "no", "on", "off", "y", "n", "Yes", "ON"] {
            assert_eq!(resolve_plain(s), String, "{s}");
        }
    }

    #[test]
    fn booleans_and_nulls() {
        assert_eq!(resolve_plain("true"), Bool(true));
        assert_eq!(resolve_plain("FALSE"), Bool(false));
        assert_eq!(resolve_plain("tRue"), String);
        assert_eq!(resolve_plain("~"), Null);
        assert_eq!(resolve_plain(""), Null);
        assert_eq!(resolve_plain("NULL"), Null);
    }

    #[test]
    fn go_integers() {
        assert_eq!(resolve_plain("0755"), Int(493));
        assert_eq!(resolve_plain("0o440"), Int(288));
        assert_eq!(resolve_plain("0x1F"), Int(31));
        assert_eq!(resolve_plain("0b101"), Int(5));
        assert_eq!(resolve_plain("1_000"), Int(1000));
        assert_eq!(resolve_plain("-42"), Int(-42));
        assert_eq!(resolve_plain("+7"), Int(7));
        assert_eq!(resolve_plain("0"), Int(0));
        assert_eq!(
            resolve_plain("9223372036854775807"),
            Int(9223372036854775807)
        );
        assert_eq!(
            resolve_plain("9223372036854775808"),
            Uint(9223372036854775808)
        );
        assert_eq!(
            resolve_plain("18446744073709551615"),
            Uint(18446744073709551615)
        );
        assert_eq!(
            resolve_plain("18446744073709551616"),
            Float(18446744073709551616.0)
        );
    }

    #[test]
    fn floats() {
        assert_eq!(
            resolve_plain("08"),
            Float(8.0),
            "not octal, so Go falls back to float"
        );
        assert_eq!(resolve_plain("1.5"), Float(1.5));
        assert_eq!(resolve_plain(".5"), Float(0.5));
        assert_eq!(resolve_plain("1e3"), Float(1000.0));
        assert_eq!(resolve_plain("-.inf"), Float(f64::NEG_INFINITY));
        assert!(matches!(resolve_plain(".nan"), Float(f) if f.is_nan()));
        assert_eq!(resolve_plain("1."), Float(1.0));
    }

    #[test]
    fn strings_that_look_numeric() {
        for s in [
            "22:22",
            "8080:80",
            "1.2.3",
            "3000-3005",
            "0x",
            "-",
            ".",
            "1e",
            "127.0.0.1",
        ] {
            assert_eq!(resolve_plain(s), String, "{s}");
        }
    }

    #[test]
    fn timestamps() {
        assert_eq!(resolve_plain("2001-12-14"), Timestamp);
        assert_eq!(resolve_plain("2001-12-14t21:59:43.10-05:00"), Timestamp);
        assert_eq!(resolve_plain("2001-12-14 21:59:43"), Timestamp);
        assert_eq!(resolve_plain("2001-12-14x"), String);
    }
}
