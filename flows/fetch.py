"""One guarded HTTP client for feeds and pages: `Fetcher.get(url)` returns a FetchResult or raises
FetchError (`.transient` says whether retrying may help).

    with Fetcher(settings.fetch) as fetcher:
        result = fetcher.get("https://example.com/rss", etag=state.etag, kind="feed")
        if result.not_modified: ...

What it guarantees, whatever the server does:
- only http and https; every connection, redirect hops included, goes to an address the SSRF
  guard allows (flows/netguard.py); TLS verification is always on; proxies are not used;
- at most `fetch.max_redirects` hops, loops detected, `permanent_url` set when every hop was
  301/308 (the feed moved) and left None when any hop was temporary;
- at most `fetch.concurrency` requests in flight, at most `fetch.per_host` to one host;
- a request gets `fetch.total_timeout` seconds of connection time in all, headers and body
  included (a server trickling bytes is cut), besides the connect and per-read timeouts;
- the body is decompressed here, in bounded steps, and refused past `fetch.max_bytes` of
  *decompressed* bytes, so a gzip or brotli bomb costs at most that much memory;
- PDFs, images and other binaries are refused before the body is read.
Transient: timeouts, connection errors, 5xx, 408, 429 (with retry_after). Terminal: everything else.
"""

from __future__ import annotations

import email.utils
import zlib
import importlib.util
import itertools
import logging
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Literal, TypeVar

import brotli
import httpx

from extract.clean import HEADER_CHARS, clean_text
from extract.errors import BlockedAddressError, FetchError, TooLargeError
from flows.config import FetchSettings
from flows.netguard import GuardedTransport, check_literal_host, request_deadline

log = logging.getLogger(__name__)

Kind = Literal["feed", "page"]
REDIRECTS = (301, 302, 303, 307, 308)
PERMANENT = (301, 308)
ACCEPT = {
    "feed": "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9,"
            " text/xml;q=0.9, application/json;q=0.8, text/*;q=0.5, */*;q=0.1",
    "page": "text/html, application/xhtml+xml;q=0.9, text/*;q=0.5, */*;q=0.1",
}
_BINARY_MAGIC = (b"%PDF-", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x1f\x8b",
                 b"RIFF", b"\x00\x00\x00", b"ID3", b"OggS", b"\x7fELF", b"MZ")
_UNKNOWN_TYPES = ("", "application/octet-stream", "binary/octet-stream", "application/unknown")
T = TypeVar("T")


class UnsupportedEncoding(ValueError):
    """A Content-Encoding this client did not ask for and cannot decode."""


Stage = Callable[[bytes], Iterator[bytes]]


def _brotli_stage() -> Stage:
    dec = brotli.Decompressor()

    def step(data: bytes) -> Iterator[bytes]:
        try:
            out = dec.process(data, output_buffer_limit=BodyDecoder.STEP)
            yield out
            # can_accept_more_data() turns True before the output is drained, so also drain
            # until the decoder has nothing more to give for the input it has
            while not dec.can_accept_more_data() or (out and not dec.is_finished()):
                out = dec.process(b"", output_buffer_limit=BodyDecoder.STEP)
                yield out
        except brotli.error as exc:
            raise ValueError(f"brotli: {exc}") from exc
    return step


def _zlib_stage(gzip: bool) -> Stage:
    state = {"z": zlib.decompressobj(zlib.MAX_WBITS | 16 if gzip else zlib.MAX_WBITS),
             "raw_ok": not gzip, "started": False, "flushed": False}

    def step(data: bytes) -> Iterator[bytes]:
        if not data and not state["flushed"]:  # end of body: output zlib may still hold
            state["flushed"] = True
            yield state["z"].flush()
        while data:
            z = state["z"]
            try:
                piece = z.decompress(data, BodyDecoder.STEP)
            except zlib.error as exc:
                if state["raw_ok"] and not state["started"]:  # "deflate" sent without zlib header
                    state["z"], state["raw_ok"] = zlib.decompressobj(-zlib.MAX_WBITS), False
                    continue
                raise ValueError(f"zlib: {exc}") from exc
            state["started"] = True
            yield piece
            data = z.unconsumed_tail
            if z.eof and z.unused_data:  # another gzip member follows
                data = z.unused_data
                state["z"] = zlib.decompressobj(zlib.MAX_WBITS | 16)
    return step


def _through(stage: Stage, pieces: Iterator[bytes]) -> Iterator[bytes]:
    for piece in pieces:
        yield from stage(piece)


