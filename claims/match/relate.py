"""Judge how two claims relate: duplicate, corroborates, conflicts, related or unrelated.

Word overlap decides whether two claims are about the same thing; it never decides alone
whether they agree. Conflicts come from content: deadlines or event dates that cannot both
hold, amounts of one unit that differ, one claim denying or negating what the other
reports, opposite verbs ("withdraw" / "remain"), or another person in a one-holder role.
Reports that date one milestone in other words corroborate when the dates can both hold.
Two claims whose only difference is a swapped subject ("North Korea" / "South Korea") are
not related, however alike their wording. Every judgement carries its reasons in words.
"""

from __future__ import annotations

from claims.match.actors import (
    REPORTING_WORDS,
    different_actors,
    distinct_names,
    one_actor,
    shared_words,
)
from claims.match.aligned import may_align, shared_subject
from claims.match.conflict import Cues
from claims.match.figures import different_figures
from claims.match.first_person import different_speakers
from claims.match.frames.align import same_subject
from claims.match.models import Judgement, Kind, Signals
from claims.match.normalize.words import content_words
from claims.match.phrase import one_phrase
from claims.match.places import different_places
from claims.match.score import Overlap, Rarity, overlap, text_overlap, wording
from claims.match.side import Side, side
from claims.match.subjects import Subjects, compare, is_substantial
from claims.match.thresholds import DEFAULT, Thresholds
from claims.match.timeline import agreeing_timeline

__all__ = [
    "DEFAULT",
    "Side",
    "Thresholds",
    "plainly_unrelated",
    "relate",
    "related",
    "side",
    "unrelated_whatever_cues",
]
MAX_LISTED = 4


def relate(
    a: Side,
    b: Side,
    rarity: Rarity,
    thresholds: Thresholds = DEFAULT,
    shared: Overlap | None = None,
) -> Judgement:
    """The relation of claim `a` to claim `b`, with a score in [0, 1] and its reasons.

    `shared`, when given, is `overlap(a, b, rarity)` already computed (matching computes it
    once for `plainly_unrelated` and for this).
    """
    found = _judge(a, b, rarity, thresholds, shared, unrelated=True)
    assert found is not None
    return found


def related(
    a: Side,
    b: Side,
    rarity: Rarity,
    thresholds: Thresholds = DEFAULT,
    shared: Overlap | None = None,
) -> Judgement | None:
    """`relate`'s judgement, or None when it is unrelated: matching keeps no unrelated pair,
    so neither their signals nor their reasons are put together."""
    return _judge(a, b, rarity, thresholds, shared, unrelated=False)


def _judge(
    a: Side,
    b: Side,
    rarity: Rarity,
    thresholds: Thresholds,
    shared: Overlap | None,
    *,
    unrelated: bool,
) -> Judgement | None:
    if shared is None:
        shared = overlap(a, b, rarity)
    subjects = compare(a.subjects, b.subjects)
    if shared.containment < thresholds.swap_containment:
        subjects = Subjects(subjects.shared, ())
    alike = wording(a, b)
    found = Cues.of(a, b, shared, subjects, thresholds, rarity, alike)
    kind, score, reasons, context = _decide(
        a, b, shared, subjects, found, thresholds, rarity, alike
    )
    if kind == Kind.UNRELATED and not unrelated:
        return None
    if context:
        reasons += _context(shared, subjects, alike, rarity)
    signals = _signals(a, b, shared, subjects, alike, found)
    return Judgement(
        kind=kind,
        score=round(min(1.0, max(0.0, score)), 4),
        reasons=tuple(reasons),
        signals=signals,
    )


