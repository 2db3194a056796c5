"""All the frames of one sentence, left to right: coordinated verbs, participles that speak for
the previous source, citing phrases, and a headline colon before them."""

from __future__ import annotations

from claims.extract.attribution.according import according_frame
from claims.extract.attribution.citing import CITING, cite_in_source, cited_span, citing_frame
from claims.extract.attribution.clause import Clause, next_comma, span_of, words_in
from claims.extract.attribution.closing_report import closing_report_first
from claims.extract.attribution.cues import POLL_LEMMA, Cue, find_cues, relay_verb
from claims.extract.attribution.frame import Frame
from claims.extract.attribution.headline import colon_frame
from claims.extract.attribution.lexicon import CueKind
from claims.extract.attribution.passive_frames import (
    agentless_passive,
    by_frame,
    passive_frame,
    seem_frame,
)
from claims.extract.attribution.questions import question_frame
from claims.extract.attribution.quoted_as import quoted_as_frame
from claims.extract.attribution.relatives import (
    clause_content,
    governing_first,
    quoted_comma_closes,
    relative_clause_end,
    relative_main_frame,
)
from claims.extract.attribution.said_first import said_first_frame
from claims.extract.attribution.source_before import left_source
from claims.extract.attribution.tokens import (
    AUXILIARIES,
    LEADING_FILLERS,
    PREPOSITIONS,
    RELATIVES,
    TIME_LEADS,
    TIME_WORDS,
    Token,
    words,
)
from claims.extract.attribution.verb_frames import after_participle_lead, object_frame, verb_frame
from claims.extract.models import Span

_SUBORDINATORS = words(
    "while when although though after before because since once until whereas unless"
)
"""Openers of a clause whose report ends at its comma (`While X acknowledged Y, he Z`)."""


def _in_subordinate_clause(clause: Clause, cue: Cue) -> Clause:
    """`When Rubio suggested Y, Cuba Z`: a report inside an opening subordinate clause ends at
    the first comma after the cue, where the main clause begins."""
    tokens = clause.tokens
    first = clause.lo
    while first < cue.first and (
        tokens[first].lower in LEADING_FILLERS or tokens[first].text == ","
    ):
        first += 1
    if first >= cue.first or tokens[first].lower not in _SUBORDINATORS:
        return clause
    if _subordinate_closed(tokens, first, cue):
        return clause
    comma = next_comma(tokens, cue.last + 1, clause.hi)
    return clause._replace(hi=comma) if comma is not None else clause


def _subordinate_closed(tokens: list[Token], first: int, cue: Cue) -> bool:
    """`While he was speaking in Miami, he said, “Y”`: the opening clause closed at a comma
    before the cue's subject, so the cue belongs to the main clause."""
    comma = next_comma(tokens, first + 1, cue.first)
    if comma is None or words_in(tokens, first + 1, comma) < _CLAUSE_WORDS:
        return False
    source = left_source(tokens, cue.first, first)
    return source is not None and source[0] > comma


_CLAUSE_WORDS = 3


def _filler(token: Token) -> bool:
    return token.lower in LEADING_FILLERS or token.text == ","


def _frame(clause: Clause, cue: Cue) -> Frame | None:
    clause = _in_subordinate_clause(clause, cue)
    relayed = quoted_as_frame(clause, cue)
    if relayed is not None:
        return relayed
    if cue.kind is CueKind.BY and cue.lemma == "ask":
        question = question_frame(clause, cue)  # `X was asked by Z whether Y`: Z asks Y
        if question is not None:
            return question
    if cue.kind is CueKind.BY:
        return by_frame(clause, cue)
    if cue.kind is CueKind.SEEM:
        return seem_frame(clause, cue)
    if cue.kind is CueKind.ACCORDING:
        return according_frame(clause, cue)
    if cue.kind is CueKind.PASSIVE:
        return passive_frame(clause, cue)
    said_first = said_first_frame(clause, cue)  # `Said Jane Doe, “Y”`
    if said_first is not None:
        return said_first
    frame = object_frame(clause, cue) if cue.kind is CueKind.OBJECT else verb_frame(clause, cue)
    if frame is not None and agentless_passive(clause.tokens, cue, clause.lo):
        return frame._replace(source=None)
    return frame


