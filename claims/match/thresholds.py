"""Where the kinds of relation begin: similarity thresholds chosen on FNC-1 train (by-body
split) and the seed articles."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Thresholds:
    """Where the kinds begin; chosen on FNC-1 train (by-body split) and the seed articles."""

    duplicate_wording: float = 92.0
    """rapidfuzz ratio of the folded sentences from which two claims are one text."""
    subject_dice: float = 0.25
    """Weighted Dice from which two claims share a subject."""
    slot_dice: float = 0.1
    """Weighted Dice enough for a subject when a value differs in a slot both claims name."""
    corroborate_dice: float = 0.3
    corroborate_containment: float = 0.6
    """How much of the lighter claim the other must contain to say the same thing."""
    contained_dice: float = 0.15
    contained_containment: float = 0.65
    """A short claim almost wholly inside a longer one corroborates it at this lower Dice."""
    cue_containment: float = 0.35
    """Similarity needed before a denial or an opposite verb makes a conflict."""
    negation_containment: float = 0.6
    """Similarity needed before a plain negation ("not", "never", "no") makes a conflict: a
    negated sentence mostly states another fact, unless it restates the other claim."""
    negated_wording: float = 65.0
    """Wording (rapidfuzz ratio) from which a negated claim restating the other conflicts
    however few informative words they share ("X is no way the best song of the last 25
    years" / "X is the best song of the last 25 years")."""
    swap_containment: float = 0.5
    """Similarity from which a swapped entity is the difference between two claims."""
    strong_containment: float = 0.6
    strong_dice: float = 0.4
    """Similarity at which two values are taken to fill one slot without anchor words (both:
    a short claim is easily contained in a long one, "shares fell 4%")."""


DEFAULT = Thresholds()
