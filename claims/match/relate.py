"""Judge how two claims relate: duplicate, corroborates, conflicts, related or unrelated.

Word overlap decides whether two claims are about the same thing; it never decides alone
whether they agree. Conflicts come from content: deadlines or event dates that cannot both
hold, amounts of one unit that differ, one claim denying or negating what the other
reports, opposite verbs ("withdraw" / "remain"), or another person in a one-holder role.
Two claims whose only difference is a swapped subject ("North Korea" / "South Korea") are
not related, however alike their wording. Every judgement carries its reasons in words.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from claims.extract.models import Entity
from claims.match import cues
from claims.match.models import Judgement, Kind, MatchClaim, Signals
from claims.match.normalize.words import content_words, tokens
from claims.match.roles import office_conflict
from claims.match.score import Overlap, Profile, Rarity, overlap, text_overlap, wording
from claims.match.slots import (
    Difference,
    anchor_words,
    date_difference,
    dated_apart,
    figures_apart,
    head_words,
    quantity_difference,
    ranked_apart,
    shares_event,
)
from claims.match.subjects import (
    Subjects,
    actors_apart,
    compare,
    is_substantial,
    own_subject,
    subject_entities,
)


@dataclass(frozen=True)
class Thresholds:
    """Where the kinds begin; chosen on FNC-1 train (by-body split) and the seed articles."""

    duplicate_wording: float = 92.0
    """rapidfuzz ratio of the folded sentences from which two claims are one text."""
    subject_dice: float = 0.25
    """Weighted Dice from which two claims share a subject."""
    slot_dice: float = 0.1
    """Weighted Dice enough for a subject when a value differs in a slot both claims name."""
    corroborate_dice: float = 0.3
    corroborate_containment: float = 0.6
    """How much of the lighter claim the other must contain to say the same thing."""
    contained_dice: float = 0.15
    contained_containment: float = 0.65
    """A short claim almost wholly inside a longer one corroborates it at this lower Dice."""
    cue_containment: float = 0.35
    """Similarity needed before a denial or an opposite verb makes a conflict."""
    negation_containment: float = 0.6
    """Similarity needed before a plain negation ("not", "never", "no") makes a conflict: a
    negated sentence mostly states another fact, unless it restates the other claim."""
    negated_wording: float = 65.0
    """Wording (rapidfuzz ratio) from which a negated claim restating the other conflicts
    however few informative words they share ("X is no way the best song of the last 25
    years" / "X is the best song of the last 25 years")."""
    swap_containment: float = 0.5
    """Similarity from which a swapped entity is the difference between two claims."""
    strong_containment: float = 0.6
    strong_dice: float = 0.4
    """Similarity at which two values are taken to fill one slot without anchor words (both:
    a short claim is easily contained in a long one, "shares fell 4%")."""


DEFAULT = Thresholds()
MAX_LISTED = 4


class Side(Profile):
    """A profile with what `relate` needs besides words: subjects, verbs, cue counts."""

    @cached_property
    def subjects(self) -> list[Entity]:
        return subject_entities(self.claim)

    @cached_property
    def verbs(self) -> dict[str, str]:
        return cues.verb_groups(self.claim.text)

    @cached_property
    def refuting(self) -> int:
        return cues.count_words(self.claim.text, cues.REFUTING_WORDS)

    @cached_property
    def hedging(self) -> int:
        return cues.count_words(self.claim.text, cues.HEDGING_WORDS)

    @cached_property
    def confirming(self) -> int:
        return cues.count_words(self.claim.text, cues.CONFIRMING_WORDS)


def side(claim: MatchClaim) -> Side:
    return Side(claim)


def relate(a: Side, b: Side, rarity: Rarity, thresholds: Thresholds = DEFAULT) -> Judgement:
    """The relation of claim `a` to claim `b`, with a score in [0, 1] and its reasons."""
    shared = overlap(a, b, rarity)
    subjects = compare(a.subjects, b.subjects)
    if shared.containment < thresholds.swap_containment:
        subjects = Subjects(subjects.shared, ())
    alike = wording(a, b)
    found = _Cues.of(a, b, shared, subjects, thresholds, rarity, alike)
    signals = _signals(a, b, shared, subjects, alike, found)
    return _decide(a, b, shared, subjects, alike, found, signals, thresholds, rarity)


@dataclass(frozen=True)
class _Cues:
    """The conflict cues between two claims that count, as reasons."""

    polarity: str | None
    verbs: str | None
    dates: str | None
    numbers: str | None
    slot: str | None
    unsettled: bool = False
    """Values of one sort differ, but not shown to fill one slot: no conflict, and not
    the same assertion either."""
    negation_cue: bool = False
    """A negation bears on what the claims share without being shown to deny the same
    assertion: no conflict, but a cue for stance (`claims.match.stance`)."""

    @classmethod
    def of(
        cls,
        a: Side,
        b: Side,
        shared: Overlap,
        subjects: Subjects,
        thresholds: Thresholds,
        rarity: Rarity,
        alike: float = 0.0,
    ) -> _Cues:
        similar = shared.containment >= thresholds.cue_containment and len(shared.shared) >= 3
        polarity, negated, cue = (
            _polarity(a, b, shared, subjects, rarity, thresholds, alike)
            if similar
            else (None, False, False)
        )
        restated = shared.containment >= thresholds.negation_containment
        verbs = _verbs(a, b) if similar else None
        opposed = verbs is not None and not (restated and _verbs_share_neighbours(a, b))
        if opposed:
            verbs = None
        if (polarity or negated or opposed) and _negation_flips_verb(a, b):
            polarity = verbs = None
            negated = opposed = False
        elif polarity and verbs:
            polarity = verbs = None
        strong = (
            shared.containment >= thresholds.strong_containment
            and shared.dice >= thresholds.strong_dice
        )
        named = _subject_words(subjects)
        apart = not strong and _subjects_apart(a, b)
        when = date_difference(a.claim, b.claim)
        dates = None if apart else _dates(a, b, when, strong, rarity, named)
        amounts = quantity_difference(a.claim, b.claim)
        numbers = None if apart else _numbers(a, b, amounts, subjects, strong, rarity, named)
        unsettled = (
            negated
            or opposed
            or (when is not None and dates is None)
            or (amounts is not None and numbers is None)
        )
        role = _role(a, b) if similar else None
        return cls(polarity, verbs, dates, numbers, role, unsettled, cue)

    def reasons(self) -> list[str]:
        found = (self.dates, self.numbers, self.polarity, self.verbs, self.slot)
        return [reason for reason in found if reason]

    @property
    def anchored(self) -> bool:
        """A value differs in a slot both claims name: evidence of a shared subject."""
        return bool(self.dates or self.numbers)


def _polarity(
    a: Side,
    b: Side,
    shared: Overlap,
    subjects: Subjects,
    rarity: Rarity,
    thresholds: Thresholds,
    alike: float,
) -> tuple[str | None, bool, bool]:
    """One claim negates or denies what the other reports: the shared words are negated.

    The negation must govern what the claims share: most of the shared weight, with an
    informative word, lies in the negated clause ("has never failed a drugs test"), not in
    another clause of the sentence ("Jones, who did not win a medal, ..."). A denial
    rejects an assertion by its nature; a plain negation only conflicts with a claim it
    nearly restates, and a denial of an accusation ("denies fraud") agrees with a report that
    the accusation was made ("on trial for fraud", "amid claims of fraud"), as a denial of an
    act agrees with a claim that it failed or was refused ("failed to win", "refused to
    publish"). In those cases the pair is (reason None,
    unsettled True): it neither conflicts nor corroborates. When the other claim negates
    too ("No-one knows" and "No one knows"), polarity says nothing. The third value is a
    stance cue: a negation of what the claims share that `_same_assertion` did not accept.
    """
    if a.claim.negated == b.claim.negated:
        return None, False, False
    negated, reported = (a, b) if a.claim.negated else (b, a)
    if cues.negated_scopes(reported.claim.text):
        return None, False, False
    named = _subject_words(subjects)
    scope = _negated_share(negated, shared, rarity)
    if scope is None:
        return None, False, False
    restated = (
        shared.containment >= thresholds.negation_containment
        and shared.dice >= thresholds.strong_dice
    )
    names = _entity_words(subjects)
    if cues.opinion_negations(negated.claim.text) or not _asserts_more(scope, rarity, names):
        return None, True, False
    heads = cues.denied_heads(negated.claim.text)
    if heads is not None and not any(head & shared.shared for head in heads):
        return None, True, False
    if _other_people(a, b, subjects):
        return None, True, False
    near_identical = restated and alike >= thresholds.negated_wording
    if not near_identical and not _negation_governs(scope, rarity, named):
        return None, True, False
    first = cues.polarity_label(a.claim.text, a.claim.negated)
    second = cues.polarity_label(b.claim.text, b.claim.negated)
    denial = "denied" in (first, second)
    if not denial and not restated:
        return None, True, False
    if denial and cues.reports_accusation(reported.claim.text):
        return None, True, False
    if (
        denial
        and cues.refuses_act(reported.claim.text)
        and not cues.says_not_done(negated.claim.text)
    ):
        return None, True, False
    if not _same_assertion(negated, reported, names, denial, near_identical):
        return None, True, True
    return f"polarity: {first} vs {second}", False, False


def _same_assertion(
    negated: Side, reported: Side, names: frozenset[str], denial: bool, near_identical: bool
) -> bool:
    """What is negated is what the other claim asserts: the negated word is one it uses and
    the negation is no supposition ("If X is not ..."). A plain negation must restate the
    other claim nearly word for word (less asserts too little to tell), and the other claim
    must not say the same with a negative verb ("has not recovered" / "failed to recover")."""
    if cues.hypothetical_negations(negated.claim.text):
        return False
    plain_agrees = not near_identical or cues.says_not_done(reported.claim.text)
    if not denial and plain_agrees:
        return False
    roots = {cues.word_root(word) for word in reported.words}
    accused = cues.accused_content(negated.claim.text)
    if accused is not None and not {cues.word_root(word) for word in accused} & roots:
        return False
    return _negates_what_other_says(negated, reported, names)


NEGATED_SHARE = 0.5
"""Share of the shared words' weight that must lie in the negated clauses."""
MIN_NEGATED_WORDS = 3
"""Informative shared words a negated clause must hold (two when one names a shared subject)."""


def _negated_share(negated: Side, shared: Overlap, rarity: Rarity) -> frozenset[str] | None:
    """The shared words inside the negated clauses, when they hold most of the shared weight."""
    scope: set[str] = set()
    for clause in cues.negated_scopes(negated.claim.text):
        scope.update(content_words(clause))
    inside = frozenset(shared.shared & scope)
    total = rarity.total_weight(shared.shared)
    if not inside or rarity.total_weight(inside) < NEGATED_SHARE * total:
        return None
    return inside


def _negates_what_other_says(negated: Side, reported: Side, names: frozenset[str]) -> bool:
    """The word a negation or denial governs first is one the other claim uses: "Howard denies
    split over ID cards" denies a split, which "Howard has always favoured ID cards" does not
    report. Shared names are skipped; negations that point back at the sentence name no word
    of their own and pass."""
    heads = cues.negated_heads(negated.claim.text, names)
    if not heads:
        return True
    roots = {cues.word_root(word) for word in reported.words}
    return any(
        cues.word_root(head) in roots and _acts_on_one_thing(negated, reported, head)
        for head in heads
    )


def _acts_on_one_thing(negated: Side, reported: Side, head: str) -> bool:
    """The negated verb acts on what it acts on in the other claim: when its object is a word
    of the other claim, it follows the verb there too ("denied he was increasing taxes" says
    nothing of "cutting taxes and increasing spending")."""
    target = cues.governed_object(negated.claim.text, head)
    if target is None or target not in reported.word_set:
        return True
    return target in cues.objects_after(reported.claim.text, head)


def _other_people(a: Side, b: Side, subjects: Subjects) -> bool:
    """Both claims are about people, and not about the same one: "Jones has never failed a
    drugs test" does not deny that Kuznetsova failed one."""
    people_a = any(entity.kind == "person" for entity in a.subjects)
    people_b = any(entity.kind == "person" for entity in b.subjects)
    shared = any("person" in (x.kind, y.kind) for x, y in subjects.shared)
    return people_a and people_b and not shared


def _asserts_more(inside: frozenset[str], rarity: Rarity, names: frozenset[str]) -> bool:
    """The negated clause shares an informative word with the other claim that is neither a
    shared name nor a word of reporting ("claims", "said", "leader"): what is denied must be
    what the other claim asserts, not only who it is about."""
    return any(
        rarity.informative(word) and word not in names and word not in cues.REPORTING_STEMS
        for word in inside
    )


def _negation_governs(inside: frozenset[str], rarity: Rarity, named: frozenset[str]) -> bool:
    """Enough of what the claims share is negated: informative words in the negated clause."""
    informative = {word for word in inside if rarity.informative(word)}
    return len(informative) >= MIN_NEGATED_WORDS or (len(informative) >= 2 and bool(inside & named))


def _negation_flips_verb(a: Side, b: Side) -> bool:
    """One claim negates the opposite of the other's verb: "will not allow new factories"
    says what "bans new factories" says."""
    if a.claim.negated == b.claim.negated:
        return False
    found = cues.opposite_verbs(a.verbs, b.verbs)
    if found is None:
        return False
    form = found[0] if a.claim.negated else found[1]
    negated = a if a.claim.negated else b
    scope = {word for clause in cues.negated_scopes(negated.claim.text) for word in tokens(clause)}
    return form in scope


def _verbs_share_neighbours(a: Side, b: Side) -> bool:
    """The opposite verbs act on one thing: a word right before one is right before the other,
    and so is a word after them when both have some ("troops will withdraw from the base" /
    "troops will remain at the base"; not "oil prices fall" / "interest rate rises", nor
    "called on X to quit the assembly" / "he was joined in the venture by X")."""
    found = cues.opposite_verbs(a.verbs, b.verbs)
    if found is None:
        return False
    before_a, after_a = cues.neighbours(a.claim.text, found[0])
    before_b, after_b = cues.neighbours(b.claim.text, found[1])
    after = not (after_a and after_b) or bool(after_a & after_b)
    return bool(before_a & before_b) and after


def _verbs(a: Side, b: Side) -> str | None:
    found = cues.opposite_verbs(a.verbs, b.verbs)
    return f"opposite verbs: {found[0]} vs {found[1]}" if found else None


MIN_ANCHORS = 2
"""Informative words near both values needed to take them as values of one thing, unless one
of them names a subject both claims share ("The Aviator ... 11 nominations")."""


def _slot(
    a: Side,
    b: Side,
    difference: Difference | None,
    strong: bool,
    rarity: Rarity,
    named: frozenset[str],
) -> str | None:
    """A differing value counts when both values are of one thing (shared, rare nearby words)."""
    if difference is None:
        return None
    if difference.code == "numbers" and (difference.per or not _same_head(a, b, difference, named)):
        return None
    if difference.yearless and not shares_event(a.claim, b.claim, a.word_set & b.word_set):
        return None
    if strong:
        return difference.reason
    if difference.event or difference.relative or difference.history:
        return None
    near = anchor_words(a.claim, difference.span_a) & anchor_words(b.claim, difference.span_b)
    anchors = {word for word in near if rarity.informative(word)}
    if len(anchors) < MIN_ANCHORS and not anchors & named:
        return None
    return difference.reason


def _same_head(a: Side, b: Side, difference: Difference, named: frozenset[str]) -> bool:
    """Both amounts count one thing: a word right next to each, not a shared name ("IBM was
    granted 3,248 patents" and "IBM has received 25,772 patents" count different grants)."""
    first = head_words(a.claim, difference.span_a, difference.unit)
    second = head_words(b.claim, difference.span_b, difference.unit)
    return bool((first & second) - named)


def _dates(
    a: Side,
    b: Side,
    when: Difference | None,
    strong: bool,
    rarity: Rarity,
    named: frozenset[str],
) -> str | None:
    """Dates that differ in one slot; two deadlines only when they are of one figure and
    not of two groups' plans."""
    if when is not None and when.horizon and _horizons_apart(a, b):
        return None
    return _slot(a, b, when, strong, rarity, named)


def _horizons_apart(a: Side, b: Side) -> bool:
    """Two deadlines of different figures, or of plans of two groups."""
    if figures_apart(a.claim, b.claim):
        return True
    return actors_apart(a.claim, b.claim, a.word_set, b.word_set)


def _subjects_apart(a: Side, b: Side) -> bool:
    """Each claim names a subject of its own ("Sony ... 800,000 units" / "Nintendo ... 2.8
    million units"): their dates and amounts are of different things."""
    return own_subject(a.subjects, a.claim, b.word_set) and own_subject(
        b.subjects, b.claim, a.word_set
    )


def _subject_words(subjects: Subjects) -> frozenset[str]:
    """The content words of the substantial entities both claims name, places excepted: a
    country says where an amount was counted, not what was counted."""
    words: set[str] = set()
    for first, second in subjects.shared:
        substantial = is_substantial(first) or is_substantial(second)
        if substantial and "place" not in (first.kind, second.kind):
            words.update(content_words(first.text))
            words.update(content_words(second.text))
    return frozenset(words)


def _entity_words(subjects: Subjects) -> frozenset[str]:
    """The content words of every entity both claims name, of any kind ("Tory", "UK")."""
    words: set[str] = set()
    for first, second in subjects.shared:
        words.update(content_words(first.text))
        words.update(content_words(second.text))
    return frozenset(words)


def _numbers(
    a: Side,
    b: Side,
    amounts: Difference | None,
    subjects: Subjects,
    strong: bool,
    rarity: Rarity,
    named: frozenset[str],
) -> str | None:
    """Amounts that differ in one slot: of one period, and of a named subject both claims
    share where the claims are not alike anyway (then also the only amount of its unit)."""
    if amounts is None or dated_apart(a.claim, b.claim) or ranked_apart(a.claim, b.claim):
        return None
    if strong:
        return _slot(a, b, amounts, strong, rarity, named)
    if not _shares_subject(subjects):
        return None
    single = quantity_difference(a.claim, b.claim, single=True)
    return _slot(a, b, single, strong, rarity, named)


def _shares_subject(subjects: Subjects) -> bool:
    """Amounts are only of one thing when the claims share a named subject (or are alike); a
    shared place says where both amounts were counted, not what was."""
    return any(
        (is_substantial(x) or is_substantial(y)) and "place" not in (x.kind, y.kind)
        for x, y in subjects.shared
    )


def _role(a: Side, b: Side) -> str | None:
    """One office with two holders ("UKIP leader Roger Knapman" / "UKIP leader Nigel Farage")."""
    found = office_conflict(a.claim.text, b.claim.text)
    if found is None:
        return None
    first, second = found
    return f"different holders: {first.holder} vs {second.holder} ({second.role})"


def _signals(
    a: Side, b: Side, shared: Overlap, subjects: Subjects, alike: float, found: _Cues
) -> Signals:
    return Signals(
        wording=alike,
        overlap=text_overlap(a, b),
        dice=round(shared.dice, 4),
        containment=round(shared.containment, 4),
        shared_words=len(shared.shared),
        shared_entities=len(subjects.shared),
        swapped_entities=len(subjects.swapped),
        polarity=found.polarity is not None,
        dates_differ=found.dates is not None,
        numbers_differ=found.numbers is not None,
        opposite_verbs=found.verbs is not None,
        slot_values_differ=found.slot is not None,
        negation_cue=found.negation_cue,
        refuting=b.refuting,
        hedging=b.hedging,
    )


def _decide(
    a: Side,
    b: Side,
    shared: Overlap,
    subjects: Subjects,
    alike: float,
    found: _Cues,
    signals: Signals,
    thresholds: Thresholds,
    rarity: Rarity,
) -> Judgement:
    context = _context(shared, subjects, alike, rarity)
    if subjects.swapped and not any(is_substantial(x) for x, _ in subjects.shared):
        reasons = (f"different subjects: {'; '.join(subjects.swapped_names())}",)
        return Judgement(kind=Kind.UNRELATED, score=0.0, reasons=reasons, signals=signals)
    conflicts = found.reasons()
    if alike >= thresholds.duplicate_wording and not conflicts and not subjects.swapped:
        return _judged(Kind.DUPLICATE, alike / 100, context, signals)
    if not _same_subject(shared, found, thresholds, rarity):
        return _judged(Kind.UNRELATED, shared.dice, context, signals)
    if QUESTION in (a.claim.kind, b.claim.kind):
        return _judged(Kind.RELATED, shared.dice, context, signals)
    if conflicts:
        score = 0.5 + 0.5 * max(shared.containment, shared.dice)
        return _judged(Kind.CONFLICTS, score, conflicts + context, signals)
    if subjects.swapped:
        swapped = [f"different entities: {'; '.join(subjects.swapped_names())}"]
        return _judged(Kind.RELATED, shared.dice, swapped + context, signals)
    if not found.unsettled and _corroborates(shared, thresholds, rarity):
        score = (shared.dice + shared.containment) / 2
        return _judged(Kind.CORROBORATES, score, context, signals)
    return _judged(Kind.RELATED, shared.dice, context, signals)


QUESTION = "question"
MIN_CORROBORATING_WORDS = 3


def plainly_unrelated(a: Side, b: Side, rarity: Rarity, thresholds: Thresholds = DEFAULT) -> bool:
    """True when `relate` is bound to say unrelated, known from the word overlap alone.

    Most candidate pairs above the rapidfuzz cutoff share a word or two and nothing more;
    this lets matching skip the cue and subject analysis for them. It mirrors `_decide`:
    not one text, and too little overlap for a subject by any of `_same_subject`'s rules.
    """
    shared = overlap(a, b, rarity)
    if len(shared.shared) >= 2 and (
        shared.dice >= min(thresholds.subject_dice, thresholds.slot_dice)
        or _contained(shared, thresholds)
    ):
        return False
    return wording(a, b) < thresholds.duplicate_wording


def _same_subject(shared: Overlap, found: _Cues, thresholds: Thresholds, rarity: Rarity) -> bool:
    if len(shared.shared) < 2:
        return False
    if shared.dice >= thresholds.subject_dice:
        return True
    if _contained(shared, thresholds):
        return True
    informative = sum(1 for word in shared.shared if rarity.informative(word))
    return found.anchored and informative >= 2 and shared.dice >= thresholds.slot_dice


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


def _judged(kind: Kind, score: float, reasons: list[str], signals: Signals) -> Judgement:
    return Judgement(
        kind=kind,
        score=round(min(1.0, max(0.0, score)), 4),
        reasons=tuple(reasons),
        signals=signals,
    )
