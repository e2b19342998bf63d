"""run.executor = "dask" against a real cluster on 127.0.0.1: a scheduler and worker processes
(distributed.LocalCluster, processes=True), and a `dask worker` subprocess running other code.

Same feeds, same articles and events as a local run; a worker SIGKILLed mid-run loses nothing and
stores nothing twice; the address guard holds on the workers; an unreachable cluster or a worker
with other code stops the run before any feed is polled, in one line.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from tests.conftest import ROOT, SEEDS, free_port, write_config
from tests.httpserver import Route, serve_routes
from tests.newssite import expected_deals, site_routes

distributed = pytest.importorskip("distributed")

pytestmark = pytest.mark.usefixtures("prefect_harness")


@pytest.fixture(scope="module")
def cluster():
    """A scheduler and two single-threaded worker processes on 127.0.0.1, for the module."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address="127.0.0.1:0", scheduler_port=0) as local:
        yield local


def config(tmp_path: Path, feeds: list[str], *, address: str | None, name: str = "dw",
           fetch: str = "") -> Path:
    run = f'[run]\nexecutor = "dask"\ndask_address = "{address}"\ndask_timeout = 2\n' if address else ""
    return write_config(tmp_path / f"{name}.toml", db=tmp_path / f"{name}.duckdb", feeds=feeds,
                        extra=f"{fetch}\n[alerts]\ntransport = \"file\"\n"
                              f"outbox = \"{tmp_path / 'outbox'}\"\n{run}")


def monitor(path: Path) -> dict:
    from flows.pipeline import monitor as flow

    return flow(config=str(path), all_feeds=True)


def query(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


ARTICLES = "SELECT url, guid, feed_url, status, title, text, language, error FROM articles ORDER BY url"
EVENTS = ("SELECT event_id, article_url, event_type, subtype, acquirer, target, customer, vendor, amount, "
          "currency, stake_pct, status, evidence, confidence FROM events ORDER BY event_id")


def test_the_cluster_reads_what_a_local_run_reads(tmp_path, cluster, seed_server):
    with serve_routes() as server:
        server.routes.update(site_routes(40, server.url("")))
        feeds = [server.url("/feed.xml"), seed_server + "feed.xml"]
        here = monitor(config(tmp_path, feeds, address=None, name="local"))
        there = monitor(config(tmp_path, feeds, address=cluster.scheduler_address, name="dask"))
    assert there["new_articles"] == here["new_articles"] == 41
    assert there["new_events"] == here["new_events"] and there["new_events"]["deal"] >= 40
    assert there["feeds_polled"] == 2 and there["feeds_failed"] == 0
    local, dask = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    assert query(dask, ARTICLES) == query(local, ARTICLES)
    assert query(dask, EVENTS) == query(local, EVENTS)
    assert {(a, t, x) for a, t, x in query(dask, "SELECT acquirer, target, amount FROM events "
                                                 "WHERE article_url LIKE '%/a/%'")} == expected_deals(40)
    assert query(dask, "SELECT count(*) FROM feeds WHERE last_polled_at IS NOT NULL") == [(2,)]


def test_a_worker_killed_mid_run_loses_nothing_and_stores_nothing_twice(tmp_path, cluster):
    client = distributed.Client(cluster.scheduler_address, set_as_default=False)
    pids = sorted(client.run(os.getpid).values())
    n = 160
    killed = threading.Event()
    with serve_routes() as server:
        # slow pages, fetched two at a time: each task of 32 pages takes about two seconds
        server.routes.update(site_routes(n, server.url(""), page_delay=0.1))

        def kill_when_busy():
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and len(server.requests) < 12:
                time.sleep(0.02)
            os.kill(pids[0], signal.SIGKILL)
            killed.set()

        killer = threading.Thread(target=kill_when_busy, daemon=True)
        killer.start()
        summary = monitor(config(tmp_path, [server.url("/feed.xml")], address=cluster.scheduler_address,
                                 fetch="concurrency = 2"))
        killer.join()
        fetches = [r.path for r in server.requests if r.path.startswith("/a/")]
    client.wait_for_workers(2, timeout=60)   # the nanny restarts the killed one for later tests
    client.close()
    assert killed.is_set()
    assert len(fetches) > len(set(fetches)) == n, "the killed worker's pages were read again elsewhere"
    assert summary["new_articles"] == n and summary["articles_failed"] == 0
    assert summary["new_events"] == {"deal": n}
    db = tmp_path / "dw.duckdb"
    assert query(db, "SELECT count(*), count(DISTINCT url) FROM articles WHERE status = 'ok'") == [(n, n)]
    assert {(a, t, x) for a, t, x in query(db, "SELECT acquirer, target, amount FROM events")} \
        == expected_deals(n)
    assert query(db, "SELECT count(*) FROM events") == [(n,)]


def test_the_address_guard_holds_on_the_workers(tmp_path, cluster):
    # allow_hosts lets the workers reach 127.0.0.1 only; 127.0.0.2 is refused before connecting
    forbidden = f"http://127.0.0.2:{free_port()}"
    feed = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
            f"<item><title>Inside</title><link>{forbidden}/inside.html</link><guid>g1</guid></item>"
            f"</channel></rss>").encode()
    with serve_routes({"/feed.xml": Route(body=feed, content_type="application/rss+xml")}) as server:
        summary = monitor(config(tmp_path, [server.url("/feed.xml"), f"{forbidden}/feed.xml"],
                                 address=cluster.scheduler_address))
    db = tmp_path / "dw.duckdb"
    [(status, error)] = query(db, "SELECT status, error FROM articles")
    assert status == "skipped"
    assert error.startswith(f"page {forbidden}/inside.html: 127.0.0.2 is a loopback address: "
                            "refused before connecting")
    [(failures, feed_error)] = query(db, "SELECT consecutive_failures, last_error FROM feeds "
                                         "WHERE url LIKE '%127.0.0.2%'")
    assert failures == 1 and "127.0.0.2 is a loopback address: refused before connecting" in feed_error
    assert summary["feeds_failed"] == 1


