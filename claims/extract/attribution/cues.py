"""Finding cue occurrences among a sentence's tokens (outside quotations)."""

from __future__ import annotations

from typing import NamedTuple

from claims.extract.attribution.lexicon import (
    ACCORDING_CUES,
    AMBIGUOUS_LEMMAS,
    MULTIWORD_OBJECT,
    MULTIWORD_SAY,
    MULTIWORD_STANCE,
    PASSIVE_CUES,
    SEEM_FORMS,
    SPEECH_LEMMAS,
    VERB_CUES,
    CueKind,
)
from claims.extract.attribution.speech_sense import (
    EVIDENCE,
    FINDING_LEMMAS,
    evidence_subject,
    no_speech,
    noun_after,
    parenthetical,
    speech_participle,
)
from claims.extract.attribution.tokens import (
    DETERMINERS,
    OPEN_QUOTES,
    PREPOSITIONS,
    Token,
    words,
)
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
    """After "the", "his", "Trump's" or "too much" a cue word is a noun ("his claims",
    "Editor's note", "too much stress"); before the head of a compound it opens, it is part
    of a noun ("economics think tank", "warning signs")."""
    if at + 1 < len(tokens) and tokens[at + 1].lower in _COMPOUND_HEADS.get(tokens[at].lower, ()):
        return True
    if not at:
        return False
    before = tokens[at - 1].lower
    return before in DETERMINERS or before in _QUANTIFIERS or before.endswith(("’s", "'s"))


_QUANTIFIERS = words("much more less")
_COMPOUND_HEADS = {
    "think": words("tank tanks"),
    "warning": words("sign signs shot shots label labels light lights"),
    "report": words("card cards"),
    "claim": words("form forms"),
}
"""Nouns that make a compound with a cue word before them (`think tank`, `report card`)."""


def _phrase_cue(tokens: list[Token], at: int) -> Cue | None:
    if _noun_position(tokens, at):
        return None
    for phrase, lemma, kind, stance in _PHRASES.get(tokens[at].lower, ()):
        if _matches(tokens, at, phrase):
            if phrase == ("went", "on") and _goes_on_sale(tokens, at + 2):
                return None
            if lemma == "put it" and not _puts_it_in_words(tokens, at, at + 2):
                return None
            return Cue(at, at + len(phrase) - 1, lemma, kind, stance)
    return None


_NOT_SPEECH_AFTER_WENT_ON = words("sale display show trial strike air tour holiday leave")


def _puts_it_in_words(tokens: list[Token], at: int, after: int) -> bool:
    """`As X put it, “Y”`, `X put it: Y`: a way of saying, not `put it on hold`."""
    if after >= len(tokens):
        return True
    return tokens[after].text in (":", ",", ".") or tokens[after].quoted


def _goes_on_sale(tokens: list[Token], at: int) -> bool:
    """`It went on sale`, `went on trial`, `went on strike`: no speech, an event."""
    return at < len(tokens) and tokens[at].lower in _NOT_SPEECH_AFTER_WENT_ON


def _passive_stance(phrase: tuple[str, ...]) -> Stance:
    words = set(phrase)
    if words & {"claimed", "alleged", "allegedly", "purportedly"}:
        return Stance.DISTANCING
    if words & {"noted", "confirmed", "revealed", "known"}:
        return Stance.ENDORSING
    return Stance.NEUTRAL


_PHRASES = _phrase_table()

_CLAUSE_OPENERS = words("he she they we i it there")
"""A pronoun subject right after a verb opens its clause: `found it was`, `knew he would`."""

_FINITE = words(
    "is are was were will would could can may might must should has have had does did needs wants"
)

_PERCEPTION = words("see sees saw seen hear hears heard read reads")


def _strict_ok(tokens: list[Token], at: int) -> bool:
    nxt = tokens[at + 1].lower if at + 1 < len(tokens) else ""
    if nxt in _STRICT_FOLLOWERS:
        return True
    if (
        nxt in _CLAUSE_OPENERS
        and at + 2 < len(tokens)
        and tokens[at + 2].lower in _FINITE
        and tokens[at].lower not in _PERCEPTION
    ):
        return True
    if at and tokens[at - 1].lower in EVIDENCE and nxt[:1].isalnum():
        return True
    if nxt[:1].isalnum() and _finding(tokens, at):
        return True
    after = tokens[at + 2].text if at + 2 < len(tokens) else ""
    return nxt == "," and after in OPEN_QUOTES


