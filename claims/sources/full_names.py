"""The full name a document gives for a short mention: an acronym's body, a surname's person.

News names a body or a person in full once and briefly afterwards ("the Bank of England" ...
"the BoE said"; "George Smith" ... "Smith said"). A chain link holds the mention as the
sentence wrote it; resolved as written, the short form would become a source of its own, or
name the source the registry creates. `DocumentNames` reads the document once and answers
with the one full name the short form stands for: for an acronym, the capitalised name whose
initials it is; for a surname (titles such as "Mr" or "President" allowed before it), the
one person the document named in full with that surname before the mention. Two candidates
(two Smiths, two bodies with one acronym) give none.
"""

from __future__ import annotations

import re
from functools import cached_property

from claims.extract.attribution.source_parts import NAME_PARTICLES, TITLE_WORDS
from claims.extract.entities import find_document_entities, lowercase_words
from claims.extract.gazetteer import aliases
from claims.extract.models import Entity
from claims.extract.sentences import split_sentences
from claims.sources.acronyms import acronym_keys, as_acronym
from claims.sources.normalize import display_name, is_place_name
from claims.text.normalize import fold, norm_key, word_set

MAX_NAME_TOKENS = 10
"""Longest stretch of words an acronym's full name is looked for in."""
_JOINING = word_set("of for and & the de du")
"""Lower-case words inside a body's name, as the acronyms module reads them."""
_TOKEN_RE = re.compile(r"&|[^\W\d_][\w'’.-]*")
_HONORIFICS = word_set("mr mrs ms miss dr sir dame prof")


class DocumentNames:
    """One document's full names, found on demand (`full_name`)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._answers: dict[tuple[str, int | None], str | None] = {}

    def full_name(self, mention: str, position: int | None = None) -> str | None:
        """The full name `mention` shortens in this document, or None.

        `position`, the mention's offset, limits a surname to people named before it.
        """
        key = (mention, position)
        if key not in self._answers:
            self._answers[key] = self._find(mention, position)
        return self._answers[key]

    def _find(self, mention: str, position: int | None) -> str | None:
        name = display_name(mention)
        if not name or norm_key(name) in aliases():
            return None  # a name the gazetteer knows is whole already ("UN", "Reuters")
        acronym = as_acronym(name)
        if acronym is not None:
            return self._expand_acronym(acronym)
        surname = _surname(name)
        if surname is None:
            return None
        return self._expand_surname(surname, position)

    def _expand_acronym(self, acronym: str) -> str | None:
        found: dict[str, str] = {}
        for run in self._runs:
            for start in range(len(run)):
                if run[start].lower() in _JOINING:
                    continue
                for stop in range(start + 2, min(len(run), start + MAX_NAME_TOKENS) + 1):
                    if run[stop - 1].lower() in _JOINING:
                        continue
                    name = display_name(" ".join(run[start:stop]))
                    if acronym in acronym_keys(name):
                        found.setdefault(norm_key(name), name)
        return next(iter(found.values())) if len(found) == 1 else None

    def _expand_surname(self, surname: tuple[str, ...], position: int | None) -> str | None:
        folded = tuple(fold(word) for word in surname)
        found: dict[str, str] = {}
        for entity in self._people:
            if position is not None and entity.span.start >= position:
                continue
            words = tuple(fold(word) for word in display_name(entity.text).split())
            if len(words) > len(folded) and words[-len(folded) :] == folded:
                found.setdefault(norm_key(entity.text), display_name(entity.text))
        if len(found) != 1 or self._names_a_body(surname):
            return None
        return next(iter(found.values()))

    def _names_a_body(self, surname: tuple[str, ...]) -> bool:
        """The surname also opens a longer name of another kind ("Ford Motor" beside "Bill
        Ford"): the short form may be the body, so it is not expanded."""
        word = fold(surname[-1])
        for run in self._runs:
            for at, token in enumerate(run[:-1]):
                if fold(token) == word and run[at + 1][:1].isupper():
                    return True
        return False

    @cached_property
    def _runs(self) -> list[list[str]]:
        """Runs of capitalised words, with the joining words between them, one space apart."""
        runs: list[list[str]] = []
        current: list[str] = []
        last_end: int | None = None
        for match in _TOKEN_RE.finditer(self.text):
            token = match.group().rstrip(".")
            if last_end is None or self.text[last_end : match.start()] != " ":
                runs.append(current)
                current = []
            if token[:1].isupper() or (current and token.lower() in _JOINING):
                current.append(token)
            else:
                runs.append(current)
                current = []
            last_end = match.end()
        runs.append(current)
        return [run for run in runs if len(run) > 1]

    @cached_property
    def _people(self) -> list[Entity]:
        """People named with more than one word."""
        sentences = [(sentence.text, sentence.start) for sentence in split_sentences(self.text)]
        found = find_document_entities(sentences, lowercase_words(self.text))
        return [
            entity
            for entities in found
            for entity in entities
            if entity.kind == "person" and len(entity.text.split()) > 1
        ]


def _surname(name: str) -> tuple[str, ...] | None:
    """The surname a mention writes alone, after any titles ("Mr Smith", "President Chavez",
    "de Vries"), or None when it is not one capitalised word with its particles."""
    words = name.split()
    while len(words) > 1 and words[0].lower().strip(".") in TITLE_WORDS | _HONORIFICS:
        words = words[1:]
    *particles, last = words
    if any(word.lower() not in NAME_PARTICLES for word in particles):
        return None
    if not last[:1].isupper() or len(last) < 3 or last.isupper() or is_place_name(last):
        return None
    if norm_key(last) in aliases():
        return None
    return tuple(words)
