"""The `dealwatch` command as a user runs it: real processes, real files, whole output lines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import prefect_process_env

ROOT = Path(__file__).resolve().parent.parent
SEED_TXT = ROOT / "seeds" / "scale-ai-google-withdraws.txt"


def dealwatch(*args: str, cwd: Path | None = None, stdin: str | None = None,
              env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], cwd=cwd or ROOT, input=stdin,
                          capture_output=True, text=True, timeout=120,
                          env={**_env(), "PYTHONPATH": str(ROOT), **(env or {})})


def _env() -> dict:
    import os
    return {k: v for k, v in os.environ.items() if not k.startswith("DEALWATCH_")}


def test_a_reader_that_stops_early_gets_no_traceback():
    # `dealwatch detect corpus.jsonl --format jsonl | head -1`: the pipe closes after one line.
    proc = subprocess.Popen([sys.executable, "-m", "flows.cli", "detect", str(ROOT / "tests/data/corpus/en_deals.jsonl"),
                             "--format", "jsonl"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**_env(), "PYTHONPATH": str(ROOT)})
    first = proc.stdout.readline()
    proc.stdout.close()
    _, err = proc.communicate(timeout=120)
    assert json.loads(first)["source"].endswith("#en-d-001")
    assert proc.returncode == 0 and b"Traceback" not in err and b"BrokenPipe" not in err, err.decode()


def test_detect_seed_jsonl_prints_exactly_four_events():
    result = dealwatch("detect", str(SEED_TXT), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(events) == 4
    assert {e["source"] for e in events} == {str(SEED_TXT)}
    deal = next(e for e in events if e["event_type"] == "deal")
    assert (deal["subtype"], deal["acquirer"], deal["target"], deal["stake_pct"], deal["amount"],
            deal["currency"], deal["status"]) == ("stake", "Meta", "Scale AI", 49, 14_300_000_000, "USD",
                                                  "completed")
    customers = {e["customer"]: e for e in events if e["event_type"] == "customer_change"}
    assert set(customers) == {"Google", "Microsoft", "OpenAI"}
    assert {e["vendor"] for e in customers.values()} == {"Scale AI"}
    assert set(events[0]) >= {"event_type", "subtype", "acquirer", "target", "seller", "customer",
                              "vendor", "competitor", "amount", "currency", "stake_pct", "status",
                              "evidence", "confidence", "source"}


@pytest.mark.parametrize("command", ["detect", "extract"])
def test_a_named_config_must_exist_and_be_valid_whatever_the_inputs(command, tmp_path):
    # (a file input needs no config; a --config the user names is still checked, not silently ignored)
    missing = tmp_path / "nope.toml"
    result = dealwatch(command, str(SEED_TXT), "--config", str(missing))
    assert result.returncode == 1 and result.stdout == ""
    assert f"{missing}: no such config file" in result.stderr
    broken = tmp_path / "broken.toml"
    broken.write_text("[fetch\n")
    result = dealwatch(command, str(SEED_TXT), "--config", str(broken))
    assert result.returncode == 1 and f"{broken}: not valid TOML" in result.stderr
    # so must one $DEALWATCH_CONFIG names
    result = dealwatch(command, str(SEED_TXT), env={"DEALWATCH_CONFIG": str(missing)})
    assert result.returncode == 1 and result.stdout == ""
    assert f"{missing}: no such config file named by $DEALWATCH_CONFIG" in result.stderr


def test_detect_html_page_reads_the_same_events():
    result = dealwatch("detect", str(ROOT / "seeds" / "scale-ai-google-withdraws.html"), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted((e["event_type"], e["subtype"], e["acquirer"] or e["customer"]) for e in events) == [
        ("customer_change", "churn", "Google"), ("customer_change", "churn", "Microsoft"),
        ("customer_change", "reduction", "OpenAI"), ("deal", "stake", "Meta")]


@pytest.mark.parametrize("content", ["", "Meta buys a stake in Scale AI\n"])
def test_detect_empty_or_headline_only_prints_nothing(tmp_path, content):
    path = tmp_path / "a.txt"
    path.write_text(content)
    result = dealwatch("detect", str(path), "--format", "jsonl")
    assert (result.returncode, result.stdout) == (0, "")


def test_detect_reads_stdin():
    result = dealwatch("detect", "-", "--format", "jsonl", stdin=SEED_TXT.read_text())
    assert result.returncode == 0, result.stderr
    from_stdin = [json.loads(line) for line in result.stdout.splitlines()]
    from_file = [json.loads(line)
                 for line in dealwatch("detect", str(SEED_TXT), "--format", "jsonl").stdout.splitlines()]
    assert {e["source"] for e in from_stdin} == {"-"}
    assert [{**e, "source": None} for e in from_stdin] == [{**e, "source": None} for e in from_file]
    assert len(from_stdin) == 4


def test_detect_missing_file_is_skipped_with_exit_2(tmp_path):
    missing = tmp_path / "nope.txt"
    result = dealwatch("detect", str(missing))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"skipped: {missing}: no such file (give a .txt, .html or .jsonl file, - for stdin, or an http(s) URL)",
        "1 input not read (of 1 given)"]


def test_detect_skips_a_binary_text_file(tmp_path):
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(128, 256)) * 20)
    result = dealwatch("detect", str(binary), str(SEED_TXT), "--format", "jsonl")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"skipped: {binary}: not UTF-8 text (binary?); give a .txt, .html or .jsonl file",
        "1 input not read (of 2 given)"]
    assert len(result.stdout.splitlines()) == 4


def test_detect_reads_a_jsonl_corpus_file(tmp_path):
    corpus = tmp_path / "two.jsonl"
    corpus.write_text(json.dumps({"id": "a", "title": "Oracle to buy Cerner",
                                  "text": "Oracle has agreed to buy Cerner for $28.3 billion."}) + "\n"
                      + json.dumps({"id": "b", "title": "Quarterly results",
                                    "text": "Acme reported revenue of $2bn for the quarter."}) + "\n")
    result = dealwatch("detect", str(corpus), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    [event] = [json.loads(line) for line in result.stdout.splitlines()]
    assert (event["source"], event["acquirer"], event["target"], event["amount"]) == \
        (f"{corpus}#a", "Oracle", "Cerner", 28_300_000_000)


def test_detect_jsonl_line_without_text_is_skipped_and_the_next_line_read(tmp_path):
    corpus = tmp_path / "bad.jsonl"
    corpus.write_text('{"title": "no text"}\n'
                      + json.dumps({"id": "ok", "text": "Oracle has agreed to buy Cerner for $28.3 billion."})
                      + "\n")
    result = dealwatch("detect", str(corpus), "--format", "jsonl")
    assert result.returncode == 2
    assert result.stderr.startswith(f"skipped: {corpus}:1: not a JSON object with a \"text\" field")
    assert result.stderr.splitlines()[-1] == "1 input not read (of 1 given)"
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [f"{corpus}#ok"]


@pytest.fixture
def small_db(tmp_path) -> Path:
    from storage.db import connect

    path = tmp_path / "q.duckdb"
    with connect(str(path)) as con:
        con.execute("INSERT INTO feeds (url, name, origin, added_at) VALUES "
                    "('https://a.example/rss', 'A', 'cli', now()), ('https://b.example/rss', NULL, 'cli', now())")
    return path


def test_sql_json_is_an_array_of_row_objects(small_db):
    result = dealwatch("sql", "SELECT url, name FROM feeds ORDER BY url", "--db", str(small_db),
                       "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [{"url": "https://a.example/rss", "name": "A"},
                                         {"url": "https://b.example/rss", "name": None}]


def test_sql_csv_and_table(small_db):
    csv_out = dealwatch("sql", "SELECT name FROM feeds WHERE name IS NOT NULL", "--db", str(small_db),
                        "--format", "csv").stdout
    assert csv_out.splitlines() == ["name", "A"]
    table = dealwatch("sql", "SELECT count(*) AS n FROM feeds", "--db", str(small_db)).stdout
    assert table.splitlines() == ["n", "-", "2", "(1 row)"]


def test_sql_refuses_writes(small_db):
    result = dealwatch("sql", "DELETE FROM feeds", "--db", str(small_db))
    assert result.returncode == 1
    assert result.stderr.startswith("Error: dealwatch sql is read-only")
    with duckdb.connect(str(small_db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM feeds").fetchone()[0] == 2


def test_sql_on_missing_database(tmp_path):
    result = dealwatch("sql", "SELECT 1", "--db", str(tmp_path / "none.duckdb"))
    assert result.returncode == 1
    assert "does not exist; run `dealwatch run` or `dealwatch demo` first" in result.stderr


def test_init_writes_a_valid_starter_config(tmp_path):
    result = dealwatch("init", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    from flows.config import load_settings
    settings = load_settings(tmp_path / "dealwatch.toml")
    assert len(settings.feeds) >= 3
    assert all(f.url.startswith("https://") for f in settings.feeds)
    again = dealwatch("init", cwd=tmp_path)
    assert again.returncode == 1 and "already exists; use --force" in again.stderr


def test_run_with_bad_config_is_an_error(tmp_path):
    (tmp_path / "dealwatch.toml").write_text('[alerts]\ntransport = "pigeon"\n')
    result = dealwatch("run", "--config", str(tmp_path / "dealwatch.toml"))
    assert result.returncode == 1
    assert result.stderr.startswith(f"Error: {tmp_path / 'dealwatch.toml'}: key 'alerts.transport'")


def test_detect_reads_german_text_files(tmp_path):
    path = tmp_path / "de.txt"
    path.write_text("Facebook-Konzern steigt mit 49 Prozent bei Scale AI ein\n\n"
                    "Der Facebook-Konzern Meta hat 49 Prozent der Anteile an dem KI-Dienstleister Scale AI "
                    "erworben. Das Geschäft ist rund 14,3 Milliarden US-Dollar schwer, wie beide Unternehmen "
                    "bestätigten. Wie die Nachrichtenagentur Reuters unter Berufung auf mit der Sache vertraute "
                    "Personen berichtet, will der Suchmaschinenkonzern Google die Zusammenarbeit mit Scale AI "
                    "beenden.\n", encoding="utf-8")
    result = dealwatch("detect", str(path), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted((e["event_type"], e["subtype"], e["acquirer"] or e["customer"], e["target"] or e["vendor"],
                   e["stake_pct"], e["status"]) for e in events) == [
        ("customer_change", "churn", "Google", "Scale AI", None, "reported"),
        ("deal", "stake", "Meta", "Scale AI", 49, "completed")]
    assert next(e for e in events if e["event_type"] == "deal")["evidence"].startswith("Der Facebook-Konzern Meta")


@pytest.mark.usefixtures("prefect_harness")
def test_demo_twice_reads_the_seed_once_and_reports_no_failed_feed(tmp_path):
    # Each demo serves the seed feed on a new port: the feed of the run before is gone, not failing.

    def demo() -> str:
        result = subprocess.run([sys.executable, "-m", "flows.cli", "demo"], cwd=tmp_path, env=prefect_process_env(),
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        return result.stdout

    first, second = demo(), demo()
    for out, new, sent in ((first, 1, 1), (second, 0, 0)):
        lines = {line.rsplit(None, 1)[0].strip(): line.rsplit(None, 1)[1] for line in out.splitlines()
                 if line.startswith(("feeds failed", "new articles"))}
        assert lines == {"feeds failed": "0", "new articles": str(new)}, out
        assert f"Alert emails in {tmp_path / 'outbox'}: 1 (this run sent {sent})" in out
        assert "customer_change  reduction  OpenAI     Scale AI" in out and "(4 rows)" in out
    [(feeds,)] = duckdb.connect(str(tmp_path / "dealwatch.duckdb"), read_only=True).execute(
        "SELECT count(*) FROM feeds").fetchall()
    assert feeds == 1