def _finding(tokens: list[Token], at: int) -> bool:
    """`A study by the institute found the council ...`: a finding verb after a subject that
    holds a study, a poll or data reports its object without "that"."""
    entry = VERB_CUES.get(tokens[at].lower)
    return entry is not None and entry.lemma in FINDING_LEMMAS and evidence_subject(tokens, at)


RELAY_VERBS = words("quoted cited quotes cites quote cite")
"""Verbs of `X quoted Y as saying Z`: X relays what Y said."""
_MAX_RELAYED = 12
"""How many tokens the quoted person's name and role may take (`the Kremlin spokesman, ...`)."""


def relay_verb(tokens: list[Token], verb_at: int) -> tuple[int, int] | None:
    """The relay verb and the `as` before a speech verb in `X quoted Y as saying`, `Y was
    quoted (by X) as saying`, `X cited Y as having said`."""
    as_at = verb_at - 2 if verb_at > 1 and tokens[verb_at - 1].lower == "having" else verb_at - 1
    if as_at < 1 or tokens[as_at].lower != "as":
        return _quoted_participle(tokens, verb_at)
    for k in range(as_at - 1, max(-1, as_at - _MAX_RELAYED - 2), -1):
        token = tokens[k]
        if token.quoted or token.text in ";:.":
            return None
        if token.lower in RELAY_VERBS:
            return k, as_at
    return None


_QUOTED = words("quoted")
_MAX_QUOTED_NAME = 6
"""How many words the quoted person may take with no `as` (`quoted Home Secretary Tom Reed`)."""


def _quoted_participle(tokens: list[Token], verb_at: int) -> tuple[int, int] | None:
    """`X quoted Y telling Z`, `Y was quoted saying Z`: the relay verb before a speech verb's
    -ing form with no `as`, only a name between (no comma: `quoted the report, saying` is
    X's own report); the speech verb stands where `as` would."""
    if not tokens[verb_at].lower.endswith("ing"):
        return None
    for k in range(verb_at - 1, max(-1, verb_at - _MAX_QUOTED_NAME - 2), -1):
        token = tokens[k]
        if token.quoted or not token.text[:1].isalnum():
            return None
        if token.lower in _QUOTED:
            following = tokens[k + 1].lower if k + 1 < verb_at else ""
            return (k, verb_at) if following not in PREPOSITIONS - {"by"} else None
    return None


def _relayed_participle(tokens: list[Token], at: int, lemma: str) -> bool:
    """`X quoted Y as saying Z`: a speech verb's -ing form after `as` and a relay verb."""
    return (
        tokens[at].lower.endswith("ing")
        and lemma in SPEECH_LEMMAS
        and relay_verb(tokens, at) is not None
    )


def _after_quotation(tokens: list[Token], at: int, lemma: str) -> bool:
    """`“...,” Trump continued.`: a speech verb closing a quotation's attribution."""
    if lemma not in SPEECH_LEMMAS or tokens[at].lower.endswith("ing"):
        return False
    nxt = tokens[at + 1].text if at + 1 < len(tokens) else "."
    if nxt not in ".,;!?" and not tokens[at + 1].quoted:
        return False
    return any(t.quoted for t in tokens[max(0, at - 6) : at])


def _base_form_ok(form: str, lemma: str, before: str) -> bool:
    """A base form ("support") is a verb only after a subject pronoun or an auxiliary."""
    if form != lemma:
        return True
    if _plural_subject(before):
        return True
    return before in _BASE_FORM_SUBJECTS or before.endswith(("n’t", "n't"))


def _plural_subject(before: str) -> bool:
    """`polls show`, `records show`: a plural noun before a base form is its subject."""
    return (
        len(before) > 3
        and before.endswith("s")
        and not before.endswith(("ss", "us", "is", "’s", "'s"))
        and before not in DETERMINERS
        and before not in _NOT_PLURAL
    )


