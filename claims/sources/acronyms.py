"""Acronyms and run-together spellings of a body's name, for the registry's lookups.

News names a body in full once and by its initials afterwards ("the Organisation for Economic
Co-operation and Development (OECD)" ... "the OECD said"), or writes a company's name run
together ("TimeWarner"). Each spelling must find the one source. Initials are short and
shared by many names, so they are used only as a unique key, never for people, and only when
they are long enough (three capitals) or written with the name's own joining words ("BoE",
"S&P"), which few other names share.
"""

from __future__ import annotations

import re
from collections import defaultdict

from claims.sources.name_match import person_name
from claims.text.normalize import norm_key

MIN_CAPITALS = 3
"""Capitals an acronym of capitals alone needs ("IMF"): two ("BA", "GM") name too many bodies."""
MAX_LENGTH = 8

_JOINING = {"of": "o", "for": "f", "and": "&", "&": "&", "the": "", "de": "d", "du": "d"}
"""Joining words and what an acronym may write them as ("Bank of England" -> "BoE")."""
_ACRONYM = r"[A-Z][A-Za-z&]{1,7}"
"""A capital, then up to seven more letters or ampersands (`MAX_LENGTH` in all)."""
_ACRONYM_RE = re.compile(_ACRONYM)
_DEFINED_RE = re.compile(rf"^(?P<full>.+?)\s*\((?P<acronym>{_ACRONYM})\)$")


def acronym_keys(name: str) -> tuple[str, ...]:
    """The acronyms a body's full name may be written as: its capitals' initials ("OECD"),
    and with its joining words as written ("BoE" for "Bank of England", "S&P" for
    "Standard & Poor's"); none for a name of fewer than two capitalised words."""
    capitals: list[str] = []
    joined: list[str] = []
    for whole in name.split():
        word = re.split(r"[-–/]", whole)[0] or whole  # "Co-operation": its first part
        lowered = word.lower().rstrip("'’s") if word.endswith(("'s", "’s")) else word.lower()
        if lowered in _JOINING:
            joined.append(_JOINING[lowered])
        elif word[:1].isupper():
            capitals.append(word[0])
            joined.append(word[0])
        elif word[:1].isalpha():
            return ()  # a lower-case word inside: a phrase, not a body's name
    if len(capitals) < 2:
        return ()
    keys = []
    if len(capitals) >= MIN_CAPITALS:
        keys.append("".join(capitals))
    written = "".join(joined)
    if written != "".join(capitals) and len(written) <= MAX_LENGTH:
        keys.append(written)
    return tuple(keys)


def as_acronym(name: str) -> str | None:
    """`name` if it reads as an acronym ("IMF", "BoE", "S&P"), else None."""
    text = name.strip()
    if not _ACRONYM_RE.fullmatch(text):
        return None
    capitals = sum(1 for char in text if char.isupper())
    lower_runs = re.findall(r"[a-z]+", text)
    if any(len(run) > 1 for run in lower_runs) or capitals < 2:
        return None  # "Reuters", "Ford": a word, not initials
    if capitals < MIN_CAPITALS and not (lower_runs or "&" in text):
        return None
    return text


def defined_acronym(name: str) -> tuple[str, str] | None:
    """A name followed by the acronym it defines ("Office for National Statistics (ONS)"):
    the full name and the acronym, when the acronym fits the name's initials."""
    found = _DEFINED_RE.match(name.strip())
    if found is None:
        return None
    full, acronym = found.group("full").strip(), found.group("acronym")
    if as_acronym(acronym) is None or acronym not in acronym_keys(full):
        return None
    return full, acronym


def run_together(name: str) -> str | None:
    """The name with its spaces taken out ("Time Warner" and "TimeWarner" -> "timewarner"),
    for names long enough that two bodies will not share it."""
    squashed = norm_key(name).replace(" ", "")
    return squashed if len(squashed) >= 6 else None


class ShortForms:
    """The registry's names by their acronyms and run-together spellings, for `find`."""

    def __init__(self) -> None:
        self._by_initials: dict[str, set[int]] = defaultdict(set)
        self._by_acronym: dict[str, set[int]] = defaultdict(set)
        self._by_run_together: dict[str, set[int]] = defaultdict(set)
        self._unspaced: dict[str, set[int]] = defaultdict(set)

    def add(self, source_id: int, name: str, *, person: bool) -> None:
        """Index one of a source's names; a person's name gets no acronym."""
        squashed = run_together(name)
        if squashed is not None:
            spaced = " " in name.strip()
            (self._by_run_together if spaced else self._unspaced)[squashed].add(source_id)
        if person:
            return
        acronym = as_acronym(name)
        if acronym is not None:
            self._by_acronym[acronym].add(source_id)
        for initials in acronym_keys(name):
            self._by_initials[initials].add(source_id)

    def find(self, name: str) -> tuple[int, str] | None:
        """The one source `name` abbreviates, spells out or runs together, and why.

        Only a single fit counts: initials shared by two bodies say nothing about either, so
        the name is then treated as if no short form were known. A full name never joins a
        source already known by another full name with the same initials ("World Tourism
        Organisation" is not the "WTO" registered as "World Trade Organisation").
        """
        acronym = as_acronym(name)
        squashed = run_together(name)
        if acronym is not None:
            ids = self._by_initials.get(acronym, set())
            reason = f"{acronym} is the initials of the name"
        elif squashed is not None and " " not in name.strip():
            ids = self._by_run_together.get(squashed, set())
            reason = "the same name written without spaces"
        elif squashed is not None and squashed in self._unspaced:
            ids = self._unspaced[squashed]
            reason = "the same name written with spaces"
        elif person_name(name):
            return None
        else:
            keys = acronym_keys(name)
            ids = {i for key in keys for i in self._by_acronym.get(key, set())}
            ids -= {i for key in keys for i in self._by_initials.get(key, set())}
            reason = "the name's initials are the source's name"
        return (next(iter(ids)), reason) if len(ids) == 1 else None
