"""Relayed speech: `X quoted Y as saying Z`, `X cited Y as saying Z`, `Y was quoted (by X) as
saying Z`, `X quoted Y as having said Z`.

Y said Z and X relayed it: the frame's source is X, its `cited` slot Y (the speaker, as for
`The agency, citing security sources, said`) and its `relay` the verb X relayed with. With no
relay named (`Y was quoted as saying Z`) Y is the source and nobody is cited.
"""

from __future__ import annotations

from claims.extract.attribution.clause import Clause, span_of
from claims.extract.attribution.contents import content_after, content_before
from claims.extract.attribution.cues import Cue, relay_verb
from claims.extract.attribution.frame import Frame, span_of_cue
from claims.extract.attribution.lexicon import CueKind
from claims.extract.attribution.source_before import left_source
from claims.extract.attribution.tokens import Token, words
from claims.extract.attribution.verb_tail import read_tail
from claims.extract.models import Span

_PASSIVE_AUXILIARIES = words("is are was were be been being")


def quoted_as_frame(clause: Clause, cue: Cue) -> Frame | None:
    """The frame of a speech verb after `as` and a relay verb, or None for any other cue."""
    tokens = clause.tokens
    found = relay_verb(tokens, cue.first)
    if found is None or found[0] < clause.lo:
        return None
    relay, as_at = found
    passive = relay > clause.lo and tokens[relay - 1].lower in _PASSIVE_AUXILIARIES
    subject = left_source(tokens, relay - 1 if passive else relay, clause.lo)
    if passive:
        by = relay + 1 < as_at and tokens[relay + 1].lower == "by"
        outlet = span_of(tokens, relay + 2, as_at) if by else _agent_after(tokens, cue)
        speaker = span_of(tokens, *subject) if subject else None
    else:
        outlet = span_of(tokens, *subject) if subject else None
        speaker = span_of(tokens, relay + 1, as_at)
    first = subject[0] if subject else relay
    content = _content(clause, cue, first)
    if speaker is None or not (content or clause.starts_at(first)):
        return None  # with nothing before or after (`Vox quoted him as saying.`) the caller
        # borrows a neighbouring quotation
    cue_span = span_of_cue(tokens, cue)
    if outlet is None:
        return Frame(cue, cue_span, speaker, content)
    relay_span = span_of(tokens, relay, relay + 1)
    return Frame(cue, cue_span, outlet, content, cited=speaker, relay=relay_span)


def _agent_after(tokens: list[Token], cue: Cue) -> Span | None:
    """`Y was quoted as saying by X`: the relaying outlet after the speech verb."""
    at = cue.last + 1
    if at + 1 >= len(tokens) or tokens[at].lower != "by" or tokens[at].quoted:
        return None
    found = _name_from(tokens, at + 1)
    return found[1] if found is not None else None


def _content(clause: Clause, cue: Cue, first: int) -> tuple[Span, ...]:
    """What follows `as saying`, or what is written before the subject when nothing does
    (`“Z,” Vox quoted Y as saying.`, `Z, Vox quoted him as saying in a statement.`)."""
    tail = read_tail(clause, cue)
    if tail.clause_like:
        return content_after(clause, tail.at)
    tokens = clause.tokens
    boundary = first > clause.lo and (tokens[first - 1].text in ",—–" or tokens[first - 1].quoted)
    return content_before(clause, clause.lo, first) if boundary else ()


_RELAY_PARTICIPLES = words("quoted cited")
_NAME_STOPS = words("as that who which and but")
_MAX_RELAY_NAME = 8
"""How many tokens the relaying outlet's name may take (`the Russian news agency Interfax`)."""


def _relay_phrase(tokens: list[Token], at: int) -> tuple[int, Span] | None:
    """`(as) quoted by X` starting at `at`: the relay verb's index and X's span."""
    k = at + 1 if tokens[at].lower == "as" else at
    if k + 2 >= len(tokens) or tokens[k].lower not in _RELAY_PARTICIPLES:
        return None
    if tokens[k + 1].lower != "by" or any(t.quoted for t in tokens[at : k + 2]):
        return None
    found = _name_from(tokens, k + 2)
    return (k, found[1]) if found is not None else None


def _name_from(tokens: list[Token], first: int) -> tuple[int, Span] | None:
    """The outlet's name from `first` up to a comma, "that", "as" or a quotation."""
    stop = first
    while (
        stop < len(tokens)
        and stop < first + _MAX_RELAY_NAME
        and tokens[stop].text[:1].isalnum()
        and tokens[stop].lower not in _NAME_STOPS
        and not tokens[stop].quoted
    ):
        stop += 1
    name = span_of(tokens, first, stop)
    return (stop, name) if name is not None else None


def _relay_around(tokens: list[Token], frame: Frame) -> tuple[int, Span] | None:
    """A `quoted by X` phrase set off by commas around a report's verb: between its source and
    the verb (`Y, quoted by X, said`) or right after the verb (`Y said, as quoted by X, ...`)."""
    assert frame.source is not None
    for k, token in enumerate(tokens):
        if token.quoted or token.text != ",":
            continue
        between = frame.source.end <= token.start < frame.cue_span.start
        after = token.start >= frame.cue_span.end and not any(
            t.text[:1].isalnum() for t in tokens if frame.cue_span.end <= t.start < token.start
        )
        if (between or after) and k + 1 < len(tokens):
            found = _relay_phrase(tokens, k + 1)
            if found is not None:
                return found
    return None


def quoted_by(frames: list[Frame], tokens: list[Token]) -> list[Frame]:
    """`Y, quoted by X, said Z` / `Y said, as quoted by X, Z`: Y is the speaker, X the outlet
    that relayed him (as for `X quoted Y as saying Z`); the `as quoted by` phrase is no report
    of its own."""
    absorbed: set[int] = set()
    result: list[Frame] = []
    for frame in frames:
        if (
            frame.source is None
            or frame.relay is not None
            or frame.cited is not None
            or frame.cue.kind not in (CueKind.SAY, CueKind.TELL)
        ):
            result.append(frame)
            continue
        found = _relay_around(tokens, frame)
        if found is None:
            result.append(frame)
            continue
        relay, outlet = found
        absorbed.add(tokens[relay].start)
        relay_span = Span(start=tokens[relay].start, end=tokens[relay].end)
        result.append(frame._replace(source=outlet, cited=frame.source, relay=relay_span))
    return [f for f in result if not _absorbed(f, tokens, absorbed)]


def _absorbed(frame: Frame, tokens: list[Token], relays: set[int]) -> bool:
    """The `as quoted by X` cue whose relay now sits in the speaker's frame."""
    if frame.cue.kind is not CueKind.ACCORDING:
        return False
    return any(frame.cue_span.start <= start < frame.cue_span.end for start in relays)
