"""Writing command output: to stdout, or atomically to a file (temp file, fsync, rename)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from claims.reports.files import write_new_file


def write_output(target: str, content: str | bytes, *, force: bool = False) -> None:
    """Write to stdout for `-`, else to a file that is either complete or not there at all."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    if target == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    write_new_file(Path(target), data, force=force)
    click.echo(f"wrote {target}", err=True)
