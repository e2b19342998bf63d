"""The offline demo: the bundled seed feed served from 127.0.0.1 and run through the real flow."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@contextmanager
def serve_directory(directory: Path) -> Iterator[str]:
    """Serves a folder over HTTP on 127.0.0.1 (ephemeral port); yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


DEMO_FEED_NAME = "dealwatch seed feed"


def demo_config(feed_url: str, *, db: str, outbox: str) -> str:
    """Returns the TOML config of the demo: the seed feed, loopback allowed, .eml alerts."""
    return f'''\
# Written by `dealwatch demo`: the seed feed served from 127.0.0.1.
database = "{db}"

[[feeds]]
url = "{feed_url}"
name = "{DEMO_FEED_NAME}"

[fetch]
allow_hosts = ["127.0.0.1"]

[alerts]
transport = "file"
outbox = "{outbox}"
events = ["deal"]
'''
