"""Retries within a run: quick transient failures only, with growing waits."""

from __future__ import annotations

import time

import pytest

from extract.errors import FetchError, TooLargeError
from flows.polling import get_with_retries


class Flaky:
    """Fails with the given errors in turn, then returns 'ok'; each failure takes `takes` seconds."""

    def __init__(self, *errors: FetchError, takes: float = 0.0):
        self.errors = list(errors)
        self.calls = 0
        self.takes = takes

    def __call__(self):
        self.calls += 1
        if self.errors:
            time.sleep(self.takes)
            raise self.errors.pop(0)
        return "ok"


def test_quick_transient_failures_are_retried_with_backoff():
    waits: list[float] = []
    get = Flaky(FetchError("503", transient=True, status=503), FetchError("reset", transient=True))
    assert get_with_retries(get, retries=2, sleep=waits.append) == "ok"
    assert (get.calls, waits) == (3, [0.5, 1.0])


def test_retry_after_is_honoured_and_a_long_one_left_to_the_next_poll():
    waits: list[float] = []
    get = Flaky(FetchError("429", transient=True, status=429, retry_after=3.0))
    assert get_with_retries(get, retries=2, sleep=waits.append) == "ok" and waits == [3.0]
    get = Flaky(FetchError("429", transient=True, status=429, retry_after=600.0))
    with pytest.raises(FetchError, match="429"):
        get_with_retries(get, retries=2, sleep=waits.append)
    assert get.calls == 1


@pytest.mark.parametrize("error", [FetchError("404", status=404), TooLargeError("too large")])
def test_terminal_failures_are_not_retried(error):
    get = Flaky(error)
    with pytest.raises(FetchError):
        get_with_retries(get, retries=2, sleep=lambda s: None)
    assert get.calls == 1


def test_a_slow_transient_failure_waits_for_the_next_poll(monkeypatch):
    monkeypatch.setattr("flows.polling.QUICK_FAILURE_SECONDS", 0.05)
    get = Flaky(FetchError("timed out", transient=True), takes=0.1)
    with pytest.raises(FetchError, match="timed out"):
        get_with_retries(get, retries=2, sleep=lambda s: None)
    assert get.calls == 1


def test_retries_give_up_after_the_configured_number():
    get = Flaky(*[FetchError("503", transient=True)] * 5)
    with pytest.raises(FetchError):
        get_with_retries(get, retries=2, sleep=lambda s: None)
    assert get.calls == 3
