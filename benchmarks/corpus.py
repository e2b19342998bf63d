"""A synthetic news corpus for benchmarks: distinct article pages and the RSS/Atom feeds linking them.

    info = write_corpus(Path("/tmp/corpus"), pages=1000, feeds=20, seed=8)

Pages are generated from sentence templates and a vocabulary, with a fixed seed, so two runs with the
same arguments write the same bytes. Each page is 400-1,500 words of article text inside one of
several site templates (navigation, cookie banner, sidebars, related links, comments, inline
scripts and JSON-LD), like the pages trafilatura meets in the wild; about a third carry deal or
customer-change language, so detection and storage do real work. Feeds alternate RSS 2.0 and
Atom 1.0 and carry a one-sentence summary, never the full text, so every article is fetched.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from html import escape
from pathlib import Path

BASE_DATE = datetime(2025, 6, 1, 6, 0, tzinfo=timezone.utc)
DEAL_SHARE = 0.35

_PRE = ("Alto", "Bright", "Cobalt", "Delta", "Ember", "Fulcrum", "Granite", "Harbor", "Iris", "Juniper",
        "Keystone", "Lumen", "Meridian", "Northstar", "Onyx", "Pioneer", "Quartz", "Redwood", "Summit",
        "Tidal", "Umbra", "Vector", "Willow", "Xenon", "Yarrow", "Zenith", "Aster", "Beacon", "Cinder",
        "Drift", "Evergreen", "Falcon", "Helix", "Ironwood", "Kestrel", "Larch", "Mosaic", "Nimbus")
_SUF = ("tech", "works", "logic", "soft", "data", "bio", "gen", "labs", "metrics", "scale", "grid",
        "path", "mind", "ware", "cloud", "point", "line", "core", "sphere", "flow")
_LEGAL = ("Inc.", "Corp.", "Group", "Holdings", "plc", "AG", "Ltd", "SE", "Systems", "Technologies")
_FIRST = ("Anna", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "James", "Kofi",
          "Lena", "Marco", "Nadia", "Oliver", "Priya", "Quentin", "Rosa", "Samir", "Tara", "Ulrich",
          "Vera", "Wei", "Yusuf", "Zoe")
_LAST = ("Adams", "Becker", "Chen", "Dubois", "Eriksen", "Fischer", "Garcia", "Hoffmann", "Ito", "Jensen",
         "Kowalski", "Larsen", "Moreau", "Novak", "Okafor", "Patel", "Rossi", "Schmidt", "Tanaka",
         "Ueda", "Varga", "Weber", "Yilmaz", "Zhang")
_CITY = ("London", "Frankfurt", "New York", "Singapore", "Paris", "Toronto", "Austin", "Munich",
         "Stockholm", "Tokyo", "Boston", "Zurich", "Amsterdam", "Seoul", "Dublin", "Madrid")
_SECTOR = ("cloud software", "semiconductor", "payments", "logistics", "biotech", "cybersecurity",
           "renewable energy", "retail", "insurance", "advertising technology", "robotics",
           "data analytics", "telecommunications", "medical devices", "food delivery")
_PRODUCT = ("platform", "chip", "app", "analytics suite", "battery", "sensor", "payment terminal",
            "subscription service", "database", "drone", "diagnostic test", "marketplace")
_UNIT = ("consumer", "industrial", "payments", "hardware", "advisory", "European", "logistics")
_WEEKDAY = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
_QUARTER = ("first", "second", "third", "fourth")
_ANALYST = ("an analyst at Bernstein", "a portfolio manager in Boston", "an analyst at Jefferies",
            "a strategist at a large European bank", "a partner at a consultancy")

_GENERAL = (
    "{A} reported revenue of {money} for the {quarter} quarter, up {pct} percent from a year earlier.",
    "Shares of {A} rose {pct} percent in early trading in {city} after the results were published.",
    "The company said demand for its {product} had been stronger than expected in {city}.",
    "{person}, chief executive of {A}, told analysts that margins would improve in the second half.",
    "\u201cWe are seeing customers come back after a difficult year,\u201d {person} said in an interview.",
    "Analysts had expected a smaller increase, according to data compiled by the company.",
    "The {sector} market has grown quickly since the pandemic, drawing new entrants and investors.",
    "{A} employs about {number} people and has offices in {city} and {city2}.",
    "Competition from {B} has pushed prices down across the {sector} industry.",
    "Regulators in {city} are reviewing rules that could affect how {product}s are sold.",
    "The firm plans to open a new research centre in {city} next year, creating {small} jobs.",
    "{person} joined {A} in {year} after a decade at {B}.",
    "Costs for components and shipping have eased, the company said, but wages keep rising.",
    "Investors have been cautious about the {sector} sector because of high interest rates.",
    "The outlook for the full year was left unchanged at {money} to {money2} in sales.",
    "According to {analyst}, the numbers show the strategy is starting to work.",
    "{A} launched a new {product} in {city} on {weekday}, aimed at small businesses.",
    "The new {product} will cost less than the previous model and ship in the {quarter} quarter.",
    "Some customers complained about delays, which the company blamed on a supplier in {city}.",
    "{B} declined to comment on the report when contacted on {weekday}.",
    "The stock has gained {pct} percent this year, outpacing the wider market.",
    "Trading volumes were about {small} percent above the daily average.",
    "A spokesperson for {A} said the company does not comment on market rumours.",
    "{person} said the board would review the dividend policy later in the year.",
    "The company has cut its workforce by {small} percent since {year} to reduce costs.",
    "Sales in Asia fell slightly, while Europe and North America grew.",
    "The results include a one-off charge of {money} related to a restructuring in {city}.",
    "{A} is due to hold its annual shareholder meeting in {city} in the {quarter} quarter.",
    "Industry groups have warned that new tariffs could raise prices for {product}s.",
    "Several smaller rivals have struggled to raise money this year, {analyst} said.",
)
_DEAL = (
    "{A} agreed to acquire {B} for {money}, the companies said on {weekday}.",
    "{A} said on {weekday} it would buy {B}, a {sector} company based in {city}, in a deal valued at {money}.",
    "{A} has taken a {stake}% stake in {B} for {money}.",
    "{A} will sell its {unit} business to {B} for {money}, it said in a statement.",
    "{A} and {B} agreed to merge in an all-stock deal that creates a {sector} group worth {money}.",
    "{A} and {B} have formed a joint venture to build {product}s in {city}.",
    "{A} completed its acquisition of {B} on {weekday} after regulators in {city} approved the deal.",
    "{A} led a {money} investment in {B}, which makes {product}s for hospitals.",
    "{C} has stopped using {B}'s {product} and moved its business to a rival, people familiar said.",
    "{C} signed a multi-year contract with {B} worth {money}, expanding an existing agreement.",
    "{C} is cutting back its spending with {B} after a review of its suppliers.",
    "{A} is in talks to acquire {B}, according to people familiar with the matter.",
)
_HEADLINES = (
    "{A} shares rise after {quarter}-quarter results", "{A} bets on {product}s as {sector} demand slows",
    "Inside {A}'s plan to win back customers in {city}", "{A} names new chief executive",
    "{sector_cap} companies brace for tariffs", "{A} opens research centre in {city}",
)
_DEAL_HEADLINES = (
    "{A} to buy {B} for {money}", "{A} takes {stake}% stake in {B}", "{A} and {B} agree to merge",
    "{A} sells {unit} unit to {B}", "{C} drops {B} as supplier",
)


@dataclass
class CorpusInfo:
    """What was written: feed paths (relative to the folder) and the number of pages and bytes."""

    feeds: list[str]
    pages: int
    page_bytes: int
    words: int


class _Vocab:
    """Draws names, numbers and sentences from one seeded random generator."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def company(self) -> str:
        r = self.rng
        return f"{r.choice(_PRE)}{r.choice(_SUF)} {r.choice(_LEGAL)}"

    def person(self) -> str:
        return f"{self.rng.choice(_FIRST)} {self.rng.choice(_LAST)}"

    def money(self) -> str:
        r = self.rng
        if r.random() < 0.5:
            return f"${r.randint(2, 95) / 10:.1f} billion"
        return f"\u20ac{r.randint(12, 950)} million" if r.random() < 0.4 else f"${r.randint(12, 950)} million"

    def fill(self, template: str, cast: dict[str, str]) -> str:
        r = self.rng
        slots = dict(cast, person=self.person(), city=r.choice(_CITY), city2=r.choice(_CITY),
                     sector=r.choice(_SECTOR), product=r.choice(_PRODUCT), unit=r.choice(_UNIT),
                     weekday=r.choice(_WEEKDAY), quarter=r.choice(_QUARTER), analyst=r.choice(_ANALYST),
                     money=self.money(), money2=self.money(), pct=str(r.randint(2, 35)),
                     stake=str(r.choice((5, 10, 12, 19, 25, 30, 49))), number=f"{r.randint(2, 90) * 1000:,}",
                     small=str(r.randint(3, 400)), year=str(r.randint(2008, 2023)))
        slots["sector_cap"] = slots["sector"].capitalize()
        return template.format(**slots)


