"""Reading pages: text extraction and event detection, spread over worker processes.

Both stages are CPU-bound and pure, so a batch of pages is split across a process pool (one worker
per core by default); small batches run in-process, where a pool's start-up would cost more.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

from extract.errors import DealwatchError
from extract.model import Article, Event
from extract.read import Reading, events_of, read_html, text_from_fragment

POOL_THRESHOLD = 16   # pages; below this a pool's start-up outweighs the parallelism


@dataclass
class PageInput:
    url: str
    html: bytes | str | None = None      # a fetched page
    fragment: str | None = None          # the feed's full content instead of a page
    title: str | None = None


@dataclass
class PageOutput:
    url: str
    article: Article | None = None
    events: list[Event] = field(default_factory=list)
    error: str | None = None


def read_one(page: PageInput) -> PageOutput:
    """Returns the article and events of one page, or the reason it could not be read."""
    try:
        if page.fragment is not None:
            article = Article(url=page.url, title=page.title, text=text_from_fragment(page.fragment))
            reading = Reading(article, events_of(article))
        else:
            reading = read_html(page.html or b"", url=page.url)
            if not reading.article.title and page.title:
                reading.article.title = page.title
    except DealwatchError as exc:
        return PageOutput(page.url, error=str(exc))
    return PageOutput(page.url, reading.article, reading.events)


def _read_chunk(pages: list[PageInput]) -> list[PageOutput]:
    return [read_one(p) for p in pages]


def worker_count(configured: int = 0) -> int:
    """Returns the number of reading processes: the configured one, else one per core."""
    return configured if configured > 0 else (os.cpu_count() or 1)


def read_pages(pages: list[PageInput], *, workers: int = 0,
               on_progress: Callable[[int], None] | None = None) -> list[PageOutput]:
    """Reads every page, in worker processes when the batch is large enough; keeps input order.

    on_progress(n) is called as each group of n pages is done.
    """
    n = worker_count(workers)
    if n <= 1 or len(pages) < POOL_THRESHOLD:
        size = max(1, len(pages) // 10)   # a few progress steps without a call per page
        chunks = [pages[i:i + size] for i in range(0, len(pages), size)]
        results = map(_read_chunk, chunks)
        pool = None
    else:
        size = max(1, -(-len(pages) // (n * 4)))
        chunks = [pages[i:i + size] for i in range(0, len(pages), size)]
        # forkserver: the parent runs Prefect's threads, and forking a threaded process can deadlock.
        pool = ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context("forkserver"))
        results = pool.map(_read_chunk, chunks)
    outputs: list[PageOutput] = []
    try:
        for chunk in results:
            outputs += chunk
            if on_progress is not None:
                on_progress(len(chunk))
    finally:
        if pool is not None:
            pool.shutdown()
    return outputs
