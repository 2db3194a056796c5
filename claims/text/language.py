"""Which documents the English-only rules (attribution cues, speakers) may be applied to."""

from __future__ import annotations


def is_english(language: str | None) -> bool:
    """English, or a language nobody could tell: the English rules apply."""
    return language is None or language.split("-")[0].strip().lower() == "en"
