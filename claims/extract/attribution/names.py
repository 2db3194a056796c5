"""Names a sentence writes: capitalised runs that are people or bodies, with their roles.

Pure and sentence-level; `coreference.py` looks back over them. A run after "of", "in",
"at" ... is a place or a body, a run before `base` or `city` is a place, title words are
cut off a person's name, and a company word (`plc`, `Motors`, `Foods`) or a following
"its" (`Brent Foods cut its forecast`) makes the run a body.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from claims.extract.attribution.source_parts import BODY_WORDS, NAME_PARTICLES, TITLE_WORDS
from claims.extract.attribution.tokens import (
    PREPOSITIONS,
    TIME_LEADS,
    TIME_WORDS,
    Token,
    words,
)
from claims.extract.gazetteer import aliases
from claims.extract.models import ChainLink, Role, Span
from claims.text.normalize import norm_key

COMPANY_SUFFIXES = words(
    "plc inc ltd llc corp co sa ag nv gmbh holdings motors airlines airways foods energy "
    "petroleum industries enterprises partners capital securities telecom pharmaceuticals "
    "technologies systems brewery brewers"
)
"""Last words of a company's name (`Brent Foods`, `Continental Airlines`)."""
_ORGANISATION_WORDS = (
    BODY_WORDS
    | words(
        "campaign center centre sources media news newspaper channel tv radio press court police "
        "army forces kremlin parliament senate congress network website magazine times post poll "
        "survey study report"
    )
    | COMPANY_SUFFIXES
)
"""Words that make a name a body's."""
_DETERMINERS = words("the this that")
_PLACE_NOUNS = words(
    "base province region city town district county village airport port river sea island "
    "mountains valley street square border camp prison field oilfield oilfields refinery "
    "terminal plant bridge station state"
)
"""Words after a name that make it a place (`Ain al-Asad base`), not a person."""
_MAX_APPOSITION = 8
_POSSESSIVES = ("’s", "'s")


class Mention(NamedTuple):
    """A named person or body the text has written."""

    start: int
    end: int
    name: str
    person: bool
    keys: frozenset[str]
    """Lower-cased words of the name and of the role the text gives it."""
    link: ChainLink | None = None
    """The chain link of a named speaker (with its role); None for a name in the text."""

    def as_link(self) -> ChainLink:
        """The link a source that points back here copies."""
        if self.link is not None:
            return self.link
        span = Span(start=self.start, end=self.end)
        return ChainLink(role=Role.SPEAKER, mention=self.name, mention_span=span)


def looks_like_person(link: ChainLink) -> bool:
    """A personal name: a few capitalised words (name particles allowed), no organisation
    word, not a known place or body."""
    return _person_name(link.mention.split())


def personal_name(parts: Sequence[str]) -> bool:
    """The words `parts` make a personal name (see `looks_like_person`)."""
    return _person_name(parts)


def _person_name(parts: Sequence[str]) -> bool:
    if not 1 <= len(parts) <= 5:
        return False
    if not all(name_word(w) for w in parts) or not any(w[:1].isupper() for w in parts):
        return False
    if any(w.lower().strip(".,") in _NOT_PERSONS for w in parts):
        return False
    if len(parts) == 1 and common_noun(parts[0].lower().strip(".,")):
        return False  # `Carriers said`, `Shipping has`: a capitalised noun, not a surname
    if any(w.lower().endswith(_POSSESSIVES) for w in parts[:-1]):
        return False  # `London's Docklands`
    if len(parts) > 1 and parts[-1].isupper() and parts[-1].isalpha():
        return False  # `Big US`: a country's or a body's initials, not a surname
    if len(parts) > 1 and parts[0].lower() in _COMPASS_WORDS:
        return False  # `North America`, `Latin America`: a region
    if len(parts) > 1 and parts[0].lower() in TIME_LEADS | TIME_WORDS:
        return False  # `Last October`: a time
    return not _known_place_or_body(" ".join(parts))


_COMPASS_WORDS = words(
    "north south east west northern southern eastern western central latin middle"
)


@lru_cache(maxsize=4096)
def _known_place_or_body(name: str) -> bool:
    return norm_key(name) in aliases()


def name_word(word: str) -> bool:
    lower = word.lower()
    return word[:1].isupper() or lower in NAME_PARTICLES or lower.startswith(("al-", "el-"))


def name_keys(*texts: str | None) -> frozenset[str]:
    return frozenset(w.strip(".,’'").lower() for t in texts if t for w in t.split())


DOCUMENT_NOUNS = words(
    "act acts law laws bill bills treaty treaties resolution resolutions section sections "
    "amendment amendments directive directives regulation regulations statute statutes "
    "constitution decree decrees protocol protocols code"
)
"""Head nouns of a law or a document: a text that is cited, never a speaker (`the Sox Act`,
`Section 404`, `Resolution 1441`)."""


