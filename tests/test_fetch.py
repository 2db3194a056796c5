"""URL ingestion against real HTTP servers on loopback, and the SSRF guard in front of it."""

from __future__ import annotations

import gzip
import ipaddress
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from claims.ingest.fetch import FetchError, IpAddress, check_url, fetch
from tests.conftest import HOSTILE, Cli

ARTICLE = (
    b"<!doctype html><html lang='en'><head><title>Bridge reopens</title>"
    b"<meta name='author' content='Ana Writer'></head><body><article><h1>Bridge reopens</h1>"
    b"<p>The city council said on Monday that the bridge will reopen in May.</p>"
    b"<p>Engineers confirmed that repairs cost 2.5 million euros.</p></article></body></html>"
)
PUBLIC_NAMES = {
    "https://www.reuters.com.evil.example/",
    "http://xn--80ak6aa92e.com/",
    "http://example.com/%0d%0aX-Injected:%20header",
    "http://example.com",
}
"""Lines of ssrf_urls.txt that name public hosts: nothing to block before DNS says otherwise."""


@dataclass
class Server:
    """A loopback HTTP server that records every request it gets."""

    host: str
    routes: dict[str, tuple[int, dict[str, str], bytes]]
    hits: list[str] = field(default_factory=list)
    port: int = 0

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"


@pytest.fixture
def serve() -> Iterator[object]:
    servers: list[ThreadingHTTPServer] = []

    def start(host: str = "127.0.0.1", routes: dict | None = None, port: int = 0) -> Server:
        state = Server(host, routes or {})

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                state.hits.append(self.path)
                status, headers, body = state.routes.get(self.path, (404, {}, b"not found"))
                if self.path == "/slow":
                    self.send_response(200)
                    self.send_header("Content-Type", "text/plain")
                    self.end_headers()
                    for _ in range(30):
                        self.wfile.write(b"x")
                        self.wfile.flush()
                        time.sleep(0.2)
                    return
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        server = ThreadingHTTPServer((host, port), Handler)
        state.port = server.server_address[1]
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return state

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def html(body: bytes = ARTICLE) -> tuple[int, dict[str, str], bytes]:
    return 200, {"Content-Type": "text/html; charset=utf-8"}, body


def test_fetches_article_over_real_http(sqlite_cli: Cli, serve) -> None:  # type: ignore[no-untyped-def]
    server = serve(routes={"/a": html()})
    result = sqlite_cli("ingest", "--allow-private", server.url("/a"))
    assert result.exit_code == 0, result.output
    shown = sqlite_cli("show", "1", "--json")
    assert "the bridge will reopen in May" in shown.stdout
    assert server.url("/a") in shown.stdout
    assert server.hits == ["/a"]


def test_private_address_blocked_before_connecting(sqlite_cli: Cli, serve) -> None:  # type: ignore[no-untyped-def]
    server = serve(routes={"/a": html()})
    result = sqlite_cli("ingest", server.url("/a"))
    assert result.exit_code == 1
    assert "blocked: non-public address 127.0.0.1" in result.stderr
    assert server.hits == []


@pytest.mark.timeout(30)
def test_every_ssrf_url_is_refused_without_a_connection(sqlite_cli: Cli, serve) -> None:  # type: ignore[no-untyped-def]
    server = serve(routes={"/": html()})
    lines = [
        line.split(" (")[0] for line in HOSTILE.joinpath("ssrf_urls.txt").read_text().splitlines()
    ]
    urls = [u for u in lines if u.strip() and u not in PUBLIC_NAMES]
    urls.append(server.url("/"))
    for url in urls:
        result = sqlite_cli("ingest", "--timeout", "2", url)
        assert result.exit_code == 1, url
        (error,) = [line for line in result.stderr.splitlines() if line.startswith("error:")]
        assert any(
            reason in error
            for reason in (
                "scheme not allowed",
                "blocked: non-public address",
                "cannot resolve host",
                "credentials",
                "invalid",
                "no host",
                "longer than",
                "spaces or control characters",
                "no such file",
            )
        ), (url, error)
    assert server.hits == []


def test_redirect_to_private_address_is_blocked(serve) -> None:  # type: ignore[no-untyped-def]
    target = serve("127.0.0.1", {"/secret": html()})
    redirector = serve("127.0.0.2", {"/": (302, {"Location": target.url("/secret")}, b"")})

    def only_127_0_0_2(address: IpAddress) -> bool:
        return address == ipaddress.ip_address("127.0.0.2")

    with pytest.raises(FetchError, match=r"blocked: non-public address 127\.0\.0\.1"):
        fetch(redirector.url("/"), policy=only_127_0_0_2)
    assert redirector.hits == ["/"]
    assert target.hits == []


