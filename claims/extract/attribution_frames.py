"""Reading the frame of each cue in a sentence: who (source), said what (content), to whom.

Patterns for a verb cue, chosen from what stands around it:
- pre-posed: `X said (on Tuesday) (that) Y`, `X told Izvestia that Y`, `X said: “Y”`,
  `X, the ambassador, said Y`;
- inverted, after the content: `“...,” said X` / `Y, said X, the ambassador`;
- post-posed: `“...,” X said.` / `Y, X said on Tuesday.` (no clause follows the verb);
- parenthetical: `“A,” X said, “B.”` (the content is both parts);
- `As X noted, Y`; a participle after a comma (`..., saying Y`) takes the sentence's subject.
`according to X` (and `citing X`, `as reported by X`) takes the source after the cue; a
headline `Name: claim` takes the colon as its cue.
"""

from __future__ import annotations

from typing import NamedTuple

from claims.extract.attribution_cues import DISTANCING_MARKERS, CueKind
from claims.extract.attribution_cues_find import POLL_LEMMA, Cue, find_cues, poll_end
from claims.extract.attribution_spans import (
    Clause,
    content_after,
    content_before,
    left_source,
    object_end,
    right_source,
    sentence_subject,
    skip_to_content,
    span_of,
    words_in,
)
from claims.extract.attribution_tokens import (
    AUXILIARIES,
    CLOSE_QUOTES,
    PREPOSITIONS,
    TIME_WORDS,
    Token,
    words,
)
from claims.extract.models import Span, Stance

_CITING = frozenset({"citing", "quoting"})
_CITES = frozenset({"cited", "quoted", "cites", "quotes", "citing", "quoting"})
_LABELS = words(
    "update updated watch note photo photos video related read breaking exclusive opinion "
    "analysis correction clarification latest editor editor's editor’s listen see warning q a "
    "transcript"
)
"""Words before a colon that label a passage rather than name a speaker."""


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


def _cue_span(tokens: list[Token], cue: Cue) -> Span:
    return Span(start=tokens[cue.first].start, end=tokens[cue.last].end)


def _according_frame(clause: Clause, cue: Cue) -> Frame | None:
    tokens = clause.tokens
    after = cue.last + 1
    stop = after
    while stop < clause.hi and tokens[stop].text not in ",;:" and not tokens[stop].quoted:
        if tokens[stop].lower == "that" and stop > after:
            break
        stop += 1
    if cue.lemma == POLL_LEMMA:
        stop = _poll_stop(clause, cue, stop)
        if not clause.starts_at(cue.first) and not _named(tokens[after:stop]):
            return None
    end = stop
    if end == len(tokens) and end > after and tokens[end - 1].text in ".!?":
        end -= 1  # the full stop that ends the sentence
    source = span_of(tokens, after, end)
    if source is None:
        return None
    cited, resume = _relative_citation(tokens, stop, clause.hi)
    if clause.starts_at(cue.first):
        content = content_after(clause, resume)
    else:
        content = content_before(clause, clause.lo, cue.first)
        if content and _parenthetical_goes_on(clause, resume) and _mid_clause(clause, cue):
            content = content + content_after(clause, resume + 1, stop_at_clause=True)
    if not content:
        return None
    return Frame(cue, _cue_span(tokens, cue), source, content, cited=cited)


def _poll_stop(clause: Clause, cue: Cue, comma: int) -> int:
    """`In a poll released Monday, Y` runs to the comma; `Y in the latest poll` ends at "poll"."""
    noun = poll_end(clause.tokens, cue.first)
    assert noun is not None
    if clause.starts_at(cue.first) and comma - noun <= _POLL_TAIL:
        return comma
    return noun + 1


_POLL_TAIL = 10


def _named(tokens: list[Token]) -> bool:
    """`a CNN poll`, `the 2015 survey`, not just `the polls` (which is often the race itself)."""
    return any(t.text[:1].isupper() or t.text[:1].isdigit() for t in tokens)


"""Words a poll's description may run on after the noun: `poll released Monday by CNN`."""


