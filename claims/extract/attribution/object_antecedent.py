"""A description opening a subordinate clause means the other person of its sentence.

`Ann Vell met Tom Reed after the senator had said Y`: a writer who meant the subject would
write "he"; a description after "after", "when", "because" and the like, with the sentence's
subject and exactly one other person named before it, means that other person. Used for
person descriptions no name or role explains (`the Democratic front-runner`).
"""

from __future__ import annotations

from bisect import bisect_left

from claims.extract.attribution.names import Mention
from claims.extract.attribution.subject_rank import MAIN_SUBJECT, subject_rank
from claims.extract.attribution.tokens import Token, words

_SUBORDINATORS = words("after when because as while before since until although though once")


def object_antecedent(tokens: list[Token], persons: list[Mention], before: int) -> Mention | None:
    """The one person besides the main subject named in `tokens` before the description at
    `before`, when the description opens a subordinate clause; else None."""
    at = bisect_left([t.start for t in tokens], before)
    if at < 2 or tokens[at - 1].lower not in _SUBORDINATORS or tokens[at - 1].quoted:
        return None
    clause_at = tokens[at - 1].start
    named = [m for m in persons if m.end <= clause_at]
    subjects = [m for m in named if subject_rank(tokens, m.start) == MAIN_SUBJECT]
    if len(subjects) != 1:
        return None
    others = {m.name: m for m in named if m.name != subjects[0].name}
    return next(iter(others.values())) if len(others) == 1 else None