def document_name(parts: list[str]) -> bool:
    """`Sarbanes-Oxley Act`, `Section 404 of the Sox Act`, `Treaty of Rome`: a document's name,
    by its head noun (last word, or first word before "of" or a number)."""
    lowered = [p.lower().strip(".,") for p in parts if p.strip(".,")]
    if not lowered:
        return False
    if lowered[-1] in DOCUMENT_NOUNS:
        return True
    return (
        lowered[0] in DOCUMENT_NOUNS
        and len(lowered) > 1
        and (lowered[1] == "of" or lowered[1][:1].isdigit())
    )


def names_in(tokens: list[Token]) -> list[Mention]:
    """The names a sentence writes: runs of capitalised words, split off their titles."""
    found: list[Mention] = []
    for at, stop in name_runs(tokens):
        mention = _run_mention(tokens, at, stop)
        if mention is not None:
            found.append(mention)
    return found


def name_runs(tokens: list[Token]) -> list[tuple[int, int]]:
    """Token ranges of the runs of capitalised words a sentence writes."""
    runs: list[tuple[int, int]] = []
    at = 0
    while at < len(tokens):
        if not tokens[at].text[:1].isupper():
            at += 1
            continue
        stop = _run_end(tokens, at)
        if stop == at:
            at += 1
            continue
        runs.append((at, stop))
        at = stop
    return runs


def _run_end(tokens: list[Token], at: int) -> int:
    """End of a run of name words starting at `at` (particles and `of` only inside)."""
    if tokens[at].quoted or not tokens[at].text[:1].isupper():
        return at
    stop = at + 1
    while stop < len(tokens) and not tokens[stop].quoted:
        text = tokens[stop].text
        name_word = text[:1].isupper() or text.lower().startswith(("al-", "el-"))
        if not (name_word or _joins_name(tokens, at, stop)):
            break
        stop += 1
    return stop


def _joins_name(tokens: list[Token], at: int, k: int) -> bool:
    """A lower-case word inside a name, before a capitalised one: a particle or "of", also
    "for" and "and" in a body's name (`Organisation for Economic Co-operation and
    Development`)."""
    if k + 1 >= len(tokens) or not tokens[k + 1].text[:1].isupper():
        return False
    lower = tokens[k].lower
    if lower in NAME_PARTICLES or lower == "of":
        return True
    body = any(t.lower in _ORGANISATION_WORDS for t in tokens[at:k])
    return body and lower in ("for", "and")


_EVENT_WORDS = words(
    "cup league championship championships games olympics open tournament trophy prix series "
    "festival awards award summit conference slam"
)
"""Words that make a run an event's name (`World Cup`), not a person's."""

_NOT_PERSONS = _ORGANISATION_WORDS | _EVENT_WORDS | words("street road avenue")

_TRADE_NOUNS = words(
    "airline carrier lender insurer retailer manufacturer carmaker automaker producer "
    "exporter importer supplier firm business operator investor shareholder trader employer "
    "shipping banking mining farming aviation insurance retail industry manufacturing tourism "
    "agriculture oil gas steel telecoms finance construction"
)
"""Industries and the bodies of a trade: capitalised alone they are no person's name."""
_GROUP_NOUNS = words(
    "analyst official expert critic campaigner opponent supporter resident worker farmer "
    "economist regulator diplomat lawmaker leader minister officer soldier scientist "
    "researcher doctor teacher student parent voter activist protester observer executive "
    "banker broker dealer consumer customer passenger shopper driver pilot manager"
)
"""People nouns whose plural, capitalised alone (`Analysts said`), is a group, not one man."""


def common_noun(word: str) -> bool:
    """An industry or trade noun (`Shipping`, `Carriers`), or a plural of a people noun
    (`Regulators`, `Economists`)."""
    if word in _TRADE_NOUNS:
        return True
    singulars = {word[:-1]} if word.endswith("s") and not word.endswith("ss") else set()
    if word.endswith("es"):
        singulars.add(word[:-2])
    if word.endswith("ies"):
        singulars.add(word[:-3] + "y")
    return any(s in _TRADE_NOUNS or s in _GROUP_NOUNS or s in _NOT_PERSONS for s in singulars)


_HONORIFICS = words("mr mrs ms miss dr sir dame")
"""Before a surname alone, these make it a person's name (`Mr Ebbers`)."""

LEADING_WORDS = words(
    "both but and or so yet also however meanwhile while when if as after before since "
    "because although though this that these those its his her their our some many most all "
    "each every no a an in on at for from with by to"
)
"""Capitalised only because they open a sentence: no part of a name (`Both Boeing`)."""

_VERBS_ON_SOMEONE = words(
    "took take takes taking turned turn turns turning called call calls calling spied"
)
"""Verbs whose "on" takes a person (`took on Jane Doe`, `called on Tom Reed`)."""

_PLACE_PREPOSITIONS = words("of for at in from on")
"""Before a run, these make it a place or a body (`head of Investment Banking`), not a person."""


