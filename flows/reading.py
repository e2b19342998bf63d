"""Reading pages: text extraction and event detection, spread over worker processes.

Both stages are CPU-bound and pure, so pages are split across a process pool (one worker per core by
default). A run opens one `ReadingPool` and reuses it for every batch: starting workers and
importing trafilatura and the detector in them costs about a second, more than reading a batch of
200 pages on two cores takes. Small batches run in-process, where a pool would not pay off.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime

from extract.article import extract_article
from extract.errors import DealwatchError
from extract.model import Article, Event
from extract.read import events_of, text_from_fragment

POOL_THRESHOLD = 16   # pages; below this a pool's start-up outweighs the parallelism
PAGE_SECONDS = 60     # wall time one page may take to read before it is skipped


@dataclass
class PageInput:
    url: str
    html: bytes | str | None = None      # a fetched page
    fragment: str | None = None          # the feed's full content instead of a page
    title: str | None = None             # the feed entry's title and date, used rather than
    published: datetime | None = None    # searched for in the page


@dataclass
class PageOutput:
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
    extracted = time.thread_time()
    try:
        events = events_of(article)
    except DealwatchError as exc:
        return PageOutput(page.url, error=str(exc), extract_seconds=extracted - started,
                          detect_seconds=time.thread_time() - extracted)
    except Exception as exc:  # a detector bug on one article must not end its batch and the run
        return PageOutput(page.url, error=f"event detection failed ({type(exc).__name__}: {exc}); "
                                          "article skipped (please report it with this URL)",
                          extract_seconds=extracted - started,
                          detect_seconds=time.thread_time() - extracted)
    return PageOutput(page.url, article, events, extract_seconds=extracted - started,
                      detect_seconds=time.thread_time() - extracted)


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


class ReadingPool:
    """Worker processes that read pages, started on first use and kept until the pool is closed.

        with ReadingPool(workers=0) as pool:      # 0 = one per core
            outputs = pool.read(pages)            # in input order
    """

    def __init__(self, workers: int = 0):
        self.workers = worker_count(workers)
        self._executor: ProcessPoolExecutor | None = None

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            # forkserver: the parent runs Prefect's threads, and forking a threaded process can
            # deadlock. Preloading this module in the fork server imports trafilatura and the
            # detector once; every worker then starts with them, sharing their pages.
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload([__name__])
            self._executor = ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx)
        return self._executor

    def read(self, pages: list[PageInput],
             on_progress: Callable[[int], None] | None = None) -> list[PageOutput]:
        """Reads every page, in the worker processes when there are enough; keeps input order.

        on_progress(n) is called as each group of n pages is done.
        """
        if self.workers <= 1 or len(pages) < POOL_THRESHOLD:
            size = max(1, len(pages) // 10)   # a few progress steps without a call per page
            chunks = [pages[i:i + size] for i in range(0, len(pages), size)]
            results = map(_read_chunk, chunks)
        else:
            # a few chunks per worker: even load, and each chunk's pages and results cross the
            # process boundary in one message
            size = max(1, -(-len(pages) // (self.workers * 4)))
            chunks = [pages[i:i + size] for i in range(0, len(pages), size)]
            results = self._pool().map(_read_chunk, chunks)
        outputs: list[PageOutput] = []
        for chunk in results:
            outputs += chunk
            if on_progress is not None:
                on_progress(len(chunk))
        return outputs

    def close(self) -> None:
        """Stops the worker processes, if they were started."""
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def __enter__(self) -> ReadingPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

