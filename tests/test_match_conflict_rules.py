"""Conflict rules that keep claims about neighbouring facts apart, on invented sentences.

Each rule has a pair it must stop and a pair about one fact that must still conflict.
"""

from __future__ import annotations

from claims.match import cues
from claims.match.amounts import rate_period
from claims.match.build import from_text
from claims.match.models import Judgement, Kind
from claims.match.relate import relate, side
from claims.match.score import UNIFORM
from claims.match.slots import head_words

PUBLISHED = "2025-01-20"


def judge(first: str, second: str) -> Judgement:
    a = side(from_text(1, 1, first, published=PUBLISHED))
    b = side(from_text(2, 2, second, published=PUBLISHED))
    return relate(a, b, UNIFORM)


def _no_conflict(found: Judgement) -> None:
    assert found.kind != Kind.CONFLICTS, found.reasons


# What a negation or denial governs must be what the other claim reports.


def test_a_denial_of_a_neighbouring_assertion_about_a_shared_name_does_not_conflict() -> None:
    found = judge(
        "Ostrander denies rift over wind farm plan",
        "Party sources said Mr Ostrander had always backed the wind farm plan as energy minister.",
    )
    _no_conflict(found)


def test_a_rejected_negation_is_kept_as_a_stance_cue() -> None:
    found = judge(
        "Ostrander denies rift over wind farm plan",
        "Party sources said Mr Ostrander had always backed the wind farm plan as energy minister.",
    )
    assert found.kind == Kind.RELATED
    assert found.signals.negation_cue


def test_a_denial_of_what_the_other_claim_reports_still_conflicts() -> None:
    found = judge(
        "Ostrander denies backing the wind farm plan",
        "Mr Ostrander backed the wind farm plan, party sources said.",
    )
    assert found.kind == Kind.CONFLICTS
    assert "polarity: denied vs reported" in found.reasons


def test_a_denied_accusation_is_matched_past_the_word_accusation() -> None:
    found = judge(
        "Vartan denied accusations that he threatened the referee before the cup final.",
        "Vartan apparently threatened the referee before the cup final, witnesses said.",
    )
    assert found.kind == Kind.CONFLICTS


def test_a_negation_of_another_predicate_does_not_conflict() -> None:
    found = judge(
        "The new fuel rebate for farmers did nothing to ease the debt crisis, the union said.",
        "The fuel rebate for farmers is only a sticking plaster on the debt crisis, the union"
        " said.",
    )
    _no_conflict(found)


def test_a_negation_of_the_same_predicate_still_conflicts() -> None:
    found = judge(
        "The Velmor ferry depot will not close next spring, the council said.",
        "The Velmor ferry depot will close next spring, the council said.",
    )
    assert found.kind == Kind.CONFLICTS
    assert "polarity: negated vs reported" in found.reasons


def test_negated_heads_skip_light_words_shared_names_and_reporting_words() -> None:
    names = frozenset({"ostrander"})
    assert cues.negated_heads("Ostrander is not going to start Ostrander.", names) == ["start"]
    assert cues.negated_heads("Kestrel Bank denied reports it will close.", names) == ["close"]
    assert cues.negated_heads("The mayor has denied that possibility.", names) == []
    assert cues.negated_heads("The claims were denied by Ostrander.", names) == []
    assert cues.word_root("increasing") == cues.word_root("increase")
    assert cues.negated_heads("Kemp denied her council was split on the plan.", names) == ["split"]


def test_a_denial_at_the_end_of_its_clause_denies_the_noun_before_it() -> None:
    found = judge(
        "Velmor council's bus fare move denied",
        "Bus fares will be at the heart of the Velmor council's budget plans, the mayor said.",
    )
    _no_conflict(found)
    assert cues.denied_heads("Velmor council's bus fare move denied") == [frozenset({"move"})]
    assert cues.denied_heads("There is a black hole, a claim denied by the mayor.") is None


