//! `cargo bench -p lashing`: in-process throughput of read -> parse -> model -> all
//! rules, on the shared corpus (when present) and on a generated large file.
//! Prints the median of several runs; no timing is asserted anywhere.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use lashing_cli::registry::all_rules;
use lashing_linter::lint_source;
use lashing_syntax::FileId;

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn measure(name: &str, bytes: usize, runs: usize, mut f: impl FnMut()) {
    f(); // warm up
    let samples: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    let m = median(samples);
    let mb_s = bytes as f64 / 1e6 / m.as_secs_f64();
    println!(
        "{name:<40} {:>10.3} ms  {:>8.1} MB/s  ({bytes} bytes, median of {runs})",
        m.as_secs_f64() * 1e3,
        mb_s
    );
}

/// Thousands of services sharing anchors through merge keys, with `${...}` values.
fn generated(services: usize) -> String {
    let mut s = String::from(
        "x-common: &common\n  restart: unless-stopped\n  environment:\n    LOG_LEVEL: ${LOG_LEVEL:-info}\n  networks: [backend]\n",
    );
    s.push_str("services:\n");
    for i in 0..services {
        s.push_str(&format!(
            "  svc{i}:\n    <<: *common\n    image: registry.example.com/team/svc{i}:${{TAG:-1.0.{i}}}\n    container_name: svc{i}\n    ports:\n      - \"127.0.0.1:{}:8080\"\n    depends_on:\n      svc{}:\n        condition: service_started\n    environment:\n      DATABASE_URL: postgres://app:${{DB_PASSWORD}}@db:5432/app{i}\n      CACHE_HOST: cache\n",
            10000 + i % 50000,
            if i == 0 { services - 1 } else { i - 1 },
        ));
    }
    s.push_str("networks:\n  backend: {}\n");
    s
}

fn main() {
    let rules = all_rules();
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut files = Vec::new();
    for entry in ignore::Walk::new(&corpus).flatten() {
        if entry.file_type().is_some_and(|t| t.is_file())
            && entry
                .file_name()
                .to_str()
                .is_some_and(lashing_linter::is_compose_file_name)
        {
            files.push((
                entry.path().to_path_buf(),
                std::fs::read(entry.path()).unwrap_or_default(),
            ));
        }
    }
    if files.is_empty() {
        println!("corpus: {} absent, skipped", corpus.display());
    } else {
        let bytes = files.iter().map(|(_, b)| b.len()).sum();
        measure(
            &format!("corpus ({} files)", files.len()),
            bytes,
            50,
            || {
                for (i, (path, b)) in files.iter().enumerate() {
                    let id = FileId(i as u32);
                    std::hint::black_box(lint_source(
                        id,
                        path.clone(),
                        String::new(),
                        b.clone(),
                        &rules,
                    ));
                }
            },
        );
    }
    for services in [1_000, 10_000] {
        let text = generated(services);
        measure(
            &format!("generated ({services} services)"),
            text.len(),
            10,
            || {
                std::hint::black_box(lint_source(
                    FileId(0),
                    PathBuf::from("big.yaml"),
                    String::new(),
                    text.clone().into_bytes(),
                    &rules,
                ));
            },
        );
    }
}