class BodyDecoder:
    """Decodes a Content-Encoding chain lazily, STEP bytes at a time, raising OverflowError as
    soon as the decoded total passes `limit`: memory stays near `limit` whatever the ratio.

    httpx's own decoders inflate each network chunk in one call (a 64 KiB brotli chunk can
    become gigabytes), hence this class.
    """

    ACCEPT = "gzip, deflate, br"
    STEP = 64 * 1024

    def __init__(self, content_encoding: str, limit: int):
        names = [n.strip().lower() for n in content_encoding.split(",") if n.strip()]
        names = [n for n in names if n != "identity"]
        unknown = [n for n in names if n not in ("gzip", "x-gzip", "deflate", "br")]
        if unknown:
            raise UnsupportedEncoding(f"unsupported Content-Encoding {', '.join(unknown)}")
        # the encoding applied last is listed last and comes off first
        self._stages = [_brotli_stage() if n == "br" else _zlib_stage(n != "deflate")
                        for n in reversed(names)]
        self._limit = limit
        self._total = 0

    def _chain(self, data: bytes, final: bool) -> Iterator[bytes]:
        pieces: Iterator[bytes] = iter((data,))
        for stage in self._stages:
            source = itertools.chain(pieces, (b"",)) if final else pieces
            pieces = _through(stage, source)
        return pieces

    def feed(self, data: bytes, *, final: bool = False) -> Iterator[bytes]:
        """Yields the decoded pieces of one raw chunk (final=True at the end of the body);
        raises OverflowError as soon as the decoded total passes the limit."""
        for piece in self._chain(data, final):
            self._total += len(piece)
            if self._total > self._limit:
                raise OverflowError(f"body exceeds {self._limit} bytes")
            if piece:
                yield piece


