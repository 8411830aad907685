//! Finding identities that survive edits elsewhere in the file, for SARIF's
//! `partialFingerprints`, GitLab's `fingerprint` and the baseline.
//!
//! A fingerprint hashes the rule, the file, the text at fault, the service, and
//! which occurrence of that combination the finding is. Lines and columns are left
//! out on purpose: adding a service above a finding must not make it "new".

use std::collections::HashMap;

use lashing_syntax::SourceMap;

use crate::Finding;

/// One fingerprint per finding, in the order given (which must be the run's
/// sorted order, so that occurrence numbers are stable). `path` gives the path
/// that identifies a finding's file (the display path, or one relative to a
/// baseline file).
pub fn fingerprints<'a>(
    sources: &'a SourceMap,
    findings: &[Finding],
    path: impl Fn(&'a lashing_syntax::SourceFile) -> std::borrow::Cow<'a, str>,
) -> Vec<String> {
    let mut occurrences: HashMap<u64, u32> = HashMap::new();
    findings
        .iter()
        .map(|finding| {
            let span = finding.primary.span;
            let (file_path, text) = match sources.get(span.file) {
                Some(file) => {
                    let text = file
                        .text
                        .get(span.start as usize..span.end as usize)
                        .unwrap_or("");
                    (path(file), text)
                }
                None => (std::borrow::Cow::Borrowed(""), ""),
            };
            let identity = Fnv::new()
                .field(finding.code)
                .field(&file_path)
                .field(text)
                .field(finding.service.as_deref().unwrap_or(""))
                .finish();
            let occurrence = occurrences.entry(identity).or_insert(0);
            *occurrence += 1;
            let hash = Fnv::new()
                .field(&identity.to_string())
                .field(&occurrence.to_string())
                .finish();
            format!("{hash:016x}")
        })
        .collect()
}

/// FNV-1a, 64 bits: stable across Rust versions and platforms, which
/// `std::hash::DefaultHasher` does not promise. Not for security, only identity.
struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    /// Hashes `s` followed by a separator byte that cannot appear in UTF-8, so
    /// that ("ab", "c") and ("a", "bc") differ.
    fn field(mut self, s: &str) -> Self {
        for byte in s.bytes().chain([0xff]) {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self
    }

    fn finish(self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::Fnv;

    #[test]
    fn fields_are_separated() {
        assert_ne!(
            Fnv::new().field("ab").field("c").finish(),
            Fnv::new().field("a").field("bc").finish()
        );
    }

    #[test]
    fn known_value_never_changes() {
        // Baselines written by one version must still match in the next.
        assert_eq!(Fnv::new().field("").finish(), 0xaf64_724c_8602_eb6e);
    }
}
