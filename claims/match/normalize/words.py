"""Content words of a claim: ASCII-folded, lower-cased, light-stemmed, stopwords removed.

Both blocking and scoring use these words, so "Withdraws", "withdraw" and "wіthdraw" (with a
Cyrillic "і") are one word, and "the", "said" or "has" never make two claims look alike.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims.extract.gazetteer import demonyms
from claims.text.normalize import ascii_fold, word_set

STOPWORDS = word_set(
    """a an the this that these those there here it its itself he him his she her hers they them
    their theirs we us our ours i me my mine you your yours who whom whose which what whatever
    when where why how whether if then than so such as at by for from in into of off on onto
    out over to up down with within without about above below under between among through
    during before after since until upon via per and or but nor yet also too very just only
    even still already again ever more most much many some any each every all both either
    neither other another own same few less least is are was were be been being am has have
    had having do does did doing done will would shall should can could may might must ought
    not no none never nothing said says say saying told tells tell according added adds reported
    reports report one two three mr mrs ms s t don doesn didn isn wasn aren weren won wouldn
    couldn shouldn hasn haven hadn can't cannot new now today yesterday week year years month
    time like well get got make made way back while because though although however against
    being towards toward onto around across along al el"""
)
"""Function words and words too common in news to say anything about what a claim asserts."""

CONTENT_WORDS_CACHE = 16_384
"""Texts whose content words are kept (claims and the clauses the rules cut from them), the
most recently used: 93 % of look-ups found on 1,000 BBC articles (94 % with no bound)."""

WORD_CACHE = 16_384
"""Words whose stem is kept: a news vocabulary's common words (1,250 BBC articles: 22,000
words, 93 % of look-ups found, 96 % with no bound); numbers and rare names beyond it are
stemmed again, which is cheap."""

STEM_CACHE = 1_024
"""Words whose `stem` alone is kept: it is reached through `_word`'s own cache, so it met no
word twice over 1,250 BBC articles; only direct callers find anything here."""

_TOKEN_RE = re.compile(r"[a-z]+[0-9]+[a-z0-9]*|[0-9]+[a-z]+[a-z0-9]*|[a-z]+|[0-9]+(?:[.,][0-9]+)*")
_CODE_RE = re.compile(r"\b([a-z]{1,4})-([0-9]{1,5}[a-z]{0,2})\b")
"""Letter-digit codes written with a hyphen (S-400, MI-35M, T-90) are kept as one word."""
_ELISION_RE = re.compile(r"['\u2019]s\b|['\u2019]")
_US_RE = re.compile(r"\b(?:U\.S\.(?:A\.)?|US(?:A)?(?![\w.])|United States(?: of America)?)")
"""The United States, written as a capitalised "US", which must not become the pronoun "us"."""
_NO_STEM = frozenset({"news", "series", "species", "politics", "economics", "physics", "always"})


@lru_cache(maxsize=STEM_CACHE)
def stem(word: str) -> str:
    """A crude English stem: plural and third-person "s" and "ies" endings removed."""
    if len(word) <= 3 or not word.isalpha() or word in _NO_STEM:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokens(text: str) -> list[str]:
    """All words and numbers of `text`, folded to lower-case ASCII, in order."""
    folded = _US_RE.sub("usa", ascii_fold(text)).lower()
    folded = _CODE_RE.sub(r"\1\2", _ELISION_RE.sub("", folded))
    return [match.replace(",", "") for match in _TOKEN_RE.findall(folded)]


def content_words(text: str) -> list[str]:
    """Stemmed words of `text` that carry meaning, in order, repeats kept.

    A one-word demonym becomes its country ("Iraqi" -> "iraq"), so that "Iraqi forces" and
    "forces in Iraq" share the word.
    """
    return list(_content_words(text))


@lru_cache(maxsize=CONTENT_WORDS_CACHE)
def _content_words(text: str) -> tuple[str, ...]:
    """`content_words`, cached: matching asks again for the same claims' words pair after pair."""
    return tuple(_word(word) for word in tokens(text) if word not in STOPWORDS and len(word) > 1)


@lru_cache(maxsize=WORD_CACHE)
def _word(word: str) -> str:
    country = demonyms().get(word)
    if country is not None and " " not in country:
        return country
    return stem(word)
