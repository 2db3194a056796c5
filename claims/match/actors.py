"""Whether two claims that share words say the same thing of the same actor.

Word overlap finds claims that may say one thing; two kinds of overlap do not mean it. Two
claims whose frames name different actors, neither of whom the other claim mentions, report
one act of two actors ("Mr Myers has pleaded guilty" / "He has pleaded guilty", he being Mr
Sullivan; "the US firm ... buy Fiat" / "the German firm wanted to buy Fiat"). And words shared
only inside names say who, not what: a claim about the Office for National Statistics and a
figure the ONS gave share the name and nothing said of it; a word that is a name in one claim
and a common word in the other ("An Assessment" in a report's title, "economic assessment")
is not shared at all. Either makes a corroboration or a duplicate only related.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.extract.entities import known_name
from claims.extract.models import DateValue
from claims.match.frames.align import same_subject, subject_names
from claims.match.frames.models import Frame, FrameSubject
from claims.match.frames.phrase import ADVERBS, name_of
from claims.match.frames.vocabulary import VERB_FORMS
from claims.match.models import MatchClaim
from claims.match.normalize.words import content_words
from claims.match.subjects import same_name

ACTOR_KINDS = frozenset({"person", "organization", "group", "place"})
"""Subjects that act: named people, bodies and countries, not described things."""
GUESSED = frozenset({"lead", "dateline"})
"""Subjects a line without one of its own borrows from its document's lead or dateline: a
guess, not who acts."""


def said_by(claim: MatchClaim) -> frozenset[str]:
    """The content words that say who said the claim: its speaker's and relays' mentions and
    the roles the text gives them ("Ian Fogg, broadband analyst at Jupiter Research"). Two
    statements of one analyst share his name and title, not what he said. The publisher,
    taken from the document's metadata, is not in the sentence."""
    words: set[str] = set()
    for node in claim.chain:
        if node.role == "publisher":
            continue
        words.update(content_words(node.mention))
        if node.speaker_role:
            words.update(content_words(node.speaker_role))
    return frozenset(words)


REPORTING_WORDS = frozenset(
    content_words(
        "believe believes believed think thinks thought expect expects expected argue argues"
        " argued insist insists insisted suggest suggests suggested predict predicts predicted"
        " warn warns warned claimed stressed noted told likely unlikely probably possibly"
        " perhaps"
    )
)
"""Words that say someone said, thought or expected something, or how sure it is ("Analysts
believe a compromise is likely" / "We believe ... this will likely hurt revenue"): how a
claim is reported, not what it says, so never what two claims share of their content."""


TIME_WORDS = frozenset(
    content_words(
        "last next past previous recent coming earlier later ago since day days week"
        " weeks weekend month months quarter half year years decade decades century today"
        " yesterday tomorrow morning afternoon evening night monday tuesday wednesday thursday"
        " friday saturday sunday january february march april may june july august september"
        " october november december"
    )
)
"""Words that say when ("in the last 18 months", "the first quarter of 2005"): two claims that
share only a period and a word or two say different things of different times."""


def time_words(claim: MatchClaim) -> frozenset[str]:
    """The claim's words that say when: TIME_WORDS and the words of its dates ("2005",
    "18" in "the last 18 months"), but not those of a date to the day ("on 11 March"), which
    dates one event: two claims that give it say one thing of it."""
    found = set(TIME_WORDS)
    days: set[str] = set()
    for value in claim.dates:
        words = content_words(value.text)
        if _names_a_day(value, words):
            days.update(words)
        elif not _YEAR_RE.search(value.text):
            found.update(words)
    return frozenset(found - days)


_YEAR_RE = re.compile(r"\b(?:1[89]|20)\d\d\b")
"""A year written out: a date that names it ("in 1999 and 2001") dates events, not a span."""
_MONTHS = frozenset(
    content_words(
        "january february march april may june july august september october november december"
    )
)


def _names_a_day(value: DateValue, words: list[str]) -> bool:
    """The date (its content `words`) names a day of a month ("11 March", "March 11, 2005"),
    resolved or not."""
    return value.precision == "day" or (
        any(word in _MONTHS for word in words)
        and any(word.isdigit() and len(word) <= 2 for word in words)
    )


def names(claim: MatchClaim) -> tuple[frozenset[str], ...]:
    """The content words of each of the claim's names (its entities) that say who: not places,
    which say where ("missed tests in Tel Aviv, Chicago and Athens"), nor a lone capitalised
    word that opens a sentence, which may be no name at all."""
    found: list[frozenset[str]] = []
    for entity in claim.entities:
        if entity.kind == "place" or _opening_word(claim, entity.span.start, entity.text):
            continue
        words = frozenset(content_words(entity.text))
        if words and words not in found:
            found.append(words)
    return tuple(found)


