"""The digest's structure, read from real emails caught by an SMTP server on 127.0.0.1: one overview
row per story, details for the top stories only, roles named for the subtype, the feed's title as
the outlet, and an HTML part under 100 KB however many stories there are."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

import duckdb
import pytest

from flows.alerts import run_alerts
from storage.db import connect, transaction
from storage.writes import FeedState, record_polls
from tests.alertdata import T0, add_article, add_articles, add_feed, churn, deal, meta_scale, settings_for
from tests.conftest import free_port
from tests.smtpserver import SmtpServer
from tests.test_alerts import SAFE_TAGS, _html, _Tags, _text

OVERVIEW_HEAD = ["#", "Who", "What", "Amount", "Status", "Outlet"]


@pytest.fixture
def server():
    srv = SmtpServer(free_port()).start()
    yield srv
    srv.stop()


class _Digest(HTMLParser):
    """Reads an HTML part back: the rows of each table (cell texts) and the details headings."""

    def __init__(self, page: str):
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self.h3: list[str] = []
        self._cell: list[str] | None = None
        self._h3: list[str] | None = None
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "h3":
            self._h3 = []

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.tables[-1][-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "h3":
            self.h3.append("".join(self._h3).strip())
            self._h3 = None

    def handle_data(self, data):
        for part in (self._cell, self._h3):
            if part is not None:
                part.append(data)

    @property
    def overview(self) -> list[list[str]]:
        """Returns every overview row (cells), in order, over all groups."""
        return [row for table in self.tables if table and table[0] == OVERVIEW_HEAD for row in table[1:]]


def _text_overview(text: str) -> list[str]:
    """Returns the plain-text overview's story lines (they start with their number)."""
    overview = text.split("\n\nDetails")[0].split("\n\nLinks")[0]
    return [line for line in overview.splitlines() if re.match(r"^ *\*?\d+  \S", line)]


def _text_details(text: str) -> list[str]:
    """Returns the plain-text details' headings ('3. Acme to acquire Widget')."""
    if "\n\nDetails" not in text:
        return []
    return re.findall(r"^\d+\. .*$", text.split("\n\nDetails", 1)[1], re.M)


