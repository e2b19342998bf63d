"""The monitoring flow: poll due feeds → fetch new pages → read them → store → alert.

One Prefect task per stage and batch of pages (never per article: a task run costs ~35 ms of
bookkeeping, more than reading a page). The flow completes with a summary even when feeds fail; it
fails only when the run cannot proceed at all (config or database unusable).
"""

from __future__ import annotations

import fcntl
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from extract.errors import DealwatchError
from flows.alerts import run_alerts
from flows.cluster import Cluster, open_cluster
from flows.config import Settings, load_settings
from flows.polling import (FeedPoll, FeedRow, FetchedPage, PageJob, fetch_pages_streaming, page_jobs,
                           plan_pages, poll_feeds_concurrently)
from flows.progress import advance
from flows.reading import PageInput, PageOutput, ReadingPool
from flows.report import MAX_ROWS, publish_report, report_order
from flows.showconfig import mask_url, mask_urls
from storage.db import connect, transaction
from storage.runs import RunRecord, record_run
from storage.writes import ArticleRow, known_articles, store_batch_or_rows, sync_feeds
from storage.writes import record_polls as record_polls_in

BATCH_PAGES = 200     # articles stored per transaction
MAX_STORE_PAGES = 2000   # on a Dask cluster: the largest batch stored at once (see _read_on_cluster)
READ_TIMEOUT = 1800   # seconds the flow waits for the workers to finish any page before the run fails


@dataclass
class RunSummary:
    """What one run did, counted per stage."""

    feeds_polled: int = 0
    feeds_not_modified: int = 0
    feeds_failed: int = 0
    new_articles: int = 0
    articles_failed: int = 0
    new_events: dict[str, int] = field(default_factory=dict)
    new_stories: int = 0
    alerts_sent: int = 0
    alerts_pending: int = 0
    skipped: str | None = None            # why the run did nothing (another run holds the lock)
    seconds: dict[str, float] = field(default_factory=dict)      # wall time per stage, see StageClock
    cpu_seconds: dict[str, float] = field(default_factory=dict)  # workers' CPU: extract, detect
    errors: list[str] = field(default_factory=list)
    # The report's rows: the first MAX_ROWS new events in report order, not all of them, so that
    # a run's memory does not grow with the articles it reads (new_events has the counts).
    new_event_rows: list[dict] = field(default_factory=list)

    def keep_for_report(self, rows: list[dict]) -> None:
        """Adds new event rows, keeping only the MAX_ROWS that come first in the report."""
        self.new_event_rows = sorted(self.new_event_rows + rows, key=report_order)[:MAX_ROWS]

    def as_dict(self) -> dict:
        d = asdict(self)
        d.pop("new_event_rows")
        return d


