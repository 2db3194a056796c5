"""Whether a document writes a two- or three-word name as a person's, not a body's.

Entity kinds read any few capitalised words as a person ("Barclays Capital", "Financial
Mail"). Before a first name alone is taken for the person a document names in full ("Anil"
for "Anil Ambani"), the full name must show something only people have in news: a title or
honorific before the name or its surname ("Sir Elton John", "Mr Ambani"), a lower-case role
noun right before it ("rock star Ozzy Osbourne") or in apposition after it ("Anil Ambani,
vice-chairman"), an age after it, or the surname alone as the subject of a speech verb
("Osbourne said"). A company's descriptions ("drinks group Pernod Ricard", "Asahi
Breweries, the brewer") are no evidence, and no surname is a place ("Yukos USA").
"""

from __future__ import annotations

import re

from claims.extract.attribution.source_parts import TITLE_WORDS
from claims.sources.normalize import PERSON_TITLES, is_place_name
from claims.text.normalize import word_set

_HONORIFICS = (
    r"Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Prince|Princess|King|Queen|President|Senator"
    r"|Judge|Professor|Prof|Rev|Bishop|Father|Sister|Chancellor|Minister"
)
_SPEECH = r"said|says|told|added|argued|explained|insisted|warned|admitted|claimed"
_PERSON_NOUNS = (
    TITLE_WORDS
    | PERSON_TITLES
    | word_set(
        "star singer actor actress rapper musician guitarist drummer writer author novelist"
        " poet comedian presenter broadcaster footballer player striker boss founder"
        " entrepreneur tycoon billionaire businessman businesswoman boyfriend girlfriend"
        " brother sister wife husband son daughter father mother uncle aunt widow"
        " vice-chairman vice-president co-founder spokesman spokeswoman economist"
    )
)
"""Words that say what a person is or does ("rock star", "chief executive", "his wife")."""
_APPOSITION_RE = re.compile(r",\s+((?:[a-z][\w'’-]*\s+){0,3}[a-z][\w'’-]*)")
"""The first lower-case words after a name and a comma ("..., the harbour chairman")."""
_LISTING = word_set("its their and or which that who whose where when while as")
"""Words that open no apposition about the name: "Vivendi Universal, its boss and ..."."""


def person_evidence(text: str, full: str) -> bool:
    """Whether `text` writes `full` (a name of two or three words) as a person's."""
    words = full.split()
    if not 2 <= len(words) <= 3 or is_place_name(words[-1]):
        return False  # "Yukos USA": no surname is a place
    first, last = re.escape(words[0]), re.escape(words[-1])
    whole = re.escape(full)
    titled = rf"\b(?:{_HONORIFICS})\.?\s+(?:{first}\s+)?{last}(?![\w'’-])"
    if re.search(titled, text):
        return True
    if re.search(rf"(?<![\w'’-]){last}\s+(?:{_SPEECH})\b", text):
        return True
    for match in re.finditer(rf"(?<![\w'’-]){whole}(?![\w'’-])", text):
        before = re.search(r"([a-z][\w-]*)\s+$", text[max(0, match.start() - 30) : match.start()])
        if before is not None and before.group(1) in _PERSON_NOUNS:
            return True
        after = _APPOSITION_RE.match(text, match.end())
        words = after.group(1).split() if after is not None else []
        if words and words[0] not in _LISTING and set(words) & _PERSON_NOUNS:
            return True
        if re.match(r",\s+\d{1,2},", text[match.end() :]):
            return True  # "Anil Ambani, 45,": an age
    return False
