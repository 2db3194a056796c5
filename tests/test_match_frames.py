"""Claim frames on made-up wire copy and sentences: subject, measure, values, period,
polarity and modality, read with the document's help."""

from __future__ import annotations

from claims.extract.models import DocumentContext
from claims.extract.pipeline import extract_claims
from claims.match.build import from_text
from claims.match.frames.build import frame_of, frames_of
from claims.match.frames.models import Frame

EARNINGS = """Example Corp 1st Qtr Net

    NEW YORK, March 3 -
    Shr 25 cts vs 1.21 dlrs
    Net 1,234,000 vs 5,678,000
    Revs 45.6 mln vs 40.1 mln
 Reuter
"""

STRIKE = """Drones hit Black Sea oil terminal

    MOSCOW, Nov 12 (Wirenews) - Ukrainian drones attacked the Sheskharis oil terminal near
Novorossiysk overnight, killing two workers, the Russian Defence Ministry said.
    The terminal was not damaged, the ministry said.
    Kyiv denied carrying out the attack.
"""


def framed(text: str, published: str = "1987-03-10") -> dict[str, Frame]:
    """Each claim's frame by the claim's first words."""
    context = DocumentContext(published=published)
    claims = extract_claims(text, [], context)
    frames = frames_of(text, claims, context)
    return {
        " ".join(claim.text.split()): frame for claim, frame in zip(claims, frames, strict=True)
    }


def find(frames: dict[str, Frame], start: str) -> Frame:
    return next(frame for text, frame in frames.items() if text.startswith(start))


def alone(text: str, published: str | None = "2025-01-20") -> Frame:
    return frame_of(from_text(1, 1, text, published=published))


# Subjects: a table line takes the headline's company; table words are never subjects.


def test_a_table_line_takes_the_company_of_the_headline() -> None:
    frame = find(framed(EARNINGS), "Shr")
    assert frame.subject is not None
    assert frame.subject.text == "Example Corp"
    assert frame.subject.found == "headline"


def test_table_words_are_never_subjects() -> None:
    frames = framed(EARNINGS)
    subjects = {frame.subject.text for frame in frames.values() if frame.subject}
    assert subjects == {"Example Corp"}
    assert alone("Oper shr 40 cts vs 31 cts").subject is None


def test_a_line_with_its_own_subject_keeps_it() -> None:
    frame = alone("Brightwater Industries said its sales rose to 88 mln dlrs.")
    assert frame.subject is not None
    assert frame.subject.text == "Brightwater Industries"


def test_the_company_is_the_headline_company() -> None:
    text = (
        "Marlow Inc Cuts Dividend\n\n    CHICAGO, March 4 - Marlow Inc cut its quarterly"
        " dividend to five cts a share.\n    The company cut its forecast for the year.\n"
    )
    frame = find(framed(text), "The company cut")
    assert frame.subject is not None
    assert (frame.subject.text, frame.subject.found) == ("Marlow Inc", "description")


def test_the_ministry_is_the_ministry_the_document_named() -> None:
    frame = find(framed(STRIKE, "1987-11-12"), "The terminal was not damaged")
    assert frame.subject is not None
    assert frame.subject.text == "Sheskharis oil terminal"


def test_an_unresolved_description_is_no_subject() -> None:
    assert alone("The terminal was not damaged.").subject is None


def test_a_pronoun_is_the_previous_claims_subject() -> None:
    text = "Angels topped the listeners' poll. But it is no way the best song of the decade!"
    frame = find(framed(text), "But it is")
    assert frame.subject is not None
    assert (frame.subject.text, frame.subject.found) == ("Angels", "pronoun")


def test_a_capital_that_acts_is_its_country() -> None:
    frame = find(framed(STRIKE, "1987-11-12"), "Kyiv denied")
    assert frame.subject is not None
    assert frame.subject.key == "ukraine"


def test_the_speaker_is_not_the_subject() -> None:
    frame = alone("Ambassador Haidar Hadi said Iraq is going to buy Russian S-400 systems.")
    assert frame.subject is not None
    assert frame.subject.key == "iraq"
    assert frame.predicate == "buy"


