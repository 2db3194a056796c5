"""A frame: one attribution read from a sentence (cue, source, content, addressee, cited, relay)."""

from __future__ import annotations

from typing import NamedTuple

from claims.extract.attribution.cues import Cue
from claims.extract.attribution.lexicon import DISTANCING_MARKERS
from claims.extract.attribution.tokens import Token
from claims.extract.models import Span, Stance


class Frame(NamedTuple):
    """One attribution read from a sentence."""

    cue: Cue
    cue_span: Span
    source: Span | None
    """The source as written (a pronoun stays a pronoun)."""
    content: tuple[Span, ...]
    """May be empty for `X said.`: the caller borrows a neighbouring quotation."""
    addressee: Span | None = None
    """Who was told ("told Izvestia", "in an interview with Interfax")."""
    cited: Span | None = None
    """Whom the source cites ("citing security sources"): the original speaker."""
    relay: Span | None = None
    """The verb by which the source relays what `cited` said (`X quoted Y as saying Z`)."""
    unvoiced: bool = False
    """The subject was an expletive or a time phrase (`There have been reports that Y`):
    nobody is named, so the writer reports it."""


def span_of_cue(tokens: list[Token], cue: Cue) -> Span:
    """The document span of a cue's tokens."""
    return Span(start=tokens[cue.first].start, end=tokens[cue.last].end)


def nested_in_earlier(frames: list[Frame], frame: Frame) -> bool:
    """The frame's cue lies inside the content of an earlier frame of the sentence."""
    start = frame.cue_span.start
    for other in frames:
        if other is frame:
            return False
        if any(c.start <= start < c.end for c in other.content):
            return True
    return False


def frame_stance(frame: Frame, text: str) -> Stance:
    """The cue's stance, turned distancing by "so-called"/"allegedly" in the content."""
    lowered = " ".join(text[c.start : c.end].lower() for c in frame.content)
    if any(marker in lowered for marker in DISTANCING_MARKERS):
        return Stance.DISTANCING
    return frame.cue.stance
