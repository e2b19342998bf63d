"""Alerts against a real SMTP server on 127.0.0.1: one email per story, never lost, never twice."""

from __future__ import annotations

from html.parser import HTMLParser

import duckdb
import pytest

from flows.alerts import run_alerts
from tests.alertdata import add_article, churn, deal, meta_scale, settings_for
from tests.conftest import free_port
from tests.smtpserver import SilentServer, Sink, SmtpServer

SEED_URL = "https://news.example.com/scale-ai-google-withdraws"


@pytest.fixture
def server():
    srv = SmtpServer(free_port()).start()
    yield srv
    srv.stop()


def _alerts(db) -> list[dict]:
    with duckdb.connect(str(db), read_only=True) as con:
        cur = con.execute("SELECT * FROM alerts ORDER BY created_at, alert_id")
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur.fetchall()]


def _items(db) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT story_id, reason, status, amount FROM alert_items "
                           "ORDER BY created_at, reason").fetchall()


def _text(msg) -> str:
    return msg.get_body(("plain",)).get_content().replace("\r\n", "\n")


def _html(msg) -> str:
    return msg.get_body(("html",)).get_content().replace("\r\n", "\n")


# ---------------------------------------------------------------- one email per story

def test_seed_story_sends_one_email_across_two_runs(tmp_path, server):
    db = tmp_path / "dw.duckdb"
    add_article(db, SEED_URL, "After Meta entry: Google apparently withdraws from Scale AI",
                [meta_scale(), churn("Google", "Scale AI")], site="t3n")
    settings = settings_for(db, smtp_port=server.port, source="/etc/dealwatch.toml")

    first = run_alerts(settings)
    second = run_alerts(settings)

    assert (first.queued, first.sent, first.pending, first.errors) == (1, 1, 0, []), first
    assert (second.queued, second.sent, second.pending) == (0, 0, 0)
    assert len(server.sink.messages) == 1
    msg = server.sink.messages[0]
    assert msg["Subject"] == "Meta takes 49% stake in Scale AI ($14.3bn)"
    assert msg["From"] == "dealwatch@example.com" and msg["To"] == "analyst@example.com"
    assert server.sink.envelopes == [("dealwatch@example.com", ["analyst@example.com"])]
    assert msg["Message-ID"].endswith("@dealwatch.invalid>") and msg["Date"]
    assert msg["List-Id"] == "dealwatch alerts <alerts.dealwatch.invalid>"
    assert msg.get_content_type() == "multipart/alternative"
    text = _text(msg)
    for line in ("  investor    Meta", "  stake in    Scale AI", "  type        deal: stake",
                 "  amount      $14.3 billion (USD 14,300,000,000)", "  stake       49%",
                 "  status      completed",
                 "  evidence    Meta acquired 49% of Scale AI for 14.3 billion US dollars.",
                 "  article     After Meta entry: Google apparently withdraws from Scale AI",
                 "  outlet      t3n", "  published   2025-06-13 08:00 UTC", f"  link        {SEED_URL}"):
        assert line in text.splitlines(), line
    assert "Google drops" not in text        # customer changes are opt-in
    assert "configuration /etc/dealwatch.toml" in text.splitlines()[-1]
    assert f'<a href="{SEED_URL}">' in _html(msg)
    [row] = _alerts(db)
    assert (row["status"], row["attempts"], row["kind"], row["last_error"]) == ("sent", 1, "digest", None)
    assert row["message_id"] == msg["Message-ID"]


def test_second_article_about_the_same_deal_sends_nothing_new(tmp_path, server):
    db = tmp_path / "dw.duckdb"
    settings = settings_for(db, smtp_port=server.port)
    add_article(db, SEED_URL, "Meta takes 49% of Scale AI", [meta_scale()])
    run_alerts(settings)
    add_article(db, "https://other.example.org/meta-scale", "Meta Platforms closes Scale AI deal",
                [meta_scale(acquirer="Meta Platforms, Inc.", evidence="Meta Platforms, Inc. has bought "
                            "a 49 percent stake in Scale AI.", confidence=0.95)], hours=5)

    outcome = run_alerts(settings)

    assert (outcome.queued, outcome.sent) == (0, 0)
    assert len(server.sink.messages) == 1
    assert [r[1] for r in _items(db)] == ["new"]


