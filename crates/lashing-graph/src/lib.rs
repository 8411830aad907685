//! The project graph: which services exist, which networks join them, which names
//! resolve to whom, who listens on which port, who waits for whom, and every
//! URL-like reference in environment values.
//!
//! Built once per project ([`ProjectGraph::build`]) and shared by every rule, so no
//! rule walks the model to answer "do A and B share a network" or "who listens on
//! 5432" on its own.

pub mod data_services;
pub mod endpoint;
mod graph;
mod names;
mod port_index;
mod references;
pub mod variables;

pub use data_services::{data_service_of, debug_port, DataService};
pub use endpoint::{endpoints, Endpoint};
pub use graph::{
    Listen, ListenSource, Namespace, NetworkId, NetworkNode, ProjectGraph, Published, ServiceId,
    ServiceNode,
};
pub use names::{NameKind, Reachability, Resolution};
pub use references::Reference;
