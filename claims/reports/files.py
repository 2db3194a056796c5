"""Writing one file per document or claim: safe names, containment, atomic and no-clobber.

Names are built by the application: a kind, the record's id and an ASCII slug of its title,
never a path taken from the data. The final name is checked to resolve inside the output
folder, kept under 120 bytes, written to a temporary file in the same folder, flushed, and
linked into place only if no file of that name exists (unless `force`).
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from pathlib import Path

from anyascii import anyascii

from claims.errors import ClaimsError

MAX_NAME_BYTES = 120
SLUG_CHARS = 60
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_SUFFIX = re.compile(r"^[a-z0-9]+(\.[a-z0-9]+)*$")


def slug(text: str | None) -> str:
    """Lower-case ASCII letters and digits joined by single hyphens, at most SLUG_CHARS long."""
    if not text:
        return ""
    folded = anyascii(unicodedata.normalize("NFKC", text)).lower()
    return _NOT_SLUG.sub("-", folded)[:SLUG_CHARS].strip("-")


def export_file_name(kind: str, record_id: int, title: str | None, suffix: str) -> str:
    """`kind-id-slug.suffix`: the id makes it unique, the slug makes it readable."""
    if not kind.isalpha() or not kind.isascii() or not _SUFFIX.match(suffix):
        raise ValueError(f"bad kind or suffix: {kind!r}, {suffix!r}")
    stem = f"{kind}-{int(record_id)}"
    readable = slug(title)
    name = f"{stem}-{readable}.{suffix}" if readable else f"{stem}.{suffix}"
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        room = MAX_NAME_BYTES - len(f"{stem}-.{suffix}".encode())
        name = f"{stem}-{readable[:room].strip('-')}.{suffix}" if room > 0 else f"{stem}.{suffix}"
    return name


def safe_export_path(
    folder: Path, kind: str, record_id: int, title: str | None, suffix: str
) -> Path:
    """The file for one record inside `folder`; ClaimsError if it would land anywhere else."""
    base = folder.resolve()
    path = (base / export_file_name(kind, record_id, title, suffix)).resolve()
    if path.parent != base:
        raise ClaimsError(f"{path}: refusing to write outside {base}")
    return path


def write_new_file(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write atomically; without `force` an existing file is never replaced, even in a race."""
    if not path.parent.is_dir():
        raise ClaimsError(f"{path}: folder {path.parent} does not exist")
    if path.exists() and not force:
        raise ClaimsError(f"{path}: already exists (use --force to overwrite)")
    try:
        _write_atomically(path, data, force=force)
    except OSError as exc:  # read-only folder, full disk, quota, I/O error
        raise ClaimsError(
            f"{path}: could not write ({exc.strerror or exc}); nothing written"
        ) from exc


def _write_atomically(path: Path, data: bytes, *, force: bool) -> None:
    handle, temporary = tempfile.mkstemp(prefix=".export.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, usual_file_mode())  # mkstemp makes it private; a report is not
        if force:
            os.replace(temporary, path)
        else:
            _link_without_clobbering(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)


def usual_file_mode() -> int:
    """The mode a plain `open()` would give a new file here (0o666 less the umask)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _link_without_clobbering(temporary: str, path: Path) -> None:
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise ClaimsError(f"{path}: already exists (use --force to overwrite)") from None
    except OSError:
        # Filesystems without hard links: fall back to an exclusive create, then replace.
        with open(path, "xb"):
            pass
        os.replace(temporary, path)
