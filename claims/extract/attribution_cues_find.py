"""Finding cue occurrences among a sentence's tokens (outside quotations)."""

from __future__ import annotations

from typing import NamedTuple

from claims.extract.attribution_cues import (
    ACCORDING_CUES,
    MULTIWORD_OBJECT,
    MULTIWORD_SAY,
    MULTIWORD_STANCE,
    PASSIVE_CUES,
    SPEECH_LEMMAS,
    VERB_CUES,
    CueKind,
)
from claims.extract.attribution_tokens import DETERMINERS, OPEN_QUOTES, Token, words
from claims.extract.models import Stance

_BE_FORMS = words("is are was were be been being")
_BASE_FORM_SUBJECTS = words(
    "i we they you will would could should not do did also still strongly may might"
)
"""Words after which a base-form verb ("support", "want") is a verb, not a noun."""
_ING_LEADS = frozenset({",", "by", "while", "after", "before", "when", "—", "–"}) | _BE_FORMS
"""Only after these is an -ing object verb ("criticizing") a cue rather than a modifier."""
_STRICT_FOLLOWERS = frozenset({"that", ":"}) | OPEN_QUOTES


class Cue(NamedTuple):
    """A cue found at tokens `first` to `last` (inclusive)."""

    first: int
    last: int
    lemma: str
    kind: CueKind
    stance: Stance


def _matches(tokens: list[Token], at: int, phrase: tuple[str, ...]) -> bool:
    if at + len(phrase) > len(tokens):
        return False
    return all(
        tokens[at + k].lower == word and not tokens[at + k].quoted for k, word in enumerate(phrase)
    )


def _multiword_kind(lemma: str) -> CueKind:
    return CueKind.OBJECT if lemma.replace(" ", "_") in MULTIWORD_OBJECT else CueKind.SAY


def _phrase_table() -> dict[str, list[tuple[tuple[str, ...], str, CueKind, Stance]]]:
    """Phrasal cues indexed by their first word, longest first."""
    table: dict[str, list[tuple[tuple[str, ...], str, CueKind, Stance]]] = {}
    entries: list[tuple[tuple[str, ...], str, CueKind, Stance]] = []
    entries += [(p, " ".join(p), CueKind.ACCORDING, Stance.NEUTRAL) for p in ACCORDING_CUES]
    entries += [(p, " ".join(p), CueKind.PASSIVE, _passive_stance(p)) for p in PASSIVE_CUES]
    entries += [
        (p, lemma, _multiword_kind(lemma), MULTIWORD_STANCE.get(lemma, Stance.NEUTRAL))
        for p, lemma in MULTIWORD_SAY.items()
    ]
    for entry in sorted(entries, key=lambda e: -len(e[0])):
        table.setdefault(entry[0][0], []).append(entry)
    return table


def _noun_position(tokens: list[Token], at: int) -> bool:
    """After "the", "his" or "Trump's" a cue word is a noun ("his claims", "Editor's note")."""
    if not at:
        return False
    before = tokens[at - 1].lower
    return before in DETERMINERS or before.endswith(("’s", "'s"))


def _phrase_cue(tokens: list[Token], at: int) -> Cue | None:
    if _noun_position(tokens, at):
        return None
    for phrase, lemma, kind, stance in _PHRASES.get(tokens[at].lower, ()):
        if _matches(tokens, at, phrase):
            return Cue(at, at + len(phrase) - 1, lemma, kind, stance)
    return None


def _passive_stance(phrase: tuple[str, ...]) -> Stance:
    words = set(phrase)
    if words & {"claimed", "alleged", "allegedly", "purportedly"}:
        return Stance.DISTANCING
    if words & {"noted", "confirmed", "revealed", "known"}:
        return Stance.ENDORSING
    return Stance.NEUTRAL


_PHRASES = _phrase_table()


def _strict_ok(tokens: list[Token], at: int) -> bool:
    nxt = tokens[at + 1].lower if at + 1 < len(tokens) else ""
    if nxt in _STRICT_FOLLOWERS:
        return True
    after = tokens[at + 2].text if at + 2 < len(tokens) else ""
    return nxt == "," and after in OPEN_QUOTES


def _speech_participle(tokens: list[Token], at: int, lemma: str) -> bool:
    """`..., saying the plan failed`: a speech verb's -ing form after a comma is a cue."""
    token = tokens[at]
    before = tokens[at - 1].text if at else ""
    return token.lower.endswith("ing") and lemma in SPEECH_LEMMAS and before in ",—–"


def _base_form_ok(form: str, lemma: str, before: str) -> bool:
    """A base form ("support") is a verb only after a subject pronoun or an auxiliary."""
    if form != lemma:
        return True
    return before in _BASE_FORM_SUBJECTS or before.endswith(("n’t", "n't"))


def _verb_cue(tokens: list[Token], at: int) -> Cue | None:
    entry = VERB_CUES.get(tokens[at].lower)
    if entry is None:
        return None
    before = tokens[at - 1].lower if at else ""
    if _noun_position(tokens, at) or before == "to":
        return None
    participle = not tokens[at].lower.endswith("ing")
    if before in _BE_FORMS and participle and entry.kind is not CueKind.STRICT:
        return None
    if entry.kind is CueKind.OBJECT and not _base_form_ok(tokens[at].lower, entry.lemma, before):
        return None
    if entry.kind is CueKind.OBJECT and not participle and before not in _ING_LEADS:
        return None
    if entry.kind is CueKind.STRICT and not (
        _strict_ok(tokens, at) or _speech_participle(tokens, at, entry.lemma)
    ):
        return None
    kind = CueKind.SAY if entry.kind is CueKind.STRICT else entry.kind
    return Cue(at, at, entry.lemma, kind, entry.stance)


def find_cues(tokens: list[Token]) -> list[Cue]:
    """Cues outside quotations, left to right, never overlapping."""
    cues: list[Cue] = []
    at = 0
    while at < len(tokens):
        token = tokens[at]
        cue = None if token.quoted else (_phrase_cue(tokens, at) or _verb_cue(tokens, at))
        if cue is None:
            at += 1
            continue
        cues.append(cue)
        at = cue.last + 1
    return cues
