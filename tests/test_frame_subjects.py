"""Frame subjects of made-up news sentences: nationalities with their nouns, titles before a
name, quantities, verbs the verb list lacks, words of speech, opening clauses, pronouns."""

from __future__ import annotations

from claims.extract.models import DocumentContext
from claims.extract.pipeline import extract_claims
from claims.match.frames.align import same_subject
from claims.match.frames.build import frames_of
from claims.match.frames.models import Frame, FrameSubject


def subjects(text: str) -> dict[str, FrameSubject | None]:
    """Each claim's subject by the claim's first words (a headline first, as in news)."""
    document = "Talks resume in Veltria\n\n" + text
    context = DocumentContext(published="2005-03-10")
    claims = extract_claims(document, [], context)
    frames: list[Frame] = frames_of(document, claims, context)
    return {
        " ".join(claim.text.split()): frame.subject
        for claim, frame in zip(claims, frames, strict=True)
    }


def subject(text: str, start: str) -> FrameSubject | None:
    found = subjects(text)
    return next(value for claim, value in found.items() if claim.startswith(start))


def test_a_nationality_and_its_noun_are_the_subject_keyed_by_the_country() -> None:
    economy = subject("The Japanese economy grew by 1% in 2004.", "The Japanese")
    assert economy is not None
    assert economy.text == "Japanese economy"
    assert economy.key == "japan"
    soldier = subject("The last American soldier will leave the base on 15 May.", "The last")
    assert soldier is not None and soldier.text == "American soldier"


def test_the_japanese_economy_and_japans_economy_align() -> None:
    first = subject("The Japanese economy grew by 1% in 2004.", "The Japanese")
    second = subject("Japan's economy grew by 2% in 2004.", "Japan")
    assert same_subject(first, second)


def test_a_nationality_or_a_body_and_a_title_describe_the_name_after_them() -> None:
    text = (
        "French president Jacques Moreau has called the rebate unjustified. "
        "Velmor Commission president Anna Kessler has indicated she wants the rebate to end."
    )
    found = subjects(text)
    named = {value.text for value in found.values() if value is not None}
    assert {"Jacques Moreau", "Anna Kessler"} <= named
    assert not named & {"French", "Velmor Commission"}


def test_a_quantity_is_no_name() -> None:
    boards = subject("Thousands of village noticeboards have been defaced by vandals.", "Thousands")
    assert boards is not None
    assert boards.text == "village noticeboards"
    share = subject("Sixty percent of the fund will go to schools in Veltria.", "Sixty")
    assert share is None or "Sixty" not in share.text


def test_a_verb_the_verb_list_lacks_ends_the_subject() -> None:
    game = subject("A new racing game lets you drive across the desert.", "A new")
    assert game is not None
    assert "lets" not in game.text and game.text.endswith("racing game")


def test_words_of_speech_are_no_subject() -> None:
    found = subjects(
        '"I don\'t know about you, but something tells me the minister is worried." '
        '"It\'s a bit too early to say," she added.'
    )
    assert subject_of_start(found, '"I don') is None
    assert subject_of_start(found, '"It') is None


def test_adverbs_are_no_part_of_a_subject() -> None:
    sites = subject("Typically these shops are closed on Sundays in winter.", "Typically")
    assert sites is None
    club = subject(
        "The Velmor rowing club also questioned whether the race had been fair.", "The Velmor"
    )
    assert club is None or "also" not in club.text


def test_the_subject_comes_after_an_opening_clause() -> None:
    pair = subject(
        "If press reports are to be believed, Anna Kessler and Jon Brandt have fallen out.",
        "If press",
    )
    assert pair is not None and pair.text == "Anna Kessler"
    years = subject(
        "For several years Veltria has been building partnerships with its neighbours.", "For"
    )
    assert years is not None and years.text == "Veltria"


def test_they_is_no_singular_thing_and_it_no_plural_one() -> None:
    found = subjects(
        "The secure payment system was installed in Veltria last year. "
        "They should refuse to pay the fraudsters."
    )
    assert subject_of_start(found, "They") is None


def subject_of_start(found: dict[str, FrameSubject | None], start: str) -> FrameSubject | None:
    return next(value for claim, value in found.items() if claim.startswith(start))


def test_who_speaks_after_an_opening_clause_is_no_subject() -> None:
    found = subjects(
        "When asked about the deal, the firm's chief executive Anna Kessler said: "
        '"We will wait for the vote." '
        "Despite losing 28-17 in Sunday's match, the Italians confirmed their improvement."
    )
    assert subject_of_start(found, "When asked") is None
    italians = subject_of_start(found, "Despite")
    assert italians is not None and italians.text == "Italians"


def test_a_participle_clause_opens_and_a_title_between_commas_belongs_to_the_speaker() -> None:
    found = subjects(
        "Responding to the report, the Velmor Trust urged caution. "
        "Anna Kessler, director of the Velmor Trust, predicted that prices would rise. "
        "But Jon Brandt, senior manager at Velmor Bank, said the warnings were premature."
    )
    trust = subject_of_start(found, "Responding")
    assert trust is not None and trust.text == "Velmor Trust"
    assert subject_of_start(found, "Anna Kessler") is None
    assert subject_of_start(found, "But Jon Brandt") is None


def test_a_pronoun_after_an_opening_clause_borrows_no_subject() -> None:
    found = subjects(
        "Velmor Industries sales rose in May. "
        "Although stocks fell 0.7% in the month, they were 36% higher than a year ago. "
        'The report warned: "It remains to be seen whether Veltria will recover."'
    )
    assert subject_of_start(found, "Although") is None
    assert subject_of_start(found, "The report") is None


def test_a_title_between_commas_only_before_a_verb_that_reports() -> None:
    found = subjects(
        "Velmor Motors, the Veltrian car company, reported higher profits on Thursday."
    )
    motors = subject_of_start(found, "Velmor Motors")
    assert motors is not None and motors.text == "Velmor Motors"


def test_once_again_opens_no_clause_and_a_speaker_ending_the_subject_is_it() -> None:
    found = subjects(
        "Once again, expect long queues and polished production values. "
        "Anna Kessler has defended the plan. When she was in Velmor this week, French "
        'Foreign Minister Jon Brandt told the minister that her plan was "a worry".'
    )
    assert subject_of_start(found, "Once again") is None
    brandt = subject_of_start(found, "When she")
    assert brandt is not None and brandt.text == "Jon Brandt"


def test_a_country_after_a_possessive_pronoun_is_not_what_the_claim_is_about() -> None:
    document = (
        "Velmor Motors slips\n\nVelmor Motors made a loss of $470m and its US sales dipped 3.8%."
    )
    context = DocumentContext(published="2005-03-10")
    claims = extract_claims(document, [], context)
    frame = frames_of(document, claims, context)[-1]
    assert frame.subject is not None and frame.subject.text == "Velmor Motors"
    assert all(thing.key != "us" for thing in frame.about)
