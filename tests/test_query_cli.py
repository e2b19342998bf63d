"""`dealwatch events`, `sql`, `export` and `migrate` on real database files, as a user runs them."""

from __future__ import annotations

import json

import duckdb
import pytest

from flows.cli import main
from storage.db import connect
from storage.schema import LATEST
from tests.test_cli import dealwatch


def _json(capsys, *argv: str) -> list[dict]:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_events_newest_first_within_since(capsys, analyst_db):
    rows = _json(capsys, "events", "--since", "7d", "--db", str(analyst_db), "--format", "json")
    names = [(r["acquirer"] or r["customer"], r["target"] or r["vendor"]) for r in rows]
    assert names[0] == ("Acme", "Newco")                                  # 1 day ago
    assert sorted(names[1:5]) == [("Google", "Scale AI"), ("Meta Platforms, Inc.", "Scale AI"),
                                  ("Microsoft", "Scale AI"), ("OpenAI", "Scale AI")]   # 2 days ago
    assert names[5:] == [("Salesforce", "Informatica"), ("SAP SE", "Signavio"), ("Meta", "Scale AI"),
                         ("SoftBank Group Corp.", "OpenAI")]               # 3, 4, 5, 6 days ago
    seen = [r["seen_at"] for r in rows]
    assert seen == sorted(seen, reverse=True)
    assert {r["outlet"] for r in rows} == {"Example News", "Rumour Wire"}
    limited = _json(capsys, "events", "--since", "7d", "--limit", "2", "--db", str(analyst_db),
                    "--format", "json")
    assert limited == rows[:2]


def test_events_by_company_matches_any_role_and_folded_names(capsys, analyst_db):
    rows = _json(capsys, "events", "--company", "OpenAI Inc.", "--db", str(analyst_db), "--format", "json")
    assert sorted((r["event_type"], r["subtype"]) for r in rows) == [
        ("customer_change", "reduction"), ("deal", "stake")]
    rows = _json(capsys, "events", "--company", "the meta platforms", "--type", "deal",
                 "--db", str(analyst_db), "--format", "json")
    assert [(r["acquirer"], r["amount"], r["status"]) for r in rows] == [
        ("Meta Platforms, Inc.", 14.3e9, "completed"), ("Meta", 10e9, "reported")]


def test_events_company_is_a_bound_parameter(capsys, analyst_db):
    rows = _json(capsys, "events", "--company", "x') OR true OR ('", "--db", str(analyst_db),
                 "--format", "json")
    assert rows == []


def test_events_company_aliases(tmp_path, capsys):
    from tests.fixture_db import build

    db = build(tmp_path / "a.duckdb")
    with connect(str(db)) as con:
        con.execute("INSERT INTO company_aliases VALUES ('Facebook', 'Meta')")
    rows = _json(capsys, "events", "--company", "Facebook", "--type", "deal", "--db", str(db),
                 "--format", "json")
    assert len(rows) == 2 and {r["target"] for r in rows} == {"Scale AI"}


def test_events_since_all_has_no_age_limit(capsys, analyst_db):
    recent = _json(capsys, "events", "--since", "3d", "--db", str(analyst_db), "--format", "json")
    everything = _json(capsys, "events", "--since", "all", "--db", str(analyst_db), "--format", "json")
    assert everything == _json(capsys, "events", "--since", "3000d", "--db", str(analyst_db), "--format", "json")
    assert len(everything) > len(recent) and everything[:len(recent)] == recent


def test_events_bad_since_is_one_line_error(analyst_db):
    result = dealwatch("events", "--since", "last week", "--db", str(analyst_db))
    assert (result.returncode, result.stderr) == (
        1, "Error: --since 'last week': use a number and a unit, e.g. 7d, 12h, 90m or 2w, or all\n")


