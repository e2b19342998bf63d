"""Company names: normalisation, aliases, mentions, persons, coreference."""

import pytest

from extract.mentions import build_mentions
from extract.parties import NameIndex, find_name_spans, looks_like_person, normalize_name, same_party
from extract.rules_en import GRAMMAR


@pytest.mark.parametrize(
    ("raw", "plain"),
    [
        ("the Meta Group", "Meta"),
        ("Alphabet Inc.", "Alphabet"),
        ("Deutsche Telekom AG", "Deutsche Telekom"),
        ("HSBC Holdings plc", "HSBC"),
        ("Goldman Sachs & Co.", "Goldman Sachs"),
        ("Siemens Energy SE", "Siemens Energy"),
        ("Acme GmbH", "Acme"),
        ("Initech LLC", "Initech"),
        ("Scale AI", "Scale AI"),
        ("Alphabet's", "Alphabet"),
        ("Group", "Group"),
    ],
)
def test_normalize(raw: str, plain: str) -> None:
    assert normalize_name(raw) == plain


def test_same_party() -> None:
    assert same_party("Scale", "Scale AI Inc.")
    assert same_party("U.S. Army", "US Army")
    assert not same_party("Meta", "Metaverse Labs")
    assert same_party(None, None)
    assert not same_party("Meta", None)


def test_alias_to_fullest_name() -> None:
    idx = NameIndex(["Scale AI", "Scale", "the Meta Group", "Meta Platforms Inc."])
    assert idx.canonical("Scale") == "Scale AI"
    assert idx.canonical("Meta") == "Meta Platforms"


def test_ambiguous_prefix_stays() -> None:
    idx = NameIndex(["Bank", "Bank of Nova Ridge", "Bank Lumi"])
    assert idx.canonical("Bank") == "Bank"


def spans(sentence: str) -> list[str]:
    return [s.surface for s in find_name_spans(sentence)]


def test_name_spans() -> None:
    s = "Meta CEO Mark Zuckerberg met Bank of America, eBay, 3M and AT&T in the U.S. on Monday."
    assert spans(s) == ["Meta", "Mark Zuckerberg", "Bank of America", "eBay", "3M", "AT&T"]


def test_amounts_and_places_are_not_names() -> None:
    assert spans("Halvorsen completes USD 14.3 billion takeover of Brightwater Energy") == [
        "Halvorsen", "Brightwater Energy"]
    assert spans("Microsoft to invest $10bn in Portuguese AI data centres") == ["Microsoft"]


def test_persons() -> None:
    s = "Alexandr Wang, founder and CEO of Scale, will report to Mark Zuckerberg."
    found = {sp.surface: looks_like_person(s, sp) for sp in find_name_spans(s)}
    assert found == {"Alexandr Wang": True, "Scale": False, "Mark Zuckerberg": True}


def resolved(texts: list[str]) -> list[list[tuple[str, str]]]:
    return [[(t[m.start:m.end], m.name) for m in ms if m.kind in ("org", "ref")]
            for t, ms in zip(texts, build_mentions(texts, GRAMMAR))]


def test_possessive_and_alias_in_article() -> None:
    out = resolved(["This week, the Meta Group bought a stake in Scale AI.", "Scale's rivals grew."])
    assert out == [[("Meta Group", "Meta"), ("Scale AI", "Scale AI")], [("Scale", "Scale AI")]]


@pytest.mark.parametrize(
    ("texts", "phrase", "name"),
    [
        # ordinal: the second company named in the sentence before
        (["Google wants to cut its spending at Scale AI.", "Meta acquired 49% of the second company."],
         "the second company", "Scale AI"),
        # subject description: the subject of the latest clause
        (["Microsoft is considering it and OpenAI is said to have done so.",
          "However, the AI manufacturer will continue to work with Scale AI."], "the AI manufacturer", "OpenAI"),
        # never a company named in its own clause as subject
        (["Google wanted to spend $200m as a customer of Scale AI.",
          "Sources said the tech company is in talks with Scale's rivals to end its ties with Scale."],
         "the tech company", "Google"),
        # object description: a company named before it in the sentence, not the subject
        (["Kepler bought a stake in Lattice.",
          "Hanover, which uses Lattice's software, wants to end its relationship with the company."],
         "the company", "Lattice"),
    ],
)
def test_coreference(texts: list[str], phrase: str, name: str) -> None:
    last = resolved(texts)[-1]
    assert (phrase, name) in last


