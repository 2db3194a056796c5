"""A proposed credibility for a claim, 1 to 6 (the information half of the Admiralty code).

1 confirmed by independent sources, 2 probably true, 3 possibly true, 4 doubtful,
5 improbable, 6 cannot be judged. The proposal starts from the weakest graded link of the
chain (a claim relayed through an unreliable outlet is no better than that outlet), is held
back by links that cannot be judged and by propaganda, worsened by a reporter's distancing
cue ("claimed"), and moved by corroborations and conflicts found by matching. Every step
is a sentence in `reasons`; a reviewer's own decision is stored apart and never overwritten.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from claims.sources.models import GRADE_LABELS, Grade

CREDIBILITY_LABELS: dict[int, str] = {
    1: "confirmed by independent sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}

GRADE_START: dict[Grade, int] = {Grade.A: 2, Grade.B: 2, Grade.C: 3, Grade.D: 4, Grade.E: 5}
"""Where a claim starts from its weakest graded link; one source alone never confirms (1)."""

UNJUDGED_CAP = 3
"""A chain with a link that cannot be judged is at best "possibly true"."""
PROPAGANDA_FLOOR = 4
"""A propaganda-sourced claim is at best "doubtful" until corroborated independently."""
UNJUDGEABLE_KINDS = frozenset({"opinion", "question"})


class GradedLink(BaseModel):
    """A chain link with the grade credibility uses and where that grade came from."""

    model_config = ConfigDict(frozen=True)

    role: str
    name: str
    grade: Grade = Grade.F
    inherited_from: str | None = None
    """The office or owner whose grade stands in for a source with none of its own."""
    stance: str | None = None
    anonymous: bool = False


@dataclass(frozen=True)
class Corroboration:
    """How matching relates a claim to others: the counts credibility reads."""

    independent: int = 0
    """Corroborating claims from an independent origin."""
    dependent: int = 0
    """Corroborating claims that repeat the same origin (or were not shown independent)."""
    conflicts: int = 0


class Proposal(BaseModel):
    """The proposed credibility and the reasons, in words."""

    model_config = ConfigDict(frozen=True)

    value: int
    reasons: list[str]


def propose(
    links: Sequence[GradedLink],
    *,
    propaganda: bool = False,
    corroboration: Corroboration = Corroboration(),
    kind: str | None = None,
) -> Proposal:
    """Propose a credibility for a claim from its chain, its flag and its matches."""
    reasons: list[str] = []
    if kind in UNJUDGEABLE_KINDS:
        article = "an" if kind == "opinion" else "a"
        return Proposal(value=6, reasons=[f"{article} {kind}: its truth cannot be judged"])
    value = _from_chain(links, reasons)
    if propaganda:
        held = value < PROPAGANDA_FLOOR
        value = max(value, PROPAGANDA_FLOOR)
        reasons.append(
            "propaganda-sourced (see the propaganda path): "
            + ("held at 4 (doubtful)" if held else "no better than 4")
            + " until confirmed independently"
        )
    value = _stance(links, value, reasons)
    value = _matches(corroboration, value, reasons)
    reasons.append(f"proposed {value}: {CREDIBILITY_LABELS[value]}")
    return Proposal(value=value, reasons=reasons)


def _from_chain(links: Sequence[GradedLink], reasons: list[str]) -> int:
    if not links:
        reasons.append("no source is named for this claim")
        return 6
    for link in links:
        if link.inherited_from:
            reasons.append(
                f"{link.role} {link.name} has no grade of its own: "
                f"uses {link.inherited_from}'s grade {link.grade.value}"
            )
    graded = [link for link in links if link.grade != Grade.F]
    if not graded:
        reasons.append("no source along the chain can be judged (all grade F)")
        return 6
    weakest = max(graded, key=lambda link: link.grade.value)
    value = GRADE_START[weakest.grade]
    reasons.append(
        f"weakest graded link: {weakest.role} {weakest.name}, grade {weakest.grade.value} "
        f"({GRADE_LABELS[weakest.grade]}) -> {value}"
    )
    unjudged = [link for link in links if link.grade == Grade.F]
    if unjudged and value < UNJUDGED_CAP:
        names = ", ".join(f"{link.role} {link.name}" for link in unjudged)
        why = "anonymous" if all(link.anonymous for link in unjudged) else "grade F"
        reasons.append(f"{names} cannot be judged ({why}): at best {UNJUDGED_CAP}")
        value = UNJUDGED_CAP
    return value


def _stance(links: Sequence[GradedLink], value: int, reasons: list[str]) -> int:
    if any(link.stance == "distancing" for link in links) and value < 5:
        reasons.append("the text distances itself from the claim (e.g. 'claimed'): one worse")
        return value + 1
    return value


def _matches(found: Corroboration, value: int, reasons: list[str]) -> int:
    if found.dependent:
        reasons.append(
            f"{found.dependent} corroboration(s) repeat the same origin: not independent, no change"
        )
    if value == 6:
        if found.independent and not found.conflicts:
            reasons.append(
                f"{found.independent} independent corroboration(s), though its own source "
                "cannot be judged -> 3"
            )
            return 3
        return value
    if found.independent and not found.conflicts:
        if value <= 3:
            reasons.append(f"confirmed by {found.independent} independent source(s) -> 1")
            return 1
        better = max(2, value - min(found.independent, 2))
        reasons.append(f"{found.independent} independent corroboration(s): {value} -> {better}")
        return better
    if found.conflicts and not found.independent:
        if value < 4:
            reasons.append(f"contradicted by {found.conflicts} claim(s): at best 4 (doubtful)")
            return 4
        reasons.append(f"contradicted by {found.conflicts} claim(s)")
        return value
    if found.conflicts and found.independent:
        contested = min(max(value, 3), 4)
        reasons.append(
            f"{found.independent} independent corroboration(s) and {found.conflicts} "
            f"conflict(s): contested -> {contested}"
        )
        return contested
    return value
