"""Conflicts only between aligned frames: the same subject, predicate or measure, and period.

The word-level cues (`claims.match.conflict`) say what differs; the frames say whether the
two claims are about one thing. A cue counts only when both claims have the same known
subject (an unknown subject on either side is never a conflict), and, for amounts, the same
measure in overlapping periods with values outside the measure's tolerance. The frames
also find what the cues miss across reports of one event: a denial of the act another claim
reports ("attacked the terminal" / "Kyiv denied carrying out the attack"), a negated and an
asserted fact ("was not damaged" / "images showed damage"), and casualty figures that
disagree ("killing two workers" / "one person had been injured").
"""

from __future__ import annotations

from dataclasses import dataclass

from claims.match import cues
from claims.match.frames.align import (
    ACCOUNTS,
    CASUALTIES,
    acts_alike,
    casualty_difference,
    compare_values,
    same_event,
    same_subject,
    shared_place,
)
from claims.match.frames.models import Frame, FrameValue, Modality
from claims.match.frames.period import overlap
from claims.match.frames.predicate import is_act
from claims.match.side import Side


@dataclass(frozen=True)
class Aligned:
    """The conflict reasons the frames let through or add, and what aligned."""

    polarity: str | None = None
    verbs: str | None = None
    dates: str | None = None
    numbers: str | None = None
    casualties: str | None = None
    aligned: str | None = None
    """What the two frames share, in words ("same subject: Example Corp; same measure:
    earnings per share, Q1 1987")."""
    dropped: bool = False
    """A cue was found that the frames do not align: no conflict, and not one assertion."""

    def reasons(self) -> list[str]:
        found = (self.dates, self.numbers, self.casualties, self.polarity, self.verbs)
        return [reason for reason in found if reason]


def align(
    a: Side,
    b: Side,
    polarity: str | None,
    verbs: str | None,
    dates: str | None,
    numbers: str | None,
    doubted: bool,
) -> Aligned:
    """Keep the cues whose frames align and add the frames' own; `doubted` is True when the
    word cues looked at a negation or opposite verbs and found them about something else."""
    first, second = a.frame, b.frame
    subject = shared_subject(first, second)
    found = [cue for cue in (polarity, verbs, dates, numbers) if cue]
    if subject is None:
        return _event_only(a, b, bool(found))
    tense = comparable_modalities(first.modality, second.modality)
    kept_dates = dates if dates and _one_act(first, second) else None
    differ = numbers and tense and compare_values(first, second).verdict == "differ"
    kept_numbers = numbers if differ else None
    kept_polarity = polarity if "opinion" not in (first.modality, second.modality) else None
    reports = a.claim.document_id != b.claim.document_id
    if kept_numbers is None and numbers is None and reports:
        kept_numbers = _measured(first, second, tense)
    if polarity is None and verbs is None and not doubted and reports:
        kept_polarity = _frame_polarity(a, b)
    casualties = _casualties(first, second) if reports else None
    kept = Aligned(kept_polarity, verbs, kept_dates, kept_numbers, casualties)
    reasons = kept.reasons()
    dropped = len([cue for cue in found if cue not in reasons]) > 0
    what = _what(first, second, kept)
    text = f"same subject: {subject}" + (f"; {what}" if what else "")
    return Aligned(
        kept_polarity,
        verbs,
        kept_dates,
        kept_numbers,
        casualties,
        text if reasons else None,
        dropped,
    )


def may_align(a: Side, b: Side) -> bool:
    """Whether the frames can let a conflict through at all: they share a subject, or (across
    reports) one event's casualties differ; else `align` keeps no cue and aligns nothing."""
    first, second = a.frame, b.frame
    if shared_subject(first, second) is not None:
        return True
    return a.claim.document_id != b.claim.document_id and _casualties(first, second) is not None


def _event_only(a: Side, b: Side, found: bool) -> Aligned:
    """Without a shared subject only one event's casualties can disagree (across reports)."""
    first, second = a.frame, b.frame
    reports = a.claim.document_id != b.claim.document_id
    casualties = _casualties(first, second) if reports else None
    if casualties is None:
        return Aligned(dropped=found)
    place = shared_place(first, second)
    assert place is not None
    event = same_event(first, second)
    return Aligned(casualties=casualties, aligned=f"same event: {event} at {place.text}")


def _one_act(first: Frame, second: Frame) -> bool:
    """Dates of one act: the same predicate or event, or a claim that names no act."""
    if not first.predicate or not second.predicate:
        return True
    return acts_alike(first, second) or same_event(first, second) is not None


