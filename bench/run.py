"""tsunagu's benchmark: the floor, the naive peer and tsunagu side by side, in one run, on loopback.

    python bench/run.py            # full run (under 10 minutes on 2 cores), table + bench/results/latest.json
    python bench/run.py --quick    # about a minute: fewer levels, shorter phases, smaller seeds
    python bench/run.py --capacity-ref 4652c85^1   # also the sustained capacity of an older commit
    python bench/run.py --no-postgres --no-scale   # SQLite only, without seeding 100,000 conversations

The sustained capacity is the highest steady rate (whole turns from new users, replies at the fake LINE)
at which every turn is answered and the end-to-end p99 stays under 1 s; `--capacity-ref` measures the
same for another commit in the same run (for example the last one before the Japanese analyzer), from a
temporary git worktree on the same Python environment.

Every server is its own process on 127.0.0.1 with a standalone fake LINE API (50 ms per call by
default); all of them are stopped on exit, Ctrl-C and errors. PostgreSQL runs use their own database
(`--pg-database`, dropped and recreated), never the shared `test` one. Figures on a busy machine are
noisy: compare within one run.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import platform
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

import httpx
import load
import psycopg
from procs import Server, free_port, python, rss_bytes

BENCH_SECRET_KEY = "bench-signing-key-" + "k" * 32
BENCH_METRICS_TOKEN = "bench-metrics-token-" + "m" * 24
REPO = Path(__file__).resolve().parents[1]
SECRET = "bench-channel-secret-0123456789abcdef"
TOKEN = "bench-access-token-0123456789abcdef"
CRISIS_TEXT = "もう死にたい"
STEADY_RATE = 50.0
DRAIN_TIMEOUT_S = 120.0
REPLY_TIMEOUT_S = 60.0
CAPACITY_P99_MS = 1000.0
CAPACITY_START_RATE = 10.0
CAPACITY_BISECTIONS = 3
PENDING = re.compile(
    r'^(tsunagu_inbox_pending_events|tsunagu_outbox_messages\{status="(?:pending|sending)"\}) (\S+)$'
)
STORED = re.compile(r'^tsunagu_webhook_events_total\{result="stored"\} (\S+)$')


@dataclass(frozen=True)
class Plan:
    """How long and how large each phase is."""

    levels: tuple[int, ...]
    level_s: float
    steady_s: float
    burst_rate: float
    burst_s: float
    crisis_rate: float
    scale_rows: int
    scale_rate: float
    scale_s: float
    rss_conversations: int
    fill_s: float
    claims_s: float
    two_workers: bool
    capacity_s: float


FULL = Plan((1, 8, 32, 64), 4.0, 20.0, 200.0, 6.0, 5.0, 100_000, 10.0, 20.0, 10_000, 60.0, 10.0, True, 10.0)
QUICK = Plan((1, 32), 2.0, 4.0, 200.0, 3.0, 5.0, 20_000, 10.0, 5.0, 10_000, 0.0, 2.0, False, 3.0)
FILL_RATE = 30.0


@dataclass
class Bench:
    """Shared state of one run: where logs go, the fake LINE, PostgreSQL access and the results."""

    plan: Plan
    workdir: Path
    fake_url: str
    pg_admin_url: str | None
    pg_database: str
    results: dict[str, Any]
    code: Path = REPO

    def log(self, message: str) -> None:
        """Progress on stderr."""
        sys.stderr.write(f"[bench {time.strftime('%H:%M:%S')}] {message}\n")


def stop_on_sigterm() -> None:
    """Turn SIGTERM into KeyboardInterrupt so every server is stopped on the way out."""

    def handler(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, handler)


# ---------------------------------------------------------------- servers and databases


def fake_line(workdir: Path, delay_s: float) -> Server:
    """The standalone fake LINE Messaging API."""
    port = free_port()
    return Server(
        "fake-line",
        [python(), str(REPO / "bench" / "fake_line_server.py"), "--port", str(port), "--delay", str(delay_s)],
        env={"BENCH_ACCESS_TOKEN": TOKEN, "PYTHONPATH": str(REPO)},
        cwd=workdir,
        port=port,
    )


def tsunagu_env(bench: Bench, database_url: str) -> dict[str, str]:
    """Environment of a tsunagu process talking to the fake LINE."""
    return {
        "PYTHONPATH": str(bench.code),
        "LINE_CHANNEL_SECRET": SECRET,
        "LINE_CHANNEL_ACCESS_TOKEN": TOKEN,
        "TSUNAGU_LINE_API_BASE": bench.fake_url,
        "TSUNAGU_DATABASE_URL": database_url,
        "TSUNAGU_SECRET_KEY": BENCH_SECRET_KEY,
        "TSUNAGU_SIMULATOR": "false",
        "TSUNAGU_METRICS_TOKEN": BENCH_METRICS_TOKEN,
    }


def migrate(bench: Bench, database_url: str) -> None:
    """Apply tsunagu's migrations with `python -m bot.cli migrate`."""
    env = {**os.environ, **tsunagu_env(bench, database_url)}
    subprocess.run(
        [python(), "-m", "bot.cli", "migrate"], env=env, cwd=bench.workdir, check=True, capture_output=True
    )


