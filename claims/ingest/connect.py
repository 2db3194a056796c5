"""Connections for fetching: only to addresses checked beforehand, and never past a deadline.

The fetcher resolves a host once and checks every address; the transport here then connects
to the checked address itself instead of resolving the name again, so a resolver that answers
differently the second time (DNS rebinding) never gets a byte sent to the other address. The
request still names the host: the Host header, TLS SNI and the certificate check stay on the
name. Every connect, read, write and TLS handshake waits at most until one deadline, so a
server that trickles its headers cannot stretch `--timeout`.
"""

from __future__ import annotations

import functools
import ssl
import time
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx

Pins = dict[tuple[str, int], str]
"""The checked address to connect to, by (host as sent, port)."""


class PinnedBackend(httpcore.NetworkBackend):
    """Opens TCP connections only to pinned addresses, each wait bounded by the deadline."""

    def __init__(self, pins: Pins, deadline: float) -> None:
        self.pins = pins
        self.deadline = deadline
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        address = self.pins.get((host.lower(), port))
        if address is None:
            raise httpcore.ConnectError(f"no checked address for {host}:{port}")
        stream = self._inner.connect_tcp(
            address,
            port,
            timeout=remaining(self.deadline, timeout, httpcore.ConnectTimeout),
            local_address=local_address,
            socket_options=socket_options,
        )
        return DeadlineStream(stream, self.deadline)


class DeadlineStream(httpcore.NetworkStream):
    """A network stream whose every wait ends at the deadline at the latest."""

    def __init__(self, stream: httpcore.NetworkStream, deadline: float) -> None:
        self._stream = stream
        self._deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, remaining(self._deadline, timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, remaining(self._deadline, timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        wait = remaining(self._deadline, timeout, httpcore.ConnectTimeout)
        secured = self._stream.start_tls(ssl_context, server_hostname, wait)
        return DeadlineStream(secured, self._deadline)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


def remaining(
    deadline: float,
    timeout: float | None,
    error: type[Exception] = httpcore.ReadTimeout,
) -> float:
    """The shorter of `timeout` and the time left before the deadline; `error` once it passed."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise error("deadline passed")
    return left if timeout is None else min(timeout, left)


class PinnedTransport(httpx.HTTPTransport):
    """httpx's transport with its connection pool on a `PinnedBackend` (no proxies)."""

    def __init__(self, backend: PinnedBackend) -> None:
        context = tls_context()
        super().__init__(verify=context, trust_env=False)
        self._pool = httpcore.ConnectionPool(ssl_context=context, network_backend=backend)


@functools.cache
def tls_context() -> ssl.SSLContext:
    """The certificate-checking TLS context, made once: loading the CA bundle takes a while."""
    return httpx.create_ssl_context(trust_env=False)
