"""Whether two frames are about one thing, and whether their values can both hold.

Two claims are aligned when they have the same subject (unknown on either side: never),
the same predicate or measure, and periods that overlap. Values of aligned measures are
compared with a tolerance that fits the measure: accounts are reported figures, equal up to
the rounding of the coarser one ("1.2 mln" is 1,150,000 to 1,250,000); counts of the dead and
injured are exact unless bounded or approximate; other amounts allow 5 % (15 % when
approximate).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from claims.extract.entities import same_entity
from claims.match.frames.models import Frame, FramePeriod, FrameSubject, FrameValue
from claims.match.frames.period import overlap
from claims.match.frames.predicate import predicate_root, same_predicate
from claims.match.frames.values import measure_words
from claims.match.frames.vocabulary import MEASURES

ACCOUNTS = frozenset(MEASURES.values()) | {f"operating {m}" for m in MEASURES.values()}
CASUALTIES = frozenset({"deaths", "injuries"})
NUMBER_TOLERANCE = 0.05
APPROXIMATE_TOLERANCE = 0.15
ROUNDING_FLOOR = 0.005
"""Relative slack below which two reported figures are one (rounding in conversions)."""
_DECIMALS_RE = re.compile(r"\d(?:[\d,]*\d)?(?:\.(\d+))?")


def same_subject(first: FrameSubject | None, second: FrameSubject | None) -> bool:
    """One subject under two names ("Haidar Hadi" / "Haidar Mansour Hadi", "Kyiv" /
    "Ukraine", "Sheskharis oil terminal" / "Sheskharis terminal"); never an unknown one."""
    if first is None or second is None:
        return False
    if first.key == second.key:
        return True
    return _same_named(first.text, first.key, first.kind, second.text, second.key, second.kind)


SUBJECT_PAIR_CACHE = 1 << 13
"""Pairs of subject names whose sameness is kept, the most recently used: the claims of a
story name its few subjects pair after pair (generated 10k claims: 180,000 questions, 65,000
distinct pairs), and the names' own cache (`same_entity`) is shared with every other caller.
Bounded lower than the pairs a long ingest asks about: each entry keeps six strings alive in
the writer, and 65,536 took a whole-corpus ingest past its memory floor."""


@lru_cache(maxsize=SUBJECT_PAIR_CACHE)
def _same_named(text_a: str, key_a: str, kind_a: str, text_b: str, key_b: str, kind_b: str) -> bool:
    """`same_subject` of two subjects of different keys, told by their texts, keys and kinds."""
    if kind_a == kind_b == "thing":
        return _same_thing(text_a, key_a, text_b, key_b)
    if "thing" in (kind_a, kind_b):
        thing, entity = ((text_a, key_a), (text_b, key_b))
        if kind_b == "thing":
            thing, entity = entity, thing
        if same_entity(thing[0], entity[0]):
            return True
        return _names(thing[0]) == set(entity[1].split())
    return same_entity(text_a, text_b) and same_entity(key_a, key_b)


def _same_thing(text_a: str, key_a: str, text_b: str, key_b: str) -> bool:
    """Two described things: the same head noun and the same name in front of it."""
    words_a, words_b = key_a.split(), key_b.split()
    if not words_a or not words_b or words_a[-1] != words_b[-1]:
        return False
    if text_a.islower() and text_b.islower():
        return set(words_a) <= set(words_b) or set(words_b) <= set(words_a)
    names_a, names_b = _names(text_a), _names(text_b)
    return bool(names_a & names_b) or not (names_a or names_b)


def _names(text: str) -> set[str]:
    """The capitalised words before a described thing's noun ("Sheskharis oil terminal")."""
    return {word.lower() for word in text.split()[:-1] if word[:1].isupper()}


def subject_names(frame: Frame) -> list[FrameSubject]:
    """The frame's subject and what else it is about."""
    return [subject for subject in (frame.subject, *frame.about) if subject is not None]


def shared_place(first: Frame, second: Frame) -> FrameSubject | None:
    """A subject or target both frames name (the terminal both reports of a strike name)."""
    for mine in subject_names(first):
        for theirs in subject_names(second):
            if mine.kind != "person" and same_subject(mine, theirs):
                return mine
    return None


def same_measure(first: str | None, second: str | None) -> bool:
    """One measure: the same accounts or casualty name, or words in common otherwise."""
    if not first or not second:
        return False
    if first in ACCOUNTS or second in ACCOUNTS or first in CASUALTIES or second in CASUALTIES:
        return first == second
    return bool(measure_words(first) & measure_words(second))


