"""Optional roles filled from the article: a churn's competitor, a deal's seller."""

from __future__ import annotations

from extract.events import read_candidates
from extract.model import Event
from extract.roles import fill_roles


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


def test_competitor_told_in_the_churn_sentence() -> None:
    s = "Brightwell Airlines is dropping Ostrava Catering in favour of Pelham Foods from April."
    [e] = fill(s, [event(s, customer="Brightwell Airlines", vendor="Ostrava Catering")])
    assert e.competitor == "Pelham Foods"
    s = "Brightwell Airlines will replace Ostrava Catering with Pelham Foods on its long-haul routes."
    [e] = fill(s, [event(s, customer="Brightwell Airlines", vendor="Ostrava Catering")])
    assert e.competitor == "Pelham Foods"


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
