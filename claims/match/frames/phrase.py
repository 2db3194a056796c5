"""The words of a subject's noun phrase: what a nationality describes, where a verb the verb
list does not know ends the phrase, and which words belong to no name.

"The Palestinian economy shrank" is about the Palestinian economy, not Palestinians; its key
stays the country's, so that "the Japanese economy" and "Japan's economy" (whose owner is the
subject) still meet. "A futuristic shooter lets you play" ends its subject at "lets", though
the verb list lacks "let". Quantities ("Thousands of ...", "Sixty percent of ...")
and adverbs ("Amnesty International UK also questioned") are no part of a subject's name.
"""

from __future__ import annotations

import re

from claims.extract.gazetteer import demonyms
from claims.extract.models import Entity
from claims.match.frames.models import FrameSubject
from claims.text.normalize import word_set

QUANTITY_WORDS = word_set(
    """one two three four five six seven eight nine ten eleven twelve twenty thirty forty
    fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions
    billion billions dozen dozens tens scores half quarter percent"""
)
"""Words that count what follows them: a capitalised "Thousands" opening a sentence is no name."""
ADVERBS = word_set(
    """also still now already even just only either typically usually often again further
    then too currently recently generally certainly clearly"""
)
"""Adverbs that sit between a subject and its verb ("Amnesty International UK also
questioned"): no part of the subject."""
_PHRASE_WORD_RE = re.compile(r"\s+([a-z][a-z-]*)")
_WORD_RE = re.compile(r"[A-Za-z][\w'’-]*")
_OBJECT_STARTS = word_set(
    "the a an you it them him her us me this these those that his their its our my your some"
)
"""Words that open what a verb acts on: a word ending in "s" before one is a verb ("a
futuristic shooter lets you ...")."""
_NOT_VERB_ENDINGS = ("ss", "us", "is", "'s", "’s", "ics")
_NOT_VERBS = word_set(
    "perhaps always sometimes towards afterwards besides unless whereas thus plus news series"
    " species means lens chaos gas yes whereabouts"
)
_DETERMINERS = word_set("the a an this that these those its his her their our some many any")


def demonym_phrase(entity: Entity, text: str, offset: int, end: int) -> FrameSubject | None:
    """A nationality and the lower-case words after it, up to `end` (offsets into `text`,
    the claim's; `offset` is where the entity ends): "Palestinian economy", "American
    soldier", keyed by the country ("palestine", "us")."""
    if entity.text.lower() not in demonyms():
        return None
    words: list[str] = []
    position = offset
    while position < end:
        found = _PHRASE_WORD_RE.match(text, position, end)
        if found is None:
            break
        if found[1] not in ADVERBS:
            words.append(found[1])
        position = found.end()
    if not words or text[position:end].strip():
        return None
    country = demonyms()[entity.text.lower()]
    return FrameSubject(text=" ".join([entity.text, *words]), key=country, kind=entity.kind)


def unlisted_verb(text: str, start: int, end: int) -> int | None:
    """Where a third-person verb that the verb list lacks ends the subject in text[start:end]:
    a word in "s" after a singular noun or a name, before a word that opens an object ("A
    futuristic shooter lets you ...", "G Money acknowledges making ..."). A singular noun's
    ending is no sign: nouns in "-er", "-or" or "-ion" modify plurals as often ("energy
    sector investments", "inflation figures")."""
    words = list(_WORD_RE.finditer(text, start, end))
    for index in range(1, len(words) - 1):
        word = words[index][0]
        lowered = word.lower()
        if not word.islower() or not lowered.endswith("s") or lowered.endswith(_NOT_VERB_ENDINGS):
            continue
        if lowered in _NOT_VERBS:
            continue
        previous = words[index - 1][0].lower()
        following = words[index + 1][0].lower()
        if len(word) < 4 or previous.endswith("s") or previous in _DETERMINERS:
            continue
        if following in _OBJECT_STARTS or following.endswith("ing"):
            return words[index].start()
    return None


def name_of(subject: FrameSubject) -> str:
    """The name in a subject's text: a nationality's phrase ("German firm") names the
    nationality alone, since its noun ("firm") is no name that another claim's words could
    mention ("The US firm ...")."""
    first, _, rest = subject.text.partition(" ")
    if rest and demonyms().get(first.lower()) == subject.key:
        return first
    return subject.text
