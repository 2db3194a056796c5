"""Folders that refuse writes, for tests of what the program does when a write fails."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def sealable_folder(folder: Path) -> Iterator[Callable[[], None]]:
    """`folder`, empty and writable; calling what this yields makes it unwritable for anyone.

    Root ignores folder permissions, so for root the folder is a tmpfs that is remounted
    read-only (the test is skipped where even root may not mount); for anyone else sealing
    makes it a 0555 folder.
    """
    folder.mkdir(exist_ok=True)
    if os.geteuid() != 0:
        try:
            yield lambda: folder.chmod(0o555)
        finally:
            folder.chmod(0o755)
        return
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"root cannot mount a folder to make it read-only: {mounted.stderr!r}")
    try:
        yield lambda: subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def run_with_file_size_limit(limit: int, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m claims ARGS` where no file may grow past `limit` bytes (a full disk)."""

    def limit_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run(
        [sys.executable, "-m", "claims", *args],
        capture_output=True,
        text=True,
        preexec_fn=limit_files,
        timeout=120,
    )
