//! Networking: which services can reach which, over which networks.

mod network_mode_with_networks;
mod undefined_network;

pub use network_mode_with_networks::NetworkModeWithNetworks;
pub use undefined_network::UndefinedNetwork;

use lashing_rule::Rule;

/// The rules of this crate, in code order.
pub static RULES: &[&dyn Rule] = &[&UndefinedNetwork, &NetworkModeWithNetworks];
