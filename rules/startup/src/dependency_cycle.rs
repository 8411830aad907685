use std::collections::HashMap;

use lashing_compose::{ComposeFile, DependencyKind, Spanned};
use lashing_rule::{declare_rule, Context, Report, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a cycle of dependencies between services: `depends_on`, plus the
    /// implicit dependencies of `links`, `volumes_from` and `network_mode:
    /// service:X`. Every edge of the cycle is reported.
    ///
    /// ## Why is this bad?
    /// Compose starts a service after the services it depends on, so a cycle has no
    /// valid order: it refuses the file (`dependency cycle detected: api -> worker
    /// -> api`).
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   api:
    ///     image: example/api:1.4
    ///     depends_on: [worker]
    ///   worker:
    ///     image: example/worker:1.4
    ///     depends_on: [api]
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   api:
    ///     image: example/api:1.4
    ///     depends_on: [worker]
    ///   worker:
    ///     image: example/worker:1.4
    /// ```
    pub struct DependencyCycle {
        code: "L307",
        name: "dependency-cycle",
        category: Startup,
        severity: Error,
        default_enabled: true,
        fixable: No,
        summary: "Services depend on each other in a cycle",
    }
}

/// Largest cycle component for which each finding spells out its whole path.
const MAX_PATH_SEARCH: usize = 64;

struct Edge<'a> {
    to: usize,
    target: &'a Spanned<String>,
    kind: DependencyKind,
}

impl Rule for DependencyCycle {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let model = cx.model();
        let graph = edges(model);
        let components = strongly_connected(&graph);
        let mut sizes = vec![0usize; graph.len()];
        for &c in &components {
            sizes[c] += 1;
        }
        for (from, service) in model.services.iter().enumerate() {
            for edge in &graph[from] {
                let cyclic = components[from] == components[edge.to]
                    && (from != edge.to || graph[from].iter().any(|e| e.to == from));
                if !cyclic {
                    continue;
                }
                // The exact path costs a search per edge: fine for real cycles (a few
                // services), not for a generated ring of thousands.
                let size = sizes[components[from]];
                let path = if size <= MAX_PATH_SEARCH {
                    cycle_path(&graph, &components, from, edge.to, model)
                } else {
                    format!(
                        "{} -> {} -> ... -> {} (a cycle through {size} services)",
                        service.name.value, edge.target.value, service.name.value
                    )
                };
                cx.report(
                    Report::new(edge.target.use_site(), format!("dependency cycle: {path}"))
                        .label(format!(
                            "`{}` waits for `{}` here",
                            service.name.value, edge.target.value
                        ))
                        .help(format!(
                            "remove one dependency of the cycle{}",
                            match edge.kind {
                                DependencyKind::DependsOn => String::new(),
                                other =>
                                    format!(" (this one is implied by `{}`)", other.attribute()),
                            }
                        ))
                        .service(service.name.as_str()),
                );
            }
        }
    }
}

/// Dependency edges by service index (edges to unknown services are left to
/// `undefined-dependency`).
fn edges(model: &ComposeFile) -> Vec<Vec<Edge<'_>>> {
    let index: HashMap<&str, usize> = model
        .services
        .iter()
        .enumerate()
        .map(|(i, s)| (s.name.as_str(), i))
        .collect();
    model
        .services
        .iter()
        .map(|s| {
            s.dependencies()
                .filter_map(|e| {
                    Some(Edge {
                        to: *index.get(e.target.as_str())?,
                        target: e.target,
                        kind: e.kind,
                    })
                })
                .collect()
        })
        .collect()
}

/// Tarjan's algorithm, iterative so that a long dependency chain cannot overflow
/// the stack. Returns the component id of each node.
fn strongly_connected(graph: &[Vec<Edge<'_>>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let n = graph.len();
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut component = vec![UNSEEN; n];
    let mut stack = Vec::new();
    let mut next_index = 0;
    let mut next_component = 0;
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        // (node, next edge to look at)
        let mut work = vec![(root, 0usize)];
        while let Some(&mut (node, ref mut edge)) = work.last_mut() {
            if *edge == 0 && index[node] == UNSEEN {
                index[node] = next_index;
                low[node] = next_index;
                next_index += 1;
                stack.push(node);
                on_stack[node] = true;
            }
            if let Some(e) = graph[node].get(*edge) {
                *edge += 1;
                let to = e.to;
                if index[to] == UNSEEN {
                    work.push((to, 0));
                } else if on_stack[to] {
                    low[node] = low[node].min(index[to]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == index[node] {
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    component[member] = next_component;
                    if member == node {
                        break;
                    }
                }
                next_component += 1;
            }
        }
    }
    component
}

/// `a -> b -> ... -> a` through the edge `from -> to`: the shortest way back from
/// `to` to `from` inside their component (breadth-first).
fn cycle_path(
    graph: &[Vec<Edge<'_>>],
    component: &[usize],
    from: usize,
    to: usize,
    model: &ComposeFile,
) -> String {
    let name = |i: usize| model.services[i].name.as_str();
    let mut previous = vec![usize::MAX; graph.len()];
    let mut queue = std::collections::VecDeque::from([to]);
    previous[to] = to;
    while let Some(node) = queue.pop_front() {
        if node == from {
            break;
        }
        for e in &graph[node] {
            if component[e.to] == component[from] && previous[e.to] == usize::MAX {
                previous[e.to] = node;
                queue.push_back(e.to);
            }
        }
    }
    let mut back = vec![from];
    let mut node = from;
    while node != to && previous[node] != usize::MAX && back.len() <= graph.len() {
        node = previous[node];
        back.push(node);
    }
    back.reverse();
    let mut path = vec![name(from)];
    path.extend(back.iter().map(|&i| name(i)));
    path.join(" -> ")
}
