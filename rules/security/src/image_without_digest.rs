use lashing_rule::{declare_rule, Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a pulled image that is not pinned by digest (`@sha256:...`), at the image. Images the service builds itself and images whose reference is an unset variable are not reported. Off by default: part of the `hardening` category.
    ///
    /// ## Why is this bad?
    /// A tag can be moved to another image by whoever controls the registry (or its account); only a digest names exactly the image that was reviewed.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   app:
    ///     image: example/app:1.4
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   app:
    ///     image: example/app:1.4@sha256:0f2bc2bd3b8a0e4b4a8d0b6d3c1e5f7a9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1
    /// ```
    ///
    /// ## References
    /// - OWASP Docker Security Cheat Sheet, rule 13: enhance supply chain security.
    /// - CIS Docker Benchmark v1.6.0, 5.28: ensure that Docker commands always make use of the intended version of their image.
    pub struct ImageWithoutDigest {
        code: "L705",
        name: "image-without-digest",
        category: Hardening,
        severity: Info,
        default_enabled: false,
        fixable: No,
        summary: "The image is not pinned by digest",
    }
}

impl Rule for ImageWithoutDigest {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        crate::hardening::image_without_digest(cx);
    }
}