# ---------------------------------------------------------------- never lost, never twice

def test_server_down_keeps_alerts_pending_then_delivers_each_once(tmp_path):
    port = free_port()
    server = SmtpServer(port)                  # not started: connection refused
    db = tmp_path / "dw.duckdb"
    add_article(db, SEED_URL, "Meta takes 49% of Scale AI", [meta_scale()])
    add_article(db, "https://news.example.com/acme-widget", "Acme to buy Widget",
                [deal("Acme Corp", "Widget Ltd")], hours=1)
    settings = settings_for(db, smtp_port=port, mode="instant")

    down = run_alerts(settings)

    assert (down.queued, down.sent, down.pending) == (2, 0, 2)
    assert f"SMTP server 127.0.0.1:{port} unreachable" in down.errors[0]
    rows = _alerts(db)
    assert [(r["status"], r["attempts"]) for r in rows] == [("pending", 1), ("pending", 0)]
    assert "unreachable" in rows[0]["last_error"]

    server.start()
    try:
        up = run_alerts(settings)
        again = run_alerts(settings)
    finally:
        server.stop()

    assert (up.queued, up.sent, up.pending, up.errors) == (0, 2, 0, [])
    assert (again.sent, again.pending) == (0, 0)
    assert sorted(m["Subject"] for m in server.sink.messages) == [
        "Acme Corp to acquire Widget Ltd", "Meta takes 49% stake in Scale AI ($14.3bn)"]
    assert [r["status"] for r in _alerts(db)] == ["sent", "sent"]
    # The retry sends the very message recorded before the outage.
    assert {m["Message-ID"] for m in server.sink.messages} == {r["message_id"] for r in rows}


def test_refusing_server_keeps_alert_pending_with_its_words(tmp_path):
    srv = SmtpServer(free_port(), sink=Sink(refuse="451 4.3.0 Mailbox temporarily unavailable")).start()
    db = tmp_path / "dw.duckdb"
    add_article(db, SEED_URL, "Meta takes 49% of Scale AI", [meta_scale()])
    try:
        outcome = run_alerts(settings_for(db, smtp_port=srv.port))
        srv.sink.refuse = None
        retried = run_alerts(settings_for(db, smtp_port=srv.port))
    finally:
        srv.stop()

    assert (outcome.sent, outcome.pending) == (0, 1)
    assert outcome.errors[0].endswith(
        f"SMTP server 127.0.0.1:{srv.port} answered 451 4.3.0 Mailbox temporarily unavailable")
    assert (retried.sent, retried.pending) == (1, 0)
    assert len(srv.sink.messages) == 1


def test_a_message_refused_outright_is_given_up_after_max_refusals(tmp_path):
    srv = SmtpServer(free_port(), sink=Sink(refuse="554 5.7.1 Message rejected as spam")).start()
    db = tmp_path / "dw.duckdb"
    add_article(db, SEED_URL, "Meta takes 49% of Scale AI", [meta_scale()])
    settings = settings_for(db, smtp_port=srv.port)
    settings.alerts.max_refusals = 2
    try:
        first = run_alerts(settings)
        second = run_alerts(settings)
        srv.sink.refuse = None  # even a server that would now accept it is not tried again
        third = run_alerts(settings)
    finally:
        srv.stop()

    assert (first.sent, first.pending, second.sent, second.pending) == (0, 1, 0, 0)
    assert second.errors[0].endswith("answered 554 5.7.1 Message rejected as spam; given up after 2 attempts")
    assert (third.sent, third.pending, third.errors) == (0, 0, [])
    assert srv.sink.messages == []
    [row] = _alerts(db)
    assert (row["status"], row["attempts"]) == ("failed", 2)
    assert row["last_error"].endswith("answered 554 5.7.1 Message rejected as spam")


