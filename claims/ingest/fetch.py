"""Fetching articles over HTTP(S), refusing to be turned against the local network.

Every hop is checked before connecting: the scheme must be http or https, the URL must carry no
credentials or control characters, and every address the host resolves to must be public
(unless private addresses are allowed). The host is resolved once per fetch and the connection
goes to the address that was checked (`claims.ingest.connect`), so a name that resolves
differently the second time (DNS rebinding) never reaches another address; the peer is checked
again after connecting all the same. `timeout` bounds the whole fetch, headers included.
Responses are streamed with a size cap that also bounds decompression.
"""

from __future__ import annotations

import ipaddress
import socket
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

import httpx

from claims import __version__
from claims.ingest.connect import PinnedBackend, PinnedTransport, Pins
from claims.ingest.models import DEFAULT_MAX_BYTES

MAX_URL_LENGTH = 2048
MAX_REDIRECTS = 5
ACCEPTED_TYPES = {
    "text/html": "text/html",
    "application/xhtml+xml": "text/html",
    "text/plain": "text/plain",
    "text/markdown": "text/markdown",
}
USER_AGENT = f"claims/{__version__} (fact-checking provenance tracker)"

IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class FetchError(ValueError):
    """A URL that was not fetched, with the reason in words."""


def public_only(address: IpAddress) -> bool:
    """The default policy: only globally routable unicast addresses."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def anything(address: IpAddress) -> bool:
    """The policy of `--allow-private`."""
    return True


AddressPolicy = Callable[[IpAddress], bool]


@dataclass(frozen=True)
class Fetched:
    """A fetched response body and what the server said it is."""

    url: str
    data: bytes
    media_type: str
    charset: str | None


def check_url(url: str) -> httpx.URL:
    """Refuse URLs that are malformed, too long, credentialed or of another scheme."""
    if len(url) > MAX_URL_LENGTH:
        raise FetchError(f"URL longer than {MAX_URL_LENGTH} characters")
    if any(ord(ch) < 0x21 or ord(ch) == 0x7F for ch in url):
        raise FetchError("URL contains spaces or control characters")
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError) as exc:
        raise FetchError(f"invalid URL ({exc})") from exc
    if parsed.scheme not in ("http", "https"):
        raise FetchError(f"scheme not allowed: {parsed.scheme or 'none'} (only http and https)")
    if not parsed.host:
        raise FetchError("URL has no host")
    if parsed.userinfo:
        raise FetchError("URLs with credentials (user@host) are not fetched")
    try:
        _ = parsed.port
    except ValueError as exc:
        raise FetchError(f"invalid port ({exc})") from exc
    return parsed


def resolve(host: str, port: int) -> list[IpAddress]:
    """Every address a host name resolves to."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve host {host} ({exc})") from exc
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]


def check_host(url: httpx.URL, policy: AddressPolicy) -> IpAddress:
    """Refuse a host that resolves to any address the policy does not allow; else the first."""
    addresses = resolve(_host_as_sent(url), _port(url))
    for address in addresses:
        if not policy(address):
            raise FetchError(f"blocked: non-public address {address} for host {url.host}")
    if not addresses:
        raise FetchError(f"cannot resolve host {url.host} (no address)")
    return addresses[0]


def _host_as_sent(url: httpx.URL) -> str:
    """The host as the request carries it (IDNA-encoded), which is what gets connected to."""
    return url.raw_host.decode("ascii").lower()


def _port(url: httpx.URL) -> int:
    return url.port or (443 if url.scheme == "https" else 80)


