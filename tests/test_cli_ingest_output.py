"""`claims ingest`: its JSON, the files it skipped, and a progress bar with the rate and the
time left, whose line per-file messages never land on."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import struct
import sys
import termios
from pathlib import Path

import pyte

from tests.conftest import Cli, Target

ARTICLE = "Title {n}\n\nThe minister said on Monday that plant {n} will open in 2026.\n"


def articles(folder: Path, count: int) -> Path:
    folder.mkdir()
    for n in range(count):
        (folder / f"a{n}.txt").write_text(ARTICLE.format(n=n), encoding="utf-8")
    (folder / "a0.meta.toml").write_text('outlet = "Desk"\n', encoding="utf-8")
    (folder / "notes.csv").write_text("x\n", encoding="utf-8")
    (folder / "README.md").write_text("About these articles.\n", encoding="utf-8")
    return folder


def test_ingest_json_gives_each_document_and_counts_skipped_files(
    sqlite_cli: Cli, tmp_path: Path
) -> None:
    folder = articles(tmp_path / "in", 2)
    missing = tmp_path / "missing.txt"
    result = sqlite_cli("ingest", "--json", str(folder), str(missing))
    assert result.exit_code == 1
    value = json.loads(result.stdout)
    assert [(d["input"], d["outcome"]) for d in value["documents"]] == [
        (str(folder / "a0.txt"), "added"),
        (str(folder / "a1.txt"), "added"),
        (str(missing), "failed"),
    ]
    assert all(isinstance(d["document_id"], int) for d in value["documents"][:2])
    assert value["documents"][2]["error"] == "no such file or folder"
    assert value["skipped"] == [str(folder / "README.md"), str(folder / "notes.csv")]
    assert value["counts"] == {
        "added": 2,
        "new_version": 0,
        "unchanged": 0,
        "failed": 1,
        "skipped": 2,
    }
    assert "2 added, 0 unchanged, 1 failed, 2 skipped" in result.stderr
    again = json.loads(sqlite_cli("ingest", "--json", str(folder)).stdout)
    assert [d["outcome"] for d in again["documents"]] == ["unchanged", "unchanged"]


def run_in_terminal(command: list[str], cwd: Path, size: tuple[int, int]) -> bytes:
    """Run `command` with a pseudo-terminal as its stdin, stdout and stderr; all it wrote."""
    columns, rows = size
    pid, fd = pty.fork()
    if pid == 0:  # the child: the command, in its own terminal
        os.chdir(cwd)
        os.environ["TERM"] = "xterm-256color"
        os.execv(command[0], command)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    output = b""
    while select.select([fd], [], [], 120)[0]:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the terminal closed: the command ended
            break
        if not chunk:
            break
        output += chunk
    os.waitpid(pid, 0)
    return output


def test_ingest_progress_bar_shows_rate_and_time_left_and_messages_go_above_it(
    sqlite_target: Target, tmp_path: Path
) -> None:
    folder = articles(tmp_path / "in", 4)
    command = [sys.executable, "-m", "claims", "--db", sqlite_target.arg, "ingest", str(folder)]
    output = run_in_terminal(command, tmp_path, (120, 30))
    plain = re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]", b"", output).decode("utf-8", "replace")
    assert re.search(r"ingesting .* \d/4 [\d.–]+ articles/s ETA", plain), plain
    screen = pyte.Screen(120, 30)
    pyte.ByteStream(screen).feed(output)
    lines = [line.rstrip() for line in screen.display if line.strip()]
    for n in range(4):
        assert f"{folder / f'a{n}.txt'}: document {n + 1}" in lines, lines
    assert not [line for line in lines if "ingesting" in line or "━" in line], lines
    assert (
        lines[-1]
        == "documents: 4 added, 0 unchanged, 0 failed, 2 skipped (not .txt, .md or .html articles)"
    )
