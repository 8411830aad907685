use lashing_rule::{declare_rule, excerpt, Context, PerDefinition, Report, Rule, RuleMeta};

use crate::image_reference::{is_floating, parse};

declare_rule! {
    /// ## What it does
    /// Reports a pulled image with no tag (which means `latest`), the `latest` tag,
    /// or another tag that moves by design (`stable`, `edge`, `nightly`, `main`,
    /// `lts`...). An image pinned by digest is not reported, nor one that the
    /// service builds itself (`build:` with `image:` names the local result), nor
    /// one whose tag is a variable that is not set.
    ///
    /// ## Why is this bad?
    /// Each pull can deliver a different image: a deploy or a new teammate's
    /// first `up` silently runs code nobody reviewed, and a bad release cannot be
    /// rolled back by name.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   cache:
    ///     image: redis:latest
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   cache:
    ///     image: redis:7.4
    /// ```
    ///
    /// ## References
    /// - OWASP Docker Security Cheat Sheet, rule 13: enhance supply chain security (pin versions).
    /// - CIS Docker Benchmark v1.6.0, 5.28: ensure that Docker commands always make use of the intended version of their image.
    pub struct FloatingImageTag {
        code: "L617",
        name: "floating-image-tag",
        category: Security,
        severity: Warning,
        default_enabled: true,
        fixable: No,
        summary: "The image has no tag, `latest` or another moving tag",
    }
}

impl Rule for FloatingImageTag {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let mut found = PerDefinition::new();
        for service in crate::containers(cx) {
            let Some(image) = &service.image else {
                continue;
            };
            if service.build.is_some() {
                continue;
            }
            let text = image.value.trim();
            if text.is_empty() || text.contains('$') {
                continue;
            }
            let reference = parse(text);
            if reference.digest.is_some() {
                continue;
            }
            let (at, message) = match &reference.tag {
                None => (
                    image.span,
                    format!(
                        "`{}` has no tag, so every pull takes whatever `latest` is that day",
                        excerpt(text)
                    ),
                ),
                Some(tag) if is_floating(&text[tag.clone()]) => {
                    let at = if text.len() == image.value.len() {
                        image.sub_span(tag.clone())
                    } else {
                        image.span
                    };
                    (
                        at,
                        format!(
                            "`{}` is a moving tag: every pull can deliver a different image",
                            excerpt(&text[tag.clone()])
                        ),
                    )
                }
                Some(_) => continue,
            };
            let name = excerpt(&text[..reference.tag.as_ref().map_or(text.len(), |t| t.start - 1)]);
            found.add(at, image.via, &service.name.value, || {
                Report::new(at, message)
                    .label("not pinned")
                    .help(format!("pin a version tag (`{name}:<version>`), and a digest (`@sha256:...`) for a guarantee a tag cannot give"))
            });
        }
        found.report_all(cx);
    }
}
