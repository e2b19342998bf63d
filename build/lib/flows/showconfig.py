"""The effective configuration as TOML, with secrets masked: what `dealwatch config show` prints.

Secrets never live in the file, but they can hide in it: a feed URL may carry a password
(https://user:pw@host/) or a token in its query (?api_key=…); both are masked. The SMTP password is
only named (`password_env`), and shown as set or not set, never its value.

    print(render_settings(load_settings("dealwatch.toml")))
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from flows.config import Settings

MASK = "***"
_SECRET_PARAM = re.compile(r"(?i)(token|key|secret|password|passwd|pwd|auth|sig(nature)?|session)")


def mask_url(url: str) -> str:
    """Returns the URL with a userinfo password and secret-looking query values replaced by ***."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    netloc = parts.netloc
    if parts.password is not None:
        netloc = netloc.replace(f":{parts.password}@", f":{MASK}@", 1)
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        if any(_SECRET_PARAM.search(k) for k, _ in pairs):
            query = urlencode([(k, MASK if _SECRET_PARAM.search(k) else v) for k, v in pairs], safe="*")
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


_URL = re.compile(r"https?://[^\s'\"<>]+")


def mask_urls(text: str | None) -> str | None:
    """Returns `text` (an error message, say) with every URL in it masked as `mask_url` does."""
    return _URL.sub(lambda m: mask_url(m.group(0)), text) if text else text


def _value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if v is None:
        return '""'
    if isinstance(v, list):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    return json.dumps(str(v), ensure_ascii=False)   # a JSON string is a valid TOML basic string


def _table(lines: list[str], header: str | None, data: dict[str, Any],
           comments: dict[str, str]) -> None:
    scalars = {k: v for k, v in data.items() if not isinstance(v, dict)}
    if header:
        lines.append("")
        lines.append(header)
    for k, v in scalars.items():
        if v is None:
            lines.append(f"# {k} is not set")
            continue
        note = comments.get(k)
        lines.append(f"{k} = {_value(v)}" + (f"   # {note}" if note else ""))
    for k, v in data.items():
        if isinstance(v, dict):
            name = f"{header[1:-1]}.{k}" if header else k
            _table(lines, f"[{name}]", v, comments.get(k, {}) if isinstance(comments.get(k), dict) else {})


def render_settings(settings: Settings, *, overridden_db: str | None = None) -> str:
    """Returns the effective settings as TOML: every key, defaults included, secrets masked."""
    data = settings.model_dump(by_alias=True, exclude={"source"})
    feeds = data.pop("feeds")
    lines = [f"# effective configuration of {settings.source or 'defaults (no config file)'}"]
    if overridden_db:
        lines.append(f"# database overridden by {overridden_db}")
    password = settings.alerts.smtp.password()
    top = {k: v for k, v in data.items() if not isinstance(v, dict)}
    _table(lines, None, top, {})
    for feed in feeds:
        lines.append("")
        lines.append("[[feeds]]")
        lines.append(f"url = {_value(mask_url(feed['url']))}")
        if feed.get("name"):
            lines.append(f"name = {_value(feed['name'])}")
    smtp_note = {"password_env": "set in the environment (value hidden)" if password
                 else "not set in the environment"}
    for section, values in data.items():
        if isinstance(values, dict):
            comments = {"smtp": smtp_note} if section == "alerts" else {}
            _table(lines, f"[{section}]", values, comments)
    return "\n".join(lines) + "\n"
