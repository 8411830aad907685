//! `--format dot`: one Graphviz `digraph`, a cluster per project titled with its
//! path, a cluster per network inside it, so `lashing graph --format dot . | dot
//! -Tsvg` gives one picture even for a folder of projects.

use std::fmt::Write;

use super::escape::{self, Ids};
use super::picture::{EdgeKind, OtherKind, Place, ProjectPicture};

const RED: &str = "#d1242f";
const REFERENCE: &str = "#0969da";
const DEPENDENCY: &str = "#57606a";
const IMPLICIT: &str = "#8250df";
const MEMBERSHIP: &str = "#8c959f";

/// The line that starts a finding in a label.
const MARK: &str = "⚠ ";

pub(crate) fn render(pictures: &[ProjectPicture]) -> String {
    let mut out = String::from("digraph lashing {\n");
    out.push_str(
        "  graph [rankdir=LR, compound=true, newrank=true, fontname=\"Helvetica\", fontsize=12];\n",
    );
    out.push_str("  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=11];\n");
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=9];\n");
    // Left-to-right layouts stack unconnected clusters bottom-up in input order, so
    // projects are written last first to be drawn top-down in path order.
    for (p, picture) in pictures.iter().enumerate().rev() {
        let ids = Ids::new(p, picture);
        nodes(&mut out, picture, &ids);
        edges(&mut out, picture, &ids);
    }
    out.push_str("}\n");
    out
}

/// A quoted DOT string of escaped lines joined by line breaks.
fn quoted<S: AsRef<str>>(lines: &[S]) -> String {
    let lines: Vec<String> = lines.iter().map(|l| escape::dot(l.as_ref())).collect();
    format!("\"{}\"", lines.join("\\n"))
}

fn with_marks(mut lines: Vec<String>, rules: &[&str]) -> Vec<String> {
    lines.extend(rules.iter().map(|r| format!("{MARK}{r}")));
    lines
}

/// ` color=..., tooltip=...` for an element with findings, or nothing.
fn red(picture: &ProjectPicture, marks: &[usize]) -> String {
    if marks.is_empty() {
        return String::new();
    }
    format!(
        ", color=\"{RED}\", fontcolor=\"{RED}\", penwidth=2, tooltip={}",
        quoted(&picture.messages_of(marks))
    )
}

fn nodes(out: &mut String, picture: &ProjectPicture, ids: &Ids) {
    let _ = writeln!(out, "  subgraph cluster_{} {{", ids.project);
    let _ = writeln!(
        out,
        "    label={}; labeljust=l; style=rounded; color=\"{MEMBERSHIP}\";",
        quoted(&[picture.path.as_str()])
    );
    if picture.has_host {
        let _ = writeln!(out, "    {} [label=\"host\", shape=hexagon];", ids.host);
    }
    for (n, network) in picture.networks.iter().enumerate() {
        let rules = picture.rules_of(&network.marks);
        let title = quoted(&with_marks(vec![network.title()], &rules));
        let _ = writeln!(out, "    subgraph cluster_{} {{", ids.networks[n]);
        let _ = writeln!(
            out,
            "      label={title}; labeljust=l; style=\"rounded,dashed\";"
        );
        if rules.is_empty() {
            let _ = writeln!(out, "      color=\"{MEMBERSHIP}\";");
        } else {
            let _ = writeln!(
                out,
                "      color=\"{RED}\"; fontcolor=\"{RED}\"; penwidth=2; tooltip={};",
                quoted(&picture.messages_of(&network.marks))
            );
        }
        let members = picture.services_in(Place::Network(n));
        if members.is_empty() {
            // A cluster without nodes is not drawn: keep an invisible anchor.
            let _ = writeln!(
                out,
                "      {} [shape=point, style=invis, width=0.1, height=0.1, label=\"\"];",
                ids.networks[n]
            );
        }
        for s in members {
            service(out, picture, ids, s, "      ");
        }
        let _ = writeln!(out, "    }}");
    }
    for (place, group, title) in [
        (Place::HostNetwork, &ids.host_network, "host network"),
        (Place::NoNetwork, &ids.no_network, "no network"),
    ] {
        let members = picture.services_in(place);
        if members.is_empty() {
            continue;
        }
        let _ = writeln!(out, "    subgraph cluster_{group} {{");
        let _ = writeln!(
            out,
            "      label=\"{title}\"; labeljust=l; style=\"rounded,dashed\"; color=\"{MEMBERSHIP}\";"
        );
        for s in members {
            service(out, picture, ids, s, "      ");
        }
        let _ = writeln!(out, "    }}");
    }
    for s in picture.services_in(Place::Project) {
        service(out, picture, ids, s, "    ");
    }
    for (o, other) in picture.others.iter().enumerate() {
        let color = if other.kind == OtherKind::Missing {
            RED
        } else {
            DEPENDENCY
        };
        let _ = writeln!(
            out,
            "    {} [label={}, shape=ellipse, style=dashed, fontsize=10, color=\"{color}\", fontcolor=\"{color}\"];",
            ids.others[o],
            quoted(&[other.label()])
        );
    }
    let loose = picture.loose_findings();
    if !loose.is_empty() {
        let lines = with_marks(
            vec!["other findings".to_string()],
            &picture.rules_of(&loose),
        );
        let _ = writeln!(
            out,
            "    {} [label={}, shape=note, style=solid{}];",
            ids.notes,
            quoted(&lines),
            red(picture, &loose)
        );
    }
    let _ = writeln!(out, "  }}");
}

