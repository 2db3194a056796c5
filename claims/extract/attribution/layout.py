"""Attributions written by layout rather than by a verb.

- a quotation signed with a dash at the end of its line: `“...”― Jane Doe` (readers' voices,
  epigraphs);
- a transcript paragraph opened by the speaker's name in capitals and a colon:
  `SMITH: Well, look, ...` (interviews, debates, hearings); the content runs to the end of
  the paragraph.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from claims.extract.attribution.lexicon import PASSAGE_LABELS
from claims.extract.attribution.tokens import words
from claims.extract.models import Span

_SPACE = r"[^\S\n]"

_NAME = rf"[A-Z][\w’'.\-]*?(?:{_SPACE}+[A-Z][\w’'.\-]*?){{0,4}}"

_SIGNATURE = re.compile(
    rf"{_SPACE}*\n?{_SPACE}*[―—–]{_SPACE}*(?P<name>{_NAME})\.?{_SPACE}*(?=\n|$)"
)

_SPEAKER_LABEL = re.compile(
    r"(?m)^[ \t]*[\"“]?(?P<name>[A-Z][A-Z.’'\-]+(?:[ \t][A-Z][A-Z.’'\-]+){0,2}):[ \t]+(?=\S)"
)

_DATELINES = words("WASHINGTON")
"""Capitalised place names that open a paragraph with a colon, as in a dateline."""

_PARAGRAPH_END = re.compile(r"\n[ \t\r\f\v]*\n")


class LayoutAttribution(NamedTuple):
    """Where the cue, the source and the content of a layout attribution are."""

    cue: Span
    source: Span
    content: Span


def signed_quotes(text: str, quotes: tuple[Span, ...]) -> list[LayoutAttribution]:
    """Quotations followed on their line by a dash and a short name."""
    found = []
    for quote in quotes:
        signature = _SIGNATURE.match(text, quote.end)
        if signature is None:
            continue
        dash = text.index(signature.group().strip()[0], quote.end)
        cue = Span(start=dash, end=dash + 1)
        source = Span(start=signature.start("name"), end=signature.end("name"))
        found.append(LayoutAttribution(cue, source, quote))
    return found


def _is_label(name: str) -> bool:
    """`NOTE:`, `EDITOR'S NOTE:`, `CLAIM:` or a dateline, not a speaker's name."""
    parts = name.lower().split()
    return name in _DATELINES or parts[0] in PASSAGE_LABELS or parts[-1] in PASSAGE_LABELS


def transcript_turns(text: str) -> list[LayoutAttribution]:
    """Paragraphs opened by `NAME:`: the name speaks the rest of the paragraph."""
    found = []
    for label in _SPEAKER_LABEL.finditer(text):
        name = label.group("name")
        if _is_label(name) or len(name.replace(".", "")) < 2:
            continue
        end_match = _PARAGRAPH_END.search(text, label.end())
        end = end_match.start() if end_match else len(text)
        content = text[label.end() : end].rstrip()
        stripped = content.rstrip('"”')
        if len(stripped.split()) < 3:
            continue
        colon = label.end("name")
        found.append(
            LayoutAttribution(
                Span(start=colon, end=colon + 1),
                Span(start=label.start("name"), end=label.end("name")),
                Span(start=label.end(), end=label.end() + len(stripped)),
            )
        )
    return found
