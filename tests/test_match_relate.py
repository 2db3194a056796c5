"""Relation kinds and their reasons on invented sentence pairs."""

from __future__ import annotations

from collections import Counter
from itertools import combinations

import pytest

from claims.extract.models import DocumentContext
from claims.extract.pipeline import extract_claims
from claims.match import cues
from claims.match.build import from_extracted, from_text
from claims.match.engine import keys_of, rarity_of
from claims.match.frames.build import frames_of
from claims.match.models import Judgement, Kind, MatchClaim
from claims.match.relate import Side, plainly_unrelated, relate, side, unrelated_whatever_cues
from claims.match.score import UNIFORM, Rarity, overlap
from tests.conftest import SEEDS

PUBLISHED = "2025-01-20"


def judge(first: str, second: str, published: str | None = PUBLISHED) -> Judgement:
    a = side(from_text(1, 1, first, published=published))
    b = side(from_text(2, 2, second, published=published))
    return relate(a, b, UNIFORM)


def test_two_deadlines_are_compatible() -> None:
    # Each deadline is a latest date: finished by September 2025 is finished by 2026.
    found = judge(
        "The coalition mission in Iraq will be completed no later than September 2025.",
        "The coalition mission in Iraq will be completed by 2026.",
    )
    assert found.kind == Kind.CORROBORATES
    assert not any(reason.startswith("dates differ") for reason in found.reasons)


def test_a_deadline_against_a_later_start_conflicts_with_the_dates_named() -> None:
    found = judge(
        "The coalition mission in Iraq will be completed no later than September 2025.",
        "The coalition mission in Iraq will not be completed until 2026.",
    )
    assert found.kind == Kind.CONFLICTS
    assert "dates differ: no later than September 2025 vs until 2026" in found.reasons


def test_the_same_deadline_does_not_conflict() -> None:
    found = judge(
        "The coalition mission in Iraq will be completed by September 2025, officials said.",
        "Officials said the coalition mission in Iraq would be completed by September 2025.",
    )
    assert found.kind in (Kind.CORROBORATES, Kind.DUPLICATE)
    assert not any(reason.startswith("dates differ") for reason in found.reasons)


def test_amounts_of_one_unit_that_differ_conflict() -> None:
    found = judge(
        "About 2,500 American troops are stationed at the Ain al-Asad base in Iraq.",
        "Some 5,000 American troops are stationed at the Ain al-Asad base in Iraq.",
    )
    assert found.kind == Kind.CONFLICTS
    assert any(r.startswith("numbers differ: 2,500 vs 5,000") for r in found.reasons)


def test_a_denial_conflicts_with_the_report_it_denies() -> None:
    found = judge(
        "Iraq is going to buy Russian S-400 air defence systems, ambassador Haidar Hadi said.",
        "Ambassador Haidar Mansour Hadi denied that Iraq is going to buy Russian S-400 systems.",
    )
    assert found.kind == Kind.CONFLICTS
    assert "polarity: reported vs denied" in found.reasons
    names = next(r for r in found.reasons if r.startswith("same entities"))
    assert "Haidar Hadi" in names


def test_opposite_verbs_conflict() -> None:
    found = judge(
        "American troops will withdraw from the Harir base in Erbil next year.",
        "American troops will remain at the Harir base in Erbil next year.",
    )
    assert found.kind == Kind.CONFLICTS
    assert "opposite verbs: withdraw vs remain" in found.reasons


def test_a_negated_opposite_verb_agrees() -> None:
    found = judge(
        "American troops will not withdraw from the Harir base in Erbil next year.",
        "American troops will remain at the Harir base in Erbil next year.",
    )
    assert found.kind != Kind.CONFLICTS


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "North Korea tested a long-range ballistic missile over the sea on Monday.",
            "South Korea tested a long-range ballistic missile over the sea on Monday.",
        ),
        (
            "Iran has bought S-400 air defence systems from Russia, officials in Moscow said.",
            "Iraq has bought S-400 air defence systems from Russia, officials in Moscow said.",
        ),
    ],
)
def test_a_swapped_subject_never_corroborates(first: str, second: str) -> None:
    found = judge(first, second)
    assert found.kind not in (Kind.CORROBORATES, Kind.DUPLICATE)
    assert any("different" in reason for reason in found.reasons)


def test_north_and_south_korea_are_different_subjects() -> None:
    found = judge(
        "North Korea tested a long-range ballistic missile over the sea on Monday.",
        "South Korea tested a long-range ballistic missile over the sea on Monday.",
    )
    assert found.kind == Kind.UNRELATED
    assert found.reasons == ("different subjects: North Korea vs South Korea",)


