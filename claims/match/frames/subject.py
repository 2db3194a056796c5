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

from claims.extract.entities import entity_key, known_name, title_word
from claims.extract.models import Entity
from claims.match.frames.content import Content, first_verb, verb_like
from claims.match.frames.document import (
    DocumentSubjects,
    chain_entity,
    subject_of,
    table_entity,
)
from claims.match.frames.models import FrameSubject
from claims.match.frames.phrase import ADVERBS, QUANTITY_WORDS, demonym_phrase, unlisted_verb
from claims.match.frames.vocabulary import (
    CASUALTY_NOUNS,
    DESCRIPTION_KINDS,
    EVIDENCE_NOUNS,
    FACILITY_NOUNS,
    MEASURES,
    ORDINARY_OPENERS,
    PRONOUNS,
)
from claims.match.models import MatchClaim
from claims.match.normalize.words import content_words
from claims.text.normalize import norm_key

_PREPOSITION_RE = re.compile(r"(?i)\s(?:of|in|for|on|at|with|from|to|into|over|near|against|by)\s")
_DESCRIPTION_RE = re.compile(r"(?i)^(?:the|this|that)\s+(?:[a-z-]+\s+){0,2}?([a-z-]+)\s*$")
_TARGET_RE = re.compile(r"(?i)\b(?:on|at|against|in|near|of|to)\s+(the\s+[a-z-]+(?:\s+[a-z-]+)?)\b")
_COUNTED_RE = re.compile(r"(?i)^(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|no)\b")


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
    verb = unlisted_verb(text, content.start, content.end if verb is None else verb) or verb
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
    before = None if content.clause else previous
    found = _region_subject(claim, content.start, region, verb, document, before)
    if found is None or found.kind == "thing":
        return _identified(claim, verb) or found
    return found


_IDENTITY_RE = re.compile(r"(?:is|was|are|were)\s+(?:(?:Mr|Mrs|Ms|Dr|Sir)\.?\s+)?")
"""A copula that says who the subject is ("The prosecution's star witness is Mr Sullivan")."""


def _identified(claim: MatchClaim, verb: int) -> FrameSubject | None:
    """The person a described subject is ("The prosecution's star witness is Mr Sullivan"
    is about Mr Sullivan): a copula followed at once by a person's name."""
    found = _IDENTITY_RE.match(claim.text, verb)
    if found is None:
        return None
    for entity in claim.entities:
        offset = entity.span.start - claim.start
        if (
            entity.kind == "person"
            and verb < offset <= found.end()
            and not chain_entity(claim, entity)
        ):
            return subject_of(entity, "claim")
    return None


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
        if words[-1] == "it" and _EXPLETIVE_RE.match(claim.text, verb):
            return None
        if previous is None or not _agrees(words[-1], previous):
            return None
        return previous.model_copy(update={"found": "pronoun"})
    if _COUNTED_RE.match(stripped) and set(words) & CASUALTY_NOUNS:
        return _target(claim, verb, document)
    if set(words[:3]) & EVIDENCE_NOUNS:
        return _target(claim, verb, document)
    head_end = start + _head_length(region)
    named = _named_in(claim, start, head_end, document)
    if named is not None:
        return named
    lowered = region[: head_end - start].strip().lower()
    opening = head_end == start  # no head: a place before the verb opens the clause
    if any(word in MEASURES for word in re.findall(r"[a-z]+", lowered)[-2:]):
        return _owner(claim, head_end, verb, opening) or document.fallback()
    description = _DESCRIPTION_RE.match(lowered)
    if description:
        found = _described(description[1], claim.start + start, document)
        if found is not None:
            return found
    head = region[: head_end - start]
    if _apposed_speaker(claim, head):
        return None
    speaking = _speaker_head(claim, start, head_end)
    if speaking is not None:
        return subject_of(speaking, "claim")
    return (
        document.named(head)
        or noun_phrase(head)
        or _owner(claim, head_end, verb, opening)
        or _placed(claim, head, head_end, verb)
        or _complemented(region)
    )


def _apposed_speaker(claim: MatchClaim, head: str) -> bool:
    """A speaker's name and a title between commas ("Steve Linford, director of Spamhaus,
    predicted that ..."): who says it, not a thing the claim is about."""
    name, comma, _ = head.partition(",")
    if not comma:
        return False
    mentions = {entity_key(node.mention) for node in claim.chain}
    return entity_key(name.strip(" \"“”'‘’")) in mentions


