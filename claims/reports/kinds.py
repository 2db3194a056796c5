"""Source kinds as reports need them: is it a person, and how do people read it.

The registry stores kinds by value (`official`, `state_media`); older exports and hand-made
files may carry the label (`official person`). Both are understood.
"""

from __future__ import annotations

from claims.sources.models import KIND_LABELS, PERSON_KINDS, SourceKind, parse_kind


def _kind(value: str | None) -> SourceKind | None:
    try:
        return parse_kind(value or "")
    except ValueError:
        return None


def is_person_kind(value: str | None) -> bool:
    """True for people (an official, an expert, a private person), by value or label."""
    return _kind(value) in PERSON_KINDS


def kind_label(value: str | None) -> str:
    """The kind as people read it ("official person"); an unknown kind as it is."""
    kind = _kind(value)
    return KIND_LABELS[kind] if kind is not None else (value or "")
