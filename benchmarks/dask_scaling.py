"""Reading on a Dask cluster of 1, 2 and 4 workers, pages served with 100-300 ms of latency.

    .venv/bin/python benchmarks/dask_scaling.py                      # 300 pages, 30 feeds, ~3 min
    .venv/bin/python benchmarks/dask_scaling.py --pages 120 --workers 1 2   # a quick look
    .venv/bin/python benchmarks/dask_scaling.py --writer              # the single writer's ceiling

What it does, in one process:
1. writes a corpus (benchmarks/corpus.py) and serves it from 127.0.0.1 in a child process, every
   request answered after 100-300 ms (fixed per path, so each run meets the same latencies);
2. for the local executor and for a LocalCluster of each --workers count (worker processes with
   --threads threads each, on this machine), runs `dealwatch run --all` on a fresh database (every
   page new), then again (every feed polled and parsed again, nothing new);
3. prints per run: pages/s, feeds polled/s on the rerun, the writer's share (seconds storing, and
   the rows it stored per second of that), the workers' CPU per page (extract + detect).

The writer saturates when the cluster delivers pages faster than `store` takes them: the table's
"writer pages/s" (pages per second of storing) is that ceiling. Everything shares this machine's
cores with the corpus server and Prefect's API server: on 2 cores, 4 workers overlap latency but
cannot add CPU.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import shutil
import socket
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere: the repo's packages come first
    sys.path.insert(0, str(ROOT))

from benchmarks.corpus import write_corpus  # noqa: E402

TYPES = {".xml": "application/xml", ".html": "text/html; charset=utf-8"}


def latency(path: str, low: float, high: float) -> float:
    """Returns the fixed delay of one path, spread evenly over [low, high]."""
    return low + (high - low) * (zlib.crc32(path.encode()) % 1000) / 999


def _serve(folder: str, low: float, high: float, conn) -> None:
    from tests.httpserver import Route, serve_routes

    root = Path(folder)
    routes = {"/" + str(f.relative_to(root)): Route(body=f.read_bytes(), content_type=TYPES[f.suffix],
                                                    delay=latency(str(f.relative_to(root)), low, high))
              for f in root.rglob("*") if f.is_file()}
    with serve_routes(routes) as server:
        conn.send(server.url("/"))
        conn.recv()


class SlowServer:
    """The corpus served from a child process, each answer delayed."""

    def __init__(self, folder: Path, low: float, high: float):
        ctx = multiprocessing.get_context("spawn")
        self._conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(str(folder), low, high, child), daemon=True)

    def __enter__(self) -> str:
        self.process.start()
        return self._conn.recv()

    def __exit__(self, *exc: object) -> None:
        self._conn.send("stop")
        self.process.join(10)


def _config(path: Path, db: Path, base: str, feeds: list[str], address: str | None, smtp_port: int) -> Path:
    blocks = "\n".join(f'[[feeds]]\nurl = "{base}{f}"\n' for f in feeds)
    run = f'\n[run]\nexecutor = "dask"\ndask_address = "{address}"\n' if address else ""
    # One loopback host stands for many outlets: let the per-host limit equal the overall one.
    # Alerts: one email per story, over SMTP to a local server, to measure alerts per minute.
    path.write_text(f'database = "{db}"\n\n{blocks}\n[fetch]\nallow_hosts = ["127.0.0.1"]\nper_host = 8\n'
                    f'\n[alerts]\ntransport = "smtp"\nmode = "instant"\nevents = ["deal", "customer_change"]\n'
                    f'[alerts.smtp]\nhost = "127.0.0.1"\nport = {smtp_port}\nsecurity = "none"\n{run}',
                    encoding="utf-8")
    return path


def _warm() -> int:
    """Reads the seed page on a worker, so that imports and compiled rules are ready before timing."""
    from flows.reading import PageInput, read_one

    page = (ROOT / "seeds" / "scale-ai-google-withdraws.html").read_bytes()
    return len(read_one(PageInput("http://127.0.0.1/seed.html", html=page)).events)


def _runs(label: str, config: Path, pages: int, feeds: int) -> dict:
    from flows.pipeline import monitor

    started = time.perf_counter()
    first = monitor(config=str(config), all_feeds=True)
    wall = time.perf_counter() - started
    started = time.perf_counter()
    again = monitor(config=str(config), all_feeds=True)
    rewall = time.perf_counter() - started
    assert first["new_articles"] == pages and first["articles_failed"] == 0, first
    events = sum(first["new_events"].values())
    store = first["seconds"]["store"]
    cpu = sum(first["cpu_seconds"].values())
    row = {"label": label, "wall": wall, "pages_s": pages / wall, "events": events,
           "store_s": store, "writer_pages_s": pages / store, "writer_rows_s": (pages + events) / store,
           "cpu_ms": 1000 * cpu / pages, "poll_rerun": again["seconds"]["poll"],
           "feeds_s": feeds / again["seconds"]["poll"], "rerun_wall": rewall,
           "alerts": first["alerts_sent"], "alerts_min": 60 * first["alerts_sent"] / first["seconds"]["alert"]}
    print(f"  {label:<22} {wall:6.1f}s {row['pages_s']:7.1f} pages/s | store {store:5.2f}s = "
          f"{row['writer_pages_s']:6.0f} pages/s, {row['writer_rows_s']:6.0f} rows/s | worker CPU "
          f"{row['cpu_ms']:5.1f} ms/page | rerun: {feeds} feeds polled in {again['seconds']['poll']:.2f}s "
          f"({row['feeds_s']:.0f}/s), run {rewall:.1f}s | {row['alerts']} alerts in "
          f"{first['seconds']['alert']:.2f}s ({row['alerts_min']:.0f}/min)", flush=True)
    return row


def writer_ceiling(corpus: Path, tmp: Path, total: int, sizes: list[int]) -> list[dict]:
    """Stores `total` read pages through the product's write path (the `store` task, one
    transaction per batch, in a flow run) in batches of each size; returns pages and rows per second.

    The corpus pages are read once here; copies get a line of their own so that each is a distinct
    article with its own events, as new pages would be.
    """
    import dataclasses

    from prefect import flow

    from flows.config import Settings
    from flows.pipeline import StageClock, store_batch
    from flows.reading import PageInput, ReadingPool
    from storage.writes import ArticleRow

    pages = [PageInput(f"http://127.0.0.1/{f.relative_to(corpus)}", html=f.read_bytes())
             for f in sorted((corpus / "a").rglob("*.html"))]
    with ReadingPool(2) as pool:
        read = [o for chunk in pool.stream(pages, total=len(pages)) for o in chunk if o.article is not None]
    outputs = []
    for k in range(-(-total // len(read))):
        for o in read:
            url = f"{o.url}?copy={k}"
            article = dataclasses.replace(o.article, url=url, text=f"{o.article.text}\n\nCopy {k}.")
            outputs.append(dataclasses.replace(o, url=url, article=article))
    outputs = outputs[:total]

    @flow(name="bench-writer")
    def store_all(database: str, size: int) -> float:
        settings, clock = Settings(database=database), StageClock()
        for i in range(0, len(outputs), size):
            batch = outputs[i:i + size]
            rows = [ArticleRow(url=o.url, guid=o.url, feed_url="http://127.0.0.1/feed.xml", status="ok",
                               article=o.article, title=o.article.title) for o in batch]
            store_batch(settings, rows, batch, clock)
        return clock.seconds["store"]

    results = []
    events = sum(len(o.events) for o in outputs)
    for size in sizes:
        started = time.perf_counter()
        inside = store_all(str(tmp / f"writer-{size}.duckdb"), size)
        wall = time.perf_counter() - started
        row = {"size": size, "wall": wall, "inside": inside, "pages_s": total / wall,
               "rows_s": (total + events) / wall}
        print(f"  writer, batches of {size:5}: {total} pages + {events} events in {wall:5.1f}s "
              f"({inside:.1f}s inside the store task): {row['pages_s']:5.0f} pages/s, "
              f"{row['rows_s']:5.0f} rows/s", flush=True)
        results.append(row)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=300, help="article pages (default 300)")
    parser.add_argument("--feeds", type=int, default=30, help="feeds linking them (default 30)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4], help="cluster sizes (default 1 2 4)")
    parser.add_argument("--threads", type=int, default=2, help="threads per worker process (default 2)")
    parser.add_argument("--latency", type=float, nargs=2, default=[0.1, 0.3], metavar=("LOW", "HIGH"),
                        help="seconds each request waits (default 0.1 0.3)")
    parser.add_argument("--no-local", action="store_true", help="skip the local executor's run")
    parser.add_argument("--batch", type=int, help="pages per store batch (default: the pipeline's BATCH_PAGES)")
    parser.add_argument("--writer", type=int, nargs="*", metavar="SIZE",
                        help="instead: the single writer's ceiling, storing --writer-pages read pages "
                             "in batches of each SIZE (default 200 800 2000)")
    parser.add_argument("--writer-pages", type=int, default=4000, help="pages the writer stores (default 4000)")
    args = parser.parse_args(argv)
    if args.batch:
        import flows.pipeline

        flows.pipeline.BATCH_PAGES = args.batch

    tmp = Path(tempfile.mkdtemp(prefix="dealwatch-dask-bench-"))
    os.environ["PREFECT_HOME"] = str(tmp / "prefect")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    import distributed

    info = write_corpus(tmp / "corpus", pages=args.pages, feeds=args.feeds)
    print(f"corpus: {info.pages} pages, {len(info.feeds)} feeds, every request delayed "
          f"{args.latency[0]:g}-{args.latency[1]:g} s; load average at start "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}", flush=True)
    from tests.smtpserver import SmtpServer

    from prefect import flow

    @flow(name="bench-warmup")
    def warmup() -> int:
        return 1

    warmup()   # the fresh PREFECT_HOME's first flow run starts Prefect's server: not a run's cost
    if args.writer is not None:
        writer_ceiling(tmp / "corpus", tmp, args.writer_pages, args.writer or [200, 800, 2000])
        print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        shutil.rmtree(tmp, ignore_errors=True)
        return 0
    rows = []
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    smtp = SmtpServer(port).start()
    with SlowServer(tmp / "corpus", *args.latency) as base:
        if not args.no_local:
            run = tmp / "local"
            run.mkdir()
            rows.append(_runs("local (fetch.workers=0)", _config(run / "dw.toml", run / "dw.duckdb", base,
                                                                 info.feeds, None, smtp.port), args.pages, args.feeds))
        for n in args.workers:
            with distributed.LocalCluster(n_workers=n, threads_per_worker=args.threads, processes=True,
                                          host="127.0.0.1", dashboard_address="127.0.0.1:0",
                                          silence_logs=40) as cluster, \
                    distributed.Client(cluster.scheduler_address, set_as_default=False) as client:
                client.run(_warm)
                run = tmp / f"dask{n}"
                run.mkdir()
                rows.append(_runs(f"dask {n} x {args.threads} threads",
                                  _config(run / "dw.toml", run / "dw.duckdb", base, info.feeds,
                                          cluster.scheduler_address, smtp.port), args.pages, args.feeds))
    smtp.stop()
    print("\n| executor | run s | pages/s | feeds polled/s (rerun) | writer: store s | writer pages/s "
          "| writer rows/s | worker CPU ms/page | alerts/min |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['label']} | {r['wall']:.1f} | {r['pages_s']:.1f} | {r['feeds_s']:.0f} | "
              f"{r['store_s']:.2f} | {r['writer_pages_s']:.0f} | {r['writer_rows_s']:.0f} | {r['cpu_ms']:.1f} "
              f"| {r['alerts_min']:.0f} |")
    from importlib.metadata import version

    print(f"\nload average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}; machine: "
          f"{os.cpu_count()} cores, {platform.platform()}, Python {platform.python_version()}, "
          + ", ".join(f"{p} {version(p)}" for p in ("distributed", "prefect", "trafilatura", "duckdb")))
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
