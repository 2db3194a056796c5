"""What `claims ingest` shows while it works: a progress bar with articles per second and the
time left, per-file messages printed above the bar (never on its line), and the files of a
folder that were not articles."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from claims.ingest.inputs import InputRef
from claims.ingest.sidecar import is_sidecar
from claims.text.display import one_line

PROGRESS_THRESHOLD = 2
"""Inputs from which a bar is worth showing."""


class RateColumn(ProgressColumn):
    """Articles per second over the last half minute."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} articles/s" if speed else "– articles/s", style="cyan")


def ingest_progress(console: Console, inputs: int, *, show: bool) -> Progress:
    """The bar (transient: it disappears at the end, the summary stays)."""
    return Progress(
        TextColumn("ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=not show or inputs < PROGRESS_THRESHOLD,
    )


def say(console: Console, message: str) -> None:
    """A message on stderr; while the bar is live, Rich prints it above the bar."""
    console.print(Text(message), soft_wrap=True, markup=False, highlight=False, emoji=False)


def skipped_files(arguments: Iterable[str], refs: Iterable[InputRef]) -> list[str]:
    """Files in the given folders that were not taken as articles (other types, READMEs),
    hidden files and metadata sidecars aside."""
    taken = {ref.origin for ref in refs}
    skipped: list[str] = []
    for argument in arguments:
        folder = Path(argument)
        if "://" in argument or not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(folder)
            if any(part.startswith(".") for part in relative.parts) or not path.is_file():
                continue
            origin = str(Path(argument) / relative)
            if origin not in taken and not is_sidecar(path):
                skipped.append(one_line(origin))
    return skipped