def _signals(
    a: Side, b: Side, shared: Overlap, subjects: Subjects, alike: float, found: Cues
) -> Signals:
    return Signals(
        wording=alike,
        overlap=text_overlap(a, b),
        dice=round(shared.dice, 4),
        containment=round(shared.containment, 4),
        shared_words=len(shared.shared),
        shared_entities=len(subjects.shared),
        swapped_entities=len(subjects.swapped),
        polarity=found.found[0],
        dates_differ=found.found[2],
        numbers_differ=found.found[3],
        opposite_verbs=found.found[1],
        slot_values_differ=found.slot is not None,
        negation_cue=found.negation_cue,
        aligned=bool(found.reasons()),
        refuting=b.refuting,
        hedging=b.hedging,
    )


def _decide(
    a: Side,
    b: Side,
    shared: Overlap,
    subjects: Subjects,
    found: Cues,
    thresholds: Thresholds,
    rarity: Rarity,
    alike: float,
) -> Decision:
    """The kind, the score, the reasons of the kind, and whether the reasons that say why
    the claims were compared at all (`_context`) follow them."""
    if subjects.swapped and not any(is_substantial(x) for x, _ in subjects.shared):
        return (
            Kind.UNRELATED,
            0.0,
            [f"different subjects: {'; '.join(subjects.swapped_names())}"],
            False,
        )
    conflicts = found.reasons()
    duplicate = not (conflicts or subjects.swapped or found.dropped)
    if alike >= thresholds.duplicate_wording and duplicate:
        duplicated = _unless_other_actors(a, b, (Kind.DUPLICATE, alike / 100, [], True), shared)
        return _unless_other_places_or_speakers(a, b, duplicated, shared)
    timeline = None if conflicts or found.unsettled else agreeing_timeline(a, b)
    if timeline and QUESTION not in (a.claim.kind, b.claim.kind):
        corroborates = (Kind.CORROBORATES, TIMELINE_SCORE, list(timeline), True)
        return _unless_other_actors(a, b, corroborates, shared)
    framed = bool(conflicts and found.aligned)
    if not framed and not _same_subject(shared, found, thresholds, rarity):
        return Kind.UNRELATED, shared.dice, [], True
    if QUESTION in (a.claim.kind, b.claim.kind):
        return Kind.RELATED, shared.dice, [], True
    if conflicts:
        score = 0.5 + 0.5 * max(shared.containment, shared.dice)
        what = [found.aligned] if found.aligned else []
        return Kind.CONFLICTS, score, conflicts + what, True
    if subjects.swapped:
        swapped = [f"different entities: {'; '.join(subjects.swapped_names())}"]
        return Kind.RELATED, shared.dice, swapped, True
    if not found.unsettled and _corroborates(shared, thresholds, rarity):
        score = (shared.dice + shared.containment) / 2
        corroborates = _unless_one_phrase(a, b, (Kind.CORROBORATES, score, [], True), shared)
        corroborates = _unless_few_words(a, b, corroborates, shared, alike)
        corroborates = _unless_other_figures(a, b, corroborates, shared)
        corroborates = _unless_only_names(a, b, corroborates, shared, rarity)
        corroborates = _unless_other_actors(a, b, corroborates, shared)
        return _unless_other_places_or_speakers(a, b, corroborates, shared)
    return Kind.RELATED, shared.dice, [], True


Decision = tuple[Kind, float, list[str], bool]
"""What `_decide` returns: the kind, the score, its reasons, and whether context follows."""


def _unless_other_actors(a: Side, b: Side, decided: Decision, shared: Overlap) -> Decision:
    """A same-claim link, unless the frames name different actors neither claim mentions in
    the other (`claims.match.actors.different_actors`): then only related, saying who."""
    if decided[0] == Kind.RELATED:
        return decided
    texts = (a.claim.text, b.claim.text)
    actors = different_actors(a.frame, b.frame, a.word_set, b.word_set, texts)
    if actors is None:
        return decided
    return Kind.RELATED, shared.dice, [f"different actors: {actors}"], True


MIN_CONTENT_WORDS = 2
"""Shared words outside names that a corroboration needs, unless the frames share a subject
or one claim's actor is named in the other (then one is enough: "The United States will
withdraw its forces" / "... is starting to withdraw troops")."""


