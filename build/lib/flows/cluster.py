"""Polling feeds and reading pages on a Dask cluster, the results streamed back to the one writer.

    with open_cluster(settings.run) as cluster:      # None when run.executor is "local"
        polls = cluster.poll(settings.fetch, settings.poll, feeds)
        for fetched, outputs in cluster.read(settings.fetch, jobs, min_pages=200, max_pages=2000):
            store(fetched, outputs)                   # as they finish, in batches

Workers get the flow's settings and jobs with every task, fetch under exactly those rules (the
address guard and allow-list included) and return results; only the flow process writes to the
database. At most IN_FLIGHT_PER_THREAD tasks per worker thread are submitted at once, and results
come back in batches of bounded size, so the flow's memory stays flat however many pages a run
reads. A worker that dies mid-task is replaced by Dask,
which reruns its tasks elsewhere; each task's result is taken once, and a page read twice is stored
once anyway (articles are upserted by URL, events by a deterministic id).

Every task carries the flow's code fingerprint (dealwatch's version, a hash of its code, and the
versions of the libraries that shape results); a worker whose own differs refuses the task with
CodeMismatch, and open_cluster refuses a cluster that has such a worker. Nothing here imports
Prefect or distributed at module level: workers import this module to run its tasks, and a local
install needs no Dask.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import queue
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any

from extract.errors import ClusterError
from flows.config import FetchSettings, PollSettings, RunSettings
from flows.polling import (FeedPoll, FeedRow, FetchedPage, PageJob, failed_poll, fetch_pages_concurrently,
                           poll_feeds_concurrently)
from flows.reading import PageInput, PageOutput, _read_chunk

FEEDS_PER_TASK = 32          # feeds one task polls, fetch.concurrency at a time
PAGES_PER_TASK = 32          # pages one task fetches and reads
IN_FLIGHT_PER_THREAD = 3     # tasks submitted per worker thread: one running, two queued behind it,
                             # so that workers go on while the flow stores a batch
STALL_SECONDS = 1800         # the run fails when no task finishes for this long
RESULT_LIBRARIES = ("trafilatura", "lxml", "feedparser", "htmldate", "justext")


class CodeMismatch(ClusterError):
    """A worker runs other dealwatch code, or other versions of the libraries that shape results."""


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Returns 'dealwatch 0.1.0 (code 1a2b3c4d5e6f), trafilatura 2.0.0, …' for this process.

    The hash covers every file of the dealwatch packages, so two installs agree only when they
    would read a page alike.
    """
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parent.parent
    for package in ("extract", "flows", "storage"):
        for file in sorted((root / package).rglob("*")):
            if file.is_file() and "__pycache__" not in file.parts:
                digest.update(str(file.relative_to(root)).encode() + b"\0" + file.read_bytes())
    parts = [f"dealwatch {_version('dealwatch')} (code {digest.hexdigest()[:12]})"]
    parts += [f"{name} {_version(name)}" for name in RESULT_LIBRARIES]
    return ", ".join(parts)


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _same_code(expected: str) -> None:
    here = code_fingerprint()
    if here != expected:
        from distributed import get_worker

        raise CodeMismatch(f"worker {get_worker().address} runs {here}, but the flow runs {expected}; "
                           "install the flow's dealwatch on every worker (results must not depend "
                           "on which worker read a page)")


# ---------------------------------------------------------------- what runs on a worker

def poll_task(expected: str, fetch: FetchSettings, poll: PollSettings,
              feeds: list[FeedRow]) -> list[FeedPoll]:
    """Polls a chunk of feeds on a worker; returns their polls in order."""
    _same_code(expected)
    return poll_feeds_concurrently(fetch, poll, feeds)