def test_a_denial_at_the_end_of_its_clause_of_what_the_other_reports_still_conflicts() -> None:
    found = judge(
        "Velmor council's bus fare rise denied",
        "The Velmor council will approve a bus fare rise in its budget plans, the mayor said.",
    )
    assert found.kind == Kind.CONFLICTS
    assert "polarity: denied vs reported" in found.reasons


def test_a_denial_agrees_with_a_claim_that_the_act_failed() -> None:
    found = judge(
        "Velmor's hopes of cup medals were dashed as its rowers failed to win the final.",
        "Velmor rowers deny they won cup medals in the final.",
    )
    _no_conflict(found)


def test_a_denial_of_a_reported_win_still_conflicts() -> None:
    found = judge(
        "Velmor's rowers won cup medals in the final, officials said.",
        "Velmor rowers deny they won cup medals in the final.",
    )
    assert found.kind == Kind.CONFLICTS


def test_a_denial_of_a_reported_failure_still_conflicts() -> None:
    found = judge(
        "Kestrel Bank failed to pay its Velmor suppliers on time, the union said.",
        "Kestrel Bank denied it failed to pay its Velmor suppliers on time.",
    )
    assert found.kind == Kind.CONFLICTS


def test_a_negation_agrees_with_a_claim_that_declined_to_act() -> None:
    found = judge(
        "A spokeswoman for Kestrel Bank declined to comment on the Velmor report.",
        "The Kestrel Bank spokeswoman would not comment on the Velmor report.",
    )
    _no_conflict(found)


def test_a_negation_of_an_announced_comment_still_conflicts() -> None:
    found = judge(
        "The Kestrel Bank spokeswoman will comment on the Velmor report.",
        "The Kestrel Bank spokeswoman will not comment on the Velmor report.",
    )
    assert found.kind == Kind.CONFLICTS


def test_a_denial_agrees_with_a_report_of_claims() -> None:
    found = judge(
        "Kestrel posters were withdrawn amid claims they were racist, the Velmor council said.",
        "Kestrel has denied its posters were racist, the Velmor council said.",
    )
    _no_conflict(found)
    assert not cues.reports_accusation("Kestrel claims the posters were withdrawn.")


def test_a_denial_of_what_the_other_claim_asserts_about_it_still_conflicts() -> None:
    found = judge(
        "Kestrel posters were racist, the Velmor council said.",
        "Kestrel has denied its posters were racist, the Velmor council said.",
    )
    assert found.kind == Kind.CONFLICTS
    assert "polarity: reported vs denied" in found.reasons


def test_a_denied_accusation_shares_no_bare_prefix_with_another() -> None:
    found = judge(
        "Kestrel posters prompted accusations of anti-Semitism, claims denied by the Velmor party.",
        "The Velmor party leader said the deal laid to rest any suggestion the Kestrel posters"
        " were anti-Islamic.",
    )
    _no_conflict(found)


def test_a_denied_accusation_the_other_claim_makes_still_conflicts() -> None:
    found = judge(
        "Kestrel posters prompted accusations of anti-Semitism, claims denied by the Velmor party.",
        "The Kestrel posters showed anti-Semitism, the Velmor party leader said.",
    )
    assert found.kind == Kind.CONFLICTS


def test_a_denied_verb_acting_on_another_thing_in_the_other_claim_does_not_conflict() -> None:
    found = judge(
        "Velmor councils are expected to take steps, such as freezing rents and increasing"
        " spending.",
        "Mayor Kemp denied that Velmor councils were increasing rents to fund spending.",
    )
    _no_conflict(found)
    assert cues.governed_object("She denied she was increasing rents.", "increasing") == "rent"


def test_a_denied_verb_acting_on_the_same_thing_still_conflicts() -> None:
    found = judge(
        "Velmor councils are expected to take steps, such as increasing rents and freezing"
        " spending.",
        "Mayor Kemp denied that Velmor councils were increasing rents to fund spending.",
    )
    assert found.kind == Kind.CONFLICTS
    assert "polarity: reported vs denied" in found.reasons


