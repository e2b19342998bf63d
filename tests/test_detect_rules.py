"""Table-driven rule tests: one row per English phrasing of an event (or non-event).

Names are invented; each row states what an analyst reads from the sentence.
"""

from __future__ import annotations

import pytest

from extract.events import rule_events

# (text, expected): expected maps fields to values; "parties" is a dict of roles.
DEALS = [
    # a unit sold to a buyer nobody names
    ("Oberhof Chemie has sold its industrial coatings business, Lakrona Coatings, to an undisclosed buyer, "
     "Oberhof Chemie said on Tuesday.",
     dict(subtype="divestiture", parties={"seller": "Oberhof Chemie", "target": "Lakrona Coatings"},
          status="completed")),
    # a stake in a unit named in apposition, sold to a buyer with its country before it
    ("Ruhrstahl AG has agreed to sell a 20% stake in its steel division, Ruhrstahl Steel Europe, to India's "
     "Vardhan Steel for 850 million euros.",
     dict(subtype="divestiture", parties={"seller": "Ruhrstahl", "target": "Ruhrstahl Steel Europe",
                                          "acquirer": "Vardhan Steel"})),
    # a unit named after its noun is the target, the seller's share of it told as "49 per cent of"
    ("Isar Rueck has completed the sale of its US life reinsurance subsidiary, Isar Life Re America, to "
     "Bermuda-based Granite Bay Re for $610 million.",
     dict(subtype="divestiture", parties={"seller": "Isar Rueck", "target": "Isar Life Re America",
                                          "acquirer": "Granite Bay Re"}, amount=610e6, status="completed")),
    ("Telefonia Adriatica said it had agreed to sell 49 per cent of its tower unit, Adria Towers, to Kestrel "
     "Infrastructure Partners.",
     dict(subtype="divestiture", parties={"seller": "Telefonia Adriatica", "target": "Adria Towers",
                                          "acquirer": "Kestrel Infrastructure Partners"}, status="announced")),
    # a demonym before a company is no company ("Bosnian rival")
    ("Vox Mobil is in talks to merge with Bosnian rival BH Telnet.",
     dict(subtype="merger", parties={"acquirer": "Vox Mobil", "target": "BH Telnet"}, status="considering")),
    ("Oracle has agreed to buy Cerner for $28.3 billion.",
     dict(subtype="acquisition", parties={"acquirer": "Oracle", "target": "Cerner"}, amount=28.3e9, status="announced")),
    ("Cerner was acquired by Oracle in a $28.3bn deal.",
     dict(subtype="acquisition", parties={"acquirer": "Oracle", "target": "Cerner"}, amount=28.3e9, status="completed")),
    ("Quillon, which Vantor agreed to buy for €2bn, makes payment software.",
     dict(subtype="acquisition", parties={"acquirer": "Vantor", "target": "Quillon"}, amount=2e9, status="announced")),
    ("Vantor's $2bn acquisition of Quillon closed on Friday.",
     dict(subtype="acquisition", parties={"acquirer": "Vantor", "target": "Quillon"}, amount=2e9, status="completed")),
    ("The Quillon takeover by Vantor was announced on Monday.",
     dict(subtype="acquisition", parties={"acquirer": "Vantor", "target": "Quillon"}, status="announced")),
    ("Brightline snaps up rival Dovetail for $450m.",
     dict(subtype="acquisition", parties={"acquirer": "Brightline", "target": "Dovetail"}, amount=450e6)),
    ("Kestrel Corp. bought Larkspur Inc. last week for an undisclosed sum.",
     dict(subtype="acquisition", parties={"acquirer": "Kestrel", "target": "Larkspur"}, amount=None,
          status="completed")),
    ("Halvorsen takes a 20% stake in Brightwater Energy.",
     dict(subtype="stake", parties={"acquirer": "Halvorsen", "target": "Brightwater Energy"}, stake=20)),
    ("Al Noor acquires a minority holding in Elara Aerospace.",
     dict(subtype="stake", parties={"acquirer": "Al Noor", "target": "Elara Aerospace"})),
    ("Tamber lifts its stake in Pixelwright to 35%.",
     dict(subtype="stake", parties={"acquirer": "Tamber", "target": "Pixelwright"}, stake=35)),
    ("Kepler bought 60% of Lattice Robotics for $600 million.",
     dict(subtype="acquisition", parties={"acquirer": "Kepler", "target": "Lattice Robotics"}, stake=60,
          amount=600e6, status="completed")),
    ("Lumora raised $300m in a Series D led by Sequoia Capital.",
     dict(subtype="investment", parties={"acquirer": "Sequoia Capital", "target": "Lumora"}, amount=300e6,
          status="completed")),
    ("SAP will invest $50 million in Loopwise.",
     dict(subtype="investment", parties={"acquirer": "SAP", "target": "Loopwise"}, amount=50e6, status="announced")),
    ("Galloway sells its chip unit Solano to Harrow Equity for $2.4bn.",
     dict(subtype="divestiture", parties={"seller": "Galloway", "target": "Solano", "acquirer": "Harrow Equity"},
          amount=2.4e9)),
    ("Brandt offloads its lighting business Lumotec to Huayang.",
     dict(subtype="divestiture", parties={"seller": "Brandt", "target": "Lumotec", "acquirer": "Huayang"})),
    ("Petrona and Sakura Gas will form a joint venture to own LNG carriers.",
     dict(subtype="joint_venture", parties={"acquirer": "Petrona", "target": "Sakura Gas"}, status="announced")),
    ("Arcadia Telecom and Bluestream Networks agreed to merge in an all-stock deal.",
     dict(subtype="merger", parties={"acquirer": "Arcadia Telecom", "target": "Bluestream Networks"},
          status="announced")),
    ("Cascade Airlines is in talks to buy Pacifica Air, according to people familiar with the matter.",
     dict(subtype="acquisition", parties={"acquirer": "Cascade Airlines", "target": "Pacifica Air"},
          status="considering")),  # talks: a party weighs it (the guide: considering outranks reported)
    ("Dunmore is weighing a bid for Castellane.",
     dict(subtype="acquisition", parties={"acquirer": "Dunmore", "target": "Castellane"}, status="considering")),
    ("Arbor Health has called off its $5.3bn takeover of Clinica Partners.",
     dict(subtype="acquisition", parties={"acquirer": "Arbor Health", "target": "Clinica Partners"}, amount=5.3e9,
          status="cancelled")),
    ("Vantara denied a report that it plans to buy Quill Robotics.",
     dict(subtype="acquisition", parties={"acquirer": "Vantara", "target": "Quill Robotics"}, status="denied")),
    ("Meridia Bank reportedly acquired Westgate Savings.",
     dict(subtype="acquisition", parties={"acquirer": "Meridia Bank", "target": "Westgate Savings"},
          status="reported")),
    # a unit named before its noun; a unit that bears its parent's name stays the parent's unit
    ("Friovale agreed to sell Couros do Sul, its leather-tanning subsidiary, to Grupo Marfim for $40 million.",
     dict(subtype="divestiture", parties={"seller": "Friovale", "target": "Couros do Sul", "acquirer": "Grupo Marfim"})),
    ("Telvia has agreed to sell its mobile towers business, Telvia Towers, to Brookfield Infrastructure.",
     dict(subtype="divestiture", parties={"seller": "Telvia", "target": "Telvia Towers",
                                          "acquirer": "Brookfield Infrastructure"})),
    # legal forms before and after the name are no part of it
    ("Meridian Investments agreed to buy a 15 percent stake in PT Bank Nusantara Sejahtera Tbk.",
     dict(subtype="stake", parties={"acquirer": "Meridian Investments", "target": "Bank Nusantara Sejahtera"})),
    ("Sahyadri Power has acquired a 26 per cent stake in Konkan Green Hydrogen Pvt Ltd.",
     dict(subtype="stake", parties={"acquirer": "Sahyadri Power", "target": "Konkan Green Hydrogen"})),
]