def read_task(expected: str, fetch: FetchSettings,
              jobs: list[PageJob]) -> tuple[list[FetchedPage], list[PageOutput]]:
    """Fetches and reads a chunk of pages on a worker; returns what fetching and reading gave.

    The pages' HTML stays on the worker: the flow gets each page's URL, or the reason it could not
    be fetched, and the outputs of reading.
    """
    _same_code(expected)
    fetched = fetch_pages_concurrently(fetch, jobs)
    outputs = _read_chunk([page for _, page, _, _ in fetched if page is not None])
    return [(job, page and PageInput(page.url), error, transient)
            for job, page, error, transient in fetched], outputs


# ---------------------------------------------------------------- the flow's side

class Cluster:
    """A connected Dask client, checked: it has workers and they run this process's code.

    A plain class, not a dataclass, so that Prefect passes it to tasks as it is.
    """

    def __init__(self, client: Any, address: str):
        self.client, self.address = client, address
        self.fingerprint = code_fingerprint()
        self.in_flight = 2

    def workers(self) -> dict[str, int]:
        """Returns each worker's address and thread count."""
        info = self.client.scheduler_info(n_workers=-1)["workers"]
        return {addr: w.get("nthreads", 1) for addr, w in sorted(info.items())}

    def describe(self) -> str:
        """Returns 'dask cluster tcp://…: 2 workers, 4 threads, all running dealwatch 0.1.0 (…), …'."""
        workers = self.workers()
        return (f"dask cluster {self.address}: {len(workers)} worker{'s' * (len(workers) != 1)}, "
                f"{sum(workers.values())} threads, all running {self.fingerprint}")

    def check(self, timeout: float) -> None:
        """Raises ClusterError unless the cluster has a worker and every worker runs this code."""
        try:
            self.client.wait_for_workers(1, timeout=timeout)
        except TimeoutError as exc:
            raise ClusterError(f"dask cluster {self.address}: no workers (waited {timeout:g} s); start "
                               f"some with `dask worker {self.address}`") from exc
        found = self.client.run(code_fingerprint, on_error="return")
        for worker, fingerprint in sorted(found.items()):
            if isinstance(fingerprint, BaseException):
                raise ClusterError(
                    f"dask cluster {self.address}: worker {worker} cannot run dealwatch "
                    f"({type(fingerprint).__name__}: {fingerprint}); install 'dealwatch[dask]' "
                    "on every worker") from fingerprint
            if fingerprint != self.fingerprint:
                raise CodeMismatch(
                    f"dask cluster {self.address}: worker {worker} runs {fingerprint}, but this "
                    f"process runs {self.fingerprint}; install the same dealwatch on every worker "
                    "(results must not depend on which worker read a page)")
        self.in_flight = max(2, IN_FLIGHT_PER_THREAD * sum(self.workers().values()))

    def poll(self, fetch: FetchSettings, poll: PollSettings, feeds: list[FeedRow]) -> list[FeedPoll]:
        """Polls the feeds on the workers; returns their polls in input order.

        A chunk of feeds whose task failed for good (its workers kept dying) counts as failed polls,
        with the reason, and is polled again on the feeds' next turn.
        """
        chunks = [feeds[i:i + FEEDS_PER_TASK] for i in range(0, len(feeds), FEEDS_PER_TASK)]
        done: dict[int, list[FeedPoll]] = {}
        for n, result, _ in self._stream(poll_task, (fetch, poll), chunks):
            if isinstance(result, BaseException):
                now = datetime.now(timezone.utc)
                result = [failed_poll(feed, poll, f"feed {feed.url}: {self._failure(result)}", now)
                          for feed in chunks[n]]
            done[n] = result
        return [p for n in range(len(chunks)) for p in done[n]]

    def read(self, fetch: FetchSettings, jobs: list[PageJob], *, min_pages: int,
             max_pages: int) -> Iterator[tuple[list[FetchedPage], list[PageOutput]]]:
        """Yields (fetched, outputs) of the pages as the workers finish them, in any order, in
        batches: every chunk already finished, at least min_pages (unless the run is done), at most
        about max_pages.

        Batches grow while the caller is busy storing the last one (the workers go on meanwhile),
        so a slow writer takes larger, cheaper batches instead of holding the cluster up. A chunk
        whose task failed for good yields its pages as failed (transient): a later run tries them
        again.
        """
        chunks = [jobs[i:i + PAGES_PER_TASK] for i in range(0, len(jobs), PAGES_PER_TASK)]
        fetched: list[FetchedPage] = []
        outputs: list[PageOutput] = []
        for n, result, more_ready in self._stream(read_task, (fetch,), chunks):
            if isinstance(result, BaseException):
                reason = self._failure(result)
                result = ([(job, None, reason, True) for job in chunks[n]], [])
            fetched += result[0]
            outputs += result[1]
            if len(fetched) >= max_pages or (len(fetched) >= min_pages and not more_ready):
                yield fetched, outputs
                fetched, outputs = [], []
        if fetched:
            yield fetched, outputs

    def _failure(self, exc: BaseException) -> str:
        return (f"its task failed on dask cluster {self.address} "
                f"({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''})")

    def _stream(self, fn: Callable, args: tuple,
                chunks: list[list]) -> Iterator[tuple[int, Any, bool]]:
        """Yields (chunk index, result or exception, whether another task has finished already) as
        tasks finish, at most in_flight at once."""
        todo: Iterator[int] = iter(range(len(chunks)))
        pending: dict[Any, int] = {}
        finished: queue.SimpleQueue = queue.SimpleQueue()
        run = uuid.uuid4().hex[:8]

        def submit() -> None:
            n = next(todo, None)
            if n is not None:
                key = f"dealwatch-{fn.__name__.replace('_', '-')}-{run}-{n}"
                future = self.client.submit(fn, self.fingerprint, *args, chunks[n], key=key, pure=False)
                pending[future] = n
                future.add_done_callback(finished.put)

        try:
            for _ in range(self.in_flight):
                submit()
            while pending:
                try:
                    future = finished.get(timeout=STALL_SECONDS)
                except queue.Empty as exc:
                    raise ClusterError(
                        f"dask cluster {self.address}: no task finished in {STALL_SECONDS} s "
                        f"({len(self.workers())} workers); what was stored stays, the next run "
                        "reads the rest") from exc
                n = pending.pop(future)
                result = self._outcome(future)
                future.release()
                submit()
                yield n, result, not finished.empty()
        finally:
            if pending:
                self.client.cancel(list(pending))

    def _outcome(self, future: Any) -> Any:
        """Returns a finished task's result, or its exception when it failed on its own."""
        if future.status == "finished":
            return future.result()
        if future.status == "cancelled" or self.client.status != "running":
            raise ClusterError(f"dask cluster {self.address}: connection lost mid-run; what was "
                               "stored stays, the next run reads the rest")
        exc = future.exception()
        if isinstance(exc, CodeMismatch):
            raise CodeMismatch(str(exc))
        return exc


def connect(run: RunSettings) -> Cluster:
    """Returns the checked cluster at run.dask_address; raises ClusterError in one line naming it."""
    address = run.dask_address
    if not address:
        raise ClusterError('run.executor is "dask", but no scheduler address is set: set '
                           "run.dask_address or $DEALWATCH_DASK_ADDRESS")
    try:
        from distributed import Client
    except ImportError as exc:
        raise ClusterError('run.executor is "dask", but dask.distributed is not installed: '
                           'pip install "dealwatch[dask]"') from exc
    try:
        client = Client(address, timeout=run.dask_timeout, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ClusterError(f"dask cluster {address}: unreachable ({detail}); start its scheduler or "
                           "correct run.dask_address / $DEALWATCH_DASK_ADDRESS") from exc
    cluster = Cluster(client, address)
    try:
        cluster.check(run.dask_timeout)
    except BaseException:
        client.close()
        raise
    return cluster


@contextmanager
def open_cluster(run: RunSettings) -> Iterator[Cluster | None]:
    """Yields the checked cluster when run.executor is "dask", else None; closes the client after."""
    if run.executor != "dask":
        yield None
        return
    cluster = connect(run)
    try:
        yield cluster
    finally:
        cluster.client.close()