def _article(v: _Vocab, with_deal: bool) -> tuple[str, list[str], list[str]]:
    """Returns (headline, paragraphs, subheadings) of one article of 400-1,500 words."""
    r = v.rng
    cast = {"A": v.company(), "B": v.company(), "C": v.company()}
    headline = v.fill(r.choice(_DEAL_HEADLINES if with_deal else _HEADLINES), cast)
    target = r.randint(400, 1500)
    paragraphs: list[str] = []
    words = 0
    while words < target:
        sentences = [v.fill(r.choice(_GENERAL), cast) for _ in range(r.randint(2, 5))]
        if with_deal and (not paragraphs or r.random() < 0.15):
            sentences.insert(0 if not paragraphs else r.randint(0, len(sentences)),
                             v.fill(r.choice(_DEAL), cast))
        text = " ".join(sentences)
        paragraphs.append(text)
        words += len(text.split())
    subheads = [v.fill(r.choice(_HEADLINES), cast) for _ in range(r.randint(0, 3))]
    return headline, paragraphs, subheads


def _links(v: _Vocab, n: int, prefix: str) -> str:
    r = v.rng
    return "".join(f'<li><a href="{prefix}/{r.randint(1, 99999)}">{escape(v.fill(r.choice(_HEADLINES), {"A": v.company(), "B": v.company(), "C": v.company()}))}</a></li>'
                   for _ in range(n))


