"""Reading PolNeAR articles and their brat standoff attributions.

PolNeAR (Newell, Margolin & Ruths, LREC 2018) ships `text/NAME.txt` and one
`attributions/NAME_ANNOTATOR.ann` per annotator. Only the offsets of the `T` lines are
trusted: the covered text after them may run over several lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from claims.extract.models import Span

_SPAN_LINE = re.compile(r"^(T\d+)\t(\w+) (\d+ \d+(?:;\d+ \d+)*)\t")
_EVENT_LINE = re.compile(r"^(E\d+)\t(.*)$")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|St|Jr|Sr|Inc|Co|Corp|Ltd|"
    r"vs|No|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|[A-Z])\.|\b(?:[A-Za-z]\.){2,})$"
)
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’'»)\]]*(?=\s+[\"“‘'«(\[]?[A-Z0-9])")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


class GoldAttribution(BaseModel):
    """One annotated attribution: content, cue and source as lists of text fragments."""

    model_config = ConfigDict(frozen=True)

    content: tuple[Span, ...]
    cue: tuple[Span, ...] = ()
    source: tuple[Span, ...] = ()


class Article(BaseModel):
    """An article's text with the attributions of each annotator who worked on it."""

    model_config = ConfigDict(frozen=True)

    name: str
    text: str
    annotations: dict[str, tuple[GoldAttribution, ...]]
    """Annotator id -> that annotator's attributions."""


def _fragments(offsets: str) -> tuple[Span, ...]:
    pairs = (part.split() for part in offsets.split(";"))
    return tuple(Span(start=int(a), end=int(b)) for a, b in pairs)


def parse_ann(ann: str) -> tuple[GoldAttribution, ...]:
    """Turn brat standoff text into attributions; events without content are skipped."""
    spans: dict[str, tuple[Span, ...]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        if found := _SPAN_LINE.match(line):
            spans[found.group(1)] = _fragments(found.group(3))
        elif found := _EVENT_LINE.match(line):
            roles = (arg.split(":", 1) for arg in found.group(2).split() if ":" in arg)
            events.append({role: ref for role, ref in roles})
    result = []
    for event in events:
        content = spans.get(event.get("Content", ""))
        if not content:
            continue
        cue = spans.get(event.get("Cue", ""), ())
        source = spans.get(event.get("Source", ""), ())
        result.append(GoldAttribution(content=content, cue=cue, source=source))
    return tuple(result)


def read_articles(split_dir: Path) -> Iterator[Article]:
    """Yield each article of a PolNeAR split folder (`text/`, `attributions/`), by name."""
    for text_file in sorted((split_dir / "text").glob("*.txt")):
        annotations = {}
        for ann_file in sorted((split_dir / "attributions").glob(f"{text_file.stem}_*.ann")):
            annotator = ann_file.stem[len(text_file.stem) + 1 :]
            annotations[annotator] = parse_ann(ann_file.read_text(encoding="utf-8"))
        text = text_file.read_text(encoding="utf-8")
        yield Article(name=text_file.stem, text=text, annotations=annotations)


def simple_sentences(text: str) -> list[Span]:
    """Split text into sentence spans at paragraph breaks and sentence-final punctuation.

    A fallback for when the project's sentence splitter is not available; it keeps
    common abbreviations ("Mr.", "U.S.") and initials inside their sentence.
    """
    spans: list[Span] = []
    start = 0
    for paragraph_end in [m.start() for m in _PARAGRAPH_BREAK.finditer(text)] + [len(text)]:
        for stop in _sentence_stops(text, start, paragraph_end):
            _append_trimmed(spans, text, start, stop)
            start = stop
        _append_trimmed(spans, text, start, paragraph_end)
        start = paragraph_end
    return spans


def _sentence_stops(text: str, start: int, end: int) -> Iterator[int]:
    for found in _SENTENCE_END.finditer(text, start, end):
        head = text[max(start, found.start() - 12) : found.start() + 1]
        if found.group().startswith(".") and _ABBREVIATION.search(head):
            continue
        yield found.end()


def _append_trimmed(spans: list[Span], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        left = start + len(piece) - len(piece.lstrip())
        spans.append(Span(start=left, end=left + len(stripped)))
