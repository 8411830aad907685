//! The configuration file (`lashing.toml` / `.lashing.toml`): finding it, reading
//! it, and its JSON schema.

mod discover;
mod file;
pub mod json_schema;
pub mod keys;

pub use discover::{find_config, CONFIG_NAMES};
pub use file::{parse, read, ConfigError, ConfigFile, ExceptionEntry, PerFileIgnoreEntry, Written};
