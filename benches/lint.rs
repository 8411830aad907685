//! `cargo bench -p lashing`: in-process throughput of read -> parse -> model -> all
//! rules, on the shared corpus (when present) and on a generated large file.
//! Prints the median of several runs; no timing is asserted anywhere.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use lashing_cli::registry::all_rules;
use lashing_linter::lint_source;
use lashing_rule::Rule;
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
    for services in [1_000, 15_000] {
        let text = generated(services);
        measure(
            &format!("generated ({services} services)"),
            text.len(),
            10,
            || {
                lint_text(&text, &rules);
            },
        );
    }

    println!();
    println!(
        "growth: time per byte at 8x the input over time per byte at 1x (linear: 1, quadratic: 8)"
    );
    let mut superlinear = Vec::new();
    for family in FAMILIES {
        let ratio = growth(family, &rules);
        if ratio > MAX_GROWTH {
            superlinear.push(format!("{} ({ratio:.2})", family.name));
        }
    }
    assert!(
        superlinear.is_empty(),
        "time per byte grows with the input (more than {MAX_GROWTH}x at 8x the size): {}",
        superlinear.join(", ")
    );
}

fn lint_text(text: &str, rules: &[&'static dyn Rule]) {
    std::hint::black_box(lint_source(
        FileId(0),
        PathBuf::from("compose.yaml"),
        String::new(),
        text.as_bytes().to_vec(),
        rules,
    ));
}

/// Above this, growth is not near linear. A quadratic step shows as 8 at 8x; cache
/// and allocator effects on a linear one stay well under 2.
const MAX_GROWTH: f64 = 2.0;

/// A family of generated inputs that stresses one part of the pipeline.
struct Family {
    name: &'static str,
    /// The size parameter of the smallest input.
    base: usize,
    make: fn(usize) -> String,
}

const FAMILIES: &[Family] = &[
    Family {
        name: "services with merge keys, ${...}, a depends_on cycle",
        base: 500,
        make: generated,
    },
    Family {
        name: "one value with many ${...}",
        base: 2_000,
        make: |n| {
            let refs: String = (0..n).map(|i| format!("${{V{i}:-x}}")).collect();
            format!("services:\n  a:\n    image: a:1\n    environment:\n      X: \"{refs}\"\n")
        },
    },
    Family {
        name: "duplicate keys",
        base: 2_000,
        make: |n| {
            let keys: String = (0..n).map(|i| format!("      K{}: v\n", i % 10)).collect();
            format!("services:\n  a:\n    image: a:1\n    environment:\n{keys}")
        },
    },
    Family {
        name: "findings on one long line",
        base: 300,
        make: |n| {
            let services: Vec<String> = (0..n)
                .map(|i| format!("s{i}: {{image: \"x:1\", depends_on: [missing{i}]}}"))
                .collect();
            format!("services: {{{}}}\n", services.join(", "))
        },
    },
    Family {
        name: "services calling each other across networks",
        base: 300,
        make: |n| {
            let mut s = String::from("services:\n");
            for i in 0..n {
                s.push_str(&format!(
                    "  s{i}:\n    image: s:1\n    networks: [net{}]\n    environment:\n      UPSTREAM: http://s{}:8080/\n      DB: postgres://s{}:5432/db\n    depends_on: [s{}]\n",
                    i % 20,
                    (i + 1) % n,
                    (i * 7 + 3) % n,
                    (i + n - 1) % n,
                ));
            }
            s.push_str("networks:\n");
            for k in 0..20 {
                s.push_str(&format!("  net{k}: {{internal: true}}\n"));
            }
            s
        },
    },
    Family {
        name: "two documents merged (an override in one file)",
        base: 500,
        make: |n| {
            let mut s = generated(n);
            s.push_str("---\nservices:\n");
            for i in 0..n {
                s.push_str(&format!(
                    "  svc{i}:\n    environment:\n      EXTRA: \"1\"\n    ports:\n      - \"127.0.0.1:{}:9090\"\n",
                    30000 + i % 30000
                ));
            }
            s
        },
    },
    Family {
        name: "services extending one base",
        base: 500,
        make: |n| {
            let mut s =
                String::from("services:\n  base:\n    image: b:1\n    environment: {A: \"1\"}\n");
            for i in 0..n {
                s.push_str(&format!(
                    "  s{i}:\n    extends: base\n    ports: [\"127.0.0.1:{}:80\"]\n",
                    10000 + i
                ));
            }
            s
        },
    },
];

/// Median time per byte of the family at 8x its base size over that at 1x.
fn growth(family: &Family, rules: &[&'static dyn Rule]) -> f64 {
    let per_byte = |n: usize| {
        let text = (family.make)(n);
        lint_text(&text, rules); // warm up
        let runs = 7;
        let mut samples: Vec<Duration> = (0..runs)
            .map(|_| {
                let start = Instant::now();
                lint_text(&text, rules);
                start.elapsed()
            })
            .collect();
        samples.sort();
        (
            samples[runs / 2].as_secs_f64() / text.len() as f64,
            text.len(),
        )
    };
    let (small, small_len) = per_byte(family.base);
    let (large, large_len) = per_byte(family.base * 8);
    let ratio = large / small;
    println!(
        "  {:<52} {:>6.2}  ({small_len} -> {large_len} bytes, {:.1} -> {:.1} ns/byte)",
        family.name,
        ratio,
        small * 1e9,
        large * 1e9
    );
    ratio
}
