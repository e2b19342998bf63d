"""Every SQL recipe in the README runs, through `dealwatch sql`, and returns the rows it promises."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from flows.cli import main

README = Path(__file__).resolve().parent.parent / "README.md"


def recipes() -> dict[str, str]:
    """Returns {title: sql} for each ```sql block of the README's "SQL recipes" section."""
    section = README.read_text(encoding="utf-8").split("### SQL recipes", 1)[1].split("\n### ", 1)[0]
    found = {}
    for block in re.findall(r"```sql\n(.*?)```", section, re.S):
        title = block.splitlines()[0].removeprefix("-- ").strip()
        found[title] = block
    return found


def run_recipe(capsys, db: Path, sql: str) -> list[dict]:
    assert main(["sql", sql, "--db", str(db), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


EXPECTED = {
    "deals this week over $1bn, one row per real-world deal": lambda rows: [
        (r["acquirer"], r["target"], r["amount"], r["stake_pct"], r["latest_status"], r["article_count"])
        for r in rows] == [
        ("SoftBank Group Corp.", "OpenAI", 40e9, 11, "announced", 1),
        # the rumour ($10bn, reported) and the completion ($14.3bn) are one story; the syndicated
        # copy of the completion article is not a third article
        ("Meta Platforms, Inc.", "Scale AI", 14.3e9, 49, "completed", 2),
        ("Salesforce", "Informatica", 8e9, None, "announced", 1)],
    "everything about one company, in any role (party_keys: lower case, no legal suffix)": lambda rows: [
        (r["event_type"], r["subtype"], r["acquirer"] or r["customer"], r["target"] or r["vendor"])
        for r in rows] == [
        ("customer_change", "reduction", "OpenAI", "Scale AI"),
        ("deal", "stake", "SoftBank Group Corp.", "OpenAI")],
    "customers leaving a vendor in the last 30 days": lambda rows: [
        (r["customer"], r["subtype"], r["status"], r["outlet"]) for r in rows] == [
        ("Google", "churn", "reported", "Example News"),
        ("Microsoft", "churn", "considering", "Example News"),
        ("OpenAI", "reduction", "reported", "Example News")],
    "biggest stakes by amount (compare within one currency)": lambda rows: [
        (r["acquirer"], r["target"], r["stake_pct"], r["amount"]) for r in rows] == [
        ("SoftBank Group Corp.", "OpenAI", 11, 40e9), ("Meta Platforms, Inc.", "Scale AI", 49, 14.3e9)],
    "feeds failing in the last 24 hours": lambda rows: [
        (r["feed_url"], r["failures"], r["last_error"]) for r in rows] == [
        ("https://broken.example/rss", 2, "HTTP 503 Service Unavailable")],
}


def test_every_recipe_has_an_expectation():
    assert sorted(recipes()) == sorted(EXPECTED)


@pytest.mark.parametrize("title", sorted(EXPECTED))
def test_recipe_returns_the_promised_rows(capsys, analyst_db, title):
    rows = run_recipe(capsys, analyst_db, recipes()[title])
    assert EXPECTED[title](rows), rows