CUSTOMERS = [
    # a supplier becoming one; a supply promised to a customer
    ("Under the plan, Verpack Solutions becomes Molinari Foods's main carton supplier.",
     dict(subtype="new_customer", parties={"customer": "Molinari Foods", "vendor": "Verpack Solutions"})),
    ("Orbitel Group said on Tuesday that Nokia would become its main radio access network supplier.",
     dict(subtype="new_customer", parties={"customer": "Orbitel", "vendor": "Nokia"})),
    ("Vestas will supply 38 turbines to Energia Cantabrica for its new wind farm.",
     dict(subtype="new_customer", parties={"customer": "Energia Cantabrica", "vendor": "Vestas"})),
    ("Harborline drops Oracle as its cloud provider.",
     dict(subtype="churn", parties={"customer": "Harborline", "vendor": "Oracle"})),
    ("Harborline is moving its workloads from Oracle to Amazon Web Services.",
     dict(subtype="churn", parties={"customer": "Harborline", "vendor": "Oracle", "competitor": "Amazon Web Services"},
          status="announced")),
    ("Pinecrest Foods cut its spending with Lumio by a third.",
     dict(subtype="reduction", parties={"customer": "Pinecrest Foods", "vendor": "Lumio"})),
    ("Orchid will continue to work with Zhenlong to a lesser extent.",
     dict(subtype="reduction", parties={"customer": "Orchid", "vendor": "Zhenlong"})),
    ("Finch Payments lost Orla Travel as a customer in the second quarter.",
     dict(subtype="churn", parties={"customer": "Orla Travel", "vendor": "Finch Payments"}, status="completed")),
    ("Andover Shipbuilding won a contract from the Royal Navy worth £1.6bn.",
     dict(subtype="new_customer", parties={"customer": "Royal Navy", "vendor": "Andover Shipbuilding"},
          amount=1.6e9)),
    ("Kaveri Motors picked Voltra Cells to supply batteries for its next platform.",
     dict(subtype="new_customer", parties={"customer": "Kaveri Motors", "vendor": "Voltra Cells"})),
    ("Vela Bank renewed and expanded its contract with IBM.",
     dict(subtype="expansion", parties={"customer": "Vela Bank", "vendor": "IBM"})),
    ("The U.S. Army is considering ending its contract with Arclight Systems.",
     dict(subtype="churn", parties={"customer": "U.S. Army", "vendor": "Arclight Systems"}, status="considering")),
    ("Ridgeway County voted not to renew its contract with Tally Voting Systems.",
     dict(subtype="churn", parties={"customer": "Ridgeway County", "vendor": "Tally Voting Systems"})),
    ("In March we finished moving Tidewell off Amazon Web Services.",
     dict(subtype="churn", parties={"customer": "Tidewell", "vendor": "Amazon Web Services"})),
    ("Thornbury Dairies has been dropped as the own-label milk supplier to Fairlow Stores.",
     dict(subtype="churn", parties={"customer": "Fairlow Stores", "vendor": "Thornbury Dairies"})),
    ("After six years with Square, Crumb Bakery switched to SumUp at the start of the month.",
     dict(subtype="churn", parties={"customer": "Crumb Bakery", "vendor": "Square", "competitor": "SumUp"})),
    ("Vantage Insurance has cut back the work it gives Accenture on claims IT.",
     dict(subtype="reduction", parties={"customer": "Vantage Insurance", "vendor": "Accenture"})),
    ("Alpenair has gone live with Amadeus's passenger service system.",
     dict(subtype="new_customer", parties={"customer": "Alpenair", "vendor": "Amadeus"})),
]

