"""Exporting the database: every table and view as a Parquet or CSV file, for other tools."""

from __future__ import annotations

from pathlib import Path

import duckdb

from extract.errors import StorageError

EXPORT_FORMATS = ("parquet", "csv")


def relations(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """Returns (name, 'table' or 'view') for every relation of the main schema, tables first."""
    return [(name, "view" if kind == "VIEW" else "table") for name, kind in con.execute(
        """SELECT table_name, table_type FROM information_schema.tables
           WHERE table_schema = 'main' AND table_catalog = current_database()
           ORDER BY table_type, table_name""").fetchall()]


def _quote_path(path: Path) -> str:
    # COPY takes its file name as a literal, not a bound parameter.
    return "'" + str(path).replace("'", "''") + "'"


def export_database(con: duckdb.DuckDBPyConnection, directory: Path,
                    fmt: str = "parquet") -> list[tuple[str, Path, int]]:
    """Writes each table and view to directory/<name>.<fmt>; returns (name, path, rows) per file.

    Existing files of the same names are overwritten. Works on a read-only connection.
    """
    if fmt not in EXPORT_FORMATS:
        raise StorageError(f"export format {fmt!r}: use one of {', '.join(EXPORT_FORMATS)}")
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"export folder {directory}: cannot create it: {exc.strerror}") from exc
    options = "FORMAT parquet, COMPRESSION zstd" if fmt == "parquet" else "FORMAT csv, HEADER true"
    written = []
    for name, _ in relations(con):
        path = directory / f"{name}.{fmt}"
        try:
            con.execute(f'COPY (SELECT * FROM "{name}") TO {_quote_path(path)} ({options})')
        except duckdb.Error as exc:
            raise StorageError(f"export of {name} to {path} failed: {exc}") from exc
        rows = con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
        written.append((name, path, rows))
    return written
