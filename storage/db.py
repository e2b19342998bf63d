"""Opening the DuckDB file: short-lived connections, read-only for readers, retried while locked.

DuckDB lets one process write a file at a time, so the monitor opens, writes one batch in one
transaction and closes; readers open read-only and wait briefly when a writer holds the file.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from extract.errors import StorageError
from storage.schema import check_version, migrate

LOCK_WAIT_SECONDS = 10.0


def _is_lock_error(exc: duckdb.Error) -> bool:
    text = str(exc).lower()
    return "lock" in text or "conflicting" in text or "being used" in text


def _open(path: str, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + wait
    delay = 0.05
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.Error as exc:
            if not _is_lock_error(exc):
                raise StorageError(f"database {path}: cannot open: {exc}") from exc
            if time.monotonic() >= deadline:
                raise StorageError(
                    f"database {path} is locked by another process (a monitoring run?) "
                    f"for more than {wait:.0f}s; try again in a moment") from exc
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


@contextmanager
def connect(path: str, *, read_only: bool = False,
            wait: float = LOCK_WAIT_SECONDS) -> Iterator[duckdb.DuckDBPyConnection]:
    """Yields a connection to the database file, migrated to the current schema, and closes it.

    Read-only connections never migrate: an older schema is reported, a newer one refused.
    """
    if read_only and not Path(path).exists():
        raise StorageError(f"database {path} does not exist; run `dealwatch run` or `dealwatch demo` first")
    if not read_only:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    con = _open(path, read_only, wait)
    try:
        con.execute("SET TimeZone = 'UTC'")
        if read_only:
            check_version(con, path)
        else:
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