def _mid_clause(clause: Clause, cue: Cue) -> bool:
    """`The plan, according to X, is Y`: a short subject before the aside, no verb yet."""
    tokens = clause.tokens
    start = cue.first - 1
    if start <= clause.lo or tokens[start].text != ",":
        return False
    first = start
    while (
        first > clause.lo and tokens[first - 1].text not in ",;:" and not tokens[first - 1].quoted
    ):
        first -= 1
    return words_in(tokens, first, start) <= 6


def _relative_citation(tokens: list[Token], comma: int, hi: int) -> tuple[Span | None, int]:
    """`according to X, who cited Y, ...`: Y and where the sentence goes on after it."""
    if comma + 2 >= hi or tokens[comma].text != ",":
        return None, comma
    if tokens[comma + 1].lower not in ("who", "which") or tokens[comma + 2].lower not in _CITES:
        return None, comma
    stop = comma + 3
    while stop < hi and tokens[stop].text not in ",;:." and not tokens[stop].quoted:
        stop += 1
    return span_of(tokens, comma + 3, stop), stop


def _passive_frame(clause: Clause, cue: Cue) -> Frame | None:
    tokens = clause.tokens
    if cue.lemma.startswith(("is ", "are ", "was ", "were ")) or cue.first == cue.last:
        content = content_after(clause, clause.lo)
    else:
        at, _ = skip_to_content(tokens, cue.last + 1, clause.hi, CueKind.SAY)
        content = content_after(clause, at)
    if not content:
        return None
    return Frame(cue, _cue_span(tokens, cue), None, content)


def _after_comma_or_quote(clause: Clause, cue: Cue) -> bool:
    if cue.first <= clause.lo:
        return False
    before = clause.tokens[cue.first - 1]
    return before.text == "," or before.text in CLOSE_QUOTES or before.quoted


_PARTICIPLE_LEADS = frozenset({",", "by", "while", "after", "before", "when", "in", "—", "–"})


def _after_participle_lead(clause: Clause, cue: Cue) -> bool:
    """`..., saying Y` / `by saying Y`: an -ing cue whose subject is the sentence's."""
    tokens = clause.tokens
    if not tokens[cue.first].lower.endswith("ing") or cue.first <= clause.lo:
        return False
    if tokens[cue.first - 1].lower in _PARTICIPLE_LEADS:
        return True
    return _after_a_thing(tokens, cue.first, clause.lo)


_THING_NOUNS = words(
    "statement statements sign signs message messages letter letters email emails petition "
    "cover ad ads video videos post posts tweet tweets release report photo photos memo "
    "banner banners poster posters note notes flier fliers flyer flyers text"
)


def _after_a_thing(tokens: list[Token], at: int, lo: int) -> bool:
    """`X put out a statement saying Y`: the thing does not speak, the sentence subject does."""
    before = tokens[at - 1]
    return at - 2 > lo and before.lower in _THING_NOUNS and not before.quoted


class _Tail(NamedTuple):
    """What follows a verb cue."""

    at: int
    addressee: Span | None
    clause_like: bool
    """A that-clause, a quotation or a long clause follows: the content is after the verb."""
    nothing_named: bool
    """Only an adverbial ("on Tuesday") or the end of the sentence follows the verb."""


def _tail(clause: Clause, cue: Cue) -> _Tail:
    tokens = clause.tokens
    at, addressee = skip_to_content(tokens, cue.last + 1, clause.hi, cue.kind)
    has_that = at > cue.last + 1 and tokens[at - 1].lower == "that"
    quoted = at < clause.hi and tokens[at].quoted
    first = tokens[cue.last + 1].lower if cue.last + 1 < clause.hi else ""
    comma_skipped = at > cue.last + 1 and tokens[at - 1].text == ","
    adverbial = first in PREPOSITIONS or first in TIME_WORDS or first == ","
    adverbial = (adverbial or comma_skipped) and not quoted
    clause_like = has_that or quoted or (words_in(tokens, at, clause.hi) >= 3 and not adverbial)
    clause_like = clause_like and first != ";"  # `Y, analysts say; in 2012, Z`
    if adverbial and not clause_like and (first in TIME_WORDS or first in _WHEN_WHERE):
        subject = _subject_after_adverbial(tokens, cue.last + 2, clause.hi)
        if subject is not None:
            return _Tail(subject, addressee, True, False)
    return _Tail(at, addressee, clause_like, adverbial or not first.isalnum())