def _speaker_head(claim: MatchClaim, start: int, end: int) -> Entity | None:
    """The speaker whose name ends the subject ("Japanese Foreign Minister Nobutaka
    Machimura told the British minister that ..."): the one who acts, when what is said was
    not told apart."""
    head_end = start + len(claim.text[start:end].rstrip())
    for entity in claim.entities:
        if entity.span.end - claim.start == head_end and start <= entity.span.start - claim.start:
            return entity if chain_entity(claim, entity) and not table_entity(entity) else None
    return None


_COMPLEMENT_RE = re.compile(r"(?i)^\s*(?:the\s+)?([a-z-]+)\s+(?:of|for)\s+([^,;]+)$")


def _complemented(region: str) -> FrameSubject | None:
    """A thing named by its complement ("the market for music downloads", "the price of
    crude"): the noun and the complement's first words."""
    found = _COMPLEMENT_RE.match(region.strip())
    if found is None:
        return None
    text = " ".join(found[0].strip().split()[-6:])
    named = f"{found[1]} {found[2]}"
    if found[1].lower() in QUANTITY_WORDS:  # "Thousands of website bulletin boards"
        text = named = found[2].strip()
    words = content_words(named)[:4]
    if len(words) < 2:
        return None
    return FrameSubject(text=text.lower(), key=" ".join(words), kind="thing", found="claim")


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
PRONOUN_MISMATCH = {
    "he": frozenset({"place", "organization", "group"}),
    "she": frozenset({"place", "organization", "group"}),
    "it": frozenset({"person"}),
    "they": frozenset({"person"}),
}
"""Subjects a pronoun cannot stand for: "he" is no country or party, "they" no one person
("They are to scrap student fees" after "Mr Kennedy said" is his party)."""


def _agrees(pronoun: str, previous: FrameSubject) -> bool:
    """Whether a pronoun can stand for the previous subject: by kind (`PRONOUN_MISMATCH`),
    and for a described thing by number ("they" is no "secure system", "it" no "phone
    companies")."""
    if previous.kind in PRONOUN_MISMATCH[pronoun]:
        return False
    if previous.kind != "thing" or pronoun not in ("it", "they"):
        return True
    last = previous.text.split()[-1].lower()
    plural = last.endswith("s") and not last.endswith(("ss", "us", "is"))
    return plural == (pronoun == "they")


POSSESSIVES = frozenset(("its", "his", "her", "their"))
"""A pronoun right before the verb is the subject: the previous claim's."""
_EXPLETIVE_RE = re.compile(
    r"(?i)(?:remains?\s+to\s+be\s+seen|(?:is|was|has\s+been|had\s+been|will\s+be|would\s+be"
    r"|seems|seemed|appears|appeared|remains|remained)"
    r"\s+(?:(?:not|also|now|still|widely|generally|only)\s+)*(?:[a-z]+\s+(?:that|whether|if|how"
    r"|why)\b|a\s+matter\s+of\s+time\b))"
)
"""An "it" that points at nothing ("it is expected that ...", "it is only a matter of time",
"it remains to be seen whether"): no subject, rather than the previous claim's."""
_NP_DROPPED = frozenset(("the", "a", "an", "this", "that", "these", "those", "some", "many"))


def noun_phrase(head: str) -> FrameSubject | None:
    """A subject without a name, when it says which thing it is ("fuel prices", "the coalition
    mission"); a bare "the terminal" or "officials" is too vague to be one subject, and words
    of speech ("I don't know about you", "It's a bit too early") are none. Adverbs and an
    opening quantity are left out ("Typically these sites", "Sixty percent")."""
    found = re.findall(r"[A-Za-z][A-Za-z'’-]*", head)
    if any(_spoken(word) for word in found):
        return None
    words: list[str] = []
    for word in found:
        if not _dropped(word) and (words or word.lower() not in QUANTITY_WORDS):
            words.append(word)
    key = " ".join(content_words(" ".join(words)))
    if len(key.split()) < 2 or {word.lower() for word in words} & PRONOUNS:
        return None
    return FrameSubject(text=" ".join(words), key=key, kind="thing", found="claim")


