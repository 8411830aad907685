//! "Did you mean" suggestions.

/// Names longer than this get no suggestion (real names are short; this keeps each
/// comparison a small fixed-size table).
const MAX_NAME: usize = 64;

/// At most this many candidates (of a plausible length) are compared per name.
/// Suggestions are for hand-written projects, which have a few dozen names; in a
/// generated file with thousands, comparing every unknown name with every known
/// one would make the run quadratic.
pub const MAX_CANDIDATES: usize = 256;

/// The candidate closest to `name` by edit distance, if within `max(1, len/3)` edits
/// (at most 3), ties broken by candidate order.
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let name_chars = Chars::new(name)?;
    let limit = (name_chars.len / 3).clamp(1, 3);
    let mut best: Option<(usize, &str)> = None;
    let plausible = candidates.into_iter().filter(|c| {
        // A length difference alone needs that many edits.
        *c != name && c.chars().count().abs_diff(name_chars.len) <= limit
    });
    for candidate in plausible.take(MAX_CANDIDATES) {
        let Some(candidate_chars) = Chars::new(candidate) else {
            continue;
        };
        let d = distance(&name_chars, &candidate_chars);
        if d <= limit && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Levenshtein distance over chars, with adjacent transpositions counting one edit
/// (optimal string alignment), since swapped letters are the commonest typo.
/// `usize::MAX` for names longer than 64 characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    match (Chars::new(a), Chars::new(b)) {
        (Some(a), Some(b)) => distance(&a, &b),
        _ => usize::MAX,
    }
}

/// The characters of a short name, on the stack.
struct Chars {
    chars: [char; MAX_NAME],
    len: usize,
}

impl Chars {
    fn new(s: &str) -> Option<Chars> {
        let mut chars = ['\0'; MAX_NAME];
        let mut len = 0;
        for c in s.chars() {
            *chars.get_mut(len)? = c;
            len += 1;
        }
        Some(Chars { chars, len })
    }

    fn as_slice(&self) -> &[char] {
        &self.chars[..self.len]
    }
}

fn distance(a: &Chars, b: &Chars) -> usize {
    let (a, b) = (a.as_slice(), b.as_slice());
    // Three rows of the table; lengths are at most MAX_NAME, so MAX_NAME + 1 cells.
    let mut prev2 = [0usize; MAX_NAME + 1];
    let mut prev = [0usize; MAX_NAME + 1];
    let mut cur = [0usize; MAX_NAME + 1];
    for (j, cell) in prev.iter_mut().enumerate().take(b.len() + 1) {
        *cell = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                cur[j] = cur[j].min(prev2[j - 2] + 1);
            }
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("redis", "redsi"), 1);
        assert_eq!(edit_distance("backend", "backnd"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn suggestions() {
        assert_eq!(
            did_you_mean("backnd", ["frontend", "backend"]),
            Some("backend")
        );
        assert_eq!(did_you_mean("db", ["web", "cache"]), None);
        assert_eq!(did_you_mean("x", ["x"]), None);
        // Ties go to the first candidate; a closer one later still wins.
        assert_eq!(did_you_mean("redis", ["redsi", "rediss"]), Some("redsi"));
        assert_eq!(
            did_you_mean("backnd", ["backends", "backend"]),
            Some("backend")
        );
    }

    #[test]
    fn long_names_and_many_candidates_stay_bounded() {
        let long = "n".repeat(MAX_NAME + 1);
        assert_eq!(edit_distance(&long, &long), usize::MAX);
        assert_eq!(did_you_mean(&long, [long.as_str()]), None);
        // Only the first MAX_CANDIDATES plausible names are compared.
        let many: Vec<String> = (0..MAX_CANDIDATES).map(|i| format!("x{i:03}")).collect();
        let mut names: Vec<&str> = many.iter().map(String::as_str).collect();
        names.push("backend");
        assert_eq!(did_you_mean("backnd", names.iter().copied()), None);
        assert_eq!(
            did_you_mean("backnd", names[200..].iter().copied()),
            Some("backend")
        );
    }
}