_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:]\s+|[\"“‘']\s*)$")


def _opening_word(claim: MatchClaim, start: int, text: str) -> bool:
    """A lone capitalised word that opens a sentence ("Private sector surveys ..."): the
    capital says nothing, unless the gazetteer knows it as a name."""
    if " " in text.strip() or known_name(text.lower()):
        return False
    return bool(_SENTENCE_START_RE.search(claim.text[: max(0, start - claim.start)]))


@dataclass(frozen=True)
class SharedWords:
    """The shared words of two claims, by what they say."""

    content: frozenset[str]
    """Words that say what: a name on neither side, or a name both claims write."""
    names: frozenset[str]
    """Words of a name both claims give: who."""
    lookalikes: frozenset[str]
    """Words of a name one claim gives that the other writes as another word ("An
    Assessment" / "economic assessment")."""


def shared_words(
    shared: frozenset[str],
    first: tuple[frozenset[str], ...],
    second: tuple[frozenset[str], ...],
    first_words: tuple[frozenset[str], frozenset[str]],
    second_words: tuple[frozenset[str], frozenset[str]],
) -> SharedWords:
    """What the shared words say (`first`, `second`: each claim's `names`; `*_words`: its
    content words and those it writes in lower case). A word of a name both claims give, or
    that the other writes capitalised, is who; a word of a name only one gives says what when
    the other claim writes that name too, in its own case (most of its words and at least
    two: "Action Plan for the Development of Italy" / "Italy to get economic action plan");
    else, written in lower case there, it is another word that looks the same."""
    content: set[str] = set()
    names: set[str] = set()
    lookalikes: set[str] = set()
    for word in shared:
        mine = [name for name in first if word in name]
        theirs = [name for name in second if word in name]
        if not mine and not theirs:
            content.add(word)
            continue
        other, lower = second_words if mine else first_words
        if (mine and theirs) or word not in lower:
            names.add(word)
        elif any(_written_in(name, other) for name in mine or theirs):
            content.add(word)
        else:
            lookalikes.add(word)
    return SharedWords(frozenset(content), frozenset(names), frozenset(lookalikes))


def distinct_names(words: frozenset[str], names: tuple[frozenset[str], ...]) -> int:
    """How many names `words` hold, a name written two ways in two claims counted once
    ("Peter Halloway" / "Halloway")."""
    groups: list[set[str]] = []
    for name in names:
        held = name & words
        if not held:
            continue
        joined = [group for group in groups if group & held]
        merged = set(held).union(*joined)
        groups = [group for group in groups if not group & held] + [merged]
    return len(groups)


def lower_case_words(text: str) -> frozenset[str]:
    """The content words `text` writes in lower case."""
    return frozenset(content_words(" ".join(_LOWER_RE.findall(text))))


_LOWER_RE = re.compile(r"(?<![\w’'-])[a-z][\w’'-]*")


def _written_in(name: frozenset[str], words: frozenset[str]) -> bool:
    """Most of a name's words, and at least two, are among `words`."""
    held = len(name & words)
    return held >= MIN_NAME_WORDS and 2 * held >= len(name)


MIN_NAME_WORDS = 2


def different_actors(
    first: Frame,
    second: Frame,
    first_words: frozenset[str],
    second_words: frozenset[str],
    texts: tuple[str, str],
) -> str | None:
    """The two actors, in words, when the frames name different ones and neither claim
    mentions the other's (`*_words`: each claim's content words; `texts`: the two claims');
    else None."""
    one, other = first.subject, second.subject
    if one is None or other is None:
        return None
    if not (_sure_actor(one, texts[0]) and _sure_actor(other, texts[1])):
        return None
    if _owner_only(one, texts[0]) or _owner_only(other, texts[1]):
        return None
    nouns = (_described_by(one, texts[0]), _described_by(other, texts[1]))
    if nouns[0] != nouns[1] and not all(noun is None or _owned(noun) for noun in nouns):
        return None  # "The Vermont senator" names no one; "Mr. Sanders" may be him
    if nouns[0] == nouns[1] and nouns[0] is not None and not _owners(one, other, nouns[0]):
        return None  # "The main Oscar ceremony" / "The Academy Awards ceremony": one event
    if same_subject(one, other) or same_name(one.text, one.key, other.text, other.key):
        return None
    if set(content_words(name_of(one))) & set(content_words(name_of(other))):
        return None  # "Attorney General" / "Attorney General Lord Goldsmith"
    if _mentions(second, second_words, one) or _mentions(first, first_words, other):
        return None
    return f"{one.text} vs {other.text}"


