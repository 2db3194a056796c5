"""Errors of report rendering, reported as one line like every other ClaimsError."""

from __future__ import annotations

from claims.errors import ClaimsError


class ReportError(ClaimsError):
    """A report cannot be made from this export (e.g. the organisation is not configured)."""
