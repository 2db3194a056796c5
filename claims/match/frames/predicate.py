"""What a claim says of its subject: the predicate and its object, an event, polarity and
modality.

The predicate is the main verb of what is asserted (auxiliaries and "going to" skipped):
"Iraq is going to buy S-400s" -> buy, object "s400". A negated claim's predicate is what the
negation governs ("the terminal was not damaged" -> damaged); a denial's is what is denied
("Kyiv denied carrying out the attack" -> attack). Evidence that shows a fact ("satellite
images showed damage") has the fact as predicate.
"""

from __future__ import annotations

import re

from claims.match import cues
from claims.match.frames.content import Content, verb_like
from claims.match.frames.models import Modality, Polarity
from claims.match.frames.vocabulary import (
    DAMAGE_WORDS,
    EVENT_NOUNS,
    EVENT_ROOTS,
    EVIDENCE_NOUNS,
    EVIDENCE_VERBS,
    FORECAST_RE,
    JUDGEMENT_RE,
    LIGHT_VERBS,
    OPINION_RE,
    PLAN_RE,
    RUMOUR_RE,
    VERB_FORMS,
)
from claims.match.models import MatchClaim
from claims.match.normalize.words import STOPWORDS, content_words, tokens
from claims.text.normalize import word_set

AUXILIARIES = word_set(
    "is are was were be been being has have had will would shall should can could may might"
    " must do does did going to set expected likely about able also still already reportedly"
    " allegedly not never no longer n't"
)
"""Words between a subject and its verb that are not the verb."""
CONTROL_VERBS = word_set(
    "promise promises promised pledge pledges pledged vow vows vowed plan plans planned aim aims"
    " aimed intend intends intended want wants wanted hope hopes hoped agree agrees agreed"
    " decide decides decided expect expects expected seek seeks sought try tries tried threaten"
    " threatens threatened continue continues continued refuse refuses refused fail fails"
    " failed need needs needed prepare prepares prepared start starts started starting begin"
    " begins began beginning"
)
"""Verbs whose act is the verb after "to" ("promised to cut" acts as "cut")."""
_DENIAL_VERB_RE = re.compile(
    r"(?i)\b(?:denied|denies|deny|denying|rejected|rejects|dismissed|dismisses|refuted|refutes)\b"
)
_NEGATION_RE = re.compile(r"(?i)\b(?:not|never|no\s+longer|cannot)\b|n['’]t\b")
_CLAUSE_END_RE = re.compile(r"[,;:()\"“”]|\s-\s|\b(?:but|while|because|after|before|which|who)\b")
OBJECT_WORDS = 4
COPULAS = word_set("is are was were be been being am")
COPULA = "be"
"""The predicate of a claim that says what its subject is, not what it does."""
_EVIDENCE_RE = re.compile(
    r"(?i)\b(?:"
    + "|".join(sorted(EVIDENCE_NOUNS))
    + r")\b[^,;.]{0,60}?\b(?:"
    + "|".join(sorted(EVIDENCE_VERBS))
    + r")\b"
)
"""Evidence and the verb with which it shows a fact ("satellite images ... showed")."""
_FORECAST = re.compile("(?i)" + FORECAST_RE)
_PLAN = re.compile("(?i)" + PLAN_RE)
_RUMOUR = re.compile("(?i)" + RUMOUR_RE)
_OPINION = re.compile("(?i)" + OPINION_RE)
_JUDGEMENT = re.compile("(?i)" + JUDGEMENT_RE)


def predicate_of(
    claim: MatchClaim, content: Content, verb: int | None, words: frozenset[str]
) -> tuple[str | None, str | None]:
    """The claim's predicate and the first words of its object, lower-case (`words`: the
    claim's tokens)."""
    text = claim.text
    if content.denier is not None:
        denial = _DENIAL_VERB_RE.search(text, content.start, content.end)
        if denial is None:
            return None, None
        return _next_word(text, denial.end(), content.end)
    evidence = (
        _EVIDENCE_RE.search(text, content.start, content.end) if words & EVIDENCE_NOUNS else None
    )
    if evidence is not None:
        return _next_word(text, evidence.end(), content.end)
    negation = _first_negation(text, content.start, content.end) if claim.negated else None
    if negation is not None:
        if _DENIAL_VERB_RE.fullmatch(negation[0]) and not _own_object(text, negation.end()):
            start = verb if verb is not None else content.start
            return _next_word(text, start, negation.start())
        return _next_word(text, negation.end(), content.end)
    if verb is None:
        return None, None
    return _next_word(text, verb, content.end)


