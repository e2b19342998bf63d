"""`dealwatch serve` as an operator runs it: a real process serving a real Prefect deployment.

The process talks to the session's Prefect test server (PREFECT_API_URL), runs the monitor on the
seed feed served from 127.0.0.1, and is stopped with Ctrl-C (SIGINT to its whole process group, as
a terminal sends it) or SIGTERM.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SEEDS, prefect_process_env, write_config
from tests.httpserver import Route, serve_routes

pytestmark = pytest.mark.usefixtures("prefect_harness")

ROOT = Path(__file__).resolve().parent.parent
DEPLOYMENT = "dealwatch-monitor/dealwatch"


@pytest.fixture
def seed_site(request):
    """The seed feed and page on 127.0.0.1; the page takes `page_delay` seconds (param) to arrive."""
    delay = getattr(request, "param", 0.0)
    routes = {
        "/feed.xml": Route(body=(SEEDS / "feed.xml").read_bytes(), content_type="application/rss+xml"),
        "/scale-ai-google-withdraws.html": Route(
            body=(SEEDS / "scale-ai-google-withdraws.html").read_bytes(),
            content_type="text/html; charset=utf-8", delay=delay),
    }
    with serve_routes(routes) as server:
        yield server


def _serve(config: Path, *args: str) -> subprocess.Popen:
    env = prefect_process_env(PREFECT_RUNNER_POLL_FREQUENCY="1")
    # a session of its own: a group-wide signal reaches serve and its flow-run processes, as a
    # Ctrl-C at a terminal does, and nothing else of the test session
    return subprocess.Popen([sys.executable, "-m", "flows.cli", "serve", "--config", str(config), *args],
                            cwd=config.parent, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, start_new_session=True)


def _wait(what: str, check, timeout: float = 60.0, proc: subprocess.Popen | None = None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        if proc is not None and proc.poll() is not None:
            pytest.fail(f"serve exited ({proc.returncode}) while waiting for {what}:\n{proc.stdout.read()}")
        time.sleep(0.25)
    pytest.fail(f"timed out waiting for {what}")


def _deployment():
    from prefect.client.orchestration import get_client
    from prefect.exceptions import ObjectNotFound

    with get_client(sync_client=True) as client:
        try:
            return client.read_deployment_by_name(DEPLOYMENT)
        except ObjectNotFound:
            return None


def _runs(deployment_id) -> list:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterId

    with get_client(sync_client=True) as client:
        return client.read_flow_runs(
            deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment_id])))


def _stop(proc: subprocess.Popen, sig: signal.Signals, *, group: bool) -> str:
    if group:
        os.killpg(proc.pid, sig)
    else:
        proc.send_signal(sig)
    try:
        out, _ = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        pytest.fail(f"serve did not stop:\n{out}")
    return out


def _counts(db: Path) -> tuple[int, int, list]:
    with duckdb.connect(str(db), read_only=True) as con:
        return (con.execute("SELECT count(*) FROM articles WHERE status = 'ok'").fetchone()[0],
                con.execute("SELECT count(*) FROM events").fetchone()[0],
                con.execute("SELECT outcome FROM runs").fetchall())


@pytest.mark.parametrize("seed_site", [3.0], indirect=True)
def test_serve_registers_the_cron_schedule_and_ctrl_c_finishes_the_run(tmp_path, seed_site):
    db = tmp_path / "dw.duckdb"
    config = write_config(tmp_path / "dealwatch.toml", db=db, feeds=[seed_site.url("/feed.xml")],
                          extra=f'[alerts]\noutbox = "{tmp_path / "outbox"}"\n'
                                '[schedule]\ncron = "7 6 * * 1-5"\ntimezone = "Europe/Berlin"\n')
    proc = _serve(config)
    try:
        deployment = _wait("the deployment", lambda: (d := _deployment()) and not d.paused and d, proc=proc)
        [schedule] = deployment.schedules
        assert (schedule.schedule.cron, schedule.schedule.timezone) == ("7 6 * * 1-5", "Europe/Berlin")
        assert schedule.active
        assert deployment.parameters == {"config": str(config.resolve())}

        from prefect.client.orchestration import get_client
        with get_client(sync_client=True) as client:
            run = client.create_flow_run_from_deployment(deployment.id)
        # the served process picks the run up; the page is slow, so the run is still going ...
        _wait("the page request", lambda: seed_site.requests_for("/scale-ai-google-withdraws.html"),
              proc=proc)
        out = _stop(proc, signal.SIGINT, group=True)   # ... when Ctrl-C arrives
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 0, out
    assert "SIGINT received: finishing the run in progress, then stopping" in out
    assert "waiting for the run in progress to finish" in out
    assert out.rstrip().endswith("dealwatch.serve: stopped"), out
    with get_client(sync_client=True) as client:
        finished = client.read_flow_run(run.id)
        assert finished.state.is_completed(), finished.state
        assert client.read_deployment(deployment.id).paused   # nobody serves it any more
    assert _counts(db) == (1, 4, [("completed",)])


def test_serve_interval_runs_on_schedule_until_sigterm(tmp_path, seed_site):
    db = tmp_path / "dw.duckdb"
    config = write_config(tmp_path / "dealwatch.toml", db=db, feeds=[seed_site.url("/feed.xml")],
                          extra=f'[alerts]\noutbox = "{tmp_path / "outbox"}"\n')
    proc = _serve(config, "--interval", "0.05")
    try:
        deployment = _wait("the deployment", lambda: (d := _deployment()) and not d.paused
                           and d.schedules and d.schedules[0].schedule.interval and d, proc=proc)
        assert deployment.schedules[0].schedule.interval.total_seconds() == 3
        done = _wait("a scheduled run", lambda: [r for r in _runs(deployment.id)
                                                 if r.auto_scheduled and r.state.is_completed()],
                     proc=proc)
        out = _stop(proc, signal.SIGTERM, group=False)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 0, out
    assert "on every 0.05 min (UTC)" in out
    assert "SIGTERM received" in out and out.rstrip().endswith("dealwatch.serve: stopped")
    assert done
    articles, events, runs = _counts(db)
    assert (articles, events) == (1, 4)      # later scheduled runs found nothing new
    assert ("completed",) in runs


def test_serve_refuses_a_bad_cron_before_starting(tmp_path):
    config = write_config(tmp_path / "dealwatch.toml", db=tmp_path / "dw.duckdb", feeds=[],
                          extra='[schedule]\ncron = "every morning"\ntimezone = "Mars/Olympus"\n')
    result = subprocess.run([sys.executable, "-m", "flows.cli", "serve", "--config", str(config)],
                            cwd=tmp_path, capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"Error: {config}: key 'schedule.timezone': 'Mars/Olympus' is not a known time zone (use an "
        'IANA name such as "UTC", "Europe/Berlin" or "America/New_York"); key \'schedule.cron\': '
        "'every morning' is not a valid cron expression (five fields: minute hour day-of-month month "
        'day-of-week, e.g. "*/15 * * * *")')
