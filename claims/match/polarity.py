"""Polarity conflicts: one claim denies or negates what the other reports.

A negation only contradicts a claim when it governs what the two share and denies what the
other asserts: not a neighbouring fact, not an accusation the other only reports, not a
supposition or the writer's own view. Each rule is named in `docs/matching.md`.
"""

from __future__ import annotations

from claims.match import cues
from claims.match.normalize.words import content_words
from claims.match.score import Overlap, Rarity
from claims.match.side import Side
from claims.match.slot_values import entity_words, subject_words
from claims.match.subjects import Subjects
from claims.match.thresholds import Thresholds


def polarity_cue(
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
    named = subject_words(subjects)
    scope = _negated_share(negated, shared, rarity)
    if scope is None:
        return None, False, False
    restated = (
        shared.containment >= thresholds.negation_containment
        and shared.dice >= thresholds.strong_dice
    )
    names = entity_words(subjects)
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
