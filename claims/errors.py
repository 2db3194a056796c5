"""Errors reported to people: each carries a one-line message naming what failed and why."""

from __future__ import annotations


class ClaimsError(Exception):
    """Base of the application's own errors; `str()` is the one-line message."""


class InputError(ClaimsError):
    """An input (file, URL, stdin) could not be ingested; nothing of it was stored."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class NotFound(ClaimsError):
    """A requested record does not exist."""
