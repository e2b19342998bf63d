"""Alerts through the whole monitoring flow: real feeds and pages on 127.0.0.1, real Prefect runs,
a real SMTP server. One email per real-world deal, kept through an outage, and escaped."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from flows.demo import serve_directory
from tests.conftest import free_port, write_config
from tests.smtpserver import SmtpServer
from tests.test_alerts import SAFE_TAGS, _Tags

pytestmark = pytest.mark.usefixtures("prefect_harness")

ALERT_DATA = Path(__file__).resolve().parent / "data" / "alerts"


@pytest.fixture
def other_outlet():
    """tests/data/alerts served on its own port: a second outlet, and a hostile one."""
    with serve_directory(ALERT_DATA) as base:
        yield base


def _smtp(port: int, extra: str = "") -> str:
    return (f'[alerts]\ntransport = "smtp"\nto = ["analyst@example.com"]\nfrom = "dealwatch@example.com"\n'
            f'{extra}[alerts.smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\ntimeout = 5\n')


def _query(db, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_another_outlet_reporting_the_same_deal_sends_nothing_new(tmp_path, seed_server, other_outlet):
    from flows.pipeline import monitor

    server = SmtpServer(free_port()).start()
    db = tmp_path / "dw.duckdb"
    smtp = _smtp(server.port, extra="updates = true\n")
    try:
        config = write_config(tmp_path / "a.toml", db=db, feeds=[seed_server + "feed.xml"], extra=smtp)
        first = monitor(config=str(config))
        config = write_config(tmp_path / "b.toml", db=db, extra=smtp,
                              feeds=[seed_server + "feed.xml", other_outlet + "other-outlet.xml"])
        second = monitor(config=str(config))
    finally:
        server.stop()

    assert (first["alerts_sent"], second["alerts_sent"], second["alerts_pending"]) == (1, 0, 0)
    assert second["new_articles"] == 1 and second["new_events"] == {"deal": 1}
    assert [m["Subject"] for m in server.sink.messages] == ["Meta takes 49% stake in Scale AI ($14.3bn)"]
    # Both outlets' mentions landed in the one story that has already alerted.
    rows = _query(db, """SELECT e.acquirer, e.article_url, e.story_id FROM events e
                         WHERE event_type = 'deal' ORDER BY e.published_at""")
    assert [r[0] for r in rows] == ["Meta", "Meta Platforms"]
    assert rows[1][1].endswith("/meta-buys-into-scale.html")
    assert rows[0][2] == rows[1][2]
    assert _query(db, "SELECT story_id, reason FROM alert_items") == [(rows[0][2], "new")]


def test_mail_outage_keeps_alerts_pending_and_the_next_run_sends_each_once(tmp_path, seed_server):
    from flows.pipeline import monitor

    port = free_port()
    server = SmtpServer(port)                   # stopped: nothing listens on the port
    db = tmp_path / "dw.duckdb"
    config = write_config(tmp_path / "dealwatch.toml", db=db, feeds=[seed_server + "feed.xml"],
                          extra=_smtp(port, extra='events = ["deal", "customer_change"]\nmode = "instant"\n'))

    down = monitor(config=str(config))

    assert down["new_articles"] == 1 and down["feeds_failed"] == 0
    assert (down["alerts_sent"], down["alerts_pending"]) == (0, 4)
    assert any(f"SMTP server 127.0.0.1:{port} unreachable" in e for e in down["errors"])
    assert _query(db, "SELECT status, count(*) FROM alerts GROUP BY status") == [("pending", 4)]

    server.start()
    try:
        up = monitor(config=str(config), all_feeds=True)
        again = monitor(config=str(config), all_feeds=True)
    finally:
        server.stop()

    assert (up["alerts_sent"], up["alerts_pending"], up["errors"]) == (4, 0, [])
    assert (again["alerts_sent"], again["alerts_pending"]) == (0, 0)
    subjects = sorted(m["Subject"] for m in server.sink.messages)
    assert len(subjects) == 4 and len(set(subjects)) == 4
    assert "Meta takes 49% stake in Scale AI ($14.3bn)" in subjects
    assert any(s.startswith("Microsoft drops Scale AI") for s in subjects)
    assert _query(db, "SELECT status, count(*) FROM alerts GROUP BY status") == [("sent", 4)]


def test_hostile_feed_title_arrives_escaped(tmp_path, other_outlet, smtp_server):
    from flows.pipeline import monitor

    host, port, sink = smtp_server
    db = tmp_path / "dw.duckdb"
    config = write_config(tmp_path / "dealwatch.toml", db=db, feeds=[other_outlet + "hostile.xml"],
                          extra=_smtp(port))

    summary = monitor(config=str(config))

    assert summary["alerts_sent"] == 1
    [msg] = sink.messages
    assert msg["Subject"] == "Acme to acquire Widget ($2bn)"
    page = msg.get_body(("html",)).get_content()
    parsed = _Tags()
    parsed.feed(page)
    assert parsed.tags <= SAFE_TAGS
    assert [name for name, _ in parsed.attrs if name.startswith("on")] == []
    assert {v for name, v in parsed.attrs if name == "href"} == {other_outlet + "acme-widget.html"}
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    text = msg.get_body(("plain",)).get_content()
    assert 'Acme to buy Widget <script>alert("x")</script><img src=x onerror=alert(1)>' in text


def test_digest_of_a_run_names_each_feed_by_its_title(tmp_path, seed_server, smtp_server):
    from flows.pipeline import monitor
    from tests.test_digest import _Digest

    host, port, sink = smtp_server
    db = tmp_path / "dw.duckdb"
    config = write_config(tmp_path / "dealwatch.toml", db=db, feeds=[seed_server + "feed.xml"],
                          extra=_smtp(port, extra='events = ["deal", "customer_change"]\n'))

    summary = monitor(config=str(config))

    assert summary["alerts_sent"] == 1
    [msg] = sink.messages
    rows = _Digest(msg.get_body(("html",)).get_content()).overview
    # The deal, then the customer change with an amount, then the others by confidence.
    assert [r[1] for r in rows[:2]] == ["Meta → Scale AI", "Google ✕ Scale AI"]
    assert {r[1] for r in rows[2:]} == {"OpenAI ↓ Scale AI", "Microsoft ✕ Scale AI"}
    # The feed's title, not the page's site name ('heise online') nor the headline.
    assert {r[5] for r in rows} == {"heise online English – News (dealwatch seed feed)"}
    [(site, headline)] = _query(db, "SELECT site_name, title FROM articles")
    assert site.lower() == "heise online" and headline.startswith("After Meta entry")
