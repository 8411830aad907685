//! `--format mermaid`: one flowchart, a subgraph per project titled with its path
//! (drawn top-down), a subgraph per network inside it. Nodes are declared inside
//! their group first; every edge comes after, at the top level, so no edge pulls a
//! node into another group.

use std::fmt::Write;

use super::escape::{self, Ids};
use super::picture::{EdgeKind, OtherKind, Place, ProjectPicture};

const RED: &str = "stroke:#d1242f,stroke-width:2px,color:#d1242f";
const REFERENCE: &str = "stroke:#0969da,stroke-width:2px,color:#0969da";
const DEPENDENCY: &str = "stroke:#57606a,color:#57606a";
const IMPLICIT: &str = "stroke:#8250df,color:#8250df";
const MEMBERSHIP: &str = "stroke:#8c959f,stroke-width:1px";

/// The line that starts a finding in a label.
const MARK: &str = "⚠ ";

pub(crate) fn render(pictures: &[ProjectPicture]) -> String {
    // Left-to-right at the top stacks the projects one under the other (top-down
    // would put them side by side); each project is drawn top-down inside.
    let mut out = String::from("flowchart LR\n");
    let mut links = Links::default();
    let mut red_nodes: Vec<String> = Vec::new();
    let mut other_nodes: Vec<String> = Vec::new();
    let mut red_groups: Vec<String> = Vec::new();
    // Unconnected groups are stacked bottom-up in input order: projects are written
    // last first so that they are drawn top-down in path order.
    for (p, picture) in pictures.iter().enumerate().rev() {
        let ids = Ids::new(p, picture);
        nodes(
            &mut out,
            picture,
            &ids,
            &mut red_nodes,
            &mut other_nodes,
            &mut red_groups,
        );
        edges(&mut out, picture, &ids, &mut links);
    }
    let _ = writeln!(
        out,
        "  classDef finding fill:#ffebe9,stroke:#d1242f,stroke-width:2px,color:#d1242f"
    );
    let _ = writeln!(out, "  classDef other stroke-dasharray:4 3");
    if !other_nodes.is_empty() {
        let _ = writeln!(out, "  class {} other", other_nodes.join(","));
    }
    if !red_nodes.is_empty() {
        let _ = writeln!(out, "  class {} finding", red_nodes.join(","));
    }
    for group in &red_groups {
        let _ = writeln!(out, "  style {group} {RED}");
    }
    for (indices, style) in [
        (&links.membership, MEMBERSHIP),
        (&links.dependency, DEPENDENCY),
        (&links.implicit, IMPLICIT),
        (&links.reference, REFERENCE),
        (&links.red, RED),
    ] {
        if !indices.is_empty() {
            let list: Vec<String> = indices.iter().map(usize::to_string).collect();
            let _ = writeln!(out, "  linkStyle {} {style}", list.join(","));
        }
    }
    out
}

/// Link numbers (Mermaid styles links by their position in the file) per style.
#[derive(Default)]
struct Links {
    count: usize,
    membership: Vec<usize>,
    dependency: Vec<usize>,
    implicit: Vec<usize>,
    reference: Vec<usize>,
    red: Vec<usize>,
}

/// Escaped lines joined with line breaks.
fn label(lines: &[String]) -> String {
    lines
        .iter()
        .map(|l| escape::mermaid(l))
        .collect::<Vec<_>>()
        .join("<br>")
}

fn with_marks(mut lines: Vec<String>, rules: &[&str]) -> Vec<String> {
    lines.extend(rules.iter().map(|r| format!("{MARK}{r}")));
    lines
}

