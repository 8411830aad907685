#!/usr/bin/env bash
# End-to-end timings of the release binary (process start to exit):
#   - one small file
#   - the whole shared corpus (../shared/corpus), when present
# Uses hyperfine when installed, else the median of repeated runs timed with date.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/lashing
small=examples/shop-fixed/compose.yaml
corpus=../shared/corpus

echo "machine: $(nproc) cores, $(uname -m), $(rustc --version)"

median_ms() { # median wall time in ms of N runs of a command
  local n=$1; shift
  local times=()
  for _ in $(seq "$n"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f ms\n", a[int((NR+1)/2)]/1000}'
}

run() {
  local label=$1; shift
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --warmup 5 --runs 50 -N --style basic --command-name "$label" "$*" 2>/dev/null | grep -E 'Time|Range'
  else
    echo "$label: $(median_ms 50 "$@") (median of 50)"
  fi
}

run "one small file" "$bin" check --format concise "$small"
if [ -d "$corpus" ]; then
  run "shared corpus ($(find "$corpus" -name '*.y*ml' | wc -l) files)" "$bin" check --format concise --select all --exit-zero "$corpus"
else
  echo "shared corpus: $corpus absent, skipped"
fi