_SPEECH_WORDS = frozenset(("i", "you", "we", "me", "us"))
_CONTRACTION_RE = re.compile(r"(?i)n['’]t$|^(?:it|i|you|we|they|he|she|that|there)['’]")


def _spoken(word: str) -> bool:
    """A word of speech, not of a name: a personal pronoun or a contraction."""
    return word.lower() in _SPEECH_WORDS or bool(_CONTRACTION_RE.search(word))


def _dropped(word: str) -> bool:
    lowered = word.lower()
    if lowered in _NP_DROPPED or lowered in ADVERBS:
        return True
    return lowered.endswith("ally") or (word.islower() and lowered.endswith("ly"))


def _head_length(region: str) -> int:
    """The subject's head: the words before its first preposition ("Interest in Russian
    systems" is about interest, not Russia)."""
    found = _PREPOSITION_RE.search(" " + region + " ")
    return len(region) if found is None else max(0, found.start() - 1)


def _named_in(
    claim: MatchClaim, start: int, end: int, document: DocumentSubjects, speakers: bool = False
) -> FrameSubject | None:
    """The first name in claim[start:end] (speakers left out unless they are the subject, as
    in "Kyiv denied ..."), or what it owns when a possessive follows it ("Robbie Williams'
    Angels" is about Angels), or the person it describes ("French president Jacques Chirac"),
    or the nationality with its noun ("the Palestinian economy"); else the entity of a
    definite description there. Quantities ("Thousands of ...") are no names."""
    inside = [
        entity
        for entity in claim.entities
        if start <= entity.span.start - claim.start < end and not table_entity(entity)
    ]
    named = [
        entity
        for entity in inside
        if (speakers or not chain_entity(claim, entity))
        and not _capitalised_modifier(claim, entity, start, document)
    ]
    for index, entity in enumerate(named):
        entity_end = entity.span.end - claim.start
        after = claim.text[entity_end : entity_end + 3]
        owned = named[index + 1] if index + 1 < len(named) else None
        if owned is not None:
            gap = claim.text[entity_end : owned.span.start - claim.start]
            if _POSSESSIVE_RE.match(after) and len(gap) <= 3:
                return subject_of(owned, "claim")
        described = _described_name(claim, entity, inside)
        if described is not None:
            return subject_of(described, "claim")  # "US aircraft firm Boeing": Boeing
        phrase = demonym_phrase(entity, claim.text, entity_end, end)
        return phrase or subject_of(entity, "claim")
    found = _DESCRIPTION_RE.match(claim.text[start:end].strip().lower())
    if found and found[1] in DESCRIPTION_KINDS:
        return _described(found[1], claim.start + start, document)
    return None


def _described_name(claim: MatchClaim, entity: Entity, inside: list[Entity]) -> Entity | None:
    """The name that `entity` and lower-case words describe: a country and any words ("US
    aircraft firm Boeing", "French president Jacques Chirac"), or a body and a title ("EU
    Commission president Jose Manuel Barroso"). The name is the subject even when it is
    also who speaks, since it stands where the subject does."""
    following = [other for other in inside if other.span.start >= entity.span.end]
    if not following:
        return None
    owned = following[0]
    gap = claim.text[entity.span.end - claim.start : owned.span.start - claim.start]
    if not _DESCRIBED_NAME_RE.fullmatch(gap):
        return None
    if known_name(entity.text.lower()):
        return owned
    titled = owned.kind == "person" and all(title_word(word) for word in gap.split())
    return owned if titled else None


