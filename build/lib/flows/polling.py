"""Polling feeds and fetching pages: the network half of a run, free of Prefect.

poll_feed() turns one feed row into a FeedState (written back to the feeds table) and its entries;
plan_pages() keeps the entries never seen before; fetch_page() gets one page's HTML. The
*_concurrently functions do many at once: the flow calls them, and so do Dask workers;
fetch_pages_streaming() hands pages over as they arrive, for the local reading workers.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import datetime, timezone
from itertools import islice
from urllib.parse import urljoin

from extract.errors import DealwatchError, FetchError
from extract.feeds import FeedEntry, parse_feed
from extract.urls import canonical_url, is_http_url
from flows.backoff import next_poll_after
from flows.config import FetchSettings, PollSettings
from flows.fetch import Fetcher, FetchResult
from flows.reading import PageInput
from storage.writes import FeedState

log = logging.getLogger("dealwatch.polling")


@dataclass
class FeedRow:
    """The stored state of a feed that a poll needs."""

    url: str
    name: str | None
    etag: str | None
    last_modified: str | None
    consecutive_failures: int


@dataclass
class FeedPoll:
    """What polling one feed produced."""

    state: FeedState
    entries: list[FeedEntry] = field(default_factory=list)
    not_modified: bool = False


@dataclass
class PageJob:
    """A new article to read: from the feed's full content, or by fetching its page."""

    url: str                      # canonical URL: the article's key
    fetch_url: str                # the link as the feed gives it, resolved against the feed URL
    guid: str | None
    feed_url: str
    title: str | None
    published_at: datetime | None
    content: str | None = None    # the feed's full article HTML, when it carries one


QUICK_FAILURE_SECONDS = 5.0   # a transient failure faster than this is retried within the run
MAX_RETRY_WAIT = 30.0         # a server asking for a longer wait is tried again on a later run


def get_with_retries(get: Callable[[], FetchResult], *, retries: int,
                     sleep: Callable[[float], None] = time.sleep) -> FetchResult:
    """Returns get(), retrying quick transient failures up to `retries` times, 0.5 s, 1 s, … apart.

    Like flows.fetch.retry_call, but a transient failure that took long (a timeout, a trickling
    server) is not retried within the run: the feed's next poll retries it, and one slow host does
    not hold a worker for several timeouts. Terminal failures (404, blocked, too large) raise at once.
    """
    for attempt in range(retries + 1):
        started = time.monotonic()
        try:
            return get()
        except FetchError as exc:
            slow = time.monotonic() - started > QUICK_FAILURE_SECONDS
            delay = max(0.5 * 2 ** attempt, exc.retry_after or 0.0)
            if not exc.transient or slow or attempt == retries or delay > MAX_RETRY_WAIT:
                raise
            log.debug("retrying in %.1fs after: %s", delay, exc)
            sleep(delay)
    raise AssertionError("unreachable")


def poll_feed(fetcher: Fetcher, feed: FeedRow, poll_settings: PollSettings,
              now: datetime | None = None) -> FeedPoll:
    """Fetches and parses one feed, timed; never raises for the feed's own faults, it records them."""
    now = now or datetime.now(timezone.utc)
    started = time.perf_counter()
    poll = _poll(fetcher, feed, poll_settings, now)
    poll.state.duration_ms = round((time.perf_counter() - started) * 1000)
    return poll


def _poll(fetcher: Fetcher, feed: FeedRow, poll: PollSettings, now: datetime) -> FeedPoll:
    try:
        result = get_with_retries(lambda: fetcher.get(feed.url, etag=feed.etag,
                                                      last_modified=feed.last_modified, kind="feed"),
                                  retries=fetcher.settings.retries)
        if result.not_modified:
            state = FeedState(
                url=feed.url, polled_at=now, status=result.status, ok=True, error=None,
                next_poll_at=next_poll_after(now, ok=True, consecutive_failures=0, settings=poll,
                                             retry_after=result.retry_after, max_age=result.max_age,
                                             ttl_minutes=None),
                etag=result.etag, last_modified=result.last_modified)
            return FeedPoll(state, not_modified=True)
        parsed = parse_feed(result.body, url=result.url, content_type=result.content_type)
    except DealwatchError as exc:
        return failed_poll(feed, poll, str(exc), now,
                           retry_after=exc.retry_after if isinstance(exc, FetchError) else None,
                           status=exc.status if isinstance(exc, FetchError) else None)
    # A feed read leniently still counts as healthy, but the reason is kept on its row.
    warning = f"read with warnings: {'; '.join(parsed.warnings)}" if parsed.warnings else None
    state = FeedState(
        url=feed.url, polled_at=now, status=result.status, ok=True, error=warning,
        next_poll_at=next_poll_after(now, ok=True, consecutive_failures=0, settings=poll,
                                     retry_after=result.retry_after, max_age=result.max_age,
                                     ttl_minutes=parsed.ttl_minutes),
        etag=result.etag, last_modified=result.last_modified, title=parsed.title,
        items_seen=len(parsed.entries), moved_to=result.permanent_url)
    log.debug("feed %s: %d entries", feed.url, len(parsed.entries))
    return FeedPoll(state, entries=parsed.entries)


