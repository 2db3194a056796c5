"""Who or what a claim is about: its own subject, or one the document supplies.

The subject is the name before the main verb of what is asserted, past who says it ("X
said", ", the ministry said", "According to X,") and an opening time phrase. A definite
description ("the company", "the terminal") is the document's entity of that kind; a pronoun
the previous claim's subject; a line with no subject of its own (a table of figures, a
measure such as "Net profit rose ...") takes the document's: its headline's company, its
lead's first name, its dateline's place. Table words ("Shr", "Oper", "Avg") are never
subjects, and a capital or a government that acts speaks for its country ("Kyiv denied").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claims.extract.entities import entity_key, find_entities
from claims.extract.models import Entity
from claims.match.dateline import dateline_end
from claims.match.frames.models import Found, FrameSubject
from claims.match.frames.vocabulary import (
    CAPITALS,
    CASUALTY_NOUNS,
    COMPANY_SUFFIXES,
    DESCRIPTION_KINDS,
    EVIDENCE_NOUNS,
    FACILITY_NOUNS,
    GOVERNMENT_WORDS,
    MEASURES,
    PRONOUNS,
    TABLE_WORDS,
    VERB_FORMS,
)
from claims.match.models import MatchClaim
from claims.match.normalize.words import content_words
from claims.text.normalize import norm_key

SAY = (
    r"(?:said|says|say|told\s+[\w .'-]{1,40}?|added|adds|stated|announced|reported|claimed"
    r"|confirmed|warned|insisted|noted|wrote|tweeted|quoted\s+[\w .'-]{1,40}?\s+as\s+saying)"
)
_WHEN = r"(?:\s+(?:on|late|early|last)\s+\w+|\s+in\s+a\s+statement|\s+today|\s+yesterday)?"
_LEADING_SAY_RE = re.compile(
    rf"(?i)(?P<speaker>[^,;:\"“”]{{1,100}}?)\s+{SAY}{_WHEN}\s*(?:that\s+|:\s*)?"
)
_TRAILING_SAY_RE = re.compile(
    rf"(?i),\s*(?:[\"“”']\s*)?(?:[^,;\"“”]{{1,90}}?\s+{SAY}|according\s+to\s+[^,;]{{1,90}}?){_WHEN}"
    r"(?:,[^,;]{1,80})?\s*[.!]?\s*[\"”']?\s*$"
)
_ACCORDING_RE = re.compile(r"(?i)according\s+to\s+[^,]{1,90},\s*")
_REPORTS_RE = re.compile(
    r"(?i)(?:there\s+(?:have|has|had)\s+been\s+(?:\w+\s+)?(?:reports|claims|rumou?rs|speculation)"
    r"|(?:media\s+)?reports\s+(?:say|said|suggest|suggested)|it\s+(?:is|was)\s+(?:reported|claimed"
    r"|rumou?red|alleged))\s+(?:that\s+)?"
)
_DENIAL_RE = re.compile(
    r"(?i)(?P<speaker>[^,;:\"“”]{1,80}?)\s+(?:has\s+|have\s+|had\s+|also\s+|again\s+)?"
    r"(?:denied|denies|deny|rejected|rejects|dismissed|dismisses|refuted|refutes)\s+(?P<that>that\s+)?"
)
_OPENING_RE = re.compile(
    r"(?i)(?:(?:on|in|at|by|from|after|before|since|during|earlier|later|last|this|overnight)"
    r"\b[^,]{0,50},(?!\d)\s*|(?:however|meanwhile|but|and|also|separately|instead),?\s+"
    r"|(?:on|in|at|by|during|last|this|next|early|late|earlier|later)\s+(?:the\s+)?"
    r"(?:\w+day|morning|afternoon|evening|night|week|weekend|month|year|\d{4}|january"
    r"|february|march|april|may|june|july|august|september|october|november|december)"
    r"\s+(?!\w+ed\b))"
)
"""An opening time phrase or connective before the subject ("On Tuesday the index ...")."""
_WORD_RE = re.compile(r"[A-Za-z][a-z']*")
_PAST_RE = re.compile(
    r"(?!(?:hundred|indeed|need|speed|seed|feed|shed|embed|breed|proceed|united|limited)$)"
    r"[a-z]{3,}ed$"
)
"""The first verb of a clause: auxiliaries, common verbs and past forms."""
_DETERMINER_RE = re.compile(r"(?i)(?:\b(?:the|a|an|its|his|her|their|our|this|that)|['’]s)\s+$")
_PREPOSITION_RE = re.compile(r"(?i)\s(?:of|in|for|on|at|with|from|to|into|over|near|against|by)\s")
_DESCRIPTION_RE = re.compile(r"(?i)^(?:the|this|that)\s+(?:[a-z-]+\s+){0,2}?([a-z-]+)\s*$")
_NAME_BEFORE_RE = re.compile(r"((?:[A-Z][\w'’-]+\s+){1,3}(?:[a-z][\w-]+\s+){0,2})$")
"""A name right before a noun, with up to two words between ("Sheskharis oil terminal")."""
_TARGET_RE = re.compile(r"(?i)\b(?:on|at|against|in|near|of|to)\s+(the\s+[a-z-]+(?:\s+[a-z-]+)?)\b")
_COUNTED_RE = re.compile(r"(?i)^(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|no)\b")


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
        named = [e for e in named if not table_entity(e) and not _chain_entity(claim, e)]
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
    """A subject from an entity: a capital or a government stands for its country."""
    key = entity.key
    words = key.split()
    if key in CAPITALS:
        key = CAPITALS[key]
    elif len(words) >= 2 and words[-1] in GOVERNMENT_WORDS:
        head = " ".join(words[:-1])
        key = CAPITALS.get(head, head)
    return FrameSubject(text=entity.text, key=key, kind=entity.kind, found=found)


def table_entity(entity: Entity) -> bool:
    """ "Shr", "Oper", "Qtr Net": table words, never a subject."""
    words = re.findall(r"[a-z']+", entity.text.lower())
    return not words or all(word in TABLE_WORDS for word in words)


def _chain_entity(claim: MatchClaim, entity: Entity) -> bool:
    mentions = {entity_key(node.mention) for node in claim.chain}
    return entity.key in mentions


@dataclass(frozen=True)
class Content:
    """The asserted part of a claim (who says it removed), as offsets into the claim text."""

    start: int
    end: int
    denier: str | None = None
    """Who denies, when the claim is "X denied doing Y" (a denial with no subject of its own)."""
    speaker: tuple[int, int] | None = None
    """Where the speaker of an opening "X said" is: "X said its sales rose" is about X."""


def content_of(text: str) -> Content:
    """Where the assertion is: past "X said", "According to X,", "There have been reports
    that", before ", the ministry said"."""
    start, end = dateline_end(text), len(text)
    speaker = None
    trailing = _TRAILING_SAY_RE.search(text)
    if trailing and trailing.start() > 0:
        end = trailing.start()
    for pattern in (_ACCORDING_RE, _REPORTS_RE, _LEADING_SAY_RE):
        found = pattern.match(text, start, end)
        if found and found.end() < end:
            if pattern is _LEADING_SAY_RE:
                speaker = found.span("speaker")
            start = found.end()
            break
    while True:
        opening = _OPENING_RE.match(text, start, end)
        if not opening or opening.end() == start:
            break
        start = opening.end()
    denial = _DENIAL_RE.match(text, start, end)
    if denial and not denial["that"]:
        return Content(start, end, denier=denial["speaker"])
    if denial:
        start = denial.end()
    return Content(start, end, speaker=speaker)