def sentence_frames(tokens: list[Token], quotes: tuple[Span, ...]) -> list[Frame]:
    """Frames of one sentence, left to right; a cue inside a frame's content nests in it."""
    frames: list[Frame] = []
    for cue in find_cues(tokens):
        if cue.lemma in CITING:
            if frames and frames[-1].cited is None:
                frames[-1] = frames[-1]._replace(cited=cited_span(tokens, cue))
            citing = citing_frame(tokens, quotes, cue, frames)
            if citing is not None:
                frames.append(citing)
            continue
        offset = tokens[cue.first].start
        if any(f.source and f.source.start <= offset < f.source.end for f in frames):
            continue
        if any(_in_question(f, offset) for f in frames):
            continue  # `When asked whom she supported, X said`: the question reports nothing
        coordinated = bool(frames) and frames[-1].source is not None and _coordinated(tokens, cue)
        lo = 0 if coordinated else _left_limit(_before_relay(frames, tokens, cue), tokens, offset)
        closing = relative_clause_end(frames[-1], tokens, cue) if frames else None
        if closing is not None:  # `X, who has endorsed Y, said Z`: "said" is the main verb
            frames[-1] = _cut_before(frames[-1], tokens, closing)
            lo = 0
        clause = Clause(tokens, quotes, lo, len(tokens))
        frame = _frame(clause, cue)
        if closing is not None and quoted_comma_closes(tokens, closing):
            frame = relative_main_frame(clause, cue, closing) or frame
        if frame is not None and frame.relay is not None:
            frames = _before_relay(frames, tokens, cue)  # `X cited Y as saying`: one frame
        if frames and (
            _inside_object(frames[-1], cue, offset) or _relays_previous(frames[-1], tokens, cue)
        ):
            frame = _wide_report(tokens, quotes, cue, frames[-1]) or frame
        if frame is not None and _function_word_source(tokens, frame):
            continue
        if frame is not None and _no_speaker_source(tokens, frame):
            frame = frame._replace(source=None, unvoiced=True)  # `There have been reports`
        if frame is not None and coordinated:
            frame = frame._replace(source=frames[-1].source)
        if frame is not None and _takes_previous_source(clause, cue):
            frame = frame._replace(source=frames[-1].source) if frames else frame
            frame = frame if frame.source else None
        if frame is not None and frames and frame.source == frames[-1].source:
            frames[-1] = _cut_before(frames[-1], tokens, _lead_of(tokens, cue))
        elif frame is not None and frames and (joint := _second_report(frames[-1], frame, tokens)):
            frames[-1] = _cut_before(frames[-1], tokens, joint)  # `X said A and Y said B`
        if frame is not None:
            frames.append(frame)
    frames = governing_first(_report_first(frames, tokens), tokens)
    frames = closing_report_first(frames, tokens)  # `Polls show Y, she said.`
    frames = [clause_content(frame, tokens) for frame in frames]
    colon = colon_frame(Clause(tokens, quotes, 0, len(tokens)))
    if colon is not None and all(f.cue.first > colon.cue.last for f in frames):
        frames = [colon, *frames]  # `Smith: Jones Said Y`: the later cue is inside the claim
    return cite_in_source(frames, tokens)


_NON_SPEAKERS = TIME_WORDS | TIME_LEADS | words("there here it this that now then late early")
"""Words that make no source on their own: an expletive, a time word (`Late last`)."""


def _before_relay(frames: list[Frame], tokens: list[Token], cue: Cue) -> list[Frame]:
    """The frames before a relay verb's own (`cited` in `X cited Y as saying Z`), which the
    speech verb after `as` takes over."""
    relay = relay_verb(tokens, cue.first)
    if relay is not None and frames and frames[-1].cue.first == relay[0]:
        return frames[:-1]
    return frames


