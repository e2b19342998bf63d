"""Records that flow through the pipeline: articles in, events out (see docs/events.md)."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import datetime

EVENT_TYPES = ("deal", "customer_change")
SUBTYPES = {
    "deal": ("acquisition", "stake", "merger", "investment", "divestiture", "joint_venture"),
    "customer_change": ("churn", "reduction", "new_customer", "expansion"),
}
STATUSES = ("announced", "completed", "reported", "considering", "cancelled", "denied")
PARTY_FIELDS = ("acquirer", "target", "seller", "customer", "vendor", "competitor")
# The fields of docs/events.md, in the order the contract lists them.
EVENT_FIELDS = (
    "event_type", "subtype", *PARTY_FIELDS,
    "amount", "currency", "stake_pct", "status", "evidence", "confidence",
)


@dataclass
class Event:
    """One deal or customer change read from one article."""

    event_type: str
    subtype: str
    status: str
    evidence: str
    confidence: float
    acquirer: str | None = None
    target: str | None = None
    seller: str | None = None
    customer: str | None = None
    vendor: str | None = None
    competitor: str | None = None
    amount: float | None = None
    currency: str | None = None
    stake_pct: float | None = None

    def parties(self) -> dict[str, str]:
        """Returns the non-empty party roles, e.g. {"acquirer": "Meta", "target": "Scale AI"}."""
        return {role: getattr(self, role) for role in PARTY_FIELDS if getattr(self, role)}

    def to_dict(self) -> dict:
        """Returns the EVENTS.md fields in contract order."""
        d = asdict(self)
        return {k: d[k] for k in EVENT_FIELDS}


@dataclass
class Article:
    """The text of one news article and what is known about it."""

    url: str
    title: str | None
    text: str
    published_at: datetime | None = None
    author: str | None = None
    language: str | None = None
    site_name: str | None = None
    extra: dict = field(default_factory=dict)

    def content_hash(self) -> str:
        """Returns a hash of the normalised text, equal for syndicated copies of one article."""
        norm = " ".join((self.text or "").split()).lower()
        return hashlib.sha256(norm.encode()).hexdigest()[:32]
