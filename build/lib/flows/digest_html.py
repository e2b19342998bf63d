"""The HTML part of an alert email: the digest's overview table, then its details blocks.

Built for mail clients: inline styles only (clients strip `<style>` blocks and external CSS), one
column at most 640 px wide, no images, and colours that read on a light or a dark background (no
background colours; text keeps the client's colour, accents are mid-tones). Every value that came
from the web is escaped, and only http(s) links become links.
"""

from __future__ import annotations

import html

from flows.digest import Row, View, details_heading, group_heading, roles, summary_line

_FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif"
_ACCENT = "#3d7cc9"                 # a mid blue: readable on white and on near-black
_MUTED = "color:#8a8a8a"
# Styles are per element (mail clients drop stylesheets), so the overview's rows, the bulk of a
# big digest, carry little: padding comes from the table's cellpadding, the rule from the row.
_ROW = "border-bottom:1px solid #999"
_HEAD = f"border-bottom:2px solid {_ACCENT};font-size:12px;{_MUTED}"
_TENTATIVE = ("reported", "considering")
_ENDED = ("cancelled", "denied")
_FACTS = ("type", "amount", "stake", "status", "update", "confidence")
_SOURCE = ("outlet", "published", "reported by")


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _link(url: str | None, text: str) -> str:
    return f'<a href="{_e(url)}">{_e(text)}</a>' if url else _e(text)


def _label(text: str) -> str:
    return f'<span style="{_MUTED}">{_e(text)}</span>'


def _status(status: str) -> str:
    if status in _TENTATIVE:
        return f'<i style="{_MUTED}">{_e(status)}</i>'
    if status in _ENDED:
        return f'<s style="{_MUTED}">{_e(status)}</s>'
    return _e(status)


def _overview(view: View) -> list[str]:
    parts = []
    for heading, count, rows in view.groups:
        parts.append(f'<h2 style="margin:20px 0 4px;font-size:16px;color:{_ACCENT}">'
                     f'{_e(group_heading(heading, count, rows))}</h2>')
        parts.append('<table role="presentation" cellpadding="4" cellspacing="0" width="100%" '
                     'style="border-collapse:collapse;width:100%;font-size:13px">')
        parts.append(f'<tr align="left" style="{_HEAD}"><th>#</th><th>Who</th><th>What</th>'
                     '<th align="right">Amount</th><th>Status</th><th>Outlet</th></tr>')
        for r in rows:
            star = "★ " if view.marks and r.watched else ""
            parts.append(
                f'<tr valign="top" style="{_ROW}"><td style="{_MUTED}">{r.number}</td>'
                f'<td><b>{_e(star + r.who)}</b></td><td>{_e(r.what)}</td>'
                f'<td align="right" nowrap>{_e(r.amount)}</td><td>{_status(r.status)}</td>'
                f'<td>{_link(r.link, r.outlet)}</td></tr>')
        parts.append("</table>")
    if view.more:
        parts.append(f'<p style="margin:12px 0 0;font-size:13px">{_e(view.more)}</p>')
    return parts


def _detail(r: Row) -> list[str]:
    """Returns one story's block: headline, roles, facts, evidence, then where it was read."""
    lines = dict(r.details())
    parts = [f'<div style="margin:16px 0 0;padding:0 0 0 10px;border-left:3px solid {_ACCENT}">',
             f'<h3 style="margin:0 0 2px;font-size:15px">{r.number}. {_e(r.headline)}</h3>']
    named = " · ".join(f"{_label(k)} {_e(v)}" for k, v in roles(r.event))
    if named:
        parts.append(f'<p style="margin:0">{named}</p>')
    facts = [_status(lines[k]) if k == "status" else
             _e(lines[k]) if k in ("type", "amount") else f"{_label(k)} {_e(lines[k])}"
             for k in _FACTS if k in lines]
    parts.append(f'<p style="margin:0">{" · ".join(facts)}</p>')
    parts.append(f'<blockquote style="margin:4px 0;padding:0 0 0 8px;border-left:2px solid #999;'
                 f'font-style:italic">{_e(lines["evidence"])}</blockquote>')
    source = [_e(lines[k]) for k in _SOURCE if k in lines]
    source.append(_link(r.link, lines["article"] or lines["link"]))
    parts.append(f'<p style="margin:0;font-size:12px;{_MUTED}">{" · ".join(source)}</p></div>')
    return parts


def _details(view: View) -> list[str]:
    if not view.details:
        return []
    parts = [f'<h2 style="margin:28px 0 4px;font-size:16px;color:{_ACCENT}">{_e(details_heading(view))}</h2>']
    for r in view.details:
        parts += _detail(r)
    return parts


def html_body(view: View, footer: str, subject: str) -> str:
    """Returns the HTML part for the view."""
    parts = [
        '<!DOCTYPE html>',
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width,initial-scale=1">',
        '<meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark">',
        f'<title>{_e(subject)}</title></head>',
        '<body style="margin:0;padding:0">',
        f'<div style="max-width:640px;margin:0 auto;padding:16px 12px;{_FONT};font-size:14px;line-height:1.4">',
        f'<p style="margin:0 0 2px;font-size:12px;{_MUTED}">dealwatch</p>',
        f'<h1 style="margin:0 0 4px;font-size:20px;line-height:1.25">{_e(summary_line(view))}</h1>',
    ]
    if view.marks:
        parts.append(f'<p style="margin:0;font-size:12px;{_MUTED}">★ names a company on your watchlist</p>')
    parts += _overview(view)
    parts += _details(view)
    parts.append(f'<hr style="margin:28px 0 8px;border:0;border-top:1px solid #9a9a9a">'
                 f'<p style="margin:0;font-size:12px;{_MUTED}">{_e(footer)}</p>')
    parts.append("</div></body></html>")
    return "\n".join(parts)
