"""The guarded client against a real server on 127.0.0.1: conditional GET, redirects, limits,
content types, error classes, and hostile servers (bombs, trickles, loops)."""

from __future__ import annotations

import resource
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator

import brotli
import pytest

from extract.errors import BlockedAddressError, FetchError, TooLargeError
from flows.config import FetchSettings
from flows.fetch import (BodyDecoder, Fetcher, content_type_verdict, parse_max_age,
                         parse_retry_after, retry_call)
from tests.httpserver import Route, serve_directory, serve_routes

MiB = 1024 * 1024
RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>'
FEEDS = "tests/data/feeds"


def settings(**overrides) -> FetchSettings:
    base = dict(allow_hosts=["127.0.0.1"], connect_timeout=2, read_timeout=2, total_timeout=3)
    return FetchSettings(**{**base, **overrides})


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(settings()) as f:
        yield f


def measure(fn: Callable[[], object]) -> tuple[object, float, float]:
    """Returns (fn's result or exception, traced peak MiB, ru_maxrss growth MiB)."""
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    try:
        try:
            outcome: object = fn()
        except Exception as exc:  # the caller asserts on it
            outcome = exc
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    rss_growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before  # KiB on Linux
    return outcome, peak / MiB, rss_growth / 1024


# -- conditional GET, redirects ------------------------------------------------------------------

def test_feed_then_304_with_conditional_headers(fetcher):
    lm = "Tue, 05 Mar 2024 14:00:00 GMT"
    route = Route(body=RSS, content_type="application/rss+xml", etag='"v1"', last_modified=lm,
                  headers={"Cache-Control": "public, max-age=1800"})
    with serve_routes({"/feed.xml": route}) as server:
        first = fetcher.get(server.url("/feed.xml"), kind="feed")
        assert (first.status, first.body, first.etag, first.last_modified) == (200, RSS, '"v1"', lm)
        assert first.max_age == 1800 and first.permanent_url is None and not first.not_modified
        assert first.headers["content-type"] == "application/rss+xml"
        second = fetcher.get(server.url("/feed.xml"), etag=first.etag,
                             last_modified=first.last_modified, kind="feed")
        assert second.not_modified and second.status == 304 and second.body == b""
        assert second.etag == '"v1"' and second.last_modified == lm
        sent = server.requests_for("/feed.xml")[1].headers
        assert sent["if-none-match"] == '"v1"' and sent["if-modified-since"] == lm
        assert "if-none-match" not in server.requests_for("/feed.xml")[0].headers


def test_directory_server_supports_conditional_get(fetcher):
    with serve_directory(FEEDS) as server:
        first = fetcher.get(server.url("/rss20.xml"), kind="feed")
        assert b"Deal Daily" in first.body and first.etag
        again = fetcher.get(server.url("/rss20.xml"), etag=first.etag, kind="feed")
        assert again.not_modified


def test_user_agent_and_accept_encoding_sent(fetcher):
    with serve_routes({"/": Route(body=b"<html></html>", content_type="text/html")}) as server:
        fetcher.get(server.url("/"))
        headers = server.requests[0].headers
        assert headers["user-agent"] == FetchSettings().user_agent
        assert headers["accept-encoding"] == "gzip, deflate, br"


@pytest.mark.parametrize("statuses, permanent", [
    ((301,), True), ((308,), True), ((301, 308), True),
    ((302,), False), ((307,), False), ((301, 302), False), ((302, 301), False),
])
def test_permanent_url_only_when_every_hop_is_permanent(fetcher, statuses, permanent):
    routes = {f"/hop{i}": Route.redirect(f"/hop{i + 1}", status) for i, status in enumerate(statuses)}
    routes[f"/hop{len(statuses)}"] = Route(body=RSS, content_type="application/rss+xml")
    with serve_routes(routes) as server:
        result = fetcher.get(server.url("/hop0"), kind="feed")
        assert result.url == server.url(f"/hop{len(statuses)}")
        assert result.permanent_url == (result.url if permanent else None)


def test_too_many_redirects(fetcher):
    routes = {f"/r{i}": Route.redirect(f"/r{i + 1}") for i in range(7)}
    with serve_routes(routes) as server:
        with pytest.raises(FetchError, match=r"more than 5 redirects") as err:
            fetcher.get(server.url("/r0"))
        assert not err.value.transient
        assert len(server.requests) == 6   # the first request and 5 hops


def test_redirect_loop(fetcher):
    with serve_routes({"/a": Route.redirect("/b"), "/b": Route.redirect("/a")}) as server:
        with pytest.raises(FetchError, match="redirect loop") as err:
            fetcher.get(server.url("/a"))
        assert not err.value.transient
        assert "/a -> " in str(err.value)


