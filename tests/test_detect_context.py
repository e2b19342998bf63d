"""Table-driven tests for what the detector reads across sentences and around the event's own
words: anaphora ("The deal closed on Friday."), prices told apart, currencies, tickers,
sentence-opening descriptions, statuses. Names are invented; each row states what an
analyst reads from the text.
"""

from __future__ import annotations

import pytest

from extract.events import rule_events

# (text, title, expected fields of the only event)
ROWS = [
    # A later sentence completes the deal, or names its price.
    ("Tolvane agreed to buy Birchfield Analytics. The transaction closed on Wednesday.", None,
     dict(acquirer="Tolvane", target="Birchfield Analytics", status="completed")),
    ("Tolvane agreed to buy Birchfield Analytics. The deal is expected to close in March.", None,
     dict(acquirer="Tolvane", target="Birchfield Analytics", status="announced")),
    ("Tolvane agreed to buy Birchfield Analytics. The deal is worth about $75 million.", None,
     dict(amount=75e6, currency="USD")),
    ("Tolvane agreed to buy Birchfield Analytics. Tolvane will pay $610m in cash and shares for Birchfield.", None,
     dict(amount=610e6, currency="USD")),
    ("Tolvane agreed to buy Birchfield Analytics. The acquisition was called off in May.", None,
     dict(status="cancelled")),
    ("Osprey Steel and Kanto Metals formed a joint venture to make green iron. "
     "The partners will invest a combined €700 million in the venture.", None,
     dict(subtype="joint_venture", amount=700e6, currency="EUR")),
    # Amounts that are no price.
    ("Tolvane agreed to buy Birchfield Analytics. Tolvane will pay $27 a share in cash for Birchfield.", None,
     dict(amount=None)),
    ("Tolvane bought Birchfield Analytics for a nominal €1 and took on €90m of its debt.", None,
     dict(amount=1.0, currency="EUR")),
    ("Arden Telecom and Velo Networks will merge, creating a group with about 11 million customers.", None,
     dict(subtype="merger", amount=None)),
    # A bare amount takes the article's only currency.
    ("Tolvane will invest 2.5 billion in Birchfield Analytics. Birchfield had sales of €300 million.", None,
     dict(subtype="investment", amount=2.5e9, currency="EUR")),
    # Listings and sentence-opening descriptions name no party.
    ("Zarvo Inc. (NASDAQ: ZRV) today announced an agreement to acquire Pellucid Health for $900 million.", None,
     dict(acquirer="Zarvo", target="Pellucid Health", amount=900e6)),
    ("Chipmaker Arvel will invest $250 million in Photonix Labs, the companies said.", None,
     dict(acquirer="Arvel", target="Photonix Labs")),
    ("Supermarket chain Dunmore's is moving its card payments from Paylane to rival Stripo.", None,
     dict(customer="Dunmore", vendor="Paylane", competitor="Stripo")),
    # A contract won is announced, even in the past tense; completion needs saying.
    ("Kelso Systems won a £120 million contract from the Ministry of Transport.", None,
     dict(subtype="new_customer", customer="Ministry of Transport", status="announced", amount=120e6)),
    ("Kelso Systems lost Marwood Retail, its largest customer, to a competitor.", None,
     dict(subtype="churn", customer="Marwood Retail", vendor="Kelso Systems", status="completed")),
    ("Halvane Council has selected Strathy Signalling as preferred bidder for a £40m contract.", None,
     dict(subtype="new_customer", customer="Halvane Council", vendor="Strathy Signalling")),
    # Talks that sources tell of: a party weighs the deal (the guide: considering outranks reported).
    ("Tolvane is in advanced talks to acquire Birchfield Analytics, according to people familiar with the matter.",
     "Tolvane in talks to buy Birchfield", dict(status="considering")),
    ("Glenvar Bank is exploring a sale of Glenvar Private, its wealth arm, the lender said.", None,
     dict(subtype="divestiture", seller="Glenvar Bank", target="Glenvar Private", status="considering")),
    ("Ridgemoor Media is exploring a sale of the company.", None,
     dict(target="Ridgemoor Media", acquirer=None, status="considering")),
    ("Noor Holdings, the Gulf investment group, said it was weighing a stake of up to 25% in Elvar Aerospace.",
     None, dict(subtype="stake", acquirer="Noor", target="Elvar Aerospace", stake_pct=25.0,
                status="considering")),
    # A unit sold with no buyer named yet is a divestiture of its seller; a bank hired to run the sale is
    # an adviser, not a vendor winning a customer.
    ("Carrowby is exploring a sale of its ad-tech business and has hired Lazard to sound out potential buyers.",
     None, dict(subtype="divestiture", seller="Carrowby", acquirer=None, target=None, status="considering")),
    ("Mwangaza Telecom agreed to sell its mobile-tower business, the company said on Monday.", None,
     dict(subtype="divestiture", seller="Mwangaza Telecom", acquirer=None, status="announced")),
    ("Halcyon Brands is weighing a sale of its tea business Kettle Leaf, people familiar with the matter said.", None,
     dict(subtype="divestiture", seller="Halcyon Brands", target="Kettle Leaf")),
    # Who supplies is told by whose network the work is on.
    ("Ericsson said it had signed a multi-year contract with Telkomsel to modernise and expand Telkomsel's network.",
     None, dict(subtype="new_customer", customer="Telkomsel", vendor="Ericsson")),
    # Background in a relative clause about one party does not hide the news.
    ("Keyline Cloud, which bought Tamsin Data for $600m in 2021, is back: on Tuesday it agreed to buy "
     "Ardent Guard for $180m.", None, dict(acquirer="Keyline Cloud", target="Ardent Guard", amount=180e6)),
]


