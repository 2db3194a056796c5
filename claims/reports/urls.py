"""The one allow-list for URLs that reports turn into links: public http(s) only.

Text from documents may carry `javascript:`, `data:` or `vbscript:` URLs (in any case, with
leading blanks or control characters), and a hostile page may name a private address as its
canonical URL (`http://169.254.169.254/latest/meta-data/`, `http://2130706433/`) so that a
reader's click probes their own network. Anything not plainly http(s) on a public host stays
text, never a link.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from urllib.parse import urlsplit

ALLOWED_SCHEMES = frozenset({"http", "https"})
LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".lan", ".home.arpa", ".intranet")
"""Names that only mean something inside a network (RFC 6761, RFC 6762, RFC 8375)."""
NUMERIC_HOST = re.compile(r"[0-9a-fx.]+")
"""What the C library reads as an IPv4 address: 127.1, 2130706433, 0x7f000001, 0177.0.0.1."""


def _address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if not NUMERIC_HOST.fullmatch(host):
        return None
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        return None


def is_public_host(host: str) -> bool:
    """False for loopback, private, link-local and other non-global addresses (in any of the
    spellings browsers accept), for `localhost` and local-only names, and for one-label names."""
    name = host.strip().rstrip(".").lower()
    address = _address(name)
    if address is not None:
        mapped = address.ipv4_mapped if isinstance(address, ipaddress.IPv6Address) else None
        return (mapped or address).is_global
    if "." not in name or name == "localhost":
        return False
    return not name.endswith(LOCAL_SUFFIXES)


def safe_url(value: object) -> str | None:
    """The URL when it is an absolute http(s) URL with a public host and no blanks, else None."""
    if not isinstance(value, str) or not value or len(value) > 2048:
        return None
    if any(ch.isspace() or not ch.isprintable() for ch in value) or "\\" in value:
        return None
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ALLOWED_SCHEMES or not host or not is_public_host(host):
        return None
    return value


def require_http_url(value: str, what: str) -> str:
    """The URL, or ValueError naming `what` when it is not an absolute public http(s) URL."""
    found = safe_url(value)
    if found is None:
        raise ValueError(f"{what} must be an absolute http(s) URL on a public host, got {value!r}")
    return found
