"""Milestones: the end, withdrawal or closure of one thing, which reports date in their own
words ("the final completion of the mission ... no later than September 2025" / "the
phased completion of the coalition's mission by 2026").

Two such claims share few words, so word overlap never compares them; the milestone (what
happens, to what) lets them meet, and `claims.match.timeline` then asks whether their
dates can both hold.
"""

from __future__ import annotations

import re

from claims.match.cues import word_root
from claims.match.frames.models import FrameSubject
from claims.text.normalize import word_set

_FORMS = {
    "end": "completion complete completed completes completing end ends ended ending"
    " conclusion conclude concluded concludes finish finished finishes",
    "withdrawal": "withdrawal withdraw withdraws withdrawing withdrawn withdrew pullout pull-out",
    "closure": "closure close closes closed closing shutdown",
}
MILESTONE_WORDS = {form: name for name, forms in _FORMS.items() for form in word_set(forms)}
"""Words of a milestone, by one name."""
TIME_NOUNS = word_set(
    "year years month months week weeks day days season seasons quarter quarters decade"
    " century term period era half time date deadline today tomorrow session trading"
    " business play game match day's year's week's month's spring summer autumn winter"
    " january february march april may june july august september october november december"
)
"""Nouns whose end is a date, not an event ("the end of the year")."""
_STOP = word_set(
    "by in on from at to is was are were will would which that who and or with within no"
    " before until after as for of scheduled planned expected due set this next"
)
_OF_RE = re.compile(
    r"(?i)\b(completion|end|conclusion|withdrawal|pull-?out|closure|shutdown)\s+of\s+"
    r"((?:[\w'’-]+\s+){0,4}?[\w'’-]+)(?=\s*(?:[,.;:()—–-]|$|\s+(?:"
    + "|".join(sorted(_STOP))
    + r")\b))"
)
"""A milestone noun and the noun phrase after "of", up to a preposition, verb or comma."""
_POSSESSIVE_RE = re.compile(r"['’]s?$")


def milestone_of(text: str, subject: FrameSubject | None, predicate: str | None) -> str | None:
    """The milestone a claim dates ("end of mission"): a milestone noun with what it ends
    ("the completion of the coalition's mission"), else a milestone verb with its subject
    ("the coalition's mission will end"); None for the end of a time ("the end of 2025",
    "the end of the year")."""
    for found in _OF_RE.finditer(text):
        head = _head(found.group(2))
        if head:
            return f"{MILESTONE_WORDS[found.group(1).lower().replace('-', '')]} of {head}"
    if predicate and predicate.lower() in MILESTONE_WORDS and subject is not None:
        head = _head(subject.text) if subject.kind == "thing" else subject.key
        if head:
            return f"{MILESTONE_WORDS[predicate.lower()]} of {head}"
    return None


def _head(phrase: str) -> str | None:
    """The last word of a noun phrase, without possessive or plural; None for a time or a
    number."""
    words = phrase.split()
    for index, word in enumerate(words):
        if word.lower() in _STOP:
            words = words[:index]
            break
    if not words or any(any(c.isdigit() for c in word) for word in words):
        return None
    head = _POSSESSIVE_RE.sub("", words[-1]).lower()
    if not head.isalpha() or head in TIME_NOUNS or len(head) < 3:
        return None
    return word_root(head)
