"""SSRF guard: which addresses dealwatch may connect to, enforced where the socket is opened.

Feeds and the pages they link to are chosen by strangers, so a feed could point the monitor at
`http://169.254.169.254/` (cloud metadata), an intranet wiki or the database next door. The guard
refuses loopback, private, link-local, multicast, reserved and other non-public addresses unless
the configuration allows them (`fetch.allow_private_networks`, or the host, IP or CIDR listed in
`fetch.allow_hosts`).

Checking the URL is not enough: a public-looking host name may resolve to a private address, and
may resolve differently on the next lookup (DNS rebinding). So `GuardedBackend`, the httpcore
network backend used by every dealwatch HTTP client, resolves the host itself, keeps only the
addresses the guard allows, and connects to that checked IP; TLS still uses the host name for SNI
and certificate checks, and the Host header is untouched. Every redirect hop opens its connection
through the same backend, so redirects are checked too.

The backend also enforces a per-request total deadline (`request_deadline`): each connect, read
and write is given at most the time left, so a server trickling one byte per second (in the
headers or the body) cannot hold a worker past `fetch.total_timeout`.

    >>> is_forbidden_ip(ipaddress.ip_address("169.254.169.254"))
    True
"""

from __future__ import annotations

import contextlib
import contextvars
import ipaddress
import socket
import ssl
import time
import typing
from collections.abc import Callable, Iterator

import httpcore
import httpx

from extract.errors import BlockedAddressError
from flows.config import FetchSettings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]

