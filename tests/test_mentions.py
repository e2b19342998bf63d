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