def test_the_dateline_is_neither_subject_nor_about() -> None:
    frame = find(framed(STRIKE, "1987-11-12"), "MOSCOW")
    assert frame.subject is not None
    assert frame.subject.key == "ukraine"
    assert "moscow" not in {subject.key for subject in frame.about}


# Values, measures and periods.


def test_a_table_gives_this_period_and_the_year_before() -> None:
    frame = find(framed(EARNINGS), "Shr")
    assert frame.measure == "earnings per share"
    first, second = frame.values
    assert (first.amount, first.unit, first.period and first.period.text) == (
        0.25,
        "USD",
        "Q1 1987",
    )
    assert (second.amount, second.period and second.period.text) == (1.21, "Q1 1986")


def test_a_bare_table_amount_takes_its_neighbours_unit_and_the_label_its_measure() -> None:
    frame = find(framed(EARNINGS), "Revs")
    assert frame.measure == "revenue"
    assert [value.amount for value in frame.values] == [45_600_000, 40_100_000]


def test_a_section_line_dates_the_lines_below_it() -> None:
    text = (
        "Example Corp 4th Qtr Net\n\n    Qtr\n    Shr 10 cts vs 8 cts\n"
        "    Year\n    Shr 52 cts vs 41 cts\n"
    )
    frames = framed(text)
    periods = [find(frames, line).period for line in ("Shr 10", "Shr 52")]
    assert [period.text if period else None for period in periods] == ["Q4 1987", "year 1987"]


def test_prose_amounts_per_share_and_from_an_earlier_period() -> None:
    frame = alone(
        "Example Corp said first quarter net income fell to 1.2 mln dlrs, or 25 cts a share,"
        " from 5.7 mln dlrs.",
        published="1987-03-10",
    )
    measures = [(value.measure, value.period and value.period.text) for value in frame.values]
    assert measures == [
        ("net profit", "Q1 1987"),
        ("earnings per share", "Q1 1987"),
        ("net profit", "Q1 1986"),
    ]


def test_casualty_figures_are_deaths_and_injuries() -> None:
    killed = alone("Drones attacked the terminal, killing two workers.")
    injured = alone("The governor said one person had been injured in the attack.")
    assert [(v.measure, v.amount) for v in killed.values] == [("deaths", 2)]
    assert [(v.measure, v.amount) for v in injured.values] == [("injuries", 1)]
    assert killed.event == injured.event == "attack"


# Predicates, polarity and modality.


def test_a_negation_gives_what_it_negates_and_a_denial_what_it_denies() -> None:
    negated = alone("The Sheskharis terminal was not damaged.")
    denied = alone("Kyiv denied carrying out the attack.")
    assert (negated.predicate, negated.polarity) == ("damaged", "denied")
    assert (denied.predicate, denied.polarity) == ("attack", "denied")


def test_evidence_gives_the_fact_it_shows() -> None:
    frame = alone("Satellite images showed damage to two storage tanks at the Sheskharis terminal.")
    assert frame.predicate == "damage"
    assert frame.polarity == "asserted"


def test_a_supposition_is_not_a_denial() -> None:
    assert alone("If the plant is not ready, the vote will be delayed.").polarity == "asserted"


def test_modalities() -> None:
    assert alone("Example Corp expects profits to rise next year.").modality == "forecast"
    assert alone("Example Corp plans to close two plants in Ohio.").modality == "plan"
    assert alone("Example Corp is reportedly in talks with Marlow Inc.").modality == "rumour"
    assert alone("Example Corp closed two plants in Ohio last year.").modality == "fact"


def test_a_frame_reads_as_one_line() -> None:
    line = find(framed(EARNINGS), "Shr").describe()
    assert line == "Example Corp | earnings per share | Q1 1987 | 25 cts, 1.21 dlrs"


def test_a_name_in_the_complement_of_a_measure_is_not_its_owner() -> None:
    # "interest in Velorian systems" is about interest, not Veloria's; a place that opens
    # the clause still says whose figure it is.
    frame = alone("In particular, interest in Russian air defence systems has been maintained.")
    assert frame.subject is None or frame.subject.key != "russia"
    placed = alone("In Veltria 16% of nurses earn more than £50,000, the union said.")
    assert placed.subject is not None and placed.subject.text == "Veltria"


