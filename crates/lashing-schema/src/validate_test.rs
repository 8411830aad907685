use super::*;

#[test]
fn number_texts() {
    for ok in ["0", "0.5", "-1", "+2", "1e3", "1.5E-2", ".5", "5."] {
        assert!(is_number_text(ok), "{ok}");
    }
    for bad in ["", ".", "e3", "1e", "0x10", "1_000", "abc", "1.2.3", " 1"] {
        assert!(!is_number_text(bad), "{bad}");
    }
}

#[test]
fn integer_and_bool_texts() {
    assert!(is_integer_text("-12"));
    assert!(!is_integer_text("1.0"));
    assert!(!is_integer_text("-"));
    assert!(is_bool_text("YES"));
    assert!(is_bool_text("Off"));
    assert!(!is_bool_text("enabled"));
}

#[test]
fn type_lists() {
    assert_eq!(types_text(ty::STRING | ty::OBJECT), "a string or a mapping");
    assert_eq!(
        types_text(ty::NUMBER | ty::INTEGER | ty::STRING),
        "a string or a number"
    );
    assert_eq!(
        types_text(ty::BOOLEAN | ty::STRING | ty::OBJECT),
        "a string, a boolean or a mapping"
    );
    assert_eq!(list_code(&["a", "b", "c"]), "`a`, `b` or `c`");
}