class StageClock:
    """Where the flow's time goes, per stage: poll, fetch, extract, detect, store, alert.

    Every second of the flow's thread counts once: inside a task's body (the task adds it), waiting
    for a batch's pages or for the reading workers (fetch, extract, detect: the part that the
    overlap of the stages did not hide), or else orchestration (Prefect's flow and task runs, and
    the flow's own glue). A plain class, not a dataclass: Prefect passes it to tasks as it is,
    rather than rebuilding it, so the flow sees what the tasks add.
    """

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.cpu: dict[str, float] = {}    # worker CPU seconds: extract, detect

    def add(self, stage: str, seconds: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + seconds

    @contextmanager
    def stage(self, name: str):
        """Times the block as part of stage `name`."""
        started = time.perf_counter()
        try:
            yield
        finally:
            self.add(name, time.perf_counter() - started)

    def add_reading(self, waited: float, outputs: list[PageOutput]) -> None:
        """Adds the time the flow waited for pages to be read, split into extract and detect in
        the proportion of the workers' CPU time for each; and that CPU time to `cpu`."""
        extract = sum(o.extract_seconds for o in outputs)
        detect = sum(o.detect_seconds for o in outputs)
        self.add("extract", waited * extract / (extract + detect) if extract + detect else waited)
        self.add("detect", waited * detect / (extract + detect) if extract + detect else 0.0)
        self.cpu["extract"] = self.cpu.get("extract", 0.0) + extract
        self.cpu["detect"] = self.cpu.get("detect", 0.0) + detect

    STAGES = ("poll", "fetch", "extract", "detect", "store", "alert")

    def summary(self, run_seconds: float) -> dict[str, float]:
        """Returns the time of every stage, plus orchestration: the run's time outside them."""
        out = {k: round(self.seconds.get(k, 0.0), 3) for k in (*self.STAGES, *self.seconds)}
        out["orchestration"] = round(max(0.0, run_seconds - sum(self.seconds.values())), 3)
        return out


@contextmanager
def run_lock(db_path: str):
    """Yields True while this process holds the run lock for db_path, False when another run does."""
    lock_path = Path(f"{db_path}.lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# ---------------------------------------------------------------- tasks

@task(name="select-feeds", timeout_seconds=120, cache_policy=NO_CACHE)
def select_feeds(settings: Settings, all_feeds: bool, clock: StageClock) -> list[FeedRow]:
    """Adds the config's feeds to the database and returns those due for a poll."""
    with clock.stage("poll"), connect(settings.database) as con:
        with transaction(con):
            sync_feeds(con, [(f.url, f.name) for f in settings.feeds], origin="config")
        sql = "SELECT url, name, etag, last_modified, consecutive_failures FROM feeds"
        params: list = []
        if not all_feeds:
            sql += " WHERE next_poll_at IS NULL OR next_poll_at <= ?"
            params.append(datetime.now(timezone.utc))
        return [FeedRow(*row) for row in con.execute(sql + " ORDER BY url", params).fetchall()]


@task(name="poll-feeds", timeout_seconds=900, cache_policy=NO_CACHE)
def poll_feeds(settings: Settings, feeds: list[FeedRow], clock: StageClock,
               cluster: Cluster | None = None) -> list[FeedPoll]:
    """Polls every given feed concurrently, here or on the cluster; a broken feed yields a failed
    state, not an exception.

    Transient failures are retried inside the poll (fetch.retries, with backoff); logs one line
    per feed.
    """
    with clock.stage("poll"):
        if cluster is not None:
            polls = cluster.poll(settings.fetch, settings.poll, feeds)
        else:
            polls = poll_feeds_concurrently(settings.fetch, settings.poll, feeds,
                                            lambda: advance("feeds polled", total=len(feeds)))
    log = get_run_logger()
    for p in polls:
        if not p.state.ok:
            log.warning("%s", _feed_error(p))
        elif p.not_modified:
            log.info("feed %s: not modified", mask_url(p.state.url))
        else:
            log.info("feed %s: %d entries", mask_url(p.state.url), len(p.entries))
    return polls


@task(name="plan-pages", timeout_seconds=300, cache_policy=NO_CACHE)
def plan_new_pages(settings: Settings, polls: list[FeedPoll], clock: StageClock) -> list[PageJob]:
    """Returns the polled entries not seen before (read-only: nothing is recorded yet)."""
    jobs = [job for p in polls for job in page_jobs(p.state.url, p.entries)]
    if not jobs:
        return []
    with clock.stage("store"), connect(settings.database) as con:
        seen_urls, seen_guids = known_articles(con, (j.url for j in jobs), (j.guid for j in jobs))
    return plan_pages(jobs, seen_urls, seen_guids)


@task(name="record-polls", timeout_seconds=300, cache_policy=NO_CACHE)
def record_polls(settings: Settings, polls: list[FeedPoll], jobs: list[PageJob],
                 clock: StageClock) -> None:
    """Stores each feed's poll outcome, its validators and next poll time, and its history row.

    Called after the feed's new pages are stored: a run killed before then leaves the feed due with
    its old ETag, so the next run polls it again and reads the entries this one did not finish.
    """
    new_by_feed: dict[str, int] = {}
    for job in jobs:
        new_by_feed[job.feed_url] = new_by_feed.get(job.feed_url, 0) + 1
    with clock.stage("store"), connect(settings.database) as con:
        with transaction(con):
            for p in polls:
                p.state.new_entries = new_by_feed.get(p.state.url, 0)
            # A password or token in a feed URL stays out of the stored error columns too.
            record_polls_in(con, [replace(p.state, error=mask_urls(p.state.error)) for p in polls])


@dataclass
class StoredBatch:
    """What storing a batch added. One object rather than its rows: for the whole flow run, Prefect
    keeps a record of every element of a list a task returns (thousands of rows over a long run)."""

    new_events: dict[str, int] = field(default_factory=dict)
    stories: set[str] = field(default_factory=set)
    report_rows: list[dict] = field(default_factory=list)   # the first MAX_ROWS in report order
    rejected: list[str] = field(default_factory=list)       # articles the database refused, and why


@task(name="store", timeout_seconds=600, cache_policy=NO_CACHE)
def store_batch(settings: Settings, rows: list[ArticleRow],
                outputs: list[PageOutput], clock: StageClock) -> StoredBatch:
    """Writes a batch of articles and their events in one transaction, or row by row when that
    fails; returns what was new and why each rejected article was rejected."""
    by_url = {r.url: r for r in rows}
    found = []
    for out in outputs:
        if out.article is not None:
            # The feed's timestamp is exact; a page's date is often a day without a time.
            published = by_url[out.url].published_at or out.article.published_at
            found += [(out.url, published, ev) for ev in out.events]
    stored = StoredBatch()
    with clock.stage("store"), connect(settings.database) as con:
        new_ids, stored.rejected = store_batch_or_rows(con, rows, found)
        if not new_ids:
            return stored
        cur = con.execute("SELECT * FROM events WHERE event_id IN (SELECT unnest(?::VARCHAR[]))",
                          [new_ids])
        cols = [d[0] for d in cur.description]
        new_rows = [dict(zip(cols, r)) for r in cur.fetchall()]
    for r in new_rows:
        stored.new_events[r["event_type"]] = stored.new_events.get(r["event_type"], 0) + 1
        stored.stories.add(r["story_id"])
    stored.report_rows = sorted(new_rows, key=report_order)[:MAX_ROWS]
    return stored


@task(name="alert", timeout_seconds=600, cache_policy=NO_CACHE)
def alert(settings: Settings, clock: StageClock) -> tuple[int, int, list[str]]:
    """Queues alerts for new stories and delivers everything pending; returns (sent, pending, errors)."""
    with clock.stage("alert"):
        outcome = run_alerts(settings)
    return outcome.sent, outcome.pending, outcome.errors


@task(name="record-run", timeout_seconds=120, cache_policy=NO_CACHE)
def record(settings: Settings, run: RunRecord, wait: float = 10.0) -> None:
    """Stores the run's summary in the `runs` table, for `dealwatch status`."""
    with connect(settings.database, wait=wait) as con:
        record_run(con, run)


# ---------------------------------------------------------------- the flow

def _feed_error(poll: FeedPoll) -> str:
    """Returns a failed poll's error, naming the feed once, a password or token in its URL masked.

    It goes to the log, the run's summary and its Prefect report, which must hold no secret.
    """
    url, shown = poll.state.url, mask_url(poll.state.url)
    error = (poll.state.error or "failed").replace(url, shown)
    return error if shown in error else f"feed {shown}: {error}"


def _rows_for(fetched, outputs: dict[str, PageOutput]) -> list[ArticleRow]:
    rows = []
    for job, page, error, transient in fetched:
        out = outputs.get(job.url)
        if page is None or out is None or out.article is None:
            reason = error or (out.error if out else "not read")
            rows.append(ArticleRow(url=job.url, guid=job.guid, feed_url=job.feed_url,
                                   status="failed" if transient else "skipped",
                                   title=job.title, published_at=job.published_at, error=mask_urls(reason)))
        else:
            rows.append(ArticleRow(url=job.url, guid=job.guid, feed_url=job.feed_url, status="ok",
                                   article=out.article, title=job.title,
                                   published_at=job.published_at, error=mask_urls(out.error)))
    return rows


def _store(settings: Settings, clock: StageClock, summary: RunSummary, new_stories: set[str],
           fetched, outputs: list[PageOutput]) -> None:
    """Stores a batch's articles and events, and counts them in summary."""
    by_url = {o.url: o for o in outputs}
    rows = _rows_for(fetched, by_url)
    stored = store_batch(settings, rows, list(by_url.values()), clock)
    summary.errors += stored.rejected
    summary.new_articles += sum(r.status == "ok" for r in rows) - len(stored.rejected)
    summary.articles_failed += sum(r.status != "ok" for r in rows) + len(stored.rejected)
    for kind, n in stored.new_events.items():
        summary.new_events[kind] = summary.new_events.get(kind, 0) + n
    new_stories |= stored.stories
    summary.keep_for_report(stored.report_rows)


def _read_here(settings: Settings, jobs: list[PageJob], clock: StageClock, summary: RunSummary,
               new_stories: set[str]) -> None:
    """Fetches, reads and stores the pages on this machine, streaming them through the stages.

    Threads fetch pages a bounded number ahead; the worker processes read them in small chunks as
    they arrive; this thread stores what they read, BATCH_PAGES pages per transaction, while they
    go on with the pages queued. A killed run loses only the pages not yet stored: their feeds are
    recorded as polled after this, so the next run reads them again.
    """
    handed: dict[str, FetchedPage] = {}   # pages given to the workers, by URL
    fetched: list[FetchedPage] = []       # the next batch: pages read, or not fetched
    outputs: list[PageOutput] = []

    def readable() -> Iterator[PageInput]:
        pages = fetch_pages_streaming(settings.fetch, jobs,
                                      lambda: advance("articles fetched", total=len(jobs)))
        while True:
            with clock.stage("fetch"):   # the part of fetching that reading did not hide
                item = next(pages, None)
            if item is None:
                return
            if item[1] is None:
                fetched.append(item)
            else:
                handed[item[0].url] = item
                yield item[1]

    with ReadingPool(settings.fetch.workers) as pool:
        chunks = pool.stream(readable(), total=len(jobs), timeout=READ_TIMEOUT)
        while True:
            started, fetching = time.perf_counter(), clock.seconds.get("fetch", 0.0)
            chunk = next(chunks, None)
            if chunk is None:
                break
            clock.add_reading(time.perf_counter() - started - (clock.seconds.get("fetch", 0.0) - fetching),
                              chunk)
            advance("articles read", total=len(jobs), step=len(chunk))
            fetched += [handed.pop(out.url) for out in chunk]
            outputs += chunk
            if len(fetched) >= BATCH_PAGES:
                _store(settings, clock, summary, new_stories, fetched, outputs)
                fetched, outputs = [], []
        if fetched:
            _store(settings, clock, summary, new_stories, fetched, outputs)


def _read_on_cluster(settings: Settings, cluster: Cluster, jobs: list[PageJob], clock: StageClock,
                     summary: RunSummary, new_stories: set[str]) -> None:
    """Has the cluster fetch and read the pages; stores them as they stream back.

    A batch is every page finished since the last store, at least BATCH_PAGES, at most
    MAX_STORE_PAGES: a store has a fixed cost besides its pages (the writer takes about twice as
    many pages a second in batches of 2,000 as of 200, docs/scaling.md), so when the writer falls
    behind, its batches grow instead of the cluster waiting. A killed run loses no more than
    the pages in flight and in the batch being stored; they are read again on the next run.
    """
    waiting = time.perf_counter()
    for fetched, outputs in cluster.read(settings.fetch, jobs, min_pages=BATCH_PAGES,
                                         max_pages=MAX_STORE_PAGES):
        clock.add_reading(time.perf_counter() - waiting, outputs)
        advance("articles read", total=len(jobs), step=len(fetched))
        _store(settings, clock, summary, new_stories, fetched, outputs)
        waiting = time.perf_counter()


def _one_pass(settings: Settings, all_feeds: bool, summary: RunSummary) -> None:
    """Polls the due feeds, reads their new articles, stores them and alerts; counts into summary.

    With run.executor = "dask", the cluster polls and reads; it is reached, and its workers
    checked, before any feed is polled.
    """
    clock, started = StageClock(), time.perf_counter()
    with open_cluster(settings.run) as cluster:
        feeds = select_feeds(settings, all_feeds, clock)
        polls = poll_feeds(settings, feeds, clock, cluster)
        summary.feeds_polled = len(polls)
        summary.feeds_not_modified = sum(p.not_modified for p in polls)
        summary.feeds_failed = sum(not p.state.ok for p in polls)
        summary.errors += [_feed_error(p) for p in polls if not p.state.ok]
        jobs = plan_new_pages(settings, polls, clock)
        for p in polls:
            p.entries = []   # their summaries and full texts are in the jobs now; free them
        new_stories: set[str] = set()
        if cluster is None:
            _read_here(settings, jobs, clock, summary, new_stories)
        else:
            _read_on_cluster(settings, cluster, jobs, clock, summary, new_stories)
    record_polls(settings, polls, jobs, clock)
    summary.new_stories = len(new_stories)
    summary.alerts_sent, summary.alerts_pending, alert_errors = alert(settings, clock)
    summary.errors += alert_errors
    summary.seconds = clock.summary(time.perf_counter() - started)
    summary.cpu_seconds = {k: round(v, 3) for k, v in clock.cpu.items()}


def describe(summary: RunSummary) -> str:
    """Returns the one log line of a run: 'run done in 3.2 s: 4 feeds polled (1 failed), …'."""
    if summary.skipped:
        return f"run skipped: {summary.skipped}"
    events = ", ".join(f"{k} {v}" for k, v in sorted(summary.new_events.items())) or "none"
    return (f"run done in {summary.seconds.get('total', 0):.1f} s: {summary.feeds_polled} feeds polled "
            f"({summary.feeds_not_modified} not modified, {summary.feeds_failed} failed), "
            f"{summary.new_articles} new articles ({summary.articles_failed} failed), "
            f"new events: {events}, {summary.new_stories} new stories, "
            f"alerts {summary.alerts_sent} sent / {summary.alerts_pending} pending")


def run_pipeline(settings: Settings, *, all_feeds: bool = False) -> RunSummary:
    """Runs one monitoring pass with the given settings (inside a flow run) and returns its summary.

    The summary is also stored in the `runs` table, logged in one line and published as the
    `dealwatch-run` markdown artifact. A run that finds another run going does nothing but say so.
    """
    from prefect.runtime import flow_run

    log = get_run_logger()
    run = RunRecord(run_id=str(flow_run.id or uuid.uuid4()), started_at=datetime.now(timezone.utc),
                    finished_at=datetime.now(timezone.utc), summary={}, all_feeds=all_feeds)
    started = time.perf_counter()
    summary = RunSummary()
    with run_lock(settings.database) as mine:
        if mine:
            _one_pass(settings, all_feeds, summary)
            summary.seconds["total"] = round(time.perf_counter() - started, 3)
            run.finished_at, run.summary = datetime.now(timezone.utc), summary.as_dict()
            record(settings, run)
    if not mine:
        summary.skipped = "another run on this database is still in progress"
        log.warning("run skipped: %s (%s)", summary.skipped, settings.database)
        summary.seconds["total"] = round(time.perf_counter() - started, 3)
        run.finished_at, run.summary = datetime.now(timezone.utc), summary.as_dict()
        try:   # the other run may be writing; a skipped run is worth a row, not a wait
            record(settings, run, wait=2.0)
        except DealwatchError as exc:
            log.warning("skipped run not recorded: %s", exc)
    log.info(describe(summary))
    try:
        publish_report(summary.as_dict(), summary.new_event_rows)
    except Exception as exc:  # the report is a view of the run; losing it must not fail the run
        log.warning("run report not published to Prefect: %s", exc)
    return summary


@flow(name="dealwatch-monitor", log_prints=True)
def monitor(config: str | None = None, db: str | None = None, all_feeds: bool = False) -> dict:
    """One monitoring pass over the feeds of a config file; returns the run summary as a dict."""
    settings = load_settings(config, db=db)
    return run_pipeline(settings, all_feeds=all_feeds).as_dict()