def _teasers(v: _Vocab, n: int) -> str:
    """Returns a grid of teaser cards (image, headline, summary, time), as section fronts carry."""
    r = v.rng
    cards = []
    for _ in range(n):
        cast = {"A": v.company(), "B": v.company(), "C": ""}
        cards.append(
            f'<div class="card card--{r.choice(("small", "wide", "tall"))}" data-id="{r.getrandbits(40):x}">'
            f'<a class="card__link" href="/news/{r.randint(1, 999999)}"><div class="card__media">'
            f'<picture><source srcset="/img/{r.randint(1, 9999)}.webp 1x, /img/{r.randint(1, 9999)}@2x.webp 2x">'
            f'<img src="/img/{r.randint(1, 9999)}.jpg" alt="" loading="lazy"></picture></div>'
            f'<div class="card__body"><h3 class="card__title">{escape(v.fill(r.choice(_HEADLINES), cast))}</h3>'
            f'<p class="card__summary">{escape(v.fill(r.choice(_GENERAL), cast))}</p>'
            f'<span class="card__time">{r.randint(1, 23)} hours ago</span></div></a></div>')
    return f'<div class="card-grid">{"".join(cards)}</div>'


def _mega_nav(v: _Vocab) -> str:
    """Returns a navigation menu of sections with nested sub-menus."""
    r = v.rng
    sections = []
    for sector in r.sample(_SECTOR, r.randint(8, 14)):
        subs = "".join(f'<li class="menu__item"><a href="/s/{r.randint(1, 9999)}">'
                       f"{escape(r.choice(_CITY))} {escape(r.choice(_PRODUCT))}s</a></li>"
                       for _ in range(r.randint(6, 14)))
        sections.append(f'<li class="menu__section"><a href="/s/{sector.replace(" ", "-")}">'
                        f"{escape(sector.capitalize())}</a><ul class=\"menu__sub\">{subs}</ul></li>")
    icon = '<svg viewBox="0 0 24 24" width="24" height="24"><path d="M3 6h18M3 12h18M3 18h18"/></svg>'
    return f'<nav class="menu"><button class="menu__toggle">{icon}</button><ul class="menu__list">{"".join(sections)}</ul></nav>'


