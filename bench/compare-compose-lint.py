#!/usr/bin/env python3
"""Compare lashing's security findings with compose-lint's on a folder of compose files.

Usage:
    bench/compare-compose-lint.py [--lashing PATH] [--compose-lint PATH] [--json OUT] DIR...

Every compose file under each DIR (compose.yaml, compose.yml, docker-compose.yaml,
docker-compose.yml and their `compose.*.yaml` / `docker-compose.*.yml` variants; a
DIR may also be a single file) is linted by both tools, one run per file:

    compose-lint check --format json --allow-partial-coverage --fail-on critical FILE
    lashing check --select all --format json --exit-zero FILE

Only compose-lint's present-risk rules are counted; its "setting missing" rules
(`EXCLUDED_RULES`) are left out. A compose-lint finding is *covered* when lashing
reports one of the rules mapped to it in `RULE_MAP` in the same file (absolute real
path) on the same line. A compose-lint rule that is not in `RULE_MAP` is reported as
"unmapped" and counts as not covered.

The report prints, per compose-lint rule, how many findings it reported and how many
of them lashing covered; the total coverage; every compose-lint finding lashing did
not cover; and every lashing security / hardening finding (category `security` or
`hardening`, or a rule named in `RULE_MAP`) that has no compose-lint finding, of any
rule, on the same line. Both lists are for a human to review differences either way.
`--json OUT` writes the same data as JSON.

compose-lint is an optional peer: when it is not installed the script says how to
install it (`python3 -m pip install compose-lint==0.36.2`) and exits 0. The script is
a report, not a gate: it exits 0 unless it crashes.

Notes:
  * compose-lint merges a sibling `compose.override.yml` / `docker-compose.override.yml`
    into the file it lints, so a finding in an override file can be reported twice
    (once merged, once on its own); findings are de-duplicated by file, line, rule
    and service.
  * Default lashing binary: target/release/lashing (relative to the repository root,
    i.e. the parent of this script's folder, when not found from the current folder).
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import shutil
import subprocess
import sys
from collections import defaultdict

# compose-lint rule id -> lashing rule names that cover it. Edit freely.
RULE_MAP: dict[str, list[str]] = {
    "CL-0001": ["docker-socket-mount"],
    "CL-0002": ["privileged"],
    "CL-0004": ["floating-image-tag"],
    "CL-0005": ["port-all-interfaces", "sensitive-port-all-interfaces"],
    "CL-0008": ["host-network-mode"],
    "CL-0009": ["security-profile-disabled"],
    "CL-0010": ["host-namespace"],
    **{
        rule: [
            "capability-all",
            "capability-host-escape",
            "capability-host-reach",
            "capability-host-availability",
            "capability-disclosure",
            "capability-lesser",
        ]
        for rule in ("CL-0011", "CL-0024", "CL-0027", "CL-0028", "CL-0029", "CL-0030")
    },
    "CL-0013": ["sensitive-host-mount", "writable-host-root-mount", "docker-socket-mount"],
    "CL-0014": ["logging-disabled"],
    "CL-0016": ["host-device"],
    "CL-0017": ["shared-mount-propagation"],
    "CL-0018": ["root-user"],
    "CL-0020": ["literal-credential", "credential-in-url"],
    "CL-0021": ["credential-in-url", "literal-credential"],
    "CL-0022": ["insecure-tmpfs"],
    "CL-0025": ["writable-host-root-mount", "sensitive-host-mount"],
}

# compose-lint's "a hardening setting is missing" rules: not counted.
EXCLUDED_RULES = {"CL-0003", "CL-0006", "CL-0007", "CL-0019", "CL-0026"}

# lashing categories whose findings are listed when compose-lint has nothing there.
LASHING_SECURITY_CATEGORIES = {"security", "hardening"}

COMPOSE_NAMES = ("compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml")
COMPOSE_PATTERNS = ("compose.*.yaml", "compose.*.yml", "docker-compose.*.yaml", "docker-compose.*.yml")
SKIP_DIRS = {".git", "node_modules", "target", ".venv", "__pycache__"}
TIMEOUT = 120  # seconds per tool run

INSTALL_HINT = "python3 -m pip install compose-lint==0.36.2"


def is_compose_name(name: str) -> bool:
    return name in COMPOSE_NAMES or any(fnmatch.fnmatchcase(name, p) for p in COMPOSE_PATTERNS)


def find_compose_files(paths: list[str]) -> list[str]:
    found: set[str] = set()
    for top in paths:
        if os.path.isfile(top):
            found.add(os.path.realpath(top))
            continue
        if not os.path.isdir(top):
            print(f"warning: {top}: no such file or folder", file=sys.stderr)
            continue
        for root, dirs, files in os.walk(top):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
            for name in files:
                if is_compose_name(name):
                    found.add(os.path.realpath(os.path.join(root, name)))
    return sorted(found)


def resolve(path: str, cwd: str) -> str:
    return os.path.realpath(path if os.path.isabs(path) else os.path.join(cwd, path))


def run_json(cmd: list[str], cwd: str) -> tuple[dict | None, str]:
    """Run a command and parse its stdout as JSON; returns (data, error text)."""
    try:
        proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, f"timed out after {TIMEOUT}s"
    except OSError as err:
        return None, str(err)
    try:
        return json.loads(proc.stdout), ""
    except json.JSONDecodeError:
        detail = (proc.stderr or proc.stdout).strip().splitlines()
        return None, f"exit {proc.returncode}: " + (detail[-1] if detail else "no output")


def find_lashing(explicit: str | None) -> str | None:
    if explicit:
        return explicit if os.path.exists(explicit) or shutil.which(explicit) else None
    for candidate in (
        "target/release/lashing",
        os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "target", "release", "lashing"),
    ):
        if os.path.isfile(candidate):
            return os.path.abspath(candidate)
    return shutil.which("lashing")


def main() -> int:
    parser = argparse.ArgumentParser(
        description="Compare lashing's findings with compose-lint's (a report, not a gate).",
    )
    parser.add_argument("--lashing", help="lashing binary (default: target/release/lashing)")
    parser.add_argument("--compose-lint", dest="compose_lint", help="compose-lint command (default: from PATH)")
    parser.add_argument("--json", dest="json_out", metavar="OUT", help="also write the report as JSON to OUT")
    parser.add_argument("dirs", nargs="+", metavar="DIR", help="folders (or files) to search for compose files")
    args = parser.parse_args()

    compose_lint = args.compose_lint or "compose-lint"
    compose_lint_path = compose_lint if os.path.isfile(compose_lint) else shutil.which(compose_lint)
    if not compose_lint_path:
        print(f"compose-lint not found ({compose_lint}); it is an optional peer, install it with:")
        print(f"    {INSTALL_HINT}")
        print("then run again (or pass --compose-lint PATH). Nothing compared.")
        return 0
    compose_lint_path = os.path.abspath(compose_lint_path)

    lashing = find_lashing(args.lashing)
    if not lashing:
        print(f"lashing binary not found ({args.lashing or 'target/release/lashing'}); "
              "build it with `cargo build --release` or pass --lashing PATH. Nothing compared.")
        return 0
    lashing = os.path.abspath(lashing) if os.path.exists(lashing) else lashing

    files = find_compose_files(args.dirs)
    errors: list[dict] = []
    cl_findings: dict[tuple, dict] = {}  # (file, line, rule, service) -> finding
    la_findings: dict[tuple, dict] = {}  # (file, line, col, rule, message) -> finding
    cl_version = la_version = None

    for path in files:
        cwd = os.path.dirname(path)
        name = os.path.basename(path)

        data, err = run_json(
            [compose_lint_path, "check", "--format", "json", "--allow-partial-coverage",
             "--fail-on", "critical", name],
            cwd,
        )
        if data is None:
            errors.append({"tool": "compose-lint", "file": path, "error": err})
        else:
            cl_version = cl_version or data.get("tool", {}).get("version")
            for e in data.get("errors") or []:
                errors.append({"tool": "compose-lint", "file": resolve(e.get("file", name), cwd),
                               "error": e.get("message", "")})
            for f in data.get("findings") or []:
                if f.get("suppressed"):
                    continue
                item = {
                    "file": resolve(f.get("file") or name, cwd),
                    "line": f.get("line"),
                    "rule": f.get("rule_id", "?"),
                    "service": f.get("service"),
                    "severity": f.get("severity"),
                    "message": (f.get("message") or "").strip(),
                }
                cl_findings.setdefault((item["file"], item["line"], item["rule"], item["service"]), item)

        data, err = run_json(
            [lashing, "check", "--select", "all", "--format", "json", "--exit-zero", name],
            cwd,
        )
        if data is None:
            errors.append({"tool": "lashing", "file": path, "error": err})
        else:
            la_version = la_version or data.get("tool", {}).get("version")
            for f in data.get("findings") or []:
                item = {
                    "file": resolve(f.get("path") or name, cwd),
                    "line": f.get("line"),
                    "column": f.get("column"),
                    "rule": f.get("rule", "?"),
                    "code": f.get("code"),
                    "category": f.get("category"),
                    "severity": f.get("severity"),
                    "service": f.get("service"),
                    "message": (f.get("message") or "").strip(),
                }
                la_findings.setdefault(
                    (item["file"], item["line"], item["column"], item["rule"], item["message"]), item)

    # lashing rules reported at each (file, line)
    la_at: dict[tuple, set[str]] = defaultdict(set)
    for f in la_findings.values():
        la_at[(f["file"], f["line"])].add(f["rule"])
    cl_at: set[tuple] = {(f["file"], f["line"]) for f in cl_findings.values()}

    per_rule: dict[str, dict] = {}
    not_covered: list[dict] = []
    for f in sorted(cl_findings.values(), key=lambda f: (f["file"], f["line"] or 0, f["rule"])):
        if f["rule"] in EXCLUDED_RULES:
            continue
        mapped = RULE_MAP.get(f["rule"])
        stats = per_rule.setdefault(f["rule"], {"reported": 0, "covered": 0, "mapped_to": mapped,
                                                "unmapped": mapped is None})
        stats["reported"] += 1
        if mapped and la_at.get((f["file"], f["line"]), set()) & set(mapped):
            stats["covered"] += 1
        else:
            not_covered.append(f)

    mapped_rules = {r for rules in RULE_MAP.values() for r in rules}
    lashing_only = [
        f for f in sorted(la_findings.values(), key=lambda f: (f["file"], f["line"] or 0, f["rule"]))
        if (f["category"] in LASHING_SECURITY_CATEGORIES or f["rule"] in mapped_rules)
        and (f["file"], f["line"]) not in cl_at
    ]

    reported = sum(s["reported"] for s in per_rule.values())
    covered = sum(s["covered"] for s in per_rule.values())
    total_pct = 100.0 * covered / reported if reported else 0.0
    for s in per_rule.values():
        s["percent"] = round(100.0 * s["covered"] / s["reported"], 1) if s["reported"] else 0.0

    common = os.path.commonpath(files) if files else ""
    if common and os.path.isfile(common):
        common = os.path.dirname(common)

    def show(path: str) -> str:
        return os.path.relpath(path, common) if common and path.startswith(common + os.sep) else path

    print(f"compose-lint {cl_version or '?'} vs lashing {la_version or '?'}: "
          f"{len(files)} compose files under {', '.join(args.dirs)}")
    if common:
        print(f"(paths below are relative to {common})")
    print()
    print(f"{'rule':<10} {'reported':>8} {'covered':>8} {'%':>6}  lashing rules")
    for rule in sorted(per_rule):
        s = per_rule[rule]
        target = ", ".join(s["mapped_to"]) if s["mapped_to"] else "(unmapped)"
        print(f"{rule:<10} {s['reported']:>8} {s['covered']:>8} {s['percent']:>5.1f}%  {target}")
    print(f"{'total':<10} {reported:>8} {covered:>8} {total_pct:>5.1f}%")
    excluded = sum(1 for f in cl_findings.values() if f["rule"] in EXCLUDED_RULES)
    print(f"(not counted: {excluded} findings of compose-lint's setting-missing rules "
          f"{', '.join(sorted(EXCLUDED_RULES))})")

    print(f"\ncompose-lint findings NOT covered by lashing ({len(not_covered)}):")
    for f in not_covered:
        tag = f["rule"] + ("" if f["rule"] in RULE_MAP else " (unmapped)")
        where = f" [{f['service']}]" if f.get("service") else ""
        print(f"  {show(f['file'])}:{f['line']} {tag}{where} {f['message'].splitlines()[0] if f['message'] else ''}")

    print(f"\nlashing security/hardening findings with no compose-lint finding on the line ({len(lashing_only)}):")
    for f in lashing_only:
        print(f"  {show(f['file'])}:{f['line']} {f['rule']} {f['message']}")

    if errors:
        print(f"\ntool errors ({len(errors)}):")
        for e in errors:
            print(f"  {e['tool']}: {show(e['file'])}: {e['error']}")

    if args.json_out:
        report = {
            "tools": {"compose-lint": cl_version, "lashing": la_version},
            "dirs": args.dirs,
            "files": files,
            "rule_map": RULE_MAP,
            "excluded_rules": sorted(EXCLUDED_RULES),
            "per_rule": per_rule,
            "total": {"reported": reported, "covered": covered, "percent": round(total_pct, 1)},
            "not_covered": not_covered,
            "lashing_only": lashing_only,
            "errors": errors,
        }
        with open(args.json_out, "w", encoding="utf-8") as out:
            json.dump(report, out, indent=2)
            out.write("\n")
        print(f"\nJSON report written to {args.json_out}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # output piped into `head` and the like
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
