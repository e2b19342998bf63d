"""Analysts query while the monitor writes: a reader process loops over `dealwatch sql` and
`dealwatch events` during a real monitoring run (Prefect flow, pages from 127.0.0.1); both succeed."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import duckdb
import pytest

from storage.db import connect
from tests.conftest import ROOT, write_config
from tests.httpserver import serve_routes
from tests.newssite import expected_deals, site_routes

pytestmark = pytest.mark.usefixtures("prefect_harness")

PAGES = 60

# Runs in its own process: queries in a loop through the CLI's code path until the stop file
# appears, then prints what it saw as JSON.
READER = r"""
import contextlib, io, json, sys, time
from pathlib import Path
from flows.cli import main

db, stop = sys.argv[1], Path(sys.argv[2])
seen, failures, started = [], [], time.monotonic()
Path(sys.argv[3]).write_text("ready")
while not stop.exists() and time.monotonic() - started < 120:
    for argv in (["sql", "SELECT count(*) AS n FROM deals", "--db", db, "--format", "json"],
                 ["events", "--since", "3650d", "--type", "deal", "--db", db, "--format", "json"]):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(argv)
        if status != 0:
            failures.append(err.getvalue().strip())
        elif argv[0] == "sql":
            seen.append(json.loads(out.getvalue())[0]["n"])
    time.sleep(0.02)
print(json.dumps({"counts": seen, "failures": failures}))
"""


def test_queries_in_a_loop_while_a_monitoring_run_writes(tmp_path):
    from flows.pipeline import monitor

    db = tmp_path / "dw.duckdb"
    with connect(str(db)):
        pass   # the file exists before the reader starts, as it would after a first run
    stop, ready = tmp_path / "stop", tmp_path / "ready"
    with serve_routes() as server:
        server.routes.update(site_routes(PAGES, server.url("/"), page_delay=0.02))
        config = write_config(tmp_path / "dealwatch.toml", db=db, feeds=[server.url("/feed.xml")],
                              extra=f'[alerts]\ntransport = "file"\noutbox = "{tmp_path / "outbox"}"\n')
        reader = subprocess.Popen([sys.executable, "-c", READER, str(db), str(stop), str(ready)],
                                  cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            while not ready.exists() and reader.poll() is None:
                time.sleep(0.01)
            first = monitor(config=str(config))
            second = monitor(config=str(config), all_feeds=True)
        finally:
            stop.write_text("stop")
            out, err = reader.communicate(timeout=60)
    assert reader.returncode == 0, err
    seen = json.loads(out)
    assert seen["failures"] == []
    assert len(seen["counts"]) >= 10
    assert seen["counts"] == sorted(seen["counts"])          # never a half-written batch
    assert seen["counts"][-1] == PAGES

    assert (first["new_articles"], first["new_events"], first["feeds_failed"], first["errors"]) == \
        (PAGES, {"deal": PAGES}, 0, [])
    assert (second["new_articles"], second["new_events"]) == (0, {})
    with duckdb.connect(str(db), read_only=True) as con:
        deals = con.execute("SELECT acquirer, target, amount FROM deals").fetchall()
        polls = con.execute("SELECT ok, entries, new_entries FROM feed_polls ORDER BY polled_at").fetchall()
    assert sorted(deals) == sorted(expected_deals(PAGES))
    assert polls == [(True, PAGES, PAGES), (True, PAGES, 0)]