def _unless_only_names(
    a: Side, b: Side, decided: Decision, shared: Overlap, rarity: Rarity
) -> Decision:
    """A corroboration, unless what the claims share besides names is too little to say one
    thing of them: the names say who, the other words what. A short claim of three names or
    more whose words the other holds nearly all still corroborates ("Mandelson warns BBC on
    Campbell"); one of a name or two does not ("Or so says Home Secretary Charles Clarke")."""
    words = shared_words(
        shared.shared, a.names, b.names, (a.word_set, a.lower_words), (b.word_set, b.lower_words)
    )
    about_one = shared_subject(a.frame, b.frame) is not None or one_actor(
        a.frame, b.frame, a.word_set, b.word_set
    )
    needed = 1 if about_one else MIN_CONTENT_WORDS
    when = a.when | b.when
    content = words.content - a.said_by - b.said_by - REPORTING_WORDS - when
    places = (a.place_words | b.place_words) & content
    about_where = any(
        subject is not None and subject.kind == PLACE
        for subject in (a.frame.subject, b.frame.subject)
    )
    listed = (about_where or not about_one) and _places_named(places, a) >= LISTED_PLACES
    said_of = content - places if listed else content
    if len(said_of) >= needed:
        return _unless_common_words(a, b, decided, shared, (content, rarity))
    shorter = min(len(a.word_set), len(b.word_set))
    held = len(shared.shared) - len(words.lookalikes)
    given = distinct_names(words.names, a.names + b.names)
    if given >= MIN_HELD_NAMES and held >= HELD_SHARE * shorter:
        return decided
    said = ", ".join(sorted(content)) or "nothing"
    besides = "names"
    if words.content & (a.said_by | b.said_by):
        besides = "who said it"
    elif words.content & REPORTING_WORDS:
        besides = "the words that report it"
    elif words.content & when:
        besides = "when"
    elif content:
        besides = "where"
    return Kind.RELATED, shared.dice, [f"little in common besides {besides}: {said}"], True


def _unless_common_words(
    a: Side, b: Side, decided: Decision, shared: Overlap, found: tuple[frozenset[str], Rarity]
) -> Decision:
    """A corroboration, unless the words the claims share besides names are all common in
    the store (`Rarity.informative`): "Bernie Sanders has won the Democratic presidential
    primary in Oklahoma" and "... dealt a severe blow to Senator Bernie Sanders" in the New
    York primary share a name and the words of every story of a campaign. Two claims that
    name one place, or a headline, say where or what in few words and keep the link."""
    content, rarity = found
    if any(rarity.informative(word) for word in content):
        return decided
    if a.claim.start == 0 or b.claim.start == 0 or shared.shared & (a.place_words | b.place_words):
        return decided
    said = ", ".join(sorted(content))
    return Kind.RELATED, shared.dice, [f"only common words in common besides names: {said}"], True


LISTED_PLACES = 3
"""Places two claims both name from which they are a list of where, whose words say nothing
of what: "contests in Florida, Ohio, Illinois and North Carolina" / "Clinton has won Florida,
Ohio and North Carolina". Two places are part of what is said ("They will also tour Japan
and the US next year"), and so is a list said of one subject ("Trump has won Virginia,
Alabama ..." / "Trump won ... in Alabama, Georgia, Tennessee and Virginia")."""


def _places_named(words: frozenset[str], side: Side) -> int:
    """How many of the claim's places `words` hold a word of."""
    return sum(
        1
        for entity in side.claim.entities
        if entity.kind == PLACE and set(content_words(entity.text)) & words
    )


PLACE = "place"


def _same_act(a: Side, b: Side, shared: frozenset[str]) -> bool:
    """Both frames' predicates are among the shared words: the claims report one act."""
    acts = [a.frame.predicate, b.frame.predicate]
    return all(act is not None and set(content_words(act)) & shared for act in acts)


