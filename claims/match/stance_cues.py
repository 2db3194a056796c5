"""Refutation near the claim: cues in the body sentences that best match a headline.

A body that refutes a claim says so where it restates it ("Christian Bale will not be Steve
Jobs after all", "the story ... is a hoax"), not anywhere in the text; and a headline that
calls a story a hoax disagrees with a body that simply tells it. These numbers look at the
few sentences most contained in the claim and their neighbours, and at the claim's own cues,
so that the stance model sees whether the two sides differ in polarity.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from claims.match import cues
from claims.text.normalize import word_set

_TOKEN_RE = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|n't")
_NEGATIONS = word_set("not no never nothing none nobody neither nor without cannot")
_REFUTING = cues.REFUTING_WORDS | word_set(
    "staged phony fictional rumor rumors rumour rumours unfounded untrue falsely hoaxer"
    " fiction joke fakes"
)
_DENYING = cues.DENIAL_WORDS | word_set("rejected rejects dismissed refused insisted insists")
_REFUTING_PHRASE_RE = re.compile(
    r"(?i)\b(?:not true|no truth|no evidence|turned out|in fact|actually|is false|was false"
    r"|are false|is fake|was fake|a hoax|never happened|did not happen|didn't happen|not real"
    r"|isn't real|wasn't real|not the case|made up|fake news|satirical|no such)\b"
)
_RETREAT_RE = re.compile(
    r"(?i)\b(?:after all|not plausible|implausible|not accurate|inaccurate|pass(?:ed)? on"
    r"|turn(?:ed|s)? down|backed out|walked away|exited|no longer|is not|was not|were not"
    r"|will not|won't|isn't|wasn't|weren't|not a|not an|widely disputed|questioned"
    r"|skeptic\w*|sceptic\w*|debunk\w*|retract\w*|correction|clarif\w*|update)\b"
)
"""Phrases of a story walked back, disputed or corrected ("will not be ... after all",
"passed on the part", "is being widely disputed", "UPDATE:"), which the refuting words miss."""
TOP = 3
"""Sentences most contained in the claim that count as restating it."""
ALIGNED = 0.2
"""Containment from which one of those sentences restates the claim at all."""


@dataclass(frozen=True, slots=True)
class SentenceCues:
    """Counts of one sentence's refuting words, denial verbs, negations, hedges, phrases."""

    refuting: int
    denying: int
    negations: int
    hedging: int
    phrases: int
    retreats: int
    quoted_denial: bool

    @classmethod
    def of(cls, text: str) -> SentenceCues:
        words = _TOKEN_RE.findall(text.lower().replace("\u2019", "'"))
        refuting = sum(1 for word in words if word in _REFUTING)
        denying = sum(1 for word in words if word in _DENYING)
        return cls(
            refuting=refuting,
            denying=denying,
            negations=sum(1 for word in words if word in _NEGATIONS or word.endswith("n't")),
            hedging=sum(1 for word in words if word in cues.HEDGING_WORDS),
            phrases=len(_REFUTING_PHRASE_RE.findall(text)),
            retreats=len(_RETREAT_RE.findall(text)),
            quoted_denial=bool(refuting or denying) and ('"' in text or "\u201c" in text),
        )


NAMES = (
    "top1_refuting",
    "top3_refuting",
    "top3_denying",
    "top3_negations",
    "top3_hedging",
    "top3_phrases",
    "window_refuting",
    "window_negations",
    "aligned_refuting",
    "aligned_negations",
    "aligned_denying",
    "aligned_phrases",
    "lead_phrases",
    "body_phrases",
    "claim_refuting_words",
    "claim_negations",
    "claim_hedging_words",
    "claim_phrases",
    "asserted_refuted",
    "refuted_asserted",
    "both_refute",
    "negation_mismatch",
    "related_top3_refuting",
    "related_aligned_refuting",
    "related_claim_refutes",
    "window_quoted_denials",
    "window_retreats",
    "lead_retreats",
    "aligned_window_retreats",
)
"""The numbers `alignment_features` returns, in order."""


def alignment_features(
    claim_text: str, sentences: Sequence[SentenceCues], containments: Sequence[float]
) -> list[float]:
    """Refutation cues of the sentences that restate the claim, and polarity mismatches."""
    claim = SentenceCues.of(claim_text)
    count = len(sentences)
    order = sorted(range(count), key=lambda i: -containments[i])
    top = [i for i in order[:TOP] if containments[i] >= ALIGNED]
    window = sorted({j for i in top for j in (i - 1, i, i + 1) if 0 <= j < count})
    weight = sum(containments) or 1.0

    def aligned(cue: str) -> float:
        total: float = sum(
            c * getattr(s, cue) for c, s in zip(containments, sentences, strict=True)
        )
        return total / weight

    def among(indices: Sequence[int], cue: str) -> float:
        return math.log1p(sum(getattr(sentences[i], cue) for i in indices))

    best = max(containments, default=0.0)
    top_refuting = math.log1p(sum(sentences[i].refuting + sentences[i].phrases for i in top))
    claim_refutes = 1.0 if claim.refuting + claim.phrases else 0.0
    near_refutes = (
        1.0
        if any(sentences[i].refuting + sentences[i].denying + sentences[i].phrases for i in window)
        else 0.0
    )
    top_negated = bool(top) and sentences[top[0]].negations > 0
    return [
        among(top[:1], "refuting"),
        top_refuting,
        among(top, "denying"),
        among(top, "negations"),
        among(top, "hedging"),
        among(top, "phrases"),
        among(window, "refuting"),
        among(window, "negations"),
        aligned("refuting"),
        aligned("negations"),
        aligned("denying"),
        aligned("phrases"),
        among(range(min(3, count)), "phrases"),
        among(range(count), "phrases"),
        float(claim.refuting),
        float(claim.negations),
        float(claim.hedging),
        float(claim.phrases),
        best * (1 - claim_refutes) * near_refutes,
        best * claim_refutes * (1 - near_refutes),
        best * claim_refutes * near_refutes,
        best * (1.0 if (claim.negations > 0) != top_negated else 0.0),
        best * top_refuting,
        best * aligned("refuting"),
        best * claim_refutes,
        math.log1p(sum(1 for i in window if sentences[i].quoted_denial)),
        among(window, "retreats"),
        among(range(min(3, count)), "retreats"),
        best * among(window, "retreats"),
    ]