def test_pronoun_it_is_the_subject() -> None:
    texts = ["Marrow Bank, which routes traffic through Quillpoint, said it would end its contract."]
    assert ("it", "Marrow Bank") in resolved(texts)[0]


def test_initial_common_word_is_not_a_name() -> None:
    texts = ["Developers need data.", "Most developers use Scale AI."]
    assert resolved(texts)[0] == []


@pytest.mark.parametrize("sentence,names", [
    # accented capitals open names
    ("Danish utility Ørnved Forsyning ends its contract with Škoda Transportation.",
     ["Ørnved Forsyning", "Škoda Transportation"]),
    # a nationality or region adjective is no company
    ("The Bavarian state government drops a Lithuanian supplier.", []),
    # a camel-case word names something only from its first letter
    ("The city moves to the open-source openDesk suite from eBay tools.", ["eBay"]),
    ("Anyone switched from Xero to QuickBooks?", ["Xero", "QuickBooks"]),
    # the legal suffix after a comma belongs to the name before it
    ('Greyhawk Outdoor Brands, Inc. (the "Company") completed the deal.', ["Greyhawk Outdoor Brands, Inc."]),
    # "Board of Directors of", "EXCLUSIVE-" lead into the name, not part of it
    ("The Board of Directors of Temasek Port Holdings Limited wishes to announce", ["Temasek Port Holdings Limited"]),
    ("EXCLUSIVE-Drayfield to buy Vítek", ["Drayfield", "Vítek"]),
    # data and frequency measures are no names
    ("Thornfield gives 5GiB and 2.4GHz plans at 100Mbps.", ["Thornfield"]),
    # a currency prefix glued to a number is an amount ("Sh4.2 billion", "Rs2,000 crore")
    ("Kenya Power awards a Sh4.2 billion contract to Lumin Meters for Rs2,000 crore.", ["Kenya Power", "Lumin Meters"]),
    # "for" continues a public body's name after a word such as "Transport" or "Department"
    ("Transport for NSW awards Transdev a contract, good news for Siemens.", ["Transport for NSW", "Transdev", "Siemens"]),
    # "Re" ends the name of a reinsurer
    ("Swiss Re and Helvetic Re cut their shares.", ["Swiss Re", "Helvetic Re"]),
    # a compound modifier ("X-regulated", "X-rival") describes the name after it and names no one
    ("Ofwat-regulated Severnside Water moves billing off SAP.", ["Severnside Water", "SAP"]),
    ("Parcel carrier Dunmore Express loses Ocado-rival contract", ["Parcel", "Dunmore Express"]),
    ("Coca-Cola and Rolls-Royce agree.", ["Coca-Cola", "Rolls-Royce"]),
    # a model after its maker's name is the maker's product
    ("The carrier cut its order for Airbus A350-900s and Scania R-series trucks.", ["Airbus", "Scania"]),
])
def test_name_edges(sentence: str, names: list[str]) -> None:
    assert spans(sentence) == names


def test_legal_form_makes_a_company_not_a_person() -> None:
    sentence = "Robert Bosch GmbH on Thursday rejected a report that it will stop buying from Brnox."
    first = find_name_spans(sentence)[0]
    assert (first.surface, looks_like_person(sentence, first)) == ("Robert Bosch GmbH", False)


def test_press_release_wire_is_an_outlet() -> None:
    ms = build_mentions(["CHICAGO--(BUSINESS WIRE)--Maplestone Capital, a private equity firm, today announced it."],
                        GRAMMAR)[0]
    assert [(m.name, m.kind) for m in ms if m.kind != "ref"] == [("BUSINESS WIRE", "media"), ("Maplestone Capital", "org")]
