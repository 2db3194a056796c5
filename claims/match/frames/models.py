"""A claim's frame: who or what it is about, what it says of it, for when, how sure.

Two claims can only contradict each other when their frames line up: the same subject, the
same predicate or measure, overlapping periods. The frame is what lets matching say so, and
what a reviewer reads to see why two claims were (or were not) compared.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Polarity = Literal["asserted", "denied"]
Modality = Literal["fact", "forecast", "plan", "opinion", "rumour"]
Found = Literal["claim", "description", "pronoun", "headline", "lead", "dateline"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class FrameSubject(Frozen):
    """Who or what a claim is about, resolved with the document's help when needed."""

    text: str
    """The name as the document gives it ("Example Corp", "Sheskharis oil terminal")."""
    key: str
    """A key that survives spelling variants (`entity_key`); capitals and governments fold
    to their country ("Kyiv", "the Ukrainian government" -> "ukraine")."""
    kind: str
    """person, organization, place, group, other, or thing (a described object)."""
    found: Found = "claim"
    """Where it came from: the claim's own words, a definite description ("the company")
    or pronoun resolved in the document, or the document's headline, lead or dateline for a
    line with no subject of its own (a table of figures)."""


class FramePeriod(Frozen):
    """When what the claim says holds: a span of days and, for accounts, a fiscal label."""

    text: str
    """As written or derived ("March 2025", "Q1 1987", "Q1, a year earlier")."""
    earliest: str | None = None
    latest: str | None = None
    """ISO dates; None when open or unknown."""
    label: str | None = None
    """A reporting period: Q1-Q4, H1, H2, 9M (nine months), FY (the year)."""
    year: int | None = None
    """The label's year, when known."""
    prior: bool = False
    """The year-earlier period of a table's "25 cts vs 1.21 dlrs" (year unknown)."""


class FrameValue(Frozen):
    """One amount the claim gives, with what it measures and for when."""

    text: str
    amount: float | None
    """In the normalised unit (cents become dollars)."""
    low: float | None = None
    high: float | None = None
    """Bounds ("at least 12", "up to 300")."""
    unit: str | None = None
    """Normalised unit: USD, GBP, percent, people ..., None for a bare number."""
    approximate: bool = False
    measure: str | None = None
    """What is measured: "earnings per share", "net profit", "revenue", "deaths",
    "injuries", or the words next to the amount ("troops", "patents granted")."""
    period: FramePeriod | None = None
    change: bool = False
    """The amount is a change ("rose 2.8%", "gained 45 points"), not a level."""
    start: int = 0
    end: int = 0
    """Offsets of the amount in the document (the claim's quantity span)."""


class Frame(Frozen):
    """Subject, predicate or measure, values, period, polarity and modality of one claim."""

    subject: FrameSubject | None = None
    """None when neither the claim nor its document says who or what it is about."""
    predicate: str | None = None
    """The main verb or event, lower-case ("attacked", "damaged", "buy"); for a denial,
    what is denied ("attack" in "denied carrying out the attack")."""
    object: str | None = None
    """The first content word the predicate acts on ("terminal", "s400")."""
    event: str | None = None
    """An event noun the claim is about ("attack", "explosion"), for casualties and damage."""
    milestone: str | None = None
    """The end, withdrawal or closure the claim dates ("end of mission"), so that reports of
    one timeline meet (`claims.match.frames.milestone`)."""
    about: tuple[FrameSubject, ...] = ()
    """Other entities the proposition names (objects, targets, places)."""
    measure: str | None = None
    """The measure of the claim's first value, if any."""
    values: tuple[FrameValue, ...] = ()
    period: FramePeriod | None = None
    polarity: Polarity = "asserted"
    modality: Modality = "fact"

    def describe(self) -> str:
        """One line for reviewers: "Example Corp | earnings per share | Q1 1987 | 25 cts"."""
        subject = self.subject.text if self.subject else "subject unknown"
        what = self.measure or self.predicate or "-"
        period = self.period.text if self.period else "-"
        values = ", ".join(value.text for value in self.values) or "-"
        flags = [
            flag for flag in (self.polarity, self.modality) if flag not in ("asserted", "fact")
        ]
        return " | ".join([subject, what, period, values, *flags])
