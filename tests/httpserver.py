"""A real threaded HTTP/1.1 server on 127.0.0.1 (ephemeral port) that tests program per path.

    with serve_routes({"/feed.xml": Route(body=b"<rss .../>", content_type="application/rss+xml",
                                          etag='"v1"')}) as server:
        fetcher.get(server.url("/feed.xml"))
        assert server.requests_for("/feed.xml")[0].headers.get("if-none-match") is None

    with serve_directory("tests/data/feeds") as server:   # files, with ETag and Last-Modified
        server.url("/rss20.xml")

A route can be changed while the server runs (`server.routes["/x"] = Route(...)`), or be a
callable taking the RecordedRequest and returning a Route, for answers that depend on the request.
Bodies may be bytes or a callable returning an iterable of chunks (sent chunked unless
`length` is given), optionally compressed (`encoding="gzip"|"br"|"deflate"`, bytes bodies only)
and trickled (`chunk_size=1, delay=1.0` sends one byte per second).
"""

from __future__ import annotations

import email.utils
import gzip
import hashlib
import mimetypes
import threading
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import brotli

_TYPES = {".xml": "application/xml", ".rss": "application/rss+xml", ".atom": "application/atom+xml",
          ".json": "application/feed+json", ".html": "text/html; charset=utf-8", ".opml": "text/x-opml"}


@dataclass
class Route:
    """What the server answers on one path."""

    status: int = 200
    body: bytes | Callable[[], Iterable[bytes]] = b""
    content_type: str | None = "text/plain; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    encoding: str | None = None        # "gzip", "br" or "deflate": compress a bytes body
    length: int | None = None          # Content-Length for a streamed body (else chunked)
    chunk_size: int | None = None      # split a bytes body into pieces of this size
    delay: float = 0.0                 # seconds to wait before each piece
    etag: str | None = None            # sent as ETag; If-None-Match equal to it gets a 304
    last_modified: str | None = None   # sent as Last-Modified; equal If-Modified-Since gets a 304

    @classmethod
    def redirect(cls, location: str, status: int = 302) -> Route:
        """Returns a route redirecting to `location` (absolute or relative) with `status`."""
        return cls(status=status, headers={"Location": location}, content_type=None)


@dataclass
class RecordedRequest:
    """One request the server received; header names are lower-cased."""

    method: str
    path: str
    headers: dict[str, str]


RouteLike = Route | Callable[[RecordedRequest], Route]


def _encode(body: bytes, encoding: str | None) -> bytes:
    if encoding == "gzip":
        return gzip.compress(body)
    if encoding == "br":
        return brotli.compress(body)
    if encoding == "deflate":
        return zlib.compress(body)
    return body


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; with Nagle's algorithm on, the body then waits
    # for the client's delayed ACK, ~40 ms per response on a kept-alive connection.
    disable_nagle_algorithm = True
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:
        request = RecordedRequest("GET", self.path, {k.lower(): v for k, v in self.headers.items()})
        self.server.owner.requests.append(request)
        route = self.server.owner.find(request)
        if callable(route):
            route = route(request)
        try:
            self._answer(route, request)
        except (BrokenPipeError, ConnectionResetError):  # the client hung up, as it may
            self.close_connection = True

    def _not_modified(self, route: Route, request: RecordedRequest) -> bool:
        inm, ims = request.headers.get("if-none-match"), request.headers.get("if-modified-since")
        if route.etag and inm:
            return route.etag in [t.strip() for t in inm.split(",")] or inm.strip() == "*"
        return bool(route.last_modified and ims and ims == route.last_modified)

    def _answer(self, route: Route, request: RecordedRequest) -> None:
        status = 304 if route.status == 200 and self._not_modified(route, request) else route.status
        self.send_response(status)
        headers = dict(route.headers)
        if route.content_type and status != 304:
            headers.setdefault("Content-Type", route.content_type)
        if route.etag:
            headers.setdefault("ETag", route.etag)
        if route.last_modified:
            headers.setdefault("Last-Modified", route.last_modified)
        pieces: Iterable[bytes]
        if status == 304:
            pieces, headers["Content-Length"] = [], "0"
        elif callable(route.body):
            pieces = route.body()
            if route.length is not None:
                headers["Content-Length"] = str(route.length)
            else:
                headers["Transfer-Encoding"] = "chunked"
        else:
            body = _encode(route.body, route.encoding)
            if route.encoding:
                headers["Content-Encoding"] = route.encoding
            headers["Content-Length"] = str(len(body))
            size = route.chunk_size or max(len(body), 1)
            pieces = [body[i:i + size] for i in range(0, len(body), size)]
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        chunked = headers.get("Transfer-Encoding") == "chunked"
        for piece in pieces:
            if route.delay and self.server.owner.stopping.wait(route.delay):
                self.close_connection = True
                return
            if chunked:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            else:
                self.wfile.write(piece)
            self.wfile.flush()
        if chunked:
            self.wfile.write(b"0\r\n\r\n")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    # socketserver's default backlog of 5 drops the SYNs of a client opening 8 connections at
    # once, and each dropped one is retried a second later.
    request_queue_size = 128
    owner: TestServer

    def handle_error(self, request: object, client_address: object) -> None:
        # clients in these tests hang up on purpose (limits, timeouts); only report the rest
        import sys
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class TestServer:
    """The running server: its routes, the requests it received, and `url(path)`."""

    __test__ = False  # not a pytest test class

    def __init__(self, routes: dict[str, RouteLike], directory: str | Path | None):
        self.routes = dict(routes)
        self.directory = Path(directory) if directory else None
        self.requests: list[RecordedRequest] = []
        self.stopping = threading.Event()
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.owner = self
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    def url(self, path: str = "/") -> str:
        """Returns the absolute URL of `path` on this server, e.g. http://127.0.0.1:41234/feed.xml."""
        return f"http://127.0.0.1:{self.port}{path}"

    def requests_for(self, path: str) -> list[RecordedRequest]:
        """Returns the requests received for `path` (query string included when given)."""
        return [r for r in self.requests if r.path == path or r.path.split("?", 1)[0] == path]

    def find(self, request: RecordedRequest) -> RouteLike:
        """Returns the route for a request: exact path, path without query, a file, or 404."""
        for key in (request.path, request.path.split("?", 1)[0]):
            if key in self.routes:
                return self.routes[key]
        if self.directory is not None:
            file = (self.directory / request.path.split("?", 1)[0].lstrip("/")).resolve()
            if file.is_file() and file.is_relative_to(self.directory.resolve()):
                return self._file_route(file)
        return Route(status=404, body=b"not found")

    @staticmethod
    def _file_route(file: Path) -> Route:
        body = file.read_bytes()
        ctype = _TYPES.get(file.suffix) or mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        return Route(body=body, content_type=ctype, etag=f'"{hashlib.sha1(body).hexdigest()[:16]}"',
                     last_modified=email.utils.formatdate(file.stat().st_mtime, usegmt=True))

    def start(self) -> TestServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()


@contextmanager
def serve_routes(routes: dict[str, RouteLike] | None = None, *,
                 directory: str | Path | None = None) -> Iterator[TestServer]:
    """Yields a started TestServer answering `routes` (then files under `directory`, then 404)."""
    server = TestServer(routes or {}, directory).start()
    try:
        yield server
    finally:
        server.stop()


def serve_directory(directory: str | Path) -> Iterator[TestServer]:
    """Returns a context manager serving the files under `directory` (see serve_routes)."""
    return serve_routes({}, directory=directory)