# Not all of these are flagged by every Python's ipaddress properties, so they are listed here too.
_EXTRA_V4 = [ipaddress.ip_network(n) for n in (
    "0.0.0.0/8",          # "this network"
    "192.0.0.0/24",       # IETF protocol assignments
    "192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24",   # documentation
    "198.18.0.0/15",      # benchmarking
    "240.0.0.0/4",        # reserved, includes 255.255.255.255
)]
_EXTRA_V6 = [ipaddress.ip_network(n) for n in (
    "::/96",              # IPv4-compatible (deprecated) and unspecified
    "100::/64",           # discard-only
    "2001::/23",          # IETF protocol assignments, includes Teredo 2001::/32
    "2001:db8::/32",      # documentation
    "fc00::/7",           # unique local
    "fec0::/10",          # site-local (deprecated)
)]
_CGNAT = ipaddress.ip_network("100.64.0.0/10")  # RFC 6598 shared address space
_NAT64 = [ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48")]


def _embedded_v4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """Returns the IPv4 address an IPv6 address stands for (mapped, 6to4, NAT64), or None."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if any(ip in net for net in _NAT64):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def describe_ip(ip: IPAddress) -> str | None:
    """Returns why an address is not public ("loopback", "private", ...), or None when it is public.

    An IPv6 address that embeds an IPv4 one (::ffff:127.0.0.1, 6to4, NAT64) is judged by that
    IPv4 address; Teredo (2001::/32) is refused outright, as its real peer is obfuscated.
    """
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.scope_id:
            ip = ipaddress.IPv6Address(str(ip).split("%", 1)[0])
        v4 = _embedded_v4(ip)
        if v4 is not None:
            inner = describe_ip(v4)
            return f"{inner} (embedded in {ip})" if inner else None
    if ip in _CGNAT:
        return "carrier-grade NAT"
    checks = (
        ("unspecified", ip.is_unspecified), ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local), ("multicast", ip.is_multicast),
        ("private", ip.is_private), ("reserved", ip.is_reserved),
        ("site-local", isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local),
    )
    for name, hit in checks:
        if hit:
            return name
    extra = _EXTRA_V4 if isinstance(ip, ipaddress.IPv4Address) else _EXTRA_V6
    if any(ip in net for net in extra):
        return "special-purpose"
    if not ip.is_global:
        return "non-global"
    return None


def is_forbidden_ip(ip: IPAddress) -> bool:
    """Returns True when `ip` is not a public unicast address (see describe_ip for the reasons)."""
    return describe_ip(ip) is not None


def _host_key(host: str) -> str:
    return host.strip().strip("[]").rstrip(".").lower()


def _allow_entry_matches(entry: str, ip: IPAddress, host: str | None) -> bool:
    try:
        net = ipaddress.ip_network(entry.strip().strip("[]"), strict=False)
    except ValueError:
        return host is not None and _host_key(entry) == _host_key(host)
    candidates = [ip]
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        candidates.append(ip.ipv4_mapped)
    return any(c.version == net.version and c in net for c in candidates)


def address_allowed(ip: IPAddress, settings: FetchSettings, host: str | None = None) -> bool:
    """Returns True when dealwatch may connect to `ip` (reached under the name `host`, if given).

    Allowed when the address is public, when `allow_private_networks` is set, or when an
    `allow_hosts` entry matches: an IP or CIDR containing the address, or a host name equal to
    `host` (names in allow_hosts are compared, never resolved, so the list cannot be rebound).
    """
    if not is_forbidden_ip(ip) or settings.allow_private_networks:
        return True
    return any(_allow_entry_matches(e, ip, host) for e in settings.allow_hosts)


def blocked_message(host: str, ip: IPAddress) -> str:
    """Returns the message of a BlockedAddressError for `host` resolving to `ip`."""
    shown = host if _host_key(host) == str(ip) else f"{host} resolves to {ip}, which"
    return (f"{shown} is a {describe_ip(ip)} address: refused before connecting "
            f"(list it in fetch.allow_hosts or set fetch.allow_private_networks = true to allow it)")


def check_literal_host(host: str, settings: FetchSettings) -> None:
    """Raises BlockedAddressError when `host` is an IP literal the guard refuses; names pass.

    A cheap early check for URLs and redirect targets; names are checked at connect time.
    """
    try:
        ip = ipaddress.ip_address(_host_key(host))
    except ValueError:
        return
    if not address_allowed(ip, settings, host):
        raise BlockedAddressError(blocked_message(host, ip))


def system_resolver(host: str, port: int) -> list[str]:
    """Returns the addresses `host` resolves to, in the resolver's order, without duplicates."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


# -- total deadline -------------------------------------------------------------------------------

_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("dealwatch_deadline",
                                                                        default=None)


@contextlib.contextmanager
def request_deadline(seconds: float) -> Iterator[float]:
    """Yields the monotonic deadline; socket operations in this context stop when it passes."""
    deadline = time.monotonic() + seconds
    token = _DEADLINE.set(deadline)
    try:
        yield deadline
    finally:
        _DEADLINE.reset(token)


def _clamp(timeout: float | None, exc: type[Exception]) -> float | None:
    deadline = _DEADLINE.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise exc("total timeout exceeded")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A network stream whose every operation is bounded by the current request deadline."""

    def __init__(self, stream: httpcore.NetworkStream):
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _clamp(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _clamp(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        tls = self._stream.start_tls(ssl_context, server_hostname,
                                     _clamp(timeout, httpcore.ConnectTimeout))
        return _DeadlineStream(tls)

    def get_extra_info(self, info: str) -> typing.Any:
        return self._stream.get_extra_info(info)


# -- the backend ----------------------------------------------------------------------------------

class GuardedBackend(httpcore.SyncBackend):
    """An httpcore network backend that connects only to addresses the guard allows.

    The host is resolved here (by `resolver`, the system resolver unless a test passes another);
    refused addresses are dropped, and the connection goes to the first allowed address that
    answers. When every address is refused, BlockedAddressError is raised and nothing is sent.
    """

    def __init__(self, settings: FetchSettings, resolver: Resolver | None = None):
        self._settings = settings
        self._resolve = resolver or system_resolver

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
                    ) -> httpcore.NetworkStream:
        try:
            literal = ipaddress.ip_address(_host_key(host))
            addresses = [str(literal)]
        except ValueError:
            try:
                addresses = self._resolve(host, port)
            except (OSError, UnicodeError) as exc:
                raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
        allowed, refused = [], []
        for text in addresses:
            ip = ipaddress.ip_address(text)
            (allowed if address_allowed(ip, self._settings, host) else refused).append(ip)
        if not allowed:
            if not refused:
                raise httpcore.ConnectError(f"{host} resolves to no address")
            raise BlockedAddressError(blocked_message(host, refused[0]))
        last: Exception | None = None
        for ip in allowed:
            try:
                stream = super().connect_tcp(str(ip), port, _clamp(timeout, httpcore.ConnectTimeout),
                                             local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
                continue
            return _DeadlineStream(stream)
        assert last is not None
        raise last


class GuardedTransport(httpx.HTTPTransport):
    """Returns an httpx transport whose connections all go through GuardedBackend.

    Proxies from the environment are ignored on purpose: through a proxy the guard would only
    see the proxy's address. TLS verification is always on.
    """

    def __init__(self, settings: FetchSettings, *, http2: bool = True,
                 limits: httpx.Limits | None = None, resolver: Resolver | None = None):
        limits = limits or httpx.Limits(max_connections=max(settings.concurrency * 2, 10),
                                        max_keepalive_connections=settings.concurrency * 2)
        super().__init__(verify=True, trust_env=False, http2=http2, limits=limits, retries=0)
        # httpx offers no public hook for the network backend, so its pool is rebuilt with ours;
        # tests/test_fetch.py fails loudly (redirect to 127.0.0.2) if this stops taking effect.
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(verify=True, trust_env=False),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            http1=True, http2=http2, retries=0,
            network_backend=GuardedBackend(settings, resolver),
        )
