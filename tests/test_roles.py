"""Optional roles filled from the article: a churn's competitor, a deal's seller."""

from __future__ import annotations

from extract.events import read_candidates
from extract.model import Event
from extract.roles import SWITCH_BOTH_SIDES, fill_roles


def event(sentence: str, **kw) -> Event:
    fields = {"event_type": "customer_change", "subtype": "churn", "status": "announced", "evidence": sentence,
              "confidence": 0.9}
    fields.update(kw)
    return Event(**fields)


def fill(text: str, events: list[Event]) -> list[Event]:
    c = read_candidates(text)
    return fill_roles(events, c.texts, c.mentions)


def test_competitor_from_the_new_vendor_event_of_the_same_customer() -> None:
    churn = event("x", customer="Hollis Grocers", vendor="Fenwick Dairies")
    new = event("y", subtype="new_customer", customer="Hollis Grocers", vendor="Marlow Creamery")
    other = event("z", subtype="new_customer", customer="Tavern Foods", vendor="Quill Dairy")
    assert fill("", [churn, other, new])[0].competitor == "Marlow Creamery"


def test_competitor_told_in_the_churn_sentence_and_the_new_vendor_wins_the_customer() -> None:
    s = "Brightwell Airlines is dropping Ostrava Catering in favour of Pelham Foods from April."
    [e, won] = fill(s, [event(s, customer="Brightwell Airlines", vendor="Ostrava Catering")])
    assert e.competitor == "Pelham Foods"
    # the switch told from both sides: Pelham Foods' win is an event, as sure as the churn times the
    # share of such switches the labelled articles tell from both sides
    assert (won.subtype, won.customer, won.vendor, won.competitor, won.status, won.evidence) == (
        "new_customer", "Brightwell Airlines", "Pelham Foods", None, "announced", s)
    assert won.confidence == round(0.9 * SWITCH_BOTH_SIDES, 2) < 0.8
    s = "Brightwell Airlines will replace Ostrava Catering with Pelham Foods on its long-haul routes."
    [e, won] = fill(s, [event(s, customer="Brightwell Airlines", vendor="Ostrava Catering")])
    assert e.competitor == "Pelham Foods" and won.vendor == "Pelham Foods"


def test_no_second_new_vendor_event_when_the_article_tells_the_win() -> None:
    churn = event("x", customer="Hollis Grocers", vendor="Fenwick Dairies", competitor="Marlow Creamery")
    new = event("y", subtype="new_customer", customer="Hollis Grocers", vendor="Marlow Creamery")
    assert fill("", [churn, new]) == [churn, new]


def test_no_competitor_from_a_company_the_cue_does_not_introduce() -> None:
    s = "Brightwell Airlines, which also flies for Pelham Foods, is dropping Ostrava Catering."
    [e] = fill(s, [event(s, customer="Brightwell Airlines", vendor="Ostrava Catering")])
    assert e.competitor is None


def test_seller_after_from_in_the_deal_sentence() -> None:
    s = "Tallis Group has bought a 19.9% stake in Quayside Data from Harlow Ventures for $40m."
    [e] = fill(s, [event(s, event_type="deal", subtype="stake", acquirer="Tallis Group", target="Quayside Data")])
    assert e.seller == "Harlow Ventures"
    s = "Tallis Group has bought Quayside Data, a spin-off from Harlow Ventures."  # an acquisition: same reading
    [e] = fill(s, [event(s, event_type="deal", subtype="acquisition", acquirer="Tallis Group",
                         target="Quayside Data", seller="Brenner Capital")])
    assert e.seller == "Brenner Capital"  # a seller already read is kept
