"""canonical_url: one key per article, whatever tracking the link carries."""

from __future__ import annotations

import pytest

from extract.urls import canonical_url, is_tracking_param


@pytest.mark.parametrize("url, expected", [
    ("HTTPS://News.Example.COM/Story?id=7#comments", "https://news.example.com/Story?id=7"),
    ("https://x.com/a?utm_source=rss&utm_medium=feed&utm_campaign=c", "https://x.com/a"),
    ("https://x.com/a?id=1&fbclid=abc&gclid=def&page=2", "https://x.com/a?id=1&page=2"),
    ("https://x.com/a?mc_cid=1&mc_eid=2&_hsenc=x&msclkid=y&yclid=z", "https://x.com/a"),
    ("https://x.com/a?UTM_Source=x&b=2", "https://x.com/a?b=2"),
    ("https://x.com/a?b=2&a=1", "https://x.com/a?b=2&a=1"),            # order kept
    ("https://x.com/a?q=a%20b&r=x+y", "https://x.com/a?q=a%20b&r=x+y"),  # encoding kept
    ("https://x.com/%e2%82%ac", "https://x.com/%E2%82%AC"),
    ("http://x.com:80/a", "http://x.com/a"),
    ("https://x.com:443/a", "https://x.com/a"),
    ("https://x.com:8443/a", "https://x.com:8443/a"),
    ("http://x.com", "http://x.com/"),
    ("http://x.com?utm_medium=email", "http://x.com/"),
    ("https://x.com./a", "https://x.com/a"),
    ("http://[2001:DB8::1]:8080/a", "http://[2001:db8::1]:8080/a"),
    ("  https://x.com/a#top  ", "https://x.com/a"),
    ("https://x.com/a?&&", "https://x.com/a"),
    ("https://x.com/Path/CASE/", "https://x.com/Path/CASE/"),             # path case kept
    ("mailto:someone@x.com#frag", "mailto:someone@x.com"),
])
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected


def test_canonical_url_is_idempotent():
    url = "HTTPS://X.com:443/a?utm_source=z&id=3#f"
    assert canonical_url(canonical_url(url)) == canonical_url(url)


@pytest.mark.parametrize("name, tracking", [
    ("utm_source", True), ("fbclid", True), ("gclid", True), ("mc_cid", True), ("pk_campaign", True),
    ("id", False), ("page", False), ("source", False), ("ref", False), ("session", False), ("p", False),
])
def test_is_tracking_param(name, tracking):
    assert is_tracking_param(name) is tracking