NON_EVENTS = [
    "Oracle reported revenue of $14.3bn for the quarter.",
    "Meta unveiled a new VR headset on Tuesday.",
    "The startup spends heavily to acquire customers; its customer acquisition cost rose 20%.",
    "Apple will buy back $90bn of its own shares.",
    "Microsoft will invest $10bn in data centres in Portugal.",
    "Analysts said Disney should buy Netflix.",
    "Salesforce, which bought Slack in 2021, reported higher sales.",
    "Epic Games sued Apple over its app store fees.",
    "Intel will cut 15,000 jobs.",
    "Alexandr Wang, founder and CEO of Scale, will report directly to Mark Zuckerberg.",
    "The US government is one of Scale's customers and, according to Reuters, will continue to be.",
    "Scale AI would continue to operate as an independent company.",
    "The competition authority will take a closer look at the deal.",
    "Lattice had been valued at $2bn in a funding round two years ago.",
]


def only(text: str) -> dict:
    events = [e.to_dict() for e in rule_events(text)]
    assert len(events) == 1, f"{text!r} -> {events}"
    return events[0]


def check(e: dict, expected: dict) -> None:
    assert e["subtype"] == expected["subtype"]
    for role, name in expected["parties"].items():
        assert e[role] == name, (role, e)
    if "amount" in expected:
        assert e["amount"] == (pytest.approx(expected["amount"]) if expected["amount"] else None)
    if "stake" in expected:
        assert e["stake_pct"] == expected["stake"]
    if "status" in expected:
        assert e["status"] == expected["status"]


