#!/usr/bin/env bash
# End-to-end test of the pre-commit hook declared in .pre-commit-hooks.yaml.
#
# It does what a user of the hook does: pre-commit clones this repository, builds
# and installs lashing with `cargo install --bins --root <env> --path .` (the
# `language: rust` install, in release mode: several minutes on a small machine),
# then runs `lashing check FILE...` on the files of a commit whose names match the
# hook's `files` pattern. Checked, in a throw-away git repository:
#   1. a compose file with an error: the hook fails and names the rule;
#   2. a clean compose file: the hook passes;
#   3. a YAML file that is not a compose file: not passed to the hook (skipped);
#   4. the `files` pattern against file names lashing's directory walk keeps or
#      skips (`is_compose_file_name` in crates/lashing-linter/src/discovery.rs).
# Prints PASS/FAIL per check and exits 1 if any check failed. Prints SKIP and exits
# 0 when pre-commit cannot be installed from PyPI (offline).
#
# Environment:
#   PRE_COMMIT               an existing pre-commit executable to use instead of
#                            installing one from PyPI into a temporary venv
#   LASHING_PRE_COMMIT_HOME  pre-commit's cache (PRE_COMMIT_HOME) to keep between
#                            runs, so an unchanged working tree is not rebuilt;
#                            default: a temporary directory, removed at exit
#   LASHING_REPO             the lashing checkout to test (default: this script's
#                            repository)
#
# Cases 1-4 do not use `pre-commit try-repo` (case 5 does): try-repo keeps its
# hook environments in a temporary store of its own (it ignores PRE_COMMIT_HOME),
# so every call rebuilds lashing, and its snapshot of uncommitted changes leaves
# out untracked files (a new .pre-commit-hooks.yaml, for one). This script does
# what try-repo does inside (a config naming the repository and revision, then
# `pre-commit run`), with a snapshot of the working tree that includes untracked,
# not ignored files, and with a store that can be kept.
set -euo pipefail

