#!/usr/bin/env bash
# Builds the seed corpora of the fuzz targets from the repository's own compose
# files: rule fixtures, examples, test projects and, when present, the shared
# corpus. The corpora (fuzz/corpus/, not committed) grow as the fuzzer runs.
set -euo pipefail
cd "$(dirname "$0")"
root=..
yaml_files() {
  find "$root/rules" "$root/examples" "$root/tests/projects" -type f \( -name '*.yaml' -o -name '*.yml' \)
  if [ -d "$root/../shared/corpus" ]; then
    find "$root/../shared/corpus" -type f \( -name '*.yaml' -o -name '*.yml' \)
  fi
}
for target in yaml_tree check compose_loader; do
  mkdir -p "corpus/$target"
done
n=0
while IFS= read -r file; do
  n=$((n + 1))
  cp "$file" "corpus/yaml_tree/seed-$n"
  cp "$file" "corpus/check/seed-$n"
  # compose_loader: `.env` 0xFF compose.yaml [0xFF compose.override.yaml]
  dir=$(dirname "$file")
  {
    if [ -f "$dir/.env" ]; then cat "$dir/.env"; fi
    printf '\377'
    cat "$file"
    for over in "$dir"/compose.override.y*ml "$dir"/docker-compose.override.y*ml; do
      if [ -f "$over" ] && [ "$over" != "$file" ]; then printf '\377'; cat "$over"; break; fi
    done
  } > "corpus/compose_loader/seed-$n"
done < <(yaml_files)
echo "seeded $n files into fuzz/corpus/{yaml_tree,check,compose_loader}"
