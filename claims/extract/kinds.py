"""Decide which sentence units are claims, what kind each is, and whether it is negated.

Rules, not a model, so that every decision can be explained in docs/extraction.md. Which
units are claims at all is `claims.extract.claim_filter` (re-exported here). A claim's kind is
the first that fits, in this order: question, quotation, opinion, prediction, statistic,
event, factual.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claims.extract.claim_filter import is_claim as is_claim
from claims.extract.models import ClaimKind, DateValue, Quantity

_CLOSING = "\"'”’»›)]"
_QUOTE_PAIRS = {"“": "”", "«": "»", '"': '"', "„": "“", "‘": "’", "‹": "›", "「": "」"}
_OPENING_QUOTES = '"“«„‘‹「'
_DIALOGUE_DASHES = "\u2014\u2013"

_OPINION_RE = re.compile(
    r"(?i)\b(?:may|might|could|likely|unlikely|probably|possibly|perhaps|seems?|seemed"
    r"|appears?|apparently|arguably|should|ought|must|is seen as|are seen as|was seen as"
    r"|considered|important|significant|crucial|vital|essential|paramount|undoubtedly"
    r"|clearly|believes?|believed|thinks?|suggests?|potentially|in (?:my|our) (?:view|opinion)"
    r"|it is (?:possible|clear|obvious)|remains? (?:unclear|uncertain)|uncertain"
    r"|(?:i|we)(?:['’]m| am| are)? (?:think|believe|hope|doubt|want|need|feel|guess|suppose"
    r"|wish|know|going to|agree|disagree)|(?:have|has|need|needs) to|let(?: me|['’]s| us))\b"
)
_PREDICTION_RE = re.compile(
    r"(?i)\b(?:will|shall|won['’]t|going to|plans? to|planned|planning|(?:is|are) set to"
    r"|set to (?:be|meet|visit|become|begin|start|leave|hold|sign)|expected to|expects? to"
    r"|scheduled|to be held|intends? to|aims? to|forecasts?|forecasted|projected|predicts?"
    r"|upcoming|(?:is|are) to be|would|next (?:year|month|week))\b|['’]ll\b"
)
_PAST_RE = re.compile(
    r"(?i)\b(?:\w{3,}ed|was|were|had|did|met|left|took|went|came|said|told|held|began|saw"
    r"|won|lost|made|fell|rose|became|got|gave|sent|killed|struck|hit|signed|announced"
    r"|visited|arrived|withdrew|launched|elected|died|ended|spent|sold|bought|paid|led)\b"
)
_EVENT_TIME_RE = re.compile(
    r"(?i)\b(?:yesterday|last (?:week|month|year|night)|earlier this (?:week|month|year)"
    r"|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b"
)
_NEGATION_RE = re.compile(
    r"(?i)\b(?:not|never|no longer|nobody|no one|nothing|none|neither|nor|cannot|denied"
    r"|denies|deny|denying|refuted|refutes|refute|no(?=\s+[a-z]))\b|n['’]t\b"
)
_NOT_NEGATION_RE = re.compile(
    r"(?i)\b(?:not only|not just|not merely|not least|no later than|no earlier than"
    r"|no more than|no fewer than|no less than|no doubt|nothing but|whether or not"
    r"|not to mention|not later than|not earlier than)\b"
)
_MONEY_OR_SHARE = frozenset(
    {
        "percent",
        "percentage point",
        "USD",
        "GBP",
        "EUR",
        "RUB",
        "JPY",
        "CNY",
        "INR",
        "CAD",
        "AUD",
        "IQD",
    }
)


def claim_kind(
    text: str,
    quantities: Sequence[Quantity] = (),
    dates: Sequence[DateValue] = (),
    published: str | None = None,
) -> ClaimKind:
    """The kind of assertion a claim makes (first rule that fits, see module docstring)."""
    if text.rstrip().rstrip(_CLOSING).endswith(("?", "\uff1f")):
        return ClaimKind.QUESTION
    if is_quotation(text):
        return ClaimKind.QUOTATION
    if _OPINION_RE.search(text):
        return ClaimKind.OPINION
    if _PREDICTION_RE.search(text) or _future_date(dates, published):
        return ClaimKind.PREDICTION
    if _is_statistic(quantities):
        return ClaimKind.STATISTIC
    if (dates or _EVENT_TIME_RE.search(text)) and _PAST_RE.search(text):
        return ClaimKind.EVENT
    return ClaimKind.FACTUAL


def is_quotation(text: str) -> bool:
    """A direct quote: opens with a quote mark or dialogue dash, or quotes most of the text."""
    head = text.lstrip()
    if not head:
        return False
    if head[0] in _DIALOGUE_DASHES:
        return True
    quoted = _quoted_chars(text)
    if head[0] in _OPENING_QUOTES and quoted >= 12:
        return True
    return quoted * 2 >= len(text) and quoted >= 24


def _quoted_chars(text: str) -> int:
    """Characters inside paired quote marks (linear scan, no nesting)."""
    total = 0
    position = 0
    while True:
        opening = _find_any(text, _OPENING_QUOTES, position)
        if opening < 0:
            return total
        closer = _QUOTE_PAIRS[text[opening]]
        closing = text.find(closer, opening + 1)
        if closing < 0:
            return total
        total += closing - opening - 1
        position = closing + 1


def _find_any(text: str, chars: str, start: int) -> int:
    positions = [text.find(ch, start) for ch in chars]
    found = [p for p in positions if p >= 0]
    return min(found) if found else -1


def _is_statistic(quantities: Sequence[Quantity]) -> bool:
    for quantity in quantities:
        if quantity.unit in _MONEY_OR_SHARE or quantity.value is None:
            return True
        if any(ch.isdigit() for ch in quantity.text) and quantity.value >= 2:
            return True
    return False


def _future_date(dates: Sequence[DateValue], published: str | None) -> bool:
    """A date that starts after publication, or a deadline ("by 2026") that ends after it."""
    if not published:
        return False
    day = published[:10]
    return any((value.earliest or value.latest or "") > day for value in dates)


def is_negated(text: str) -> bool:
    """True when the claim denies or negates its assertion ("denied", "did not", "no longer")."""
    cues = [match.span() for match in _NEGATION_RE.finditer(text)]
    if not cues:
        return False
    excluded = [match.span() for match in _NOT_NEGATION_RE.finditer(text)]
    return any(not any(s <= cue[0] < e for s, e in excluded) for cue in cues)
