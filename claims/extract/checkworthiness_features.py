"""Word features of the check-worthiness model: normalised unigrams and bigrams.

Digits become `<num>` and years `<year>` so the model learns "a figure is given" rather than
particular figures. The trainer and the scorer share this one function, so they cannot drift.
"""

from __future__ import annotations

import itertools
import re
from typing import Final

_TOKEN = re.compile(
    r"(?P<year>(?<![\w.,])(?:1[89]\d\d|20\d\d)(?:'?s)?(?!\w|[.,]\d))"
    r"|(?P<num>\d+(?:[.,]\d+)*)"
    r"|(?P<word>[^\W\d_]+(?:'[^\W\d_]+)*)"
    r"|(?P<sign>[?%$€£])"
)
_SIGNS: Final = {"?": "?", "%": "percent", "$": "dollars", "€": "euros", "£": "pounds"}
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens with numbers, years and signs replaced by placeholders."""
    found: list[str] = []
    for match in _TOKEN.finditer(text.translate(_APOSTROPHES).lower()):
        kind = match.lastgroup
        if kind == "year":
            found.append("<year>")
        elif kind == "num":
            found.append("<num>")
        elif kind == "word":
            found.append(match.group())
        else:
            found.append(_SIGNS[match.group()])
    return found


def lexical_features(text: str) -> set[str]:
    """The distinct unigrams and bigrams ("a b") of `text`."""
    words = tokens(text)
    features = set(words)
    features.update(f"{first} {second}" for first, second in itertools.pairwise(words))
    return features
