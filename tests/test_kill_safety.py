"""A monitoring run killed with SIGKILL mid-run: the next run opens the database and completes, with
every event stored once and every story alerted once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from flows.pipeline import BATCH_PAGES
from tests.conftest import ROOT, prefect_process_env, write_config
from tests.httpserver import serve_routes
from tests.newssite import expected_deals, site_routes

pytestmark = pytest.mark.usefixtures("prefect_harness")

PAGES = BATCH_PAGES + 40     # two batches: the first is stored, the second is in flight when killed


def _articles(db) -> int:
    """Returns the articles stored so far; 0 while the run holds the file (a writer excludes readers)."""
    try:
        with duckdb.connect(str(db), read_only=True) as con:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    except duckdb.Error:
        return 0


def test_a_run_killed_mid_run_is_completed_by_the_next_without_duplicates(tmp_path):
    from flows.pipeline import monitor

    db, outbox = tmp_path / "dw.duckdb", tmp_path / "outbox"
    with serve_routes() as server:
        # The second batch's pages answer slowly, so the kill lands while they are being fetched
        # (the run fetches the next batch while it reads and stores the previous one; 3 s a page: the
        # second batch must not finish before this loop sees the first stored, however slow detection is).
        server.routes.update(site_routes(PAGES, server.url("/"), page_delay=3.0, slow_from=BATCH_PAGES))
        config = write_config(tmp_path / "dealwatch.toml", db=db, feeds=[server.url("/feed.xml")],
                              extra=f'[alerts]\ntransport = "file"\noutbox = "{outbox}"\n')
        run = subprocess.Popen([sys.executable, "-m", "flows.cli", "run", "--config", str(config)],
                               cwd=ROOT, env=prefect_process_env(), stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
        deadline = time.monotonic() + 120
        slow = [f"/a/{i}.html" for i in range(BATCH_PAGES, PAGES)]
        while sum(len(server.requests_for(p)) for p in slow) < 4 or _articles(db) < BATCH_PAGES:
            assert run.poll() is None, run.stdout.read()
            assert time.monotonic() < deadline, "the run never reached its second batch"
            time.sleep(0.02)
        run.send_signal(signal.SIGKILL)
        run.wait(timeout=30)
        assert run.returncode == -signal.SIGKILL

        with duckdb.connect(str(db), read_only=True) as con:
            half = con.execute("SELECT count(*) FROM articles").fetchone()[0], \
                con.execute("SELECT count(*) FROM events").fetchone()[0], \
                con.execute("SELECT count(*) FROM feed_polls").fetchone()[0]
        assert half == (BATCH_PAGES, BATCH_PAGES, 0)   # the first batch is in, the feed not yet recorded

        for path in slow:                        # the next run need not wait as long
            server.routes[path].delay = 0.0
        summary = monitor(config=str(config))   # due again: the killed run never recorded its poll

    assert (summary["feeds_polled"], summary["new_articles"], summary["new_events"]) == \
        (1, PAGES - BATCH_PAGES, {"deal": PAGES - BATCH_PAGES})
    with duckdb.connect(str(db), read_only=True) as con:
        deals = con.execute("SELECT acquirer, target, amount FROM deals").fetchall()
        stories = con.execute("SELECT count(*), sum(event_count) FROM stories").fetchone()
        alerted = con.execute("SELECT count(*), count(DISTINCT story_id) FROM alert_items").fetchone()
        alerts = con.execute("SELECT count(*), max(len(story_ids)), min(status) FROM alerts").fetchone()
    assert len(deals) == PAGES and set(deals) == expected_deals(PAGES)
    assert stories == (PAGES, PAGES)
    assert alerted == (PAGES, PAGES)
    assert alerts == (1, PAGES, "sent")
    assert len(list(outbox.glob("*.eml"))) == 1