_WHEN_WHERE = words("in on at during after before following amid late early")
_CLAUSE_SUBJECTS = words("he she they we i it there")


def _subject_after_adverbial(tokens: list[Token], at: int, hi: int) -> int | None:
    """Where the clause starts in `said Thursday he would leave`, `said in a statement they`."""
    for k in range(at, min(hi - 2, at + 8)):
        token = tokens[k]
        if token.quoted or not token.text[:1].isalnum():
            return None
        if _pronoun_subject(token) and tokens[k + 1].text[:1].isalpha():
            return k
    return None


def _pronoun_subject(token: Token) -> bool:
    """`he`, and `he’s`, `they’re` with their verb attached."""
    return token.lower.replace("’", "'").split("'")[0] in _CLAUSE_SUBJECTS


_QUESTION_WORDS = words("if whether what why how when where who which about")


def _question_frame(clause: Clause, cue: Cue) -> Frame | None:
    """`Asked whether Y, ...` / `X asked (by Z) about Y`: the question is the content."""
    tokens = clause.tokens
    at = cue.last + 1
    agent = None
    if at < clause.hi and tokens[at].lower == "by":
        stop = at + 1
        while stop < clause.hi and tokens[stop].lower not in _QUESTION_WORDS:
            if tokens[stop].text in ",;:" or tokens[stop].quoted or stop - at > 8:
                return None
            stop += 1
        agent, at = span_of(tokens, at + 1, stop), stop
    if at >= clause.hi or tokens[at].lower not in _QUESTION_WORDS or tokens[at].quoted:
        return None
    end = at
    while end < clause.hi and tokens[end].text not in ",;:.?!" and not tokens[end].quoted:
        end += 1
    first = at + 1 if tokens[at].lower == "about" else at
    content = span_of(tokens, first, end)
    if content is None or words_in(tokens, first, end) < 2:
        return None
    source = left_source(tokens, cue.first, clause.lo)
    if source is not None and tokens[source[0]].lower not in ("when", "if", "after"):
        agent = span_of(tokens, *source)
    return Frame(cue, _cue_span(tokens, cue), agent, (content,))


_ANSWERS = words("yes no so")


def _short_answer(clause: Clause, cue: Cue) -> Frame | None:
    """`Most voters said yes.`: the one-word answer is the content."""
    tokens = clause.tokens
    at = cue.last + 1
    if cue.kind is not CueKind.SAY or at >= clause.hi or tokens[at].lower not in _ANSWERS:
        return None
    if at + 1 < clause.hi and tokens[at + 1].text[:1].isalnum():
        return None
    source = left_source(tokens, cue.first, clause.lo)
    if source is None:
        return None
    answer = Span(start=tokens[at].start, end=tokens[at].end)
    return Frame(cue, _cue_span(tokens, cue), span_of(tokens, *source), (answer,))


def _verb_frame(clause: Clause, cue: Cue) -> Frame | None:
    tokens = clause.tokens
    cue_span = _cue_span(tokens, cue)
    if cue.lemma == "ask":
        question = _question_frame(clause, cue)
        if question is not None:
            return question
    answer = _short_answer(clause, cue)
    if answer is not None:
        return answer
    tail = _tail(clause, cue)
    if _after_participle_lead(clause, cue):
        return _participle_frame(clause, cue, cue_span, tail)
    if _apposition_after_quote(clause, cue, tail):
        return _postposed_frame(clause, cue, cue_span, tail)
    if _after_comma_or_quote(clause, cue):
        comma = tokens[cue.first - 1].text == ","
        if comma and _source_closes_sentence(clause, cue):
            return _inverted_frame(clause, cue, cue_span)
        if comma and (tail.clause_like or cue.kind is CueKind.TELL):
            return _preposed_frame(clause, cue, cue_span, tail)
        if comma and tail.nothing_named:
            return _postposed_frame(clause, cue, cue_span, tail)
        return _inverted_frame(clause, cue, cue_span)
    if not tail.clause_like or _subject_follows_quote(clause, cue):
        return _postposed_frame(clause, cue, cue_span, tail)
    return _preposed_frame(clause, cue, cue_span, tail)