def test_an_opening_adverbial_is_not_the_subject() -> None:
    # The name in "Under X," / "Despite X," / "For X," says under what or despite what; the
    # subject follows the comma.
    ruled = alone("Under President Arlo Venn, Veltria has been trying to rebuild its ties.")
    assert ruled.subject is not None and ruled.subject.key == "veltria"
    despite = alone("Despite the warnings of Mr Ostrow, Brightwater Industries raised its prices.")
    assert despite.subject is not None and despite.subject.text == "Brightwater Industries"
    year = alone("For the full year, Marlow Inc posted a profit of $3.36bn.")
    assert year.subject is not None and year.subject.text == "Marlow Inc"


def test_an_auxiliary_before_a_verb_ends_the_subject() -> None:
    frame = alone("The government of Chancellor Arlo Venn has put job creation first.")
    assert frame.subject is not None
    assert frame.subject.text == "the government of chancellor arlo venn"
    assert frame.predicate == "put"


def test_an_it_that_points_at_nothing_is_no_subject() -> None:
    text = (
        "Marlow Inc cut its dividend. It is expected that the board will meet in May."
        " It was bought for $9m by a rival."
    )
    frames = framed(text)
    assert find(frames, "It is expected").subject is None
    bought = find(frames, "It was bought").subject
    assert bought is not None and bought.text == "Marlow Inc"


def test_a_participle_after_a_nationality_is_no_verb() -> None:
    frame = alone("Ukrainian armed forces attacked the Sheskharis terminal, the ministry said.")
    assert frame.predicate == "attacked"


def test_a_word_capitalised_only_by_the_sentence_start_is_no_name() -> None:
    weak = find(framed("Weak demand hits Brightwater Industries. Demand was weak."), "Weak")
    assert weak.subject is not None and weak.subject.text == "Weak demand"
    sluggish = alone("Sluggish demand hits Brightwater Industries.")
    assert sluggish.subject is not None and sluggish.subject.text == "Sluggish demand"
    maker = alone("US-German carmaker Brightwater Motors cut 200 jobs.")
    assert maker.subject is not None and maker.subject.text == "Brightwater Motors"
    team = alone("Velmor rowers deny they won cup medals in the final.")
    assert team.subject is not None and team.subject.text == "Velmor"
    named = find(framed("Marlow cut 200 jobs. Marlow shares fell sharply."), "Marlow shares")
    assert named.subject is not None and named.subject.text == "Marlow"


def test_an_ordinary_word_opening_a_sentence_is_no_name() -> None:
    for text, subject in (
        ("Key figures in the Velmor party have backed the plan to cut taxes.", "Key figures"),
        ("Major lenders raised their rates on Monday.", "Major lenders"),
        ("Good weather helped Dalmora farmers increase the harvest.", "Good weather"),
    ):
        frame = alone(text)
        assert frame.subject is not None and frame.subject.text == subject, text
    once = alone("Once the country's richest man, Mr Halloway is on trial for fraud.")
    assert once.subject is not None and once.subject.text == "Halloway"


def test_a_country_before_a_described_name_says_where_the_name_is_from() -> None:
    maker = alone("US aircraft firm Kestrel Aero has unveiled its new long-distance plane.")
    assert maker.subject is not None and maker.subject.text == "Kestrel Aero"
    giant = alone("The embattled Russian oil giant Marlowneft had filed for bankruptcy.")
    assert giant.subject is not None and giant.subject.text == "Marlowneft"


def test_a_pronoun_stands_only_for_a_subject_it_can_name() -> None:
    frames = framed(
        "Velmor sets out plans\n\nMr Halloway resigned from the Velmor party on Monday."
        " They are to scrap student fees.\n\nFrance wants a change of course."
        " But he brushed off the suggestions.\n"
    )
    assert find(frames, "They are to scrap").subject is None
    assert find(frames, "But he brushed").subject is None
    acme = framed("Acme Corp cut 200 jobs. It said profits fell by a tenth.")
    found = find(acme, "It said").subject
    assert found is not None and found.text == "Acme Corp"