def test_redirect_to_non_http_scheme(fetcher):
    with serve_routes({"/a": Route.redirect("file:///etc/passwd")}) as server:
        with pytest.raises(FetchError, match="only http and https") as err:
            fetcher.get(server.url("/a"))
        assert not err.value.transient


@pytest.mark.parametrize("target", ["http://127.0.0.2:{port}/meta", "http://[::1]:{port}/x",
                                    "http://2130706434:{port}/decimal"])  # 2130706434 = 127.0.0.2
def test_redirect_to_loopback_not_allowlisted_is_refused(fetcher, target):
    # 127.0.0.2 stands in for 169.254.169.254: loopback, but not in allow_hosts
    with serve_routes() as server:
        server.routes["/start"] = Route.redirect(target.format(port=server.port))
        with pytest.raises(BlockedAddressError) as err:
            fetcher.get(server.url("/start"), kind="feed")
        assert not err.value.transient
        message = str(err.value)
        assert message.startswith(f"feed {server.url('/start')}: redirected to ")
        assert "refused before connecting" in message and "fetch.allow_hosts" in message
        if "2130706434" in target:  # not an IP literal: refused by the connect-time backend
            assert "2130706434 resolves to 127.0.0.2, which is a loopback address" in message
        assert [r.path for r in server.requests] == ["/start"]


def test_url_on_forbidden_literal_is_refused_without_connecting():
    with Fetcher(settings(allow_hosts=[])) as f, serve_routes() as server:
        with pytest.raises(BlockedAddressError, match="127.0.0.1 is a loopback address"):
            f.get(server.url("/"))
        assert server.requests == []


def test_host_name_is_resolved_and_checked():
    # localhost is not allow-listed by name, only 127.0.0.1 is: the resolved address decides
    with Fetcher(settings()) as f, serve_routes({"/": Route(body=b"hi")}) as server:
        assert f.get(f"http://localhost:{server.port}/").body == b"hi"
    with Fetcher(settings(allow_hosts=[])) as f, serve_routes() as server:
        with pytest.raises(BlockedAddressError, match="localhost resolves to"):
            f.get(f"http://localhost:{server.port}/")
        assert server.requests == []


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/feed", "file:///etc/passwd", "javascript:alert(1)"])
def test_only_http_and_https(fetcher, url):
    with pytest.raises(FetchError, match="only http and https") as err:
        fetcher.get(url)
    assert not err.value.transient


# -- status codes ----------------------------------------------------------------------------------

def test_429_is_transient_with_retry_after(fetcher):
    with serve_routes({"/f": Route(status=429, headers={"Retry-After": "120"})}) as server:
        with pytest.raises(FetchError) as err:
            fetcher.get(server.url("/f"), kind="feed")
    e = err.value
    assert (e.transient, e.status, e.retry_after) == (True, 429, 120.0)
    assert str(e) == f"feed {server.url('/f')}: HTTP 429 Too Many Requests (retry after 120s)"


@pytest.mark.parametrize("status", [500, 502, 503, 504, 408])
def test_server_errors_are_transient(fetcher, status):
    with serve_routes({"/f": Route(status=status)}) as server:
        with pytest.raises(FetchError) as err:
            fetcher.get(server.url("/f"))
        assert err.value.transient and err.value.status == status


@pytest.mark.parametrize("status", [404, 410, 401, 403, 400, 451])
def test_client_errors_are_terminal(fetcher, status):
    with serve_routes({"/f": Route(status=status)}) as server:
        with pytest.raises(FetchError) as err:
            fetcher.get(server.url("/f"), kind="feed")
        assert not err.value.transient and err.value.status == status
        assert "not retried this run" in str(err.value)


def test_404_message(fetcher):
    with serve_routes() as server:
        with pytest.raises(FetchError) as err:
            fetcher.get(server.url("/missing.xml"), kind="feed")
    assert str(err.value) == (f"feed {server.url('/missing.xml')}: HTTP 404 Not Found; "
                              "recorded, not retried this run")


def test_connection_refused_is_transient(fetcher):
    with serve_routes() as server:
        port = server.port
    with pytest.raises(FetchError, match="cannot connect") as err:
        fetcher.get(f"http://127.0.0.1:{port}/")
    assert err.value.transient


# -- content types ---------------------------------------------------------------------------------