def _script(v: _Vocab) -> str:
    r = v.rng
    keys = ",".join(f'"k{i}":"{r.getrandbits(64):x}"' for i in range(r.randint(20, 80)))
    return f"<script>window.__CONFIG__={{{keys}}};(function(){{var a=document.createElement('script');" \
           f"a.async=true;a.src='/static/ads.js?v={r.randint(1, 999)}';document.head.appendChild(a);}})();</script>"


def _body(v: _Vocab, layout: int, headline: str, paragraphs: list[str], subheads: list[str],
          person: str, when: datetime) -> str:
    """Returns the article markup in one of several site layouts."""
    r = v.rng
    parts = []
    for i, p in enumerate(paragraphs):
        if subheads and i and i % max(2, len(paragraphs) // (len(subheads) + 1)) == 0:
            parts.append(f"<h2>{escape(subheads.pop())}</h2>")
        if i == 2 and r.random() < 0.5:
            parts.append(f'<figure><img src="/img/{r.randint(1, 9999)}.jpg" alt="">'
                         f"<figcaption>{escape(v.fill(r.choice(_GENERAL), {'A': v.company(), 'B': v.company(), 'C': ''}))}</figcaption></figure>")
        if i == 4 and r.random() < 0.5:
            parts.append(f'<aside class="inline-promo"><p>Read more: <a href="/n/{r.randint(1, 99999)}">'
                         f"{escape(v.fill(r.choice(_HEADLINES), {'A': v.company(), 'B': '', 'C': ''}))}</a></p></aside>")
        if layout == 1:   # some CMSs wrap every paragraph in blocks of their own
            parts.append(f'<div class="block block--text" data-block="{r.getrandbits(32):x}">'
                         f'<div class="block__inner"><p>{escape(p)}</p></div></div>')
        else:
            parts.append(f"<p>{escape(p)}</p>")
        if i % 4 == 3 and r.random() < 0.6:
            parts.append(f'<div class="ad ad--inline" data-slot="mid-{i}"><span>Advertisement</span></div>')
    text = "\n".join(parts)
    stamp = when.strftime("%d %B %Y, %H:%M UTC")
    byline = f'<p class="byline">By <a rel="author" href="/authors/{person.lower().replace(" ", "-")}">{person}</a></p>'
    if layout == 0:
        return (f'<article class="story"><header><h1>{escape(headline)}</h1>{byline}'
                f'<time datetime="{when.isoformat()}">{stamp}</time></header>'
                f'<div class="story-body">{text}</div></article>')
    if layout == 1:
        return (f'<main id="content"><div class="headline-wrap"><h1 class="headline">{escape(headline)}</h1></div>'
                f'<div class="meta">{byline}<span class="date">{stamp}</span></div>'
                f'<section class="article-text" itemprop="articleBody">{text}</section></main>')
    if layout == 2:
        return (f'<div class="container"><div class="row"><div class="col-main"><h1>{escape(headline)}</h1>'
                f'<div class="author-date">{person} | {stamp}</div><div class="entry-content">{text}</div>'
                f'<div class="tags">Tags: <a href="/t/1">Business</a>, <a href="/t/2">Markets</a></div></div></div></div>')
    return (f'<div id="page"><article><h1 itemprop="headline">{escape(headline)}</h1>'
            f'<div class="dateline">{stamp}</div><div class="content">{text}</div>{byline}</article></div>')


def _latest(v: _Vocab, size: int) -> str:
    """Returns a "latest news" list of about `size` bytes: teaser items with a summary and a time."""
    r = v.rng
    items, total = [], 0
    while total < size:
        cast = {"A": v.company(), "B": v.company(), "C": ""}
        item = (f'<li class="latest__item"><a href="/news/{r.randint(1, 999999)}">'
                f'<span class="latest__kicker">{escape(r.choice(_SECTOR).capitalize())}</span>'
                f'<h4>{escape(v.fill(r.choice(_HEADLINES), cast))}</h4></a>'
                f'<p>{escape(v.fill(r.choice(_GENERAL), cast))}</p>'
                f'<time datetime="2025-05-{r.randint(1, 28):02d}">{r.randint(1, 59)} min ago</time></li>')
        items.append(item)
        total += len(item)
    return f'<section class="latest"><h3>Latest</h3><ul class="latest__list">{"".join(items)}</ul></section>'


def _state(v: _Vocab, size: int) -> str:
    """Returns an inline JSON state of about `size` bytes (teasers, navigation, ad and user
    settings), as pages rendered by JavaScript frameworks embed for the client."""
    r = v.rng
    items, total = [], 0
    while total < size:
        cast = {"A": v.company(), "B": v.company(), "C": ""}
        item = json.dumps({"id": f"{r.getrandbits(48):x}", "type": "teaser",
                           "headline": v.fill(r.choice(_HEADLINES), cast),
                           "summary": v.fill(r.choice(_GENERAL), cast),
                           "url": f"/news/{r.randint(1, 999999)}", "section": r.choice(_SECTOR),
                           "image": {"src": f"/img/{r.randint(1, 9999)}.jpg", "width": 1200, "height": 675},
                           "ad": {"slot": f"teaser-{r.randint(1, 40)}", "targeting": [r.choice(_SECTOR)]}})
        items.append(item)
        total += len(item)
    return (f'<script id="__APP_STATE__" type="application/json">{{"props":{{"pageProps":{{"teasers":'
            f'[{",".join(items)}],"user":{{"loggedIn":false}},"flags":{{"paywall":false}}}}}}}}</script>')


def _page(v: _Vocab, outlet: str, layout: int, headline: str, paragraphs: list[str],
          subheads: list[str], when: datetime, page_bytes: int = 0) -> str:
    """Returns a full HTML page: head metadata, boilerplate and the article; at least `page_bytes`
    long, padded with a "latest" teaser list and inline JSON state (news fronts carry both)."""
    r = v.rng
    person = v.person()
    comments = ""
    if r.random() < 0.3:
        comments = '<section id="comments"><h3>Comments</h3>' + "".join(
            f'<div class="comment"><b>{v.person()}</b><p>{escape(v.fill(r.choice(_GENERAL), {"A": v.company(), "B": v.company(), "C": ""}))}</p></div>'
            for _ in range(r.randint(2, 8))) + "</section>"
    cookie = ('<div class="cookie-banner"><p>We use cookies to improve your experience and to show '
              'personalised advertising. By continuing you accept our cookie policy.</p>'
              '<button>Accept all</button><button>Settings</button></div>') if layout != 2 else ""
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(headline)} | {outlet}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="{escape(headline)}"><meta property="og:site_name" content="{outlet}">
<meta property="article:published_time" content="{when.isoformat()}"><meta name="author" content="{person}">
<link rel="stylesheet" href="/static/site.css?v={r.randint(1, 999)}">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{escape(headline)}","datePublished":"{when.isoformat()}","author":{{"@type":"Person","name":"{person}"}}}}</script>
{_script(v)}</head>
<body class="layout-{layout}">{cookie}
<header class="site-header"><a class="logo" href="/">{outlet}</a>{_mega_nav(v)}
<form class="search"><input name="q" placeholder="Search"></form></header>
<div class="ad ad-top"><!-- ad slot --><div id="ad-{r.randint(1, 99999)}"></div></div>
{_body(v, layout, headline, paragraphs, subheads, person, when)}
<div class="share"><a href="#">Share on X</a> <a href="#">LinkedIn</a> <a href="#">Email</a></div>
<aside class="sidebar"><h3>Most read</h3><ol>{_links(v, r.randint(5, 10), "/news")}</ol>
<div class="newsletter"><h3>Get the morning briefing</h3><p>Sign up for our newsletter.</p><input type="email"></div></aside>
<section class="related"><h3>Related stories</h3><ul>{_links(v, r.randint(4, 12), "/related")}</ul></section>
<section class="more"><h2>More from {outlet}</h2>{_teasers(v, r.randint(12, 30))}</section>
{comments}
<footer><ul>{_links(v, r.randint(20, 45), "/about")}</ul><p>&copy; 2025 {outlet}. All rights reserved.</p></footer>
{_script(v)}</body></html>"""
    need = page_bytes - len(page.encode("utf-8"))
    if need <= 0:
        return page
    # most of a heavy news page's weight is script and JSON state, which parsers skip cheaply;
    # the rest is more teaser markup (trafilatura.extract() then takes ~9 ms, as on such sites)
    latest, state = _latest(v, need // 5), _state(v, need * 4 // 5)
    return page.replace("\n<footer>", f"\n{latest}\n<footer>", 1) \
        .replace("</body></html>", f"{state}</body></html>")


def _rss(title: str, items: list[tuple[str, str, str, datetime]]) -> str:
    body = "".join(
        f"<item><title>{escape(t)}</title><link>{link}</link><guid isPermaLink=\"true\">{link}</guid>"
        f"<pubDate>{format_datetime(when, usegmt=True)}</pubDate><description>{escape(s)}</description></item>\n"
        for t, link, s, when in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>{escape(title)}</title>'
            f"<link>http://127.0.0.1/</link><description>benchmark feed</description>\n{body}</channel></rss>\n")


def _atom(title: str, items: list[tuple[str, str, str, datetime]]) -> str:
    updated = max((w for *_, w in items), default=BASE_DATE).isoformat()
    body = "".join(
        f'<entry><title>{escape(t)}</title><link href="{link}"/><id>{link}</id>'
        f"<updated>{when.isoformat()}</updated><summary>{escape(s)}</summary></entry>\n"
        for t, link, s, when in items)
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{escape(title)}</title><id>urn:bench:{escape(title)}</id><updated>{updated}</updated>\n"
            f"{body}</feed>\n")


def write_corpus(folder: Path, *, pages: int, feeds: int, seed: int = 8, page_kb: int = 0) -> CorpusInfo:
    """Writes `pages` article pages and `feeds` feeds under folder; returns what was written.

    page_kb > 0 pads every page to about that many kilobytes of boilerplate (see _page); 0 writes
    the pages as their layout makes them (~36 KB on average).

    Pages go to a/<outlet>/<n>.html, feeds to feeds/<k>.xml (even k RSS 2.0, odd k Atom 1.0);
    page n is linked from feed n % feeds. Links are relative to the feed, so the folder can be
    served on any port.
    """
    rng = random.Random(seed)
    v = _Vocab(rng)
    outlets = [f"The {rng.choice(_CITY)} {name}" for name in
               ("Ledger", "Courier", "Business Review", "Tribune", "Markets Daily", "Observer")]
    items: list[list[tuple[str, str, str, datetime]]] = [[] for _ in range(feeds)]
    total_bytes = total_words = 0
    for n in range(pages):
        k = n % feeds
        outlet_no = k % len(outlets)
        when = BASE_DATE - timedelta(minutes=7 * (pages - n))
        headline, paragraphs, subheads = _article(v, rng.random() < DEAL_SHARE)
        summary = paragraphs[0].split(". ")[0]
        html = _page(v, outlets[outlet_no], outlet_no % 4, headline, paragraphs, subheads, when,
                     page_kb * 1000)
        path = folder / "a" / f"o{outlet_no}" / f"{n:06d}.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = html.encode("utf-8")
        path.write_bytes(data)
        total_bytes += len(data)
        total_words += sum(len(p.split()) for p in paragraphs)
        items[k].append((headline, f"../a/o{outlet_no}/{n:06d}.html", summary, when))
    feed_paths = []
    for k in range(feeds):
        entries = sorted(items[k], key=lambda i: i[3], reverse=True)
        title = f"{outlets[k % len(outlets)]} feed {k}"
        xml = _rss(title, entries) if k % 2 == 0 else _atom(title, entries)
        path = folder / "feeds" / f"{k}.xml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(xml, encoding="utf-8")
        feed_paths.append(f"feeds/{k}.xml")
    return CorpusInfo(feed_paths, pages, total_bytes, total_words)
