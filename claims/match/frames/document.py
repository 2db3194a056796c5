"""What a document offers claims that name no subject of their own: its headline's company,
its lead's first name, its dateline's place, and the entities its definite descriptions
("the company", "the ministry", "the terminal") refer to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claims.extract.entities import entity_key, find_entities
from claims.extract.models import Entity
from claims.match.frames.models import Found, FrameSubject
from claims.match.frames.phrase import QUANTITY_WORDS
from claims.match.frames.vocabulary import (
    CAPITALS,
    COMPANY_SUFFIXES,
    DESCRIPTION_KINDS,
    GOVERNMENT_WORDS,
    TABLE_WORDS,
)
from claims.match.models import MatchClaim
from claims.text.normalize import norm_key

_NAME_BEFORE_RE = re.compile(
    r"((?:[A-Z][\w'’-]+\s+){1,3}(?:(?!(?:the|a|an|of|and|or|to|in|on|at|by|for|with)\s)"
    r"[a-z][\w-]*(?<!ing)(?<!ed)\s+){0,2})$"
)
"""A name right before a noun, with up to two words between ("Sheskharis oil terminal")."""


@dataclass
class DocumentSubjects:
    """What a document offers claims that name no subject of their own."""

    text: str
    headline: FrameSubject | None = None
    lead: FrameSubject | None = None
    dateline: FrameSubject | None = None
    entities: list[Entity] = field(default_factory=list)
    """Every entity of the document's claims, in document order."""
    lowered: str = ""

    def fallback(self) -> FrameSubject | None:
        """The subject of a line that names none: headline, then lead, then dateline."""
        return self.headline or self.lead or self.dateline

    def names_elsewhere(self, entity: Entity) -> bool:
        """The document names this entity at another place too (a name, not a word that a
        sentence start capitalised)."""
        return any(
            other.key == entity.key and other.span.start != entity.span.start
            for other in self.entities
        )

    def company(self, before: int) -> FrameSubject | None:
        """ "the company": the headline's company, else the last company named before."""
        if self.headline and self.headline.kind == "organization":
            return self.headline.model_copy(update={"found": "description"})
        return self.described("company", before)

    def described(self, noun: str, before: int) -> FrameSubject | None:
        """The entity a definite description ("the ministry", "the terminal") refers to: the
        last one before it whose name ends in a word of that kind, else a named thing of
        that noun in the text before ("the Sheskharis oil terminal")."""
        endings = DESCRIPTION_KINDS.get(noun, (noun,))
        for entity in reversed(self.entities):
            if entity.span.start >= before:
                continue
            last = entity.key.rsplit(" ", 1)[-1] if entity.key else ""
            if last in endings and not table_entity(entity):
                return subject_of(entity, "description")
        name = self._named_thing(noun, before)
        if name is None:
            return None
        return FrameSubject(text=name, key=norm_key(name), kind="thing", found="description")

    def named(self, head: str) -> FrameSubject | None:
        """A capitalised head the document names elsewhere ("Angels is a great song", where
        the sentence start hid the name): that entity."""
        words = head.strip().strip("\"“”'‘’ ").split()
        if not words or not all(word[:1].isupper() for word in words) or len(words) > 4:
            return None
        wanted = " ".join(words).lower()
        for entity in self.entities:
            if entity.text.lower() == wanted and not table_entity(entity):
                return subject_of(entity, "description")
        return None

    def _named_thing(self, noun: str, before: int) -> str | None:
        """The last "<Name> [one or two words] <noun>" before `before`."""
        lowered = self.lowered or self.text.lower()
        self.lowered = lowered
        end = before
        while True:
            found = lowered.rfind(noun, 0, end)
            if found < 0:
                return None
            end = found
            after = found + len(noun)
            if lowered[after : after + 1].isalpha() or lowered[found - 1 : found].isalpha():
                continue
            name = _NAME_BEFORE_RE.search(self.text, max(0, found - 60), found)
            if name:
                return " ".join((name[1] + self.text[found:after]).split())


