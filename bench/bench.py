#!/usr/bin/env python3
"""End-to-end benchmarks of the release binary against compose-lint and dclint.

Usage: bench/run.sh [--runs N] [--peer-runs N] [--peers LIST|none] [--only CASE ...] [--json OUT]

Builds the inputs under bench/work/ (not committed), then times each tool on the
same files in the same run, process start to exit, and prints the median wall time,
the peak memory (max RSS) and lashing's speed-up over each peer:

  small       one small compose file (examples/shop-fixed/compose.yaml)
  corpus      ~2,000 real-world compose files: copies of ../shared/corpus
  generated   one ~5 MB file: thousands of services with merge keys and ${...}
  monorepo    a 10,000-file repository tree: 2,500 apps, each with a compose
              file, an override, a Dockerfile and source; node_modules ignored

Peers are optional: compose-lint (PyPI, `compose-lint check --format json FILE...`;
it takes files, not folders, so it gets the list lashing finds) and dclint (npm,
`dclint -r -f json DIR`). They are looked up on PATH, or set with the COMPOSE_LINT
and DCLINT environment variables; a missing one is reported and skipped. Every tool
writes JSON to /dev/null, so each pays for formatting its whole report.

The targets of the performance issue are checked at the end (PASS/FAIL); the
script exits 0 either way: it is a measurement, not a gate.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / "work"
LASHING = ROOT / "target" / "release" / "lashing"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
SMALL = ROOT / "examples" / "shop-fixed" / "compose.yaml"

COMPOSE_NAMES = ("compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml")


def is_compose_name(name: str) -> bool:
    """Close to lashing's rule: compose/docker-compose, optional variant, .yaml/.yml."""
    for stem in ("docker-compose", "compose"):
        for ext in (".yaml", ".yml"):
            if name == stem + ext or (
                name.startswith(stem + ".") or name.startswith(stem + "-")
            ) and name.endswith(ext):
                return True
    return False


# --- inputs -------------------------------------------------------------------


