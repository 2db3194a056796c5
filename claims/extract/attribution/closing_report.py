"""A report that closes its sentence governs the evidence reported before it: `Other
surveys show Y, she pointed out.`

The closing report's content is the whole clause before it, the earlier report included (as
in `She pointed out that other surveys show Y`): the closing report comes first, and the
earlier one nests inside its content, so that the chain's speaker is who pointed it out.
"""

from __future__ import annotations

from claims.extract.attribution.clause import strip_fillers
from claims.extract.attribution.frame import Frame
from claims.extract.attribution.lexicon import CueKind
from claims.extract.attribution.mention_kinds import DETERMINERS
from claims.extract.attribution.speech_sense import EVIDENCE
from claims.extract.attribution.tokens import PERSONAL_PRONOUNS, Token
from claims.extract.models import Span

_SUBJECT_OPENERS = PERSONAL_PRONOUNS | DETERMINERS


def closing_report_first(frames: list[Frame], tokens: list[Token]) -> list[Frame]:
    """Put a sentence-closing report before the report its content cut off, with that
    report's clause in its content; other frames stay as they are."""
    if len(frames) < 2:
        return frames
    last, earlier = frames[-1], frames[-2]
    if last.source is None or earlier.source is None or not last.content or not earlier.content:
        return frames
    if last.cue.kind is not CueKind.SAY or last.source.start > last.cue_span.start:
        return frames  # `Y, according to X`, `Y, said X`: only `Y, she said.`
    opener = next((t for t in tokens if t.start == last.source.start), None)
    if opener is None or not (opener.text[:1].isupper() or opener.lower in _SUBJECT_OPENERS):
        return frames  # `Y, something Z indicated`: no speaker's name closes the sentence
    end = last.content[-1].end
    if end > last.source.start or earlier.content[-1].end != end:
        return frames  # not `Y, she said.` or the earlier report ends elsewhere
    inside = [t for t in tokens if earlier.content[0].start <= t.start < end]
    if any(t.text in ",;:" and not t.quoted for t in inside):
        return frames  # `Polls show Y, with Z, according to X`: one clause only
    first = strip_fillers(tokens, 0, len(tokens))
    if first >= len(tokens) or tokens[first].start != earlier.source.start:
        return frames  # the earlier report does not open the sentence
    between = [t for t in tokens if earlier.source.start <= t.start < earlier.cue_span.start]
    if any(t.quoted or t.text in ",;:" for t in between):
        return frames
    if not any(t.lower in EVIDENCE for t in between):
        return frames  # `The union praised Y, she added`: the union's own act
    widened = last._replace(content=(Span(start=earlier.source.start, end=end),))
    return [*frames[:-2], widened, earlier]