def _unless_one_phrase(a: Side, b: Side, decided: Decision, shared: Overlap) -> Decision:
    """A corroboration between two documents, unless the claims share one term and nothing
    else (`claims.match.phrase.one_phrase`): then only related, naming the term. Claims with one
    subject, or whose frames share their act, say one thing in few words ("Veltria will
    withdraw its forces from Dalmora" / "Veltria is starting to withdraw troops ...")."""
    if a.claim.document_id == b.claim.document_id:
        return decided  # a headline and its own lead share the story's names by design
    one, other = a.frame.subject, b.frame.subject
    if one is not None and other is not None and same_subject(one, other):
        return decided
    if _same_act(a, b, shared.shared):
        return decided
    when = a.when | b.when
    phrase = one_phrase(a.words, b.words, shared.shared, incidental=when)
    if phrase is None:
        return decided
    return Kind.RELATED, shared.dice, [f"only one phrase in common: {' '.join(phrase)}"], True


STATEMENT_WORDS = 4
"""Shared words from which two sentences in other words may say one thing."""
STATEMENT_WORDING = 55.0
"""Wording (rapidfuzz ratio) from which fewer shared words still make one statement."""


def _unless_few_words(
    a: Side, b: Side, decided: Decision, shared: Overlap, alike: float
) -> Decision:
    """A corroboration, unless the claims share fewer than STATEMENT_WORDS words in wordings
    less than STATEMENT_WORDING alike: three words in common ("home state of Vermont",
    "margin of error, plus or minus") name a topic that many different statements share. A
    headline says its story in a few words and keeps the lower bar ("Ban on hunting comes
    into force" / "... after the ban on hunting with dogs came into force"), and so do two
    claims whose frames share their subject and their act ("The United States will withdraw
    its forces" / "The United States is starting to withdraw troops")."""
    if decided[0] != Kind.CORROBORATES or len(shared.shared) >= STATEMENT_WORDS:
        return decided
    if alike >= STATEMENT_WORDING or a.claim.start == 0 or b.claim.start == 0:
        return decided
    one, other = a.frame.subject, b.frame.subject
    shared_subject = one is not None and other is not None and same_subject(one, other)
    if shared_subject and _same_act(a, b, shared.shared):
        return decided
    words = ", ".join(sorted(shared.shared))
    return Kind.RELATED, shared.dice, [f"too few words in common for one statement: {words}"], True


def _unless_other_figures(a: Side, b: Side, decided: Decision, shared: Overlap) -> Decision:
    """A corroboration, unless each claim gives a figure of one kind and none agree
    (`claims.match.figures.different_figures`): two polls' margins of error, two tallies."""
    if decided[0] != Kind.CORROBORATES:
        return decided
    figures = different_figures(a.claim, b.claim)
    if figures is None:
        return decided
    return Kind.RELATED, shared.dice, [f"different figures: {figures[0]} vs {figures[1]}"], True


def _unless_other_places_or_speakers(
    a: Side, b: Side, decided: Decision, shared: Overlap
) -> Decision:
    """A same-claim link, unless each claim names places of one level and none agree
    (`claims.match.places.different_places`: one result in two states, one figure of two
    countries), or the claims speak in the first person through two different speakers
    (`claims.match.first_person.different_speakers`)."""
    if decided[0] == Kind.RELATED:
        return decided
    places = different_places(a.claim, b.claim)
    if places is not None:
        return Kind.RELATED, shared.dice, [f"different places: {places[0]} vs {places[1]}"], True
    speakers = different_speakers(a.claim, b.claim)
    if speakers is not None:
        said = f"in the first person by different speakers: {speakers[0]} vs {speakers[1]}"
        return Kind.RELATED, shared.dice, [said], True
    return decided


HELD_SHARE = 0.75
"""The share of a short claim's words the other must hold, names included, to corroborate
it on names alone."""
MIN_HELD_NAMES = 3
"""Names of the short claim the other must give to corroborate it on names alone."""


QUESTION = "question"
TIMELINE_SCORE = 0.5
"""Two dates of one milestone that agree: corroboration in other words, as strong as half."""
MIN_CORROBORATING_WORDS = 3