def _apposition_after_quote(clause: Clause, cue: Cue, tail: _Tail) -> bool:
    """`“Y,” Ramos, 58, told AFP on Monday.`: the comma before the verb closes an apposition
    of a subject that follows a quotation; with no new quotation or "that" after the verb,
    the quotation is the content."""
    tokens = clause.tokens
    if cue.first <= clause.lo or tokens[cue.first - 1].text != ",":
        return False
    at = tail.at
    if at < clause.hi and (tokens[at].quoted or tokens[at - 1].lower == "that"):
        return False
    return _subject_follows_quote(clause, cue)


def _subject_follows_quote(clause: Clause, cue: Cue) -> bool:
    """`“Y,” X said after the meeting, adding ...`: the quotation is the content.

    Whatever follows the verb (an adverbial, a participle, an audience) belongs to the
    attribution of the quotation that ends just before the subject.
    """
    tokens = clause.tokens
    source = left_source(tokens, cue.first, clause.lo)
    if source is None or source[0] <= clause.lo:
        return False
    before = source[0] - 1
    if tokens[before].text == "," and before > clause.lo and not tokens[before].quoted:
        before -= 1
    return tokens[before].quoted


_RELATIVES = frozenset({"who", "which"})
_SOURCE_OPENERS = words("a an the one his her their its")
_NOT_IN_SOURCE = AUXILIARIES | words("that this these those")


def _source_closes_sentence(clause: Clause, cue: Cue) -> bool:
    """`Y, said Jane Doe, a senior adviser.`: a name with no verb of its own ends the clause."""
    tokens = clause.tokens
    if cue.kind is CueKind.TELL or words_in(tokens, clause.lo, cue.first) < 4:
        return False
    source = right_source(tokens, cue.last + 1, clause.hi)
    if source is None or words_in(tokens, *source) > 30:
        return False
    first, stop = source
    if not (tokens[first].text[:1].isupper() or tokens[first].lower in _SOURCE_OPENERS):
        return False
    if any(t.text[:1].isalnum() for t in tokens[stop : clause.hi]):
        return False
    head = first
    while head < stop and tokens[head].text != "," and tokens[head].lower not in _RELATIVES:
        lower = tokens[head].lower
        if lower in _NOT_IN_SOURCE or (
            lower.endswith(("ed", "ing")) and lower == tokens[head].text
        ):
            return False
        head += 1
    return head - first <= 4 or any(t.text[:1].isupper() for t in tokens[first:head])


def _preposed_frame(clause: Clause, cue: Cue, cue_span: Span, tail: _Tail) -> Frame | None:
    tokens = clause.tokens
    source = left_source(tokens, cue.first, clause.lo)
    if source is None:
        return None
    if not tail.clause_like:
        return _postposed_frame(clause, cue, cue_span, tail)
    content = content_after(clause, tail.at, stop_at_clause=True)
    if not content:
        return None
    return Frame(cue, cue_span, span_of(tokens, *source), content, tail.addressee)


def _participle_frame(clause: Clause, cue: Cue, cue_span: Span, tail: _Tail) -> Frame | None:
    """`X endorsed Cruz, saying Y`: the subject of the sentence is the source."""
    subject = sentence_subject(clause.tokens, clause.lo, cue.first)
    content = content_after(clause, tail.at)
    if not content:
        return None
    source = span_of(clause.tokens, *subject) if subject else None
    return Frame(cue, cue_span, source, content, tail.addressee)