@pytest.mark.parametrize("ctype, kind", [
    ("application/pdf", "page"), ("application/pdf", "feed"), ("image/png", "page"),
    ("application/zip", "feed"), ("video/mp4", "page"), ("application/json", "page"),
])
def test_binary_content_types_refused(fetcher, ctype, kind):
    with serve_routes({"/x": Route(body=b"%PDF-1.4 whatever", content_type=ctype)}) as server:
        with pytest.raises(FetchError) as err:
            fetcher.get(server.url("/x"), kind=kind)
    assert str(err.value) == f"{kind} {server.url('/x')}: not a {kind}: content-type {ctype} (skipped)"
    assert not err.value.transient


@pytest.mark.parametrize("ctype", ["application/rss+xml", "application/atom+xml", "text/xml",
                                   "application/xml; charset=utf-8", "application/feed+json",
                                   "application/json", "text/plain", "text/html"])
def test_feed_content_types_accepted(fetcher, ctype):
    with serve_routes({"/f": Route(body=RSS, content_type=ctype)}) as server:
        assert fetcher.get(server.url("/f"), kind="feed").body == RSS


def test_octet_stream_is_sniffed(fetcher):
    with serve_routes({"/feed": Route(body=RSS, content_type="application/octet-stream"),
                       "/pdf": Route(body=b"%PDF-1.7\n...", content_type=None)}) as server:
        assert fetcher.get(server.url("/feed"), kind="feed").body == RSS
        with pytest.raises(FetchError, match="body is not text"):
            fetcher.get(server.url("/pdf"), kind="feed")


def test_304_needs_no_content_type_check(fetcher):
    route = Route(body=b"\x89PNG", content_type=None, headers={"Content-Type": "image/png"}, etag='"i"')
    with serve_routes({"/f": route}) as server:
        assert fetcher.get(server.url("/f"), etag='"i"', kind="feed").not_modified


def test_content_type_verdicts():
    assert content_type_verdict("application/xhtml+xml", "page") is True
    assert content_type_verdict("application/rss+xml", "page") is False
    assert content_type_verdict(None, "page") is None


# -- compression and size limits -------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["gzip", "br", "deflate"])
def test_compressed_bodies_decoded(fetcher, encoding):
    body = b"<html>" + b"hello " * 5000 + b"</html>"
    with serve_routes({"/p": Route(body=body, content_type="text/html", encoding=encoding)}) as server:
        assert fetcher.get(server.url("/p")).body == body


