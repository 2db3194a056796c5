"""Writing command output: to stdout, or atomically to a file (temp file, fsync, rename)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

from claims.errors import ClaimsError


def write_output(target: str, content: str | bytes, *, force: bool = False) -> None:
    """Write to stdout for `-`, else to a file that is either complete or not there at all."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    if target == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    write_atomically(Path(target), data, force=force)
    click.echo(f"wrote {target}", err=True)


def write_atomically(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write via a temporary file in the same folder, so a crash never leaves half a file."""
    if path.exists() and not force:
        raise ClaimsError(f"{path}: already exists (use --force to overwrite)")
    if not path.parent.is_dir():
        raise ClaimsError(f"{path}: folder {path.parent} does not exist")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
