use lashing_rule::{declare_rule, Context, Report, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a service with neither `image` nor `build`.
    ///
    /// ## Why is this bad?
    /// Compose has nothing to run and refuses the file (`service "worker" has neither
    /// an image nor a build context specified`). A service that gets its image from
    /// `extends` is not reported.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   worker:
    ///     command: ["python", "worker.py"]
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   worker:
    ///     build: ./worker
    ///     command: ["python", "worker.py"]
    /// ```
    pub struct NoImageOrBuild {
        code: "L105",
        name: "no-image-or-build",
        category: Schema,
        severity: Error,
        default_enabled: true,
        fixable: No,
        summary: "A service has neither `image` nor `build`",
    }
}

impl Rule for NoImageOrBuild {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        for service in &cx.model().services {
            // `extends` may bring the image; `provider` services run no container.
            if service.image.as_ref().is_some_and(|i| !i.value.is_empty())
                || service.build.is_some()
                || service.extends.is_some()
                || service.provider
            {
                continue;
            }
            cx.report(
                Report::new(
                    service.name.use_site(),
                    format!(
                        "service `{}` has neither `image` nor `build`",
                        service.name.value
                    ),
                )
                .label("nothing to run")
                .help("add `image: <name>:<tag>` or `build: <directory with a Dockerfile>`")
                .service(service.name.as_str()),
            );
        }
    }
}
