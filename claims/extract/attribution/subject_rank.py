"""Whether a name is a sentence's subject, so that "he" means the person a report is about.

Pure and sentence-level, without a parser: walking left from the name over its own noun
phrase (a role, a possessive, a title), what governs it decides (a verb or a preposition:
an object; a conjunction: a clause's subject; nothing or a fronted phrase: the subject).
"""

from __future__ import annotations

from claims.extract.attribution.lexicon import VERB_CUES, CueKind
from claims.extract.attribution.source_parts import TITLE_WORDS
from claims.extract.attribution.tokens import (
    AUXILIARIES,
    CLAUSE_BREAKS,
    LEADING_FILLERS,
    PREPOSITIONS,
    PRONOUNS,
    QUOTE_MARKS,
    Token,
    words,
)

_ROLE_LEADS = words("the a an") | TITLE_WORDS
"""Words a subject's name may follow inside its own noun phrase (`the chief executive, X`)."""
_OPENERS = words(
    "on in at during after before last earlier later since meanwhile however speaking "
    "asked yesterday today separately elsewhere"
)
"""First words of a phrase fronted before a subject (`On Monday, X said`)."""
_PAST_VERBS = words(
    "met told beat hit led won lost left made took gave saw sent put set cut let sold bought "
    "brought caught held kept paid sought spent struck taught thought urged found got had "
    "knew meant ran rang said told wrote became began chose drove fought flew heard"
)
"""Irregular past forms that govern a name as their object (`Reed met Ann Vell`)."""
_GOVERNING = PREPOSITIONS | CLAUSE_BREAKS | AUXILIARIES | PRONOUNS | _PAST_VERBS


def _role_word(token: Token) -> bool:
    """A word of a name's own noun phrase: a capitalised word, a title, a determiner, a
    possessive, or a lower-case modifier that is no verb, preposition or conjunction
    (`shadow home secretary`, `ex-foreign secretary`, `the athletes' lawyer`)."""
    if token.text[:1].isupper() or token.lower in _ROLE_LEADS:
        return True
    lower = token.lower
    if lower.endswith(("'", "’", "'s", "’s")) and lower.rstrip("'’s").isalpha():
        return True
    if not lower.replace("-", "").isalpha() or lower in _GOVERNING:
        return False
    if lower.endswith(("ed", "ing", "ly")) and lower not in TITLE_WORDS:
        return False
    return not (lower.endswith("s") and not lower.endswith("ss") and lower not in TITLE_WORDS)


MAIN_SUBJECT = 2
CLAUSE_SUBJECT = 1
_CLAUSE_OPENERS = words(
    "as when while after before because since although though but whereas until once that"
)
"""Conjunctions after which a name is the subject of its own clause (`came as X backed`)."""


def subject_rank(tokens: list[Token], start: int, reported: bool = False) -> int:
    """How surely the name starting at `start` is a subject: `MAIN_SUBJECT` when it opens its
    sentence's clause after at most a role, a possessive or a fronted phrase (`Conservative
    shadow home secretary X`, `The chief executive, X,`, `On Monday, X`); `CLAUSE_SUBJECT`
    after a conjunction or as the agent of a reaction (`came as X backed`, `was welcomed by
    X`), and with `reported` after a speech verb (`Arab News said X had`); 0 for an object
    or a name after a preposition (`met X`, `founded by X`)."""
    k = next((i for i, t in enumerate(tokens) if t.start >= start), len(tokens))
    first = _clause_start(tokens, k)
    while k > first:
        token = tokens[k - 1]
        after = tokens[k].text
        if _between_parties(tokens, k - 1, first):
            return CLAUSE_SUBJECT  # `talks between the council and X`: a party is salient
        modifier = (  # `pensions secretary`, not `meets President`
            token.text.isalpha() and after.islower() and after in TITLE_WORDS
        ) and token.lower not in _GOVERNING
        if (
            _role_word(token)
            or modifier
            or (token.lower == "of" and tokens[k - 2].lower in TITLE_WORDS)
        ):
            k -= 1
            continue
        if token.lower == "by" and k >= 2 and tokens[k - 2].lower in VERB_CUES:
            return CLAUSE_SUBJECT  # `was welcomed by X`: the agent of a reaction speaks
        if token.lower in _CLAUSE_OPENERS:
            return CLAUSE_SUBJECT
        cue = VERB_CUES.get(token.lower) if reported else None
        if cue is not None and cue.kind is CueKind.SAY and not token.lower.endswith("ing"):
            return CLAUSE_SUBJECT  # `Arab News said Labour Minister X had`: the reported subject
        if token.text != ",":
            return 0  # a verb, a preposition or a conjunction governs the name
        lead = tokens[first : k - 1]
        while lead and lead[0].lower in LEADING_FILLERS:
            lead = lead[1:]  # `But the landlord, X, was angry`
        opens = bool(lead) and (
            lead[0].lower in _OPENERS
            or all(t.text[:1].isupper() or t.lower in _ROLE_LEADS for t in lead)
            or _described(lead)
        )
        return MAIN_SUBJECT if opens else 0
    return MAIN_SUBJECT


_PARTY_LINKS = words("and the a an") | TITLE_WORDS


def _between_parties(tokens: list[Token], at: int, first: int) -> bool:
    """`between` governs the name at `at`, directly or through the first party (`between
    the council and landlord X`): the parties of a dispute or talks are what it is about."""
    if tokens[at].lower == "between":
        return True
    if tokens[at].lower != "and":
        return False
    for k in range(at - 1, max(first, at - 8) - 1, -1):
        lower = tokens[k].lower
        if lower == "between":
            return True
        if not (tokens[k].text[:1].isupper() or lower in _PARTY_LINKS or lower.isalpha()):
            return False
        if lower in _GOVERNING and lower not in _PARTY_LINKS:
            return False
    return False


def _described(lead: list[Token]) -> bool:
    """`the landlord, X`, `a local lawyer, X`: a determiner and a short description of the
    name that follows in apposition."""
    return (
        1 < len(lead) <= 4
        and lead[0].lower in words("the a an")
        and all(_role_word(t) and t.text[:1].islower() for t in lead[1:])
    )


def _clause_start(tokens: list[Token], k: int) -> int:
    """Where the sentence's own words start before token `k`: after a quotation or a
    sentence that the splitter left in front (`"... crisis." On Sunday, X told`)."""
    for at in range(k - 1, -1, -1):
        if tokens[at].quoted or tokens[at].text in ".?!" or tokens[at].text in QUOTE_MARKS:
            return at + 1
    return 0
