//! Ports: what a project publishes on the host, and whether Compose can publish it.

mod duplicate_host_port;
mod exposure;
mod invalid_port;
mod port_all_interfaces;
mod sensitive_port_all_interfaces;

pub use duplicate_host_port::DuplicateHostPort;
pub use invalid_port::InvalidPort;
pub use port_all_interfaces::PortAllInterfaces;
pub use sensitive_port_all_interfaces::SensitivePortAllInterfaces;

use lashing_rule::Rule;

/// The rules of this crate, in code order.
pub static RULES: &[&dyn Rule] = &[
    &SensitivePortAllInterfaces,
    &PortAllInterfaces,
    &DuplicateHostPort,
    &InvalidPort,
];