# Amounts and dates of different subjects, periods or figures.


def test_amounts_of_two_companies_counted_in_one_country_do_not_conflict() -> None:
    found = judge(
        "Kestrel Motors has sold more than 80,000 cars in Norway since the launch.",
        "Its rival Brightco has sold 120,000 cars in Norway since the launch.",
    )
    _no_conflict(found)


def test_amounts_of_one_company_in_one_country_still_conflict() -> None:
    found = judge(
        "Kestrel Motors has sold 80,000 cars in Norway since the launch.",
        "Kestrel Motors has sold 120,000 cars in Norway since the launch, dealers say.",
    )
    assert found.kind == Kind.CONFLICTS
    assert any(r.startswith("numbers differ: 80,000 vs 120,000") for r in found.reasons)


def test_a_rate_and_a_total_do_not_conflict() -> None:
    found = judge(
        "The Velmor filter blocked 18 million spam messages in 2024.",
        "By October 2024 the Velmor filter was blocking two million spam messages per month.",
    )
    _no_conflict(found)
    assert found.kind != Kind.CORROBORATES


def test_two_rates_per_one_period_still_conflict() -> None:
    found = judge(
        "The Velmor filter blocks 2 million spam messages per month.",
        "The Velmor filter blocks 3 million spam messages per month, its makers say.",
    )
    assert found.kind == Kind.CONFLICTS


def test_rate_period_reads_per_a_and_adverbs_but_not_ago() -> None:
    claim = from_text(
        1, 1, "It earns $5m a year, 2 million a month ago, and 40,000 daily.", published=PUBLISHED
    )
    periods = [rate_period(claim, quantity) for quantity in claim.quantities]
    assert periods == ["year", None, "day"]


def test_a_currency_name_is_not_what_an_amount_counts() -> None:
    claim = from_text(1, 1, "Brightco's debt soared to 21bn euros.", published=PUBLISHED)
    amount = claim.quantities[0]
    assert head_words(claim, amount.span, amount.unit or "") == frozenset(
        {"brightco", "debt", "soared"}
    )


def test_forecasts_of_different_figures_with_other_horizons_do_not_conflict() -> None:
    found = judge(
        "Three million homes in Velmor will have solar panels by the end of 2025, says Kestrel"
        " Research.",
        "By 2030, according to Kestrel Research, 60% of homes in Velmor will have solar panels.",
    )
    _no_conflict(found)


def test_one_figure_forecast_for_two_deadlines_is_compatible() -> None:
    # Two deadlines are two latest dates: the earlier satisfies the later.
    found = judge(
        "Three million homes in Velmor will have solar panels by the end of 2025, says Kestrel"
        " Research.",
        "By 2030, according to Kestrel Research, three million homes in Velmor will have solar"
        " panels.",
    )
    _no_conflict(found)


def test_one_figure_forecast_for_a_deadline_and_a_later_start_still_conflicts() -> None:
    found = judge(
        "Three million homes in Velmor will have solar panels by the end of 2025, says Kestrel"
        " Research.",
        "Three million homes in Velmor will not have solar panels until 2030, says Kestrel"
        " Research.",
    )
    assert found.kind == Kind.CONFLICTS
    assert any(r.startswith("dates differ") for r in found.reasons)


def test_a_forecast_figure_and_a_plan_with_other_horizons_do_not_conflict() -> None:
    found = judge(
        "Only 15% of homes in Velmor will get solar panels from Kestrel Power by 2027.",
        "Kestrel Power has promised solar panels for all council homes in Velmor by 2030.",
    )
    _no_conflict(found)


def test_one_plan_with_a_deadline_and_a_later_date_still_conflicts() -> None:
    found = judge(
        "Kestrel Power will fit solar panels on all council homes in Velmor by 2027.",
        "Kestrel Power will fit solar panels on all council homes in Velmor in 2030.",
    )
    assert found.kind == Kind.CONFLICTS
    assert "dates differ: by 2027 vs 2030" in found.reasons