def _no_speaker_source(tokens: list[Token], frame: Frame) -> bool:
    """An expletive or a time phrase before the verb is not who speaks (`There have been
    reports`, `Late last week said`): the frame keeps its content and loses the source."""
    source = frame.source
    if source is None:
        return False
    inside = [t for t in tokens if source.start <= t.start < source.end]
    if len(inside) == 1 and inside[0].lower == "it":
        return False  # `it said` (a company, a ministry) is resolved later
    return all(t.lower in _NON_SPEAKERS for t in inside)


def _inside_object(previous: Frame, cue: Cue, offset: int) -> bool:
    """A speech verb inside the object of the previous verb (`attacked X, the ministry said`)."""
    if previous.cue.kind is not CueKind.OBJECT or cue.kind is not CueKind.SAY:
        return False
    return any(c.start <= offset < c.end for c in previous.content)


def _relays_previous(previous: Frame, tokens: list[Token], cue: Cue) -> bool:
    """`“Y,” X said, according to Z`, `X said Y, CNN reported`: a report written after
    another report relays it, so its content holds the other report's source and cue."""
    relaying = cue.kind is CueKind.ACCORDING and cue.lemma != POLL_LEMMA
    if not (relaying or (cue.kind is CueKind.SAY and cue.lemma == "report")):
        return False
    start = tokens[cue.first].start
    if previous.source is None or previous.cue_span.end > start:
        return False
    if not relaying:
        return True
    if not previous.content:
        return False
    if _participle_then_according(previous, tokens, start):
        return True
    if previous.cue.kind is CueKind.OBJECT:
        return _object_then_according(previous, tokens, start)
    if previous.content[-1].end > previous.source.start:
        return False
    # `“Y,” X said (in a statement), according to Z`; not `“A.” X said B, according to Z`
    rest = [t for t in tokens if previous.cue_span.end <= t.start < start and t.text[:1].isalnum()]
    return not rest or rest[0].lower in PREPOSITIONS or rest[0].lower in _TIME_OPENERS


_TIME_OPENERS = TIME_LEADS | TIME_WORDS


def _participle_then_according(previous: Frame, tokens: list[Token], start: int) -> bool:
    """`X wrote to Y, saying Z, according to W`: the participle's report is part of the
    clause W relays, which begins before it."""
    cue = previous.cue.first
    if not (cue and tokens[cue].lower.endswith("ing") and tokens[cue - 1].text == ","):
        return False
    end = previous.content[-1].end
    if any(t.text in ".!?" for t in tokens if previous.cue_span.end <= t.start < start):
        return False  # `saying “Y.” Z, according to W`: the report ended at its full stop
    return all(not t.text[:1].isalnum() for t in tokens if end <= t.start < start)


def _object_then_according(previous: Frame, tokens: list[Token], start: int) -> bool:
    """`Forces shelled the port, according to Z`: a subject, its verb and a plain object."""
    assert previous.source is not None
    before = [t for t in tokens if t.end <= previous.source.start]
    if before and before[-1].lower in PREPOSITIONS:
        return False  # `..., with 56 percent viewing him well, according to a poll`
    end = previous.content[-1].end
    if any(t.text == "," for t in tokens if previous.content[0].start <= t.start < end):
        return False  # `Polls show she leads, with 56 percent ..., according to a poll`
    return all(t.text == "," for t in tokens if end <= t.start < start)


def _wide_report(
    tokens: list[Token], quotes: tuple[Span, ...], cue: Cue, previous: Frame
) -> Frame | None:
    """The report read over the whole sentence, when written after a content that holds the
    previous verb: `Forces attacked the port, the ministry said`."""
    frame = _frame(Clause(tokens, quotes, 0, len(tokens)), cue)
    if frame is None or frame.source is None or not frame.content:
        return None
    if frame.content[-1].end > frame.source.start:
        return None
    if cue.kind is CueKind.ACCORDING and not _closes_sentence(tokens, frame.source):
        return None  # `X said the road, according to Y, is closed`: the report goes on
    participle = _participle_then_according(previous, tokens, tokens[cue.first].start)
    if cue.kind is CueKind.ACCORDING and previous.cue.kind is not CueKind.OBJECT and not participle:
        frame = _with_quoted_report(tokens, cue, previous, frame)
    start = previous.cue_span.start
    return frame if any(c.start <= start < c.end for c in frame.content) else None


