"""Whether a verb form is used in its sense of speech: a participle after a comma or a letter,
a reply closing its clause, not a plural noun, not a verb's other sense (`added 146,000 jobs`)."""

from __future__ import annotations

from claims.extract.attribution.lexicon import (
    AMBIGUOUS_LEMMAS,
    FIGURE_LEMMAS,
    SPEECH_LEMMAS,
    VERB_CUES,
)
from claims.extract.attribution.mention_kinds import BODY_NOUNS, PERSON_NOUNS
from claims.extract.attribution.report_object import figure_object, opens_report, takes_report
from claims.extract.attribution.tokens import (
    AUXILIARIES,
    DETERMINERS,
    PREPOSITIONS,
    PRONOUNS,
    Token,
    words,
)

EVIDENCE = words(
    "report reports poll polls survey surveys study studies analysis data review audit "
    "investigation research records documents figures numbers estimates emails results "
    "statistics findings email memo cable document video videos footage images polling "
    "files ledgers"
)
"""Subjects whose findings are reported: `The audit found the agency ...`."""

FINDING_LEMMAS = words("find determine demonstrate prove establish")
"""Verbs that report what a study or an inquiry found: cues without "that" after a subject
that holds evidence (`A study found the council ...`) or closing the clause they report
(`Y, the survey found.`)."""


def speech_participle(tokens: list[Token], at: int, lemma: str) -> bool:
    """`..., saying the plan failed`: a speech verb's -ing form after a comma is a cue, and
    after a noun when a report follows (`sent a letter saying the plant would close`)."""
    token = tokens[at]
    if not token.lower.endswith("ing") or lemma not in SPEECH_LEMMAS or not at:
        return False
    before = tokens[at - 1]
    if before.text in ",—–":
        return True
    return _after_a_noun(before) and not _can_speak(before.lower) and opens_report(tokens, at + 1)


def _can_speak(noun: str) -> bool:
    """A person or body (`the minister saying`, `voters saying`): no mute thing it was in."""
    singular = noun.removesuffix("s")
    return noun in _SPEAKING or singular in PERSON_NOUNS or singular in BODY_NOUNS


_SPEAKING = (
    PERSON_NOUNS
    | BODY_NOUNS
    | words("people residents critics voters workers officials authorities police")
)


def _after_a_noun(token: Token) -> bool:
    """A lower-case word that may end a noun phrase (`a letter`), not a function word."""
    lower = token.lower
    return (
        token.text.isalpha()
        and token.text.islower()
        and not token.quoted
        and lower not in PREPOSITIONS
        and lower not in AUXILIARIES
        and lower not in DETERMINERS
        and lower not in PRONOUNS
        and lower not in _CLAUSE_WORDS
    )


_CLAUSE_WORDS = words("and or but that which who not than")


def no_speech(tokens: list[Token], at: int, lemma: str) -> bool:
    """A verb of saying in its other sense: with no report (`added 146,000 jobs`, `showed
    growth`) or with a figure (`recalled 200,000 vans`); the findings of a poll or a study
    stay reported (`a poll showed a narrow lead`)."""
    if lemma not in AMBIGUOUS_LEMMAS and lemma not in FIGURE_LEMMAS:
        return False
    if evidence_subject(tokens, at):
        return False  # `records from the election cycle show Y`
    if tokens[at].lower == lemma and at and _singular_noun(tokens[at - 1]):
        return not parenthetical(tokens, at, lemma)  # `the product recall`: a noun; not
        # `Y, state media report.`
    if lemma in AMBIGUOUS_LEMMAS:
        return not takes_report(tokens, at)
    return figure_object(tokens, at) and not takes_report(tokens, at)


def _singular_noun(token: Token) -> bool:
    """A lower-case word that may end a singular noun phrase (`product`), which a base-form
    verb would not follow."""
    lower = token.lower
    return (
        token.text.isalpha()
        and token.text.islower()
        and not token.quoted
        and not lower.endswith(("s", "ly"))
        and lower not in AUXILIARIES
        and lower not in DETERMINERS
        and lower not in PRONOUNS
        and lower not in PREPOSITIONS
        and lower not in _CLAUSE_WORDS
        and lower not in _BASE_FORM_LEADS
    )


_BASE_FORM_LEADS = words("i we they you to not also still often never then now just")
"""Words after which a base form is a verb (`we report`, `to recall`, `still maintain`)."""


def evidence_subject(tokens: list[Token], at: int) -> bool:
    """`a poll showed`, `An average of recent polls by RCP shows`, `A CNN poll last month
    showed`: the subject holds a poll, a study or data."""
    for k in range(at - 1, max(-1, at - _SUBJECT_REACH - 1), -1):
        token = tokens[k]
        if token.quoted or token.text in ",;:()" or token.lower in _SUBJECT_BREAKS:
            return False
        if token.lower in EVIDENCE:
            return True
    return False


_SUBJECT_REACH = 10
_SUBJECT_BREAKS = words("that which who and but while because as when if")


def noun_after(before: Token | None) -> bool:
    """After a figure or a past or -ing verb an -s form is a plural noun (`635,173 reports`,
    `faced claims`, `prompting fears`)."""
    if before is None or before.quoted:
        return False
    text = before.text
    if any(c.isdigit() for c in text):
        return True
    lower = before.lower
    return (
        text.isalpha()
        and text.islower()
        and lower.endswith(("ed", "ing"))
        and lower not in AUXILIARIES
        and lower not in VERB_CUES
        and len(lower) > 4
    )


def parenthetical(tokens: list[Token], at: int, lemma: str) -> bool:
    """`Y, they counter, while Z` / `Y, critics counter.`: a speech verb after a short
    subject set off by a comma, closing its clause, with the report before it; a finding
    likewise (`Y, the survey found.`)."""
    if lemma not in SPEECH_LEMMAS | FINDING_LEMMAS or tokens[at].lower.endswith("ing"):
        return False
    nxt = tokens[at + 1].text if at + 1 < len(tokens) else "."
    if nxt not in ".,;!?":
        return False
    for k in range(at - 1, max(-1, at - 6), -1):
        token = tokens[k]
        if token.text == ",":
            return k < at - 1 and k > 0
        if (
            token.quoted
            or token.lower in AUXILIARIES
            or any(c.isdigit() for c in token.text)
            or (token.lower.endswith("ed") and token.text.islower())
            or not (token.text[:1].isalpha() or token.text in ("’s", "'s"))
        ):
            return False
    return False
