"""A generated news site for pipeline tests: one RSS feed of N articles, each reporting one deal.

Every article names its own pair of companies, so the events a run must store are known exactly:
`expected_deals(n)` lists them. Serve it with tests/httpserver.serve_routes(site_routes(n)).
"""

from __future__ import annotations

from email.utils import format_datetime
from datetime import datetime, timedelta, timezone

from tests.httpserver import Route

_FIRST = ("Bluefin", "Harbor", "Cedar", "Granite", "Juniper", "Lumen", "Marlin", "Nimbus", "Orchid",
          "Quartz", "Redwood", "Summit", "Tidal", "Umber", "Vantage", "Willow", "Zephyr", "Aspen",
          "Beacon", "Cobalt")
_SECOND = ("Robotics", "Analytics", "Logistics", "Biotech", "Software", "Energy", "Networks", "Foods",
           "Materials", "Payments", "Aerospace", "Media", "Security", "Health", "Motors", "Semiconductors",
           "Capital", "Pharma", "Systems", "Labs")

BASE_TIME = datetime(2025, 6, 2, 8, tzinfo=timezone.utc)


_REGION = ("", "Northern ", "Southern ", "Eastern ", "Western ")


def company(i: int) -> str:
    """Returns the i-th generated company name (2,000 distinct names)."""
    return (f"{_REGION[i // 400 % len(_REGION)]}{_FIRST[i % len(_FIRST)]} "
            f"{_SECOND[(i // len(_FIRST)) % len(_SECOND)]}")


def deal_of(i: int) -> tuple[str, str, float]:
    """Returns (acquirer, target, amount) of article i."""
    return company(2 * i), company(2 * i + 1), (i % 9 + 1) * 1e9


def expected_deals(n: int) -> set[tuple[str, str, float]]:
    return {deal_of(i) for i in range(n)}


def page(i: int) -> bytes:
    acquirer, target, amount = deal_of(i)
    billions = f"{amount / 1e9:g}"
    return f"""<!doctype html><html><head><title>{acquirer} to buy {target}</title>
<meta property="og:site_name" content="Loopback News"></head><body><article>
<h1>{acquirer} to buy {target} for ${billions}bn</h1>
<p>{acquirer} agreed to acquire {target} for ${billions} billion in cash, the companies said on Tuesday.</p>
<p>The deal is expected to close in the third quarter, subject to regulatory approval. {target} was
founded in 2012 and sells software and services to hospitals, retailers and public agencies.</p>
<p>Analysts said the price reflected the strong growth of the business over the past three years,
and that more consolidation in the sector was likely as larger groups look for new revenue.</p>
</article></body></html>""".encode()


def feed(n: int, base: str = "") -> bytes:
    items = "".join(
        f"<item><title>{deal_of(i)[0]} to buy {deal_of(i)[1]}</title><link>{base}/a/{i}.html</link>"
        f"<guid>{base}/a/{i}.html</guid>"
        f"<pubDate>{format_datetime(BASE_TIME + timedelta(minutes=i))}</pubDate></item>"
        for i in range(n))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback News</title>'
            f"<link>{base}/</link><description>test</description>{items}</channel></rss>").encode()


def site_routes(n: int, base: str, *, page_delay: float = 0.0, slow_from: int = 0) -> dict[str, Route]:
    """Returns the routes of a site with n articles whose links start with base (the server's URL).

    Pages from number slow_from on wait page_delay seconds before answering.
    """
    routes = {"/feed.xml": Route(body=feed(n, base.rstrip("/")), content_type="application/rss+xml")}
    for i in range(n):
        routes[f"/a/{i}.html"] = Route(body=page(i), content_type="text/html; charset=utf-8",
                                       delay=page_delay if i >= slow_from else 0.0)
    return routes
