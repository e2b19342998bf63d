"""What Prefect costs per article: a real monitoring run over synthetic feeds served from 127.0.0.1.

    .venv/bin/python benchmarks/orchestration.py [--articles 400] [--feeds 8] [--workers 0]

Serves `--feeds` RSS feeds with `--articles` new article pages in all (copies of the seed page) from
a temporary folder on 127.0.0.1, runs the monitor flow once against a temporary Prefect server (after
a warm-up run), then a second time when nothing is new. Prefect's share of a run is the flow's wall
time minus the time spent inside task bodies (each task run's run time, read back from the Prefect
API): flow and task-run bookkeeping, state changes and the hand-over between stages.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
# Before Prefect is imported: its temporary server and client must send no analytics off this machine.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

from flows.demo import SEEDS, serve_directory  # noqa: E402


def write_site(root: Path, articles: int, feeds: int) -> None:
    """Writes feed{n}.xml files linking to a/{i}.html pages, articles spread evenly over the feeds."""
    page = (SEEDS / "scale-ai-google-withdraws.html").read_bytes()
    (root / "a").mkdir()
    for i in range(articles):
        (root / "a" / f"{i}.html").write_bytes(page)
    for f in range(feeds):
        items = "".join(
            f"<item><title>Article {i}</title><link>a/{i}.html</link><guid>a-{i}</guid>"
            f"<pubDate>Sat, 14 Jun 2025 08:32:00 GMT</pubDate></item>"
            for i in range(f, articles, feeds))
        (root / f"feed{f}.xml").write_text(
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {f}</title>'
            f"<link>http://127.0.0.1/</link>{items}</channel></rss>", encoding="utf-8")


def write_config(path: Path, base: str, feeds: int, db: Path, outbox: Path, workers: int) -> None:
    blocks = "".join(f'[[feeds]]\nurl = "{base}feed{f}.xml"\n' for f in range(feeds))
    path.write_text(f'database = "{db}"\n{blocks}[fetch]\nallow_hosts = ["127.0.0.1"]\n'
                    f"per_host = 8\nworkers = {workers}\n"
                    f'[alerts]\ntransport = "file"\noutbox = "{outbox}"\n', encoding="utf-8")


def task_seconds(flow_run_id) -> tuple[float, int]:
    """Returns (seconds inside task bodies, task runs) of a flow run, from the Prefect API."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    with get_client(sync_client=True) as client:
        runs = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])))
    return sum(r.total_run_time.total_seconds() for r in runs), len(runs)


def measure(config: Path, label: str, articles_expected: int | None) -> None:
    from flows.pipeline import monitor

    started = time.perf_counter()
    state = monitor(config=str(config), return_state=True)
    wall = time.perf_counter() - started
    summary = state.result()
    inside, tasks = task_seconds(state.state_details.flow_run_id)
    prefect = wall - inside
    n = summary["new_articles"]
    if articles_expected is not None and n != articles_expected:
        raise SystemExit(f"expected {articles_expected} new articles, got {n}: {summary}")
    print(f"{label}: {summary['feeds_polled']} feeds, {n} new articles, {sum(summary['new_events'].values())} "
          f"new events, {tasks} task runs")
    print(f"  wall {wall:.2f} s = tasks {inside:.2f} s + Prefect {prefect:.2f} s ({prefect / wall:.0%})")
    print("  by stage: " + ", ".join(f"{k} {v:.2f} s" for k, v in summary["seconds"].items()))
    if n:
        print(f"  per article: {wall / n * 1000:.1f} ms in all, of which Prefect {prefect / n * 1000:.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--feeds", type=int, default=8)
    parser.add_argument("--workers", type=int, default=0, help="reading processes; 0 = one per core")
    args = parser.parse_args()

    from prefect.testing.utilities import prefect_test_harness

    with tempfile.TemporaryDirectory() as tmp, prefect_test_harness(server_startup_timeout=120):
        tmp_path = Path(tmp)
        site = tmp_path / "site"
        site.mkdir()
        write_site(site, args.articles, args.feeds)
        with serve_directory(site) as base:
            warm = tmp_path / "warm.toml"
            write_config(warm, base, 1, tmp_path / "warm.duckdb", tmp_path / "outbox", args.workers)
            measure(warm, "warm-up (not counted)", None)
            config = tmp_path / "dealwatch.toml"
            write_config(config, base, args.feeds, tmp_path / "dw.duckdb", tmp_path / "outbox", args.workers)
            measure(config, "first run", args.articles)
            measure(config, "second run, --all not set (nothing due)", 0)


if __name__ == "__main__":
    main()