def _first_negation(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first negation or denial of the content that negates (not "no later than")."""
    excluded = [m.span() for m in cues.NOT_NEGATION_RE.finditer(text)]
    for pattern in (_NEGATION_RE, _DENIAL_VERB_RE):
        for match in pattern.finditer(text, start, end):
            if not any(s <= match.start() < e for s, e in excluded):
                return match
    return None


def _own_object(text: str, start: int) -> bool:
    """A denial names what it denies ("denied attacking"), not only "it" or "that
    possibility"."""
    words = [w for w in content_words(_clause(text, start)) if w not in cues.BACK_REFERENCE_STEMS]
    return bool([w for w in words if w not in LIGHT_VERBS])


def _clause(text: str, start: int, end: int | None = None) -> str:
    rest = text[start:end]
    found = _CLAUSE_END_RE.search(rest)
    return rest[: found.start()] if found else rest


def _next_word(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """The first word from `start` that is neither auxiliary nor light, and what follows it;
    after a copula, a word that is no verb is what the subject is ("is Mr Sullivan", "was
    key to the case"): the predicate is "be" and that word starts its object."""
    words = [w for w in tokens(_clause(text, start, end)) if w.isalpha()]
    copula = False
    for index, word in enumerate(words):
        if word in COPULAS:
            copula = True
        if word in AUXILIARIES or word in LIGHT_VERBS or word in STOPWORDS:
            continue
        if copula and not verb_like(word):
            objects = [w for w in content_words(" ".join(words[index:])) if w not in LIGHT_VERBS]
            return COPULA, " ".join(objects[:OBJECT_WORDS]) or None
        if word in CONTROL_VERBS and words[index + 1 : index + 2] == ["to"]:
            continue
        if word in EVIDENCE_VERBS:
            continue
        rest = " ".join(words[index + 1 :])
        objects = [w for w in content_words(rest) if w not in LIGHT_VERBS][:OBJECT_WORDS]
        return word, " ".join(objects) or None
    return None, None


def same_predicate(first: str | None, second: str | None) -> bool:
    """One act under two forms ("attacked" / "attack", "bought" / "buy", "strike" / "struck")."""
    if not first or not second:
        return False
    if predicate_root(first) == predicate_root(second):
        return True
    group = cues.verb_group(first)
    return group is not None and group == cues.verb_group(second)


GENERIC_VERBS = word_set(
    "be have say said says make made take took get got go went come came know think see want"
    " expect plan need give use continue remain become seem look keep put tell told"
)
"""Verbs too general to say that two claims assert one act."""
STATE_WORDS = word_set(
    "worried pleased interested concerned surprised impressed disappointed delighted happy"
    " sure certain aware prepared satisfied convinced confident afraid scared excited amazed"
    " shocked upset annoyed tired bored"
)
"""Words of a state of mind, which a quote negates without denying an act."""


def is_act(word: str) -> bool:
    """A predicate that names an act or event ("attacked", "damage", "buy"), not a state or a
    verb too general to say which act."""
    if word in GENERIC_VERBS or word in STATE_WORDS:
        return False
    return word in VERB_FORMS or word in EVENT_NOUNS or word in DAMAGE_WORDS or word in EVENT_ROOTS


def predicate_root(word: str) -> str:
    """An event's one name ("struck" -> strike) or the word without its inflection."""
    return EVENT_ROOTS.get(word, cues.word_root(word))


def event_of(words: list[str]) -> str | None:
    """The event a claim is about ("the drone attack", "the blast"), by one name."""
    for word in words:
        if word in EVENT_NOUNS or word in EVENT_ROOTS:
            return EVENT_ROOTS.get(word, word)
    return None


def polarity_of(claim: MatchClaim, content: Content, verb: int | None) -> Polarity:
    """Denied when the main clause negates or denies what it asserts ("the terminal was not
    damaged", "Kyiv denied ...", "no one was hurt"); a negation in another clause ("a lead
    they never lost"), in a condition or of the writer's own view is not the claim's."""
    if not claim.negated or not cues.negated_scopes(claim.text):
        return "asserted"
    if cues.hypothetical_negations(claim.text) or cues.opinion_negations(claim.text):
        return "asserted"
    if content.denier is not None:
        return "denied"
    negation = _first_negation(claim.text, content.start, content.end)
    if negation is None:
        return "asserted"
    start = verb if verb is not None else content.start
    if negation.start() < start:
        return "denied" if negation.start() >= content.start else "asserted"
    between = claim.text[start : negation.start()]
    near = len(between.split()) <= MAIN_CLAUSE_WORDS and not _CLAUSE_END_RE.search(between)
    return "denied" if near else "asserted"


MAIN_CLAUSE_WORDS = 3
"""Words a main-clause negation may stand after its verb ("has not", "was still not")."""


def modality_of(claim: MatchClaim, content: Content, words: frozenset[str]) -> Modality:
    """Rumour, opinion, plan, forecast or fact, read from the claim's own words."""
    text = claim.text
    asserted = text[content.start : content.end]
    if words & RUMOUR_HINTS and _RUMOUR.search(text) and content.denier is None:
        return "rumour"
    opinion = claim.kind in ("opinion", "quotation") and words & OPINION_HINTS
    if opinion and _OPINION.search(asserted):
        return "opinion"
    if words & JUDGEMENT_HINTS and _JUDGEMENT.search(text):
        return "opinion"
    if words & PLAN_HINTS and _PLAN.search(asserted):
        return "plan"
    if claim.kind == "prediction" or (words & FORECAST_HINTS and _FORECAST.search(asserted)):
        return "forecast"
    return "fact"


RUMOUR_HINTS = word_set(
    "reportedly rumours rumour rumors rumor rumoured rumored speculation speculated allegedly"
    " unconfirmed unverified purportedly supposedly reports report sources"
)
OPINION_HINTS = word_set("i we my our should ought must best worst greatest")
JUDGEMENT_HINTS = word_set(
    "great best worst greatest brilliant terrible awful excellent overrated underrated"
    " fantastic wonderful amazing superb dreadful rubbish pathetic boring stupid ridiculous"
)
PLAN_HINTS = word_set(
    "plan plans planned planning intend intends aim aims scheduled is are held proposed"
    " propose proposes seek seeks want wants agreed will"
)
FORECAST_HINTS = word_set(
    "will shall would expect expects expected forecast forecasts projected project projects"
    " predict predicts predicted estimate estimates estimated likely outlook could next"
)
"""Words without which the modality patterns cannot match: checked first, as sets."""