def test_one_target_of_two_groups_with_other_deadlines_does_not_conflict() -> None:
    found = judge(
        "Velmor's fishing towns have promised to cut their catch of cod by 40% by 2030.",
        'A ministry spokeswoman said: "The government has made a clear commitment to cutting'
        ' the catch of cod by 40% by 2028."',
    )
    _no_conflict(found)


def test_one_target_of_one_group_with_a_deadline_and_a_later_start_still_conflicts() -> None:
    found = judge(
        "Velmor's fishing towns have promised to cut their catch of cod by 40% by 2028.",
        "Velmor's fishing towns will not cut their catch of cod until 2030, a ministry"
        " spokeswoman said.",
    )
    assert found.kind == Kind.CONFLICTS
    assert "dates differ: by 2028 vs until 2030" in found.reasons


def test_deadlines_of_two_products_do_not_conflict() -> None:
    found = judge(
        "The new Tarrin handheld from Velcom will not go on sale until 2026, the company said.",
        "Analysts expect the Brightbox handheld from Kestrel to go on sale by the end of 2025.",
    )
    _no_conflict(found)


def test_deadlines_of_one_product_are_compatible() -> None:
    found = judge(
        "The new Tarrin handheld from Velcom will go on sale by 2026, the company said.",
        "Analysts expect the new Tarrin handheld from Velcom to go on sale by the end of 2025.",
    )
    _no_conflict(found)


def test_a_deadline_and_a_later_start_of_one_product_still_conflict() -> None:
    found = judge(
        "The new Tarrin handheld from Velcom will go on sale by the end of 2025, the company said.",
        "The new Tarrin handheld from Velcom will not go on sale until 2026, analysts said.",
    )
    assert found.kind == Kind.CONFLICTS
    assert "dates differ: by the end of 2025 vs until 2026" in found.reasons


# Opposite verbs must act on one thing.


def test_opposite_verbs_about_different_things_do_not_conflict() -> None:
    found = judge(
        "Fuel prices fall back from their record highs",
        "Growth is being held back by recent interest rate rises, the group said, as fuel"
        " prices stay high.",
    )
    _no_conflict(found)


def test_opposite_verbs_about_one_thing_still_conflict() -> None:
    found = judge(
        "Fuel prices fall back from their record highs",
        "Fuel prices rise back to their record highs",
    )
    assert found.kind == Kind.CONFLICTS
    assert "opposite verbs: fall vs rise" in found.reasons


def test_neighbours_stay_inside_the_verb_clause() -> None:
    text = "Interest rate rises, the group said, as fuel prices stay high."
    assert cues.neighbours(text, "rises") == (frozenset({"interest", "rate"}), frozenset())


# Negations that deny nothing: suppositions, "not ... until", and a negation the other claim
# makes too in other words.


def test_a_negation_inside_a_condition_does_not_conflict() -> None:
    found = judge(
        "If Brannock is not the club's first choice goalkeeper, that is a problem for me.",
        "Brannock is currently the club's second choice goalkeeper.",
    )
    _no_conflict(found)


def test_a_plain_negation_of_a_fact_still_conflicts() -> None:
    found = judge(
        "Brannock is not the club's first choice goalkeeper.",
        "Brannock is the club's first choice goalkeeper.",
    )
    assert found.kind == Kind.CONFLICTS


def test_a_negation_agrees_with_a_claim_that_says_it_failed() -> None:
    found = judge(
        "Strand has not recovered from a knee injury and will miss the Velmor final.",
        "Strand will miss the Velmor final after failing to recover from a knee injury.",
    )
    _no_conflict(found)


def test_a_negation_of_a_reported_recovery_still_conflicts() -> None:
    found = judge(
        "Strand has not recovered from a knee injury and will miss the Velmor final.",
        "Strand has recovered from a knee injury and will play in the Velmor final.",
    )
    assert found.kind == Kind.CONFLICTS