def plainly_unrelated(
    a: Side,
    b: Side,
    rarity: Rarity,
    thresholds: Thresholds = DEFAULT,
    shared: Overlap | None = None,
) -> bool:
    """True when `relate` is bound to say unrelated, known from the word overlap alone.

    Most candidate pairs above the rapidfuzz cutoff share a word or two and nothing more;
    this lets matching skip the cue and subject analysis for them. It mirrors `_decide`:
    not one text, and too little overlap for a subject by any of `_same_subject`'s rules.
    `shared`, when given, is `overlap(a, b, rarity)` already computed.
    """
    if shared is None:
        shared = overlap(a, b, rarity)
    if len(shared.shared) >= 2 and (
        shared.dice >= min(thresholds.subject_dice, thresholds.slot_dice)
        or _contained(shared, thresholds)
    ):
        return False
    return wording(a, b) < thresholds.duplicate_wording


def unrelated_whatever_cues(
    a: Side, b: Side, rarity: Rarity, shared: Overlap, thresholds: Thresholds = DEFAULT
) -> bool:
    """True when `relate` is bound to say unrelated whatever the conflict cues find.

    Of the pairs that pass `plainly_unrelated`, about a third share too little for a subject
    unless a value differs in a slot both name, yet name fewer than two informative words;
    this lets matching skip the cues, subjects and frames for them. It mirrors `_decide`:
    not one text, no milestone of both (no timeline), frames that cannot align a conflict
    (`may_align`), and too little overlap for a subject even with an anchor.
    """
    if len(shared.shared) >= 2 and (
        shared.dice >= thresholds.subject_dice
        or _contained(shared, thresholds)
        or (shared.dice >= thresholds.slot_dice and _informative(shared, rarity) >= 2)
    ):
        return False
    milestone = a.frame.milestone
    if milestone is not None and milestone == b.frame.milestone:
        return False
    return wording(a, b) < thresholds.duplicate_wording and not may_align(a, b)


def _informative(shared: Overlap, rarity: Rarity) -> int:
    """How many of the shared words are informative (`Rarity.informative`)."""
    return sum(1 for word in shared.shared if rarity.informative(word))


def _same_subject(shared: Overlap, found: Cues, thresholds: Thresholds, rarity: Rarity) -> bool:
    if len(shared.shared) < 2:
        return False
    if shared.dice >= thresholds.subject_dice:
        return True
    if _contained(shared, thresholds):
        return True
    return (
        found.anchored and _informative(shared, rarity) >= 2 and shared.dice >= thresholds.slot_dice
    )


def _corroborates(shared: Overlap, thresholds: Thresholds, rarity: Rarity) -> bool:
    if len(shared.shared) < MIN_CORROBORATING_WORDS:
        return False
    if not any(rarity.informative(word) for word in shared.shared):
        return False
    if _contained(shared, thresholds):
        return True
    return (
        shared.dice >= thresholds.corroborate_dice
        and shared.containment >= thresholds.corroborate_containment
    )


def _contained(shared: Overlap, thresholds: Thresholds) -> bool:
    """A short claim almost wholly inside a longer one (a headline inside its report)."""
    return (
        len(shared.shared) >= MIN_CORROBORATING_WORDS
        and shared.containment >= thresholds.contained_containment
        and shared.dice >= thresholds.contained_dice
    )


def _context(shared: Overlap, subjects: Subjects, alike: float, rarity: Rarity) -> list[str]:
    """The reasons that say why two claims were compared at all."""
    reasons: list[str] = []
    names = subjects.shared_names()
    if names:
        reasons.append("same entities: " + ", ".join(names[:MAX_LISTED]))
    else:
        words = sorted(shared.shared, key=lambda word: (-rarity.weight(word), word))
        if words:
            reasons.append("shared words: " + ", ".join(words[:MAX_LISTED]))
    reasons.append(f"wording {round(alike)}% alike")
    return reasons
