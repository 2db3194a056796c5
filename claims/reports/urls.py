"""The one allow-list for URLs that reports turn into links: absolute http(s) only.

Text from documents may carry `javascript:`, `data:` or `vbscript:` URLs (in any case, with
leading blanks or control characters); anything not plainly http(s) stays text, never a link.
"""

from __future__ import annotations

from urllib.parse import urlsplit

ALLOWED_SCHEMES = frozenset({"http", "https"})


def safe_url(value: object) -> str | None:
    """The URL when it is an absolute http(s) URL with a host and no blanks, else None."""
    if not isinstance(value, str) or not value or len(value) > 2048:
        return None
    if any(ch.isspace() or not ch.isprintable() for ch in value) or "\\" in value:
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme.lower() not in ALLOWED_SCHEMES or not parts.hostname:
        return None
    return value


def require_http_url(value: str, what: str) -> str:
    """The URL, or ValueError naming `what` when it is not an absolute http(s) URL."""
    found = safe_url(value)
    if found is None:
        raise ValueError(f"{what} must be an absolute http(s) URL, got {value!r}")
    return found