def _run_mention(tokens: list[Token], at: int, stop: int) -> Mention | None:
    before = tokens[at - 1].lower if at else ""
    if before == "on" and at > 1 and tokens[at - 2].lower in _VERBS_ON_SOMEONE:
        before = ""  # `took on Jane Doe`: the verb's object, not a place
    if tokens[at].lower == "the":
        before = "the"
        at += 1  # `The Ruritanian Defence Ministry` opening a sentence
    while at < stop - 1 and tokens[at].lower in LEADING_WORDS:
        at += 1  # `Both Boeing and Airbus`, `But Rover`: a sentence's first word
    if before == "&":
        return None  # `SG Corporate & Investment Banking`: the rest of a firm's name
    adjective = before == "the" and stop < len(tokens) and tokens[stop].text[:1].islower()
    body = any(t.lower in _ORGANISATION_WORDS for t in tokens[at:stop])
    first = at
    while not body and first < stop and tokens[first].lower in TITLE_WORDS:
        first += 1
    titled = [k for k in range(first, stop - 1) if tokens[k].lower in TITLE_WORDS]
    if not body and titled:
        first = titled[-1] + 1  # `Italian Prime Minister Silvio Berlusconi`: the person
    if first == stop:
        return None
    name = tokens[first:stop]
    last = name[-1]
    if last.lower.endswith(_POSSESSIVES):
        return None  # `Trump's spokesman`: the name owns the role, it does not hold it
    if document_name([t.text for t in name]):
        return None  # `the Sox Act`, `Section 404`: a text, not who says it
    parts = [t.text for t in name]
    place = stop < len(tokens) and tokens[stop].lower in _PLACE_NOUNS
    honoured = first > at and tokens[first - 1].lower.rstrip(".") in _HONORIFICS  # `Mr Ebbers`
    # `in North America`, `the South African economy`; `for Finance Minister X` is a person
    placed = (before in _PLACE_PREPOSITIONS or adjective) and (first == at or honoured)
    named = len(parts) >= 2 or honoured
    person = named and not place and not placed and _person_name(parts)
    if person and _modifies_a_name(tokens, stop):
        person = False  # `Double Olympic champion Hicham El Guerrouj`: the run is his role's
    if person and _owns_with_its(tokens, stop):
        person, body = False, True
    if not person and not body:
        return None
    role = " ".join(t.lower for t in tokens[at:first]) + " " + _role_around(tokens, at, stop)
    joined = " ".join(parts)
    return Mention(name[0].start, last.end, joined, person, name_keys(joined, role))


def _modifies_a_name(tokens: list[Token], stop: int) -> bool:
    """A lower-case title and then a capitalised word follow the run (`Double Olympic
    champion X`, `Labour leader X`): the run is part of the next name's role."""
    return (
        stop + 1 < len(tokens)
        and tokens[stop].text.islower()
        and tokens[stop].lower in TITLE_WORDS
        and tokens[stop + 1].text[:1].isupper()
        and not tokens[stop + 1].quoted
    )


def _owns_with_its(tokens: list[Token], stop: int) -> bool:
    """`Brent Foods cut its forecast`: a name followed by its verb and "its" is a body."""
    for token in tokens[stop + 1 : stop + 4]:
        if token.quoted or token.text in ",;:":
            return False
        if token.lower == "its":
            return True
    return False


def _role_around(tokens: list[Token], at: int, stop: int) -> str:
    """Lower-case role words just before a name (`military expert X`) and its apposition
    (`X, a Dutch expert on energy,`)."""
    before: list[str] = []
    k = at - 1
    while k >= 0 and len(before) < 3 and tokens[k].text[:1].isalpha() and not tokens[k].quoted:
        if tokens[k].lower in _DETERMINERS:
            break
        before.append(tokens[k].lower)
        k -= 1
    after: list[str] = []
    if stop + 1 < len(tokens) and tokens[stop].text == ",":
        for token in tokens[stop + 1 : stop + 1 + _MAX_APPOSITION]:
            if token.text in ",;:." or token.quoted:
                break
            after.append(token.lower)
    return " ".join([*before, *after])


def person_in_link(link: ChainLink) -> bool:
    """A speaker's link names a person: a personal name, or a description ending in one
    (`Tory frontbencher Andrew Tyrie MP`, `the 28-year-old Morientes`); never `The Lib
    Dems`, `A spokesman for UKIP`, `with Real Madrid` or `the umbrella organisation Cosla`."""
    if looks_like_person(link):
        return True
    parts = link.mention.split()
    tail: list[str] = []
    for word in reversed(parts):
        if not name_word(word):
            break
        tail.insert(0, word)
    lead = parts[: len(parts) - len(tail)]
    while tail and tail[-1].lower() in _AFTER_NAMES:
        tail.pop()
    if not tail or not lead:
        return False
    if any(w.lower() in PREPOSITIONS or w.lower() in _NOT_PERSONS for w in lead):
        return False
    if lead[0].lower() in _DETERMINERS | words("a an"):  # `the 28-year-old Morientes`
        aged = any(c.isdigit() for w in lead for c in w)
        return (aged or len(tail) > 1) and _person_name(tail)  # not `the Scot`
    return len(tail) > 1 and _person_name(tail)


_AFTER_NAMES = words("mp qc mep msp")
"""Letters written after a person's name (`Andrew Tyrie MP`)."""
