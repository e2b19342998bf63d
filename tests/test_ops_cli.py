"""`dealwatch status`, `config show` and `check`: the lines they promise, on real files and servers."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from flows.cli import main
from tests.conftest import write_config

T0 = datetime(2026, 3, 2, 7, 0, tzinfo=timezone.utc)


def _cli(capsys, *args: str) -> tuple[int, list[str], list[str]]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


@pytest.fixture
def operated_db(tmp_path) -> Path:
    """A database after three runs: one feed failing, one alert stuck pending."""
    from storage.db import connect, transaction
    from storage.outbox import mark_failed
    from storage.runs import RunRecord, record_run
    from storage.writes import FeedState, record_poll, sync_feeds

    path = tmp_path / "dw.duckdb"
    ok = {"feeds_polled": 2, "feeds_not_modified": 1, "feeds_failed": 0, "new_articles": 3,
          "articles_failed": 0, "new_events": {"deal": 2, "customer_change": 1}, "new_stories": 2,
          "alerts_sent": 1, "alerts_pending": 0, "skipped": None, "errors": [],
          "seconds": {"poll": 0.5, "total": 2.25}}
    failed = {**ok, "feeds_failed": 1, "new_articles": 0, "new_events": {}, "new_stories": 0,
              "alerts_sent": 0, "alerts_pending": 1,
              "errors": ["feed https://b.example/rss: HTTP 503 Service Unavailable"]}
    skipped = {**ok, "feeds_polled": 0, "feeds_not_modified": 0, "new_articles": 0, "new_events": {},
               "new_stories": 0, "alerts_sent": 0,
               "skipped": "another run on this database is still in progress"}
    with connect(str(path)) as con, transaction(con):
        sync_feeds(con, [("https://a.example/rss", "A"), ("https://b.example/rss", "B")])
        record_poll(con, FeedState(url="https://b.example/rss", polled_at=T0, status=503, ok=False,
                                   error="HTTP 503 Service Unavailable", next_poll_at=T0 + timedelta(minutes=30)))
        for i, summary in enumerate((ok, failed, skipped)):
            start = T0 + timedelta(minutes=15 * i)
            record_run(con, RunRecord(f"run-{i}", start, start + timedelta(seconds=2.25), summary))
        con.execute("""INSERT INTO alerts (alert_id, kind, subject, recipients, story_ids, event_ids,
                           transport, message, message_id, status, attempts, created_at)
                       VALUES ('a1', 'digest', 'Meta takes 49% of Scale AI', ['x@example.com'], ['s1'],
                               ['e1'], 'smtp', 'Subject: x', '<a1@x>', 'pending', 0, now())""")
        mark_failed(con, "a1", "SMTP server mail.example.com:587 unreachable: timed out")
    return path


def test_status_shows_runs_failing_feeds_pending_alerts_and_size(capsys, operated_db):
    code, out, err = _cli(capsys, "status", "--db", str(operated_db))
    assert code == 0, err
    assert out[0].startswith(f"database {operated_db}: ") and out[0].endswith(" MB, 2 feed(s)")
    assert out[2] == "Last 3 run(s), newest first (local time):"
    header = out[3].split()
    assert header == ["started", "outcome", "polled", "not_modified", "failed", "articles", "deals",
                      "customer_changes", "stories", "sent", "pending", "seconds", "note"]
    rows = out[5:8]
    local = [(T0 + timedelta(minutes=m)).astimezone().strftime("%Y-%m-%d %H:%M") for m in (30, 15, 0)]
    assert rows[0].split()[:5] == local[0].split() + ["skipped", "0", "0"]
    assert rows[0].endswith("another run on this database is still in progress")
    assert rows[1].split()[:6] == local[1].split() + ["completed", "with", "errors", "2"]
    assert rows[1].endswith("feed https://b.example/rss: HTTP 503 Service Unavailable")
    assert rows[2].split() == local[2].split() + ["completed", "2", "1", "0", "3", "2", "1", "2", "1",
                                                  "0", "2.2"]
    assert out[8] == "(3 rows)"
    assert "Feeds in error: 1" in out
    failing = out[out.index("Feeds in error: 1") + 3]
    assert failing.startswith("https://b.example/rss  1 ")
    assert failing.endswith("HTTP 503 Service Unavailable")
    pending = [line for line in out if line.startswith("Alerts pending:")]
    assert pending == [f"Alerts pending: 1 (oldest {datetime.now().astimezone():%Y-%m-%d} "
                       f"{pending[0].split()[5].rstrip(';')}; last error: SMTP server mail.example.com:587 "
                       "unreachable: timed out)"]


def test_status_of_a_fresh_database(capsys, tmp_path):
    from storage.db import connect

    path = tmp_path / "new.duckdb"
    with connect(str(path)):
        pass
    code, out, _ = _cli(capsys, "status", "--db", str(path))
    assert code == 0
    assert out[2:] == ["No runs recorded yet: run `dealwatch run` or `dealwatch serve`.", "",
                       "Feeds in error: none", "", "Alerts pending: none"]


def test_config_show_prints_every_key_and_masks_secrets(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("DW_TEST_SMTP_PASSWORD", "hunter2-secret")
    monkeypatch.delenv("DEALWATCH_DB", raising=False)
    config = tmp_path / "dealwatch.toml"
    config.write_text(
        'database = "dw.duckdb"\n\n[[feeds]]\nurl = "https://bob:pa55word@feeds.example.com/rss?token=abc&page=2"\n'
        'name = "Private"\n\n[alerts]\ntransport = "smtp"\n\n[alerts.smtp]\nhost = "mail.example.com"\n'
        'username = "bob"\npassword_env = "DW_TEST_SMTP_PASSWORD"\n\n[schedule]\ntimezone = "Europe/Berlin"\n')
    code, out, _ = _cli(capsys, "config", "show", "--config", str(config))
    assert code == 0
    text = "\n".join(out)
    assert out[0] == f"# effective configuration of {config}"
    assert 'url = "https://bob:***@feeds.example.com/rss?token=***&page=2"' in out
    assert 'password_env = "DW_TEST_SMTP_PASSWORD"   # set in the environment (value hidden)' in out
    assert "hunter2" not in text and "pa55word" not in text and "abc" not in text
    # defaults are shown too, in TOML that reads back to the same settings
    assert 'cron = "*/15 * * * *"' in out and 'timezone = "Europe/Berlin"' in out
    assert "retries = 2" in out and "max_backoff_minutes = 1440" in out
    import tomllib
    shown = tomllib.loads(text)
    assert shown["alerts"]["smtp"]["host"] == "mail.example.com"
    assert shown["fetch"]["per_host"] == 2

    monkeypatch.delenv("DW_TEST_SMTP_PASSWORD")
    _, out, _ = _cli(capsys, "config", "show", "--config", str(config), "--db", "other.duckdb")
    assert 'password_env = "DW_TEST_SMTP_PASSWORD"   # not set in the environment' in out
    assert out[1] == "# database overridden by --db" and 'database = "other.duckdb"' in out


def test_check_reports_every_problem_at_once(capsys, tmp_path, monkeypatch):
    monkeypatch.delenv("DEALWATCH_SMTP_PASSWORD", raising=False)
    config = tmp_path / "dealwatch.toml"
    config.write_text(
        f'database = "{tmp_path / "dw.duckdb"}"\ncolour = "blue"\n\n[[feeds]]\nurl = "https://a.example/rss"\n\n'
        '[alerts]\ntransport = "smtp"\nto = []\n\n[alerts.smtp]\nhost = "127.0.0.1"\nport = 1\n'
        'username = "bob"\ntimeout = 2\n\n[schedule]\ncron = "61 * * * *"\ntimezone = "Mars/Olympus"\n')
    code, out, err = _cli(capsys, "check", "--config", str(config), "--smtp")
    assert code == 1
    assert out == [
        "ok: 1 feed(s) configured",
        f"ok: database {tmp_path / 'dw.duckdb'} does not exist yet; the first run creates it",
        "problem: unknown key 'colour'",
        "problem: key 'schedule.cron': '61 * * * *' is not a valid cron expression (five fields: "
        'minute hour day-of-month month day-of-week, e.g. "*/15 * * * *")',
        "problem: key 'schedule.timezone': 'Mars/Olympus' is not a known time zone (use an IANA name "
        'such as "UTC", "Europe/Berlin" or "America/New_York")',
        "problem: key 'alerts.to': no recipients; add at least one address",
        "problem: keys 'alerts.to'/'alerts.from': dealwatch@example.com is an example address; put real "
        "addresses before sending by SMTP",
        "problem: key 'alerts.smtp.password_env': the SMTP login needs a password, but "
        "$DEALWATCH_SMTP_PASSWORD is not set in the environment",
        "problem: SMTP server 127.0.0.1:1 unreachable: [Errno 111] Connection refused",
    ]
    assert err == [f"Error: {config}: 7 problems found (listed above)"]


def test_check_counts_a_feed_without_url_as_written_but_unusable(capsys, tmp_path):
    config = tmp_path / "dealwatch.toml"
    config.write_text(f'database = "{tmp_path / "dw.duckdb"}"\n\n[[feeds]]\nname = "no address"\n\n'
                      '[[feeds]]\nurl = "https://a.example/rss"\n')
    code, out, err = _cli(capsys, "check", "--config", str(config))
    assert code == 1
    assert out[0] == "ok: 1 of 2 [[feeds]] usable (the others are listed as problems)"
    assert "problem: missing required key 'feeds.0.url'" in out
    assert err == [f"Error: {config}: 1 problem found (listed above)"]


def test_check_passes_and_reaches_the_smtp_server(capsys, tmp_path, smtp_server):
    host, port, sink = smtp_server
    db = tmp_path / "dw.duckdb"
    config = write_config(tmp_path / "dealwatch.toml", db=db, feeds=["https://a.example/rss"],
                          extra=f'[alerts]\ntransport = "smtp"\nto = ["desk@corp.test"]\nfrom = "dw@corp.test"\n'
                                f'[alerts.smtp]\nhost = "{host}"\nport = {port}\nsecurity = "none"\n')
    code, out, err = _cli(capsys, "check", "--config", str(config), "--smtp")
    assert code == 0, err
    assert out == ["ok: 1 feed(s) configured",
                   f"ok: database {db} does not exist yet; the first run creates it",
                   f"ok: SMTP server {host}:{port} reachable (none, no login)",
                   f"{config}: no problems found"]
    assert sink.messages == []       # a check sends nothing


def test_check_names_a_missing_or_broken_file(capsys, tmp_path):
    code, out, err = _cli(capsys, "check", "--config", str(tmp_path / "none.toml"))
    assert (code, err) == (1, [f"Error: {tmp_path / 'none.toml'}: 1 problem found (listed above)"])
    assert out == [f"problem: {tmp_path / 'none.toml'}: no such config file "
                   "(run `dealwatch init` to write one)"]
    broken = tmp_path / "broken.toml"
    broken.write_text("[fetch\n")
    code, out, _ = _cli(capsys, "check", "--config", str(broken))
    assert code == 1 and out[0].startswith(f"problem: {broken}: not valid TOML: ")


def test_prefect_yaml_deploys_the_same_flow_parameters_and_schedule():
    import inspect

    import yaml

    from flows.config import ScheduleSettings, dask_address
    from flows.pipeline import monitor
    from flows.serving import cron_problem

    root = Path(__file__).resolve().parent.parent
    spec = yaml.safe_load((root / "prefect.yaml").read_text(encoding="utf-8"))
    deployment, on_dask = spec["deployments"]
    assert deployment["name"] == "dealwatch"            # dealwatch-monitor/dealwatch, as `serve` names it
    for d in (deployment, on_dask):
        path, name = d["entrypoint"].split(":")
        assert (root / path).is_file() and name == "monitor" and monitor.name == "dealwatch-monitor"
        assert set(d["parameters"]) <= set(inspect.signature(monitor.fn).parameters)
        [schedule] = d["schedules"]
        defaults = ScheduleSettings()
        assert (schedule["cron"], schedule["timezone"]) == (defaults.cron, defaults.timezone)
        assert cron_problem(schedule["cron"]) is None
        assert d["concurrency_limit"] == {"limit": 1, "collision_strategy": "CANCEL_NEW"}
    # the Dask variant differs only in giving the run a scheduler address
    assert on_dask["name"] == "dealwatch-dask"
    assert dask_address(on_dask["work_pool"]["job_variables"]["env"]["DEALWATCH_DASK_ADDRESS"])
    assert {k: v for k, v in on_dask["work_pool"].items() if k != "job_variables"} == deployment["work_pool"]
    assert on_dask["parameters"] == deployment["parameters"]
