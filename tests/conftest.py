"""Shared fixtures: real local servers (HTTP, SMTP), temporary DuckDB files, one Prefect harness."""

from __future__ import annotations

import ipaddress
import json
import os
import socket
from pathlib import Path

import pytest

# No analytics off this machine, from the harness's server or any client (subprocesses inherit these).
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def _loopback(host) -> bool:
    if isinstance(host, bytes):
        host = host.decode()
    if host in ("localhost", "", None):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        pass
    try:  # the legacy forms getaddrinfo also accepts, such as 2130706434 for 127.0.0.2
        return ipaddress.IPv4Address(socket.inet_aton(str(host))).is_loopback
    except OSError:
        return False


@pytest.fixture(scope="session", autouse=True)
def loopback_only():
    """Refuses, in this process, any name lookup or connection outside 127.0.0.0/8 and ::1.

    A safety net: tests must never send traffic elsewhere, not even a DNS query for a fixture's
    example.com link. The product sees an ordinary resolution failure and records it.
    """
    real_getaddrinfo, real_connect = socket.getaddrinfo, socket.socket.connect
    blocked: list[str] = []

    def getaddrinfo(host, *args, **kwargs):
        if not _loopback(host):
            blocked.append(f"lookup of {host}")
            raise socket.gaierror(socket.EAI_NONAME, f"test guard: no lookups outside loopback ({host})")
        return real_getaddrinfo(host, *args, **kwargs)

    def connect(sock, address):
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not _loopback(address[0]):
            blocked.append(f"connection to {address[0]}")
            raise ConnectionRefusedError(f"test guard: no connections outside loopback ({address[0]})")
        return real_connect(sock, address)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket, "getaddrinfo", getaddrinfo)
        mp.setattr(socket.socket, "connect", connect)
        yield blocked


@pytest.fixture(autouse=True)
def no_traffic_outside_loopback(loopback_only):
    """Fails the test that tried to reach anything outside loopback (the guard refused it)."""
    before = len(loopback_only)
    yield
    tried = loopback_only[before:]
    assert not tried, f"test tried to reach outside 127.0.0.0/8: {tried}"


@pytest.fixture(scope="session")
def prefect_harness():
    """One temporary Prefect API for the whole session (a first flow run in a fresh home costs ~13 s)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


def prefect_process_env(**extra: str) -> dict[str, str]:
    """Returns the environment for a `dealwatch` child process: this session's Prefect API (the
    `prefect_harness` server), the repository on PYTHONPATH, no DEALWATCH_* from the caller."""
    from prefect.settings import get_current_settings

    env = {k: v for k, v in os.environ.items() if not k.startswith("DEALWATCH_")}
    return {**env, "PREFECT_API_URL": str(get_current_settings().api.url), "PYTHONPATH": str(ROOT), **extra}


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


@pytest.fixture
def smtp_server():
    """A real SMTP server on 127.0.0.1 (ephemeral port, tests/smtpserver.py); yields (host, port, sink)."""
    from tests.smtpserver import SmtpServer

    server = SmtpServer(free_port()).start()
    try:
        yield server.host, server.port, server.sink
    finally:
        server.stop()


def write_config(path: Path, *, db: Path, feeds: list[str], extra: str = "",
                 total_timeout: float = 15) -> Path:
    """Writes a test config allowing 127.0.0.1 and returns its path. Alerts go to an outbox beside
    the config unless `extra` has its own [alerts] (never to the repository's ./outbox)."""
    if "[alerts]" not in extra:
        extra += f'\n[alerts]\ntransport = "file"\noutbox = "{path.parent / "outbox"}"\n'
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