def test_the_same_sentence_is_a_duplicate() -> None:
    text = "Russia will build a 500 MW power plant in Basra, the energy minister said."
    found = judge(text, text)
    assert found.kind == Kind.DUPLICATE
    assert "wording 100% alike" in found.reasons
    assert found.score == 1.0


def test_other_wording_of_one_assertion_corroborates() -> None:
    found = judge(
        "Russia will build a 500 MW power plant in Basra, the energy minister said on Monday.",
        "A Russian company is to build a 500 MW power plant in the southern city of Basra.",
    )
    assert found.kind == Kind.CORROBORATES
    assert 0.0 < found.score <= 1.0


def test_unrelated_claims_are_unrelated() -> None:
    found = judge(
        "Russia will build a 500 MW power plant in Basra, the energy minister said.",
        "The football club signed a new goalkeeper from Lisbon for the coming season.",
    )
    assert found.kind == Kind.UNRELATED


def test_a_question_only_relates() -> None:
    found = judge(
        "Will Russia build a 500 MW power plant in Basra next year?",
        "Russia will build a 500 MW power plant in Basra next year, the minister said.",
    )
    assert found.kind == Kind.RELATED


def test_signals_are_measured() -> None:
    found = judge(
        "About 2,500 American troops are stationed at the Ain al-Asad base in Iraq.",
        "Some 5,000 American troops are stationed at the Ain al-Asad base in Iraq.",
    )
    assert found.signals.numbers_differ
    assert found.signals.shared_words >= 5
    assert 0.5 < found.signals.containment <= 1.0


# Conflict precision: each rule below keeps a pair of claims about different things, or
# claims that agree, from being proposed as a conflict.


def _no_conflict(found: Judgement) -> None:
    assert found.kind != Kind.CONFLICTS, found.reasons


def test_a_denial_that_points_back_at_the_report_conflicts() -> None:
    found = judge(
        "Reports say the Velmor council will close the Tarrin ferry depot, but the mayor Edda"
        " Strand has denied that possibility.",
        "The Velmor council will close the Tarrin ferry depot next spring.",
    )
    assert found.kind == Kind.CONFLICTS
    assert "polarity: denied vs reported" in found.reasons


def test_a_negation_in_another_clause_does_not_conflict() -> None:
    found = judge(
        "Brannock, who did not finish the race in Oslo, has signed with the Tarrin Rovers.",
        "Brannock has signed a two-year deal with the Tarrin Rovers.",
    )
    _no_conflict(found)


def test_a_negated_sentence_that_does_not_restate_the_claim_neither_conflicts_nor_agrees() -> None:
    found = judge(
        "The Velmor ferry depot will not reopen before the harbour works end.",
        "Dockers at the Velmor ferry depot voted to strike over pay, the union said on Friday.",
    )
    assert found.kind not in (Kind.CONFLICTS, Kind.CORROBORATES, Kind.DUPLICATE)


def test_a_plain_negation_of_the_same_assertion_conflicts() -> None:
    found = judge(
        "The Velmor ferry depot will close next spring, the council said.",
        "The Velmor ferry depot will not close next spring, the council said.",
    )
    assert found.kind == Kind.CONFLICTS
    assert "polarity: reported vs negated" in found.reasons


def test_denying_an_accusation_agrees_that_it_was_made() -> None:
    found = judge(
        "Former Kestrel Bank chairman Olaf Brannock denies fraud and false accounting.",
        "Olaf Brannock is on trial for fraud and false accounting at Kestrel Bank.",
    )
    _no_conflict(found)


@pytest.mark.parametrize(
    "text",
    [
        "Pupils at Velmor school were being denied proper sports lessons, inspectors found.",
        "A denial of service attack took the Velmor school website offline on Monday.",
    ],
)
def test_deprived_and_denial_of_service_are_not_denials(text: str) -> None:
    assert cues.polarity_label(text, True) == "negated"


def test_amounts_ten_times_apart_are_different_things() -> None:
    found = judge(
        "Kestrel Bank fined the Velmor branch 40,000 euros for the missing files.",
        "Kestrel Bank expects the Velmor branch to cost it 4 million euros this year.",
    )
    assert not found.signals.numbers_differ


def test_percentages_of_different_things_do_not_conflict() -> None:
    found = judge(
        "Kestrel Bank shares fell 4% in Velmor after the profit warning.",
        "Kestrel Bank owns a 30% stake in the Velmor ferry operator.",
    )
    assert not found.signals.numbers_differ


def test_amounts_of_different_periods_do_not_conflict() -> None:
    found = judge(
        "Kestrel Bank lent 7 million euros to Velmor farmers in November 2024.",
        "Kestrel Bank lent 9 million euros to Velmor farmers in December 2024.",
    )
    assert not found.signals.numbers_differ


