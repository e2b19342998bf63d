"""End-to-end throughput of `dealwatch run` against trafilatura alone, on a generated corpus.

    .venv/bin/python benchmarks/pipeline.py --pages 1000 --feeds 20

What it does, in one process:
1. writes a corpus (benchmarks/corpus.py: distinct pages of ~100 KB, RSS and Atom feeds) to a temporary folder
   and serves it from 127.0.0.1 in a child process (tests/httpserver.py: ETag and Last-Modified, so
   an unchanged feed gets a 304);
2. points Prefect at a fresh temporary PREFECT_HOME (the temporary API server a first run starts)
   and times a trivial flow run there: that is the fixed start-up a first `dealwatch run` pays;
3. runs the monitor flow (`dealwatch run --all`) on a fresh database, then again with nothing new,
   sampling the peak RSS of the process tree (this process, its reading workers, Prefect's server);
4. runs the baseline: trafilatura.extract() over the same HTML in two worker processes, no I/O;
5. prints pages/s, the raw and marginal ratios, time per stage, the rerun and the memory.

The corpus server runs in its own process and is left out of the memory figures; its CPU time,
which a real deployment would not pay, is printed so it can be taken into account.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import resource
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere: the repo's packages come first
    sys.path.insert(0, str(ROOT))

from benchmarks.corpus import write_corpus  # noqa: E402
from benchmarks.procmem import TreeMemory, tree_cpu  # noqa: E402

STAGES = ("poll", "fetch", "extract", "detect", "store", "alert", "orchestration")


# ---------------------------------------------------------------- the corpus server (child process)

def _serve(folder: str, conn) -> None:
    """Serves folder on 127.0.0.1 until told to stop; answers 'stats' with the paths requested."""
    from tests.httpserver import serve_directory

    with serve_directory(folder) as server:
        conn.send(server.url("/"))
        while True:
            msg = conn.recv()
            if msg == "stats":
                feeds = sum(r.path.startswith("/feeds/") for r in server.requests)
                conditional = sum(r.path.startswith("/feeds/") and "if-none-match" in r.headers
                                  for r in server.requests)
                pages = sum(r.path.startswith("/a/") for r in server.requests)
                times = os.times()
                conn.send({"feed_requests": feeds, "conditional_feed_requests": conditional,
                           "page_requests": pages, "cpu_seconds": times.user + times.system})
                server.requests.clear()
            else:
                return


class CorpusServer:
    """The corpus folder served from a child process; `stats()` counts requests since the last call."""

    def __init__(self, folder: Path):
        ctx = multiprocessing.get_context("spawn")
        self._conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(str(folder), child), daemon=True)

    def __enter__(self) -> CorpusServer:
        self.process.start()
        self.base = self._conn.recv()
        return self

    def stats(self) -> dict:
        self._conn.send("stats")
        stats = self._conn.recv()
        cpu = stats["cpu_seconds"]
        stats["cpu_seconds"] -= getattr(self, "_cpu", 0.0)
        self._cpu = cpu
        return stats

    def __exit__(self, *exc: object) -> None:
        self._conn.send("stop")
        self.process.join(10)


# ---------------------------------------------------------------- the baseline

def _extract(html: bytes) -> int:
    import trafilatura

    text = trafilatura.extract(html)
    return len(text or "")


def baseline(pages: list[Path], workers: int = 2) -> tuple[float, float]:
    """Returns (seconds, CPU seconds) trafilatura.extract() takes over the pages in `workers` warm processes."""
    htmls = [p.read_bytes() for p in pages]
    ctx = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        list(pool.map(_extract, htmls[:workers * 2]))          # import trafilatura in each worker
        started, cpu = time.perf_counter(), tree_cpu(os.getpid())
        empty = sum(n == 0 for n in pool.map(_extract, htmls, chunksize=8))
        seconds, cpu = time.perf_counter() - started, tree_cpu(os.getpid()) - cpu
    if empty:
        print(f"  (baseline: {empty} pages gave no text)")
    return seconds, cpu


# ---------------------------------------------------------------- the runs

def _config(path: Path, db: Path, base: str, feeds: list[str], outbox: Path) -> Path:
    blocks = "\n".join(f'[[feeds]]\nurl = "{base}{f}"\n' for f in feeds)
    # One loopback host stands for many outlets: let the per-host limit equal the overall one.
    path.write_text(f'database = "{db}"\n\n{blocks}\n[fetch]\nallow_hosts = ["127.0.0.1"]\n'
                    f'per_host = 8\n\n[alerts]\ntransport = "file"\noutbox = "{outbox}"\n',
                    encoding="utf-8")
    return path


def _run(config: Path, server: CorpusServer, label: str) -> dict:
    from flows.pipeline import monitor

    server.stats()
    with TreeMemory(exclude={server.process.pid}) as mem:
        started = time.perf_counter()
        summary = monitor(config=str(config), all_feeds=True)
        wall = time.perf_counter() - started
    seconds = dict(summary["seconds"])
    inside = sum(v for k, v in seconds.items() if k not in ("orchestration", "total"))
    seconds["orchestration"] = round(wall - inside, 3)   # Prefect's flow and task runs, and glue
    return {"label": label, "wall": wall, "summary": summary, "seconds": seconds,
            "peak_rss": mem.peak_rss, "cpu": mem.cpu_seconds, "cpu_by_kind": mem.cpu_by_kind, "peak_by_kind": mem.peak_by_kind, "server": server.stats()}


def _prefect_startup() -> tuple[float, float]:
    """Returns the seconds of a first and of a second empty flow run in the fresh PREFECT_HOME:
    the start-up a first run pays, and the fixed cost every run pays."""
    from prefect import flow

    @flow(name="bench-warmup")
    def warmup() -> int:
        return 1

    times = []
    for _ in range(2):
        started = time.perf_counter()
        warmup()
        times.append(time.perf_counter() - started)
    return times[0], times[1]


def _versions() -> dict:
    from importlib.metadata import version

    return {name: version(name) for name in ("prefect", "trafilatura", "duckdb", "lxml", "pyarrow")}


def _mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1000, help="article pages (default 1000)")
    parser.add_argument("--feeds", type=int, default=20, help="feeds linking them (default 20)")
    parser.add_argument("--seed", type=int, default=8, help="corpus seed (default 8)")
    parser.add_argument("--page-kb", type=int, default=100,
                        help="pad pages to this many KB with a teaser list and inline JSON state, as "
                             "news sites serve them (default 100; 0: the layouts alone, ~36 KB)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the trafilatura baseline")
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (corpus, database)")
    args = parser.parse_args(argv)
    if args.pages > 500 * args.feeds:
        parser.error("a feed lists at most 500 entries: use --feeds >= pages / 500")

    tmp = Path(tempfile.mkdtemp(prefix="dealwatch-bench-"))
    # Before Prefect is imported: a fresh home, so the first run pays what a new install pays.
    os.environ["PREFECT_HOME"] = str(tmp / "prefect")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")   # nor the client's telemetry
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    # a loaded machine (other suites on the same cores) can take longer than the default 20 s
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")

    started = time.perf_counter()
    info = write_corpus(tmp / "corpus", pages=args.pages, feeds=args.feeds, seed=args.seed,
                        page_kb=args.page_kb)
    print(f"corpus: {info.pages} pages ({_mb(info.page_bytes)}, {info.words / info.pages:.0f} words "
          f"on average), {len(info.feeds)} feeds, written in {time.perf_counter() - started:.1f}s to {tmp}")

    with CorpusServer(tmp / "corpus") as server:
        config = _config(tmp / "dealwatch.toml", tmp / "bench.duckdb", server.base, info.feeds,
                         tmp / "outbox")
        startup, per_run = _prefect_startup()
        print(f"Prefect start-up (first flow run in a fresh PREFECT_HOME): {startup:.1f}s; "
              f"an empty flow run after it: {per_run:.2f}s")
        first = _run(config, server, "first run")
        again = _run(config, server, "no-change rerun")
    base, base_cpu = (None, None) if args.no_baseline else baseline(sorted((tmp / "corpus" / "a").rglob("*.html")))

    pages = args.pages
    s1 = first["summary"]
    print(f"\nfirst run: {first['wall']:.1f}s, {pages / first['wall']:.1f} pages/s; "
          f"{s1['new_articles']} new articles, {s1['articles_failed']} failed, events {s1['new_events']}, "
          f"{s1['new_stories']} stories, {s1['alerts_sent']} alerts")
    print(f"no-change rerun: {again['wall']:.2f}s ({100 * again['wall'] / first['wall']:.1f}% of the first; "
          f"{100 * (again['wall'] - per_run) / first['wall']:.1f}% beyond an empty flow run's {per_run:.2f}s), "
          f"{again['cpu']:.2f} CPU s; "
          f"{again['summary']['feeds_not_modified']}/{again['summary']['feeds_polled']} feeds answered 304, "
          f"{again['server']['page_requests']} pages fetched, {again['summary']['new_articles']} articles read")
    marginal = pages / (first["wall"] - again["wall"])
    print(f"marginal: {marginal:.1f} pages/s (pages / (first run - rerun))")
    if base is not None:
        bps = pages / base
        print(f"baseline: trafilatura.extract() in 2 processes: {base:.1f}s, {bps:.1f} pages/s")
        print(f"ratio pipeline/baseline: raw {pages / first['wall'] / bps:.2f}, marginal {marginal / bps:.2f}")
        print(f"CPU per page: pipeline {1000 * first['cpu'] / pages:.1f} ms (whole process tree), baseline {1000 * base_cpu / pages:.1f} ms; "
              f"CPU ratio baseline/pipeline {base_cpu / first['cpu']:.2f}")
        print(f"  pipeline CPU by process: {first['cpu_by_kind']}; in the workers: "
              + ", ".join(f"{k} {1000 * v / pages:.1f} ms/page" for k, v in s1["cpu_seconds"].items()))
    print("\nstage            first run   per page   rerun")
    for stage in STAGES:
        a, b = first["seconds"].get(stage, 0.0), again["seconds"].get(stage, 0.0)
        print(f"  {stage:<14} {a:8.2f}s {1000 * a / pages:8.2f}ms {b:7.2f}s")
    others = {k: v for k, v in first["seconds"].items() if k not in (*STAGES, "total")}
    if others:
        print(f"  (other timers: {others})")
    print(f"\npeak RSS of the process tree, first run: {_mb(first['peak_rss'])} "
          f"({', '.join(f'{k} {_mb(v)}' for k, v in sorted(first['peak_by_kind'].items()))}); "
          f"rerun {_mb(again['peak_rss'])}")
    print(f"corpus server CPU during the first run: {first['server']['cpu_seconds']:.1f}s "
          f"(shares the same cores; not part of the pipeline)")
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())} "
          f"(other processes on the machine slow every wall-clock figure)")
    print(f"machine: {os.cpu_count()} cores, {platform.platform()}, Python {platform.python_version()}, "
          f"{', '.join(f'{k} {v}' for k, v in _versions().items())}")
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)
    if args.json:
        Path(args.json).write_text(json.dumps({
            "pages": pages, "feeds": args.feeds, "page_kb": args.page_kb, "prefect_startup": startup, "empty_flow_run": per_run, "first": first,
            "rerun": again, "baseline_seconds": base, "baseline_cpu": base_cpu, "versions": _versions(),
            "maxrss_self": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
        }, default=str, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
