"""The clause-subject test of coreference: the English grammar's reversed pattern
(`subject_left_reversed`, one anchored match) must say what `subject_left` says when
searched over the window before a mention."""

import random
from pathlib import Path

from extract.mentions import _SUBJECT_WINDOW, _clause_opener
from extract.rules_en import GRAMMAR
from extract.scoring import parse_records
from extract.sentences import split_sentences

CORPUS = Path(__file__).parent / "data" / "corpus"


def _searched(text: str, pos: int) -> bool:
    return GRAMMAR.subject_left.search(text, max(0, pos - _SUBJECT_WINDOW), pos) is not None


def test_reversed_subject_test_agrees_on_corpus_sentences() -> None:
    opens = _clause_opener(GRAMMAR)
    checked = subjects = 0
    for path in sorted(CORPUS.glob("en*.jsonl")):
        for record in parse_records(path.read_text("utf-8"), str(path)):
            for sentence in split_sentences(record["text"]):
                text = sentence.text
                # Every place a name can start: after a space, a bracket or a quote, and the start.
                for pos in [0] + [i + 1 for i, ch in enumerate(text) if not ch.isalnum()]:
                    got = opens(text, pos)
                    assert got == _searched(text, pos), (text, pos)
                    checked += 1
                    subjects += got
    assert checked > 10_000 and 0 < subjects < checked


def test_reversed_subject_test_agrees_on_odd_text() -> None:
    # Long runs of spaces, new lines, quotes and prepositions at the window's edge.
    pieces = ["and", "the", "The", "This", " ", "  ", "\n", ",", ";", "(", "“", "'", '"', "x", "ab", "report",
              "reports", "said", "if", "Meta", "—", "though", "although", "a", "With", "with", "On Monday", "by"]
    rng = random.Random(7)
    opens = _clause_opener(GRAMMAR)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 60)))
        for pos in {len(text), rng.randint(0, len(text))}:
            assert opens(text, pos) == _searched(text, pos), (text, pos)


def _mentions(text: str, language: str) -> list[list[tuple[str, str]]]:
    from extract.events import read_candidates

    c = read_candidates(text, language=language)
    return [[(m.name, m.kind) for m in ms] for ms in c.mentions]


def test_german_an_is_a_preposition_and_bodies_are_named_by_remit() -> None:
    got = _mentions("Die Bundesagentur für Arbeit stellt ihre Personalverwaltung um. Die Behörde hat den Zuschlag "
                    "an SAP erteilt.", "de")
    assert got[0] == [("Bundesagentur für Arbeit", "org")]
    # "an SAP" names SAP ("an" is no indefinite article in German); "Die Behörde" refers back
    assert ("SAP", "org") in got[1] and ("Bundesagentur für Arbeit", "ref") in got[1]


def test_german_bare_description_and_group_name() -> None:
    got = _mentions("Die Heidmark Versicherungsgruppe hat Zahlen vorgelegt. Der Versicherer aus Lüneburg hat den "
                    "Rahmenvertrag mit Consultix nicht verlängert.", "de")
    assert got[0] == [("Heidmark Versicherungsgruppe", "org")]
    assert got[1][0] == ("Heidmark Versicherungsgruppe", "ref")


def test_german_descriptor_before_a_given_name_makes_a_company() -> None:
    got = _mentions("Die Sensoren sind gefragt. Der Landtechnikkonzern John Deere bestellt Kamerasysteme bei "
                    "Lichtfeld Optronik. Vorstandschef Hans Meier sagte, Hans Meier sei zufrieden.", "de")
    assert got[1] == [("John Deere", "org"), ("Lichtfeld Optronik", "org")]
    assert all(kind != "org" for _, kind in got[2])


def test_english_press_release_headline_line_and_wire_dateline() -> None:
    got = _mentions("Ridgeway Foods Completes Acquisition of Bellmont Bakery\n\nDES MOINES, Iowa, Dec. 1, 2026 "
                    "(GLOBE NEWSWIRE) -- Ridgeway Foods, Inc. today announced it has completed its acquisition of "
                    "Bellmont Bakery.", "en")
    # a Title Case line reads as a headline: its ordinary words are no part of a name
    assert got[0] == [("Ridgeway Foods", "org"), ("Bellmont Bakery", "org")]
    # the dateline's place in capitals is no company; the wire is an outlet
    names = [n for n, kind in got[1] if kind == "org"]
    assert names == ["Ridgeway Foods", "Bellmont Bakery"] and ("GLOBE NEWSWIRE", "media") in got[1]


def test_english_sentence_opening_descriptor_is_cut() -> None:
    got = _mentions("Housebuilder Wrenfield Homes has agreed to buy smaller rival Castlegate Developments for "
                    "£88m. The deal closes in May.", "en")
    assert got[0][:2] == [("Wrenfield Homes", "org"), ("Castlegate Developments", "org")]


def test_honorific_makes_a_person_and_the_full_name_too() -> None:
    got = _mentions("Commissioner Josenrique Cueto spoke first. Mr. Cueto said the department engaged ITDP.", "en")
    assert got[0] == [("Commissioner Josenrique Cueto", "person")]
    assert ("Cueto", "person") in got[1] and ("ITDP", "org") in got[1]


def test_a_speaker_compound_does_not_bar_its_company_as_the_description_s_antecedent() -> None:
    got = _mentions("Die Lufthansa stellt die Diensthandys um. Die Airline hat einen Rahmenvertrag mit der Telekom AG "
                    "abgeschlossen, wie ein Lufthansa-Sprecher bestätigte.", "de")
    # "ein Lufthansa-Sprecher" speaks for the company "Die Airline" means; before, it sent the description elsewhere
    assert got[1][0] == ("Lufthansa", "ref")


def test_a_roundup_item_s_label_is_its_description_s_company() -> None:
    got = _mentions("Carmakers cut orders. Kestrel Motors said it would add a shift. Halvane Motors: The carmaker "
                    "will buy fewer seats from Dorrin Trim.", "en")
    assert got[2][:2] == [("Halvane Motors", "org"), ("Halvane Motors", "ref")]


def test_a_unit_named_after_its_owner_keeps_apart_from_it() -> None:
    got = _mentions("Die Mahrholz SE verkauft den Geschäftsbereich Mahrholz Medical an Carewell Instruments. "
                    "Mahrholz will sich auf Sensoren konzentrieren.", "de")
    assert ("Mahrholz", "org") in got[0] and ("Mahrholz Medical", "org") in got[0]
    # the owner's short name stays the owner, not its unit's fuller name
    assert got[1][0] == ("Mahrholz", "org")
