"""Canonical article URLs: the same story reached through different links gets one key.

    >>> canonical_url("HTTPS://News.Example.com:443/a/b?id=7&utm_source=rss&fbclid=x#comments")
    'https://news.example.com/a/b?id=7'

Only what cannot change the page is removed: the fragment, tracking parameters (analytics,
ad-click and newsletter ids), the scheme's default port, and case in the scheme and host. The
remaining query keeps its order and its exact encoding, so the URL still fetches the same page.
courlan (brought by trafilatura) was considered: it also sorts and re-encodes the query and
drops broad parameter names such as `source`, `ref` or `session`, which some sites use to
identify the article, so the list here is narrower and explicit.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, unquote_plus, urlsplit, urlunsplit

# Parameters that track the click, never select the content.
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
    "ttclid", "li_fat_id", "igshid", "igsh", "mkt_tok", "_ga", "_gl", "_hsenc", "_hsmi",
    "_openstat", "oly_anon_id", "oly_enc_id", "vero_id", "vero_conv", "rb_clickid", "s_cid",
    "wickedid", "ocid", "ncid", "cmpid", "smid", "sr_share", "ref_src", "ref_url", "xtor",
    "guccounter", "guce_referrer", "guce_referrer_sig", "__twitter_impression", "spm", "utm",
})
TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "mtm_", "hsa_", "at_", "itm_", "matomo_", "piwik_")
_ESCAPE = re.compile(r"%[0-9a-f]{2}", re.I)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def is_tracking_param(name: str) -> bool:
    """Returns True when a query parameter name only tracks the visit (utm_source, fbclid, ...)."""
    key = unquote_plus(name).strip().lower()
    return key in TRACKING_PARAMS or key.startswith(TRACKING_PREFIXES)


def _netloc(parts: SplitResult) -> str:
    host = (parts.hostname or "").rstrip(".")
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    if port is not None and port != _DEFAULT_PORTS.get(parts.scheme.lower()):
        host = f"{host}:{port}"
    userinfo = parts.netloc.rpartition("@")[0] if "@" in parts.netloc else ""
    return f"{userinfo}@{host}" if userinfo else host


def canonical_url(url: str) -> str:
    """Returns `url` without fragment, tracking parameters or default port, scheme and host
    lower-cased, and "/" for an empty path. Non-http(s) input comes back stripped of its
    fragment only.

    >>> canonical_url("http://Example.com?utm_medium=email")
    'http://example.com/'
    """
    text = url.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return text.split("#", 1)[0]
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.netloc:
        return urlunsplit(parts._replace(fragment=""))
    path = _ESCAPE.sub(lambda m: m.group().upper(), parts.path) or "/"
    pairs = [p for p in parts.query.split("&")
             if p and not is_tracking_param(p.split("=", 1)[0])]
    return urlunsplit((scheme, _netloc(parts), path, "&".join(pairs), ""))


def is_http_url(url: str | None) -> bool:
    """Returns True for an http or https URL, the only kinds dealwatch fetches or links to."""
    return bool(url) and url.strip().lower().startswith(("http://", "https://"))
