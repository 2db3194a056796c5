"""`claims review` in a real terminal (tmux): it draws, navigates, and ctrl+q exits with 0.

Skipped when tmux is not installed, unless CLAIMS_REQUIRE_TMUX=1 (as in CI), which makes a
missing tmux a failure. Runs on a private tmux server so it never touches the user's sessions.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import Target
from tests.factories import build_sample

ROOT = Path(__file__).parent.parent
REQUIRE_TMUX = os.environ.get("CLAIMS_REQUIRE_TMUX") == "1"


@pytest.fixture
def tmux() -> Iterator[list[str]]:
    """A tmux command prefix bound to a private server, killed afterwards."""
    if shutil.which("tmux") is None:
        if REQUIRE_TMUX:
            pytest.fail("CLAIMS_REQUIRE_TMUX=1 but tmux is not installed")
        pytest.skip("tmux is not installed")
    prefix = ["tmux", "-L", f"claims-test-{uuid.uuid4().hex[:8]}", "-f", os.devnull]
    yield prefix
    subprocess.run([*prefix, "kill-server"], capture_output=True, check=False)


def capture(tmux: list[str]) -> str:
    result = subprocess.run(
        [*tmux, "capture-pane", "-p", "-t", "review"], capture_output=True, text=True, check=False
    )
    return result.stdout


def wait_for(tmux: list[str], text: str, timeout: float = 30.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        screen = capture(tmux)
        if text in screen:
            return screen
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared; the screen shows:\n{capture(tmux)}")


def keys(tmux: list[str], *names: str) -> None:
    subprocess.run([*tmux, "send-keys", "-t", "review", *names], check=True)


def test_review_runs_in_a_terminal_and_quits_with_status_0(
    tmux: list[str], sqlite_target: Target, tmp_path: Path
) -> None:
    with sqlite_target.database.write() as session:
        build_sample(session)
    status = tmp_path / "status"
    program = "import sys; from claims.cli import main; sys.exit(main())"
    command = " ".join(
        shlex.quote(part)
        for part in (sys.executable, "-c", program, "--db", sqlite_target.arg, "review")
    )
    command += f" --reviewer smoke; echo $? > {shlex.quote(str(status))}"
    environment = ["-e", "TERM=xterm-256color", "-e", f"PYTHONPATH={ROOT}"]
    subprocess.run(
        [
            *tmux,
            "new-session",
            "-d",
            "-s",
            "review",
            "-x",
            "140",
            "-y",
            "40",
            *environment,
            "-c",
            str(ROOT),
            command,
        ],
        check=True,
    )
    subprocess.run([*tmux, "set-option", "-g", "window-size", "manual"], check=False)
    subprocess.run([*tmux, "resize-window", "-t", "review", "-x", "140", "-y", "40"], check=False)
    screen = wait_for(tmux, "5 claims")
    assert "reviewer: smoke" in screen and "RIA Novosti" in screen
    keys(tmux, "Down", "Enter")
    wait_for(tmux, "Attribution chain")
    keys(tmux, "Escape")
    wait_for(tmux, "sorted by id")
    keys(tmux, "F3")
    wait_for(tmux, "unreviewed conflicts")
    keys(tmux, "F2")
    wait_for(tmux, "sorted by id")
    keys(tmux, "/")
    time.sleep(0.5)  # let the filter box take the focus before typing into it
    keys(tmux, "-l", "billion")
    wait_for(tmux, "2 claims")
    keys(tmux, "C-q")
    deadline = time.monotonic() + 15
    while not status.exists() or not status.read_text().strip():
        assert time.monotonic() < deadline, f"no exit status; screen:\n{capture(tmux)}"
        time.sleep(0.1)
    assert status.read_text().strip() == "0"