def _capitalised_modifier(
    claim: MatchClaim, entity: Entity, start: int, document: DocumentSubjects
) -> bool:
    """A lone word capitalised only because it opens the clause, before the noun it modifies
    ("Weak dollar hits ...", "Buoyant economic conditions ...", "US-German carmaker X"): no
    name, so the noun phrase is the subject. The word must look ordinary: shaped like an
    adjective or a compound ("Sluggish", "Pre-tax"), or written in lower case elsewhere in the
    document. Known names, acronyms and names the document writes elsewhere stay ("Gazprom
    shares", "Velmor rowers")."""
    offset = entity.span.start - claim.start
    text = entity.text
    if claim.text[start:offset].strip(" \"“”'‘’") or entity.kind not in ("other", "person"):
        return False
    if " " in text or text.isupper() or any(char.isdigit() for char in text):
        return False
    if known_name(text.lower()) or document.names_elsewhere(entity):
        return False
    following = _NEXT_WORD_RE.match(claim.text, entity.span.end - claim.start)
    if following is None or verb_like(following[1]):
        return False
    if "-" in text and all(known_name(part.lower()) for part in text.split("-")):
        return True  # "US-German carmaker X", "Turkish-Austrian consortium Y"
    if text.lower() in ORDINARY_OPENERS:
        return True
    ordinary = re.compile(rf"(?<![\w-]){re.escape(text.lower())}(?![\w-])")
    return bool(_ADJECTIVE_SHAPE_RE.search(text) or ordinary.search(document.text))


_ADJECTIVE_SHAPE_RE = re.compile(
    r"(?:al|ous|ive|ic|ful|less|able|ible|ant|ent|ish|ed|ing|ary|er|est)$|-[a-z]"
)
"""Word endings of adjectives and comparatives, and compounds with a lower-case part."""


_DESCRIBED_NAME_RE = re.compile(r"\s+(?:[a-z][a-z-]*\s+){1,3}")
"""Lower-case words between a country and a name that they describe ("US aircraft firm
Boeing", "Russian oil giant Yukos"): the name is the subject, the country says where from."""
_NEXT_WORD_RE = re.compile(r"\s+([a-z][a-z-]*)\b")
_OF_RE = re.compile(r"(?i)\bof\s+(?:the\s+)?$")
_POSSESSIVE_RE = re.compile(r"^['’]s?(?=\s)")
_OPENING_PLACE_RE = re.compile(r"(?i)\s*(?:in|at)\s+(?:the\s+)?")
"""A place that opens the clause ("In Veltria 16% of nurses ..."): where the figure is of."""


def _owner(claim: MatchClaim, start: int, end: int, opening: bool = True) -> FrameSubject | None:
    """Whose thing the subject is: a name after "of" or with a possessive ("sales of Example
    Corp", "Veltria's economic output"), or a place that opens the clause when `opening`; a
    name after another preposition only says where or what about ("interest in Russian
    systems" is not Russia's)."""
    for entity in claim.entities:
        offset = entity.span.start - claim.start
        if not start <= offset < end or table_entity(entity) or chain_entity(claim, entity):
            continue
        after = claim.text[entity.span.end - claim.start :]
        before = claim.text[start:offset]
        placed = opening and _OPENING_PLACE_RE.fullmatch(before)
        if _OF_RE.search(before) or _POSSESSIVE_RE.match(after) or placed:
            return subject_of(entity, "claim")
    return None


def _first_named(claim: MatchClaim, start: int, end: int) -> FrameSubject | None:
    """The first name of a line without a verb (a headline, a label)."""
    for entity in claim.entities:
        offset = entity.span.start - claim.start
        own = not table_entity(entity) and not chain_entity(claim, entity)
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
        own = not table_entity(entity) and not chain_entity(claim, entity)
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


_OWNED_RE = re.compile(r"(?i)\b(?:its|their|his|her|our)\s+$")


def described_things(
    claim: MatchClaim, document: DocumentSubjects, content: Content
) -> list[FrameSubject]:
    """The entities the claim's proposition names, definite descriptions resolved: what it is
    also about (objects, targets, places). A name after a possessive pronoun only says which
    of its owner's things ("Ford ... its US sales dipped" is not about the US)."""
    found: list[FrameSubject] = []
    for entity in claim.entities:
        offset = entity.span.start - claim.start
        inside = content.start <= offset < content.end
        owned = _OWNED_RE.search(claim.text, 0, offset) is not None
        if inside and not owned and not table_entity(entity) and not chain_entity(claim, entity):
            found.append(subject_of(entity, "claim"))
    for match in _TARGET_RE.finditer(claim.text, content.start, content.end):
        noun = match[1].split()[-1].lower()
        if noun not in DESCRIPTION_KINDS and noun not in FACILITY_NOUNS:
            continue
        resolved = _described(noun, claim.start + match.start(), document)
        if resolved is not None and all(resolved.key != other.key for other in found):
            found.append(resolved)
    return found