@pytest.mark.parametrize(("text", "expected"), DEALS, ids=[t[:50] for t, _ in DEALS])
def test_deal_phrasings(text: str, expected: dict) -> None:
    e = only(text)
    assert e["event_type"] == "deal"
    check(e, expected)


@pytest.mark.parametrize(("text", "expected"), CUSTOMERS, ids=[t[:50] for t, _ in CUSTOMERS])
def test_customer_phrasings(text: str, expected: dict) -> None:
    e = only(text)
    assert e["event_type"] == "customer_change"
    check(e, expected)


@pytest.mark.parametrize("text", NON_EVENTS, ids=[t[:50] for t in NON_EVENTS])
def test_non_events(text: str) -> None:
    assert rule_events(text) == []


def test_stake_and_investment_merge() -> None:
    text = ("Meta acquired a 49% stake in Scale AI this week. "
            "Earlier, it emerged that Meta was investing $14.3bn in Scale AI.")
    e = only(text)
    assert (e["subtype"], e["stake_pct"], e["amount"], e["currency"]) == ("stake", 49, 14.3e9, "USD")


def test_similar_plans_copy_previous_change() -> None:
    text = ("Google plans to end its contract with Scale AI, people familiar said. "
            "Microsoft is considering similar plans.")
    events = {e.customer: e for e in rule_events(text)}
    assert set(events) == {"Google", "Microsoft"}
    assert (events["Microsoft"].vendor, events["Microsoft"].subtype, events["Microsoft"].status) == (
        "Scale AI", "churn", "considering")


def test_headline_title_case() -> None:
    events = rule_events("The companies said the deal would close next year.", title="Oracle To Buy Cerner For $28bn")
    assert [(e.acquirer, e.target, e.amount) for e in events] == [("Oracle", "Cerner", 28e9)]


def test_a_participle_ends_the_run_of_the_supplier_replaced() -> None:
    """"X awarded the contract to Z, ending a 12-year run by Y": Z is won, Y is dropped for Z."""
    text = "The City of Ballarat awarded its waste collection contract to Cleanaway, ending a 12-year run by Veolia."
    got = {(e.subtype, tuple(sorted(e.parties().items()))) for e in rule_events(text)}
    assert got == {("new_customer", (("customer", "City of Ballarat"), ("vendor", "Cleanaway"))),
                   ("churn", (("competitor", "Cleanaway"), ("customer", "City of Ballarat"), ("vendor", "Veolia")))}


@pytest.mark.parametrize(("text", "vendors"), [
    ("Deutsche Bahn has awarded two contracts to Siemens Mobility and Alstom.", {"Siemens Mobility", "Alstom"}),
    ("Deutsche Bahn has awarded contracts to Siemens Mobility, Stadler and Alstom for the trains.",
     {"Siemens Mobility", "Stadler", "Alstom"}),
    # the list ends where a new clause begins
    ("Deutsche Bahn has awarded a contract to Siemens Mobility and Alstom said it would appeal.", {"Siemens Mobility"}),
])
def test_companies_listed_after_the_object_share_its_role(text: str, vendors: set[str]) -> None:
    events = rule_events(text)
    assert {e.vendor for e in events} == vendors
    assert {e.customer for e in events} == {"Deutsche Bahn"}


@pytest.mark.parametrize("text", [
    "Ardent Capital agreed to buy Kestrel Foods. Kestrel Foods is owned by private equity firm Harbor Vale Capital.",
    "Ardent Capital agreed to buy Kestrel Foods. Kestrel Foods is being sold by Harbor Vale Capital.",
    "Ardent Capital agreed to buy Kestrel Foods, the frozen-food unit of Harbor Vale Capital.",
])
def test_a_seller_told_on_its_own_joins_the_deal(text: str) -> None:
    assert [e.parties() for e in rule_events(text)] == [
        {"acquirer": "Ardent Capital", "target": "Kestrel Foods", "seller": "Harbor Vale Capital"}]
