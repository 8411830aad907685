//! Structure and schema: is this a YAML file Compose accepts, shaped as Compose
//! expects?

mod duplicate_container_name;
mod duplicate_key;
mod no_image_or_build;
mod obsolete_version;
mod yaml_syntax;

pub use duplicate_container_name::DuplicateContainerName;
pub use duplicate_key::DuplicateKey;
pub use no_image_or_build::NoImageOrBuild;
pub use obsolete_version::ObsoleteVersion;
pub use yaml_syntax::YamlSyntax;

use lashing_rule::Rule;

/// The rules of this crate, in code order.
pub static RULES: &[&dyn Rule] = &[
    &YamlSyntax,
    &DuplicateKey,
    &ObsoleteVersion,
    &DuplicateContainerName,
    &NoImageOrBuild,
];
