"""The full name a document gives for a short or cut mention, and the words it writes in lower case.

News names a body or a person in full once and briefly afterwards ("the Bank of England" ...
"the BoE said"; "George Smith" ... "Smith said"; "the European Commission" ... "the Commission
said"). A chain link holds the mention as the sentence wrote it; resolved as written, the
short form would become a source of its own, or name the source the registry creates.
`DocumentNames` reads the document once and answers with the one full name a mention stands
for:

- an acronym: the capitalised name whose initials it is, or that the text defines it as
  ("Brazilian Institute of Statistics (IBGE)");
- a surname, or a first name after "Sir" or "Dame", titles such as "Mr" allowed before it:
  the one person the document named in full with it before the mention (a first name alone
  is not expanded: a company's two words read as a person's, "Barclays Capital");
  a body's head word ("Commission", "Motors"): the one body named before with that last word;
- a cut name: words the document only ever writes inside one longer name ("Global" of
  "Global Reporting Initiative");
- a possessive ("Villalba's") the document also writes bare: the bare name.

Two candidates (two Smiths, two bodies with one acronym) give none. `ordinary_word` says
whether a one-word mention is a word the document writes in lower case ("Optimism",
"Lawyers"), which is no name.
"""

from __future__ import annotations

import re
from functools import cached_property

from claims.extract.attribution.source_parts import BODY_WORDS, NAME_PARTICLES, TITLE_WORDS
from claims.extract.entities import (
    find_document_entities,
    known_name,
    lowercase_words,
    singulars,
)
from claims.extract.gazetteer import aliases
from claims.extract.models import Entity
from claims.extract.sentences import split_sentences
from claims.sources.acronyms import acronym_keys, as_acronym
from claims.sources.normalize import display_name, is_place_name
from claims.sources.person_evidence import person_evidence
from claims.text.normalize import fold, norm_key, word_set

MAX_NAME_TOKENS = 10
"""Longest stretch of words an acronym's full name is looked for in."""
_JOINING = word_set("of for and & the de du")
"""Lower-case words inside a body's name, as the acronyms module reads them."""
_TOKEN_RE = re.compile(r"&|[^\W\d_][\w'’.-]*")
_HONORIFICS = word_set("mr mrs ms miss dr sir dame prof")
_FIRST_NAME_TITLES = word_set("sir dame")
"""Titles before a first name ("Sir Richard"); other titles go before a surname."""
_DEFINED_RE = re.compile(
    r"([A-Z][\w'’&.-]*(?:\s+(?:of|for|and|the|de|do|da|del|des|du|la|y|e|&|[A-Z][\w'’&.-]*))+)"
    r"\s+\(([A-Z][A-Za-z&]{1,7})\)"
)
"""A name, then the acronym it defines in parentheses (joining words of several languages)."""
_POSSESSIVE_RE = re.compile(r"^(?P<bare>.*\S)['’]s$")