def build_corpus(target_files: int = 2000) -> tuple[Path, list[Path]] | None:
    """Copies of the shared corpus, whole folders (so .env and referenced files
    come along), until there are at least `target_files` compose files."""
    if not SHARED_CORPUS.is_dir():
        return None
    dest = WORK / "corpus-2000"
    originals = [p for p in SHARED_CORPUS.rglob("*") if p.is_file() and is_compose_name(p.name)]
    if not originals:
        return None
    copies = -(-target_files // len(originals))
    marker = dest / f".built-{copies}x{len(originals)}"
    if not marker.exists():
        shutil.rmtree(dest, ignore_errors=True)
        for i in range(copies):
            shutil.copytree(SHARED_CORPUS, dest / f"copy-{i:03}", symlinks=True)
        marker.touch()
    files = sorted(p for p in dest.rglob("*") if p.is_file() and is_compose_name(p.name))
    return dest, files


def generated_text(services: int) -> str:
    """A large, plausible file: every service takes shared settings through a merge
    key, uses `${...}` with defaults, publishes a port on loopback and depends on
    the one before it (the first on the database). It lints almost clean, so the
    time is reading and checking, not writing thousands of findings."""
    out = [
        "x-common: &common\n",
        "  restart: unless-stopped\n",
        "  environment:\n",
        "    LOG_LEVEL: ${LOG_LEVEL:-info}\n",
        "    REGION: ${REGION:-eu-west-1}\n",
        "  networks: [backend]\n",
        "  logging:\n",
        "    driver: json-file\n",
        "    options: {max-size: 10m}\n",
        "services:\n",
        "  db:\n",
        "    image: postgres:16.4\n",
        "    environment:\n",
        "      POSTGRES_PASSWORD: ${DB_PASSWORD:-change-me}\n",
        "    healthcheck:\n",
        "      test: [\"CMD-SHELL\", \"pg_isready -U postgres\"]\n",
        "    networks: [backend]\n",
        "  cache:\n",
        "    image: redis:7.4\n",
        "    networks: [backend]\n",
    ]
    for i in range(services):
        dep = "db" if i == 0 else f"svc{i - 1}"
        out.append(
            f"  svc{i}:\n"
            f"    <<: *common\n"
            f"    image: registry.example.com/team/svc{i}:${{TAG:-1.0.{i}}}\n"
            f"    ports:\n"
            f"      - \"127.0.0.1:{10000 + i % 50000}:8080\"\n"
            f"    depends_on:\n"
            f"      {dep}:\n"
            f"        condition: service_started\n"
            f"    environment:\n"
            f"      DATABASE_URL: postgres://app@db:5432/app{i}?sslmode=${{SSLMODE:-disable}}\n"
            f"      CACHE_HOST: cache\n"
        )
    out.append("networks:\n  backend: {}\n")
    return "".join(out)


def build_generated(size: int = 5_000_000) -> Path:
    dest = WORK / "generated" / "compose.yaml"
    if not dest.exists() or abs(dest.stat().st_size - size) > size // 10:
        per_service = len(generated_text(100)) / 100
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(generated_text(int(size / per_service)))
    return dest


MONOREPO_APPS = 2500  # x 4 files = 10,000 files


def build_monorepo() -> tuple[Path, list[Path]]:
    dest = WORK / "monorepo"
    marker = dest / f".built-{MONOREPO_APPS}"
    if not marker.exists():
        shutil.rmtree(dest, ignore_errors=True)
        dest.mkdir(parents=True)
        (dest / ".gitignore").write_text("node_modules/\n")
        for i in range(MONOREPO_APPS):
            team = dest / "services" / f"team-{i % 50:02}" / f"app-{i:04}"
            (team / "src").mkdir(parents=True)
            (team / "compose.yaml").write_text(
                "services:\n"
                f"  app{i}:\n"
                f"    build: .\n"
                f"    image: registry.example.com/app{i}:${{TAG:-latest}}\n"
                "    environment:\n"
                f"      DATABASE_URL: postgres://app:${{DB_PASSWORD:?set it}}@db:5432/app{i}\n"
                "    depends_on:\n"
                "      db:\n"
                "        condition: service_healthy\n"
                "    ports:\n"
                f"      - \"127.0.0.1:{20000 + i}:8080\"\n"
                "  db:\n"
                "    image: postgres:16\n"
                "    healthcheck:\n"
                "      test: [\"CMD-SHELL\", \"pg_isready -U $${POSTGRES_USER}\"]\n"
                "      interval: 5s\n"
                "volumes:\n"
                "  data: {}\n"
            )
            (team / "compose.override.yaml").write_text(
                "services:\n"
                f"  app{i}:\n"
                "    environment:\n"
                "      DEBUG: \"1\"\n"
                "    volumes:\n"
                "      - ./src:/app/src\n"
            )
            (team / "Dockerfile").write_text("FROM python:3.12-slim\nCOPY src /app/src\n")
            (team / "src" / "main.py").write_text(f"print('app {i}')\n")
        # Ignored: a vendored package with compose files of its own.
        vendored = dest / "node_modules" / "some-package"
        vendored.mkdir(parents=True)
        (vendored / "docker-compose.yml").write_text("services:\n  x:\n    image: x\n")
        marker.touch()
    files = sorted(
        p
        for p in (dest / "services").rglob("*")
        if p.is_file() and is_compose_name(p.name)
    )
    return dest, files


# --- measuring ------------------------------------------------------------------


def run_once(cmd: list[str], cwd: Path) -> tuple[float, int, int]:
    """Wall seconds, peak RSS in KiB (see `run_under_time` for why it is not the
    tool's own) and exit status of one run of `cmd`. posix_spawn, not Popen: its
    own overhead is a fraction of a millisecond, which matters for the small file."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    here = os.getcwd()
    os.chdir(cwd)
    try:
        start = time.perf_counter()
        pid = os.posix_spawnp(
            cmd[0],
            cmd,
            os.environ,
            file_actions=[
                (os.POSIX_SPAWN_DUP2, devnull, 1),
                (os.POSIX_SPAWN_DUP2, devnull, 2),
            ],
        )
        _, status, usage = os.wait4(pid, 0)
        elapsed = time.perf_counter() - start
    finally:
        os.chdir(here)
        os.close(devnull)
    return elapsed, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


TIME = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)


def run_under_time(cmd: list[str], cwd: Path) -> tuple[float, int | None, int]:
    """Wall seconds, the tool's own peak RSS in KiB and its exit status. Measured
    under GNU time, a small C program that exits with the command's status: a
    child forked from this Python process would carry Python's resident pages into
    its maximum until it execs."""
    if TIME is None:
        elapsed, _, code = run_once(cmd, cwd)
        return elapsed, None, code
    out = WORK / ".peak"
    start = time.perf_counter()
    done = subprocess.run(
        [TIME, "-f", "%M", "-o", str(out), *cmd],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    elapsed = time.perf_counter() - start
    try:
        peak = int(out.read_text().split()[-1])
    except (OSError, ValueError, IndexError):
        peak = None
    return elapsed, peak, done.returncode


def measure(cmd: list[str], cwd: Path, runs: int, peer: bool = False, ok_codes=(0, 1)) -> dict:
    """lashing: a warm-up run, `runs` timed runs, then one run for the peak memory.
    A peer (seconds per run): no warm-up, and the peak comes from its first timed
    run, so that the comparison does not take an hour."""
    times, codes = [], set()
    if peer:
        elapsed, peak, code = run_under_time(cmd, cwd)
        times.append(elapsed)
        codes.add(code)
        runs_left = runs - 1
    else:
        run_once(cmd, cwd)  # warm the page cache
        runs_left = runs
    for _ in range(runs_left):
        t, _, code = run_once(cmd, cwd)
        times.append(t)
        codes.add(code)
    if not peer:
        _, peak, code = run_under_time(cmd, cwd)
        codes.add(code)
    bad = sorted(c for c in codes if c not in ok_codes)
    return {
        "median_s": statistics.median(times),
        "min_s": min(times),
        "max_s": max(times),
        "peak_mib": (peak or 0) / 1024,
        "runs": len(times),
        "exit_codes": sorted(codes),
        "failed": bool(bad),
    }


def find_tool(env: str, name: str, fallbacks: list[Path]) -> str | None:
    if os.environ.get(env):
        return os.environ[env]
    found = shutil.which(name)
    if found:
        return found
    for f in fallbacks:
        if f.exists():
            return str(f)
    return None


def fmt_time(s: float) -> str:
    return f"{s * 1000:.1f} ms" if s < 1 else f"{s:.2f} s"


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    rustc = subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()
    return f"{os.cpu_count()} cores, {cpu}, {platform.system()} {platform.machine()}, {rustc}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="timed runs of lashing per case")
    parser.add_argument("--small-runs", type=int, default=50, help="timed runs on the small file")
    parser.add_argument("--peer-runs", type=int, default=3, help="timed runs of each peer (at least 1)")
    parser.add_argument("--only", nargs="*", help="cases to run (small corpus generated monorepo)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    parser.add_argument(
        "--peers",
        default="compose-lint,dclint",
        help="peers to run, comma-separated; 'none' for lashing alone",
    )
    args = parser.parse_args()

    if not LASHING.exists():
        print(f"{LASHING} missing: run bench/run.sh (it builds the release binary)")
        return 2
    WORK.mkdir(parents=True, exist_ok=True)
    peers = set(args.peers.split(","))
    compose_lint = "compose-lint" in peers and find_tool(
        "COMPOSE_LINT", "compose-lint", [Path("/tmp/cl/bin/compose-lint")]
    )
    dclint = "dclint" in peers and find_tool(
        "DCLINT", "dclint", [Path("/tmp/dclint/node_modules/.bin/dclint")]
    )

    print(f"machine: {machine()}")
    print(f"lashing: {LASHING}")
    for name, path, hint in [
        ("compose-lint", compose_lint, "python3 -m pip install compose-lint==0.36.2"),
        ("dclint", dclint, "npm install dclint (then DCLINT=node_modules/.bin/dclint)"),
    ]:
        if path is False:
            print(f"{name}: not asked for (--peers)")
        else:
            print(f"{name}: {path or f'not installed, skipped (install: {hint})'}")
    print()

    cases = []
    wanted = set(args.only or ["small", "corpus", "generated", "monorepo"])
    if "small" in wanted:
        cases.append(("small", "one small file", SMALL.parent, [SMALL], SMALL.stat().st_size))
    if "corpus" in wanted:
        built = build_corpus()
        if built is None:
            print(f"corpus: {SHARED_CORPUS} absent, skipped")
        else:
            folder, files = built
            size = sum(f.stat().st_size for f in files)
            cases.append(("corpus", f"{len(files)} real-world files", folder, files, size))
    if "generated" in wanted:
        path = build_generated()
        cases.append(("generated", f"one {path.stat().st_size / 1e6:.1f} MB file", path.parent, [path], path.stat().st_size))
    if "monorepo" in wanted:
        folder, files = build_monorepo()
        total = sum(1 for p in folder.rglob("*") if p.is_file())
        size = sum(f.stat().st_size for f in files)
        cases.append(("monorepo", f"{total}-file monorepo, {len(files)} compose files", folder, files, size))

    results = []
    for key, label, folder, files, size in cases:
        runs = args.small_runs if key == "small" else args.runs
        target = [str(files[0])] if len(files) == 1 else ["."]
        row = {"case": key, "label": label, "files": len(files), "bytes": size}
        row["lashing"] = measure(
            [str(LASHING), "check", "--format", "json", "--exit-zero", *target], folder, runs
        )
        if compose_lint:
            rel = [str(f.relative_to(folder)) for f in files]
            row["compose-lint"] = measure(
                [compose_lint, "check", "--format", "json", "--fail-on", "critical", *rel],
                folder,
                min(args.peer_runs, runs),
                peer=True,
            )
        if dclint:
            row["dclint"] = measure(
                [dclint, "-r", "-f", "json", "--color", "false", *target],
                folder,
                min(args.peer_runs, runs),
                peer=True,
            )
        results.append(row)
        print_row(row)

    print()
    print_table(results)
    print()
    check_targets(results)
    if args.json:
        args.json.write_text(json.dumps({"machine": machine(), "results": results}, indent=2))
    return 0


def print_row(row: dict) -> None:
    parts = [f"{row['label']}:"]
    base = row["lashing"]["median_s"]
    for tool in ("lashing", "compose-lint", "dclint"):
        if tool in row:
            m = row[tool]
            ratio = "" if tool == "lashing" else f" ({m['median_s'] / base:.0f}x lashing)"
            failed = " EXIT " + ",".join(map(str, m["exit_codes"])) if m["failed"] else ""
            parts.append(f"{tool} {fmt_time(m['median_s'])}, {m['peak_mib']:.0f} MiB{ratio}{failed}")
    print("  ".join(parts), flush=True)


def print_table(results: list[dict]) -> None:
    print("| case | lashing | peak | compose-lint | ratio | dclint | ratio |")
    print("|---|---|---|---|---|---|---|")
    for row in results:
        lashing = row["lashing"]
        cells = [row["label"], fmt_time(lashing["median_s"]), f"{lashing['peak_mib']:.0f} MiB"]
        for tool in ("compose-lint", "dclint"):
            if tool in row:
                m = row[tool]
                note = " (exit " + ",".join(map(str, m["exit_codes"])) + ")" if m["failed"] else ""
                cells += [fmt_time(m["median_s"]) + note, f"{m['median_s'] / lashing['median_s']:.0f}x"]
            else:
                cells += ["-", "-"]
        print("| " + " | ".join(cells) + " |")


def check_targets(results: list[dict]) -> None:
    by_case = {r["case"]: r for r in results}
    checks = []
    if "corpus" in by_case and "compose-lint" in by_case["corpus"]:
        r = by_case["corpus"]
        ratio = r["compose-lint"]["median_s"] / r["lashing"]["median_s"]
        checks.append((f"corpus: at least 50x faster than compose-lint ({ratio:.0f}x)", ratio >= 50))
    if "generated" in by_case:
        m = by_case["generated"]["lashing"]
        checks.append((f"5 MB file under 0.3 s ({fmt_time(m['median_s'])})", m["median_s"] < 0.3))
        checks.append((f"5 MB file under 150 MB peak ({m['peak_mib']:.0f} MiB)", m["peak_mib"] * 1.048576 < 150))
    if "small" in by_case:
        m = by_case["small"]["lashing"]
        checks.append((f"one small file end to end under 5 ms ({fmt_time(m['median_s'])})", m["median_s"] < 0.005))
    for text, ok in checks:
        print(f"{'PASS' if ok else 'FAIL'}: {text}")


if __name__ == "__main__":
    sys.exit(main())