def tsunagu(bench: Bench, name: str, database_url: str, workers: int = 1) -> Server:
    """`tsunagu serve` on a migrated database (multiprocess metrics when several workers)."""
    migrate(bench, database_url)
    env = tsunagu_env(bench, database_url)
    if workers > 1:
        metrics_dir = bench.workdir / f"{name}-prometheus"
        metrics_dir.mkdir()
        env["PROMETHEUS_MULTIPROC_DIR"] = str(metrics_dir)
    port = free_port()
    args = [python(), "-m", "bot.cli", "serve", "--port", str(port), "--workers", str(workers)]
    return Server(name, args, env=env, cwd=bench.workdir, port=port)


def fresh_sqlite(bench: Bench, name: str) -> str:
    """A URL for a new SQLite file in the work directory."""
    return f"sqlite:///{bench.workdir / (name + '.db')}"


def fresh_postgres(bench: Bench) -> str:
    """Drop and recreate the benchmark's own PostgreSQL database; return its URL."""
    assert bench.pg_admin_url is not None
    with psycopg.connect(bench.pg_admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{bench.pg_database}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{bench.pg_database}"')
    return bench.pg_admin_url.rsplit("/", 1)[0] + "/" + bench.pg_database


def conversations(database_url: str) -> int:
    """How many conversations a database holds."""
    if database_url.startswith("sqlite:///"):
        with contextlib.closing(sqlite3.connect(database_url.removeprefix("sqlite:///"))) as connection:
            return int(connection.execute("SELECT count(*) FROM conversations").fetchone()[0])
    with psycopg.connect(database_url) as connection:
        row = connection.execute("SELECT count(*) FROM conversations").fetchone()
        return int(row[0]) if row else 0


def database_script(bench: Bench, *args: str) -> dict[str, Any]:
    """Run bench/database.py and return its JSON."""
    completed = subprocess.run(
        [python(), str(REPO / "bench" / "database.py"), *args],
        env={**os.environ, "PYTHONPATH": str(REPO), "TSUNAGU_SECRET_KEY": BENCH_SECRET_KEY},
        cwd=bench.workdir,
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
    return result


# ---------------------------------------------------------------- phases


def scrape(server: Server) -> list[str]:
    """The lines of tsunagu's /metrics."""
    headers = {"authorization": f"Bearer {BENCH_METRICS_TOKEN}"}
    return httpx.get(f"{server.url}/metrics", headers=headers, timeout=10).text.splitlines()


def drain(bench: Bench, server: Server) -> float:
    """Wait until tsunagu has processed every stored event and settled its outbox; return the seconds."""
    started = time.monotonic()
    while time.monotonic() - started < DRAIN_TIMEOUT_S:
        pending = sum(float(m.group(2)) for line in scrape(server) if (m := PENDING.match(line)))
        if pending == 0:
            return time.monotonic() - started
        time.sleep(0.25)
    bench.log(f"{server.name}: backlog not drained after {DRAIN_TIMEOUT_S:.0f} s")
    return math.inf


def ladder(bench: Bench, server: Server, name: str) -> list[dict[str, float]]:
    """Webhook throughput and answer latency at each concurrency (after a short warm-up)."""
    target = load.Target(f"{server.url}/line/webhook", SECRET)
    users = load.user_ids(f"{name}-ladder")
    asyncio.run(load.closed_loop(target, bench.fake_url, users, 8, 1.0))
    rows = []
    for concurrency in bench.plan.levels:
        result = asyncio.run(load.closed_loop(target, bench.fake_url, users, concurrency, bench.plan.level_s))
        rows.append(result.summary())
        bench.log(
            f"{name} c={concurrency}: {rows[-1]['events_per_s']:.0f} ev/s, p99 {rows[-1]['p99_ms']:.1f} ms"
        )
    return rows


def steady(
    bench: Bench, server: Server, prefix: str, seconds: float, rate: float = STEADY_RATE
) -> dict[str, float]:
    """End-to-end turn latency at a steady rate, each event from a different user."""
    target = load.Target(f"{server.url}/line/webhook", SECRET)
    since = asyncio.run(load.delivery_count(bench.fake_url))
    sent = asyncio.run(load.open_loop(target, bench.fake_url, load.user_ids(prefix), rate, seconds))
    replies = asyncio.run(
        load.first_replies(bench.fake_url, since, {s.user_id for s in sent}, REPLY_TIMEOUT_S)
    )
    return {"rate": rate, **load.turn_latencies(sent, replies)}


def sustains(probe: dict[str, float]) -> bool:
    """Tell whether a steady probe answered every turn with an end-to-end p99 under the limit."""
    return probe["replied"] == probe["events"] and probe["p99_ms"] < CAPACITY_P99_MS


def capacity(bench: Bench, server: Server, prefix: str) -> dict[str, Any]:
    """The highest steady rate whose turns all reply with p99 under 1 s: doubling, then bisecting."""
    probes: list[dict[str, float]] = []

    def probe(rate: float) -> bool:
        result = steady(bench, server, f"{prefix}-{len(probes)}", bench.plan.capacity_s, rate)
        drain(bench, server)
        probes.append(result)
        bench.log(f"{prefix}: {rate:.0f} ev/s -> p99 {result['p99_ms']:.0f} ms, {result['replied']} replied")
        return sustains(result)

    good, bad = 0.0, CAPACITY_START_RATE
    while probe(bad):
        good, bad = bad, bad * 2
    for _ in range(CAPACITY_BISECTIONS):
        middle = round((good + bad) / 2)
        if middle in (good, bad):
            break
        if probe(middle):
            good = middle
        else:
            bad = middle
    return {"rate": good, "p99_limit_ms": CAPACITY_P99_MS, "probes": probes}


async def burst_with_crisis(bench: Bench, server: Server, prefix: str) -> dict[str, Any]:
    """Ordinary traffic at the burst rate, with crisis messages from other users sent through it."""
    plan = bench.plan
    target = load.Target(f"{server.url}/line/webhook", SECRET)
    since = await load.delivery_count(bench.fake_url)

    async def crisis() -> list[load.Sent]:
        await asyncio.sleep(0.5)
        seconds = plan.burst_s - 1.0
        return await load.open_loop(
            target, bench.fake_url, load.user_ids(f"{prefix}-crisis"), plan.crisis_rate, seconds, CRISIS_TEXT
        )

    ordinary, sent = await asyncio.gather(
        load.open_loop(
            target, bench.fake_url, load.user_ids(f"{prefix}-burst"), plan.burst_rate, plan.burst_s
        ),
        crisis(),
    )
    replies = await load.first_replies(bench.fake_url, since, {s.user_id for s in sent}, REPLY_TIMEOUT_S)
    return {
        "burst_rate": plan.burst_rate,
        "burst_events": len(ordinary),
        "burst_webhook_errors": sum(1 for s in ordinary if s.status != 200),
        **load.turn_latencies(sent, replies),
    }


def fill_conversations(bench: Bench, server: Server, database_url: str, prefix: str) -> int:
    """Add new users' conversations up to the planned number, for at most the fill time; return the count."""
    missing = bench.plan.rss_conversations - conversations(database_url)
    seconds = min(bench.plan.fill_s, missing / FILL_RATE)
    if seconds > 0:
        target = load.Target(f"{server.url}/line/webhook", SECRET)
        users = load.user_ids(f"{prefix}-fill")
        asyncio.run(load.open_loop(target, bench.fake_url, users, FILL_RATE, seconds))
        drain(bench, server)
    return conversations(database_url)


def run_floor(bench: Bench) -> dict[str, Any]:
    """The floor's ladder and memory."""
    port = free_port()
    args = [python(), str(REPO / "bench" / "floor.py"), "--port", str(port)]
    with Server("floor", args, env={"BENCH_CHANNEL_SECRET": SECRET}, cwd=bench.workdir, port=port) as server:
        return {"ladder": ladder(bench, server, "floor"), "rss_mb": rss_bytes(server.pid) / 2**20}


def run_naive(bench: Bench) -> dict[str, Any]:
    """The naive peer's ladder, steady turn latency and memory."""
    port = free_port()
    args = [
        python(),
        str(REPO / "bench" / "naive_peer.py"),
        "--port",
        str(port),
        "--line-api-base",
        bench.fake_url,
    ]
    env = {"BENCH_CHANNEL_SECRET": SECRET, "BENCH_ACCESS_TOKEN": TOKEN}
    with Server("naive", args, env=env, cwd=bench.workdir, port=port) as server:
        return {
            "ladder": ladder(bench, server, "naive"),
            "steady": steady(bench, server, "naive-steady", bench.plan.steady_s),
            "rss_mb": rss_bytes(server.pid) / 2**20,
        }


def run_tsunagu(
    bench: Bench, name: str, database_url: str, workers: int, *, crisis: bool, memory: bool
) -> dict[str, Any]:
    """tsunagu's ladder, backlog drain, steady turn latency, crisis under a burst, and memory."""
    result: dict[str, Any] = {"workers": workers, "database": database_url.split(":", 1)[0]}
    with tsunagu(bench, name, database_url, workers) as server:
        result["ladder"] = ladder(bench, server, name)
        result["ladder_drain_s"] = drain(bench, server)
        if workers > 1:
            stored = sum(float(m.group(1)) for line in scrape(server) if (m := STORED.match(line)))
            answered = sum(row["answered"] for row in result["ladder"])
            result["multiprocess_metrics_stored_vs_answered"] = [stored, answered]
        result["steady"] = steady(bench, server, f"{name}-steady", bench.plan.steady_s)
        drain(bench, server)
        bench.log(f"{name} steady: p99 {result['steady']['p99_ms']:.0f} ms")
        if memory:
            result["capacity"] = capacity(bench, server, f"{name}-capacity")
        if crisis:
            result["crisis"] = asyncio.run(burst_with_crisis(bench, server, name))
            bench.log(f"{name} crisis under burst: p99 {result['crisis']['p99_ms']:.0f} ms")
            result["crisis_drain_s"] = drain(bench, server)
        if memory:
            result["rss_conversations"] = fill_conversations(bench, server, database_url, name)
            result["rss_mb"] = rss_bytes(server.pid) / 2**20
    return result


@contextlib.contextmanager
def checkout(bench: Bench, ref: str) -> Iterator[Path]:
    """A temporary detached git worktree of `ref`, removed afterwards."""
    path = bench.workdir / "capacity-ref"
    subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", str(path), ref], check=True)
    try:
        yield path
    finally:
        subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(path)], check=False)