def test_server_that_never_answers_times_out_and_run_completes(tmp_path):
    silent = SilentServer()
    db = tmp_path / "dw.duckdb"
    add_article(db, SEED_URL, "Meta takes 49% of Scale AI", [meta_scale()])
    settings = settings_for(db, smtp_port=silent.port)
    settings.alerts.smtp.timeout = 0.5
    try:
        outcome = run_alerts(settings)
    finally:
        silent.close()
    assert (outcome.queued, outcome.sent, outcome.pending) == (1, 0, 1)
    assert outcome.errors[0].endswith(f"SMTP server 127.0.0.1:{silent.port} did not answer within 0.5s")
    assert _alerts(db)[0]["status"] == "pending"


# ---------------------------------------------------------------- hostile content

# Every tag an alert's HTML part may hold: no script, style, img, iframe, form or link.
SAFE_TAGS = {"html", "head", "meta", "title", "body", "div", "h1", "h2", "h3", "p", "span", "b", "i", "s",
             "table", "tr", "th", "td", "blockquote", "hr", "a"}


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attrs = set(), []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs += attrs


def test_web_content_arrives_escaped_and_links_are_http_only(tmp_path, server):
    db = tmp_path / "dw.duckdb"
    title = 'Acme buys Widget <script>alert("x")</script><img src=x onerror=alert(1)>'
    add_article(db, "https://news.example.com/evil", title,
                [deal('Acme <b onmouseover="steal()">', "Widget</td><script>bad()</script>",
                      evidence='Acme agreed to buy Widget. <img src=x onerror="alert(2)">')],
                site='<a href="javascript:alert(3)">Outlet</a>')
    with duckdb.connect(str(db)) as con:   # a javascript: URL as the link (not reachable via feeds)
        con.execute("UPDATE articles SET url = 'javascript:alert(4)'")
        con.execute("UPDATE events SET article_url = 'javascript:alert(4)'")

    run_alerts(settings_for(db, smtp_port=server.port))

    [msg] = server.sink.messages
    page = _html(msg)
    parsed = _Tags()
    parsed.feed(page)
    assert parsed.tags <= SAFE_TAGS - {"a"}
    assert [a for a in parsed.attrs if a[0].startswith("on") or a[0] == "href"] == []
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<script" not in page and "<img" not in page
    assert "Acme <b onmouseover" in msg["Subject"]        # the subject is plain text, kept as said
    assert title in _text(msg)


# ---------------------------------------------------------------- filters and modes

def _three_stories(db):
    add_article(db, SEED_URL, "Meta takes 49% of Scale AI", [meta_scale(), churn("Google", "Scale AI")])
    add_article(db, "https://news.example.com/alphabet-wiz", "Alphabet to buy Wiz",
                [deal("Alphabet Inc.", "Wiz", amount=32e9, currency="USD")], hours=1)
    add_article(db, "https://news.example.com/foo-bar", "Foo buys Bar",
                [deal("Foo", "Bar", confidence=0.4)], hours=2)


def _subjects_and_parties(msg) -> tuple[str, str]:
    return msg["Subject"], _text(msg)


def test_digest_lists_every_new_story_in_one_email(tmp_path, server):
    db = tmp_path / "dw.duckdb"
    _three_stories(db)
    add_article(db, "https://news.example.com/x-y", "X buys Y", [deal("Xco", "Yco")], hours=3)

    run_alerts(settings_for(db, smtp_port=server.port))

    [msg] = server.sink.messages
    # Most important first: by amount (in dollars), then by confidence.
    assert msg["Subject"] == ("4 new deals: Alphabet Inc. / Wiz ($32bn), Meta / Scale AI ($14.3bn), "
                              "Xco / Yco, …")
    text = _text(msg)
    assert text.startswith("4 new stories: 4 deals\n\nDeals (4)\n---------\n")
    overview = text.split("\n\n")[1].splitlines()[3:]
    assert [(line[:4].strip(), line[6:36].strip()) for line in overview] == [
        ("1", "Alphabet Inc. → Wiz"), ("2", "Meta → Scale AI"), ("3", "Xco → Yco"), ("4", "Foo → Bar")]
    assert "4. Foo to acquire Bar" in text and "Customer changes" not in text


