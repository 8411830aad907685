//! What an environment variable's name says about how its value is used.
//!
//! The same `http://localhost:3000` is a bug in `API_URL` (the server calls it from
//! inside its container) and right in `NEXT_PUBLIC_API_URL` (the user's browser calls
//! it) or `HOST` (the server listens on it). Names are matched case-insensitively.

/// Prefixes of variables that frameworks hand to the browser bundle.
const BROWSER_PREFIXES: &[&str] = &[
    "NEXT_PUBLIC_",
    "VITE_",
    "REACT_APP_",
    "NUXT_PUBLIC_",
    "PUBLIC_",
    "GATSBY_",
    "EXPO_PUBLIC_",
    "VUE_APP_",
];

/// A variable whose value the user's browser uses, where `localhost` is right.
pub fn is_browser_facing(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    BROWSER_PREFIXES.iter().any(|p| upper.starts_with(p))
}

/// A variable that tells a server where to listen (`HOST`, `BIND_ADDR`,
/// `LISTEN_ADDRESS`, `KAFKA_LISTENERS`, `FLASK_RUN_HOST`...), not where to connect.
pub fn is_bind_variable(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    upper == "HOST"
        || upper.starts_with("BIND")
        || upper.starts_with("LISTEN")
        || upper.contains("_BIND")
        || upper.contains("_LISTEN")
        || upper.ends_with("_RUN_HOST")
        || upper == "UVICORN_HOST"
        || upper == "SERVER_HOST"
        || upper == "SERVER_ADDRESS"
}

/// A variable that holds the address clients *outside* the container use: the
/// public URL of the site, an advertised listener, allowed origins and redirects.
/// `localhost` there describes the developer's browser, not a connection the
/// container makes.
pub fn is_public_address_variable(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    const WORDS: &[&str] = &[
        "PUBLIC",
        "EXTERNAL",
        "ADVERTISED",
        "ORIGIN",
        "CORS",
        "REDIRECT",
        "CALLBACK",
        "VIRTUAL_HOST",
        "LETSENCRYPT",
        "ALLOWED",
        "TRUSTED",
        "DOMAIN",
        "SERVER_NAME",
        "FRONTEND_URL",
        "FRONT_URL",
        // The address the process tells others to use for itself (JMX/RMI), and
        // the proxies it trusts: identities, not destinations.
        "JMX",
        "RMI",
        "REAL_IP",
        "PROXIES",
        "SITE_URL",
        "NEXTAUTH_URL",
        "AUTH_URL",
    ];
    WORDS.iter().any(|w| upper.contains(w))
}

#[cfg(test)]
#[path = "variables_test.rs"]
mod tests;