_NOT_PLURAL = words("this these those its was has does his hers ours yours theirs always")

_SEEM_NOT_NEXT = words("on in at before at with for from as and or but")
"""After "appeared"/"seemed" these start an adverbial: "appeared on television"."""


def _seem_cue(tokens: list[Token], at: int) -> Cue | None:
    """`X seemed to imply Y`, `X appears unfazed`, `it seems that Y` (not `appeared on TV`)."""
    lemma = SEEM_FORMS.get(tokens[at].lower)
    if lemma is None or at + 1 >= len(tokens) or _noun_position(tokens, at):
        return None
    nxt = tokens[at + 1]
    if nxt.lower in ("to", "that") or (nxt.lower in _SEEM_ADJECTIVE_LEADS and lemma == "seem"):
        return Cue(at, at, lemma, CueKind.SEEM, Stance.NEUTRAL)
    if lemma == "seem" and nxt.text[:1].islower() and nxt.lower not in _SEEM_NOT_NEXT:
        return Cue(at, at, lemma, CueKind.SEEM, Stance.NEUTRAL)
    return None


_SEEM_ADJECTIVE_LEADS = words("like likely unlikely")

_POLL_NOUNS = words("poll polls survey surveys")

_POLL_REACH = 8
"""How many tokens after "in" the poll noun may stand: `in an early-October CBS News poll`."""


def poll_end(tokens: list[Token], at: int) -> int | None:
    """Index of the poll noun in `in (the latest CNN) poll` starting at `at`, if any."""
    for k in range(at + 1, min(len(tokens), at + 1 + _POLL_REACH)):
        token = tokens[k]
        if token.lower in _POLL_NOUNS:
            return k if k > at + 1 else None
        if token.quoted or not _poll_modifier(token):
            return None
    return None


def _poll_modifier(token: Token) -> bool:
    """A word that may describe a poll: `an early-October CBS News/WSJ national`."""
    text = token.text
    return (
        token.lower in DETERMINERS
        or token.lower in _POLL_ADJECTIVES
        or text[:1].isupper()
        or any(c.isdigit() for c in text)
        or "-" in text
        or text in ("/", "’s", "'s")
    )


_POLL_ADJECTIVES = words(
    "latest recent most new national statewide early same separate previous earlier another "
    "exit independent online public"
)


def _poll_cue(tokens: list[Token], at: int) -> Cue | None:
    """`In a CNN poll, Y` / `Y in the latest poll`: the poll is the source."""
    if tokens[at].lower != "in" or poll_end(tokens, at) is None:
        return None
    return Cue(at, at, POLL_LEMMA, CueKind.ACCORDING, Stance.NEUTRAL)


POLL_LEMMA = "in poll"


_GERUND_LEADS = words("in for of on at about from with without")
"""After these an -ing form is a noun unless "that", a colon or a quotation follows."""


