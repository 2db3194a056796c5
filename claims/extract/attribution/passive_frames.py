"""Frames whose grammatical subject does not speak: agentless passives (`it is emphasized
that`, `was widely criticized`), passives with an agent (`criticized by X`) and seeming
(`X seemed to imply Y`)."""

from __future__ import annotations

from claims.extract.attribution.clause import Clause, span_of, words_in
from claims.extract.attribution.contents import content_after, skip_to_content
from claims.extract.attribution.cues import Cue
from claims.extract.attribution.frame import Frame, span_of_cue
from claims.extract.attribution.lexicon import CueKind
from claims.extract.attribution.source_after import right_source
from claims.extract.attribution.source_before import left_source
from claims.extract.attribution.tokens import Token, words


def passive_frame(clause: Clause, cue: Cue) -> Frame | None:
    """`It is emphasized that Y`: an agentless cue whose speaker comes from the passage."""
    tokens = clause.tokens
    if cue.lemma.startswith(("is ", "are ", "was ", "were ")) or cue.first == cue.last:
        content = content_after(clause, clause.lo)
    else:
        at, _ = skip_to_content(tokens, cue.last + 1, clause.hi, CueKind.SAY)
        content = content_after(clause, at)
    if not content:
        return None
    return Frame(cue, span_of_cue(tokens, cue), None, content)


_BE_FORMS = words("is are was were be been being")

_PASSIVE_SKIPS = words("not also widely often still never long once eventually repeatedly")


def agentless_passive(tokens: list[Token], cue: Cue, lo: int) -> bool:
    """`The plan was widely criticized`: the subject is what was spoken about, no speaker."""
    verb = tokens[cue.first].lower
    if not verb.endswith(("ed", "wn", "en")):
        return False
    at = cue.first - 1
    while at > lo and (tokens[at].lower in _PASSIVE_SKIPS or tokens[at].lower.endswith("ly")):
        at -= 1
    return at >= lo and tokens[at].lower in _BE_FORMS


def by_frame(clause: Clause, cue: Cue) -> Frame | None:
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
    return Frame(cue, span_of_cue(tokens, cue), source, (content,))


def seem_frame(clause: Clause, cue: Cue) -> Frame | None:
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
    return Frame(cue, span_of_cue(tokens, cue), None, rest)


def _ends_impression(token: Token) -> bool:
    return not token.quoted and token.text in (":", ";", "—", "–", "--", "(")
