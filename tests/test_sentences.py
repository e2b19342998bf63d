"""Sentence splitting: abbreviations, decimals, page junk, verbatim spans."""

import pytest

from extract.sentences import is_junk_line, split_sentences


def texts(body: str) -> list[str]:
    return [s.text for s in split_sentences(body)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Meta Inc. bought 49% of Scale. It paid $14.3bn.", ["Meta Inc. bought 49% of Scale.", "It paid $14.3bn."]),
        ("The U.S. firm grew 2.5 pct. Sales rose.", ["The U.S. firm grew 2.5 pct.", "Sales rose."]),
        ("Mr. Smith left Acme Corp. on Monday. He joined Initech.",
         ["Mr. Smith left Acme Corp. on Monday.", "He joined Initech."]),
        ("It opened in the U.S. The shares rose.", ["It opened in the U.S.", "The shares rose."]),
        ('"We are happy," he said. "Very happy."', ['"We are happy," he said.', '"Very happy."']),
        ("Is it done? Yes! Fine.", ["Is it done?", "Yes!", "Fine."]),
        # a German ordinal before a month or a counted noun ends no sentence; a number at the end does
        ("Die Fusion gilt ab dem 1. Juli 2027. Sie ist genehmigt.", ["Die Fusion gilt ab dem 1. Juli 2027.", "Sie ist genehmigt."]),
        ("Der Umsatz stieg im 3. Quartal. Gut so.", ["Der Umsatz stieg im 3. Quartal.", "Gut so."]),
        ("Es waren 12. Danach kam nichts.", ["Es waren 12.", "Danach kam nichts."]),
        ("The deal closed on March 1. Shares rose.", ["The deal closed on March 1.", "Shares rose."]),
    ],
)
def test_split(body: str, expected: list[str]) -> None:
    assert texts(body) == expected


@pytest.mark.parametrize(
    "line",
    ["listen Print view", "(Image: Shutterstock)", "2 min. read", "Videos by heise",
     "Don't miss any news – follow us on Facebook, LinkedIn or Mastodon.", "(nen)"],
)
def test_junk_lines(line: str) -> None:
    assert is_junk_line(line)


def test_prose_is_not_junk() -> None:
    assert not is_junk_line("Google wants to reduce its expenditure at Scale AI.")


def test_paragraphs_and_offsets() -> None:
    body = "First one. Second one.\n\nlisten Print view\n\nThird one."
    sents = split_sentences(body)
    assert [s.text for s in sents] == ["First one.", "Second one.", "Third one."]
    assert [s.paragraph for s in sents] == [0, 0, 2]
    assert all(body[s.start:s.start + len(s.text)] == s.text for s in sents)


def test_hard_wrapped_paragraph_joins() -> None:
    body = "Oracle agreed to buy\ncerner for $28bn. It closed."
    assert texts(body) == ["Oracle agreed to buy\ncerner for $28bn.", "It closed."]
