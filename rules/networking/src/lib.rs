//! Networking: which services can reach which, over which networks, by which names.

mod app_binds_loopback;
mod data_network_not_internal;
mod host_docker_internal_without_host_gateway;
mod host_network_ports;
mod host_network_service_dns;
mod localhost_in_url;
mod network_mode_with_networks;
mod published_port_in_internal_url;
mod reference_report;
mod undefined_network;
mod unknown_host;
mod unreachable_service;
mod unused_network;

pub use app_binds_loopback::AppBindsLoopback;
pub use data_network_not_internal::DataNetworkNotInternal;
pub use host_docker_internal_without_host_gateway::HostDockerInternalWithoutHostGateway;
pub use host_network_ports::HostNetworkPorts;
pub use host_network_service_dns::HostNetworkServiceDns;
pub use localhost_in_url::LocalhostInUrl;
pub use network_mode_with_networks::NetworkModeWithNetworks;
pub use published_port_in_internal_url::PublishedPortInInternalUrl;
pub use undefined_network::UndefinedNetwork;
pub use unknown_host::UnknownHost;
pub use unreachable_service::UnreachableService;
pub use unused_network::UnusedNetwork;

use lashing_rule::Rule;

/// The rules of this crate, in code order.
pub static RULES: &[&dyn Rule] = &[
    &LocalhostInUrl,
    &UnknownHost,
    &UnreachableService,
    &PublishedPortInInternalUrl,
    &HostNetworkServiceDns,
    &HostNetworkPorts,
    &AppBindsLoopback,
    &HostDockerInternalWithoutHostGateway,
    &DataNetworkNotInternal,
    &UndefinedNetwork,
    &UnusedNetwork,
    &NetworkModeWithNetworks,
];