def test_not_until_dates_an_event_and_denies_nothing() -> None:
    found = judge(
        "The Tarrin console from Velcom will not reach shops until March 2026, analysts said.",
        "The Tarrin console from Velcom will reach shops in June 2026, analysts said.",
    )
    _no_conflict(found)


def test_not_until_still_contradicts_an_earlier_deadline() -> None:
    found = judge(
        "The Tarrin console from Velcom is not expected to reach shops until 2026, analysts said.",
        "The Tarrin console from Velcom is expected to reach shops by the end of 2025, analysts"
        " said.",
    )
    assert found.kind == Kind.CONFLICTS
    assert "dates differ: until 2026 vs by the end of 2025" in found.reasons


# Amounts of other kinds: shares and changes, periods.


def test_a_share_and_a_change_do_not_conflict() -> None:
    found = judge(
        "Fishing is 5% of Veltria's output, the ministry said.",
        "Fishing output in Veltria rose 4%, the ministry said.",
    )
    _no_conflict(found)


def test_two_shares_of_one_thing_still_conflict() -> None:
    found = judge(
        "About 5% of Veltria's economic output comes from fishing.",
        "About 9% of Veltria's economic output comes from fishing.",
    )
    assert found.kind == Kind.CONFLICTS


def test_periods_named_by_length_are_not_amounts() -> None:
    found = judge(
        "Kestrel Bank says profits for the year will rise from the previous 12 months.",
        "Kestrel Bank says profits were up on the previous three months.",
    )
    _no_conflict(found)


# A deadline that has passed is history: a later event is another event.


def test_a_past_until_and_a_later_event_do_not_conflict() -> None:
    found = judge(
        "Kestrel was the only bus operator in Velmor until 1995, when Tarrin Buses arrived.",
        "Tarrin Buses, which added night routes in Velmor in 2004, now runs most bus services.",
    )
    _no_conflict(found)


def test_a_past_until_and_a_later_event_in_one_statement_still_conflict() -> None:
    found = judge(
        "Kestrel was the only bus operator in Velmor until 1995.",
        "Kestrel bus operator in Velmor 2004.",
    )
    assert found.kind == Kind.CONFLICTS


def test_two_changes_not_dated_alike_do_not_conflict() -> None:
    found = judge(
        "The Velmor index gained 45 points by late morning.",
        "By late morning the Velmor index had gained 20 points, traders said.",
    )
    _no_conflict(found)


def test_two_changes_of_one_day_still_conflict() -> None:
    found = judge(
        "The Velmor index gained 45 points on Tuesday.",
        "On Tuesday the Velmor index had gained 20 points, traders said.",
    )
    assert found.kind == Kind.CONFLICTS
    assert any(r.startswith("numbers differ: 45 vs 20") for r in found.reasons)


def test_opposite_verbs_with_other_words_after_them_do_not_conflict() -> None:
    found = judge(
        "The number of loans approved in Veltria has risen for the first time since May.",
        "The number of loans approved in Veltria has fallen to the lowest level for a decade.",
    )
    _no_conflict(found)


# Plain negations conflict only with a claim they restate nearly word for word.


def test_a_plain_negation_of_a_loosely_worded_claim_does_not_conflict() -> None:
    found = judge(
        "No date for the Velmor fraud trial has been set yet.",
        "The three Velmor bankers are awaiting a date for their fraud trial.",
    )
    _no_conflict(found)
    assert found.kind != Kind.CORROBORATES


def test_amounts_of_a_dated_and_an_undated_claim_do_not_conflict() -> None:
    found = judge(
        "Kestrel Games has sold more than five million copies of Tarrin since it went on sale"
        " in November.",
        "Kestrel Games has sold more than a million copies of Tarrin, the company said.",
    )
    _no_conflict(found)


def test_opposite_verbs_with_another_subject_do_not_conflict() -> None:
    found = judge(
        "The Greens want Lena Rask to quit the Velmor city council.",
        "She was joined on the Velmor city council by Lena Rask.",
    )
    _no_conflict(found)


