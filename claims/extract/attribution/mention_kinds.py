"""What a mention can be: the nouns of person and body descriptions, titles and genders,
topic words, and the tokens of a name's own noun phrase. Word lists and predicates that
coreference (`coreference.py`) and the attribution rules share."""

from __future__ import annotations

import re
from collections.abc import Callable

from claims.extract.attribution.lexicon import VERB_CUES
from claims.extract.attribution.names import Mention
from claims.extract.attribution.source_parts import TITLE_WORDS
from claims.extract.attribution.tokens import (
    AUXILIARIES,
    CLAUSE_BREAKS,
    CLOSE_QUOTES,
    PREPOSITIONS,
    PRONOUNS,
    Token,
    words,
)
from claims.extract.models import Role

PERSON_PRONOUNS = words("he she him her")
PERSON_NOUNS = words(
    "expert analyst minister ambassador spokesman spokeswoman spokesperson official diplomat "
    "president adviser advisor envoy general commander leader chairman chairwoman director "
    "chief secretary governor mayor senator lawmaker prosecutor judge founder premier king "
    "prince ceo economist researcher professor author writer blogger governor deputy aide "
    "candidate lawyer attorney colonel officer scientist activist spokesperson head "
    "front-runner frontrunner nominee challenger"
)
"""Head nouns of a description that means a person (`the expert`, `the deputy minister`)."""
BODY_NOUNS = words(
    "ministry agency department government company office council committee army military "
    "police channel newspaper network bank firm group party campaign administration embassy "
    "kremlin commission union organisation organization institute service court parliament "
    "broadcaster outlet website regulator watchdog authority authorities"
)
"""Head nouns of a description that means a body (`the ministry`, `the agency`)."""
GIVEN_NAME_TITLES = words("prince princess king queen sheikh sheikha emir sultan sir dame")
"""Titles written with a given name rather than a surname (`Prince Saud`, `Sir Digby`)."""

PERSON_CUES = PERSON_NOUNS | TITLE_WORDS - BODY_NOUNS - words("state press security military")


def group_role(role: str | None) -> bool:
    """A plural role before a name (`analysts Jupiter Research`, `pollsters Ipsos`): the name
    is a body whose members have that role, not a person."""
    last = role.split()[-1].lower() if role and role.split() else ""
    return last.endswith("s") and not last.endswith("ss") and last[:-1] in MEMBER_NOUNS


MEMBER_NOUNS = PERSON_NOUNS | words("researcher consultant pollster")


def body_like(mention: Mention) -> bool:
    """A body, or a one-word name (`Yukos`) that a person's would not be without a title."""
    return not mention.person or len(mention.name.split()) == 1


def not_surely_person(mention: Mention) -> bool:
    """What "it" may mean: a body, or a name that only looks like a person's (`Brent Foods`);
    not a name the text gives a person's title, honorific or role (`Tom Reed, an analyst`)."""
    return not (mention.person and mention.keys & PERSON_CUES)


COMPOUNDS = {
    ("general", noun) for noun in ("election", "elections", "assembly", "public", "strike")
}
"""A person noun that opens a compound noun (`the general election`) names no one."""

OFFICE_NOUNS = words("chancellor coach manager boss captain chairperson")
"""Offices a description may name (`the chancellor said`) that are not among the person
nouns the rest of attribution reads (a description, not a speaker's own word)."""

RANKS = words("deputy vice shadow former assistant acting junior")
"""Words of a role that make it another office than the same role without them."""

MALE = words("mr sir lord king prince sheikh emir sultan")
FEMALE = words("ms mrs miss dame lady queen princess sheikha")


def gender_fits(pronoun: str) -> Callable[[Mention], bool]:
    """ "he" is no one the text calls Ms or Queen, "she" no one it calls Mr or King (a
    description such as "the 30-year-old" takes either)."""
    if pronoun not in PERSON_PRONOUNS:
        return lambda mention: True
    other = FEMALE if pronoun in ("he", "him") else MALE
    return lambda mention: not mention.keys & other


AGE = re.compile(r"^\d{1,3}-year-old$")
PLAYER_NOUNS = words(
    "striker defender midfielder keeper goalkeeper winger forward youngster sprinter athlete "
    "veteran player skipper hooker fly-half scrum-half full-back batsman bowler jumper hurdler"
)
DEMONYMS = words(
    "scot scotsman welshman englishman irishman frenchman dutchman spaniard dane swede "
    "norwegian finn portuguese brazilian argentine italian german australian american "
    "kiwi briton russian croatian serb czech belgian austrian ukrainian canadian romanian "
    "bulgarian hungarian slovak chilean colombian mexican kenyan ethiopian moroccan"
)


def anyone(mention: Mention) -> bool:
    return True


def topic_word(word: str) -> bool:
    """`30-year-old`, `Scot`, `striker`: a description news writes for the person the report
    is about, which means the most salient person as "he" would."""
    lower = word.lower()
    return bool(AGE.match(lower)) or lower in PLAYER_NOUNS or lower in DEMONYMS


DETERMINERS = words("the a an")

NOUN_PHRASE_LINKS = words("of at in for from with on to the a an and")
"""Words inside a noun phrase after a name (`, a lawyer at Brent Foods in Dunmore,`)."""


def in_noun_phrase(token: Token) -> bool:
    """A token of a name's own apposition or modifier, not a verb, quotation or clause word
    that would put a clause between a name and a relative "who"."""
    if token.quoted or token.text in CLOSE_QUOTES:
        return False
    lower = token.lower
    if token.text in (",", "-", "'s", "’s") or lower in NOUN_PHRASE_LINKS:
        return True
    if not lower.replace("-", "").replace("'", "").isalnum():
        return False
    if lower in NOT_IN_PHRASE or lower in VERB_CUES:
        return False
    return token.text[:1].isupper() or not lower.endswith(("ed", "ing"))


NOT_IN_PHRASE = AUXILIARIES | CLAUSE_BREAKS | PREPOSITIONS - NOUN_PHRASE_LINKS | PRONOUNS
NOT_IN_PHRASE |= words("met told beat hit led won lost left made took gave saw sent put")
NOT_IN_PHRASE |= words("spoke speaks meets meet thanked praised")


def no_addressee(mention: Mention) -> bool:
    """ "they" and "which" never mean an outlet the text named as a speaker's audience (`told
    BBC Radio: "... what they say is"`)."""
    return mention.link is None or mention.link.role is Role.SPEAKER