@pytest.mark.parametrize(("text", "title", "expected"), ROWS, ids=[r[0][:60] for r in ROWS])
def test_reads_across_and_around_the_event(text: str, title: str | None, expected: dict) -> None:
    _assert_one_event(text, title, expected)


def _assert_one_event(text: str, title: str | None, expected: dict) -> None:
    events = [e.to_dict() for e in rule_events(text, title=title)]
    assert len(events) == 1, f"{text!r} -> {events}"
    got = events[0]
    for field, value in expected.items():
        want = pytest.approx(value) if isinstance(value, float) else value
        assert got[field] == want, (field, got)


def test_an_anaphor_without_an_event_before_it_adds_nothing() -> None:
    assert rule_events("The transaction closed on Wednesday. The deal is worth $75 million.") == []


def test_an_anaphor_attaches_to_the_latest_event_of_its_kind() -> None:
    text = ("Tolvane agreed to buy Birchfield Analytics. Separately, Quorra Foods said it would acquire Lintel "
            "Brands. The deal closed on Friday.")
    events = {e.target: e.status for e in rule_events(text)}
    assert events == {"Birchfield Analytics": "announced", "Lintel Brands": "completed"}


# What long articles taught (docs/detection.md, "Long articles"): one row per general rule.
LONG_ROWS = [
    # Sentence openers and subheadings name no company; the pronoun after them is the subject's.
    ("Betting on rail\n\nEven as it cut costs, Pravin Logistics signalled a new bet. The company said it had led "
     "a $90 million Series B round in Tarrow Freight.", None,
     dict(subtype="investment", acquirer="Pravin Logistics", target="Tarrow Freight", amount=90e6)),
    ("Separately, Ostend Paper agreed to buy Millbrook Pulp for $300m.", None,
     dict(acquirer="Ostend Paper", target="Millbrook Pulp")),
    # A deal verb that cancels; a withdrawn offer.
    ("Halcyon Media has walked away from its pursuit of Brenner Radio, ending a takeover battle.", None,
     dict(subtype="acquisition", acquirer="Halcyon Media", target="Brenner Radio", status="cancelled")),
    ("Halcyon Media said it had withdrawn its $1.4 billion offer for Brenner Radio.", None,
     dict(target="Brenner Radio", status="cancelled", amount=1.4e9)),
    # Take-private; the stake the buyer ends with beats the increment.
    ("Larchfield Capital has agreed to take Ouseburn Clinics private in a £900m deal.", None,
     dict(subtype="acquisition", acquirer="Larchfield Capital", target="Ouseburn Clinics")),
    ("Pellew Group has raised its holding in Carrow Foods to 35 per cent. Pellew said it had bought a further "
     "14 per cent of Carrow for €450m.", None, dict(subtype="stake", stake_pct=35.0, amount=450e6)),
    # A hedge in a clause about something else leaves the event's status alone.
    ("Pellew Group has raised its holding in Carrow Foods to 35 per cent, tightening its grip on a company whose "
     "board is weighing a merger.", None, dict(subtype="stake", status="completed")),
    # Forms.
    ("Kessock Bank said it would move its network to Aldgate Networks when its contract with Norrland Telecom "
     "expires.", None,
     dict(subtype="churn", customer="Kessock Bank", vendor="Norrland Telecom", competitor="Aldgate Networks")),
    ("Quintal AI was dropped as a supplier by Fenwick Health, the hospital operator.", None,
     dict(subtype="churn", customer="Fenwick Health", vendor="Quintal AI")),
    ("Ardeche Stores will stop buying own-label milk from Kilkee Dairies.", None,
     dict(subtype="churn", customer="Ardeche Stores", vendor="Kilkee Dairies")),
    ("Tamsworth Re doubles Northcote Analytics contract", "",
     dict(subtype="expansion", customer="Tamsworth Re", vendor="Northcote Analytics")),
    ("Arden Energy is close to an agreement with Solvik Power to pool their storage assets in a jointly owned "
     "company, according to people familiar with the talks.", None,
     dict(subtype="joint_venture", acquirer="Arden Energy", target="Solvik Power", status="considering")),
    ("Dunholm Brands is weighing a sale of its coatings business, Dunholm Paints, according to two people "
     "familiar with the matter.", None,
     dict(subtype="divestiture", seller="Dunholm Brands", target="Dunholm Paints", status="considering")),
    # A negated statement denies the event told elsewhere.
    ("The Ledger, a financial news website, reported that Vessey Insurance was preparing to drop Tallow Data. "
     "Vessey has no plans to end its relationship with Tallow, a spokeswoman said.", None,
     dict(subtype="churn", customer="Vessey Insurance", vendor="Tallow Data", status="denied")),
    ("A report said Corran Stores had held talks to buy Pelly Foods for about £300m. Pelly Foods said it was not "
     "in discussions with Corran Stores.", None, dict(acquirer="Corran Stores", target="Pelly Foods",
                                                     status="denied")),
    # "Series B." ends a sentence; the round's lead, told in the next one, is its investor.
    ("Quillhaven said on Tuesday it has closed a $40 million Series B. Harborne Ventures led the round, with "
     "participation from Tallow Point Capital.", None,
     dict(subtype="investment", acquirer="Harborne Ventures", target="Quillhaven", amount=40e6)),
    # A place before "-based" is no company.
    ("Dunmore Packaging, a Green Bay-based maker of cartons, snapped up Riverbend Label last week.", None,
     dict(acquirer="Dunmore Packaging", target="Riverbend Label")),
    # The value a vendor puts on a customer's business is the customer's spend.
    ("Vostrel Motors will cut its orders from Bramhall Interiors. Bramhall put the annual value of its Vostrel "
     "business at about £420 million.", None, dict(subtype="reduction", amount=420e6, currency="GBP")),
    # A change that names only its customer, in an article about the supplier: the supplier.
    ("Corvell Systems beat forecasts on Tuesday. Corvell said demand from hospitals was strong. Meridian Health "
     "renewed for three more years and added cabinets at 12 more sites, Corvell's chief executive said.", None,
     dict(subtype="expansion", customer="Meridian Health", vendor="Corvell Systems")),
    # A company's kind ends its name: "Activist investor Kestrel Capital" is no person.
    ("Activist investor Kestrel Capital has raised its stake in Italian pasta maker Ondina Foods to 29%.", None,
     dict(subtype="stake", acquirer="Kestrel Capital", target="Ondina Foods", stake_pct=29.0)),
    # A dateline names no party, however many words its city has, and its agency is a source.
    ("SAO PAULO, May 2 (Wire) - Grupo Tavares has snapped up the brewer Cervejaria Serra for R$850 million.", None,
     dict(acquirer="Grupo Tavares", target="Cervejaria Serra")),
    # A sale to a consortium is a sale to its leader.
    ("Vantor Chemicals has completed the sale of its in-house logistics business to a consortium led by private "
     "equity firm Greyhaven Partners.", None, dict(subtype="divestiture", seller="Vantor Chemicals", target=None,
                                                   acquirer="Greyhaven Partners")),
    # Money for a minority stake is a stake.
    ("The Munich industrial group Reinholt is investing USD 2.5 billion for a minority stake in Aurelion, the "
     "Dresden-based chip designer.", None, dict(subtype="stake", acquirer="Reinholt", target="Aurelion",
                                                 amount=2.5e9, currency="USD")),
    # "X and Czech battery producer Y will set up a joint venture"
    ("Japanese electronics maker Sakura Denki and Czech battery producer Moravia Battery Works will set up a joint "
     "venture to build a plant.", None, dict(subtype="joint_venture", acquirer="Sakura Denki",
                                             target="Moravia Battery Works")),
    # A headline's short form of a name is the body's company, not another one.
    ("Hollin Pharmaceuticals has abandoned its planned takeover of Quade Biotech.",
     "Hollin Pharma abandons Quade takeover", dict(acquirer="Hollin Pharmaceuticals", status="cancelled")),
]


