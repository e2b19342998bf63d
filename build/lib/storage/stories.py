"""Stories: one real-world event reported by many articles.

Event mentions share a story when they have the same event type and the same principal parties
after folding (legal suffixes, "the", possessives and the analyst's `company_aliases` folded:
"Meta Platforms, Inc." = "Meta") and they were seen within STORY_WINDOW of the story's mentions.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import duckdb
import pyarrow as pa

from extract.model import PARTY_FIELDS, Event
from extract.parties import normalize_name

STORY_WINDOW = timedelta(days=30)

# Descriptor words that news drops from a company's name ("Meta Platforms" is "Meta") but that are
# not legal suffixes, so the detector's normalize_name keeps them.
_DESCRIPTORS = re.compile(r"(?:[\s,]+(?:platforms|technologies|company|companies))+$", re.I)


@lru_cache(maxsize=1 << 16)   # the same few thousand names recur in every batch
def fold_name(name: str) -> str:
    """Returns a party name folded for matching: 'The Meta Platforms, Inc.' -> 'meta'.

    Builds on extract.parties.normalize_name (leading "the", possessive, legal suffixes), applied
    until stable ("McDonald's Corp" -> "McDonald's" -> "McDonald"), then drops descriptor words and
    folds case, apostrophes, punctuation and spacing. A name made only of such words ("The Group")
    is kept whole rather than folded to nothing.
    """
    plain = normalize_name(name)
    while (again := normalize_name(plain)) != plain:
        plain = again
    plain = _DESCRIPTORS.sub("", plain).strip(" ,") or plain
    folded = re.sub(r"[^\w&+]+", " ", plain.casefold().replace("'", "").replace("’", ""))
    return " ".join(folded.split()) or name.strip().casefold()


def party_keys(event: Event | Mapping) -> list[str]:
    """Returns the folded names of every party of an event, each once, sorted."""
    get = event.get if isinstance(event, Mapping) else (lambda k: getattr(event, k))
    return sorted({fold_name(get(role)) for role in PARTY_FIELDS if get(role)})


def _principal_roles(event_type: str) -> tuple[str, str]:
    # Sellers and competitors are often left out of early reports, so they do not split a story.
    return ("acquirer", "target") if event_type == "deal" else ("customer", "vendor")


def story_key(event: Event | Mapping, aliases: Mapping[str, str] | None = None) -> str:
    """Returns the key that groups mentions of one real-world event: type plus folded parties.

    `aliases` maps a folded alias to the folded company it denotes (see load_aliases).
    """
    get = event.get if isinstance(event, Mapping) else (lambda k: getattr(event, k))
    event_type = get("event_type")
    aliases = aliases or {}
    parties = sorted(aliases.get(fold_name(get(r)), fold_name(get(r)))
                     for r in _principal_roles(event_type) if get(r))
    return f"{event_type}|{'|'.join(parties)}"


def load_aliases(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """Returns {folded alias: folded company} from the company_aliases table."""
    return {fold_name(alias): fold_name(company)
            for alias, company in con.execute("SELECT alias, company FROM company_aliases").fetchall()}


def company_keys(con: duckdb.DuckDBPyConnection, name: str) -> list[str]:
    """Returns the folded names that denote the same company as `name`: itself and its aliases."""
    aliases = load_aliases(con)
    wanted = fold_name(name)
    canonical = aliases.get(wanted, wanted)
    return sorted({wanted, canonical} | {a for a, c in aliases.items() if c == canonical})


@dataclass
class _Story:
    story_id: str
    story_key: str
    event_type: str
    first_seen_at: datetime
    last_seen_at: datetime
    touched: bool = False

    def covers(self, seen: datetime) -> bool:
        return self.first_seen_at - STORY_WINDOW <= seen <= self.last_seen_at + STORY_WINDOW


_STORY_SCHEMA = pa.schema([
    ("story_id", pa.string()), ("story_key", pa.string()), ("event_type", pa.string()),
    ("first_seen_at", pa.timestamp("us", tz="UTC")), ("last_seen_at", pa.timestamp("us", tz="UTC"))])


def _utc(value: datetime | None, default: datetime) -> datetime:
    if value is None:
        return default
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def assign_stories(con: duckdb.DuckDBPyConnection, rows: Sequence[dict], now: datetime) -> int:
    """Sets row['story_id'] for each event row, extending known stories or creating new ones.

    A mention joins the story of its key whose mentions lie within STORY_WINDOW of it (the most
    recent such story when several do); otherwise it starts a story. One query reads the candidate
    stories and one statement writes them back, however many rows. Returns the number of new stories.
    """
    if not rows:
        return 0
    aliases = load_aliases(con)
    keyed = [(story_key(r, aliases), _utc(r.get("published_at"), now), r) for r in rows]
    by_key: dict[str, list[_Story]] = {}
    for sid, key, etype, first, last in con.execute(
            """SELECT story_id, story_key, event_type, first_seen_at, last_seen_at FROM story_keys
               WHERE story_key IN (SELECT unnest(?::VARCHAR[]))""",
            [sorted({k for k, _, _ in keyed})]).fetchall():
        by_key.setdefault(key, []).append(_Story(sid, key, etype, first, last))
    created = 0
    # Oldest first, so a batch spanning months splits into the same stories as a trickle would.
    for key, seen, row in sorted(keyed, key=lambda t: (t[1], t[0])):
        candidates = [s for s in by_key.get(key, []) if s.covers(seen)]
        if candidates:
            story = max(candidates, key=lambda s: s.last_seen_at)
            story.first_seen_at = min(story.first_seen_at, seen)
            story.last_seen_at = max(story.last_seen_at, seen)
        else:
            # Deterministic: a rerun of the same mention recreates the same id.
            sid = hashlib.sha256(f"{key}\n{seen.isoformat()}".encode()).hexdigest()[:16]
            story = _Story(sid, key, row["event_type"], seen, seen)
            by_key.setdefault(key, []).append(story)
            created += 1
        story.touched = True
        row["story_id"] = story.story_id
    changed = [s for stories in by_key.values() for s in stories if s.touched]
    batch = pa.Table.from_pylist(
        [{"story_id": s.story_id, "story_key": s.story_key, "event_type": s.event_type,
          "first_seen_at": s.first_seen_at, "last_seen_at": s.last_seen_at} for s in changed],
        schema=_STORY_SCHEMA)
    con.register("story_batch", batch)
    try:
        con.execute("""
            INSERT INTO story_keys SELECT * FROM story_batch
            ON CONFLICT (story_id) DO UPDATE SET
                first_seen_at = least(story_keys.first_seen_at, excluded.first_seen_at),
                last_seen_at = greatest(story_keys.last_seen_at, excluded.last_seen_at)""")
    finally:
        con.unregister("story_batch")
    return created
