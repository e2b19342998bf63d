"""Reading pages: one page that hangs is skipped with its reason, the others are read."""

from __future__ import annotations

import re
import time

import pytest

from flows.reading import PAGE_SECONDS, PageInput, PageTimeout, _read_chunk, deadline
from tests.conftest import SEEDS


def test_deadline_interrupts_catastrophic_backtracking():
    started = time.monotonic()
    with pytest.raises(PageTimeout):
        with deadline(0.3):
            re.match(r"(a+)+$", "a" * 40 + "b")   # exponential: hours without a limit
    assert time.monotonic() - started < 5


def test_deadline_leaves_a_quick_block_alone():
    with deadline(5):
        value = sum(range(1000))
    assert value == 499500
    time.sleep(0.01)   # the timer was cancelled: no alarm arrives after the block


def test_a_page_over_the_limit_is_skipped_and_the_next_one_read(monkeypatch):
    import flows.reading as reading

    seed = (SEEDS / "scale-ai-google-withdraws.html").read_bytes()
    monkeypatch.setattr(reading, "PAGE_SECONDS", 1e-6)   # no page can be read that fast
    [late] = _read_chunk([PageInput("http://127.0.0.1/late.html", html=seed)])
    assert late.article is None
    assert late.error == ("reading took longer than 1e-06s (extraction or detection stuck); "
                          "article skipped")
    monkeypatch.setattr(reading, "PAGE_SECONDS", PAGE_SECONDS)
    [ok] = _read_chunk([PageInput("http://127.0.0.1/seed.html", html=seed)])
    assert ok.error is None and len(ok.events) == 4