@dataclass
class FetchResult:
    """A successful (2xx) or not-modified (304) response, with its body already read."""

    url: str
    status: int
    body: bytes
    content_type: str | None
    headers: dict[str, str] = field(repr=False)
    etag: str | None
    last_modified: str | None
    permanent_url: str | None
    retry_after: float | None
    max_age: float | None
    elapsed: float

    @property
    def not_modified(self) -> bool:
        """Returns True for a 304: the stored copy is current, nothing to parse."""
        return self.status == 304


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Returns the seconds a Retry-After header asks to wait (delta or HTTP date), or None.

    >>> parse_retry_after("120")
    120.0
    """
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


def parse_max_age(value: str | None) -> float | None:
    """Returns Cache-Control max-age in seconds, or None when absent or no-store/no-cache."""
    if not value or re.search(r"\bno-(store|cache)\b", value, re.I):
        return None
    m = re.search(r"(?<![-\w])max-age\s*=\s*\"?(\d+)", value, re.I)
    return float(m.group(1)) if m else None


def content_type_verdict(content_type: str | None, kind: Kind) -> bool | None:
    """Returns True when `kind` may be served with this content type, False when not, None when
    the type says nothing (missing, octet-stream) and the body must be sniffed."""
    mime = (content_type or "").split(";", 1)[0].strip().lower()
    if mime in _UNKNOWN_TYPES:
        return None
    if kind == "feed":
        return mime.startswith("text/") or any(w in mime for w in ("xml", "rss", "atom", "json"))
    return mime.startswith("text/") or mime in ("application/xhtml+xml", "application/html")


def looks_like_text(head: bytes, kind: Kind) -> bool:
    """Returns True when the first bytes of a body look like markup (or JSON for a feed)."""
    if head.startswith(_BINARY_MAGIC):
        return False
    stripped = head.lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n")
    starts = (b"<", b"{", b"[") if kind == "feed" else (b"<",)
    return stripped[:1] in starts or not stripped


class Fetcher:
    """The run's one HTTP client (thread-safe). Use as a context manager, or call close()."""

    def __init__(self, settings: FetchSettings, *, resolver: Callable[[str, int], list[str]] | None = None):
        self.settings = settings
        http2 = importlib.util.find_spec("h2") is not None
        self._client = httpx.Client(
            transport=GuardedTransport(settings, http2=http2, resolver=resolver),
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": BodyDecoder.ACCEPT},
            timeout=httpx.Timeout(connect=settings.connect_timeout, read=settings.read_timeout,
                                  write=settings.read_timeout, pool=settings.total_timeout),
            follow_redirects=False, trust_env=False,
        )
        self._slots = threading.BoundedSemaphore(max(1, settings.concurrency))
        self._host_slots: dict[str, threading.BoundedSemaphore] = {}
        self._lock = threading.Lock()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Closes pooled connections; the Fetcher cannot be used afterwards."""
        self._client.close()

    def _host_slot(self, host: str) -> threading.BoundedSemaphore:
        with self._lock:
            slot = self._host_slots.get(host)
            if slot is None:
                slot = self._host_slots[host] = threading.BoundedSemaphore(max(1, self.settings.per_host))
            return slot

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            kind: Kind = "page") -> FetchResult:
        """Returns the response for `url` after redirects; raises FetchError (see module doc)."""
        started = time.monotonic()
        headers = {"Accept": ACCEPT[kind]}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        visited: list[str] = []
        permanent = True
        budget = self.settings.total_timeout
        current = url
        with self._slots:
            while True:
                target = self._check_url(current, url, kind)
                visited.append(str(target))
                with self._host_slot(target.host):
                    hop_start = time.monotonic()
                    result = self._hop(target, headers, kind, url, budget)
                    budget -= time.monotonic() - hop_start
                if isinstance(result, FetchResult):
                    result.permanent_url = result.url if permanent and len(visited) > 1 else None
                    result.elapsed = time.monotonic() - started
                    if result.not_modified and result.etag is None:
                        result.etag = etag
                    if result.not_modified and result.last_modified is None:
                        result.last_modified = last_modified
                    log.debug("fetched %s %s: %s, %d bytes", kind, url, result.status, len(result.body))
                    return result
                status, location = result
                try:
                    nxt = str(target.join(location))
                except (httpx.InvalidURL, ValueError) as exc:   # `javascript:…`, a broken host
                    raise FetchError(f"{kind} {url}: redirected to an unusable address "
                                     f"{clean_text(location, limit=200)!r} ({exc}); recorded, not "
                                     "retried this run", status=status) from exc
                if len(visited) > self.settings.max_redirects:
                    raise FetchError(f"{kind} {url}: more than {self.settings.max_redirects} redirects"
                                     f" (last to {nxt}); recorded, not retried this run", status=status)
                if nxt in visited:
                    raise FetchError(f"{kind} {url}: redirect loop ({' -> '.join([*visited, nxt])});"
                                     " recorded, not retried this run", status=status)
                permanent = permanent and status in PERMANENT
                current = nxt

    def _check_url(self, current: str, url: str, kind: Kind) -> httpx.URL:
        try:
            target = httpx.URL(current)
        except httpx.InvalidURL as exc:
            raise FetchError(f"{kind} {url}: invalid URL {current!r} ({exc}); skipped") from exc
        if target.scheme not in ("http", "https") or not target.host:
            raise FetchError(f"{kind} {url}: only http and https URLs are fetched, not {current!r};"
                             " skipped")
        try:
            check_literal_host(target.host, self.settings)
        except BlockedAddressError as exc:
            raise BlockedAddressError(f"{kind} {url}: {_via(current, url)}{exc}") from exc
        return target

    def _hop(self, target: httpx.URL, headers: dict[str, str], kind: Kind, url: str,
             budget: float) -> FetchResult | tuple[int, str]:
        """Returns the FetchResult of one request, or (status, location) when it redirects."""
        if budget <= 0:
            raise FetchError(f"{kind} {url}: took longer than fetch.total_timeout "
                             f"({self.settings.total_timeout:g}s) (will retry later)", transient=True)
        deadline = time.monotonic() + budget
        try:
            with request_deadline(budget), \
                    self._client.stream("GET", target, headers=headers) as resp:
                status = resp.status_code
                if status in REDIRECTS and resp.headers.get("location"):
                    return status, resp.headers["location"]
                self._raise_for_status(resp, kind, url)
                return self._read(resp, kind, url)
        except BlockedAddressError as exc:
            raise BlockedAddressError(f"{kind} {url}: {_via(str(target), url)}{exc}") from exc
        except httpx.TimeoutException as exc:
            if time.monotonic() >= deadline - 0.05:
                what = f"took longer than fetch.total_timeout ({self.settings.total_timeout:g}s)"
            elif isinstance(exc, httpx.ConnectTimeout):
                what = f"no connection within fetch.connect_timeout ({self.settings.connect_timeout:g}s)"
            else:
                what = f"no data for fetch.read_timeout ({self.settings.read_timeout:g}s)"
            raise FetchError(f"{kind} {url}: {what} (will retry later)", transient=True) from exc
        except httpx.TransportError as exc:
            raise _transport_error(exc, kind, url) from exc
        except httpx.InvalidURL as exc:   # httpx reads a redirect's Location (`javascript:…`) itself
            raise FetchError(f"{kind} {url}: {_via(str(target), url)}the server answered with an "
                             f"unusable address ({exc}); recorded, not retried this run") from exc

    def _raise_for_status(self, resp: httpx.Response, kind: Kind, url: str) -> None:
        status = resp.status_code
        if status == 304 or 200 <= status < 300:
            return
        retry_after = parse_retry_after(resp.headers.get("retry-after"))
        reason = f"HTTP {status} {resp.reason_phrase}".rstrip()
        if status in REDIRECTS:
            raise FetchError(f"{kind} {url}: {reason} without a Location header; recorded, "
                             "not retried this run", status=status)
        if status in (408, 429) or status >= 500:
            wait = f"retry after {retry_after:g}s" if retry_after is not None else "will retry later"
            raise FetchError(f"{kind} {url}: {reason} ({wait})", transient=True, status=status,
                             retry_after=retry_after)
        advice = " (the source is gone: consider removing it)" if status == 410 else ""
        raise FetchError(f"{kind} {url}: {reason}{advice}; recorded, not retried this run",
                         status=status)

    def _read(self, resp: httpx.Response, kind: Kind, url: str) -> FetchResult:
        content_type = resp.headers.get("content-type")
        verdict = content_type_verdict(content_type, kind)
        if verdict is False and resp.status_code != 304:
            raise FetchError(f"{kind} {url}: not a {kind}: content-type {content_type} (skipped)",
                             status=resp.status_code)
        limit = self.settings.max_bytes
        body = b""
        if resp.status_code != 304:
            encoding = resp.headers.get("content-encoding", "")
            length = resp.headers.get("content-length", "")
            if not encoding.strip() and length.isdigit() and int(length) > limit:
                raise _too_large(kind, url, limit, f"Content-Length {length}")
            try:
                decoder = BodyDecoder(encoding, limit)
                chunks = [piece for raw in resp.iter_raw() for piece in decoder.feed(raw)]
                chunks.extend(decoder.feed(b"", final=True))
            except UnsupportedEncoding as exc:
                raise FetchError(f"{kind} {url}: {exc}; skipped", status=resp.status_code) from exc
            except OverflowError as exc:
                raise _too_large(kind, url, limit, "decompressed body" if encoding else "body") from exc
            except ValueError as exc:  # corrupt gzip/brotli stream
                raise FetchError(f"{kind} {url}: corrupt {encoding} body ({exc}) (will retry later)",
                                 transient=True, status=resp.status_code) from exc
            body = b"".join(chunks)
            if verdict is None and not looks_like_text(body[:512], kind):
                raise FetchError(f"{kind} {url}: not a {kind}: content-type {content_type or 'missing'}"
                                 " and the body is not text (skipped)", status=resp.status_code)
        headers = {k.lower(): v for k, v in resp.headers.items()}
        return FetchResult(
            url=str(resp.request.url), status=resp.status_code, body=body,
            content_type=_header(content_type), headers=headers, etag=_header(headers.get("etag")),
            last_modified=_header(headers.get("last-modified")), permanent_url=None,
            retry_after=parse_retry_after(headers.get("retry-after")),
            max_age=parse_max_age(headers.get("cache-control")), elapsed=0.0)


def _header(value: str | None) -> str | None:
    """Returns a header value cleaned at the text boundary; None when longer than HEADER_CHARS
    (a cut ETag or date would be sent back as a different one)."""
    text = clean_text(value, limit=HEADER_CHARS + 1)
    return text if text is None or len(text) <= HEADER_CHARS else None


def _via(current: str, url: str) -> str:
    return "" if current == url else f"redirected to {current}: "


def _too_large(kind: Kind, url: str, limit: int, what: str) -> TooLargeError:
    return TooLargeError(f"{kind} {url}: {what} larger than fetch.max_bytes ({limit} bytes, measured"
                         f" after decompression); download stopped, not retried (raise fetch.max_bytes"
                         f" if this source is legitimate)")


def _transport_error(exc: httpx.TransportError, kind: Kind, url: str) -> FetchError:
    text = str(exc) or type(exc).__name__
    if "CERTIFICATE_VERIFY_FAILED" in text or "certificate verify failed" in text:
        return FetchError(f"{kind} {url}: TLS certificate not trusted ({text}); recorded, not retried"
                          " this run")
    if isinstance(exc, httpx.UnsupportedProtocol):
        return FetchError(f"{kind} {url}: {text}; skipped")
    what = "cannot connect" if isinstance(exc, httpx.ConnectError) else "connection broken"
    return FetchError(f"{kind} {url}: {what}: {text} (will retry later)", transient=True)


def retry_call(fn: Callable[[], T], *, attempts: int = 3, base_delay: float = 0.5,
               max_delay: float = 30.0, sleep: Callable[[float], None] = time.sleep) -> T:
    """Returns fn(), retrying transient FetchErrors with exponential backoff.

    The wait before retry n is base_delay * 2**(n-1), at least the error's retry_after. When the
    server asks for more than max_delay, the error is raised at once: the poll schedule (see
    flows/backoff.py) handles long waits, not a blocked worker. Terminal errors are raised at once.

        result = retry_call(lambda: fetcher.get(url, kind="feed"))
    """
    for attempt in range(1, attempts + 1):
        try:
            return fn()
        except FetchError as exc:
            if not exc.transient or attempt == attempts:
                raise
            delay = max(base_delay * 2 ** (attempt - 1), exc.retry_after or 0.0)
            if delay > max_delay:
                raise
            log.debug("retrying in %.1fs after: %s", delay, exc)
            sleep(delay)
    raise AssertionError("unreachable")