def test_amounts_without_a_shared_subject_do_not_conflict() -> None:
    found = judge(
        "The carmaker sold nearly 95,000 cars last year, its annual report shows.",
        "Analysts expect dealers to have sold 120,000 cars by the end of the decade.",
    )
    assert not found.signals.numbers_differ


def test_amounts_of_one_named_thing_conflict() -> None:
    found = judge(
        "The Velmor Bridge project has received 11 nominations for the engineering awards.",
        "Judges gave the Velmor Bridge project 14 nominations, more than any other entry.",
    )
    assert found.kind == Kind.CONFLICTS
    assert any(r.startswith("numbers differ: 11 vs 14") for r in found.reasons)


def test_dates_of_different_events_do_not_conflict() -> None:
    found = judge(
        "Brannock won the Velmor marathon in 2001 after a late sprint.",
        "Brannock finished second in the Velmor marathon in 2004.",
    )
    assert not found.signals.dates_differ


def test_the_same_event_with_another_date_conflicts() -> None:
    found = judge(
        "The Velmor ferry depot was closed by the council on 3 March 2024.",
        "The Velmor ferry depot was closed by the council on 9 May 2024.",
    )
    assert found.kind == Kind.CONFLICTS
    assert any(r.startswith("dates differ") for r in found.reasons)


def test_opposite_verbs_in_loosely_related_claims_do_not_conflict() -> None:
    found = judge(
        "Brannock won the Velmor open final after beating Strand in four sets.",
        "Strand lost to Brannock in Velmor two years ago and has not played there since"
        " because of a shoulder injury.",
    )
    assert not found.signals.opposite_verbs


def test_two_negated_claims_do_not_conflict_on_polarity() -> None:
    found = judge(
        "No-one at the Velmor council was available for comment on the ferry depot.",
        "No one at the Velmor council was available for comment on the ferry depot plan.",
    )
    assert not found.signals.polarity


# Conflict cues, second pass: each rule on made-up sentences.


def test_a_spelling_variant_of_an_office_is_not_another_holder() -> None:
    found = judge(
        "Liberal Democrat leader Charles Kennedy has begun a week-long tour of the country.",
        "Lib Dem leader Charles Kennedy has begun a week-long tour of the country.",
    )
    assert found.kind != Kind.CONFLICTS
    assert not any(reason.startswith("different") for reason in found.reasons)


def test_one_office_with_two_holders_conflicts() -> None:
    found = judge(
        "Greenfield Party leader Anna Berg opened the party conference in Leeds on Monday.",
        "Greenfield Party leader Mark Stone opened the party conference in Leeds on Monday.",
    )
    assert found.kind == Kind.CONFLICTS
    assert "different holders: Anna Berg vs Mark Stone (leader)" in found.reasons


def test_a_former_holder_is_not_another_holder() -> None:
    found = judge(
        "Former Greenfield Party leader Anna Berg opened the party conference in Leeds.",
        "Greenfield Party leader Mark Stone opened the party conference in Leeds.",
    )
    assert not any(reason.startswith("different holders") for reason in found.reasons)


def test_who_denies_is_not_what_is_denied() -> None:
    found = judge(
        "His claims were denied by Foreign Minister Karl Weber on Tuesday.",
        "Foreign Minister Karl Weber said the new bridge would open in spring.",
    )
    assert found.kind != Kind.CONFLICTS


def test_amounts_of_different_things_under_one_subject_do_not_conflict() -> None:
    found = judge(
        "Brightco received a $50m loan from the bank last year.",
        "Brightco paid a $20m fine to the regulator last year.",
    )
    assert found.kind != Kind.CONFLICTS


def test_amounts_of_the_same_thing_conflict() -> None:
    found = judge(
        "Brightco received a $50m loan from the bank last year.",
        "Brightco received a $20m loan from the bank last year.",
    )
    assert found.kind == Kind.CONFLICTS
    assert any(reason.startswith("numbers differ") for reason in found.reasons)


def test_a_negated_opinion_of_the_writer_does_not_conflict() -> None:
    found = judge(
        "I don't think the new stadium is the best in Europe.",
        "The new stadium is the best in Europe.",
    )
    assert found.kind not in (Kind.CONFLICTS, Kind.CORROBORATES)


def test_a_negated_denial_concedes() -> None:
    assert cues.polarity_label("I would not deny workers the pay rise.", negated=True) != "denied"
    found = judge(
        "Although I would not deny workers the pay rise, its timing is poor.",
        "The pay rise for workers was announced by the minister on Monday.",
    )
    assert found.kind != Kind.CONFLICTS