def _gzip_bomb(size: int) -> bytes:
    """Returns gzip data that inflates to `size` zero bytes, compressed as a stream."""
    comp = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    zeros = bytes(MiB)
    parts = [comp.compress(zeros) for _ in range(size // MiB)]
    return b"".join(parts) + comp.flush()


BOMB_SIZE = 200 * MiB


@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_decompression_bomb_stops_at_limit_with_bounded_memory(fetcher, encoding):
    bomb = _gzip_bomb(BOMB_SIZE) if encoding == "gzip" else brotli.compress(bytes(BOMB_SIZE), quality=5)
    assert len(bomb) < 1 * MiB
    route = Route(body=lambda: [bomb[i:i + 65536] for i in range(0, len(bomb), 65536)],
                  length=len(bomb), content_type="application/rss+xml",
                  headers={"Content-Encoding": encoding})
    with serve_routes({"/bomb": route}) as server:
        outcome, peak, rss = measure(lambda: fetcher.get(server.url("/bomb"), kind="feed"))
    print(f"\n{encoding} bomb ({BOMB_SIZE // MiB} MiB inflated): traced peak {peak:.1f} MiB, "
          f"maxrss growth {rss:.1f} MiB")
    assert isinstance(outcome, TooLargeError), outcome
    assert not outcome.transient
    assert str(outcome) == (
        f"feed {server.url('/bomb')}: decompressed body larger than fetch.max_bytes (10485760 bytes, "
        "measured after decompression); download stopped, not retried (raise fetch.max_bytes if "
        "this source is legitimate)")
    assert peak < 40 and rss < 200


def _fifty_mib() -> Iterator[bytes]:
    chunk = b"<p>" + b"x" * (MiB - 3)
    for _ in range(50):
        yield chunk


@pytest.mark.parametrize("length", [50 * MiB, None])
def test_large_plain_body_cut_with_bounded_memory(fetcher, length):
    route = Route(body=_fifty_mib, length=length, content_type="text/html")
    with serve_routes({"/big": route}) as server:
        started = time.monotonic()
        outcome, peak, rss = measure(lambda: fetcher.get(server.url("/big")))
        took = time.monotonic() - started
    print(f"\n50 MiB plain body (Content-Length {'sent' if length else 'absent'}): traced peak "
          f"{peak:.1f} MiB, maxrss growth {rss:.1f} MiB, {took:.2f}s")
    assert isinstance(outcome, TooLargeError), outcome
    assert ("Content-Length 52428800" if length else "body larger") in str(outcome)
    assert peak < 40 and rss < 200


def test_max_bytes_is_configurable():
    with Fetcher(settings(max_bytes=1000)) as f:
        with serve_routes({"/a": Route(body=b"<p>" * 400, content_type="text/html", encoding="gzip"),
                           "/b": Route(body=b"<p>" * 300, content_type="text/html")}) as server:
            with pytest.raises(TooLargeError, match=r"\(1000 bytes"):
                f.get(server.url("/a"))
            assert len(f.get(server.url("/b")).body) == 900


def test_body_decoder_never_yields_more_than_a_step():
    bomb = brotli.compress(bytes(50 * MiB))
    decoder = BodyDecoder("br", 60 * MiB)
    sizes = [len(p) for p in decoder.feed(bomb)]
    assert sum(sizes) == 50 * MiB and max(sizes) <= 2 * BodyDecoder.STEP


def test_unsupported_content_encoding(fetcher):
    with serve_routes({"/x": Route(body=b"abc", content_type="text/html",
                                   headers={"Content-Encoding": "compress"})}) as server:
        with pytest.raises(FetchError, match="unsupported Content-Encoding compress"):
            fetcher.get(server.url("/x"))


# -- time limits -----------------------------------------------------------------------------------

def test_one_byte_per_second_is_cut_by_total_timeout():
    with Fetcher(settings(read_timeout=5, total_timeout=1.5)) as f:
        route = Route(body=b"<html>" + b"x" * 100 + b"</html>", content_type="text/html",
                      chunk_size=1, delay=0.5)
        with serve_routes({"/slow": route}) as server:
            started = time.monotonic()
            with pytest.raises(FetchError) as err:
                f.get(server.url("/slow"))
            took = time.monotonic() - started
    assert err.value.transient
    assert str(err.value) == (f"page {server.url('/slow')}: took longer than fetch.total_timeout "
                              "(1.5s) (will retry later)")
    assert took < 2.5


def test_silent_server_hits_read_timeout():
    with Fetcher(settings(read_timeout=0.5, total_timeout=5)) as f:
        route = Route(body=lambda: [b"<p>late</p>"], delay=3, content_type="text/html")
        with serve_routes({"/silent": route}) as server:
            with pytest.raises(FetchError, match=r"no data for fetch.read_timeout \(0.5s\)") as err:
                f.get(server.url("/silent"))
    assert err.value.transient


# -- concurrency -----------------------------------------------------------------------------------

def test_per_host_and_global_limits():
    active, peak, lock = [0], [0], threading.Lock()

    def tracked(request):
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.2)
        with lock:
            active[0] -= 1
        return Route(body=b"<p>ok</p>", content_type="text/html")

    with Fetcher(settings(per_host=2, concurrency=8)) as f, serve_routes({"/p": tracked}) as server:
        threads = [threading.Thread(target=f.get, args=(server.url("/p"),)) for _ in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert peak[0] == 2 and len(server.requests) == 6


# -- helpers ---------------------------------------------------------------------------------------

def test_retry_call_retries_transient_then_succeeds():
    calls, waits = [], []

    def flaky():
        calls.append(1)
        if len(calls) < 3:
            raise FetchError("boom", transient=True, retry_after=2.0 if len(calls) == 2 else None)
        return "ok"

    assert retry_call(flaky, attempts=3, base_delay=0.5, sleep=waits.append) == "ok"
    assert waits == [0.5, 2.0]


def test_retry_call_gives_up_on_terminal_and_long_retry_after():
    waits: list[float] = []
    with pytest.raises(FetchError, match="gone"):
        retry_call(lambda: (_ for _ in ()).throw(FetchError("gone")), sleep=waits.append)
    with pytest.raises(FetchError, match="later"):
        retry_call(lambda: (_ for _ in ()).throw(FetchError("later", transient=True, retry_after=3600)),
                   sleep=waits.append)
    assert waits == []


def test_retry_call_against_server(fetcher):
    answers = iter([Route(status=503, headers={"Retry-After": "0"}), Route(body=RSS)])
    with serve_routes({"/f": lambda request: next(answers)}) as server:
        result = retry_call(lambda: fetcher.get(server.url("/f"), kind="feed"), base_delay=0.01)
    assert result.body == RSS and len(server.requests) == 2


def test_header_parsers():
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
    assert parse_retry_after("soon") is None
    assert parse_max_age("public, max-age=600") == 600.0
    assert parse_max_age("no-cache, max-age=600") is None
    assert parse_max_age("s-maxage=5") is None
