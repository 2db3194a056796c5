"""Messages workers post to the app: small, plain data; only handlers touch widgets."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from textual.message import Message

from claims.store.review import ActionResult, EditConflict


@dataclass
class ActionSaved(Message):
    """A review action was written to the database."""

    result: ActionResult


@dataclass
class ActionRefused(Message):
    """Someone changed the same row meanwhile: nothing was saved, the draft was kept."""

    conflict: EditConflict


@dataclass
class ActionFailed(Message):
    """A review action could not be done; `error` is the one-line reason."""

    error: str


@dataclass
class ExportWritten(Message):
    """An export file was written in full."""

    what: str
    path: Path
    warnings: list[str] = field(default_factory=list)
    """What the file lacks that its readers may need (ClaimReview appearances without a url)."""
