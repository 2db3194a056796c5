"""A claim prepared for `relate`: its words (`Profile`), subjects, verbs and cue counts."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from claims.extract.models import Entity
from claims.match import cues
from claims.match.actors import lower_case_words, names, said_by, time_words
from claims.match.frames.build import frame_of
from claims.match.frames.keys import Marks, marks
from claims.match.frames.models import Frame
from claims.match.models import MatchClaim
from claims.match.places import place_words
from claims.match.score import Profile
from claims.match.subjects import own_names, subject_entities


class Side(Profile):
    """A profile with what `relate` needs besides words: subjects, verbs, cue counts."""

    @cached_property
    def subjects(self) -> list[Entity]:
        return subject_entities(self.claim)

    @cached_property
    def own_names(self) -> tuple[frozenset[str], ...]:
        """The words of the names that can say whose value the claim gives (`own_subject`)."""
        return own_names(self.subjects, self.claim)

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
    def names(self) -> tuple[frozenset[str], ...]:
        """The content words of each of the claim's names (`claims.match.actors.names`)."""
        return names(self.claim)

    @cached_property
    def said_by(self) -> frozenset[str]:
        """The words that say who said the claim (`claims.match.actors.said_by`)."""
        return said_by(self.claim)

    @cached_property
    def when(self) -> frozenset[str]:
        """The words that say when (`claims.match.actors.time_words`)."""
        return time_words(self.claim)

    @cached_property
    def place_words(self) -> frozenset[str]:
        """The words of the claim's places (`claims.match.places.place_words`)."""
        return place_words(self.claim)

    @cached_property
    def lower_words(self) -> frozenset[str]:
        """The content words the claim writes in lower case: not as names."""
        return lower_case_words(self.claim.text)

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


JUDGED = (
    "match_text",
    "wording",
    "subjects",
    "marks",
    "names",
    "lower_words",
    "said_by",
    "verbs",
    "refuting",
    "hedging",
)
"""What judging a pair reads of a side besides its words (each computed once per claim)."""


@dataclass(frozen=True)
class SideState:
    """What a side computed for judging, without its claim: cheap to send to another process,
    which rebuilds the side around its own copy of the claim (`restored`)."""

    words: tuple[str, ...]
    values: dict[str, Any]
    subjects: tuple[int, ...]
    """The subject entities, as places in the claim's entities."""


def side_state(claim: MatchClaim) -> SideState:
    """The claim prepared for judging (every `JUDGED` value computed), as a `SideState`."""
    prepared = side(claim)
    values = {name: getattr(prepared, name) for name in JUDGED if name != "subjects"}
    places = {id(entity): place for place, entity in enumerate(claim.entities)}
    return SideState(prepared.words, values, tuple(places[id(e)] for e in prepared.subjects))


def restored(claim: MatchClaim, state: SideState) -> Side:
    """The side `side_state` described, around `claim`: judged as `side(claim)` would be."""
    found = Side.__new__(Side)
    found.claim = claim
    found.words = state.words
    found.word_set = frozenset(state.words)
    found._weighed = None
    found._total = 0.0
    found.__dict__.update(state.values)
    found.__dict__["subjects"] = [claim.entities[place] for place in state.subjects]
    return found
