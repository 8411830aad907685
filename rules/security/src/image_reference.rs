//! An image reference split the way the engine splits it:
//! `[registry[:port]/][path/]name[:tag][@digest]`.

use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageReference {
    /// Byte range of the tag (after the `:`), if any.
    pub tag: Option<Range<usize>>,
    /// Byte range of the digest (after the `@`), if any.
    pub digest: Option<Range<usize>>,
}

/// Splits an image reference. A `:` before the last `/` belongs to a registry port.
pub fn parse(image: &str) -> ImageReference {
    let (name_and_tag, digest) = match image.find('@') {
        Some(at) => (&image[..at], Some(at + 1..image.len())),
        None => (image, None),
    };
    let last_slash = name_and_tag.rfind('/').map_or(0, |i| i + 1);
    let tag = name_and_tag[last_slash..]
        .find(':')
        .map(|colon| last_slash + colon + 1..name_and_tag.len());
    ImageReference { tag, digest }
}

/// Tags that move: each pull can deliver a different image.
pub fn is_floating(tag: &str) -> bool {
    matches!(
        tag.to_ascii_lowercase().as_str(),
        "latest"
            | "stable"
            | "edge"
            | "nightly"
            | "dev"
            | "develop"
            | "development"
            | "main"
            | "master"
            | "beta"
            | "alpha"
            | "canary"
            | "next"
            | "rolling"
            | "unstable"
            | "testing"
            | "current"
            | "lts"
            | "release"
            | "mainline"
            | "preview"
            | "snapshot"
            | "head"
            | "trunk"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_tag_and_digest() {
        let r = parse("nginx");
        assert_eq!((r.tag, r.digest), (None, None));
        let image = "localhost:5000/team/app:1.2@sha256:abc";
        let r = parse(image);
        assert_eq!(r.tag.map(|t| &image[t]), Some("1.2"));
        assert_eq!(r.digest.map(|d| &image[d]), Some("sha256:abc"));
        assert_eq!(parse("localhost:5000/app").tag, None);
        assert!(is_floating("LATEST") && is_floating("stable") && !is_floating("1.27-alpine"));
    }
}