def _postposed_frame(clause: Clause, cue: Cue, cue_span: Span, tail: _Tail) -> Frame | None:
    tokens = clause.tokens
    source = left_source(tokens, cue.first, clause.lo)
    if source is None:
        return None
    src = span_of(tokens, *source)
    first = source[0]
    if first > clause.lo and tokens[first - 1].lower == "as":
        content = content_after(clause, tail.at)
        return Frame(cue, cue_span, src, content, tail.addressee) if content else None
    boundary = first > clause.lo and (tokens[first - 1].text in ",—–" or tokens[first - 1].quoted)
    if not boundary or _colon_closes(clause, cue):
        return Frame(cue, cue_span, src, (), tail.addressee)
    content = content_before(clause, clause.lo, first)
    after = cue.last + 1
    if _parenthetical_goes_on(clause, after):
        content = content + content_after(clause, after + 1)
    return Frame(cue, cue_span, src, content, tail.addressee) if content else None


def _colon_closes(clause: Clause, cue: Cue) -> bool:
    """`In a speech, he said:` and nothing more: the content is what follows the sentence."""
    after = cue.last + 1
    return (
        after < clause.hi
        and clause.tokens[after].text == ":"
        and words_in(clause.tokens, after, clause.hi) == 0
    )


def _parenthetical_goes_on(clause: Clause, after: int) -> bool:
    """`Y, X said, Z`: the claim resumes after the comma (not `said, sitting at...`)."""
    tokens = clause.tokens
    if after + 1 >= clause.hi or tokens[after].text != ",":
        return False
    nxt = tokens[after + 1]
    if nxt.quoted:
        return True
    adverbial = nxt.lower in PREPOSITIONS or nxt.lower in TIME_WORDS or nxt.lower.endswith("ing")
    return not adverbial and words_in(tokens, after + 1, clause.hi) >= 3


def _inverted_frame(clause: Clause, cue: Cue, cue_span: Span) -> Frame | None:
    tokens = clause.tokens
    source = right_source(tokens, cue.last + 1, clause.hi)
    if source is None or words_in(tokens, *source) > 30:
        return None
    content = content_before(clause, clause.lo, cue.first)
    stop = source[1]
    if _parenthetical_goes_on(clause, stop):
        content = content + content_after(clause, stop + 1)
    if not content:
        return None
    return Frame(cue, cue_span, span_of(tokens, *source), content)


def _colon_frame(clause: Clause) -> Frame | None:
    """`Trump: ‘I’m the Worst Thing…’`, `Clinton camp: Y`, `Clinton to Planned Parenthood: Y`:
    a short name (then perhaps whom it spoke to or about), a colon, a claim."""
    tokens = clause.tokens
    colon = next((k for k, t in enumerate(tokens[:10]) if t.text == ":" and not t.quoted), -1)
    if colon < 1 or tokens[0].lower in _LABELS or tokens[colon - 1].lower in _LABELS:
        return None
    name_end = _headline_name_end(tokens, colon)
    if name_end is None:
        return None
    content = content_after(clause, colon + 1)
    if not content or words_in(tokens, colon + 1, clause.hi) < 3:
        return None
    cue = Cue(colon, colon, ":", CueKind.SAY, Stance.NEUTRAL)
    return Frame(cue, _cue_span(tokens, cue), span_of(tokens, 0, name_end), content)


def _headline_name_end(tokens: list[Token], colon: int) -> int | None:
    """Where the speaker's name before a headline colon ends (`Clinton camp`), or None."""
    for token in tokens[:colon]:
        text = token.text
        if not text[:1].isupper() and text not in ".’'" and token.lower not in _HEADLINE_GROUPS:
            return None
    return colon if colon <= 7 else None


_HEADLINE_GROUPS = words("camp campaign aide aides spokesman spokeswoman allies")