class DocumentNames:
    """One document's full names, found on demand (`full_name`)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._answers: dict[tuple[str, int | None], str | None] = {}

    def full_name(self, mention: str, position: int | None = None) -> str | None:
        """The full name `mention` shortens in this document, or None.

        `position`, the mention's offset, limits a surname or a head word to names given
        before it.
        """
        key = (mention, position)
        if key not in self._answers:
            self._answers[key] = self._find(mention, position)
        return self._answers[key]

    def ordinary_word(self, mention: str) -> bool:
        """A one-word mention the document also writes in lower case, or whose singular it
        does ("Optimism", "Lawyers" beside "lawyer"), or a plural for people it capitalises
        only where a sentence opens ("Prosecutors said"): an ordinary word, not a name."""
        name = display_name(mention)
        if " " in name or not name[:1].isupper() or as_acronym(name) is not None:
            return False
        word = name.lower()
        if known_name(word) or self._capitalised_inside(name):
            return False
        if word in self._lowercase or any(form in self._lowercase for form in singulars(word)):
            return True
        return people_plural(word)

    def _capitalised_inside(self, word: str) -> bool:
        """Whether the text capitalises the word inside a sentence too ("a dispute with
        Orange"), where only a name is capitalised."""
        pattern = rf"[a-z,;][^\S\n]+{re.escape(word)}(?![\w'’-])"  # not after a headline
        return re.search(pattern, self.text) is not None

    def _find(self, mention: str, position: int | None) -> str | None:
        name = display_name(mention)
        if not name or norm_key(name) in aliases():
            return None  # a name the gazetteer knows is whole already ("UN", "Reuters")
        bare = self._bare(name)
        acronym = as_acronym(bare or name)
        if acronym is not None:
            return self._defined.get(acronym) or self._expand_acronym(acronym)
        found = self._cut(bare or name)
        if found is None:
            words = _short_name(bare or name)
            ahead = norm_key(mention).split()[:1] != ["the"]  # "the Mail" is no surname
            found = self._expand_word(words, position, ahead=ahead) if words else None
            if found is None and words is not None and len(words) == 1:
                found = self._expand_first_name(words[0], position, ahead=ahead)
        return found or bare

    def _bare(self, name: str) -> str | None:
        """A possessive name ("Villalba's") the document also writes without the "'s"."""
        found = _POSSESSIVE_RE.match(name)
        if found is None:
            return None
        bare = found.group("bare")
        pattern = re.compile(rf"(?<![\w'’-]){re.escape(bare)}(?![\w'’-])")
        return bare if pattern.search(self.text) else None

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

    def _cut(self, name: str) -> str | None:
        """The one longer name every occurrence of `name` in the document is part of."""
        pattern = re.compile(rf"(?<![\w'’-]){re.escape(name)}(?![\w’-]|'(?!s\b))")
        occurrences = [match.start() for match in pattern.finditer(self.text)]
        if not occurrences:
            return None
        longer: set[str] = set()
        for at in occurrences:
            entity = next(
                (e for e in self._entities if e.span.start <= at < e.span.end),
                None,
            )
            if entity is None or norm_key(entity.text) == norm_key(name):
                return None
            if norm_key(name) not in norm_key(entity.text):
                return None  # the entity holds the words only partly ("Mr" stripped)
            if re.search(rf"['’]s\s+{re.escape(name)}", entity.text):
                return None  # "Belgium's Inbev": the name itself, after its owner
            longer.add(_clean(entity.text, person=entity.kind == "person"))
        return longer.pop() if len(longer) == 1 else None

    def _expand_word(
        self, words: tuple[str, ...], position: int | None, *, ahead: bool = True
    ) -> str | None:
        """The one person whose surname (or, after "Sir", first name) these words are, or
        the one body whose last word this body word is, named before `position`; when the
        document names nobody with them before, the one person it names in full after
        ("Greenspan said ..." then "Alan Greenspan, the Fed chairman"), unless `ahead` is
        false (a mention written after "the" may be a body's: "The Mail")."""
        found = self._named_with(words, position, before=True)
        if not found and position is not None and ahead:
            found = self._named_with(words, position, before=False)
        if len(found) != 1:
            return None
        full = next(iter(found.values()))
        return None if self._opens_another_name(words[-1], full) else full

    def _named_with(
        self, words: tuple[str, ...], position: int | None, *, before: bool
    ) -> dict[str, str]:
        """The full names, keyed, of the people (and, `before` the mention, the bodies)
        these words shorten."""
        titled_first = words[0].lower() in _FIRST_NAME_TITLES
        words = tuple(w for w in words if w.lower() not in TITLE_WORDS | _HONORIFICS) or words
        folded = tuple(fold(word) for word in words)
        body_word = before and len(words) == 1 and words[0].lower() in BODY_WORDS | _BODY_HEADS
        found: dict[str, str] = {}
        for entity in self._entities:
            if position is not None and (entity.span.start >= position) == before:
                continue
            name = _clean(entity.text, person=entity.kind == "person")
            names = tuple(fold(word) for word in name.split())
            if len(names) <= len(folded):
                continue
            if entity.kind == "person":
                last = names[-len(folded) :] == folded and not titled_first
                first = titled_first and len(folded) == 1 and names[0] == folded[0]
                if last or first:
                    found.setdefault(norm_key(name), name)
            elif entity.kind == "organization" and body_word and names[-1] == folded[0]:
                found.setdefault(norm_key(name), name)
        return found

    def _expand_first_name(self, word: str, position: int | None, *, ahead: bool) -> str | None:
        """The one person named in full with this first name ("Anil" for "Anil Ambani"),
        before the mention or else after it, whom the text shows to be a person
        (`person_evidence`); never a word the gazetteer knows or that opens another name."""
        if known_name(word.lower()):
            return None
        folded = fold(word)
        found: dict[str, str] = {}
        for before in (True, False) if ahead and position is not None else (True,):
            for entity in self._entities:
                if position is not None and (entity.span.start >= position) == before:
                    continue
                name = _clean(entity.text)
                names = name.split()
                if entity.kind == "person" and 2 <= len(names) <= 3 and fold(names[0]) == folded:
                    found.setdefault(norm_key(name), name)
            if found:
                break
        if len(found) != 1:
            return None
        full = next(iter(found.values()))
        if self._opens_another_name(word, full) or not person_evidence(self.text, full):
            return None
        return full

    def _opens_another_name(self, word: str, full: str) -> bool:
        """The word also opens a longer name than `full` ("Ford Motor" beside "Bill Ford"):
        the short form may name that, so it is not expanded."""
        folded, whole = fold(word), fold(full)
        for run in self._runs:
            for at, token in enumerate(run[:-1]):
                if (
                    fold(token) == folded
                    and run[at + 1][:1].isupper()
                    and whole not in fold(" ".join(run))
                ):
                    return True
        return False

    @cached_property
    def _lowercase(self) -> frozenset[str]:
        return lowercase_words(self.text)

    @cached_property
    def _defined(self) -> dict[str, str]:
        """Acronyms the text defines in parentheses after a name: the shortest end of the
        name whose initials they are ("... the Council of Mortgage Lenders (CML)"), else, for
        an acronym of another language ("Brazilian Institute for Geography and Statistics
        (IBGE)"), a name of as many capitalised words as the acronym has letters."""
        found: dict[str, set[str]] = {}
        for match in _DEFINED_RE.finditer(self.text):
            name = _defined_name(match.group(1).split(), match.group(2))
            if name is not None:
                found.setdefault(match.group(2), set()).add(name)
        return {acronym: names.pop() for acronym, names in found.items() if len(names) == 1}

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
            elif self.text[last_end - 1] == "." and _ends_sentence(self.text, last_end):
                runs.append(current)  # "... in the US. The Council": two runs
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
    def _entities(self) -> list[Entity]:
        """The document's named people and bodies, sentence by sentence."""
        sentences = [(sentence.text, sentence.start) for sentence in split_sentences(self.text)]
        found = find_document_entities(sentences, self._lowercase)
        return [
            entity
            for entities in found
            for entity in entities
            if entity.kind in ("person", "organization")
        ]


_PEOPLE_PLURAL_RE = re.compile(r"[a-z]{3}(?:ers|ors|ists|ians|ants|ents)$")
"""Plurals of nouns for what people do ("Prosecutors", "Organisers", "Campaigners")."""
_PEOPLE_PLURALS = word_set(
    "judges police bishops clergy colleagues troops staff fans families relatives pupils"
    " scientists doctors nurses officers chiefs bosses firms unions authorities"
)
"""People and groups whose plural has no such ending ("Judges", "Colleagues")."""


def people_plural(word: str) -> bool:
    """A plural noun for people or groups ("judges", "prosecutors"): what a sentence opens
    with when a group speaks, capitalised only there."""
    return word in _PEOPLE_PLURALS or _PEOPLE_PLURAL_RE.search(word) is not None


_BODY_HEADS = word_set("motors airways airlines group bank")
"""Last words of companies' names that a text writes alone for the company."""


_OWNER_RE = re.compile(r"^[^\s'’]+(?:\s[^\s'’]+)?['’]s\s+(?=\S)")
_ADJECTIVE_RE = re.compile(r"^[A-Z][\w]*-[a-z][\w-]*\s+(?=\S)")
_EXTRA_TITLES = word_set("crown")


def _clean(name: str, *, person: bool = True) -> str:
    """A full name without what the text put before it: a place owning it ("Denmark's"),
    a hyphenated adjective ("Tunisian-born"), a person's titles ("Crown Prince")."""
    name = display_name(name)
    owner = _OWNER_RE.match(name)
    if owner is not None and is_place_name(owner.group().strip()[:-2]):
        name = name[owner.end() :]
    name = _ADJECTIVE_RE.sub("", name)
    words = name.split()
    while (
        person and len(words) > 1 and words[0].lower() in TITLE_WORDS | _HONORIFICS | _EXTRA_TITLES
    ):
        words = words[1:]
    return " ".join(words)


def _ends_sentence(text: str, end: int) -> bool:
    """Whether the word ending at `end` with a full stop ends a sentence: not an initial
    ("George W. Bush") or a dotted abbreviation ("U.S.") alone."""
    word = text[:end].rsplit(None, 1)[-1].rstrip(".")
    return len(word) > 1 and "." not in word


def _defined_name(words: list[str], acronym: str) -> str | None:
    """The name an acronym in parentheses after `words` defines (see `_defined`)."""
    for start in range(len(words) - 1, -1, -1):
        if words[start][:1].isupper() and words[start].lower() not in _JOINING:
            name = display_name(" ".join(words[start:]))
            if acronym in acronym_keys(name):
                return name
    if any(word.endswith(".") for word in words[:-1]):
        return None  # the name runs over a full stop
    name = display_name(" ".join(words))
    capitals = [word for word in name.split() if word[:1].isupper()]
    return name if len(capitals) >= len(acronym) else None


def _short_name(name: str) -> tuple[str, ...] | None:
    """The words of a one-word name after any titles ("Mr Smith", "Sir Richard", "de
    Vries"), or None when it is not one capitalised word with its particles."""
    words = name.split()
    titles = 0
    while titles < len(words) - 1 and words[titles].lower().strip(".") in TITLE_WORDS | _HONORIFICS:
        titles += 1
    *particles, last = words[titles:]
    if any(word.lower() not in NAME_PARTICLES for word in particles):
        return None
    if not last[:1].isupper() or len(last) < 3 or last.isupper() or is_place_name(last):
        return None
    if norm_key(last) in aliases():
        return None
    return tuple(words)
