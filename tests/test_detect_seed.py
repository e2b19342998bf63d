"""The seed article yields exactly its four events, from general rules."""

import json
from pathlib import Path

import pytest

from extract.events import detect_events
from extract.parties import same_party

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def events() -> list[dict]:
    raw = (SEEDS / "scale-ai-google-withdraws.txt").read_text(encoding="utf-8")
    title, body = raw.split("\n", 1)
    return [e.to_dict() for e in detect_events(body, title=title)]


@pytest.fixture(scope="module")
def body() -> str:
    return (SEEDS / "scale-ai-google-withdraws.txt").read_text(encoding="utf-8").split("\n", 1)[1]


def find(events: list[dict], **roles: str) -> dict:
    found = [e for e in events if all(same_party(e.get(k), v) and e.get(k) == v for k, v in roles.items())]
    assert len(found) == 1, f"expected one event with {roles}, got {found}"
    return found[0]


def test_exactly_four_events(events: list[dict]) -> None:
    assert len(events) == 4


def test_meta_stake(events: list[dict]) -> None:
    e = find(events, acquirer="Meta", target="Scale AI")
    assert (e["event_type"], e["subtype"], e["stake_pct"], e["status"]) == ("deal", "stake", 49, "completed")
    assert (e["amount"], e["currency"]) == (14.3e9, "USD")


def test_google(events: list[dict]) -> None:
    e = find(events, customer="Google", vendor="Scale AI")
    assert e["subtype"] in ("churn", "reduction")
    assert e["status"] == "reported"
    assert e["amount"] in (200e6, None)


def test_microsoft(events: list[dict]) -> None:
    e = find(events, customer="Microsoft", vendor="Scale AI")
    assert (e["subtype"], e["status"]) == ("churn", "considering")


def test_openai(events: list[dict]) -> None:
    e = find(events, customer="OpenAI", vendor="Scale AI")
    assert (e["subtype"], e["status"]) == ("reduction", "reported")


def test_expected_json_agrees(events: list[dict]) -> None:
    expected = json.loads((SEEDS / "scale-ai-google-withdraws.expected.json").read_text(encoding="utf-8"))
    for g in expected["events"]:
        roles = {k: g[k] for k in ("acquirer", "target", "customer", "vendor") if g[k]}
        e = find(events, **roles)
        assert e["event_type"] == g["event_type"]
        assert e["status"] == g["status"]


def test_no_event_names_a_non_party(events: list[dict]) -> None:
    names = {v for e in events for k, v in e.items() if k in ("acquirer", "target", "seller", "customer",
                                                                 "vendor", "competitor") and v}
    assert names == {"Meta", "Scale AI", "Google", "Microsoft", "OpenAI"}


def test_evidence_is_verbatim(events: list[dict], body: str) -> None:
    for e in events:
        assert e["evidence"] in body
        assert 0 < e["confidence"] <= 1