def fetch(
    url: str,
    *,
    policy: AddressPolicy = public_only,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = 20.0,
) -> Fetched:
    """Fetch a URL, following at most MAX_REDIRECTS redirects, each one checked again.

    `timeout` bounds the whole fetch (connecting, headers and body of every hop), so a server
    that trickles bytes cannot hold the ingest for longer.
    """
    current = url
    deadline = time.monotonic() + timeout
    pins: Pins = {}
    with httpx.Client(
        follow_redirects=False,
        timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate, identity"},
        trust_env=False,
        transport=PinnedTransport(PinnedBackend(pins, deadline)),
    ) as client:
        for _ in range(MAX_REDIRECTS + 1):
            parsed = check_url(current)
            key = (_host_as_sent(parsed), _port(parsed))
            if key not in pins:
                pins[key] = str(check_host(parsed, policy))
            try:
                with client.stream("GET", parsed) as response:
                    _check_peer(response, policy)
                    if response.is_redirect:
                        location = response.headers.get("location", "")
                        current = urljoin(str(parsed), location)
                        continue
                    return _body(str(parsed), response, max_bytes, deadline)
            except httpx.TimeoutException as exc:
                raise FetchError(f"timed out after {timeout:g} s") from exc
            except httpx.HTTPError as exc:
                raise FetchError(f"could not fetch ({type(exc).__name__}: {exc})") from exc
            if time.monotonic() > deadline:
                raise FetchError(f"timed out after {timeout:g} s")
    raise FetchError(f"more than {MAX_REDIRECTS} redirects")


def _check_peer(response: httpx.Response, policy: AddressPolicy) -> None:
    stream = response.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if peer:
        address = ipaddress.ip_address(str(peer[0]).split("%")[0])
        if not policy(address):
            raise FetchError(f"blocked: connected to non-public address {address}")


def _body(url: str, response: httpx.Response, max_bytes: int, deadline: float) -> Fetched:
    if response.status_code >= 400:
        raise FetchError(f"server answered HTTP {response.status_code}")
    content_type = response.headers.get("content-type", "text/html")
    media_type = content_type.split(";")[0].strip().lower()
    if media_type not in ACCEPTED_TYPES:
        raise FetchError(f"unsupported content type {media_type}")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"response of {int(declared)} bytes exceeds the {_mb(max_bytes)} limit")
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    data = b"".join(_capped(_until(response.iter_raw(), deadline), encoding, max_bytes))
    return Fetched(url, data, ACCEPTED_TYPES[media_type], response.charset_encoding)


def _until(chunks: Iterator[bytes], deadline: float) -> Iterator[bytes]:
    for chunk in chunks:
        if time.monotonic() > deadline:
            raise httpx.ReadTimeout("download deadline passed")
        yield chunk


def _capped(chunks: Iterator[bytes], encoding: str, max_bytes: int) -> Iterator[bytes]:
    """Decode the body ourselves so the cap applies to the decompressed size."""
    if encoding in ("", "identity"):
        decoder = None
    elif encoding in ("gzip", "x-gzip", "deflate"):
        decoder = zlib.decompressobj(wbits=47 if encoding != "deflate" else zlib.MAX_WBITS)
    else:
        raise FetchError(f"unsupported content encoding {encoding}")
    total = 0
    for chunk in chunks:
        pieces = [chunk] if decoder is None else list(_inflate(decoder, chunk, max_bytes - total))
        for piece in pieces:
            total += len(piece)
            if total > max_bytes:
                raise FetchError(f"response exceeds the {_mb(max_bytes)} limit")
            yield piece


def _inflate(decoder: zlib._Decompress, chunk: bytes, room: int) -> Iterator[bytes]:
    data = chunk
    while data:
        out = decoder.decompress(data, max(room, 0) + 1)
        yield out
        room -= len(out)
        if room < 0:
            return
        data = decoder.unconsumed_tail


def decompress_capped(data: bytes, max_bytes: int) -> bytes:
    """Gunzip a file, refusing it as soon as the output passes the cap."""
    decoder = zlib.decompressobj(wbits=47)
    out = b"".join(_inflate(decoder, data, max_bytes))
    if len(out) > max_bytes:
        raise FetchError(f"decompressed size exceeds the {_mb(max_bytes)} limit")
    if not decoder.eof:
        raise FetchError("truncated or damaged gzip data")
    return out


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:g} MB"