@pytest.mark.parametrize("statement", [
    "DELETE FROM events", "INSERT INTO company_aliases VALUES ('a', 'b')", "DROP VIEW deals",
    "CREATE TABLE mine AS SELECT 1", "UPDATE feeds SET name = 'x'",
])
def test_sql_refuses_every_kind_of_write(capsys, analyst_db, statement):
    assert main(["sql", statement, "--db", str(analyst_db)]) == 1
    assert capsys.readouterr().err == (
        "Error: dealwatch sql is read-only: the statement would change the database (use SELECT, or "
        "open the file with the duckdb shell while no run is going)\n")
    with duckdb.connect(str(analyst_db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 11
        assert con.execute("SELECT count(*) FROM company_aliases").fetchone()[0] == 0


def test_sql_on_a_newer_database_is_refused(tmp_path):
    db = tmp_path / "future.duckdb"
    with connect(str(db)) as con:
        con.execute("INSERT INTO schema_migrations VALUES (?, 'future', now())", [LATEST + 1])
    for argv in (["sql", "SELECT 1"], ["events"], ["export", str(tmp_path / "out")], ["migrate"]):
        result = dealwatch(*argv, "--db", str(db))
        assert (result.returncode, result.stderr) == (1, (
            f"Error: database {db} has schema version {LATEST + 1}, newer than this dealwatch "
            f"understands ({LATEST}); upgrade dealwatch or use another --db\n")), argv


def test_migrate_reports_what_it_did(tmp_path, capsys):
    from tests.test_storage import _v1_database

    db = tmp_path / "v1.duckdb"
    _v1_database(db)
    assert main(["migrate", "--db", str(db)]) == 0
    assert capsys.readouterr().out == (
        f"database {db}: migrated from schema version 1 to {LATEST} "
        f"(applied {', '.join(str(v) for v in range(2, LATEST + 1))})\n")
    assert main(["migrate", "--db", str(db)]) == 0
    assert capsys.readouterr().out == f"database {db}: schema version {LATEST} is up to date\n"


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_writes_every_table_and_view(tmp_path, capsys, analyst_db, fmt):
    out = tmp_path / "export"
    assert main(["export", str(out), "--format", fmt, "--db", str(analyst_db)]) == 0
    printed = capsys.readouterr().out.splitlines()
    with duckdb.connect(str(analyst_db), read_only=True) as con:
        names = sorted(r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall())
    assert sorted(p.stem for p in out.iterdir()) == names
    assert len(printed) == len(names)
    reader = "read_parquet" if fmt == "parquet" else "read_csv"
    con = duckdb.connect()
    assert con.execute(f"SELECT count(*) FROM {reader}(?)", [str(out / f"events.{fmt}")]).fetchone()[0] == 11
    stories = con.execute(f"SELECT acquirer, article_count FROM {reader}(?) WHERE target = 'Scale AI'",
                          [str(out / f"stories.{fmt}")]).fetchall()
    assert stories == [("Meta Platforms, Inc.", 2)]


def test_export_into_an_unwritable_place_is_one_line_error(tmp_path, analyst_db):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = dealwatch("export", str(blocker / "sub"), "--db", str(analyst_db))
    assert result.returncode == 1
    assert result.stderr.startswith(f"Error: export folder {blocker / 'sub'}: cannot create it: ")
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize("argv,message", [
    (("sql", ""), "Error: dealwatch sql: the query is empty; give a statement, e.g. "
                  "dealwatch sql \"SELECT count(*) FROM articles\"\n"),
    (("sql", "-- nothing"), "Error: dealwatch sql: the query is empty; give a statement, e.g. "
                            "dealwatch sql \"SELECT count(*) FROM articles\"\n"),
    (("events", "--since", "99999999999d"),
     "Error: --since '99999999999d': too far back; give at most a few thousand days\n"),
    (("status", "--runs", "-3"), "Error: --runs -3: give a number of runs, 0 or more\n"),
])
def test_odd_arguments_are_one_line_errors(capsys, analyst_db, argv, message):
    assert main([*argv, "--db", str(analyst_db)]) == 1
    assert capsys.readouterr().err == message


def test_init_into_a_missing_folder_is_one_line_error(tmp_path, capsys):
    target = tmp_path / "no" / "such" / "dealwatch.toml"
    assert main(["init", "--config", str(target)]) == 1
    assert capsys.readouterr().err == (
        f"Error: {target}: cannot write the starter config (No such file or directory); "
        "give a --config path in a folder that exists and you can write to\n")
