//! The schema's regular expressions, as hand-written matchers.
//!
//! compose-go validates with Go's `regexp` (RE2): `.` matches any character but
//! `\n`, `$` without the `m` flag matches only at the end of the text, and a pattern
//! without anchors matches anywhere in the text. Two of the schema's value patterns
//! (`container_name`, `pull_policy`) are unanchored, so they only require the text
//! to *contain* a match; that is reproduced faithfully.

/// Every `pattern` and `patternProperties` key of the Compose schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    /// `^x-`: extension keys.
    Extension,
    /// `^[a-zA-Z0-9._-]+$`: names of services, networks, volumes, ...
    Name,
    /// `^[a-z]+$`: `ulimits` keys.
    LowerAlpha,
    /// `^.+$`: any non-empty single-line key.
    NonEmptyLine,
    /// `.+`: any key with a character that is not a newline.
    NonEmpty,
    /// `[a-zA-Z0-9][a-zA-Z0-9_.-]+` (unanchored): `container_name`.
    ContainerName,
    /// `always|never|build|if_not_present|missing|refresh|daily|weekly|every_([0-9]+[wdhms])+`
    /// (unanchored): `pull_policy`.
    PullPolicy,
}

/// The fixed words of the `pull_policy` pattern, in the schema's order.
pub const PULL_POLICY_WORDS: [&str; 8] = [
    "always",
    "never",
    "build",
    "if_not_present",
    "missing",
    "refresh",
    "daily",
    "weekly",
];

impl Pattern {
    pub const ALL: [Pattern; 7] = [
        Pattern::Extension,
        Pattern::Name,
        Pattern::LowerAlpha,
        Pattern::NonEmptyLine,
        Pattern::NonEmpty,
        Pattern::ContainerName,
        Pattern::PullPolicy,
    ];

    /// The pattern as the schema writes it.
    pub const fn source(self) -> &'static str {
        match self {
            Pattern::Extension => "^x-",
            Pattern::Name => "^[a-zA-Z0-9._-]+$",
            Pattern::LowerAlpha => "^[a-z]+$",
            Pattern::NonEmptyLine => "^.+$",
            Pattern::NonEmpty => ".+",
            Pattern::ContainerName => "[a-zA-Z0-9][a-zA-Z0-9_.-]+",
            Pattern::PullPolicy => {
                "always|never|build|if_not_present|missing|refresh|daily|weekly|every_([0-9]+[wdhms])+"
            }
        }
    }

    pub fn matches(self, text: &str) -> bool {
        match self {
            Pattern::Extension => text.starts_with("x-"),
            Pattern::Name => !text.is_empty() && text.bytes().all(is_name_byte),
            Pattern::LowerAlpha => !text.is_empty() && text.bytes().all(|b| b.is_ascii_lowercase()),
            Pattern::NonEmptyLine => !text.is_empty() && !text.contains('\n'),
            Pattern::NonEmpty => text.chars().any(|c| c != '\n'),
            Pattern::ContainerName => text
                .as_bytes()
                .windows(2)
                .any(|w| w[0].is_ascii_alphanumeric() && is_container_name_byte(w[1])),
            Pattern::PullPolicy => {
                PULL_POLICY_WORDS.iter().any(|word| text.contains(word))
                    || text.match_indices("every_").any(|(at, word)| {
                        let rest = &text.as_bytes()[at + word.len()..];
                        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
                        digits > 0 && rest.get(digits).is_some_and(|b| b"wdhms".contains(b))
                    })
            }
        }
    }

    /// What a text must be to match, completing "service name `my app` ...".
    pub const fn requirement(self) -> &'static str {
        match self {
            Pattern::Extension => "must start with `x-`",
            Pattern::Name => "may only contain letters, digits, `.`, `_` and `-`",
            Pattern::LowerAlpha => "may only contain lowercase letters",
            Pattern::NonEmptyLine => "must be a non-empty single line",
            Pattern::NonEmpty => "must not be empty",
            Pattern::ContainerName => {
                "must contain a letter or digit followed by at least one more letter, digit, `_`, `.` or `-`"
            }
            Pattern::PullPolicy => {
                "must be `always`, `never`, `build`, `if_not_present`, `missing`, `refresh`, `daily`, `weekly` or `every_<duration>` (such as `every_12h`)"
            }
        }
    }
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-')
}

fn is_container_name_byte(b: u8) -> bool {
    is_name_byte(b)
}