def _with_quoted_report(tokens: list[Token], cue: Cue, previous: Frame, frame: Frame) -> Frame:
    """`“A. B,” X said, according to Z`: the whole quotation (which may open in an earlier
    sentence) and the report of it (`X said`) are what Z relays."""
    assert previous.source is not None
    first = next((k for k, t in enumerate(tokens) if t.start >= previous.source.start), None)
    report = span_of(tokens, first, cue.first) if first is not None else None
    if report is None:
        return frame
    return frame._replace(content=(*previous.content, report))


def _closes_sentence(tokens: list[Token], source: Span) -> bool:
    """Only the end of the sentence or an adverbial (`, during the flight`) follows."""
    rest = [t for t in tokens if t.start >= source.end and t.text[:1].isalnum()]
    return not rest or rest[0].lower in PREPOSITIONS | TIME_LEADS | RELATIVES


def _report_first(frames: list[Frame], tokens: list[Token]) -> list[Frame]:
    """`Forces attacked the port, the ministry said`: the report written after its content
    governs the verb inside that content, whose own content ends where the report's does."""
    for later in range(1, len(frames)):
        report = frames[later]
        if not report.content or report.source is None:
            continue
        if report.content[-1].end > report.source.start:
            continue  # not written after its content
        for earlier in range(later):
            inner = frames[earlier]
            inside = any(c.start <= inner.cue_span.start < c.end for c in report.content)
            covers = any(c.start <= report.cue_span.start < c.end for c in inner.content)
            if inside and (covers or report.cue.kind is CueKind.ACCORDING):
                end = report.content[-1].end
                clipped = tuple(
                    Span(start=c.start, end=min(c.end, end)) for c in inner.content if c.start < end
                )
                rest = [f for k, f in enumerate(frames) if k not in (earlier, later)]
                return [report, inner._replace(content=clipped or inner.content), *rest]
    return frames


def _function_word_source(tokens: list[Token], frame: Frame) -> bool:
    """`After thanking the crowd`, `Why not just say`: a lone connective is no source."""
    source = frame.source
    if source is None:
        return False
    inside = [t for t in tokens if source.start <= t.start < source.end]
    return len(inside) == 1 and inside[0].lower in _CONNECTIVES


_CONNECTIVES = PREPOSITIONS | words(
    "why whenever how what where when while whether because although though if unless "
    "and but or so yet then"
)


def _lead_of(tokens: list[Token], cue: Cue) -> int:
    """Where a second report of the same source begins: `, and said`, `but noted`, `, adding`."""
    at = cue.first
    while at > 0 and (tokens[at - 1].lower in AUXILIARIES or tokens[at - 1].lower in _LEADS):
        at -= 1
    while at > 0 and tokens[at - 1].text in ",;" and not tokens[at - 1].quoted:
        at -= 1
    return at


_LEADS = frozenset({"and", "but", "while", "by", "before", "after", "when", "—", "–"})


def _cut_before(frame: Frame, tokens: list[Token], at: int) -> Frame:
    """`X acknowledged that A but noted that B`: A ends where the second report begins."""
    if at >= len(tokens):
        return frame
    cut = tokens[at].start
    kept: list[Span] = []
    for span in frame.content:
        if span.end <= cut:
            kept.append(span)
        elif span.start < cut:
            last = max((t.end for t in tokens if span.start <= t.start and t.end <= cut), default=0)
            if last > span.start:
                kept.append(Span(start=span.start, end=last))
    return frame._replace(content=tuple(kept)) if kept else frame


