//! Quoting a user's value in a message without repeating all of it.

use std::borrow::Cow;

/// Longest value quoted whole in a message, in characters.
const MAX_CHARS: usize = 80;

/// `text`, or its first characters and `…` when it is longer than a message line
/// should carry (a 70,000-character image name is shown by the label, not the
/// message).
pub fn excerpt(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(MAX_CHARS) {
        None => Cow::Borrowed(text),
        Some((cut, _)) => Cow::Owned(format!("{}…", &text[..cut])),
    }
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn short_text_is_whole_and_long_text_is_cut_on_a_char_boundary() {
        assert_eq!(excerpt("redis"), "redis");
        let long = "é".repeat(200);
        let cut = excerpt(&long);
        assert_eq!(cut.chars().count(), 81);
        assert!(cut.ends_with('…'));
    }
}
