"""What a person's role says about whom they speak for.

"Russia's ambassador in Iraq" speaks for the Russian foreign ministry (Iraq is only where he
serves); "a spokesman for the Iraqi Foreign Ministry" for that ministry; "Iraqi Prime Minister
Hussein Alawi's adviser" for the prime minister's office; "Iraqi military expert" for nobody
but himself. `parse_role` reads these phrases; resolution turns them into registry sources.
"""

from __future__ import annotations

import re
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from claims.sources.models import SourceKind
from claims.sources.normalize import place_key, translit_token, words_of
from claims.text.normalize import norm_key, word_set


class Office(StrEnum):
    """The part of a government a role belongs to."""

    FOREIGN = "foreign"
    HEAD_OF_GOVERNMENT = "head_of_government"
    HEAD_OF_STATE = "head_of_state"
    DEFENCE = "defence"
    GOVERNMENT = "government"


OFFICE_WORDS: dict[Office, tuple[str, ...]] = {
    Office.FOREIGN: (
        "foreign affairs",
        "foreign ministry",
        "foreign minister",
        "foreign secretary",
        "state department",
        "mfa",
    ),
    Office.HEAD_OF_GOVERNMENT: ("prime minister", "council of ministers", "premier"),
    Office.HEAD_OF_STATE: ("president", "presidential", "kremlin", "white house"),
    Office.DEFENCE: ("defence", "defense", "pentagon"),
    Office.GOVERNMENT: ("government",),
}
"""Words in a registry name that mark a source as that office (matched on `norm_key`)."""

DIPLOMATIC = word_set("ambassador ambassadors envoy envoys diplomat consul charge attache")
SPOKESPEOPLE = word_set("spokesman spokeswoman spokesperson spokespeople secretary")
AIDES = word_set("adviser advisor advisers advisors aide aides assistant counsellor")
OFFICIALS = word_set("official officials minister ministers representative officer")
EXPERTS = word_set(
    "expert experts analyst analysts researcher professor scholar fellow commentator"
    " journalist correspondent columnist blogger historian economist"
)
FOUNDERS = word_set("founder founders owner owners co-founder cofounder publisher editor")
ROLE_NOUNS = DIPLOMATIC | SPOKESPEOPLE | AIDES | OFFICIALS | EXPERTS | FOUNDERS
_TITLE_WORDS = word_set(
    "deputy vice prime foreign senior chief first acting former interior defence defense"
    " general special military top"
)
_HOST_PREPOSITIONS = word_set("to in at")
_ORG_PREPOSITIONS = word_set("for of at from with")
_POSSESSIVE_RE = re.compile(r"['’]s?$")


class RoleInfo(BaseModel):
    """What a role phrase tells: the person's kind, their country, office and organisation."""

    model_config = ConfigDict(frozen=True)

    kind: SourceKind | None = None
    country: str | None = None
    """Gazetteer key of the country the person serves ("russia"), not where they serve."""
    office: Office | None = None
    organisation: str | None = None
    """An organisation or person named in the phrase ("the Iraqi Foreign Ministry")."""
    role_noun: str | None = None

    @property
    def speaks_for_someone(self) -> bool:
        return self.kind == SourceKind.OFFICIAL and bool(
            self.country or self.organisation or self.office
        )


def parse_role(text: str | None) -> RoleInfo:
    """Read a role phrase ("Russia's ambassador in Iraq", "Iraqi military expert")."""
    if not text:
        return RoleInfo()
    words = words_of(text)
    keys = [norm_key(_POSSESSIVE_RE.sub("", word)) for word in words]
    noun_at = _role_noun_index(keys)
    if noun_at is None:
        return RoleInfo(country=_country(keys, len(keys)), office=_office(" ".join(keys)))
    noun = keys[noun_at]
    if noun in EXPERTS:
        return RoleInfo(kind=SourceKind.EXPERT, country=_country(keys, len(keys)), role_noun=noun)
    if noun in FOUNDERS:
        organisation = _organisation(words, keys, noun_at)
        return RoleInfo(kind=SourceKind.PERSON, organisation=organisation, role_noun=noun)
    end = _host_start(keys, noun_at) if noun in DIPLOMATIC else len(keys)
    joined = " ".join(keys[:end])
    office = Office.FOREIGN if noun in DIPLOMATIC else _office(joined)
    return RoleInfo(
        kind=SourceKind.OFFICIAL,
        country=_country(keys, end),
        office=office or Office.GOVERNMENT,
        organisation=_organisation(words, keys, noun_at),
        role_noun=noun,
    )