def test_watchlist_matches_any_party_with_aliases_and_suffixes(tmp_path, server):
    db = tmp_path / "dw.duckdb"
    _three_stories(db)
    settings = settings_for(db, smtp_port=server.port, mode="instant",
                            watchlist=["scale ai", ["Google", "Alphabet"]])

    outcome = run_alerts(settings)

    assert sorted(m["Subject"] for m in server.sink.messages) == [
        "Alphabet Inc. to acquire Wiz ($32bn)", "Meta takes 49% stake in Scale AI ($14.3bn)"]
    assert outcome.sent == 2
    assert "watchlist scale ai, Google = Alphabet" in _text(server.sink.messages[0])
    # Foo / Bar was left out, not claimed: it alerts once it is watched.
    settings.alerts.watchlist = ["Bar"]
    run_alerts(settings)
    assert server.sink.messages[-1]["Subject"] == "Foo to acquire Bar"


def test_event_types_and_min_confidence(tmp_path, server):
    db = tmp_path / "dw.duckdb"
    _three_stories(db)
    settings = settings_for(db, smtp_port=server.port, events=["deal", "customer_change"],
                            min_confidence=0.5)

    run_alerts(settings)

    [msg] = server.sink.messages
    assert msg["Subject"] == ("3 new events: Alphabet Inc. / Wiz ($32bn), Meta / Scale AI ($14.3bn), "
                              "Google / Scale AI")
    text = _text(msg)
    deals, changes = text.split("Customer changes (1)\n--------------------\n")
    assert "Foo" not in text                                  # confidence 0.4 < 0.5
    assert "Alphabet Inc. → Wiz" in deals and "Google ✕ Scale AI" in changes
    assert "3. Google drops Scale AI [reported]" in changes.splitlines()
    assert "  customer    Google" in changes.splitlines()
    assert "Customer changes (1)</h2>" in _html(msg)


def test_customer_changes_only_when_opted_in(tmp_path, server):
    db = tmp_path / "dw.duckdb"
    add_article(db, SEED_URL, "Google drops Scale AI", [churn("Google", "Scale AI")])
    assert run_alerts(settings_for(db, smtp_port=server.port)).queued == 0
    assert run_alerts(settings_for(db, smtp_port=server.port, events=["customer_change"])).sent == 1
    assert server.sink.messages[0]["Subject"] == "Google drops Scale AI [reported]"


# ---------------------------------------------------------------- updates

def test_status_and_amount_updates_alert_once_each(tmp_path, server):
    db = tmp_path / "dw.duckdb"
    settings = settings_for(db, smtp_port=server.port, updates=True)
    add_article(db, "https://a.example.com/1", "Acme reportedly in talks to buy Widget",
                [deal("Acme", "Widget", status="reported")])
    run_alerts(settings)
    add_article(db, "https://b.example.com/2", "Acme announces Widget deal",
                [deal("Acme Inc.", "Widget")], hours=24)
    announced = run_alerts(settings)
    add_article(db, "https://c.example.com/3", "Acme in talks for Widget, sources say",
                [deal("Acme", "Widget", status="reported")], hours=30)   # late rumour: no news
    stale = run_alerts(settings)
    add_article(db, "https://d.example.com/4", "Acme completes $2bn Widget purchase",
                [deal("Acme", "Widget", status="completed", amount=2e9, currency="USD")], hours=48)
    completed = run_alerts(settings)
    repeat = run_alerts(settings)

    subjects = [m["Subject"] for m in server.sink.messages]
    assert subjects == [
        "Acme to acquire Widget [reported]",
        "Update: Acme Inc. to acquire Widget: now announced (was reported)",
        "Update: Acme acquires Widget ($2bn): now completed (was announced), amount now known",
    ]
    assert (announced.sent, stale.queued, completed.sent, repeat.queued) == (1, 0, 1, 0)
    assert [(r[1], r[2], r[3]) for r in _items(db)] == [
        ("new", "reported", None), ("status:announced", "announced", None),
        ("amount", "completed", 2e9), ("status:completed", "completed", 2e9)]
    text = _text(server.sink.messages[2])
    assert text.startswith("1 update\n\nUpdates (1)\n")
    assert "  status      completed (was announced)" in text.splitlines()
    assert "  reported by 4 articles" in text.splitlines()