def claim_subject(
    claim: MatchClaim,
    document: DocumentSubjects,
    previous: FrameSubject | None,
    content: Content,
    table: bool,
) -> FrameSubject | None:
    """The subject of one claim (see the module docstring)."""
    if table:
        return document.fallback()
    text = claim.text
    if content.denier is not None:
        end = content.start + len(content.denier)
        return _named_in(claim, content.start, end, document, speakers=True)
    verb = first_verb(text, content.start, content.end)
    if verb is None:
        own = _first_named(claim, content.start, content.end)
        return own or document.fallback()
    region = text[content.start : verb]
    words = re.findall(r"[\w'’-]+", region.lower())
    pointing = words and (words[-1] in SUBJECT_PRONOUNS or set(words) & POSSESSIVES)
    if content.speaker and pointing and _named_in(claim, content.start, verb, document) is None:
        start, end = content.speaker
        spoken = _named_in(claim, start, end, document, speakers=True)
        if spoken is not None:
            return spoken.model_copy(update={"found": "pronoun"})
    return _region_subject(claim, content.start, region, verb, document, previous)


def _region_subject(
    claim: MatchClaim,
    start: int,
    region: str,
    verb: int,
    document: DocumentSubjects,
    previous: FrameSubject | None,
) -> FrameSubject | None:
    """The subject in the words before the verb: a pronoun's antecedent, the target of a
    casualty figure or of evidence, the head's name, a measure's owner, a description's
    referent, a name elsewhere in the subject, or the subject noun phrase itself."""
    stripped = region.strip().strip("\"“”'‘’ ")
    words = re.findall(r"[\w'’-]+", stripped.lower())
    if not words:
        return None
    if words[-1] in SUBJECT_PRONOUNS:
        return previous.model_copy(update={"found": "pronoun"}) if previous else None
    if _COUNTED_RE.match(stripped) and set(words) & CASUALTY_NOUNS:
        return _target(claim, verb, document)
    if set(words[:3]) & EVIDENCE_NOUNS:
        return _target(claim, verb, document)
    head_end = start + _head_length(region)
    named = _named_in(claim, start, head_end, document)
    if named is not None:
        return named
    lowered = region[: head_end - start].strip().lower()
    if any(word in MEASURES for word in re.findall(r"[a-z]+", lowered)[-2:]):
        return _owner(claim, head_end, verb) or document.fallback()
    description = _DESCRIPTION_RE.match(lowered)
    if description:
        found = _described(description[1], claim.start + start, document)
        if found is not None:
            return found
    head = region[: head_end - start]
    return (
        noun_phrase(head) or _owner(claim, head_end, verb) or _placed(claim, head, head_end, verb)
    )


