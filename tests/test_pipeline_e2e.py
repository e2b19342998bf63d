"""The seed article through the whole pipeline: feed → page → events → DuckDB → one email."""

from __future__ import annotations

import duckdb
import pytest

from tests.conftest import write_config

pytestmark = pytest.mark.usefixtures("prefect_harness")


def _smtp_extra(host: str, port: int) -> str:
    return (f'[alerts]\ntransport = "smtp"\nto = ["analyst@example.com"]\nfrom = "dealwatch@example.com"\n'
            f'[alerts.smtp]\nhost = "{host}"\nport = {port}\nsecurity = "none"\ntimeout = 5\n')


def _counts(db) -> tuple[int, int, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                     for t in ("articles", "events", "alerts"))


def _events(db) -> list[dict]:
    with duckdb.connect(str(db), read_only=True) as con:
        cur = con.execute("SELECT * FROM events ORDER BY event_type, customer")
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]


def test_seed_feed_end_to_end(tmp_path, seed_server, smtp_server, seed_expected):
    from flows.pipeline import monitor

    host, port, sink = smtp_server
    db = tmp_path / "dw.duckdb"
    config = write_config(tmp_path / "dealwatch.toml", db=db, feeds=[seed_server + "feed.xml"],
                          extra=_smtp_extra(host, port))

    summary = monitor(config=str(config))

    assert summary["feeds_polled"] == 1 and summary["feeds_failed"] == 0
    assert summary["new_articles"] == 1
    assert _counts(db) == (1, 4, 1)
    events = _events(db)
    got = {(e["event_type"], e["acquirer"] or e["customer"], e["target"] or e["vendor"]): e for e in events}
    for want in seed_expected["events"]:
        key = (want["event_type"], want["acquirer"] or want["customer"], want["target"] or want["vendor"])
        assert key in got, f"missing event {key}; got {sorted(got)}"
        e = got[key]
        assert e["status"] == want["status"]
        assert e["article_url"].endswith("/scale-ai-google-withdraws.html")
        assert e["evidence"] and e["evidence"] in _article_text(db)
    deal = got[("deal", "Meta", "Scale AI")]
    assert (deal["subtype"], deal["stake_pct"], deal["amount"], deal["currency"]) == \
        ("stake", 49, 14_300_000_000, "USD")
    assert got[("customer_change", "Microsoft", "Scale AI")]["subtype"] == "churn"
    assert got[("customer_change", "OpenAI", "Scale AI")]["subtype"] == "reduction"
    assert got[("customer_change", "Google", "Scale AI")]["subtype"] in ("churn", "reduction")

    assert len(sink.messages) == 1
    msg = sink.messages[0]
    assert msg["Subject"] == "Meta takes 49% stake in Scale AI ($14.3bn)"
    body = msg.get_body(("plain",)).get_content()
    for needle in ("Meta", "Scale AI", "49%", "$14.3 billion", "investor", "completed"):
        assert needle in body, needle
    assert "Google" not in msg["Subject"]

    again = monitor(config=str(config), all_feeds=True)
    assert again["new_articles"] == 0 and again["alerts_sent"] == 0
    assert _counts(db) == (1, 4, 1)
    assert len(sink.messages) == 1


def _article_text(db) -> str:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT text FROM articles").fetchone()[0]


def test_broken_feed_is_recorded_and_others_go_on(tmp_path, seed_server):
    from flows.pipeline import monitor

    db = tmp_path / "dw.duckdb"
    outbox = tmp_path / "outbox"
    config = write_config(
        tmp_path / "dealwatch.toml", db=db,
        feeds=[seed_server + "missing-feed.xml", seed_server + "scale-ai-google-withdraws.txt",
               seed_server + "feed.xml"],
        extra=f'[alerts]\ntransport = "file"\noutbox = "{outbox}"\n')

    summary = monitor(config=str(config))

    assert summary["feeds_polled"] == 3 and summary["feeds_failed"] == 2
    assert summary["new_articles"] == 1
    with duckdb.connect(str(db), read_only=True) as con:
        rows = dict(con.execute("SELECT url, last_error FROM feeds").fetchall())
    assert "404" in rows[seed_server + "missing-feed.xml"]
    assert rows[seed_server + "scale-ai-google-withdraws.txt"]
    assert rows[seed_server + "feed.xml"] is None
    assert len(list(outbox.glob("*.eml"))) == 1
