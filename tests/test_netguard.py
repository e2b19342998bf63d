"""The SSRF guard: the classifier on literal addresses (never connected to), and the connect-time
check through the network backend. All traffic stays on 127.0.0.1."""

from __future__ import annotations

import ipaddress

import httpcore
import pytest

from extract.errors import BlockedAddressError
from flows.config import FetchSettings
from flows.netguard import (GuardedBackend, address_allowed, check_literal_host, describe_ip,
                            is_forbidden_ip)
from tests.httpserver import Route, serve_routes

ip = ipaddress.ip_address


@pytest.mark.parametrize("address, reason", [
    ("169.254.169.254", "link-local"),        # cloud metadata
    ("10.0.0.1", "private"),
    ("192.168.1.1", "private"),
    ("172.16.0.1", "private"),
    ("172.31.255.255", "private"),
    ("100.64.0.1", "carrier-grade NAT"),
    ("127.0.0.1", "loopback"),
    ("127.0.0.2", "loopback"),
    ("0.0.0.0", "unspecified"),
    ("224.0.0.1", "multicast"),
    ("255.255.255.255", None),                 # reason wording varies by Python; forbidden anyway
    ("198.18.0.1", None),
    ("192.0.2.1", None),
    ("240.0.0.1", None),
    ("::1", "loopback"),
    ("::", "unspecified"),
    ("fe80::1", "link-local"),
    ("fe80::1%eth0", "link-local"),
    ("fd00::1", "private"),
    ("fec0::1", None),
    ("ff02::1", "multicast"),
    ("::ffff:127.0.0.1", "loopback"),          # IPv4-mapped: judged by the IPv4 address
    ("::ffff:169.254.169.254", "link-local"),
    ("::ffff:10.0.0.1", "private"),
    ("2002:7f00:1::", "loopback"),             # 6to4 wrapping 127.0.0.1
    ("2002:a9fe:a9fe::1", "link-local"),       # 6to4 wrapping 169.254.169.254
    ("64:ff9b::a9fe:a9fe", "link-local"),      # NAT64 wrapping 169.254.169.254
    ("2001::1", None),                         # Teredo
    ("::127.0.0.1", None),                     # IPv4-compatible (deprecated)
    ("2001:db8::1", None),                     # documentation
])
def test_forbidden_addresses(address, reason):
    assert is_forbidden_ip(ip(address))
    if reason:
        assert describe_ip(ip(address)).startswith(reason)


@pytest.mark.parametrize("address", ["8.8.8.8", "1.1.1.1", "93.184.216.34", "2606:4700:4700::1111",
                                     "::ffff:8.8.8.8", "2002:808:808::1"])
def test_public_addresses_allowed(address):
    assert not is_forbidden_ip(ip(address))
    assert address_allowed(ip(address), FetchSettings())


@pytest.mark.parametrize("allow_hosts, address, host, allowed", [
    ([], "127.0.0.1", None, False),
    (["127.0.0.1"], "127.0.0.1", None, True),
    (["127.0.0.1"], "127.0.0.2", None, False),
    (["127.0.0.1"], "::ffff:127.0.0.1", None, True),   # the mapped form of an allowed address
    (["10.0.0.0/8"], "10.1.2.3", None, True),
    (["10.0.0.0/8"], "192.168.1.1", None, False),
    (["fd00::/8"], "fd00::5", None, True),
    (["[::1]"], "::1", None, True),
    (["intranet.local"], "10.0.0.5", "intranet.local", True),
    (["intranet.local"], "10.0.0.5", "INTRANET.local.", True),
    (["intranet.local"], "10.0.0.5", "evil.example", False),
    (["intranet.local"], "10.0.0.5", None, False),
])
def test_allow_hosts(allow_hosts, address, host, allowed):
    settings = FetchSettings(allow_hosts=allow_hosts)
    assert address_allowed(ip(address), settings, host) is allowed


def test_allow_private_networks_allows_everything():
    settings = FetchSettings(allow_private_networks=True)
    assert all(address_allowed(ip(a), settings) for a in ("10.0.0.1", "127.0.0.2", "169.254.169.254"))


def test_literal_host_check_names_the_way_out():
    with pytest.raises(BlockedAddressError) as err:
        check_literal_host("169.254.169.254", FetchSettings())
    assert str(err.value) == ("169.254.169.254 is a link-local address: refused before connecting "
                              "(list it in fetch.allow_hosts or set fetch.allow_private_networks "
                              "= true to allow it)")
    check_literal_host("example.com", FetchSettings())   # names are checked at connect time
    check_literal_host("127.0.0.1", FetchSettings(allow_hosts=["127.0.0.1"]))


class FakeDNS:
    """A resolver answering from a table, each lookup taking the next answer (DNS rebinding)."""

    def __init__(self, answers: dict[str, list[list[str]]]):
        self.answers = answers
        self.lookups: list[str] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.lookups.append(host)
        return self.answers[host].pop(0)


def test_backend_connects_only_to_checked_addresses():
    with serve_routes({"/": Route(body=b"ok")}) as server:
        settings = FetchSettings(allow_hosts=["127.0.0.1"])
        dns = FakeDNS({"rebind.test": [["127.0.0.1"], ["127.0.0.2"]]})
        backend = GuardedBackend(settings, resolver=dns)
        stream = backend.connect_tcp("rebind.test", server.port, timeout=2)
        assert stream.get_extra_info("server_addr")[0] == "127.0.0.1"
        stream.close()
        # the second lookup of the same name now points elsewhere: refused, nothing sent
        with pytest.raises(BlockedAddressError, match="rebind.test resolves to 127.0.0.2"):
            backend.connect_tcp("rebind.test", server.port, timeout=2)
        assert dns.lookups == ["rebind.test", "rebind.test"]
        assert server.requests == []


def test_backend_skips_forbidden_addresses_among_allowed_ones():
    with serve_routes({"/": Route(body=b"ok")}) as server:
        dns = FakeDNS({"mixed.test": [["::1", "127.0.0.2", "127.0.0.1"]]})
        backend = GuardedBackend(FetchSettings(allow_hosts=["127.0.0.1"]), resolver=dns)
        stream = backend.connect_tcp("mixed.test", server.port, timeout=2)
        assert stream.get_extra_info("server_addr")[0] == "127.0.0.1"
        stream.close()


def test_backend_allow_hosts_by_name():
    with serve_routes({"/": Route(body=b"ok")}) as server:
        dns = FakeDNS({"feeds.internal": [["127.0.0.1"]]})
        backend = GuardedBackend(FetchSettings(allow_hosts=["feeds.internal"]), resolver=dns)
        stream = backend.connect_tcp("feeds.internal", server.port, timeout=2)
        assert stream.get_extra_info("server_addr")[0] == "127.0.0.1"
        stream.close()
        assert dns.lookups == ["feeds.internal"]
        # the same loopback answer for a name not listed is refused: the name is what allowed it
        other = GuardedBackend(FetchSettings(), resolver=FakeDNS({"other.internal": [["127.0.0.1"]]}))
        with pytest.raises(BlockedAddressError, match="other.internal resolves to 127.0.0.1"):
            other.connect_tcp("other.internal", server.port, timeout=2)


def test_backend_unresolvable_name_is_a_connect_error():
    def nxdomain(host: str, port: int) -> list[str]:
        raise OSError("Name or service not known")
    backend = GuardedBackend(FetchSettings(), resolver=nxdomain)
    with pytest.raises(httpcore.ConnectError, match="cannot resolve nowhere.test"):
        backend.connect_tcp("nowhere.test", 80, timeout=1)