_PLACED_RE = re.compile(r"(?i)^\s*(?:on|at|in|near)\s+(?:the\s+)?$")


def _placed(claim: MatchClaim, head: str, start: int, end: int) -> FrameSubject | None:
    """A thing named by where it is ("the bridge on Route 9", "the terminal at Novorossiysk"):
    the name and the noun ("Route 9 bridge")."""
    noun = re.findall(r"[a-z][a-z-]*", head.lower())
    if not noun:
        return None
    for entity in claim.entities:
        offset = entity.span.start - claim.start
        if start <= offset < end and _PLACED_RE.match(claim.text[start:offset]):
            name = f"{entity.text} {noun[-1]}"
            return FrameSubject(text=name, key=norm_key(name), kind="thing", found="claim")
    return None


SUBJECT_PRONOUNS = frozenset(("it", "he", "she", "they"))
POSSESSIVES = frozenset(("its", "his", "her", "their"))
"""A pronoun right before the verb is the subject: the previous claim's."""
_NP_DROPPED = frozenset(("the", "a", "an", "this", "that", "these", "those", "some", "many"))


def noun_phrase(head: str) -> FrameSubject | None:
    """A subject without a name, when it says which thing it is ("fuel prices", "the coalition
    mission"); a bare "the terminal" or "officials" is too vague to be one subject."""
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", head) if w.lower() not in _NP_DROPPED]
    key = " ".join(content_words(" ".join(words)))
    if len(key.split()) < 2 or {word.lower() for word in words} & PRONOUNS:
        return None
    return FrameSubject(text=" ".join(words), key=key, kind="thing", found="claim")


def _head_length(region: str) -> int:
    """The subject's head: the words before its first preposition ("Interest in Russian
    systems" is about interest, not Russia)."""
    found = _PREPOSITION_RE.search(" " + region + " ")
    return len(region) if found is None else max(0, found.start() - 1)


def _named_in(
    claim: MatchClaim, start: int, end: int, document: DocumentSubjects, speakers: bool = False
) -> FrameSubject | None:
    """The first name in claim[start:end] (speakers left out unless they are the subject, as
    in "Kyiv denied ..."), else the entity of a definite description there."""
    for entity in claim.entities:
        offset = entity.span.start - claim.start
        if not start <= offset < end or table_entity(entity):
            continue
        if speakers or not _chain_entity(claim, entity):
            return subject_of(entity, "claim")
    found = _DESCRIPTION_RE.match(claim.text[start:end].strip().lower())
    if found and found[1] in DESCRIPTION_KINDS:
        return _described(found[1], claim.start + start, document)
    return None


