"""Reading pages: text extraction and event detection, spread over worker processes.

Both stages are CPU-bound and pure, so pages are split across a process pool (one worker per core by
default). A run opens one `ReadingPool` and streams every page through it: pages go to the workers
in small chunks as they arrive, a bounded number ahead, and results come back as each chunk is done,
so the workers never wait for a batch's slowest chunk. Starting workers and importing trafilatura
and the detector in them costs about a second, so small runs read in-process instead.

The pool needs only an executor with `submit` (concurrent.futures): another executor can take the
place of the local process pool by overriding `_pool`.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from concurrent.futures import FIRST_COMPLETED, Executor, ProcessPoolExecutor, wait
from itertools import islice
from dataclasses import dataclass, field
from datetime import datetime

from extract.article import extract_article
from extract.errors import DealwatchError
from extract.model import Article, Event
from extract.read import events_of, text_from_fragment

POOL_THRESHOLD = 16   # pages; below this a pool's start-up outweighs the parallelism
PAGE_SECONDS = 60     # wall time one page may take to read before it is skipped
CHUNK_PAGES = 4       # pages per message to a worker: few messages, even load
AHEAD_CHUNKS = 8      # chunks queued per worker: enough to keep it busy while the flow stores


@dataclass
class PageInput:
    url: str
    html: bytes | str | None = None      # a fetched page
    fragment: str | None = None          # the feed's full content instead of a page
    title: str | None = None             # the feed entry's title and date, used rather than
    published: datetime | None = None    # searched for in the page


@dataclass
class PageOutput:
    """A page read: its article and events, or why it has none (error without article). An article
    with an error is stored all the same, the error saying what went wrong on the way (its event
    detection failed, a field was cut to its limit)."""

    url: str
    article: Article | None = None
    events: list[Event] = field(default_factory=list)
    error: str | None = None
    extract_seconds: float = 0.0         # CPU time spent turning HTML into text
    detect_seconds: float = 0.0          # CPU time spent detecting events in the text


def read_one(page: PageInput) -> PageOutput:
    """Returns the article and events of one page, or the reason it could not be read."""
    # thread CPU time, not wall time: a busy machine's other processes must not count
    started = time.thread_time()
    try:
        if page.fragment is not None:
            article = Article(url=page.url, title=page.title, text=text_from_fragment(page.fragment))
        else:
            article = extract_article(page.html or b"", url=page.url, title=page.title,
                                      published=page.published)
    except DealwatchError as exc:
        return PageOutput(page.url, error=str(exc), extract_seconds=time.thread_time() - started)
    except Exception as exc:  # a parser bug on one page must not end its batch and the run
        return PageOutput(page.url, error=f"page {page.url}: could not be read ({type(exc).__name__}: "
                                          f"{exc}); article skipped", extract_seconds=time.thread_time() - started)
    extracted = time.thread_time()
    notes = list(article.extra.get("notes", []))   # fields cut, implausible dates
    try:
        events = events_of(article)
    except Exception as exc:  # a detector bug on one article must not end its batch and the run
        # The article is stored without events, and the reason with it.
        events = []
        notes.insert(0, f"event detection failed ({type(exc).__name__}: {exc}); article stored "
                        "without events (please report it with this URL)")
    return PageOutput(page.url, article, events, error="; ".join(notes) or None,
                      extract_seconds=extracted - started, detect_seconds=time.thread_time() - extracted)


class PageTimeout(BaseException):
    """Reading one page took longer than PAGE_SECONDS (a BaseException, so no handler swallows it)."""


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Raises PageTimeout in the block after `seconds` of wall time.

    Uses SIGALRM, so it applies in a process's main thread (the reading workers); elsewhere the
    block runs unbounded. Python code and regular-expression matching are interrupted; a C library
    stuck without returning to Python is not.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(signum, frame):
        raise PageTimeout()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _read_chunk(pages: list[PageInput]) -> list[PageOutput]:
    outputs = []
    for page in pages:
        # One page that hangs extraction or detection must not fail its batch, and with it every
        # later run (the feed is polled again until its pages are stored).
        try:
            with deadline(PAGE_SECONDS):
                outputs.append(read_one(page))
        except PageTimeout:
            outputs.append(PageOutput(page.url, error=f"reading took longer than {PAGE_SECONDS}s "
                                                      "(extraction or detection stuck); article skipped"))
    return outputs


def worker_count(configured: int = 0) -> int:
    """Returns the number of reading processes: the configured one, else one per core."""
    return configured if configured > 0 else (os.cpu_count() or 1)


def _chunks(pages: Iterable[PageInput], size: int) -> Iterator[list[PageInput]]:
    it = iter(pages)
    while chunk := list(islice(it, size)):
        yield chunk


class ReadingPool:
    """Worker processes that read pages, started on first use and kept until the pool is closed.

        with ReadingPool(workers=0) as pool:            # 0 = one per core
            for outputs in pool.stream(pages, total=n):  # chunks of outputs, as they are read
                ...
    """

    def __init__(self, workers: int = 0):
        self.workers = worker_count(workers)
        self._executor: ProcessPoolExecutor | None = None

    def _pool(self) -> Executor:
        if self._executor is None:
            # forkserver: the parent runs Prefect's threads, and forking a threaded process can
            # deadlock. Preloading this module in the fork server imports trafilatura and the
            # detector once; every worker then starts with them, sharing their pages.
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload([__name__])
            self._executor = ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx)
        return self._executor

    def stream(self, pages: Iterable[PageInput], *, total: int,
               timeout: float | None = None) -> Iterator[list[PageOutput]]:
        """Yields the outputs of the pages chunk by chunk, in the order the chunks are done.

        `pages` is drawn from only as workers free up (at most AHEAD_CHUNKS chunks per worker
        queued), so a lazy iterable of fetched pages holds few of them in memory. Below
        POOL_THRESHOLD pages in all (`total`), or with one worker, pages are read in-process.
        Raises TimeoutError when no chunk is done within `timeout` seconds.
        """
        chunks = _chunks(pages, CHUNK_PAGES)
        if self.workers <= 1 or total < POOL_THRESHOLD:
            yield from map(_read_chunk, chunks)
            return
        executor, running = self._pool(), set()
        ahead = self.workers * AHEAD_CHUNKS
        try:
            while True:
                for chunk in islice(chunks, ahead - len(running)):
                    running.add(executor.submit(_read_chunk, chunk))
                if not running:
                    return
                done, running = wait(running, timeout=timeout, return_when=FIRST_COMPLETED)
                if not done:
                    raise TimeoutError(f"no page read in {timeout:.0f}s: reading workers stuck")
                for future in done:
                    yield future.result()
        finally:
            for future in running:
                future.cancel()

    def close(self) -> None:
        """Stops the worker processes, if they were started."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def __enter__(self) -> ReadingPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