fn service(out: &mut String, picture: &ProjectPicture, ids: &Ids, s: usize, indent: &str) {
    let view = &picture.services[s];
    let lines = picture.service_lines(s);
    let rules = picture.rules_of(&view.marks);
    let shape = if view.data_service.is_some() {
        ", shape=cylinder, style=solid"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "{indent}{} [label={}{shape}{}];",
        ids.services[s],
        quoted(&with_marks(lines, &rules)),
        red(picture, &view.marks)
    );
}

fn edges(out: &mut String, picture: &ProjectPicture, ids: &Ids) {
    for (s, n) in picture.extra_memberships() {
        // Into the network's cluster: to a node drawn in it (or its anchor), clipped
        // at the cluster's border.
        let head = picture
            .services_in(Place::Network(n))
            .first()
            .map_or(&ids.networks[n], |&m| &ids.services[m]);
        let _ = writeln!(
            out,
            "  {} -> {head} [lhead=cluster_{}, dir=none, style=dotted, color=\"{MEMBERSHIP}\"];",
            ids.services[s], ids.networks[n]
        );
    }
    for edge in &picture.edges {
        let rules = picture.rules_of(&edge.marks);
        let (style, color) = match edge.kind {
            EdgeKind::DependsOn if edge.healthy => ("style=solid", DEPENDENCY),
            EdgeKind::DependsOn => ("style=dashed", DEPENDENCY),
            EdgeKind::Link | EdgeKind::VolumesFrom | EdgeKind::NetworkMode => {
                ("style=dotted, arrowhead=odot", IMPLICIT)
            }
            EdgeKind::Reference => ("style=bold", REFERENCE),
            EdgeKind::Published => ("style=solid", "black"),
        };
        let mut attributes = if rules.is_empty() {
            format!("{style}, color=\"{color}\", fontcolor=\"{color}\"")
        } else {
            format!(
                "{style}, color=\"{RED}\", fontcolor=\"{RED}\", penwidth=2, tooltip={}",
                quoted(&picture.messages_of(&edge.marks))
            )
        };
        let lines: Vec<String> = if edge.label.is_empty() {
            Vec::new()
        } else {
            vec![edge.label.clone()]
        };
        let lines = with_marks(lines, &rules);
        if !lines.is_empty() {
            attributes.push_str(&format!(", label={}", quoted(&lines)));
        }
        let _ = writeln!(
            out,
            "  {} -> {} [{attributes}];",
            ids.node(edge.from),
            ids.node(edge.to)
        );
    }
}
