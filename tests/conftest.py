"""Shared fixtures: real local servers (HTTP, SMTP), temporary DuckDB files, one Prefect harness."""

from __future__ import annotations

import json
import os
import socket
import threading
from email import message_from_bytes, policy
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect API for the whole session (a first flow run in a fresh home costs ~13 s)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def seed_expected() -> dict:
    return json.loads((SEEDS / "scale-ai-google-withdraws.expected.json").read_text(encoding="utf-8"))


@pytest.fixture
def seed_server():
    """The seeds/ folder served over HTTP on 127.0.0.1; yields the base URL."""
    from flows.demo import serve_directory

    with serve_directory(SEEDS) as base:
        yield base


def free_port() -> int:
    """Returns a TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SmtpSink:
    """Collects the messages an aiosmtpd server on 127.0.0.1 accepts."""

    def __init__(self):
        self.messages = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server():
    """A real SMTP server on 127.0.0.1 (ephemeral port); yields (host, port, sink)."""
    from aiosmtpd.controller import Controller

    sink = SmtpSink()
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield "127.0.0.1", port, sink
    finally:
        controller.stop()


def write_config(path: Path, *, db: Path, feeds: list[str], extra: str = "",
                 total_timeout: float = 15) -> Path:
    """Writes a test config allowing 127.0.0.1 and returns its path."""
    feed_blocks = "\n".join(f'[[feeds]]\nurl = "{u}"\n' for u in feeds)
    path.write_text(f'database = "{db}"\n\n{feed_blocks}\n[fetch]\nallow_hosts = ["127.0.0.1"]\n'
                    f"connect_timeout = 5\nread_timeout = 5\ntotal_timeout = {total_timeout}\n{extra}",
                    encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def analyst_db(tmp_path_factory) -> Path:
    """A database with a few weeks of deals, customer changes and a syndicated copy
    (tests/fixture_db.py). Shared by the session: open it read-only."""
    from tests.fixture_db import build

    return build(tmp_path_factory.mktemp("analyst") / "analyst.duckdb")
