use super::*;

#[test]
fn browser_facing_prefixes() {
    for name in [
        "NEXT_PUBLIC_API_URL",
        "VITE_API",
        "REACT_APP_BACKEND",
        "NUXT_PUBLIC_X",
        "PUBLIC_URL",
        "GATSBY_API",
        "EXPO_PUBLIC_API",
        "VUE_APP_API",
        "next_public_api_url",
    ] {
        assert!(is_browser_facing(name), "{name}");
    }
    for name in ["API_URL", "NEXT_API_URL", "MY_VITE_URL"] {
        assert!(!is_browser_facing(name), "{name}");
    }
}

#[test]
fn bind_variables() {
    for name in [
        "HOST",
        "BIND",
        "BIND_ADDR",
        "LISTEN_ADDRESS",
        "GUNICORN_BIND",
        "APP_BIND_ADDRESS",
        "KAFKA_LISTENERS",
        "SERVER_LISTEN_PORT",
        "FLASK_RUN_HOST",
        "UVICORN_HOST",
    ] {
        assert!(is_bind_variable(name), "{name}");
    }
    for name in ["DB_HOST", "API_URL", "HOSTNAME", "REDIS_HOST", "WEBHOOK"] {
        assert!(!is_bind_variable(name), "{name}");
    }
}

#[test]
fn public_address_variables() {
    for name in [
        "PUBLIC_URL",
        "APP_EXTERNAL_URL",
        "KAFKA_ADVERTISED_LISTENERS",
        "CORS_ORIGINS",
        "OAUTH_REDIRECT_URI",
        "VIRTUAL_HOST",
        "NEXTAUTH_URL",
        "SITE_URL",
        "KAFKA_JMX_HOSTNAME",
        "UPSTREAM_REAL_IP_ADDRESS",
        "FRONT_URL",
    ] {
        assert!(is_public_address_variable(name), "{name}");
    }
    for name in ["API_URL", "DATABASE_URL", "API_BASE_URL", "REDIS_HOST"] {
        assert!(!is_public_address_variable(name), "{name}");
    }
}
