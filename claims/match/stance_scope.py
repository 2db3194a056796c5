"""Whose words a refutation touches: the report called false, the claim's own words negated.

A refuting word anywhere in a body says little: discussing bodies quote denials too. What a
disagreeing body does is call the story itself false ("an article saying McDonald's is
removing the Big Mac isn't real", "reports that ... have been refuted as unfounded") or
negate the very words the claim asserts ("ESPN is not having an 11 man domestic violence
panel"), while a discussing body hedges them ("reportedly", "allegedly", "if true"). These
numbers look for those patterns in the sentences that restate the claim and in the lead.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from claims.text.normalize import word_set

_TOKEN_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|n't")
_FALSITY_RE = re.compile(
    r"(?i)\b(?:is|was|are|were|be|been|being|'s|as|proved|proven|turned out to be|appears to be)"
    r"\s+(?:(?:a|an|just|all|completely|totally|entirely|actually|in fact|nothing but|simply)\s+)*"
    r"(?:false|fake|untrue|bogus|rubbish|nonsense|baseless|unfounded|incorrect|inaccurate"
    r"|fabricated|made up|a hoax|hoax|a fake|a joke|a prank|satire|satirical|not true|not real"
    r"|a myth|myth|a rumou?r|fiction|fictional|phony|false alarm|erroneous|misleading)\b"
)
"""A story called false: copula + falsity predicate ("is fake", "was a hoax", "isn't" is in
_NEGATED_COPULA_RE)."""
_NEGATED_COPULA_RE = re.compile(
    r"(?i)\b(?:isn't|wasn't|aren't|weren't|is not|was not|are not|were not)\s+(?:real|true"
    r"|genuine|authentic|legit|accurate)\b"
)
_REPORT_REFUTED_RE = re.compile(
    r"(?i)\b(?:reports?|rumou?rs?|claims?|stor(?:y|ies)|articles?|news|speculation|allegations?"
    r"|photos?|pictures?|images?|videos?|tweets?|posts?)\b[^.;:]{0,80}?\b(?:denied|refuted"
    r"|debunked|dismissed|rejected|false|fake|untrue|unfounded|baseless|incorrect|bogus|hoax"
    r"|rubbish|nonsense|fabricated|doctored|photoshopped|staged|satir\w*)\b"
    r"|\b(?:denied|refuted|debunked|dismissed|rejected|quashed|shot down)\b[^.;:]{0,40}?"
    r"\b(?:reports?|rumou?rs?|claims?|stor(?:y|ies)|speculation|allegations?)\b"
)
"""A report, rumour or picture called false or denied, in either order."""
_HEDGE_RE = re.compile(
    r"(?i)\b(?:reportedly|allegedly|purportedly|apparently|supposedly|unconfirmed|unverified"
    r"|if true|could not be (?:independently )?(?:verified|confirmed)|claims? to|is said to"
    r"|according to|appears? to|believed to|may have|might have|could have)\b"
)
"""Words of a body that tells a story without taking sides."""
_CONFIRM_RE = re.compile(
    r"(?i)\b(?:confirmed|confirms|it is true|is true|was true|is real|was real|genuine|verified"
    r"|authentic|officially)\b"
)
_NEGATORS = word_set("not no never nothing none nobody neither nor without cannot")
_DENIALS = word_set(
    "deny denied denies denying dismiss dismissed dismisses refute refuted refutes reject"
    " rejected rejects debunk debunked rebut rebutted contradict contradicted"
)
SCOPE = 4
"""Tokens after a negation or denial within which a claim's word counts as negated."""
TOP = 3
ALIGNED = 0.2


@dataclass(frozen=True, slots=True)
class Scope:
    """One sentence's tokens and pattern counts, computed once per document."""

    tokens: tuple[str, ...]
    falsity: int
    report_refuted: int
    hedges: int
    confirms: int

    @classmethod
    def of(cls, text: str) -> Scope:
        return cls(
            tokens=tuple(_TOKEN_RE.findall(text.lower().replace("\u2019", "'"))),
            falsity=len(_FALSITY_RE.findall(text)) + len(_NEGATED_COPULA_RE.findall(text)),
            report_refuted=len(_REPORT_REFUTED_RE.findall(text)),
            hedges=len(_HEDGE_RE.findall(text)),
            confirms=len(_CONFIRM_RE.findall(text)),
        )


def negated_claim_words(tokens: Sequence[str], claim_words: frozenset[str]) -> int:
    """Claim words that follow a negation or a denial verb within SCOPE tokens."""
    found = 0
    reach = -1
    for index, token in enumerate(tokens):
        if token in _NEGATORS or token.endswith("n't") or token in _DENIALS:
            reach = index + SCOPE
        elif index <= reach and token in claim_words:
            found += 1
    return found


NAMES = (
    "scope_top_falsity",
    "scope_window_falsity",
    "scope_lead_falsity",
    "scope_body_falsity",
    "scope_top_report_refuted",
    "scope_window_report_refuted",
    "scope_lead_report_refuted",
    "scope_top_negated_words",
    "scope_window_negated_words",
    "scope_lead_negated_words",
    "scope_window_hedges",
    "scope_lead_hedges",
    "scope_body_hedges",
    "scope_window_confirms",
    "scope_lead_confirms",
    "scope_refute_minus_hedge",
    "scope_claim_falsity",
    "scope_claim_hedges",
    "scope_best_falsity",
    "scope_best_negated",
)
"""The numbers `scope_features` returns, in order."""


def scope_features(
    claim_text: str, sentences: Sequence[Scope], containments: Sequence[float]
) -> list[float]:
    """Falsity, denial of reports, negated claim words and hedges where the claim is
    restated (top sentences and their neighbours), in the lead and in the body."""
    claim = Scope.of(claim_text)
    claim_words = frozenset(token for token in claim.tokens if len(token) > 3) - _NEGATORS
    count = len(sentences)
    order = sorted(range(count), key=lambda i: -containments[i])
    top = [i for i in order[:TOP] if containments[i] >= ALIGNED]
    window = sorted({j for i in top for j in (i - 1, i, i + 1) if 0 <= j < count})
    lead = range(min(3, count))
    best = max(containments, default=0.0)

    def among(indices: Sequence[int] | range, cue: str) -> float:
        return math.log1p(sum(getattr(sentences[i], cue) for i in indices))

    def negated(indices: Sequence[int] | range) -> float:
        return math.log1p(
            sum(negated_claim_words(sentences[i].tokens, claim_words) for i in indices)
        )

    refutes = among(window, "falsity") + among(window, "report_refuted") + negated(top)
    return [
        among(top, "falsity"),
        among(window, "falsity"),
        among(lead, "falsity"),
        among(range(count), "falsity"),
        among(top, "report_refuted"),
        among(window, "report_refuted"),
        among(lead, "report_refuted"),
        negated(top),
        negated(window),
        negated(lead),
        among(window, "hedges"),
        among(lead, "hedges"),
        among(range(count), "hedges") / math.log1p(count or 1),
        among(window, "confirms"),
        among(lead, "confirms"),
        refutes - among(window, "hedges"),
        float(claim.falsity + claim.report_refuted),
        float(claim.hedges),
        best * (among(window, "falsity") + among(window, "report_refuted")),
        best * negated(top),
    ]
