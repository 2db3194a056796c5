"""A claim prepared for `relate`: its words (`Profile`), subjects, verbs and cue counts."""

from __future__ import annotations

from functools import cached_property

from claims.extract.models import Entity
from claims.match import cues
from claims.match.frames.build import frame_of
from claims.match.frames.keys import Marks, marks
from claims.match.frames.models import Frame
from claims.match.models import MatchClaim
from claims.match.score import Profile
from claims.match.subjects import subject_entities


class Side(Profile):
    """A profile with what `relate` needs besides words: subjects, verbs, cue counts."""

    @cached_property
    def subjects(self) -> list[Entity]:
        return subject_entities(self.claim)

    @cached_property
    def frame(self) -> Frame:
        """The claim's frame: as read with its document, else from the sentence alone."""
        claim = self.claim
        return claim.frame if claim.frame is not None else frame_of(claim)

    @cached_property
    def marks(self) -> Marks:
        """The frame's coarse keys (`claims.match.frames.keys`)."""
        return marks(self.frame)

    @cached_property
    def verbs(self) -> dict[str, str]:
        return cues.verb_groups(self.claim.text)

    @cached_property
    def refuting(self) -> int:
        return cues.count_words(self.claim.text, cues.REFUTING_WORDS)

    @cached_property
    def hedging(self) -> int:
        return cues.count_words(self.claim.text, cues.HEDGING_WORDS)

    @cached_property
    def confirming(self) -> int:
        return cues.count_words(self.claim.text, cues.CONFIRMING_WORDS)


def side(claim: MatchClaim) -> Side:
    return Side(claim)
