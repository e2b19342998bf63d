"""Opening the DuckDB file: short-lived connections, read-only for readers, retried while locked.

DuckDB lets one process write a file at a time, so the monitor opens, writes one batch in one
transaction and closes; readers open read-only and wait briefly when a writer holds the file.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from extract.errors import StorageError
from storage.schema import LATEST, check_version, migrate

LOCK_WAIT_SECONDS = 10.0


def _is_lock_error(exc: duckdb.Error) -> bool:
    # DuckDB 1.x/2.x: 'IO Error: Could not set lock on file "x.duckdb": Conflicting lock is held in
    # /usr/bin/python3 (PID 4242) ...'. Any other error (a corrupt file, no permission) is final.
    text = str(exc).lower()
    return "could not set lock" in text or "conflicting lock" in text


def _holder(exc: duckdb.Error) -> str:
    found = re.search(r"conflicting lock is held in (\S+) \(pid (\d+)\)", str(exc), re.I)
    return f"process {found.group(2)} ({Path(found.group(1)).name})" if found else "another process"


def _open(path: str, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    """Returns a connection, retrying with backoff for up to `wait` seconds while the file is locked."""
    deadline = time.monotonic() + wait
    delay = 0.02
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.Error as exc:
            if not _is_lock_error(exc):
                raise StorageError(f"database {path}: cannot open: {' '.join(str(exc).split())}") from exc
            if time.monotonic() >= deadline:
                raise StorageError(
                    f"database {path} is in use by {_holder(exc)} (a monitoring run, or a shell "
                    f"holding it open) and stayed locked for {wait:g}s; try again when it is done"
                ) from exc
            time.sleep(min(delay, max(0.0, deadline - time.monotonic())))
            delay = min(delay * 2, 0.25)


@contextmanager
def connect(path: str, *, read_only: bool = False,
            wait: float = LOCK_WAIT_SECONDS,
            migrate_schema: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
    """Yields a connection to the database file, migrated to the current schema, and closes it.

    A database older than this code is migrated first, also for a read-only connection (which opens
    the file for writing just long enough); a newer one is refused with a StorageError.
    migrate_schema=False only checks the version (for `dealwatch migrate`, which reports it).
    """
    if read_only and not Path(path).exists():
        raise StorageError(f"database {path} does not exist; run `dealwatch run` or `dealwatch demo` first")
    if not read_only:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    con = _open(path, read_only, wait)
    try:
        con.execute("SET TimeZone = 'UTC'")
        if not migrate_schema:
            check_version(con, path)
        elif read_only and check_version(con, path) < LATEST:
            con.close()
            with connect(path, read_only=False, wait=wait):
                pass
            con = _open(path, True, wait)
            con.execute("SET TimeZone = 'UTC'")
            check_version(con, path)
        elif not read_only:
            migrate(con, path)
        yield con
    finally:
        con.close()


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """Runs the block in one transaction: committed on success, rolled back on any error."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
