//! Identifiers and labels that every renderer can write without quoting surprises.
//!
//! Service names may hold `-`, `.`, start with a digit, or be any Unicode (and a
//! label may quote a value: a path, a variable name). Identifiers are therefore
//! made from an index and an ASCII rendering of the name, which keeps them unique,
//! readable in the output and valid in both Mermaid and DOT; labels are escaped per
//! format.

use super::picture::{NodeRef, ProjectPicture};

/// An identifier for element `index` of kind `prefix` in project `project`:
/// `p0_s3_my_api`. Only ASCII letters, digits and `_`; never a Mermaid or DOT
/// keyword (it always starts with `p<digits>_`); unique through the indices.
pub(crate) fn id(project: usize, prefix: &str, index: usize, name: &str) -> String {
    let mut out = format!("p{project}_{prefix}{index}");
    let readable: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .take(32)
        .collect();
    if readable.chars().any(|c| c.is_ascii_alphanumeric()) {
        out.push('_');
        out.push_str(&readable);
    }
    out
}

/// The identifiers of one project's nodes and groups.
pub(crate) struct Ids {
    pub project: String,
    pub host: String,
    pub notes: String,
    pub host_network: String,
    pub no_network: String,
    pub services: Vec<String>,
    pub networks: Vec<String>,
    pub others: Vec<String>,
}

impl Ids {
    pub(crate) fn new(p: usize, picture: &ProjectPicture) -> Ids {
        Ids {
            project: format!("p{p}"),
            host: format!("p{p}_host"),
            notes: format!("p{p}_findings"),
            host_network: format!("p{p}_host_network"),
            no_network: format!("p{p}_no_network"),
            services: (picture.services.iter().enumerate())
                .map(|(i, s)| id(p, "s", i, &s.name))
                .collect(),
            networks: (picture.networks.iter().enumerate())
                .map(|(i, n)| id(p, "n", i, &n.name))
                .collect(),
            others: (picture.others.iter().enumerate())
                .map(|(i, o)| id(p, "x", i, &o.name))
                .collect(),
        }
    }

    pub(crate) fn node(&self, node: NodeRef) -> &str {
        match node {
            NodeRef::Service(i) => &self.services[i],
            NodeRef::Host => &self.host,
            NodeRef::Other(i) => &self.others[i],
        }
    }
}

/// Characters no label may carry as they are: line breaks and other controls,
/// and the Unicode line and paragraph separators (JavaScript line terminators).
fn is_unprintable(c: char) -> bool {
    c.is_control() || c == '\u{2028}' || c == '\u{2029}'
}

/// Text for a double-quoted Mermaid label (`["..."]`, `|"..."|`, subgraph titles).
///
/// Every ASCII character Mermaid's grammar or its HTML labels could read as syntax
/// is written as an entity code (`#34;` for `"`); Mermaid turns those back into the
/// character. Letters, digits, spaces, non-ASCII text and a few harmless
/// punctuation marks are kept as they are; control characters become spaces.
pub(crate) fn mermaid(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_unprintable(c) {
            out.push(' ');
        } else if c.is_ascii_alphanumeric()
            || !c.is_ascii()
            || matches!(
                c,
                ' ' | '-'
                    | '_'
                    | '.'
                    | ':'
                    | '/'
                    | ','
                    | '='
                    | '@'
                    | '+'
                    | '?'
                    | '!'
                    | '\''
                    | '('
                    | ')'
            )
        {
            out.push(c);
        } else {
            out.push_str(&format!("#{};", u32::from(c)));
        }
    }
    out
}

/// Text for a double-quoted DOT string (`label="..."`): `"` and `\` escaped (so no
/// `\n`, `\N` or `\G` escape sequence is formed by the text), control characters
/// become spaces.
pub(crate) fn dot(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if is_unprintable(c) => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_plain_and_unique() {
        assert_eq!(id(0, "s", 3, "my-api.v2"), "p0_s3_my_api_v2");
        assert_eq!(id(1, "s", 0, "1db"), "p1_s0_1db");
        assert_eq!(id(0, "s", 4, "データ"), "p0_s4");
        assert_ne!(id(0, "s", 1, "a-b"), id(0, "s", 2, "a_b"));
    }

    /// The text with every `#digits;` entity code removed.
    fn without_entities(s: &str) -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(at) = rest.find('#') {
            out.push_str(&rest[..at]);
            let tail = &rest[at + 1..];
            let digits = tail.len() - tail.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            assert!(
                digits > 0 && tail[digits..].starts_with(';'),
                "bare # in {s}"
            );
            rest = &tail[digits + 1..];
        }
        out.push_str(rest);
        out
    }

    #[test]
    fn mermaid_labels_keep_no_syntax() {
        let escaped = mermaid("a\"b<c>|d;e#f[g]{h}(i)`j&k%\nl\\m*n");
        let plain = without_entities(&escaped);
        assert!(
            plain
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || " -_.:/,=@+?!'()".contains(c)),
            "{escaped}"
        );
        assert_eq!(mermaid("a\"b"), "a#34;b");
        assert_eq!(mermaid("x;y#"), "x#59;y#35;");
        assert_eq!(mermaid("ünï →"), "ünï →");
    }

    #[test]
    fn dot_strings_are_closed() {
        assert_eq!(dot(r#"a"b\c"#), r#"a\"b\\c"#);
        assert_eq!(dot("a\nb"), "a b");
    }
}