def test_no_updates_unless_asked(tmp_path, server):
    db = tmp_path / "dw.duckdb"
    settings = settings_for(db, smtp_port=server.port)
    add_article(db, "https://a.example.com/1", "Acme in talks", [deal("Acme", "Widget", status="reported")])
    run_alerts(settings)
    add_article(db, "https://b.example.com/2", "Acme completes",
                [deal("Acme", "Widget", status="cancelled")], hours=24)
    assert run_alerts(settings).queued == 0
    settings.alerts.updates = True
    run_alerts(settings)
    assert server.sink.messages[-1]["Subject"] == "Update: Acme to acquire Widget: now cancelled (was reported)"


# ---------------------------------------------------------------- other transports

def test_file_transport_writes_one_eml_per_alert(tmp_path):
    db = tmp_path / "dw.duckdb"
    add_article(db, SEED_URL, "Meta takes 49% of Scale AI", [meta_scale()])
    settings = settings_for(db, transport="file", outbox=str(tmp_path / "outbox"))
    run_alerts(settings)
    run_alerts(settings)
    [eml] = list((tmp_path / "outbox").glob("*.eml"))
    assert eml.stem == _alerts(db)[0]["alert_id"]
    assert "Subject: Meta takes 49% stake in Scale AI ($14.3bn)" in eml.read_text()


def test_console_transport_prints(tmp_path, capsys):
    db = tmp_path / "dw.duckdb"
    add_article(db, SEED_URL, "Meta takes 49% of Scale AI", [meta_scale()])
    assert run_alerts(settings_for(db, transport="console")).sent == 1
    assert "Subject: Meta takes 49% stake in Scale AI ($14.3bn)" in capsys.readouterr().out


# ---------------------------------------------------------------- migration 3

def test_migration_backfills_what_old_alerts_reported(tmp_path):
    from datetime import datetime, timezone

    from storage.db import connect
    from storage.schema import MIGRATIONS, _BOOKKEEPING

    db = tmp_path / "old.duckdb"
    now = datetime.now(timezone.utc)
    with duckdb.connect(str(db)) as con:               # a database made by the first release
        con.execute(_BOOKKEEPING)
        con.execute(MIGRATIONS[0][2])
        con.execute("INSERT INTO schema_migrations VALUES (1, 'initial schema', ?)", [now])
        con.execute("""INSERT INTO events (event_id, article_url, story_id, event_type, subtype, acquirer,
                           target, amount, currency, status, evidence, confidence, detected_at)
                       VALUES ('e1', 'https://a/1', 's1', 'deal', 'acquisition', 'Acme', 'Widget', 2e9,
                               'USD', 'announced', 'Acme agreed to buy Widget.', 0.9, ?)""", [now])
        con.execute("""INSERT INTO alerts (alert_id, kind, subject, recipients, story_ids, event_ids,
                           transport, message, message_id, status, created_at)
                       VALUES ('a1', 'digest', 's', ['x@example.com'], ['s1'], ['e1'], 'file', 'm',
                               '<m@x>', 'sent', ?)""", [now])
        con.execute("INSERT INTO alert_items VALUES ('s1', 'new', 'a1', ?)", [now])

    with connect(str(db)) as con:
        assert con.execute("SELECT story_id, reason, event_id, status, amount FROM alert_items"
                           ).fetchall() == [("s1", "new", "e1", "announced", 2e9)]
