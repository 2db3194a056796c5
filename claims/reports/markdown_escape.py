"""Escaping text for Markdown (CommonMark and GitHub's flavour) so that data stays text.

Values are flattened to one line (no block structure can start inside them), every character
that can open inline syntax is backslash-escaped, and a value that starts a line cannot open a
heading, list, quote or rule. Links are built only by `md_link`, from allow-listed URLs.
"""

from __future__ import annotations

import re
import string

from claims.reports.urls import safe_url
from claims.text.display import display_safe

INLINE_SPECIAL = frozenset("\\`*_[]<>|~&@#$!{}")
"""Characters escaped wherever they appear: emphasis, code, links, HTML, tables, mentions."""
LINE_START = re.compile(r"^(\d{1,9})([.)])(?=\s|$)|^([-+=>])")
"""What opens a list, quote, rule or setext heading when a value starts a line."""
BLANK = "␣"
CODE_CHARS = frozenset(string.ascii_letters + string.digits + "-_.:")
URL_ESCAPES = {"(": "%28", ")": "%29", "<": "%3C", ">": "%3E", "[": "%5B", "]": "%5D"}


class MdSafe(str):
    """Markdown the application wrote itself; `finalize` passes it through unescaped."""

    __slots__ = ()


def md_escape(value: str) -> str:
    """`value` as literal Markdown text on one line (blank text shows as `␣`)."""
    flat = " ".join(display_safe(value).split())
    if value and not flat:
        return BLANK
    escaped = "".join("\\" + ch if ch in INLINE_SPECIAL else ch for ch in flat)
    return LINE_START.sub(_escape_line_start, escaped)


def _escape_line_start(match: re.Match[str]) -> str:
    if match.group(1) is not None:
        return f"{match.group(1)}\\{match.group(2)}"
    return "\\" + match.group(3)


def md_link(text: str, url: object) -> MdSafe:
    """A link when `url` is public http(s); else the escaped text, followed by the address as
    text that no viewer turns into a link (`http[:]//10.0.0.1/`) when there is one."""
    found = safe_url(url)
    label = md_escape(text) or "link"
    if found is None:
        if not isinstance(url, str) or not url.strip():
            return MdSafe(label)
        if url == text:
            return md_unlinked(url)
        return MdSafe(f"{label} (address not linked: {md_unlinked(url)})")
    destination = "".join(URL_ESCAPES.get(ch, ch) for ch in found)
    return MdSafe(f"[{label}]({destination})")


def md_unlinked(url: str) -> MdSafe:
    """An address as escaped text that auto-linking viewers leave alone (`://` and `www.`
    defanged as `[:]//` and `www[.]`, the usual notation)."""
    defanged = url.replace("://", "[:]//").replace("www.", "www[.]")
    return MdSafe(md_escape(defanged))


def md_number(value: float, digits: int = 2) -> MdSafe:
    """A number the application formats (never data text), so it needs no escaping."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"md_number takes a number, not {type(value).__name__}")
    return MdSafe(f"{value:.{digits}f}")


def md_code(value: str) -> MdSafe:
    """Inline code for tokens such as hashes: anything but letters, digits and `-_.:` dropped."""
    kept = "".join(ch for ch in value if ch in CODE_CHARS)
    return MdSafe(f"`{kept}`" if kept else "")
