"""The poll schedule: interval on success, exponential backoff on failure, server hints."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from flows.backoff import next_poll_after
from flows.config import PollSettings

NOW = datetime(2024, 3, 5, 12, 0, tzinfo=timezone.utc)
POLL = PollSettings(interval_minutes=15, max_backoff_minutes=24 * 60)


def after(**kw) -> float:
    args = dict(ok=True, consecutive_failures=0, settings=POLL, retry_after=None, max_age=None,
                ttl_minutes=None)
    return (next_poll_after(NOW, **{**args, **kw}) - NOW) / timedelta(minutes=1)


def test_success_uses_interval():
    assert after() == 15


@pytest.mark.parametrize("failures, minutes", [
    (1, 15), (2, 30), (3, 60), (4, 120), (5, 240), (6, 480), (7, 960), (8, 1440), (9, 1440),
    (50, 1440), (10_000, 1440),
])
def test_failure_doubles_up_to_the_cap_and_never_gives_up(failures, minutes):
    assert after(ok=False, consecutive_failures=failures) == minutes


def test_failure_count_zero_is_treated_as_first_failure():
    assert after(ok=False, consecutive_failures=0) == 15


@pytest.mark.parametrize("kw, minutes", [
    (dict(max_age=3600), 60),              # Cache-Control max-age is a lower bound
    (dict(max_age=60), 15),                # ...never a reason to poll more often
    (dict(ttl_minutes=120), 120),          # RSS <ttl>
    (dict(ttl_minutes=120, max_age=7200), 120),
    (dict(ttl_minutes=60 * 24 * 7), 1440),  # a week-long ttl is capped
    (dict(retry_after=1800), 30),
    (dict(ok=False, consecutive_failures=1, retry_after=3600), 60),   # 429 Retry-After
    (dict(ok=False, consecutive_failures=4, retry_after=60), 120),    # backoff already longer
    (dict(ok=False, consecutive_failures=1, retry_after=10 * 86400), 1440),  # capped
    (dict(max_age=0, ttl_minutes=0, retry_after=0), 15),
])
def test_server_hints(kw, minutes):
    assert after(**kw) == minutes


def test_custom_settings():
    poll = PollSettings(interval_minutes=5, max_backoff_minutes=60)
    assert after(settings=poll, ok=False, consecutive_failures=10) == 60
    assert after(settings=poll) == 5