def comparable_modalities(first: Modality, second: Modality) -> bool:
    """Facts (and rumours of them) compare with facts, forecasts and plans with each other;
    opinions with nothing."""
    if "opinion" in (first, second):
        return False
    return (first in ("forecast", "plan")) == (second in ("forecast", "plan"))


def _measured(first: Frame, second: Frame, tense: bool) -> str | None:
    """Reported figures of one measure in one known period that differ ("Shr 25 cts" / "first
    quarter earnings of 35 cts a share" of one company): levels, not changes or shares."""
    if not tense:
        return None
    found = compare_values(first, second)
    if found.verdict != "differ" or found.first is None or found.second is None:
        return None
    if not all(_reported_level(value) for value in (found.first, found.second)):
        return None
    measure = found.first.measure
    if measure not in ACCOUNTS and measure not in CASUALTIES:
        return None
    if measure in CASUALTIES and not same_event(first, second):
        return None
    return f"numbers differ: {found.reason()}"


def _reported_level(value: FrameValue) -> bool:
    """A figure that is a level, not a change or a percentage, and of a known period unless
    it counts one event's dead or injured."""
    dated = value.period is not None or value.measure in CASUALTIES
    return dated and value.unit != "percent" and not value.change


def _frame_polarity(a: Side, b: Side) -> str | None:
    """One report denies or negates the act another asserts, of one named subject: events
    and facts (not forecasts, opinions or quotes in the first person), acts (not states)."""
    first, second = a.frame, b.frame
    if first.polarity == second.polarity:
        return None
    if not all(frame.modality in ("fact", "rumour") for frame in (first, second)):
        return None
    if not all(_named_actor(side) for side in (a, b)):
        return None
    if not (first.predicate and second.predicate) or not acts_alike(first, second):
        return None
    if not all(is_act(predicate) for predicate in (first.predicate, second.predicate)):
        return None
    if overlap(first.period, second.period) is False:
        return None
    negated, reported = (a, b) if first.polarity == "denied" else (b, a)
    if cues.says_not_done(reported.claim.text) or cues.reports_accusation(reported.claim.text):
        return None
    if cues.negated_scopes(reported.claim.text):
        return None
    label = cues.polarity_label(negated.claim.text, True)
    labels = (label, "reported") if negated is a else ("reported", label)
    return f"polarity: {labels[0]} vs {labels[1]}"


def _named_actor(claim: Side) -> bool:
    """A subject the claim names or resolves (not a first-person quote, not a guess)."""
    subject = claim.frame.subject
    if subject is None or subject.kind == "other" or subject.found == "pronoun":
        return False
    return claim.claim.kind != "quotation"


def _casualties(first: Frame, second: Frame) -> str | None:
    """One event's dead against its injured: the reports disagree on whether anyone died."""
    if not first.values or not second.values:
        return None  # no figure on one side: nothing to disagree on (`casualty_difference`)
    if shared_place(first, second) is None or same_event(first, second) is None:
        return None
    if overlap(first.period, second.period) is False:
        return None
    found = casualty_difference(first, second)
    if found is None:
        return None
    return f"casualties differ: {found[0].text} vs {found[1].text}"


def _what(first: Frame, second: Frame, kept: Aligned) -> str:
    """What else aligned: the measure and period of amounts, the act of a denial or date."""
    if kept.numbers:
        found = compare_values(first, second)
        if found.first is not None and found.first.measure:
            period = found.first.period.text if found.first.period else None
            return f"same measure: {found.first.measure}" + (f", {period}" if period else "")
    if (kept.polarity or kept.dates or kept.verbs) and acts_alike(first, second):
        return f"same predicate: {first.predicate}"
    return ""


def shared_subject(first: Frame, second: Frame) -> str | None:
    """The subject both frames are about, by name: the subject of both, or the subject of
    one that the other names as what its act is about ("The Velmor Bridge project received
    11 nominations" / "Judges gave the Velmor Bridge project 14 nominations"). None when a
    subject is unknown."""
    if first.subject is None or second.subject is None:
        return None
    if same_subject(first.subject, second.subject):
        return _name(first.subject.text, second.subject.text)
    for subject, other in ((first.subject, second), (second.subject, first)):
        if subject.kind != "thing" and any(same_subject(subject, x) for x in other.about):
            return subject.text
    return None


def _name(one: str, other: str) -> str:
    """The shorter name when one holds the other ("Velmor" in "Tuesday the Velmor")."""
    if one.lower() in other.lower() or other.lower() in one.lower():
        return min(one, other, key=len)
    return f"{one} / {other}"