def _cli(capsys, *args: str) -> tuple[int, str, str]:
    from flows.cli import main

    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_connects_and_reports_the_workers(tmp_path, cluster, capsys):
    path = config(tmp_path, ["http://127.0.0.1:9/feed.xml"], address=cluster.scheduler_address)
    code, out, _ = _cli(capsys, "check", "--config", str(path))
    assert code == 0
    line = next(l for l in out.splitlines() if "dask cluster" in l)
    assert line.startswith(f"ok: dask cluster {cluster.scheduler_address}: 2 workers, 2 threads, "
                           "all running dealwatch ")


def test_an_unreachable_cluster_is_one_line_before_any_feed_is_polled(tmp_path, capsys, monkeypatch):
    address = f"tcp://127.0.0.1:{free_port()}"
    monkeypatch.setenv("DEALWATCH_DASK_ADDRESS", address)
    with serve_routes({"/feed.xml": Route(body=b"<rss/>", content_type="application/rss+xml")}) as server:
        path = config(tmp_path, [server.url("/feed.xml")], address="tcp://127.0.0.1:1")
        code, out, err = _cli(capsys, "run", "--config", str(path))
        assert server.requests == []
    assert code == 1 and out == ""
    assert err.startswith(f"Error: dask cluster {address}: unreachable (") and err.count("\n") == 1
    assert err.rstrip().endswith("start its scheduler or correct run.dask_address / $DEALWATCH_DASK_ADDRESS")
    code, out, _ = _cli(capsys, "check", "--config", str(path))
    assert code == 1 and f"problem: dask cluster {address}: unreachable (" in out
    assert not (tmp_path / "dw.duckdb").exists()


def test_a_worker_with_other_code_is_refused(tmp_path, capsys):
    other = tmp_path / "other"
    for package in ("extract", "flows", "storage"):
        shutil.copytree(ROOT / package, other / package, ignore=shutil.ignore_patterns("__pycache__"))
    with open(other / "flows" / "__init__.py", "a", encoding="utf-8") as f:
        f.write("# another build\n")
    with distributed.LocalCluster(n_workers=0, processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0",
                                  scheduler_port=0) as local:
        env = {**os.environ, "PYTHONPATH": str(other)}
        worker = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker",
                                   local.scheduler_address, "--nthreads", "1", "--no-nanny",
                                   "--host", "127.0.0.1", "--no-dashboard"],
                                  cwd=other, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            with distributed.Client(local.scheduler_address, set_as_default=False) as client:
                client.wait_for_workers(1, timeout=60)
                [worker_address] = client.scheduler_info()["workers"]
            with serve_routes({"/feed.xml": Route(body=b"<rss/>", content_type="application/rss+xml")}) \
                    as server:
                path = config(tmp_path, [server.url("/feed.xml")], address=local.scheduler_address)
                code, out, err = _cli(capsys, "run", "--config", str(path))
                assert server.requests == []
        finally:
            worker.send_signal(signal.SIGTERM)
            worker.wait(timeout=30)
    # the scheduler runs in this process: its own log lines may share stderr
    [error] = [line for line in err.splitlines() if line.startswith("Error:")]
    assert code == 1 and "Traceback" not in err
    assert error.startswith(f"Error: dask cluster {local.scheduler_address}: worker {worker_address} runs "
                            "dealwatch 0.1.0 (code ")
    assert "install the same dealwatch on every worker" in error


def test_a_task_reaching_a_worker_with_other_code_fails_the_run_naming_it(cluster):
    # a worker that joins mid-run with another build: every task carries the flow's fingerprint
    from flows.cluster import CodeMismatch, connect
    from flows.config import FetchSettings, RunSettings
    from flows.polling import PageJob

    on_cluster = connect(RunSettings(executor="dask", dask_address=cluster.scheduler_address))
    try:
        on_cluster.fingerprint = "dealwatch 0.0.9 (code 000000000000)"   # as if the flow were another build
        job = PageJob(url="http://127.0.0.1:9/a.html", fetch_url="http://127.0.0.1:9/a.html", guid=None,
                      feed_url="http://127.0.0.1:9/feed.xml", title=None, published_at=None)
        with pytest.raises(CodeMismatch) as refused:
            list(on_cluster.read(FetchSettings(), [job], min_pages=1, max_pages=10))
    finally:
        on_cluster.client.close()
    assert str(refused.value).startswith("worker tcp://127.0.0.1:")
    assert "but the flow runs dealwatch 0.0.9 (code 000000000000); install the flow's dealwatch on every " \
           "worker" in str(refused.value)
