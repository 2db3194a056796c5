"""`according to X` and its kin (`as reported by X`, `In a poll, Y`): the source follows."""

from __future__ import annotations

from claims.extract.attribution.citing import relative_citation
from claims.extract.attribution.clause import Clause, next_comma, span_of, words_in
from claims.extract.attribution.contents import content_after, content_before
from claims.extract.attribution.cues import POLL_LEMMA, Cue, poll_end
from claims.extract.attribution.frame import Frame, span_of_cue
from claims.extract.attribution.tokens import RELATIVES, Token, words
from claims.extract.attribution.verb_frames import parenthetical_goes_on


def according_frame(clause: Clause, cue: Cue) -> Frame | None:
    """`According to X, Y`, `Y, according to X`, `The plan, according to X, is Y`: X speaks."""
    tokens = clause.tokens
    after = cue.last + 1
    stop = after
    while stop < clause.hi and tokens[stop].text not in ",;:" and not tokens[stop].quoted:
        if tokens[stop].lower == "that" and stop > after:
            break
        if stop > after and _share_opens(tokens, stop) and not _owner(tokens[stop - 1]):
            break  # `According to Ofcom 40% of homes say`: the source ends before the figure
        stop += 1
    if cue.lemma == POLL_LEMMA:
        stop = _poll_stop(clause, cue, stop)
        if not clause.starts_at(cue.first) and not _named(tokens[after:stop]):
            return None
    stop = _with_named_apposition(tokens, stop, clause.hi)
    end = stop
    if end == len(tokens) and end > after and tokens[end - 1].text in ".!?":
        end -= 1  # the full stop that ends the sentence
    source = span_of(tokens, after, end)
    if source is None:
        return None
    cited, resume = relative_citation(tokens, stop, clause.hi)
    if clause.starts_at(cue.first) or _after_colon(clause, cue):
        content = content_after(clause, resume)
    else:
        resume = _past_relative(tokens, resume, clause.hi)
        aside = _mid_clause(clause, cue) and (
            parenthetical_goes_on(clause, resume) or _verb_resumes(clause, resume)
        )
        # `Fundraising, according to the campaign, has surged`: a one-word subject will do
        content = content_before(clause, clause.lo, cue.first, least=1 if aside else 2)
        if content and aside:
            content = content + content_after(clause, resume + 1, stop_at_clause=True)
    if not content:
        return None
    return Frame(cue, span_of_cue(tokens, cue), source, content, cited=cited)


_MAX_NAME = 5


def _with_named_apposition(tokens: list[Token], comma: int, hi: int) -> int:
    """`as reported by the republic's ambassador, Haidar Mansour Hadi, in 2019`: the name in
    the apposition belongs to the source."""
    if comma >= hi or tokens[comma].text != ",":
        return comma
    stop = comma + 1
    while stop < hi and tokens[stop].text[:1].isupper() and not tokens[stop].quoted:
        stop += 1
    names = stop - comma - 1
    if not 2 <= names <= _MAX_NAME or (stop < hi and tokens[stop].text not in ",.;"):
        return comma
    return stop


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


_FINITE = words(
    "will would can could may might must shall should has have had is are was were does did"
)
"""Finite verbs that resume a clause after an aside (`Dunmore, according to X, will bid`)."""


def _verb_resumes(clause: Clause, comma: int) -> bool:
    """`Dunmore, according to X, will bid.`: a short clause goes on after the aside with its
    verb; its subject before the aside is then the content's first part however short."""
    tokens = clause.tokens
    at = comma + 1
    return (
        comma < clause.hi
        and tokens[comma].text == ","
        and at < clause.hi
        and tokens[at].lower in _FINITE
        and not tokens[at].quoted
        and words_in(tokens, at, clause.hi) >= 2
    )


def _share_opens(tokens: list[Token], at: int) -> bool:
    """A percentage starts at `at` (`40%`, `40 per cent`, `40 percent`), which no source's
    name holds (`Section 404 rules` does)."""
    if not tokens[at].text[:1].isdigit() or at + 1 >= len(tokens):
        return False
    unit = tokens[at + 1].lower
    return unit in ("%", "percent") or (
        unit == "per" and at + 2 < len(tokens) and tokens[at + 2].lower == "cent"
    )


def _owner(token: Token) -> bool:
    """`Mr. Trump's 60 percent`: the figure belongs to the phrase before it."""
    return token.lower.endswith(("'s", "’s")) or token.text in ("'s", "’s")


def _past_relative(tokens: list[Token], comma: int, hi: int) -> int:
    """`Y, according to Tom Reed, who was there.`: a relative clause tells about the source,
    so the report goes on (if at all) after the comma that closes it; at the end of the
    sentence nothing goes on."""
    if comma + 1 >= hi or tokens[comma + 1].lower not in RELATIVES or tokens[comma + 1].quoted:
        return comma
    closing = next_comma(tokens, comma + 2, hi)
    return closing if closing is not None else hi


def _after_colon(clause: Clause, cue: Cue) -> bool:
    """`It has not gone unnoticed: according to recent polls, Y`: the writer's lead-in ends at
    its colon and the report opens the clause after it."""
    before = cue.first - 1
    return (
        before > clause.lo
        and clause.tokens[before].text in ":;"
        and not clause.tokens[before].quoted
    )


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
