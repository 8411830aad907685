use super::*;

#[test]
fn loopback_values() {
    assert_eq!(loopback_in("127.0.0.1"), Some(0..9));
    assert_eq!(loopback_in("localhost:8080"), Some(0..9));
    assert_eq!(loopback_in("tcp://127.0.0.1:3000"), Some(6..15));
    assert_eq!(loopback_in("[::1]:80"), Some(0..5));
    assert_eq!(
        loopback_in("PLAINTEXT://0.0.0.0:9092,CONTROLLER://localhost:9093"),
        None
    );
    assert_eq!(
        loopback_in("PLAINTEXT://localhost:9092,CONTROLLER://localhost:9093"),
        Some(12..21)
    );
    assert_eq!(loopback_in("0.0.0.0"), None);
    assert_eq!(loopback_in("::"), None);
    assert_eq!(loopback_in("[::]:80"), None);
    assert_eq!(loopback_in("db"), None);
    assert_eq!(loopback_in(""), None);
    assert_eq!(loopback_in("[::1"), None);
}