def run_capacity_ref(bench: Bench, ref: str) -> dict[str, Any]:
    """The sustained capacity of another commit, on a fresh SQLite database."""
    commit = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--short", ref], check=True, capture_output=True, text=True
    ).stdout.strip()
    with checkout(bench, ref) as code:
        older = Bench(bench.plan, bench.workdir, bench.fake_url, None, bench.pg_database, bench.results, code)
        url = fresh_sqlite(older, "capacity-ref")
        with tsunagu(older, "capacity-ref", url) as server:
            return {"commit": commit, **capacity(older, server, "capacity-ref")}


def run_scale(bench: Bench) -> dict[str, Any]:
    """Steady turn latency on SQLite: an empty database against one holding many conversations."""
    result: dict[str, Any] = {"rows": bench.plan.scale_rows, "rate": bench.plan.scale_rate}
    for label in ("empty", "seeded"):
        url = fresh_sqlite(bench, f"scale-{label}")
        server = tsunagu(bench, f"scale-{label}", url)
        if label == "seeded":
            result["seed"] = database_script(bench, "seed", url, str(bench.plan.scale_rows))
        with server:
            result[label] = steady(bench, server, f"scale-{label}", bench.plan.scale_s, bench.plan.scale_rate)
        bench.log(
            f"scale {label}: p50 {result[label]['p50_ms']:.0f} ms, p99 {result[label]['p99_ms']:.0f} ms"
        )
    return result