_OF_RE = re.compile(r"(?i)\bof\s+(?:the\s+)?$")
_POSSESSIVE_RE = re.compile(r"^['’]s?\b")
_OPENING_PLACE_RE = re.compile(r"(?i)\s*(?:in|at)\s+(?:the\s+)?")
"""A place that opens the clause ("In Veltria 16% of nurses ..."): where the figure is of."""


def _owner(claim: MatchClaim, start: int, end: int) -> FrameSubject | None:
    """Whose thing the subject is: a name after "of" or with a possessive ("sales of Example
    Corp", "Veltria's economic output"); a name after another preposition only says where
    or what about ("interest in Russian systems" is not Russia's)."""
    for entity in claim.entities:
        offset = entity.span.start - claim.start
        if not start <= offset < end or table_entity(entity) or _chain_entity(claim, entity):
            continue
        after = claim.text[entity.span.end - claim.start :]
        before = claim.text[start:offset]
        opening = _OPENING_PLACE_RE.fullmatch(before)
        if _OF_RE.search(before) or _POSSESSIVE_RE.match(after) or opening:
            return subject_of(entity, "claim")
    return None


def _first_named(claim: MatchClaim, start: int, end: int) -> FrameSubject | None:
    """The first name of a line without a verb (a headline, a label)."""
    for entity in claim.entities:
        offset = entity.span.start - claim.start
        own = not table_entity(entity) and not _chain_entity(claim, entity)
        if start <= offset < end and own:
            return subject_of(entity, "claim")
    return None


def _described(noun: str, before: int, document: DocumentSubjects) -> FrameSubject | None:
    if noun in ("company", "firm"):
        return document.company(before)
    return document.described(noun, before)


def _target(claim: MatchClaim, verb: int, document: DocumentSubjects) -> FrameSubject | None:
    """What a casualty figure or a piece of evidence is about: the named or described place
    after the verb ("injured in the drone attack on the terminal", "showed damage ... at the
    terminal")."""
    rest = claim.text[verb:]
    for entity in claim.entities:
        offset = entity.span.start - claim.start
        own = not table_entity(entity) and not _chain_entity(claim, entity)
        if offset >= verb and entity.kind in ("organization", "place", "other") and own:
            return subject_of(entity, "claim")
    for match in reversed(list(_TARGET_RE.finditer(rest))):
        noun = match[1].split()[-1].lower()
        if noun not in DESCRIPTION_KINDS and noun not in FACILITY_NOUNS:
            continue
        found = _described(noun, claim.start + verb + match.start(), document)
        if found is not None:
            return found
    return None


def first_verb(text: str, start: int, end: int) -> int | None:
    """Where the clause's first verb starts (not its first word, nor a word after "the", nor a
    noun followed by the verb: "the drone attack killed", "armed forces carried")."""
    words = list(_WORD_RE.finditer(text, start, end))
    for index, match in enumerate(words):
        word = match[0]
        if match.start() == start or not _verb_like(word):
            continue
        if word[0].isupper() and word.lower() not in ("is", "are", "was", "were"):
            continue
        if _DETERMINER_RE.search(text[start : match.start()]):
            continue
        following = words[index + 1][0] if index + 1 < len(words) else ""
        if word.endswith("s") and not _PAST_RE.match(word) and _verb_like(following):
            continue
        return match.start()
    return None


def _verb_like(word: str) -> bool:
    return word.lower() in VERB_FORMS or bool(_PAST_RE.match(word))


def described_things(
    claim: MatchClaim, document: DocumentSubjects, content: Content
) -> list[FrameSubject]:
    """The entities the claim's proposition names, definite descriptions resolved: what it is
    also about (objects, targets, places)."""
    found: list[FrameSubject] = []
    for entity in claim.entities:
        inside = content.start <= entity.span.start - claim.start < content.end
        if inside and not table_entity(entity) and not _chain_entity(claim, entity):
            found.append(subject_of(entity, "claim"))
    for match in _TARGET_RE.finditer(claim.text, content.start, content.end):
        noun = match[1].split()[-1].lower()
        if noun not in DESCRIPTION_KINDS and noun not in FACILITY_NOUNS:
            continue
        resolved = _described(noun, claim.start + match.start(), document)
        if resolved is not None and all(resolved.key != other.key for other in found):
            found.append(resolved)
    return found
