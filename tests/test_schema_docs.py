"""docs/schema.md describes exactly the live schema: every relation, column and type, nothing more."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from storage.schema import LATEST, migrate

DOC = Path(__file__).resolve().parent.parent / "docs" / "schema.md"
_HEADING = re.compile(r"^### `(\w+)` \((table|view)\)$")
_ROW = re.compile(r"^\| `(\w+)` \| ([A-Z\[\]]+) \|")


def documented() -> dict[tuple[str, str], list[tuple[str, str]]]:
    """Returns {(relation, kind): [(column, type), ...]} as docs/schema.md lists them."""
    relations: dict[tuple[str, str], list[tuple[str, str]]] = {}
    current = None
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if m := _HEADING.match(line):
            current = (m.group(1), m.group(2))
            relations[current] = []
        elif current and (m := _ROW.match(line)):
            relations[current].append((m.group(1), m.group(2)))
    return relations


def live() -> dict[tuple[str, str], list[tuple[str, str]]]:
    con = duckdb.connect()
    migrate(con)
    relations = {}
    for name, kind in con.execute(
            "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'main'"
    ).fetchall():
        cols = con.execute(
            """SELECT column_name, data_type FROM information_schema.columns
               WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position""",
            [name]).fetchall()
        relations[(name, "view" if kind == "VIEW" else "table")] = [
            (c, t.replace("TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ")) for c, t in cols]
    return relations


def test_every_relation_is_documented_and_nothing_else():
    assert sorted(documented()) == sorted(live())


def test_every_column_is_documented_with_its_type_in_order():
    docs, schema = documented(), live()
    for relation, columns in schema.items():
        assert docs[relation] == columns, f"docs/schema.md section for {relation[0]} is out of date"


def test_schema_is_at_latest_version_and_every_time_is_utc_timestamptz():
    con = duckdb.connect()
    assert migrate(con) == list(range(1, LATEST + 1))
    naive = con.execute("""SELECT table_name, column_name FROM information_schema.columns
                           WHERE data_type = 'TIMESTAMP'""").fetchall()
    assert naive == []
