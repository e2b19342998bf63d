"""When to poll a feed next: a pure policy, no clock and no I/O.

    next_poll_after(now, ok=False, consecutive_failures=3, settings=poll,
                    retry_after=None, max_age=None, ttl_minutes=None)
    # -> now + 15 min * 2**2 = now + 60 min (with the default 15-minute interval)

- Success: the normal interval, or longer when the feed asks for it (Cache-Control max-age, RSS
  <ttl>, Retry-After), but never longer than max_backoff_minutes: a feed asking for a week is
  still looked at daily.
- Failure: `consecutive_failures` counts this failure too (1 after the first failure; 0 is read
  as 1). The interval is doubled per failure beyond the first (15, 30, 60, ... min),
  capped at max_backoff_minutes. A failing feed keeps being retried at the cap; it is never
  abandoned. Retry-After (429/503) is a lower bound, capped the same way.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from flows.config import PollSettings

MAX_DOUBLINGS = 32  # 2**32 intervals is past any sane cap; keeps the arithmetic small


def poll_delay_minutes(*, ok: bool, consecutive_failures: int, settings: PollSettings,
                       retry_after: float | None = None, max_age: float | None = None,
                       ttl_minutes: int | None = None) -> float:
    """Returns the minutes to wait before the next poll (see the module docstring)."""
    interval = max(1.0, float(settings.interval_minutes))
    cap = max(interval, float(settings.max_backoff_minutes))
    if ok:
        delay = interval
        hints = [max_age / 60 if max_age else None, float(ttl_minutes) if ttl_minutes else None]
        delay = max([delay, *(h for h in hints if h is not None and h > 0)])
    else:
        doublings = min(max(consecutive_failures, 1) - 1, MAX_DOUBLINGS)
        delay = interval * 2 ** doublings
    if retry_after is not None and retry_after > 0:
        delay = max(delay, retry_after / 60)
    return min(delay, cap)


def next_poll_after(now: datetime, *, ok: bool, consecutive_failures: int, settings: PollSettings,
                    retry_after: float | None, max_age: float | None,
                    ttl_minutes: int | None) -> datetime:
    """Returns when the feed is due again: `now` plus poll_delay_minutes(...)."""
    minutes = poll_delay_minutes(ok=ok, consecutive_failures=consecutive_failures,
                                 settings=settings, retry_after=retry_after, max_age=max_age,
                                 ttl_minutes=ttl_minutes)
    return now + timedelta(minutes=minutes)
