//! The project graph: which services exist, which networks join them, which names
//! resolve to whom, who listens on which port, who waits for whom, and every
//! URL-like reference in environment values.

pub mod endpoint;