def failed_poll(feed: FeedRow, poll: PollSettings, reason: str, now: datetime, *,
                retry_after: float | None = None, status: int | None = None) -> FeedPoll:
    """Returns the poll of a feed that failed for `reason`: backed off, the reason on its row."""
    failures = feed.consecutive_failures + 1
    next_at = next_poll_after(now, ok=False, consecutive_failures=failures, settings=poll,
                              retry_after=retry_after, max_age=None, ttl_minutes=None)
    message = f"{reason} (failure {failures}; next try {next_at:%Y-%m-%d %H:%M} UTC)"
    log.debug("feed %s: %s", feed.url, message)   # the flow logs one line per feed
    return FeedPoll(FeedState(url=feed.url, polled_at=now, status=status, ok=False,
                              error=message, next_poll_at=next_at))


def poll_feeds_concurrently(settings: FetchSettings, poll: PollSettings, feeds: list[FeedRow],
                            on_done: Callable[[], None] = lambda: None) -> list[FeedPoll]:
    """Polls the feeds, fetch.concurrency at a time, in one guarded client; keeps input order."""
    def one(feed: FeedRow) -> FeedPoll:
        result = poll_feed(fetcher, feed, poll)
        on_done()
        return result

    with Fetcher(settings) as fetcher, \
            ThreadPoolExecutor(max_workers=max(1, settings.concurrency)) as pool:
        return list(pool.map(one, feeds))


def page_jobs(feed_url: str, entries: list[FeedEntry]) -> list[PageJob]:
    """Returns one job per entry that links somewhere, keyed by canonical URL."""
    jobs = []
    for entry in entries:
        link = entry.url or (entry.guid if entry.guid and entry.guid.startswith("http") else None)
        if not link:
            continue
        fetch_url = urljoin(feed_url, link)
        if not is_http_url(fetch_url):
            continue
        jobs.append(PageJob(
            url=canonical_url(fetch_url), fetch_url=fetch_url, guid=entry.guid, feed_url=feed_url,
            title=entry.title, published_at=entry.published_at,
            content=entry.content if entry.has_full_text else None))
    return jobs


def plan_pages(jobs: list[PageJob], seen_urls: set[str], seen_guids: set[str]) -> list[PageJob]:
    """Returns the jobs not seen before (by GUID or canonical URL), each URL once."""
    planned: dict[str, PageJob] = {}
    for job in jobs:
        if job.url in seen_urls or (job.guid and job.guid in seen_guids) or job.url in planned:
            continue
        planned[job.url] = job
    return list(planned.values())


FetchedPage = tuple[PageJob, PageInput | None, str | None, bool]


def _fetched(fetcher: Fetcher, job: PageJob, on_done: Callable[[], None]) -> FetchedPage:
    """Returns (job, input, error, transient) for one job; input is None when the page could not be had."""
    if job.content:
        return job, PageInput(job.url, fragment=job.content, title=job.title), None, False
    body, error = fetch_page(fetcher, job)
    on_done()
    if error is not None:
        return job, None, str(error), isinstance(error, FetchError) and error.transient
    return job, PageInput(job.url, html=body, title=job.title, published=job.published_at), None, False


def fetch_pages_concurrently(settings: FetchSettings, jobs: list[PageJob],
                             on_done: Callable[[], None] = lambda: None) -> list[FetchedPage]:
    """Fetches the pages of the jobs (feeds with full text need none), fetch.concurrency at a time.

    Returns (job, input, error, transient) per job, in order; input is None when the page could not
    be had.
    """
    with Fetcher(settings) as fetcher, \
            ThreadPoolExecutor(max_workers=max(1, settings.concurrency)) as pool:
        return list(pool.map(lambda job: _fetched(fetcher, job, on_done), jobs))


FETCH_AHEAD = 64   # pages fetched ahead of the caller, at most


def fetch_pages_streaming(settings: FetchSettings, jobs: list[PageJob],
                          on_done: Callable[[], None] = lambda: None) -> Iterator[FetchedPage]:
    """Yields (job, input, error, transient) per job in the order the pages arrive, fetching
    fetch.concurrency at a time and at most FETCH_AHEAD pages ahead of what the caller has taken
    (so a long run holds few pages in memory)."""
    todo = iter(jobs)
    with Fetcher(settings) as fetcher, \
            ThreadPoolExecutor(max_workers=max(1, settings.concurrency)) as pool:
        running: set = set()
        while True:
            running.update(pool.submit(_fetched, fetcher, job, on_done)
                           for job in islice(todo, FETCH_AHEAD - len(running)))
            if not running:
                return
            done, running = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()


def fetch_page(fetcher: Fetcher, job: PageJob) -> tuple[bytes | None, DealwatchError | None]:
    """Returns (html, None) for a fetched page, or (None, error) when it could not be fetched."""
    try:
        result = get_with_retries(lambda: fetcher.get(job.fetch_url, kind="page"),
                                  retries=fetcher.settings.retries)
    except DealwatchError as exc:
        log.debug("page %s: %s", job.fetch_url, exc)
        return None, exc
    return result.body, None
