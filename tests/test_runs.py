"""Monitoring runs as operations sees them: overlap, failing feeds, retries, due feeds, the record
of each run in the `runs` table and its report in Prefect. Real Prefect runs, real servers."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SEEDS, prefect_process_env, write_config
from tests.httpserver import Route, serve_routes

pytestmark = pytest.mark.usefixtures("prefect_harness")

PAGE = "/scale-ai-google-withdraws.html"


def _site(page_delay: float = 0.0, extra: dict | None = None):
    routes = {
        "/feed.xml": Route(body=(SEEDS / "feed.xml").read_bytes(), content_type="application/rss+xml"),
        PAGE: Route(body=(SEEDS / "scale-ai-google-withdraws.html").read_bytes(),
                    content_type="text/html; charset=utf-8", delay=page_delay),
        **(extra or {}),
    }
    return serve_routes(routes)


def _rows(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def _flow_run_logs(flow_run_id) -> list[str]:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId

    with get_client(sync_client=True) as client:
        # logs reach the API in batches; give the last batch a moment
        for _ in range(40):
            logs = client.read_logs(LogFilter(flow_run_id=LogFilterFlowRunId(any_=[flow_run_id])))
            if any("run skipped" in log.message or "run done" in log.message for log in logs):
                break
            time.sleep(0.25)
    return [log.message for log in logs]


def test_overlapping_runs_do_not_both_proceed(tmp_path):
    from flows.pipeline import monitor

    db = tmp_path / "dw.duckdb"
    with _site(page_delay=3.0) as site:
        config = write_config(tmp_path / "dealwatch.toml", db=db, feeds=[site.url("/feed.xml")],
                              extra=f'[alerts]\noutbox = "{tmp_path / "outbox"}"\n')
        env = prefect_process_env()
        first = subprocess.Popen([sys.executable, "-m", "flows.cli", "run", "--config", str(config)],
                                 env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + 60
            while not site.requests_for(PAGE):      # the first run is fetching the slow page
                assert first.poll() is None and time.monotonic() < deadline, first.communicate()
                time.sleep(0.1)
            state = monitor(config=str(config), return_state=True)
            second = state.result()
            out, err = first.communicate(timeout=60)
        finally:
            if first.poll() is None:
                first.kill()

    assert second["skipped"] == "another run on this database is still in progress"
    assert second["feeds_polled"] == 0 and second["new_articles"] == 0
    logs = _flow_run_logs(state.state_details.flow_run_id)
    assert f"run skipped: another run on this database is still in progress ({db})" in logs

    assert first.returncode == 0, err
    assert "new articles                1" in out.splitlines()
    assert len(site.requests_for(PAGE)) == 1
    # the first run's plain log lines: one per feed, one for the run
    assert f"feed {site.url('/feed.xml')}: 1 entries" in err
    assert "run done in" in err
    assert sorted(_rows(db, "SELECT outcome, new_articles FROM runs")) == [("completed", 1), ("skipped", 0)]
    assert _rows(db, "SELECT count(*) FROM events") == [(4,)]


def test_failing_feeds_are_counted_and_only_transient_failures_retried(tmp_path):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    from flows.pipeline import monitor

    db = tmp_path / "dw.duckdb"
    busy = Route(status=503, body=b"busy", headers={"Retry-After": "0"})
    with _site(extra={"/busy.xml": busy, "/gone.xml": Route(status=404, body=b"no")}) as site:
        config = write_config(
            tmp_path / "dealwatch.toml", db=db,
            feeds=[site.url("/busy.xml"), site.url("/gone.xml"), site.url("/feed.xml")],
            extra=f'retries = 2\n[alerts]\noutbox = "{tmp_path / "outbox"}"\n')
        state = monitor(config=str(config), return_state=True)
        summary = state.result()
        busy_requests = len(site.requests_for("/busy.xml"))
        gone_requests = len(site.requests_for("/gone.xml"))

    assert state.is_completed()
    assert (summary["feeds_polled"], summary["feeds_failed"], summary["new_articles"]) == (3, 2, 1)
    assert summary["new_events"] == {"deal": 1, "customer_change": 3}
    assert summary["new_stories"] == 4 and summary["alerts_sent"] == 1
    assert set(summary["seconds"]) >= {"poll", "fetch", "extract", "detect", "store", "alert",
                                       "orchestration", "total"}
    assert summary["seconds"]["total"] == pytest.approx(
        sum(v for k, v in summary["seconds"].items() if k != "total"), abs=0.5)
    assert (busy_requests, gone_requests) == (3, 1)   # 503 retried twice, 404 never
    busy_error, gone_error = summary["errors"]
    assert busy_error.startswith(f"feed {site.url('/busy.xml')}: HTTP 503 Service Unavailable")
    assert gone_error.startswith(f"feed {site.url('/gone.xml')}: HTTP 404 Not Found")
    [(outcome, failed, deals)] = _rows(db, "SELECT outcome, feeds_failed, new_deals FROM runs")
    assert (outcome, failed, deals) == ("completed with errors", 2, 1)

    # the run's report in Prefect: counts, and the new events as a table with links
    with get_client(sync_client=True) as client:
        [artifact] = client.read_artifacts(artifact_filter=ArtifactFilter(
            flow_run_id=ArtifactFilterFlowRunId(any_=[state.state_details.flow_run_id])))
    assert (artifact.key, artifact.type) == ("dealwatch-run", "markdown")
    md = artifact.data
    assert "| feeds failed | 2 |" in md and "| new articles | 1 |" in md
    assert "## New events (4)" in md
    assert "| type | subtype | parties | amount | stake | status | confidence | article |" in md
    article = f"[127.0.0.1:{site.url('/').split(':')[2].rstrip('/')}]({site.url(PAGE)})"
    [(confidence,)] = _rows(db, "SELECT confidence FROM events WHERE subtype = 'stake'")  # the verifier's
    assert 0.5 < confidence <= 1
    assert f"| deal | stake | Meta → Scale AI | $14.3bn | 49% | completed | {confidence:.2f} | {article} |" in md
    assert md.count(article) == 4
    assert "## Problems (2)" in md


def test_a_run_polls_only_due_feeds_unless_all(tmp_path):
    from flows.pipeline import monitor

    db = tmp_path / "dw.duckdb"
    with _site() as site:
        config = write_config(tmp_path / "dealwatch.toml", db=db, feeds=[site.url("/feed.xml")],
                              extra=f'[alerts]\noutbox = "{tmp_path / "outbox"}"\n')
        first = monitor(config=str(config))
        again = monitor(config=str(config))
        forced = monitor(config=str(config), all_feeds=True)
        feed_requests = len(site.requests_for("/feed.xml"))

    assert (first["feeds_polled"], first["new_articles"]) == (1, 1)
    assert again["feeds_polled"] == 0           # next_poll_at is 15 minutes away
    assert (forced["feeds_polled"], forced["new_articles"]) == (1, 0)
    assert feed_requests == 2
    [(next_poll,)] = _rows(db, "SELECT next_poll_at > now() + INTERVAL 14 MINUTE FROM feeds")
    assert next_poll
    assert _rows(db, "SELECT all_feeds, feeds_polled FROM runs ORDER BY started_at") == [
        (False, 1), (False, 0), (True, 1)]
