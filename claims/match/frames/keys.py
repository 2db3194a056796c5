"""Frame keys: what lets two claims about one act meet although they share few words.

"Ukrainian drones attacked the terminal" and "Kyiv denied carrying out the attack" share no
word; both are about Ukraine and an attack. Each frame gives a few coarse keys (subject and
act, subject and measure, place and event) that blocking looks up like any other key, and
the marks that let such a pair past the word-overlap filters to `relate`, which then checks
the frames properly.
"""

from __future__ import annotations

from dataclasses import dataclass

from claims.match.frames.align import ACCOUNTS, CASUALTIES, subject_names
from claims.match.frames.models import Frame, FrameSubject
from claims.match.frames.predicate import is_act, predicate_root

FRAME = "f:"


@dataclass(frozen=True)
class Marks:
    """A frame's coarse keys by what they can conflict on."""

    asserted: frozenset[str]
    denied: frozenset[str]
    values: frozenset[str]
    milestones: frozenset[str] = frozenset()

    def keys(self) -> list[str]:
        keys = self.asserted | self.denied | self.values | self.milestones
        return [FRAME + key for key in sorted(keys)]

    def may_conflict(self, other: Marks) -> bool:
        """The frames may align on a denial, a reported figure, an event's casualties or the
        dates of one milestone (which may also agree: `claims.match.timeline`)."""
        return bool(
            self.asserted & other.denied
            or self.denied & other.asserted
            or self.values & other.values
            or self.milestones & other.milestones
        )


NONE = Marks(frozenset(), frozenset(), frozenset())


def marks(frame: Frame) -> Marks:
    """The frame's keys: subject and act (by polarity), subject and accounts measure, place
    and event of casualty figures, and a dated milestone."""
    subject = coarse(frame.subject)
    acts: set[str] = set()
    if subject and frame.predicate and is_act(frame.predicate):
        acts.add(f"{subject} {predicate_root(frame.predicate)}")
    values: set[str] = set()
    for value in frame.values:
        if subject and value.measure in ACCOUNTS:
            values.add(f"{subject} {value.measure}")
        if value.measure in CASUALTIES and frame.event:
            values |= {f"{place} {frame.event}" for place in _places(frame)}
    milestones = frozenset([frame.milestone] if frame.milestone else [])
    if frame.polarity == "denied":
        return Marks(frozenset(), frozenset(acts), frozenset(values), milestones)
    return Marks(frozenset(acts), frozenset(), frozenset(values), milestones)


def _places(frame: Frame) -> set[str]:
    found = {coarse(subject) for subject in subject_names(frame) if subject.kind != "person"}
    return {place for place in found if place}


def coarse(subject: FrameSubject | None) -> str | None:
    """A key that spelling variants of one subject share: a person's surname, an
    organisation's first word, a described thing's name and noun, a place's key."""
    if subject is None:
        return None
    words = subject.key.split()
    if not words:
        return None
    if subject.kind == "person":
        return words[-1]
    if subject.kind == "organization":
        return words[0]
    if subject.kind == "thing":
        names = [w.lower() for w in subject.text.split()[:-1] if w[:1].isupper()]
        return " ".join([*names[:1], words[-1]])
    return subject.key
