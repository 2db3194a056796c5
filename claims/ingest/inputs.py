"""What `claims ingest` was given: files, folders (recursive), `-` for stdin, and URLs."""

from __future__ import annotations

import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from claims.errors import InputError
from claims.ingest.fetch import AddressPolicy, FetchError, decompress_capped, fetch, public_only
from claims.ingest.models import DEFAULT_MAX_BYTES, DocumentMeta, MetaOrigin, RawInput
from claims.ingest.sidecar import SidecarError, is_sidecar, read_sidecar

MEDIA_TYPES = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "text/html",
}
"""File types taken from folders; a file named explicitly may be of any type."""
_PROJECT_FILES = ("README", "LICENSE", "LICENCE", "CHANGELOG", "CONTRIBUTING")


@dataclass(frozen=True)
class InputRef:
    """One input to ingest, before it is read."""

    origin: str
    path: Path | None = None
    url: str | None = None

    @property
    def is_stdin(self) -> bool:
        return self.origin == "-"


@dataclass(frozen=True)
class ReadOptions:
    """Limits and permissions for reading inputs."""

    max_bytes: int = DEFAULT_MAX_BYTES
    policy: AddressPolicy = public_only
    timeout: float = 20.0


def expand(arguments: list[str]) -> Iterator[InputRef]:
    """Inputs in the order given; folders are walked recursively in name order."""
    for argument in arguments:
        if argument == "-":
            yield InputRef("-")
        elif "://" in argument or argument.lower().startswith(("http:", "https:", "file:")):
            yield InputRef(argument, url=argument)
        else:
            path = Path(argument)
            if path.is_dir():
                yield from _walk(argument, path)
            else:
                yield InputRef(argument, path=path)


def _walk(given: str, folder: Path) -> Iterator[InputRef]:
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        if is_sidecar(path) or _media_type(path) is None or _is_project_file(path):
            continue
        yield InputRef(str(Path(given) / relative), path=path)


def _is_project_file(path: Path) -> bool:
    """READMEs and licences describe a folder of articles; they are not articles."""
    return path.name.upper().startswith(_PROJECT_FILES)


def _media_type(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    suffix = "." + name.rsplit(".", 1)[1] if "." in name else ""
    return MEDIA_TYPES.get(suffix)


def read(ref: InputRef, options: ReadOptions, meta: DocumentMeta) -> RawInput:
    """Read one input's bytes and metadata, or raise InputError naming it and why."""
    if ref.url is not None:
        return _read_url(ref, options, meta)
    if ref.is_stdin:
        data = sys.stdin.buffer.read(options.max_bytes + 1)
        _check_size(ref, len(data), options.max_bytes)
        return RawInput(origin="-", locator=None, data=data, meta=meta)
    assert ref.path is not None
    return _read_file(ref, ref.path, options, meta)


def _read_file(ref: InputRef, path: Path, options: ReadOptions, meta: DocumentMeta) -> RawInput:
    try:
        if not path.exists():
            raise InputError(ref.origin, "no such file or folder")
        if not path.is_file():
            raise InputError(ref.origin, "not a regular file")
        _check_size(ref, path.stat().st_size, options.max_bytes)
        data = path.read_bytes()
        sidecar = read_sidecar(path)
    except PermissionError as exc:
        raise InputError(ref.origin, "permission denied") from exc
    except OSError as exc:
        raise InputError(ref.origin, f"cannot read ({exc.strerror or exc})") from exc
    except SidecarError as exc:
        raise InputError(ref.origin, str(exc)) from exc
    if path.name.lower().endswith(".gz"):
        try:
            data = decompress_capped(data, options.max_bytes)
        except (FetchError, zlib.error) as exc:
            raise InputError(ref.origin, str(exc)) from exc
    return RawInput(
        origin=ref.origin,
        locator=str(path.resolve()),
        data=data,
        media_type=_media_type(path),
        meta=meta.merged(sidecar),
    )


def _read_url(ref: InputRef, options: ReadOptions, meta: DocumentMeta) -> RawInput:
    assert ref.url is not None
    try:
        fetched = fetch(
            ref.url, policy=options.policy, max_bytes=options.max_bytes, timeout=options.timeout
        )
    except FetchError as exc:
        raise InputError(ref.origin, str(exc)) from exc
    url_meta = DocumentMeta.of(MetaOrigin.FETCHED, url=fetched.url)
    return RawInput(
        origin=ref.origin,
        locator=fetched.url,
        data=fetched.data,
        media_type=fetched.media_type,
        declared_charset=fetched.charset,
        meta=meta.merged(url_meta),
    )


def _check_size(ref: InputRef, size: int, limit: int) -> None:
    if size > limit:
        raise InputError(
            ref.origin, f"larger than the {limit / 1024 / 1024:g} MB limit (see --max-size)"
        )