def is_role_mention(mention: str) -> bool:
    """True when a mention names a role rather than a person ("the Russian ambassador",
    "Iraqi Prime Minister Hussein Alawi's adviser", "a spokesman for the ministry").

    The role noun must head the phrase: last, or followed by "of/for/to ..." (or, for a
    diplomat, by "in/to" and the host country); in "the Prime Minister's visit" it does not.
    """
    words = words_of(mention)
    keys = [norm_key(_POSSESSIVE_RE.sub("", word)) for word in words]
    noun_at = _role_noun_index(keys)
    if noun_at is None or _POSSESSIVE_RE.search(words[noun_at]):
        return False
    following = keys[noun_at + 1] if noun_at + 1 < len(keys) else ""
    followed_by_org = following in _ORG_PREPOSITIONS or (
        following == "to" and keys[noun_at] not in DIPLOMATIC
    )
    diplomatic_host = keys[noun_at] in DIPLOMATIC and _host_start(keys, noun_at) < len(keys)
    return noun_at == len(keys) - 1 or followed_by_org or diplomatic_host


def _role_noun_index(keys: list[str]) -> int | None:
    """The role noun that heads the phrase: the last one before any "of/for/to" complement."""
    found = None
    for index, key in enumerate(keys):
        if key in ROLE_NOUNS:
            found = index
        elif found is not None and key in _ORG_PREPOSITIONS | _HOST_PREPOSITIONS:
            break
    return found


def _host_start(keys: list[str], noun_at: int) -> int:
    """Where "to Iraq" / "in Iraq" starts after a diplomat's title (the host, not the sender)."""
    for index in range(noun_at + 1, len(keys)):
        if keys[index] in _HOST_PREPOSITIONS:
            return index
    return len(keys)


def _country(keys: list[str], end: int) -> str | None:
    for key in keys[:end]:
        place = place_key(translit_token(key))
        if place is not None:
            return place
    return None


def _office(joined: str) -> Office | None:
    for office, markers in OFFICE_WORDS.items():
        if any(re.search(rf"\b{marker}\b", joined) for marker in markers):
            return office
    if re.search(r"\bminist(?:er|ry)\b", joined):
        return Office.GOVERNMENT
    return None


def _organisation(words: list[str], keys: list[str], noun_at: int) -> str | None:
    """A named organisation or principal: "X's adviser" -> X; "spokesman for the X" -> X.

    A bare country ("Russia's ambassador") is not returned: the country is kept apart, so
    that the office (the foreign ministry) can be looked up instead of the whole state.
    """
    found: list[str] = []
    for index in range(noun_at):
        if _POSSESSIVE_RE.search(words[index]) and any(w[:1].isupper() for w in words[: index + 1]):
            found = [*words[:index], _POSSESSIVE_RE.sub("", words[index])]
            break
    following = keys[noun_at + 1] if noun_at + 1 < len(keys) else ""
    to_principal = following == "to" and keys[noun_at] not in DIPLOMATIC
    if not found and (following in _ORG_PREPOSITIONS or to_principal):
        tail = words[noun_at + 2 :]
        if any(word[:1].isupper() for word in tail):
            found = tail
    if not found:
        found = _named_before(words, noun_at)
    name = " ".join(found).strip()
    if not name or _is_place(name):
        return None
    return name


def _named_before(words: list[str], noun_at: int) -> list[str]:
    """Capitalised words right before the role noun: "Kremlin spokesman" -> Kremlin."""
    start = noun_at
    while start > 0 and words[start - 1][:1].isupper():
        start -= 1
    named = words[start:noun_at]
    telling = [w for w in named if not _is_place(w) and norm_key(w) not in _TITLE_WORDS]
    return named if telling else []


def _is_place(name: str) -> bool:
    tokens = [translit_token(norm_key(word)) for word in words_of(name)]
    tokens = [token for token in tokens if token not in ("the", "republic", "of")]
    return bool(tokens) and all(place_key(token) is not None for token in tokens)