def _query(db, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


# ---------------------------------------------------------------- overview and details

def test_overview_has_a_row_per_story_and_details_only_for_the_top(tmp_path, server):
    db = tmp_path / "dw.duckdb"
    add_articles(db, [(f"https://news.example.com/{i}", f"Buyer {i} to buy Target {i}",
                       [deal(f"Buyer {i}", f"Target {i}", amount=(i + 1) * 1e8, currency="EUR",
                             confidence=0.6 + i / 100)]) for i in range(12)])
    add_articles(db, [(f"https://news.example.com/c{i}", f"Client {i} leaves Vendor {i}",
                       [churn(f"Client {i}", f"Vendor {i}")]) for i in range(5)])
    add_article(db, "https://news.example.com/watched", "Watched Co takes a stake in Small Co",
                [deal("Watched Co", "Small Co", subtype="stake", stake_pct=10)], hours=5)
    settings = settings_for(db, smtp_port=server.port, events=["deal", "customer_change"], details=4,
                            watchlist=["Watched Co"], watchlist_only=False)

    run_alerts(settings)

    [msg] = server.sink.messages
    page, text = _Digest(_html(msg)), _text(msg)
    rows = page.overview
    assert len(rows) == 18 == len(_text_overview(text))
    assert text.startswith("18 new stories: 13 deals, 5 customer changes\n")
    # Deals first, the watched one at the top, then by amount; then the customer changes.
    assert [r[1] for r in rows[:4]] == ["★ Watched Co → Small Co", "Buyer 11 → Target 11",
                                        "Buyer 10 → Target 10", "Buyer 9 → Target 9"]
    assert rows[1][2:5] == ["acquisition", "€1.2bn", "announced"]
    assert [r[0] for r in rows] == [str(n) for n in range(1, 19)]
    assert {r[1] for r in rows[13:]} == {f"Client {i} ✕ Vendor {i}" for i in range(5)}
    # Details for the top four only, in the overview's order.
    assert page.h3 == ["1. Watched Co takes 10% stake in Small Co", "2. Buyer 11 to acquire Target 11 (€1.2bn)",
                       "3. Buyer 10 to acquire Target 10 (€1.1bn)", "4. Buyer 9 to acquire Target 9 (€1bn)"]
    assert _text_details(text) == page.h3
    assert "Details of the top 4 (the other 14 are in the overview only)" in text
    assert "more stories not listed" not in text          # all fit: nothing left out


def test_roles_are_named_for_each_subtype(tmp_path, server):
    db = tmp_path / "dw.duckdb"
    add_articles(db, [
        ("https://n.example.com/jv", "Stellantis and CATL form battery venture",
         [deal("Stellantis", "CATL", subtype="joint_venture", amount=4.1e9, currency="EUR")]),
        ("https://n.example.com/merger", "Axenta and Brixon to merge", [deal("Axenta", "Brixon", subtype="merger")]),
        ("https://n.example.com/sale", "Siemens sells Innomotics to KKR",
         [deal("KKR", "Innomotics", subtype="divestiture", seller="Siemens", amount=3.5e9, currency="EUR")]),
        ("https://n.example.com/churn", "Google drops Scale AI for Surge",
         [churn("Google", "Scale AI", competitor="Surge AI")]),
        ("https://n.example.com/stake", "Meta takes 49% of Scale AI", [meta_scale()]),
    ])
    settings = settings_for(db, smtp_port=server.port, events=["deal", "customer_change"])

    run_alerts(settings)

    [msg] = server.sink.messages
    text, page = _text(msg), _html(msg)
    blocks = {b.splitlines()[0]: b.splitlines() for b in text.split("\n\n") if re.match(r"\d+\. ", b)}
    jv = blocks[next(h for h in blocks if "joint venture" in h)]
    assert "  partners    Stellantis, CATL" in jv and not any(" acquirer " in x or " target " in x for x in jv)
    merger = blocks[next(h for h in blocks if "merge" in h)]
    assert "  partners    Axenta, Brixon" in merger
    sale = blocks[next(h for h in blocks if "sells" in h)]
    assert sale[1:4] == ["  seller      Siemens", "  buyer       KKR", "  business    Innomotics"]
    drop = blocks[next(h for h in blocks if "drops" in h)]
    assert drop[1:4] == ["  customer    Google", "  vendor      Scale AI", "  competitor  Surge AI"]
    stake = blocks[next(h for h in blocks if "stake" in h)]
    assert stake[1:3] == ["  investor    Meta", "  stake in    Scale AI"]
    # The same roles in the HTML part, and the overview's short forms.
    assert page.count(">partners</span>") == 2 and ">seller</span> Siemens" in page
    assert ">buyer</span> KKR" in page and ">acquirer<" not in page and ">target<" not in page
    whos = {r[1] for r in _Digest(page).overview}
    assert whos == {"Stellantis + CATL", "Axenta + Brixon", "Innomotics (Siemens → KKR)",
                    "Google ✕ Scale AI → Surge AI", "Meta → Scale AI"}


# ---------------------------------------------------------------- outlet

def test_outlet_is_the_feed_title_then_the_site_name_never_the_headline(tmp_path, server):
    db = tmp_path / "dw.duckdb"
    add_feed(db, "https://wire.example.com/rss", title="Example Wire – Deals", name="my wire")
    add_feed(db, "https://named.example.com/rss", name="Named Feed")      # polled, but no title
    add_feed(db, "https://bare.example.com/rss")
    # The page's site name is its headline (as some pages say): never shown as the outlet.
    add_article(db, "https://wire.example.com/a", "Acme to buy Widget", [deal("Acme", "Widget")],
                site="Acme to buy Widget", feed_url="https://wire.example.com/rss")
    add_article(db, "https://named.example.com/b", "Foo buys Bar", [deal("Foo", "Bar")],
                site="Named Site", feed_url="https://named.example.com/rss")
    add_article(db, "https://bare.example.com/c", "Xco buys Yco", [deal("Xco", "Yco")],
                site="Xco buys Yco", feed_url="https://bare.example.com/rss")
    add_article(db, "https://www.gone.example.org/d", "Qco buys Rco", [deal("Qco", "Rco")],
                site="Gone Site", feed_url="https://gone.example.org/rss")   # feed removed since
    # The wire's feed moves for good (301): its articles follow it, so it still names them.
    with connect(str(db)) as con, transaction(con):
        record_polls(con, [FeedState(url="https://wire.example.com/rss", polled_at=T0, status=200, ok=True,
                                     error=None, next_poll_at=T0, moved_to="https://wire.example.com/feed")])
    assert _query(db, "SELECT DISTINCT feed_url FROM articles WHERE url LIKE 'https://wire.%'") == [
        ("https://wire.example.com/feed",)]

    run_alerts(settings_for(db, smtp_port=server.port))

    [msg] = server.sink.messages
    outlets = {r[1]: r[5] for r in _Digest(_html(msg)).overview}
    assert outlets == {"Acme → Widget": "Example Wire – Deals", "Foo → Bar": "Named Feed",
                       "Xco → Yco": "bare.example.com", "Qco → Rco": "Gone Site"}
    text = _text(msg)
    assert "  outlet      Example Wire – Deals" in text.splitlines()
    headlines = {t for (t,) in _query(db, "SELECT title FROM articles")}
    assert not set(outlets.values()) & headlines


# ---------------------------------------------------------------- size

def test_html_part_stays_under_100kb_with_many_stories(tmp_path, server):
    db = tmp_path / "dw.duckdb"
    long_url = "https://news.example.com/" + "a-longer-than-usual-path-segment/" * 4
    add_articles(db, [(f"{long_url}{i}", f"Company Number {i} agrees to buy Target Number {i} " + "x" * 300,
                       [deal(f"Company Number {i} Holdings International", f"Target Number {i} " + "y" * 200,
                             amount=1e6 * (i + 1), currency="USD",
                             evidence=f"Company Number {i} agreed to buy Target Number {i}. " + "z " * 3000)])
                      for i in range(600)])
    add_articles(db, [(f"https://news.example.com/churn/{i}", f"Customer {i} drops Vendor {i}",
                       [churn(f"Customer {i}", f"Vendor {i}")]) for i in range(150)])
    settings = settings_for(db, smtp_port=server.port, events=["deal", "customer_change"])

    assert run_alerts(settings).sent == 1

    [msg] = server.sink.messages
    html_part = msg.get_body(("html",))
    raw = html_part.get_payload()              # as it travelled, quoted-printable
    assert html_part["Content-Transfer-Encoding"] == "quoted-printable"
    assert len(raw.encode()) + raw.count("\n") < 100_000
    page, text = _Digest(_html(msg)), _text(msg)
    shown = len(page.overview)
    assert 60 < shown < 750
    assert len(page.h3) == 20 and len(_text_details(text)) == 20
    assert len(_text_overview(text)) == shown
    # The last line of the overview says how many are left out and how to list them all.
    more = re.search(r"(\d+) more stories not listed here\. All 750 stories of this email: "
                     r'dealwatch sql "(SELECT [^"]+)"', text)
    assert more and int(more.group(1)) == 750 - shown
    assert more.group(0) in unescape(html_part.get_content())
    assert len(_query(db, more.group(2))) == 750
    # The biggest deals are the ones shown.
    assert page.overview[0][1].startswith("Company Number 599 Holdings International → Target Number 599")


def test_html_is_inline_styled_single_column_without_images(tmp_path, server):
    db = tmp_path / "dw.duckdb"
    add_article(db, "https://news.example.com/meta-scale", "Meta takes 49% of Scale AI",
                [meta_scale(), churn("Google", "Scale AI")])

    run_alerts(settings_for(db, smtp_port=server.port, events=["deal", "customer_change"]))

    [msg] = server.sink.messages
    page = _html(msg)
    tags = _Tags()
    tags.feed(page)
    assert tags.tags <= SAFE_TAGS                                    # no <style>, <link>, <img>
    assert "max-width:640px" in page                                 # one column, 640 px at most
    assert max(int(w) for w in re.findall(r"width[:=]\s*\"?(\d+)(?:px)?", page)) <= 640
    assert "background" not in page                                  # dark mode keeps its own
    assert all(name in ("style", "href", "lang", "charset", "name", "content", "role", "cellpadding",
                        "cellspacing", "width", "align", "valign", "nowrap")
               for name, _ in tags.attrs)

