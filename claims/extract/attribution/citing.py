"""Citing: `The agency, citing security sources, ...`, `X, who cited Y`, `..., citing Z`."""

from __future__ import annotations

from claims.extract.attribution.clause import span_of, words_in
from claims.extract.attribution.cues import Cue
from claims.extract.attribution.frame import Frame, span_of_cue
from claims.extract.attribution.lexicon import CueKind
from claims.extract.attribution.quoted_as import quoted_by
from claims.extract.attribution.tokens import Token, words
from claims.extract.models import Span, Stance

CITING = frozenset({"citing", "quoting"})

_CITES = frozenset({"cited", "quoted", "cites", "quotes", "citing", "quoting"})


def relative_citation(tokens: list[Token], comma: int, hi: int) -> tuple[Span | None, int]:
    """`according to X, who cited Y, ...`: Y and where the sentence goes on after it."""
    if comma + 2 >= hi or tokens[comma].text != ",":
        return None, comma
    if tokens[comma + 1].lower not in ("who", "which") or tokens[comma + 2].lower not in _CITES:
        return None, comma
    stop = comma + 3
    while stop < hi and tokens[stop].text not in ",;:." and not tokens[stop].quoted:
        stop += 1
    return span_of(tokens, comma + 3, stop), stop


def cited_span(tokens: list[Token], cue: Cue) -> Span | None:
    """What a `citing` cue cites: the words up to the next comma or full stop."""
    stop = cue.last + 1
    while stop < len(tokens) and (tokens[stop].text not in ",;:." or tokens[stop].quoted):
        stop += 1
    return span_of(tokens, cue.last + 1, stop)


def citing_frame(
    tokens: list[Token], quotes: tuple[Span, ...], cue: Cue, frames: list[Frame]
) -> Frame | None:
    """`X proposed a ban, citing fears of terrorism`: what X cites is an attribution of X's.

    Only after a frame of X's: `The agency, citing sources, clarifies` keeps its chain.

    Its lemma "citing_reason" counts among the attitude cues, so it never makes a chain's speaker;
    the cited source still joins the previous frame's chain as before.
    """
    cited = cited_span(tokens, cue)
    if cited is None or not frames or words_in(tokens, cue.last + 1, len(tokens)) < 2:
        return None
    source = frames[-1].source
    if source is None:
        return None
    cite = Cue(cue.first, cue.last, "citing_reason", CueKind.OBJECT, Stance.NEUTRAL)
    return Frame(cite, span_of_cue(tokens, cue), source, (cited,))


def cite_in_source(frames: list[Frame], tokens: list[Token]) -> list[Frame]:
    """`The agency, citing security sources, clarifies`: the citing phrase sits in the subject;
    `Y, quoted by X, said`: X relays Y (see `quoted_by`)."""
    frames = quoted_by(frames, tokens)
    for index, frame in enumerate(frames):
        if frame.source is None or frame.cited is not None:
            continue
        for k, token in enumerate(tokens):
            if frame.source.end <= token.start < frame.cue_span.start and token.lower in CITING:
                cue = Cue(k, k, token.lower, CueKind.ACCORDING, Stance.NEUTRAL)
                frames[index] = frame._replace(cited=cited_span(tokens, cue))
                break
    return frames


_EVIDENCE = words(
    "footage video videos image images photo photos photograph photographs picture pictures "
    "imagery satellite data figures statistics numbers document documents records evidence "
    "recordings recording analysis study studies research estimates calculations tests test "
    "results findings reasons reason concerns fears"
)
"""What a source cites as its grounds rather than as the one who said it first."""
_MAX_HEAD = 4
_QUOTE_MARKS = "“”„«»\"'"


def cites_a_speaker(text: str, frame: Frame) -> bool:
    """`The agency, citing security sources, clarifies that Y`: the cited sources said Y first.

    Not so when the source's own words are quoted (`“Y,” Konashenkov said, citing footage`)
    nor when what is cited is evidence (footage, images, data, documents): then the source
    is the speaker and the cited thing its grounds.
    """
    if frame.cited is None:
        return False
    if frame.content and all(_quoted(text, span) for span in frame.content):
        return False
    head = text[frame.cited.start : frame.cited.end].lower().split()[:_MAX_HEAD]
    return not any(word.strip(",.;:") in _EVIDENCE for word in head)


def _quoted(text: str, span: Span) -> bool:
    return text[span.start : span.start + 1] in _QUOTE_MARKS