def judge_last_claims(first: str, second: str) -> Judgement:
    """The last claims of two documents, each framed with its document's help."""
    sides = []
    for number, text in enumerate((first, second), start=1):
        context = DocumentContext(published=PUBLISHED)
        extracted = extract_claims(text, [], context)
        frame = frames_of(text, extracted, context)[-1]
        sides.append(side(from_extracted(number, number, extracted[-1], context, frame)))
    return relate(sides[0], sides[1], UNIFORM)


@pytest.mark.parametrize(
    "reported",
    [
        "Angels is the best song of the last 25 years.",
        "Angels topped the listeners' poll. That's why it has been voted best song of the last"
        " 25 years.",
    ],
)
def test_a_judgement_against_a_judgement_or_a_vote_is_no_conflict(reported: str) -> None:
    # "It is no way the best song" is an opinion: another opinion, or the vote it disputes,
    # can hold with it. Opinions are not facts to check against each other.
    found = judge_last_claims(
        "Angels topped the listeners' poll. But it is no way the best song of the past 25 years!",
        reported,
    )
    assert found.kind == Kind.RELATED, found.reasons


def test_the_negation_of_a_near_identical_fact_conflicts() -> None:
    found = judge_last_claims(
        "Angels topped the listeners' poll. But it has not been voted best song of the year.",
        "Angels topped the listeners' poll. That's why it has been voted best song of the year.",
    )
    assert found.kind == Kind.CONFLICTS
    assert any(reason.startswith("polarity") for reason in found.reasons)
    assert "same subject: Angels" in " ".join(found.reasons)


def test_the_negation_of_a_claim_with_an_unknown_subject_does_not_conflict() -> None:
    # Read alone, "it" names no subject: an unknown subject is never a conflict.
    found = judge(
        "But it is no way the best song of the past 25 years!",
        "Angels is the best song of the last 25 years.",
    )
    assert found.kind != Kind.CONFLICTS


def test_a_negated_ban_agrees_with_a_ban() -> None:
    found = judge(
        "Veltria bans new coal plants",
        "Veltria will not allow any new coal plants to be built, the government said.",
    )
    assert found.kind != Kind.CONFLICTS


def test_denied_as_deprived_with_an_adverb_is_no_denial() -> None:
    assert cues.negated_scopes("Smith was also denied a medal in the relay final.") == []


def test_a_denial_of_a_neighbouring_assertion_does_not_conflict() -> None:
    found = judge(
        "Mayor Ruth Kemp has denied her council was split over its plans to build the tram line.",
        "Mayor Ruth Kemp has always wanted the city to build the tram line, aides said.",
    )
    assert found.kind != Kind.CONFLICTS
    assert cues.denied_heads("Ms Kemp denied that possibility.") is None


def seed_sides() -> tuple[list[Side], Rarity]:
    """Every claim of the seed articles, prepared for judging, and their word rarity."""
    claims: list[MatchClaim] = []
    for number, path in enumerate(sorted((SEEDS / "articles").glob("*.txt")), start=1):
        context = DocumentContext()
        for found in extract_claims(path.read_text(encoding="utf-8"), [], context):
            claims.append(from_extracted(len(claims) + 1, number, found, context))
    frequency = Counter(key for claim in claims for key in set(keys_of(claim)))
    return [side(claim) for claim in claims], rarity_of(frequency, len(claims))


def test_plainly_unrelated_pairs_are_exactly_pairs_relate_calls_unrelated_in_real_text() -> None:
    """The shortcut matching takes before `relate` never hides a relation: every pair of
    the seed articles' claims it skips is one `relate` judges unrelated."""
    sides, rarity = seed_sides()
    skipped = kept_related = 0
    for a, b in combinations(sides, 2):
        if plainly_unrelated(a, b, rarity):
            skipped += 1
            assert relate(a, b, rarity).kind == Kind.UNRELATED, (a.claim.text, b.claim.text)
        elif relate(a, b, rarity).kind != Kind.UNRELATED:
            kept_related += 1
    assert skipped > 1000 and kept_related > 10


def test_pairs_unrelated_whatever_cues_are_pairs_relate_calls_unrelated_in_real_text() -> None:
    """The second shortcut (no cues, subjects or frames for pairs that cannot reach a
    subject) never hides a relation: every pair of the seed articles' claims it skips is
    one `relate` judges unrelated, and it skips pairs the first shortcut keeps."""
    sides, rarity = seed_sides()
    skipped = 0
    for a, b in combinations(sides, 2):
        shared = overlap(a, b, rarity)
        if plainly_unrelated(a, b, rarity, shared=shared):
            continue
        if unrelated_whatever_cues(a, b, rarity, shared):
            skipped += 1
            assert relate(a, b, rarity).kind == Kind.UNRELATED, (a.claim.text, b.claim.text)
    assert skipped > 50