def test_opposite_verbs_with_one_subject_and_object_still_conflict() -> None:
    found = judge(
        "The Greens want Lena Rask to quit the Velmor city council.",
        "The Greens want Lena Rask to join the Velmor city council.",
    )
    assert found.kind == Kind.CONFLICTS
    assert "opposite verbs: quit vs join" in found.reasons


def test_a_denial_of_what_a_shared_subject_was_does_not_conflict_with_its_other_acts() -> None:
    found = judge(
        "Mayor Ruth Kemp has denied her council was split over the tram line plan.",
        "Her council revealed its support for the tram line plan ahead of the vote.",
    )
    _no_conflict(found)


def test_bounds_that_overlap_do_not_conflict() -> None:
    found = judge(
        "The new Velmor screens give a picture up to six times as sharp as old sets.",
        "The new Velmor screens give a picture at least four times as sharp as old sets.",
    )
    _no_conflict(found)


def test_bounds_that_exclude_each_other_still_conflict() -> None:
    found = judge(
        "The new Velmor screens give a picture up to three times as sharp as old sets.",
        "The new Velmor screens give a picture at least six times as sharp as old sets.",
    )
    assert found.kind == Kind.CONFLICTS


def _undated(first: str, second: str) -> Judgement:
    """Claims from documents without a publication date: a month and day have no year."""
    return relate(side(from_text(1, 1, first)), side(from_text(2, 2, second)), UNIFORM)


def test_dates_without_a_year_of_two_acts_do_not_conflict() -> None:
    _no_conflict(_undated("Released 25 February on PC.", "Released 1 March on PC."))


def test_dates_without_a_year_of_one_event_still_conflict() -> None:
    found = _undated(
        "The Velmor bridge was opened to traffic by the mayor on March 12.",
        "The Velmor bridge was opened to traffic by the mayor on March 14.",
    )
    assert found.kind == Kind.CONFLICTS
    assert any(r.startswith("dates differ") for r in found.reasons)


# Amounts of two times or of a whole and its part: conversions, changes "to", sums.


def test_two_conversions_of_one_amount_do_not_conflict() -> None:
    found = judge(
        "Kestrel Oil was sold to pay off a $27.5bn (£14.5bn) tax bill in Veltria.",
        "Kestrel Oil faces a $27.5bn (£13bn) tax bill in Veltria and was sold to pay it.",
    )
    _no_conflict(found)


def test_conversions_of_one_amount_that_differ_tenfold_still_conflict() -> None:
    found = judge(
        "The Veltria download market is set to be worth $1.8bn (£9.4m) by 2009, analysts say.",
        "The Veltria download market is set to be worth $1.8bn (£94m) by 2009, analysts say.",
    )
    assert found.kind == Kind.CONFLICTS
    assert any(r.startswith("numbers differ: 9.4 million vs 94 million") for r in found.reasons)


def test_an_amount_before_a_rise_to_another_does_not_conflict() -> None:
    found = judge(
        "Tarrin Group's planned £1.35bn offer for the Velmor exchange was too low, investors said.",
        "Tarrin Group's offer for the Velmor exchange will be raised to £1.5bn, investors said.",
    )
    _no_conflict(found)


def test_two_amounts_something_rose_to_still_conflict() -> None:
    found = judge(
        "Tarrin Group's offer for the Velmor exchange was raised to £1.35bn, investors said.",
        "Tarrin Group's offer for the Velmor exchange was raised to £1.5bn, investors said.",
    )
    assert found.kind == Kind.CONFLICTS


def test_an_amount_above_where_something_rose_to_still_conflicts() -> None:
    found = judge(
        "Tarrin Group's offer for the Velmor exchange was £1.9bn, investors said.",
        "Tarrin Group's offer for the Velmor exchange was raised to £1.5bn, investors said.",
    )
    assert found.kind == Kind.CONFLICTS