# ---------------------------------------------------------------- report


def ratio(numerator: float, denominator: float) -> float:
    """numerator / denominator, NaN when undefined."""
    return numerator / denominator if denominator and not math.isnan(denominator) else math.nan


def verdicts(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target of issue 6 with its measured ratio and whether it is met."""
    targets = results["targets"]
    floor_peak = max(r["events_per_s"] for r in targets["floor"]["ladder"])
    naive = {r["concurrency"]: r["p99_ms"] for r in targets["naive"]["ladder"]}
    rows: list[dict[str, Any]] = []
    for name, target in targets.items():
        if not name.startswith("tsunagu"):
            continue
        peak = max(r["events_per_s"] for r in target["ladder"])
        rows.append(
            {
                "target": f"{name}: peak throughput >= 0.5 x floor",
                "value": ratio(peak, floor_peak),
                "limit": 0.5,
                "met": ratio(peak, floor_peak) >= 0.5,
            }
        )
        worst = max(ratio(r["p99_ms"], naive[r["concurrency"]]) for r in target["ladder"])
        rows.append(
            {
                "target": f"{name}: answer p99 / naive p99, worst concurrency",
                "value": worst,
                "limit": 1.0,
                "met": worst < 1.0,
            }
        )
        if "crisis" in target:
            crisis = target["crisis"]
            rows.append(
                {
                    "target": f"{name}: crisis reply p99 during burst (ms)",
                    "value": crisis["p99_ms"],
                    "limit": 200.0,
                    "met": crisis["p99_ms"] < 200.0 and crisis["replied"] == crisis["events"],
                }
            )
    sqlite_p99 = targets["tsunagu-sqlite"]["steady"]["p99_ms"]
    rows.append(
        {
            "target": "tsunagu-sqlite: end-to-end p99 at 50 ev/s (ms)",
            "value": sqlite_p99,
            "limit": 300.0,
            "met": sqlite_p99 < 300.0,
        }
    )
    scale = results.get("scale")
    if scale:
        for quantile in ("p50", "p99"):
            value = ratio(scale["seeded"][f"{quantile}_ms"], scale["empty"][f"{quantile}_ms"])
            rows.append(
                {
                    "target": f"SQLite {scale['rows']:,} conversations / empty, {quantile} turn latency",
                    "value": value,
                    "limit": 1.2,
                    "met": value <= 1.2,
                }
            )
    return rows


def capacity_line(name: str, found: dict[str, Any]) -> str:
    """One line on a sustained capacity and the probes behind it."""
    tried = ", ".join(f"{p['rate']:.0f}/s p99 {p['p99_ms']:.0f} ms" for p in found["probes"])
    return (
        f"Sustained capacity, {name}: {found['rate']:.0f} turns/s with every turn answered and "
        f"p99 < {found['p99_limit_ms']:.0f} ms (probes: {tried})"
    )


def table(results: dict[str, Any]) -> Iterator[str]:
    """The human-readable report."""
    targets = results["targets"]
    levels = [r["concurrency"] for r in targets["floor"]["ladder"]]
    yield "Webhook answers: events/s, p50 / p99 ms, by concurrency"
    yield f"{'':18}" + "".join(f"{'c=' + str(c):>24}" for c in levels)
    for name, target in targets.items():
        cells = "".join(
            f"{r['events_per_s']:>8.0f}/s {r['p50_ms']:>5.1f} / {r['p99_ms']:>6.1f}" for r in target["ladder"]
        )
        yield f"{name:18}{cells}"
    yield ""
    yield f"End-to-end turn (webhook sent -> reply at the fake LINE), {STEADY_RATE:.0f} ev/s, new user each"
    yield f"{'':18}{'events':>8}{'replied':>9}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}"
    for name, target in targets.items():
        if "steady" in target:
            s = target["steady"]
            figures = f"{s['p50_ms']:>9.0f}{s['p99_ms']:>9.0f}{s['max_ms']:>9.0f}"
            yield f"{name:18}{s['events']:>8}{s['replied']:>9}{figures}"
    yield ""
    yield "Crisis reply latency during a burst of ordinary traffic"
    for name, target in targets.items():
        if "crisis" in target:
            c = target["crisis"]
            yield (
                f"{name:18}burst {c['burst_events']} ev at {c['burst_rate']:.0f}/s; crisis "
                f"{c['replied']}/{c['events']} replied, p50 {c['p50_ms']:.0f} ms, "
                f"p99 {c['p99_ms']:.0f} ms, max {c['max_ms']:.0f} ms"
            )
    yield ""
    yield "Backlog drain after the ladder (s): " + ", ".join(
        f"{n} {t['ladder_drain_s']:.1f}" for n, t in targets.items() if "ladder_drain_s" in t
    )
    yield "Resident memory (MB): " + ", ".join(
        f"{n} {t['rss_mb']:.0f}"
        + (f" after {t['rss_conversations']:,} conversations" if "rss_conversations" in t else "")
        for n, t in targets.items()
        if "rss_mb" in t
    )
    if "scale" in results:
        s = results["scale"]
        yield (
            f"SQLite turn latency at {s['rate']:.0f} ev/s, empty vs {s['rows']:,} seeded conversations: "
            f"p50 {s['empty']['p50_ms']:.0f} -> {s['seeded']['p50_ms']:.0f} ms, "
            f"p99 {s['empty']['p99_ms']:.0f} -> {s['seeded']['p99_ms']:.0f} ms"
        )
    for name, target in targets.items():
        if "capacity" in target:
            yield capacity_line(name, target["capacity"])
    if "capacity_ref" in results:
        ref = results["capacity_ref"]
        yield capacity_line(f"commit {ref['commit']}", ref)
    if "claims" in results:
        c = results["claims"]
        yield (
            f"PostgreSQL claims: {c['claims_per_s']:.0f}/s with {c['claimers']} concurrent claimers "
            f"({c['claims']} claims, {c['conflicts']} lost races)"
        )
    yield ""
    yield "Targets (issue 6)"
    for row in results["verdicts"]:
        verdict = "met   " if row["met"] else "MISSED"
        yield f"  {verdict} {row['target']}: {row['value']:.2f} (limit {row['limit']})"


def run(bench: Bench, postgres: bool, capacity_ref: str | None, scale: bool = True) -> None:
    """Every phase, in order, filling `bench.results`."""
    plan = bench.plan
    targets = bench.results["targets"]
    targets["floor"] = run_floor(bench)
    targets["naive"] = run_naive(bench)
    url = fresh_sqlite(bench, "tsunagu")
    targets["tsunagu-sqlite"] = run_tsunagu(bench, "tsunagu-sqlite", url, 1, crisis=True, memory=True)
    if postgres:
        url = fresh_postgres(bench)
        targets["tsunagu-pg"] = run_tsunagu(bench, "tsunagu-pg", url, 1, crisis=True, memory=False)
        if plan.two_workers:
            url = fresh_postgres(bench)
            targets["tsunagu-pg-2w"] = run_tsunagu(bench, "tsunagu-pg-2w", url, 2, crisis=False, memory=False)
    if capacity_ref:
        bench.results["capacity_ref"] = run_capacity_ref(bench, capacity_ref)
    if scale:
        bench.results["scale"] = run_scale(bench)
    if postgres:
        url = fresh_postgres(bench)
        migrate(bench, url)
        bench.results["claims"] = database_script(bench, "claims", url, str(plan.claims_s))
    bench.results["verdicts"] = verdicts(bench.results)


def main() -> int:
    """Parse options, run the benchmark, print the table and write the JSON."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="a smoke run of about a minute")
    parser.add_argument("--json", type=Path, default=REPO / "bench" / "results" / "latest.json")
    parser.add_argument("--line-delay", type=float, default=0.05, help="fake LINE API delay per call (s)")
    parser.add_argument("--pg-admin-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--pg-database", default="tsunagu_bench", help="dropped and recreated by the run")
    parser.add_argument("--no-postgres", action="store_true", help="skip the PostgreSQL phases")
    parser.add_argument("--keep", action="store_true", help="keep the work directory (logs, databases)")
    parser.add_argument("--capacity-ref", help="also measure the sustained capacity of this git commit")
    parser.add_argument(
        "--no-scale", action="store_true", help="skip the SQLite scale phase (seeding 100,000 conversations)"
    )
    args = parser.parse_args()
    stop_on_sigterm()
    plan = QUICK if args.quick else FULL
    workdir = Path(tempfile.mkdtemp(prefix="tsunagu-bench-"))
    started = time.monotonic()
    results: dict[str, Any] = {
        "meta": {
            "mode": "quick" if args.quick else "full",
            "plan": plan.__dict__,
            "line_delay_s": args.line_delay,
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average_at_start": os.getloadavg(),
            "started_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        },
        "targets": {},
    }
    ok = False
    try:
        with fake_line(workdir, args.line_delay) as fake:
            bench = Bench(
                plan,
                workdir,
                fake.url,
                None if args.no_postgres else args.pg_admin_url,
                args.pg_database,
                results,
            )
            run(bench, postgres=not args.no_postgres, capacity_ref=args.capacity_ref, scale=not args.no_scale)
        ok = True
    finally:
        results["meta"]["seconds"] = time.monotonic() - started
        results["meta"]["load_average_at_end"] = os.getloadavg()
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
        if ok and not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            sys.stderr.write(f"bench: logs and databases kept in {workdir}\n")
    sys.stdout.write("\n".join(table(results)) + "\n")
    sys.stdout.write(
        f"\n{results['meta']['mode']} run took {results['meta']['seconds']:.0f} s; JSON: {args.json}\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