def _coordinated(tokens: list[Token], cue: Cue) -> bool:
    """`X backed the bill, and said Y` / `X arrived and later told Z`: a second verb of X."""
    if cue.first == cue.last and tokens[cue.first].lower == cue.lemma:
        return False  # a base form: `to support X and maintain Y` is no report
    at = cue.first - 1
    while at > 0 and tokens[at].lower in AUXILIARIES:
        at -= 1
    if cue.kind is CueKind.ACCORDING:
        return False
    return at > 0 and (tokens[at].lower in ("and", "but") or _setting_after_and(tokens, at))


_SETTING_OPENERS = words("in on at during after before")
_MAX_SETTING = 7


def _setting_after_and(tokens: list[Token], at: int) -> bool:
    """`X first said A, but in a later interview said B`: a setting phrase between "and" or
    "but" and the second verb (its source is X, not the phrase)."""
    end = at + 1
    if tokens[at].text[:1].isupper() and tokens[at - 1].lower not in PREPOSITIONS:
        return False  # `but in a later interview Tom Reed said`: a subject of its own
    for k in range(at, max(0, at - _MAX_SETTING), -1):
        token = tokens[k]
        if token.quoted or (token.lower in AUXILIARIES and token.lower not in TIME_WORDS):
            return False
        if token.lower in _SETTING_OPENERS:
            lead = k - 1 - (tokens[k - 1].text == "," if k > 0 else 0)
            if lead <= 0 or tokens[lead].lower not in ("and", "but"):
                return False
            inner = tokens[k:at] if tokens[at].text == "," else tokens[k:end]
            return all(t.text != "," for t in inner)
    return False


def _takes_previous_source(clause: Clause, cue: Cue) -> bool:
    """`X said Y, adding Z`: a participle cue speaks for the previous frame's source.

    Not `Y, according to Z`: "according" looks like a participle but names its own source.
    """
    return cue.kind is not CueKind.ACCORDING and after_participle_lead(clause, cue)


def _second_report(previous: Frame, frame: Frame, tokens: list[Token]) -> int | None:
    """`One in three said A and one in four said B`: a report whose own subject follows an
    "and" or "but" inside the previous report's content is a second report, not part of what
    the first says; the index of the conjunction, or None (`said A and that Y said B` nests)."""
    source = frame.source
    if source is None or frame.cue.kind not in (CueKind.SAY, CueKind.TELL):
        return None
    if source.start > frame.cue_span.start or not previous.content:
        return None
    if not any(c.start <= source.start < c.end for c in previous.content):
        return None
    if previous.source is not None and _relative_at(tokens, previous.source.start):
        return None  # `figures - which suggest Y - but analysts said Z`: an aside's report
    at = next((k for k, t in enumerate(tokens) if t.start >= source.start), None)
    if at is None or at == 0 or tokens[at - 1].quoted:
        return None
    return at - 1 if tokens[at - 1].lower in ("and", "but") else None


def _relative_at(tokens: list[Token], offset: int) -> bool:
    """The token at `offset` is a relative pronoun (`which`, `who`)."""
    return any(t.start == offset and t.lower in RELATIVES for t in tokens)


def _in_question(frame: Frame, offset: int) -> bool:
    """`offset` lies inside the question a frame of "asked" puts (`asked whom she backed`)."""
    if frame.cue.lemma != "ask" or frame.source is not None or frame.cue.kind is CueKind.BY:
        return False  # `X was asked if he would say Y`: his own report inside stays his
    return any(c.start <= offset < c.end for c in frame.content)


def _left_limit(frames: list[Frame], tokens: list[Token], offset: int) -> int:
    """A later cue looks left no further than the end of the previous frame's cue."""
    if not frames:
        return 0
    last = frames[-1].cue_span.end
    source = frames[-1].source
    according = frames[-1].cue.kind is CueKind.ACCORDING and frames[-1].cue.lemma != POLL_LEMMA
    if according and source and last <= source.end <= offset:
        last = source.end  # `According to Ofcom 40% of homes say`: past the source, too
    question = frames[-1].content if frames[-1].cue.lemma == "ask" else ()
    if question and question[-1].end <= offset:
        last = question[-1].end  # `When asked whom she backed, X said`: past the question
    for k, token in enumerate(tokens):
        if token.start >= last:
            return k if token.start <= offset else 0
    return 0
