//! Security: risks a project takes (`security` category, on by default) and
//! hardening it lacks (`hardening` category, off by default).
//!
//! Every rule reads the loaded project, after interpolation, merging of overrides,
//! `extends` and anchors: a socket mount behind `${SOCK:-/var/run/docker.sock}` or
//! in an override file is seen. A value that is wrong in itself and shared through
//! an anchor is reported once, at its definition, naming the services that use it.

mod capabilities;
mod credentials;
mod hardening;
mod host_paths;
mod image_reference;

mod capability_all;
mod capability_disclosure;
mod capability_host_availability;
mod capability_host_escape;
mod capability_host_reach;
mod capability_lesser;
mod credential_in_url;
mod docker_socket_mount;
mod floating_image_tag;
mod host_device;
mod host_namespace;
mod host_network_mode;
mod insecure_tmpfs;
mod invalid_restart;
mod literal_credential;
mod logging_disabled;
mod privileged;
mod root_user;
mod security_profile_disabled;
mod sensitive_host_mount;
mod shared_mount_propagation;
mod writable_host_root_mount;

mod image_without_digest;
mod missing_cap_drop_all;
mod missing_no_new_privileges;
mod missing_non_root_user;
mod missing_read_only;
mod missing_resource_limits;

pub use capability_all::CapabilityAll;
pub use capability_disclosure::CapabilityDisclosure;
pub use capability_host_availability::CapabilityHostAvailability;
pub use capability_host_escape::CapabilityHostEscape;
pub use capability_host_reach::CapabilityHostReach;
pub use capability_lesser::CapabilityLesser;
pub use credential_in_url::CredentialInUrl;
pub use docker_socket_mount::DockerSocketMount;
pub use floating_image_tag::FloatingImageTag;
pub use host_device::HostDevice;
pub use host_namespace::HostNamespace;
pub use host_network_mode::HostNetworkMode;
pub use image_without_digest::ImageWithoutDigest;
pub use insecure_tmpfs::InsecureTmpfs;
pub use invalid_restart::InvalidRestart;
pub use literal_credential::LiteralCredential;
pub use logging_disabled::LoggingDisabled;
pub use missing_cap_drop_all::MissingCapDropAll;
pub use missing_no_new_privileges::MissingNoNewPrivileges;
pub use missing_non_root_user::MissingNonRootUser;
pub use missing_read_only::MissingReadOnly;
pub use missing_resource_limits::MissingResourceLimits;
pub use privileged::Privileged;
pub use root_user::RootUser;
pub use security_profile_disabled::SecurityProfileDisabled;
pub use sensitive_host_mount::SensitiveHostMount;
pub use shared_mount_propagation::SharedMountPropagation;
pub use writable_host_root_mount::WritableHostRootMount;

use lashing_compose::Service;
use lashing_rule::{Context, Rule};

/// The rules of this crate, in code order.
pub static RULES: &[&dyn Rule] = &[
    &DockerSocketMount,
    &Privileged,
    &CapabilityAll,
    &CapabilityHostEscape,
    &CapabilityHostReach,
    &CapabilityHostAvailability,
    &CapabilityDisclosure,
    &CapabilityLesser,
    &HostNamespace,
    &HostNetworkMode,
    &SecurityProfileDisabled,
    &SensitiveHostMount,
    &WritableHostRootMount,
    &HostDevice,
    &LiteralCredential,
    &CredentialInUrl,
    &FloatingImageTag,
    &LoggingDisabled,
    &InsecureTmpfs,
    &SharedMountPropagation,
    &InvalidRestart,
    &RootUser,
    &MissingNoNewPrivileges,
    &MissingReadOnly,
    &MissingCapDropAll,
    &MissingResourceLimits,
    &ImageWithoutDigest,
    &MissingNonRootUser,
];

/// The services that run a container (a `provider:` service is run by a plugin).
fn containers<'a>(cx: &Context<'a>) -> impl Iterator<Item = &'a Service> {
    cx.model().services.iter().filter(|s| !s.provider)
}

/// `root`, `0`, `root:GROUP`, `0:GROUP`.
fn is_root_user(user: &str) -> bool {
    let name = user.trim().split(':').next().unwrap_or("");
    name == "root" || name == "0"
}