def periods_meet(first: FramePeriod | None, second: FramePeriod | None) -> bool:
    """Periods that can be one: both unknown, or both known and overlapping."""
    if first is None and second is None:
        return True
    return overlap(first, second) is True


Verdict = Literal["agree", "differ", "none"]


@dataclass(frozen=True)
class ValueComparison:
    """What the aligned values of two frames say: some agree, all differ, or none align."""

    verdict: Verdict
    first: FrameValue | None = None
    second: FrameValue | None = None

    def reason(self) -> str:
        assert self.first is not None and self.second is not None
        return f"{self.first.text} vs {self.second.text}"


def compare_values(first: Frame, second: Frame) -> ValueComparison:
    """Values of one measure, unit and period in both frames: differ when a value of each
    has no value in the other claim that it can agree with (a conversion that agrees does
    not hide one that does not), agree when every aligned value has a partner."""
    pairs = [
        (a, b)
        for a in first.values
        for b in second.values
        if same_measure(a.measure, b.measure)
        and (a.unit or "") == (b.unit or "")
        and periods_meet(a.period, b.period)
    ]
    if not pairs:
        return ValueComparison("none")
    agreed = [(a, b) for a, b in pairs if values_agree(a, b)]
    taken_a = {id(a) for a, _ in agreed}
    taken_b = {id(b) for _, b in agreed}
    for a, b in pairs:
        if id(a) not in taken_a and id(b) not in taken_b:
            return ValueComparison("differ", a, b)
    return ValueComparison("agree", *agreed[0])


def values_agree(first: FrameValue, second: FrameValue) -> bool:
    """Two values of one measure that can both be right, with the measure's tolerance."""
    low_a, high_a = _range(first)
    low_b, high_b = _range(second)
    return low_a <= high_b and low_b <= high_a


def _range(value: FrameValue) -> tuple[float, float]:
    low = value.low if value.low is not None else value.amount
    high = value.high if value.high is not None else value.amount
    if low is None and high is None:
        return -float("inf"), float("inf")
    if value.low is not None and value.high is None and value.amount is None:
        high = float("inf")
    if value.high is not None and value.low is None and value.amount is None:
        low = -float("inf")
    assert low is not None and high is not None
    slack = _slack(value)
    return low - slack, high + slack


def _slack(value: FrameValue) -> float:
    size = abs(value.amount if value.amount is not None else (value.low or value.high or 0.0))
    if value.approximate:
        return APPROXIMATE_TOLERANCE * size
    if value.measure in CASUALTIES:
        return 0.0
    if value.measure in ACCOUNTS:
        return max(_rounding(value), ROUNDING_FLOOR * size)
    return NUMBER_TOLERANCE * size


def _rounding(value: FrameValue) -> float:
    """Half the last written digit's worth: "1.2 mln" is right to 50,000, "25 cts" to half a
    cent."""
    found = _DECIMALS_RE.search(value.text)
    if found is None or value.amount is None:
        return 0.0
    written = float(found[0].replace(",", ""))
    if written == 0:
        return 0.0
    step = 10.0 ** -len(found[1] or "")
    return abs(value.amount / written) * step / 2


def casualty_difference(first: Frame, second: Frame) -> tuple[FrameValue, FrameValue] | None:
    """One report counts dead where the other counts only injured ("killing two workers" /
    "one person had been injured"): they disagree on whether anyone died."""
    for one, other in ((first, second), (second, first)):
        deaths = [v for v in one.values if v.measure == "deaths" and (v.amount or v.low or 0) > 0]
        injured = [v for v in other.values if v.measure == "injuries"]
        other_deaths = [v for v in other.values if v.measure == "deaths"]
        if deaths and injured and not other_deaths:
            return (deaths[0], injured[0]) if one is first else (injured[0], deaths[0])
    return None


def same_event(first: Frame, second: Frame) -> str | None:
    """The event both frames report, by one name, when they name one."""
    events = [
        (frame.event or (predicate_root(frame.predicate) if frame.predicate else None))
        for frame in (first, second)
    ]
    if events[0] and events[0] == events[1]:
        return events[0]
    if first.event and second.event and first.event == second.event:
        return first.event
    return None


def acts_alike(first: Frame, second: Frame) -> bool:
    """The same predicate acting on compatible objects ("attacked the terminal" / "denied
    carrying out the attack"; not "won the Oscar" / "won the Bafta")."""
    if not same_predicate(first.predicate, second.predicate):
        return False
    if not first.object or not second.object:
        return True
    words_a = {predicate_root(word) for word in first.object.split()}
    words_b = {predicate_root(word) for word in second.object.split()}
    return bool(words_a & words_b)