def test_a_denied_change_and_a_confirmed_one_of_another_kind_are_two_events() -> None:
    text = ("Ostrava Telecom denied a report that it plans to drop Zhenfeng Networks as a supplier. It did confirm "
            "that Ostrava would buy fewer Zhenfeng radio units this year.")
    got = sorted((e.subtype, e.status) for e in rule_events(text))
    assert got == [("churn", "denied"), ("reduction", "announced")]


@pytest.mark.parametrize(("text", "title", "expected"), LONG_ROWS, ids=[r[0][:60] for r in LONG_ROWS])
def test_reads_what_long_articles_say(text: str, title: str | None, expected: dict) -> None:
    _assert_one_event(text, title, expected)


@pytest.mark.parametrize("text", [
    # Musing, a fundraising target, "combined" as "together", a past deal told as history.
    '"It would make a lot of sense for them to buy a platform like Ashcombe Lane," said an analyst at Reiss.',
    "Kellerton Rowe said it expected to raise more than $50 billion of new capital over the next twelve months.",
    "Ramsay estimated that the Halvard and Petrow decisions combined could cut Nimby's revenue by $80 million.",
    "Two years later Calloway itself bought the clinic chain Lochside Health for £210 million.",
    "Pellew Group said it did not intend to make a full offer for Carrow Foods.",
    # History and a question are no news.
    "Solvane denied the report. Last year Solvane bought German biotech firm Rheinwald Therapeutics for €1.6bn.",
    "Whitcombe was asked whether Arvena Energy might eventually buy Solberg Hydrogen outright.",
])
def test_long_article_context_is_no_event(text: str) -> None:
    assert rule_events(text) == []


def test_a_venture_and_a_stake_between_the_same_two_are_two_deals() -> None:
    text = ("Sakura Denki and Moravia Battery Works will set up a joint venture to build a plant. Sakura Denki will "
            "also take a 15% stake in Moravia Battery Works.")
    assert sorted(e.subtype for e in rule_events(text)) == ["joint_venture", "stake"]