def test_a_sum_of_parts_and_one_part_do_not_conflict() -> None:
    found = judge(
        "Brannock missed three penalties for Velmor in the cup final.",
        "Brannock and Strand, who missed six penalties between them for Velmor in the cup final,"
        " were dropped.",
    )
    _no_conflict(found)


def test_two_sums_of_one_group_still_conflict() -> None:
    found = judge(
        "Brannock and Strand missed three penalties between them for Velmor in the cup final.",
        "Brannock and Strand missed six penalties between them for Velmor in the cup final.",
    )
    assert found.kind == Kind.CONFLICTS


def test_shares_of_groups_set_apart_by_thresholds_do_not_conflict() -> None:
    found = judge(
        "In Veltria 16% of nurses earn more than £50,000, the union said.",
        "In Veltria 35% of nurses earn less than £20,000, the union said.",
    )
    _no_conflict(found)


def test_shares_of_one_group_with_one_threshold_still_conflict() -> None:
    found = judge(
        "In Veltria 16% of nurses earn more than £50,000, the union said.",
        "In Veltria 35% of nurses earn more than £50,000, the union said.",
    )
    assert found.kind == Kind.CONFLICTS
    assert any(r.startswith("numbers differ: 16 vs 35") for r in found.reasons)


# A ranking is of one moment: amounts given with other ranks are of other moments.


def test_amounts_of_a_film_at_two_places_in_the_chart_do_not_conflict() -> None:
    found = judge(
        "Velmor Knights entered the box office chart in second place, taking $12.7m.",
        "Velmor Knights moved down the box office chart to fourth place after taking $10.7m.",
    )
    _no_conflict(found)


def test_amounts_of_a_film_at_one_place_in_the_chart_still_conflict() -> None:
    found = judge(
        "Velmor Knights entered the box office chart in second place, taking $12.7m.",
        "Velmor Knights entered the box office chart in second place after taking $10.7m.",
    )
    assert found.kind == Kind.CONFLICTS
    assert any(r.startswith("numbers differ: 12.7 million vs 10.7 million") for r in found.reasons)


# A twelve-month period dated by its end is not the calendar year.


def test_a_year_to_march_and_the_calendar_year_do_not_conflict() -> None:
    found = judge(
        "In the year to March 2024, Veltria's economy grew by 8.5%, the ministry said.",
        "Veltria's economy grew 6.9% in 2024, the ministry said.",
    )
    _no_conflict(found)


def test_two_amounts_of_one_year_to_march_still_conflict() -> None:
    found = judge(
        "In the year to March 2024, Veltria's economy grew by 8.5%, the ministry said.",
        "In the year to March 2024, Veltria's economy grew by 6.9%, the ministry said.",
    )
    assert found.kind == Kind.CONFLICTS
    assert any(r.startswith("numbers differ: 8.5 vs 6.9") for r in found.reasons)


def test_amounts_of_acts_by_two_agents_do_not_conflict() -> None:
    found = judge(
        "Velmor coach Anton Brask was banned for two years by the rowing federation.",
        "Velmor coach Anton Brask was banned for four years by the appeals tribunal.",
    )
    _no_conflict(found)


def test_amounts_of_acts_by_one_agent_still_conflict() -> None:
    found = judge(
        "Velmor coach Anton Brask was banned for two years by the rowing federation.",
        "Velmor coach Anton Brask was banned for four years by the rowing federation.",
    )
    assert found.kind == Kind.CONFLICTS
    assert any(r.startswith("numbers differ: 2 vs 4") for r in found.reasons)


def test_two_moments_of_one_match_do_not_conflict() -> None:
    # "with 10 minutes left" and "with three minutes left" are two moments, not two counts.
    found = judge(
        "Jones had seen a long-range effort fall under the crossbar on the hour, before"
        " Charlie Nolan put Kestrel in front with 10 minutes left.",
        "Kestrel could have won the game with three minutes left, but Nolan pushed an easy"
        " drop goal opportunity wide.",
    )
    assert found.kind != Kind.CONFLICTS, found.reasons
