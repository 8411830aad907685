//! Structure and schema: is this a YAML file Compose accepts, shaped as Compose
//! expects?

mod broken_file_reference;
mod duplicate_container_name;
mod duplicate_key;
mod no_image_or_build;
mod obsolete_version;
mod schema_violation;
mod undefined_config;
mod undefined_resource;
mod undefined_secret;
mod undefined_volume;
mod yaml_1_1_literal;
mod yaml_syntax;

pub use broken_file_reference::BrokenFileReference;
pub use duplicate_container_name::DuplicateContainerName;
pub use duplicate_key::DuplicateKey;
pub use no_image_or_build::NoImageOrBuild;
pub use obsolete_version::ObsoleteVersion;
pub use schema_violation::SchemaViolation;
pub use undefined_config::UndefinedConfig;
pub use undefined_secret::UndefinedSecret;
pub use undefined_volume::UndefinedVolume;
pub use yaml_1_1_literal::Yaml11Literal;
pub use yaml_syntax::YamlSyntax;

use lashing_rule::Rule;

/// The rules of this crate, in code order.
pub static RULES: &[&dyn Rule] = &[
    &YamlSyntax,
    &DuplicateKey,
    &ObsoleteVersion,
    &DuplicateContainerName,
    &NoImageOrBuild,
    &SchemaViolation,
    &UndefinedVolume,
    &UndefinedSecret,
    &UndefinedConfig,
    &Yaml11Literal,
    &BrokenFileReference,
];
