//! Placing findings on the picture: each finding goes to the element its primary span
//! is about, so it can be drawn in red where the problem is.
//!
//! In order:
//! 1. the span lies inside (or equals) where an element is written: a reference's
//!    host or port, a dependency's service name or condition (`depends_on`, `links`,
//!    `volumes_from`, `network_mode: service:X`), a published port mapping, a
//!    network's declaration or a service's mention of a network;
//! 2. the span lies inside the alias or merge key through which a service uses such
//!    an element (`<<: *app`); when several elements came through it, the one a
//!    related label of the finding ("defined here") points into wins;
//! 3. the finding names a service, or lies inside a service's definition: that
//!    service's node;
//! 4. otherwise the project's "other findings" note.
//!
//! Elements written by one service are only matched by findings about that service
//! (when the finding names one): an anchor shared by two services is one span for
//! both.

use lashing_diagnostics::Finding;
use lashing_rule::Project;
use lashing_syntax::Span;

use super::picture::{Element, FindingView, ProjectPicture};

pub(crate) fn place(picture: &mut ProjectPicture, project: &Project, findings: &[Finding]) {
    for finding in findings {
        let element = element_of(picture, finding);
        let index = picture.findings.len();
        match element {
            Element::Edge(e) => picture.edges[e].marks.push(index),
            Element::Service(s) => picture.services[s].marks.push(index),
            Element::Network(n) => picture.networks[n].marks.push(index),
            Element::Project => {}
        }
        let (line, column) = position(project, finding.primary.span);
        picture.findings.push(FindingView {
            rule: finding.rule,
            code: finding.code,
            severity: finding.severity,
            message: finding.message.clone(),
            service: finding.service.clone(),
            line,
            column,
            element,
        });
    }
}

/// 1-based line and column (Unicode scalar values) of a span's start.
fn position(project: &Project, span: Span) -> (u32, u32) {
    project
        .files
        .iter()
        .find(|f| f.source.id == span.file)
        .map_or((1, 1), |f| {
            let (start, _) = f.source.span_positions(span);
            (start.line, start.column)
        })
}

fn element_of(picture: &ProjectPicture, finding: &Finding) -> Element {
    let span = finding.primary.span;
    let owner = finding
        .service
        .as_deref()
        .and_then(|name| picture.services.iter().position(|s| s.name == name));
    // Edges that belong to the finding's service (or any edge if it names none).
    let owned = |edge_owner: usize| owner.is_none_or(|o| o == edge_owner);

    // 1. Where the element is written. Edges come in the documented order:
    //    references, dependencies, published ports.
    for kind_rank in 0..3 {
        for (i, edge) in picture.edges.iter().enumerate() {
            if rank(edge.kind) == kind_rank
                && owned(edge.owner)
                && edge.spans.iter().any(|s| inside(span, *s))
            {
                return Element::Edge(i);
            }
        }
    }
    if let Some(i) = picture
        .networks
        .iter()
        .position(|n| n.spans.iter().any(|s| inside(span, *s)))
    {
        return Element::Network(i);
    }

    // 2. Where the service uses it from (an alias or merge key).
    let mut candidates: Vec<(Element, &[Span])> = Vec::new();
    for kind_rank in 0..3 {
        for (i, edge) in picture.edges.iter().enumerate() {
            if rank(edge.kind) == kind_rank
                && owned(edge.owner)
                && edge.via.iter().any(|s| inside(span, *s))
            {
                candidates.push((Element::Edge(i), &edge.spans));
            }
        }
    }
    for (i, network) in picture.networks.iter().enumerate() {
        if network.via.iter().any(|s| inside(span, *s)) {
            candidates.push((Element::Network(i), &network.spans));
        }
    }
    let defined_in = |spans: &[Span]| {
        finding
            .related
            .iter()
            .any(|label| spans.iter().any(|s| inside(label.span, *s)))
    };
    if let Some((element, _)) = candidates
        .iter()
        .find(|(_, spans)| defined_in(spans))
        .or_else(|| candidates.first())
    {
        return *element;
    }

    // 3. The service the finding is about, or whose definition holds it.
    if let Some(s) = owner.or_else(|| {
        picture
            .services
            .iter()
            .position(|s| s.spans.iter().any(|o| inside(span, *o)))
    }) {
        return Element::Service(s);
    }
    Element::Project
}

fn rank(kind: super::picture::EdgeKind) -> usize {
    use super::picture::EdgeKind;
    match kind {
        EdgeKind::Reference => 0,
        EdgeKind::DependsOn | EdgeKind::Link | EdgeKind::VolumesFrom | EdgeKind::NetworkMode => 1,
        EdgeKind::Published => 2,
    }
}

/// `inner` lies inside `outer` (or equals it), in the same file.
fn inside(inner: Span, outer: Span) -> bool {
    inner.file == outer.file && outer.start <= inner.start && inner.end <= outer.end
}