def _object_frame(clause: Clause, cue: Cue) -> Frame | None:
    """`X criticized the plan`: the subject is the source, the rest of the clause the content."""
    tokens = clause.tokens
    cue_span = _cue_span(tokens, cue)
    at = cue.last + 1
    if at < clause.hi and tokens[at].lower == "that":
        at += 1
    tail = _Tail(at, None, True, False)
    if _after_participle_lead(clause, cue):
        return _participle_frame(clause, cue, cue_span, tail)
    source = left_source(tokens, cue.first, clause.lo)
    if source is None:
        return None
    hi = clause.hi if at > cue.last + 1 else object_end(tokens, at, clause.hi)
    content = content_after(clause._replace(hi=hi), at, stop_at_clause=True, least=1)
    if not content and at < clause.hi and tokens[at].text == ":":
        return Frame(cue, cue_span, span_of(tokens, *source), ())
    return Frame(cue, cue_span, span_of(tokens, *source), content) if content else None


def _seem_frame(clause: Clause, cue: Cue) -> Frame | None:
    """`Trump seemed to imply Y`: the subject and the rest of the clause, with no source."""
    tokens = clause.tokens
    hi = next((k for k in range(cue.last + 1, clause.hi) if _ends_impression(tokens[k])), clause.hi)
    rest = content_after(clause._replace(hi=hi), cue.last + 1, stop_at_clause=True)
    if not rest:
        return None
    subject = left_source(tokens, cue.first, clause.lo)
    head = span_of(tokens, *subject) if subject else None
    if head is not None and tokens[subject[0]].lower not in ("it", "there"):  # type: ignore[index]
        rest = (head, *rest)
    return Frame(cue, _cue_span(tokens, cue), None, rest)


def _ends_impression(token: Token) -> bool:
    return not token.quoted and token.text in (":", ";", "—", "–", "--", "(")


def _by_frame(clause: Clause, cue: Cue) -> Frame | None:
    """`The plan was criticized by two senators`: the agent speaks, the subject is the content."""
    tokens = clause.tokens
    agent = right_source(tokens, cue.last + 2, clause.hi)
    subject = left_source(tokens, cue.first, clause.lo)
    if agent is None or subject is None or words_in(tokens, *agent) > 12:
        return None
    content = span_of(tokens, *subject)
    source = span_of(tokens, *agent)
    if content is None or source is None:
        return None
    return Frame(cue, _cue_span(tokens, cue), source, (content,))


def _frame(clause: Clause, cue: Cue) -> Frame | None:
    if cue.kind is CueKind.BY:
        return _by_frame(clause, cue)
    if cue.kind is CueKind.SEEM:
        return _seem_frame(clause, cue)
    if cue.kind is CueKind.ACCORDING:
        return _according_frame(clause, cue)
    if cue.kind is CueKind.PASSIVE:
        return _passive_frame(clause, cue)
    frame = _object_frame(clause, cue) if cue.kind is CueKind.OBJECT else _verb_frame(clause, cue)
    if frame is not None and _agentless_passive(clause.tokens, cue, clause.lo):
        return frame._replace(source=None)
    return frame


_BE_FORMS = words("is are was were be been being")
_PASSIVE_SKIPS = words("not also widely often still never long once eventually repeatedly")


def _agentless_passive(tokens: list[Token], cue: Cue, lo: int) -> bool:
    """`The plan was widely criticized`: the subject is what was spoken about, no speaker."""
    verb = tokens[cue.first].lower
    if not verb.endswith(("ed", "wn", "en")):
        return False
    at = cue.first - 1
    while at > lo and (tokens[at].lower in _PASSIVE_SKIPS or tokens[at].lower.endswith("ly")):
        at -= 1
    return at >= lo and tokens[at].lower in _BE_FORMS


def _cited(tokens: list[Token], cue: Cue) -> Span | None:
    stop = cue.last + 1
    while stop < len(tokens) and (tokens[stop].text not in ",;:." or tokens[stop].quoted):
        stop += 1
    return span_of(tokens, cue.last + 1, stop)


