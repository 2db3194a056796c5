"""The conflict cues between two claims: polarity, opposite verbs, dates, amounts, offices.

Each cue says what differs; a cue only counts when it is shown to be about one slot of one
thing. A cue found but not shown so keeps the pair from corroborating (`unsettled`).
"""

from __future__ import annotations

from dataclasses import dataclass

from claims.match import cues
from claims.match.aligned import align
from claims.match.normalize.words import tokens
from claims.match.polarity import polarity_cue
from claims.match.roles import office_conflict
from claims.match.score import Overlap, Rarity
from claims.match.side import Side
from claims.match.slot_values import amount_slot, date_slot, subject_words, subjects_apart
from claims.match.slots import date_difference, quantity_difference
from claims.match.subjects import Subjects
from claims.match.thresholds import Thresholds


@dataclass(frozen=True)
class Cues:
    """The conflict cues between two claims that count, as reasons."""

    polarity: str | None
    verbs: str | None
    dates: str | None
    numbers: str | None
    slot: str | None
    unsettled: bool = False
    """Values of one sort differ, but not shown to fill one slot: no conflict, and not
    the same assertion either."""
    negation_cue: bool = False
    """A negation bears on what the claims share without being shown to deny the same
    assertion: no conflict, but a cue for stance (`claims.match.stance`)."""
    casualties: str | None = None
    aligned: str | None = None
    """What the two claims' frames share, when a conflict stands (`claims.match.aligned`)."""
    found: tuple[bool, bool, bool, bool] = (False, False, False, False)
    """Polarity, opposite verbs, dates and amounts as the word cues found them, before the
    frames were asked: what stance learned from."""
    dropped: bool = False
    """A conflict cue whose frames do not align: related, never a duplicate."""

    @classmethod
    def of(
        cls,
        a: Side,
        b: Side,
        shared: Overlap,
        subjects: Subjects,
        thresholds: Thresholds,
        rarity: Rarity,
        alike: float = 0.0,
    ) -> Cues:
        similar = shared.containment >= thresholds.cue_containment and len(shared.shared) >= 3
        polarity, negated, cue = (
            polarity_cue(a, b, shared, subjects, rarity, thresholds, alike)
            if similar
            else (None, False, False)
        )
        restated = shared.containment >= thresholds.negation_containment
        verbs = _verbs(a, b) if similar else None
        opposed = verbs is not None and not (restated and _verbs_share_neighbours(a, b))
        if opposed:
            verbs = None
        if (polarity or negated or opposed) and _negation_flips_verb(a, b):
            polarity = verbs = None
            negated = opposed = False
        elif polarity and verbs:
            polarity = verbs = None
        strong = (
            shared.containment >= thresholds.strong_containment
            and shared.dice >= thresholds.strong_dice
        )
        when = date_difference(a.claim, b.claim)
        amounts = quantity_difference(a.claim, b.claim)
        dates: str | None = None
        numbers: str | None = None
        if when is not None or amounts is not None:  # else no slot to fill: skip asking
            named = subject_words(subjects)
            apart = not strong and subjects_apart(a, b)
            dates = None if apart else date_slot(a, b, when, strong, rarity, named)
            numbers = None if apart else amount_slot(a, b, amounts, subjects, strong, rarity, named)
        unsettled = (
            negated
            or opposed
            or (when is not None and dates is None)
            or (amounts is not None and numbers is None)
        )
        role = _role(a, b) if similar else None
        kept = align(a, b, polarity, verbs, dates, numbers, negated or opposed)
        return cls(
            kept.polarity,
            kept.verbs,
            kept.dates,
            kept.numbers,
            role,
            unsettled or kept.dropped,
            cue or (polarity is not None and kept.polarity is None),
            kept.casualties,
            kept.aligned,
            (polarity is not None, verbs is not None, dates is not None, numbers is not None),
            kept.dropped,
        )

    def reasons(self) -> list[str]:
        found = (self.dates, self.numbers, self.casualties, self.polarity, self.verbs, self.slot)
        return [reason for reason in found if reason]

    @property
    def anchored(self) -> bool:
        """A value differs in a slot both claims name: evidence of a shared subject."""
        return bool(self.dates or self.numbers or self.casualties)


def _negation_flips_verb(a: Side, b: Side) -> bool:
    """One claim negates the opposite of the other's verb: "will not allow new factories"
    says what "bans new factories" says."""
    if a.claim.negated == b.claim.negated:
        return False
    found = cues.opposite_verbs(a.verbs, b.verbs)
    if found is None:
        return False
    form = found[0] if a.claim.negated else found[1]
    negated = a if a.claim.negated else b
    scope = {word for clause in cues.negated_scopes(negated.claim.text) for word in tokens(clause)}
    return form in scope


def _verbs_share_neighbours(a: Side, b: Side) -> bool:
    """The opposite verbs act on one thing: a word right before one is right before the other,
    and so is a word after them when both have some ("troops will withdraw from the base" /
    "troops will remain at the base"; not "oil prices fall" / "interest rate rises", nor
    "called on X to quit the assembly" / "he was joined in the venture by X")."""
    found = cues.opposite_verbs(a.verbs, b.verbs)
    if found is None:
        return False
    before_a, after_a = cues.neighbours(a.claim.text, found[0])
    before_b, after_b = cues.neighbours(b.claim.text, found[1])
    after = not (after_a and after_b) or bool(after_a & after_b)
    return bool(before_a & before_b) and after


def _verbs(a: Side, b: Side) -> str | None:
    found = cues.opposite_verbs(a.verbs, b.verbs)
    return f"opposite verbs: {found[0]} vs {found[1]}" if found else None


def _role(a: Side, b: Side) -> str | None:
    """One office with two holders ("UKIP leader Roger Knapman" / "UKIP leader Nigel Farage")."""
    found = office_conflict(a.claim.text, b.claim.text)
    if found is None:
        return None
    first, second = found
    return f"different holders: {first.holder} vs {second.holder} ({second.role})"