fn nodes(
    out: &mut String,
    picture: &ProjectPicture,
    ids: &Ids,
    red_nodes: &mut Vec<String>,
    other_nodes: &mut Vec<String>,
    red_groups: &mut Vec<String>,
) {
    let _ = writeln!(
        out,
        "  subgraph {} [\"{}\"]",
        ids.project,
        escape::mermaid(&picture.path)
    );
    let _ = writeln!(out, "    direction TB");
    if picture.has_host {
        let _ = writeln!(out, "    {}{{{{\"host\"}}}}", ids.host);
    }
    for (n, network) in picture.networks.iter().enumerate() {
        let rules = picture.rules_of(&network.marks);
        let title = label(&with_marks(vec![network.title()], &rules));
        let _ = writeln!(out, "    subgraph {} [\"{title}\"]", ids.networks[n]);
        for s in picture.services_in(Place::Network(n)) {
            service(out, picture, ids, s, "      ", red_nodes);
        }
        let _ = writeln!(out, "    end");
        if !rules.is_empty() {
            red_groups.push(ids.networks[n].clone());
        }
    }
    for (place, group, title) in [
        (Place::HostNetwork, &ids.host_network, "host network"),
        (Place::NoNetwork, &ids.no_network, "no network"),
    ] {
        let members = picture.services_in(place);
        if members.is_empty() {
            continue;
        }
        let _ = writeln!(out, "    subgraph {group} [\"{title}\"]");
        for s in members {
            service(out, picture, ids, s, "      ", red_nodes);
        }
        let _ = writeln!(out, "    end");
    }
    for s in picture.services_in(Place::Project) {
        service(out, picture, ids, s, "    ", red_nodes);
    }
    for (o, other) in picture.others.iter().enumerate() {
        let _ = writeln!(
            out,
            "    {}([\"{}\"])",
            ids.others[o],
            label(&[other.label()])
        );
        if other.kind == OtherKind::Missing {
            red_nodes.push(ids.others[o].clone());
        } else {
            other_nodes.push(ids.others[o].clone());
        }
    }
    let loose = picture.loose_findings();
    if !loose.is_empty() {
        let lines = with_marks(
            vec!["other findings".to_string()],
            &picture.rules_of(&loose),
        );
        let _ = writeln!(out, "    {}[\"{}\"]", ids.notes, label(&lines));
        red_nodes.push(ids.notes.clone());
    }
    let _ = writeln!(out, "  end");
}

fn service(
    out: &mut String,
    picture: &ProjectPicture,
    ids: &Ids,
    s: usize,
    indent: &str,
    red_nodes: &mut Vec<String>,
) {
    let view = &picture.services[s];
    let lines = picture.service_lines(s);
    let rules = picture.rules_of(&view.marks);
    let text = label(&with_marks(lines, &rules));
    let node = &ids.services[s];
    if view.data_service.is_some() {
        let _ = writeln!(out, "{indent}{node}[(\"{text}\")]");
    } else {
        let _ = writeln!(out, "{indent}{node}[\"{text}\"]");
    }
    if !rules.is_empty() {
        red_nodes.push(node.clone());
    }
}

fn edges(out: &mut String, picture: &ProjectPicture, ids: &Ids, links: &mut Links) {
    for (s, n) in picture.extra_memberships() {
        let _ = writeln!(out, "  {} -.- {}", ids.services[s], ids.networks[n]);
        links.membership.push(links.count);
        links.count += 1;
    }
    for edge in &picture.edges {
        let arrow = match edge.kind {
            EdgeKind::DependsOn if edge.healthy => "-->",
            EdgeKind::DependsOn => "-.->",
            EdgeKind::Link | EdgeKind::VolumesFrom | EdgeKind::NetworkMode => "-.-o",
            EdgeKind::Reference => "==>",
            EdgeKind::Published => "-->",
        };
        let rules = picture.rules_of(&edge.marks);
        let lines: Vec<String> = if edge.label.is_empty() {
            Vec::new()
        } else {
            vec![edge.label.clone()]
        };
        let lines = with_marks(lines, &rules);
        let from = ids.node(edge.from);
        let to = ids.node(edge.to);
        if lines.is_empty() {
            let _ = writeln!(out, "  {from} {arrow} {to}");
        } else {
            let _ = writeln!(out, "  {from} {arrow}|\"{}\"| {to}", label(&lines));
        }
        let index = links.count;
        links.count += 1;
        if !rules.is_empty() {
            links.red.push(index);
        } else {
            match edge.kind {
                EdgeKind::DependsOn => links.dependency.push(index),
                EdgeKind::Reference => links.reference.push(index),
                EdgeKind::Published => {}
                _ => links.implicit.push(index),
            }
        }
    }
}