def _verb_cue(tokens: list[Token], at: int) -> Cue | None:
    entry = VERB_CUES.get(tokens[at].lower)
    if entry is None:
        return None
    before = tokens[at - 1].lower if at else ""
    if _noun_position(tokens, at) or before == "to":
        return None
    participle = not tokens[at].lower.endswith("ing")
    if not participle and before in _GERUND_LEADS and not _strict_ok(tokens, at):
        return None  # `in maintaining stability`, `strategies for countering`: a noun
    if before in _BE_FORMS and participle and entry.kind is not CueKind.STRICT:
        if at + 1 < len(tokens) and tokens[at + 1].lower == "by" and entry.lemma != "say":
            return Cue(at - 1, at, entry.lemma, CueKind.BY, entry.stance)
        if entry.lemma == "ask" and _question_follows(tokens, at + 1):
            return Cue(at - 1, at, entry.lemma, CueKind.BY, entry.stance)  # nobody named asks
        return None
    if no_speech(tokens, at, entry.lemma):
        return None  # `added 146,000 jobs`, `reported a profit`, `recalled 1m vans`
    if entry.lemma == "ask" and _asked_aside(tokens, at):
        return None
    plural = tokens[at].lower.endswith("s") and tokens[at].lower != "says"  # never a noun
    evidence = entry.lemma in AMBIGUOUS_LEMMAS and evidence_subject(tokens, at)
    if plural and noun_after(tokens[at - 1] if at else None) and not evidence:
        return None  # `the 635,173 reports`, `faced claims`: a plural noun
    base_ok = evidence or _base_form_ok(tokens[at].lower, entry.lemma, before)
    if entry.kind is CueKind.OBJECT and not base_ok:
        return None  # `files from the audit show Y`: the evidence is the subject
    if entry.kind is CueKind.OBJECT and before in PREPOSITIONS and tokens[at].lower.endswith("s"):
        return None  # `in hopes of`: a plural noun
    if entry.kind is CueKind.OBJECT and not participle and before not in _ING_LEADS:
        return None
    if entry.kind is CueKind.STRICT and not (
        _strict_ok(tokens, at)
        or speech_participle(tokens, at, entry.lemma)
        or _relayed_participle(tokens, at, entry.lemma)
        or _after_quotation(tokens, at, entry.lemma)
        or parenthetical(tokens, at, entry.lemma)
        or _as_complement(tokens, at, entry.lemma)
    ):
        return None
    if entry.kind is CueKind.STRICT and _as_complement(tokens, at, entry.lemma):
        return Cue(at, at, entry.lemma, CueKind.OBJECT, entry.stance)  # `sees X as Y`
    kind = CueKind.SAY if entry.kind is CueKind.STRICT else entry.kind
    return Cue(at, at, entry.lemma, kind, entry.stance)


_ASIDE_QUESTIONS = words("about whether if why how what")


_QUESTION_OPENERS = words("if whether what why how when where who which about")


def _question_follows(tokens: list[Token], at: int) -> bool:
    """`She was asked if Y`, `has been asked about Y`: the question right after the verb."""
    if at + 1 < len(tokens) and tokens[at].text in ",:" and tokens[at + 1].text in OPEN_QUOTES:
        return True  # `was asked, “Y?”`
    return at < len(tokens) and tokens[at].lower in _QUESTION_OPENERS and not tokens[at].quoted


def _asked_aside(tokens: list[Token], at: int) -> bool:
    """`X, asked about Y by reporters, said Z`: a question put to the subject, set off by
    commas before the subject's own report, is an aside, not the report."""
    if not at or tokens[at - 1].text != "," or tokens[at].lower != "asked":
        return False
    if at + 1 >= len(tokens) or tokens[at + 1].lower not in _ASIDE_QUESTIONS:
        return False
    for k in range(at + 2, len(tokens) - 1):
        if tokens[k].quoted or tokens[k].text in ";:":
            return False
        if tokens[k].text == ",":
            entry = VERB_CUES.get(tokens[k + 1].lower)
            return entry is not None and entry.lemma in SPEECH_LEMMAS
    return False


_AS_VERBS = words("see view")
_AS_NOT_AFTER = words("well soon much many long far if though usual")
_AS_REACH = 12


def _as_complement(tokens: list[Token], at: int, lemma: str) -> bool:
    """`Obama sees Netanyahu as captured by ...`, `voters view her as honest`: a verb of
    opinion with an object and an "as" complement (not `as well`, `as soon as`)."""
    if lemma not in _AS_VERBS:
        return False
    for k in range(at + 2, min(len(tokens) - 1, at + _AS_REACH)):
        token = tokens[k]
        if token.quoted or not (token.text[:1].isalnum() or token.text in ("’s", "'s")):
            return False
        if token.lower == "as":
            return tokens[k + 1].lower not in _AS_NOT_AFTER and tokens[k - 1].lower != "such"
    return False


def find_cues(tokens: list[Token]) -> list[Cue]:
    """Cues outside quotations, left to right, never overlapping."""
    cues: list[Cue] = []
    at = 0
    while at < len(tokens):
        token = tokens[at]
        cue = (
            None
            if token.quoted
            else (
                _phrase_cue(tokens, at)
                or _poll_cue(tokens, at)
                or _seem_cue(tokens, at)
                or _verb_cue(tokens, at)
            )
        )
        if cue is None:
            at += 1
            continue
        cues.append(cue)
        at = cue.last + 1
    return cues
