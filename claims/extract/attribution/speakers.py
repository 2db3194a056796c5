"""Which frames give a chain its speaker: not attitudes, not things that signal."""

from __future__ import annotations

from claims.extract.attribution.frame import Frame
from claims.extract.attribution.lexicon import ATTITUDE_LEMMAS, CueKind
from claims.extract.attribution.names import document_name
from claims.extract.models import ChainLink, Role

_DEMONSTRATIVES = frozenset({"this", "these", "that", "those", "such"})

_ABSTRACT_ENDINGS = ("ness",)

_PEOPLE_NOUNS = frozenset(
    {"official", "officials", "spokesman", "spokeswoman", "spokesperson", "minister", "source"}
    | {"sources", "reporter", "expert", "experts", "analyst", "analysts", "diplomat", "man"}
    | {"woman", "person", "people", "group", "agency", "ministry", "government", "department"}
)


def abstract_source(text: str, frame: Frame) -> bool:
    """`This declaration underscores`, `The willingness to engage highlights`: no speaker.

    A demonstrative before a common noun, or "the" before a quality noun in -ness, names a
    thing that signals, not a person or body that speaks ("the opposition" still speaks).
    """
    if frame.source is None:
        return False
    words = text[frame.source.start : frame.source.end].split()
    if len(words) < 2 or not words[1][:1].islower() or words[1].lower() in _PEOPLE_NOUNS:
        return False
    first, head = words[0].lower(), words[1].lower().strip(".,")
    if first in _DEMONSTRATIVES:
        return True
    return first == "the" and head.endswith(_ABSTRACT_ENDINGS) and head not in _PEOPLE_NOUNS


def _event_source(text: str, frame: Frame) -> bool:
    """`Iraq's Prime Minister's visit to Moscow underscores Y`: an event does not speak."""
    if frame.source is None:
        return False
    head = ""
    for word in text[frame.source.start : frame.source.end].split():
        lower = word.lower().strip(".,")
        if lower in _HEAD_STOPS:
            break
        if word[:1].islower():
            head = lower
    return head in _EVENT_NOUNS


_HEAD_STOPS = frozenset({"of", "to", "in", "for", "with", "on", "at", "from", "by", ","})
_EVENT_NOUNS = frozenset(
    {"visit", "visits", "trip", "meeting", "meetings", "talks", "move", "decision", "step"}
    | {"steps", "approach", "development", "developments", "situation", "event", "events"}
    | {"engagement", "agreement", "deal", "partnership", "cooperation", "relationship"}
    | {"relations", "presence", "withdrawal", "election", "elections", "outcome", "growth"}
    | {"willingness", "readiness", "declaration", "commitment", "stance", "shift"}
    | {"fall", "falls", "rise", "rises", "drop", "drops", "increase", "increases", "decrease"}
    | {"decline", "declines", "jump", "surge", "slump", "slowdown", "recovery", "downturn"}
)
"""Head nouns of a subject that is an event, a change or a state of affairs, not a speaker
(`a fall in jobseekers pushed the rate down`)."""


def _document_source(text: str, frame: Frame) -> bool:
    """`Section 404 of the Sox Act calls for Y`, `the new law says Y`: a text does not speak;
    what it holds is the writer's report of it."""
    if frame.source is None:
        return False
    written = text[frame.source.start : frame.source.end].split()
    if written and written[0].lower() in ("the", "a", "an", "this", "that"):
        written = written[1:]
    cut = next((k for k, w in enumerate(written) if w.lower() in _HEAD_STOPS and k), None)
    head = written[:cut] if cut is not None and not document_name(written) else written
    return document_name(head)


def writer_frames(text: str, frames: list[Frame]) -> bool:
    """The sentence reports what no named speaker says (`This declaration underscores`,
    `There have been reports that`): the writer's own reading, which ends a passage."""
    return any(
        f.unvoiced
        or abstract_source(text, f)
        or _event_source(text, f)
        or _document_source(text, f)
        for f in frames
    )


def speaking_frames(text: str, frames: list[Frame]) -> list[Frame]:
    """The frames whose source may be a chain's speaker: not attitudes ("wants", "hopes"),
    not passives with an agent, not things that signal, not a question put to the speaker
    of a later report (`Asked if Y, X said Z`: X answers)."""
    return [
        f
        for f in frames
        if f.cue.lemma.replace(" ", "_") not in ATTITUDE_LEMMAS
        and f.cue.kind is not CueKind.BY
        and not f.unvoiced
        and not abstract_source(text, f)
        and not _event_source(text, f)
        and not _document_source(text, f)
        and not _question_answered(f, frames)
    ]


def _question_answered(frame: Frame, frames: list[Frame]) -> bool:
    """`Asked if Y, X said Z`: an unvoiced question whose answer a later report gives."""
    if frame.cue.lemma != "ask" or frame.source is not None:
        return False
    return any(
        other.source is not None and other.cue_span.start > frame.cue_span.end
        for other in frames
        if other is not frame
    )


def speaker_of(links: list[ChainLink]) -> ChainLink | None:
    """The first speaker link of a chain, if any."""
    return next((link for link in links if link.role is Role.SPEAKER), None)