repo=${LASHING_REPO:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lashing-pre-commit.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# pre-commit's cache: the clones of hook repositories and the installed hooks.
export PRE_COMMIT_HOME=${LASHING_PRE_COMMIT_HOME:-$tmp/pre-commit-home}
mkdir -p "$PRE_COMMIT_HOME"

# git with a fixed identity and none of the user's signing or hooks, for commits
# in the repositories this script makes.
git_() {
  git -c user.name=lashing-test -c user.email=lashing-test@example.invalid \
    -c commit.gpgsign=false -c init.defaultBranch=main -c core.hooksPath=/dev/null "$@"
}

# --- pre-commit ---------------------------------------------------------------
if [[ -n ${PRE_COMMIT:-} ]]; then
  if ! pre_commit=$(command -v "$PRE_COMMIT"); then
    echo "FAIL: PRE_COMMIT=$PRE_COMMIT is not an executable" >&2
    exit 1
  fi
else
  echo "Installing pre-commit from PyPI into a temporary venv..."
  if ! { python3 -m venv "$tmp/venv" &&
    "$tmp/venv/bin/pip" install --quiet --disable-pip-version-check \
      --timeout 30 --retries 2 pre-commit; } >"$tmp/pip.log" 2>&1; then
    echo "SKIP: could not install pre-commit from PyPI (offline?); last lines:"
    tail -n 5 "$tmp/pip.log" | sed 's/^/  /'
    exit 0
  fi
  pre_commit=$tmp/venv/bin/pre-commit
fi
echo "Using $("$pre_commit" --version) ($pre_commit)"
echo "PRE_COMMIT_HOME=$PRE_COMMIT_HOME"

# --- the hook repository: a snapshot of the lashing working tree ----------------
# Tracked and untracked files, minus what .gitignore excludes (target/), committed
# in a repository of their own. The commit has a fixed author and date, so the
# same tree gives the same revision, and pre-commit finds its earlier install in a
# kept PRE_COMMIT_HOME (it caches by repository path and revision, hence the
# fixed path).
src=$PRE_COMMIT_HOME/lashing-source
rm -rf "$src"
mkdir -p "$src"
(
  cd "$repo"
  git ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do
      # --cached also lists tracked files deleted from the working tree.
      if [[ -e $f || -L $f ]]; then printf '%s\0' "$f"; fi
    done |
    tar --null -T - -cf -
) | tar -C "$src" -xf -
(
  cd "$src"
  git_ init -q
  git_ add -A
  GIT_AUTHOR_DATE=2000-01-01T00:00:00Z GIT_COMMITTER_DATE=2000-01-01T00:00:00Z \
    git_ commit -q --no-verify -m "lashing working tree"
)
rev=$(git -C "$src" rev-parse HEAD)
echo "Hook repository: snapshot of $repo at $rev"

# --- the project that uses the hook ---------------------------------------------
project=$tmp/project
mkdir -p "$project"
git_ -C "$project" init -q

# The configuration `pre-commit try-repo` would write, outside the project as
# try-repo does, at a fixed path in PRE_COMMIT_HOME: pre-commit remembers the
# configurations it used, and `pre-commit gc` keeps the installs they name.
config=$PRE_COMMIT_HOME/lashing-pre-commit-config.yaml
cat >"$config" <<EOF
repos:
- repo: $src
  rev: $rev
  hooks:
  - id: lashing
EOF
# In a kept PRE_COMMIT_HOME, drop the installs of earlier working trees (a few
# hundred MB each): this configuration now names only the current revision.
if [[ -n ${LASHING_PRE_COMMIT_HOME:-} ]]; then
  "$pre_commit" gc --color never | sed 's/^/    | /'
fi

# A compose file with an error lashing reports: `db` is not a service.
bad_compose='services:
  api:
    image: "nginx:1.27"
    depends_on: [db]
'
# A compose file lashing has nothing to say about.
good_compose='services:
  web:
    image: nginx:1.27.3
'

# run_hook FILE...: stages the files in the project and runs the hook on them;
# sets `out` (the output) and `rc` (the exit status).
run_hook() {
  git_ -C "$project" add -f -- "$@"
  if out=$(cd "$project" && "$pre_commit" run --config "$config" --color never --files "$@" 2>&1); then
    rc=0
  else
    rc=$?
  fi
  sed 's/^/    | /' <<<"$out"
}

failures=0
pass() { echo "PASS: $1"; }
fail() {
  echo "FAIL: $1"
  failures=$((failures + 1))
}

# --- install (the slow part) ----------------------------------------------------
# Separate from the checks so that a failing `cargo install` is reported as such,
# with pre-commit's log (which holds cargo's output) before the store goes away.
echo
echo "== install: pre-commit install-hooks (cargo install --path . in the snapshot)"
start=$(date +%s)
if (cd "$project" && "$pre_commit" install-hooks --config "$config" --color never) 2>&1 | sed 's/^/    | /'; then
  pass "the hook installed ($(($(date +%s) - start)) s)"
else
  fail "the hook did not install ($(($(date +%s) - start)) s); pre-commit.log:"
  sed 's/^/    | /' "$PRE_COMMIT_HOME/pre-commit.log" 2>/dev/null || true
  exit 1
fi

# --- case 1: a compose file with an error ---------------------------------------
echo
echo "== case 1: bad/compose.yaml (depends_on names an undefined service)"
mkdir -p "$project/bad"
printf '%s' "$bad_compose" >"$project/bad/compose.yaml"
run_hook bad/compose.yaml
if ((rc != 0)) && grep -Eq '^lashing\.+Failed$' <<<"$out" &&
  grep -Fq 'bad/compose.yaml:4:18: error[undefined-dependency]' <<<"$out"; then
  pass "the hook failed (exit $rc) and reported undefined-dependency"
else
  fail "expected the hook to fail and report undefined-dependency on bad/compose.yaml (exit $rc)"
fi

# --- case 2: a clean compose file -----------------------------------------------
echo
echo "== case 2: good/compose.yaml (nothing to report)"
mkdir -p "$project/good"
printf '%s' "$good_compose" >"$project/good/compose.yaml"
run_hook good/compose.yaml
if ((rc == 0)) && grep -Eq '^lashing\.+Passed$' <<<"$out"; then
  pass "the hook passed"
else
  fail "expected the hook to pass on good/compose.yaml (exit $rc)"
fi

# --- case 3: a YAML file that is not a compose file -----------------------------
# It holds the bad compose file: lashing lints any file it is given by name, so the
# hook passes only if the `files` pattern keeps the file away from lashing.
echo
echo "== case 3: config.yaml (not a compose file name)"
printf '%s' "$bad_compose" >"$project/config.yaml"
run_hook config.yaml
if ((rc == 0)) && grep -Eq '^lashing\.+\(no files to check\)Skipped$' <<<"$out"; then
  pass "config.yaml was not passed to the hook"
else
  fail "expected the hook to skip config.yaml (exit $rc)"
fi

# --- case 4: the `files` pattern against lashing's file names -------------------
# The names lashing's directory walk keeps and some it skips (the examples of the
# tests of is_compose_file_name, and a few more). Each file, in a folder of its
# own, holds the bad compose file, so every file passed to lashing is reported.
echo
echo "== case 4: which file names reach lashing"
compose_names=(
  compose.yaml compose.yml docker-compose.yaml docker-compose.yml
  compose.override.yaml compose.override.yml
  docker-compose.override.yaml docker-compose.override.yml
  docker-compose.prod.yml compose.dev.yaml compose.ci-linux.yaml
  docker-compose-dev.yml compose.prod.eu-west.yaml compose.prüfung.yaml
)
other_names=(
  compose.json my-compose.yaml compose..yaml composer.yaml compose
  docker-composer.yml compose-.yaml compose.yaml.bak compose_dev.yaml
  compose.my.yaml~ Compose.yaml compose.YAML compose.a+b.yaml
)
files=()
i=0
for name in "${compose_names[@]}" "${other_names[@]}"; do
  i=$((i + 1))
  mkdir -p "$project/names/$i"
  printf '%s' "$bad_compose" >"$project/names/$i/$name"
  files+=("names/$i/$name")
done
run_hook "${files[@]}"
wrong=()
i=0
for name in "${compose_names[@]}"; do
  i=$((i + 1))
  grep -Fq "names/$i/$name:4:18: error[undefined-dependency]" <<<"$out" || wrong+=("$name (not linted)")
done
for name in "${other_names[@]}"; do
  i=$((i + 1))
  if grep -Fq "names/$i/$name:" <<<"$out"; then wrong+=("$name (linted)"); fi
done
if ((rc != 0)) && ((${#wrong[@]} == 0)); then
  pass "the ${#compose_names[@]} compose file names were linted, the ${#other_names[@]} others were not"
else
  fail "the files pattern disagrees with lashing's file names (exit $rc): ${wrong[*]:-}"
fi

# --- case 5: `pre-commit try-repo`, as a user trying the hook would ------------
# try-repo snapshots the repository itself (HEAD plus tracked changes) and builds
# the hook in a store of its own, so each call is a full `cargo install`; set
# LASHING_SKIP_TRY_REPO=1 to skip it when the cases above are enough.
if [[ -n ${LASHING_SKIP_TRY_REPO:-} ]]; then
  echo
  echo "SKIP: case 5 (LASHING_SKIP_TRY_REPO is set)"
else
  try_repo() {
    if out=$(cd "$project" && "$pre_commit" try-repo --color never "$repo" lashing --files "$@" 2>&1); then
      rc=0
    else
      rc=$?
    fi
    sed 's/^/    | /' <<<"$out" | grep -v '^    | \[INFO\]' || true
  }
  echo
  echo "== case 5a: pre-commit try-repo $repo lashing --files bad/compose.yaml"
  try_repo bad/compose.yaml
  if ((rc != 0)) && grep -Fq 'bad/compose.yaml:4:18: error[undefined-dependency]' <<<"$out"; then
    pass "try-repo: the hook failed (exit $rc) on the bad file"
  else
    fail "try-repo: expected a failure with undefined-dependency (exit $rc)"
  fi
  echo
  echo "== case 5b: pre-commit try-repo $repo lashing --files good/compose.yaml"
  try_repo good/compose.yaml
  if ((rc == 0)) && grep -Eq '^lashing\.+Passed$' <<<"$out"; then
    pass "try-repo: the hook passed on the good file"
  else
    fail "try-repo: expected the hook to pass on good/compose.yaml (exit $rc)"
  fi
fi

echo
if ((failures > 0)); then
  echo "FAILED: $failures check(s)"
  exit 1
fi
echo "All checks passed."
