#!/usr/bin/env bash
# One command for the end-to-end benchmarks: builds the release binary, then runs
# bench/bench.py (inputs under bench/work/, lashing beside compose-lint and dclint
# when they are installed, medians, peak memory, ratios and the targets).
# Arguments go to bench.py: --runs N, --peer-runs N, --only CASE..., --json OUT.
# In-process benchmarks of the hot paths: `cargo bench -p lashing`.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
exec python3 bench/bench.py "$@"