def document_subjects(
    text: str, headline: str | None, claims: list[MatchClaim], dateline: str | None
) -> DocumentSubjects:
    """The headline's company (or first name), the lead's first name and the dateline's place."""
    entities = [entity for claim in claims for entity in claim.entities]
    found = DocumentSubjects(text=text, entities=sorted(entities, key=lambda e: e.span.start))
    if headline:
        found.headline = headline_subject(headline)
    body = [claim for claim in claims if headline is None or claim.text.strip() != headline.strip()]
    for claim in body[:2]:
        named = [e for e in claim.entities if e.kind in ("organization", "person", "group")]
        named = [e for e in named if not table_entity(e) and not chain_entity(claim, e)]
        if named:
            found.lead = subject_of(named[0], "lead")
            break
    if dateline:
        found.dateline = FrameSubject(
            text=dateline.title(), key=entity_key(dateline), kind="place", found="dateline"
        )
    return found


_TICKER_RE = re.compile(r"\s*<[A-Z.]{1,6}>")


def headline_subject(headline: str) -> FrameSubject | None:
    """The company a headline names ("Example Corp 1st Qtr Net", "EXAMPLE CORP <EXM> SETS
    DIVIDEND", "Group Cuts Stake In Example Corp"), else its first organisation or person."""
    line = " ".join(headline.split())
    ticker = _TICKER_RE.search(line)
    if ticker:
        name = line[: ticker.start()].strip()
        return FrameSubject(text=name, key=entity_key(name), kind="organization", found="headline")
    words = line.split()
    for end in range(len(words), 0, -1):
        if words[end - 1].lower().strip(".,") in COMPANY_SUFFIXES and end >= 2:
            start = end - 1
            while start > 0 and words[start - 1][:1].isupper() and _name_word(words[start - 1]):
                start -= 1
            if start < end - 1:
                name = " ".join(words[start:end])
                return FrameSubject(
                    text=name, key=entity_key(name), kind="organization", found="headline"
                )
    for entity in find_entities(line):
        if entity.kind in ("organization", "person", "group") and not table_entity(entity):
            return subject_of(entity, "headline")
    return None


_HEADLINE_VERBS = frozenset(
    [
        "cuts",
        "sets",
        "raises",
        "lifts",
        "buys",
        "sells",
        "says",
        "sees",
        "plans",
        "to",
        "in",
        "of",
        "for",
        "and",
        "has",
        "is",
        "acquires",
        "completes",
        "agrees",
        "reports",
        "posts",
    ]
)


def _name_word(word: str) -> bool:
    return word.lower() not in _HEADLINE_VERBS and not word.lower().startswith("<")


def subject_of(entity: Entity, found: Found) -> FrameSubject:
    """A subject from an entity: a capital or a government stands for its country, a name
    after a possessive for itself ("Arsenal's Patrick Vieira" is Patrick Vieira)."""
    owned = _OWNED_NAME_RE.match(entity.text)
    if owned:
        entity = entity.model_copy(update={"text": owned[1], "key": entity_key(owned[1])})
    key = entity.key
    words = key.split()
    if key in CAPITALS:
        key = CAPITALS[key]
    elif len(words) >= 2 and words[-1] in GOVERNMENT_WORDS:
        head = " ".join(words[:-1])
        key = CAPITALS.get(head, head)
    return FrameSubject(text=entity.text, key=key, kind=entity.kind, found=found)


_OWNED_NAME_RE = re.compile(r"^[\w .-]+['’]s?\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+)$")
"""A person's name after an owner ("Arsenal's Patrick Vieira")."""
_JUNK_WORDS = frozenset(("i", "ok", "okay", "yes", "no", "oh", "well", "hey", "thanks", "please"))


def table_entity(entity: Entity) -> bool:
    """ "Shr", "Oper", "Qtr Net" (table words), "Ok I", "I'm" (words of speech), "Thousands"
    (a quantity): never a subject."""
    words = re.findall(r"[a-z']+", entity.text.lower())
    if not words or all(word in TABLE_WORDS or word in QUANTITY_WORDS for word in words):
        return True
    return any(word in _JUNK_WORDS or word.startswith("i'") for word in words)


def chain_entity(claim: MatchClaim, entity: Entity) -> bool:
    mentions = {entity_key(node.mention) for node in claim.chain}
    return entity.key in mentions