def sentence_frames(tokens: list[Token], quotes: tuple[Span, ...]) -> list[Frame]:
    """Frames of one sentence, left to right; a cue inside a frame's content nests in it."""
    frames: list[Frame] = []
    for cue in find_cues(tokens):
        if cue.lemma in _CITING:
            if frames and frames[-1].cited is None:
                frames[-1] = frames[-1]._replace(cited=_cited(tokens, cue))
            citing = _citing_frame(tokens, quotes, cue, frames)
            if citing is not None:
                frames.append(citing)
            continue
        offset = tokens[cue.first].start
        if any(f.source and f.source.start <= offset < f.source.end for f in frames):
            continue
        coordinated = bool(frames) and frames[-1].source is not None and _coordinated(tokens, cue)
        lo = 0 if coordinated else _left_limit(frames, tokens, offset)
        clause = Clause(tokens, quotes, lo, len(tokens))
        frame = _frame(clause, cue)
        if frame is not None and _function_word_source(tokens, frame):
            continue
        if frame is not None and coordinated:
            frame = frame._replace(source=frames[-1].source)
        if frame is not None and _takes_previous_source(clause, cue):
            frame = frame._replace(source=frames[-1].source) if frames else frame
            frame = frame if frame.source else None
        if frame is not None and frames and frame.source == frames[-1].source:
            frames[-1] = _cut_before(frames[-1], tokens, _lead_of(tokens, cue))
        if frame is not None:
            frames.append(frame)
    colon = _colon_frame(Clause(tokens, quotes, 0, len(tokens)))
    if colon is not None and all(f.cue.first > colon.cue.last for f in frames):
        frames = [colon, *frames]  # `Smith: Jones Said Y`: the later cue is inside the claim
    return _cite_in_source(frames, tokens)


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


def _citing_frame(
    tokens: list[Token], quotes: tuple[Span, ...], cue: Cue, frames: list[Frame]
) -> Frame | None:
    """`X proposed a ban, citing fears of terrorism`: what X cites is an attribution of X's.

    Only after a frame of X's: `The agency, citing sources, clarifies` keeps its chain.

    Its lemma "citing_reason" counts among the attitude cues, so it never makes a chain's speaker;
    the cited source still joins the previous frame's chain as before.
    """
    cited = _cited(tokens, cue)
    if cited is None or not frames or words_in(tokens, cue.last + 1, len(tokens)) < 2:
        return None
    source = frames[-1].source
    if source is None:
        return None
    cite = Cue(cue.first, cue.last, "citing_reason", CueKind.OBJECT, Stance.NEUTRAL)
    return Frame(cite, _cue_span(tokens, cue), source, (cited,))


def _cite_in_source(frames: list[Frame], tokens: list[Token]) -> list[Frame]:
    """`The agency, citing security sources, clarifies`: the citing phrase sits in the subject."""
    for index, frame in enumerate(frames):
        if frame.source is None or frame.cited is not None:
            continue
        for k, token in enumerate(tokens):
            if frame.source.end <= token.start < frame.cue_span.start and token.lower in _CITING:
                cue = Cue(k, k, token.lower, CueKind.ACCORDING, Stance.NEUTRAL)
                frames[index] = frame._replace(cited=_cited(tokens, cue))
                break
    return frames


def _coordinated(tokens: list[Token], cue: Cue) -> bool:
    """`X backed the bill, and said Y` / `X arrived and later told Z`: a second verb of X."""
    if cue.first == cue.last and tokens[cue.first].lower == cue.lemma:
        return False  # a base form: `to support X and maintain Y` is no report
    at = cue.first - 1
    while at > 0 and tokens[at].lower in AUXILIARIES:
        at -= 1
    return at > 0 and tokens[at].lower in ("and", "but") and cue.kind is not CueKind.ACCORDING


def _takes_previous_source(clause: Clause, cue: Cue) -> bool:
    """`X said Y, adding Z`: a participle cue speaks for the previous frame's source.

    Not `Y, according to Z`: "according" looks like a participle but names its own source.
    """
    return cue.kind is not CueKind.ACCORDING and _after_participle_lead(clause, cue)


def _left_limit(frames: list[Frame], tokens: list[Token], offset: int) -> int:
    """A later cue looks left no further than the end of the previous frame's cue."""
    if not frames:
        return 0
    last = frames[-1].cue_span.end
    for k, token in enumerate(tokens):
        if token.start >= last:
            return k if token.start <= offset else 0
    return 0


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