def acts(subject: FrameSubject | None) -> bool:
    """A subject that says who acts: a name of its own or resolved, not a guess."""
    return subject is not None and subject.kind in ACTOR_KINDS and subject.found not in GUESSED


def _sure_actor(subject: FrameSubject, claim: str) -> bool:
    """An actor sure enough to tell two claims apart: a pronoun's antecedent only when it is a
    person ("he", "she"); "it" and "they" point at things and at nothing as often. A name the
    registry does not know, every word capitalised, is one too ("The Clinton campaign did not
    respond ..." / "Trump campaign spokeswoman Hope Hicks did not respond ...")."""
    if acts(subject):
        return subject.found != "pronoun" or subject.kind == "person"
    if subject.kind != "other" or subject.found != "claim" or not _capitalised(subject.text):
        return False
    return not _opening_plural(subject, claim)


def _opening_plural(subject: FrameSubject, claim: str) -> bool:
    """A single word ending in "s" that opens the claim ("Experts now expect ...", "Voters
    in ..."): a plural capitalised by its place in the sentence, not a name."""
    text = subject.text
    return " " not in text and text.endswith("s") and claim.lstrip(" \"“‘'").startswith(text)


def _capitalised(text: str) -> bool:
    words = re.findall(r"[A-Za-z][\w’'-]*", text)
    return bool(words) and all(word[0].isupper() for word in words)


def _owner_only(subject: FrameSubject, claim: str) -> bool:
    """A place that only owns the subject ("America's former 200m champion is ..."): the
    actor is the one described, whom the place does not name."""
    return subject.kind == "place" and bool(
        re.search(rf"(?<![\w-]){re.escape(subject.text)}['’]s?\s+[a-z]", claim)
    )


def _described_by(subject: FrameSubject, claim: str) -> str | None:
    """The noun a name describes ("the Vermont senator", "The embattled Russian oil giant",
    "The German firm", "The Clinton campaign"): the word after it that is no verb, adverb or
    negation; else None ("Russia said", "Trump did not respond")."""
    if name_of(subject) != subject.text:
        return subject.text.split()[-1]  # a nationality's phrase: "German firm"
    found = re.search(rf"(?<![\w-]){re.escape(subject.text)}\s+([a-z][\w-]*)", claim)
    if found is None:
        return None
    word = found.group(1)
    if word in VERB_FORMS or word in ADVERBS or word in _NEGATIONS:
        return None
    return word


_NEGATIONS = frozenset({"not", "never", "no"})
OWNED_NOUNS = frozenset(
    content_words(
        "campaign campaigns spokesman spokeswoman spokesperson lawyer lawyers attorney"
        " attorneys aide aides team office family staff camp firm company"
    )
)
"""Nouns a name before them owns ("The Clinton campaign", "The US firm"): two names before one
such noun are two actors. Before another noun two names may name one thing ("The main Oscar
ceremony" / "The Academy Awards ceremony")."""


def _owned(noun: str) -> bool:
    """A noun whose owner acts through it ("The Clinton campaign", "Trump campaign
    spokeswoman Hope Hicks" speak for Clinton and Trump)."""
    words = content_words(noun)
    return bool(words) and words[0] in OWNED_NOUNS


def _owners(one: FrameSubject, other: FrameSubject, noun: str) -> bool:
    """Two subjects that describe one `noun` name two actors: a noun that names belong to, or
    two places or nationalities ("the Vermont senator" / "the Texas senator")."""
    return _owned(noun) or all(subject.kind in _WHERE for subject in (one, other))


_WHERE = frozenset({"place", "group"})


def one_actor(
    first: Frame, second: Frame, first_words: frozenset[str], second_words: frozenset[str]
) -> bool:
    """The subject of one claim, a name, is named in the other (`*_words`: each claim's
    content words): "But the Home Office defended the measures" / "a spokesman for the Home
    Office defended the proposals"."""
    return any(
        subject is not None and named(subject) and _mentions(frame, words, subject)
        for subject, frame, words in (
            (first.subject, second, second_words),
            (second.subject, first, first_words),
        )
    )


def named(subject: FrameSubject) -> bool:
    """A subject given by a name: an actor, or a thing whose words are all capitalised."""
    if acts(subject):
        return True
    words = re.findall(r"[A-Za-z][\w’'-]*", subject.text)
    return subject.found not in GUESSED and bool(words) and all(w[0].isupper() for w in words)


def _mentions(frame: Frame, words: frozenset[str], subject: FrameSubject) -> bool:
    """The claim of `frame` names `subject` somewhere: in its frame or by a word of its name."""
    if any(same_subject(subject, named) for named in subject_names(frame)):
        return True
    return bool(set(content_words(name_of(subject))) & words)