def test_size_caps_apply_to_declared_and_decompressed_size(serve) -> None:  # type: ignore[no-untyped-def]
    bomb = gzip.compress(b"<p>" + b"a" * (3 * 1024 * 1024) + b"</p>")
    server = serve(
        routes={
            "/huge": (200, {"Content-Type": "text/html", "Content-Length": str(10**12)}, b""),
            "/bomb": (200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, bomb),
            "/ok.gz": (
                200,
                {"Content-Type": "text/html", "Content-Encoding": "gzip"},
                gzip.compress(ARTICLE),
            ),
        }
    )
    allow = lambda address: True  # noqa: E731
    with pytest.raises(FetchError, match="exceeds the 1 MB limit"):
        fetch(server.url("/huge"), policy=allow, max_bytes=1024 * 1024)
    with pytest.raises(FetchError, match="exceeds the 1 MB limit"):
        fetch(server.url("/bomb"), policy=allow, max_bytes=1024 * 1024)
    assert fetch(server.url("/ok.gz"), policy=allow).data == ARTICLE


@pytest.mark.timeout(20)
def test_slow_server_times_out(serve) -> None:  # type: ignore[no-untyped-def]
    server = serve()
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch(server.url("/slow"), policy=lambda address: True, timeout=1.0)
    assert time.monotonic() - started < 10


def test_http_errors_and_types_are_reported(serve) -> None:  # type: ignore[no-untyped-def]
    server = serve(routes={"/pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4")})
    allow = lambda address: True  # noqa: E731
    with pytest.raises(FetchError, match="server answered HTTP 404"):
        fetch(server.url("/missing"), policy=allow)
    with pytest.raises(FetchError, match="unsupported content type application/pdf"):
        fetch(server.url("/pdf"), policy=allow)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("file:///etc/passwd", "scheme not allowed: file"),
        ("http://user:pw@example.org/", "credentials"),
        ("http://example.org/a b", "spaces or control characters"),
        ("https://example.org/" + "a" * 3000, "longer than"),
    ],
)
def test_check_url_reasons(url: str, reason: str) -> None:
    with pytest.raises(FetchError, match=reason):
        check_url(url)


def test_dns_rebinding_connects_only_to_the_checked_address(serve, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A resolver that answers an allowed address first and a private one second (rebinding)
    must not get the private server a single byte: the connection goes to the checked address."""
    checked = serve("127.0.0.2", {"/a": html()})
    private = serve("127.0.0.1", {"/a": html(b"<p>private</p>")}, port=checked.port)
    answers = iter(["127.0.0.2"] + ["127.0.0.1"] * 20)
    real_getaddrinfo = socket.getaddrinfo

    def rebinding(host, port, *args, **kwargs):  # type: ignore[no-untyped-def]
        if host == "rebind.example":
            host = next(answers)
        return real_getaddrinfo(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    allowed = ipaddress.ip_address("127.0.0.2")
    fetched = fetch(f"http://rebind.example:{checked.port}/a", policy=lambda a: a == allowed)
    assert private.hits == []
    assert checked.hits == ["/a"]
    assert fetched.data == ARTICLE


@pytest.fixture
def trickling_headers() -> Iterator[int]:
    """A loopback server that sends its response headers one byte every half second."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve_one() -> None:
        listener.settimeout(10)
        try:
            connection, _ = listener.accept()
        except OSError:
            return
        with connection:
            connection.recv(4096)
            for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n" * 10:
                if stop.wait(0.5):
                    return
                try:
                    connection.sendall(bytes([byte]))
                except OSError:
                    return

    thread = threading.Thread(target=serve_one, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    listener.close()
    thread.join(5)


@pytest.mark.timeout(30)
def test_timeout_bounds_headers_that_trickle(sqlite_cli: Cli, trickling_headers: int) -> None:
    url = f"http://127.0.0.1:{trickling_headers}/a"
    assert sqlite_cli("documents").exit_code == 0  # database and imports ready before the clock
    assert sqlite_cli("ingest", "--help").exit_code == 0
    started = time.monotonic()
    result = sqlite_cli("ingest", "--allow-private", "--timeout", "2", url)
    elapsed = time.monotonic() - started
    assert result.exit_code == 1
    assert "timed out after 2 s" in result.stderr
    assert elapsed < 4.5
