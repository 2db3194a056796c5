"""Who goes on speaking: quotations whose paragraph breaks were lost, a "he" after a person's
report, a body's possessive before a name, narration after a quotation inside the writer's
clause. Made-up sentences, each with a near case that keeps its reading."""

from __future__ import annotations

from claims.extract.attribution import attribute, find_attributions
from claims.extract.attribution.quotes import scan_quotes
from claims.extract.models import ChainLink, DocumentContext, Span
from claims.extract.sentences import split_sentences

NEWS = DocumentContext(outlet="Daily Wire")


def chains(text: str) -> list[list[ChainLink]]:
    sentences = [Span(start=s.start, end=s.end) for s in split_sentences(text, [])]
    return attribute(text, sentences, NEWS)


def speakers(text: str) -> list[str | None]:
    """Each sentence's speaker (None when the outlet speaks)."""
    return [
        next((link.mention for link in chain if link.role.value == "speaker"), None)
        for chain in chains(text)
    ]


# --- quotations whose paragraph breaks were lost ------------------------------------------


def test_a_quotation_reopened_after_a_full_stop_is_a_new_quotation() -> None:
    text = '"We won," said Ivo Marek. "Both played well. "We believe this squad is ready."'
    quoted = [text[q.start : q.end] for q in scan_quotes(text).quotes]
    assert quoted == ['"We won,"', '"Both played well.', '"We believe this squad is ready."']
    # Near case: a quotation closed by its mark after a full stop ends there.
    closed = '"Both played well." We believe him.'
    assert [closed[q.start : q.end] for q in scan_quotes(closed).quotes] == ['"Both played well."']


def test_an_inner_we_believe_does_not_take_the_speakers_quotation() -> None:
    text = (
        '"John and Ian have been rewarded," said Ivo Marek. "Both of them have played well. '
        '"We believe this is an exciting squad. "They are all due in on Sunday."'
    )
    assert speakers(text) == ["Ivo Marek"] * 4


# --- a "he" or "she" after a person's report ----------------------------------------------


def test_he_after_a_persons_report_is_that_person_not_a_title_named_later() -> None:
    text = (
        "Leigh, who made Kind Hearts and Topsy Turvy, told the Daily Post the news was "
        '"amazing". He said: "We hoped for a nomination."'
    )
    assert speakers(text) == ["Leigh", "Leigh"]
    # Near case: a person named in between is the one meant.
    between = (
        "Leigh, who made Kind Hearts and Topsy Turvy, told the Daily Post the news was "
        '"amazing". Ann Vell arrived later. She said: "We hoped for a nomination."'
    )
    assert speakers(between)[-1] == "Ann Vell"


def test_he_added_after_the_coachs_report_is_the_coach() -> None:
    text = (
        "Eriksson also revealed that Wes Brown will start alongside Jamie Carragher. "
        "The England coach said that he had been impressed by Brown's form. "
        'And he added that Ivo Marek would also get a chance. "He will start."'
    )
    assert speakers(text)[2:] == ["The England coach", "The England coach"]


def test_she_after_a_report_inside_another_keeps_its_own_reading() -> None:
    # `polling suggests the public believe Y`: "the public" is no subject a "he" goes on with.
    text = (
        "Ann Vell explained the slogan was the reaction to polling which suggests the public "
        'believe Labour is the future. "Not many people want the old days," she declared.'
    )
    assert speakers(text)[1] != "the public"


# --- a body's possessive before a name ----------------------------------------------------


def test_a_bodys_possessive_before_a_name_is_the_persons_employer() -> None:
    text = (
        "Bafta's Grant Dean, chair of the awards committee, said the entrants were strong. "
        '"It has been a landmark year," he added.'
    )
    assert speakers(text) == ["Grant Dean", "Grant Dean"]
    sentence = Span(start=0, end=text.index(". ") + 1)
    chain = attribute(text, [sentence], NEWS)[0]
    assert chain[0].affiliation == "Bafta"
    # Near case: a place's possessive before a body stays one name.
    body = "Europe's Central Bank said rates would stay."
    assert speakers(body) == ["Europe's Central Bank"]


def test_an_employer_described_before_its_name_is_no_speaker() -> None:
    text = (
        '"The technology is ready," said Professor Ada Moss of the Swiss research group '
        'MiraLab. "We can run it in real time," she said.'
    )
    assert speakers(text) == ["Ada Moss", "Ada Moss"]


# --- narration after a quotation inside the writer's clause -------------------------------


def test_narration_after_a_quotation_in_the_writers_clause_is_the_outlets() -> None:
    text = (
        "In 1950 she and Anton Dolin founded the Festival Ballet. She retired in 1963, an "
        '"instant decision" she said, "largely because of a leg injury". Created a Dame, '
        "she made a new career as a teacher."
    )
    assert speakers(text)[2] is None
    # Near case: after a clause reported without quotation marks the report goes on.
    plain = (
        "In 1950 she and Anton Dolin founded the Festival Ballet. Ann Vell said she retired "
        "in 1963 because of an injury. Later, she said, she made a new career as a teacher."
    )
    assert speakers(plain)[2] == "Ann Vell"


def test_said_then_an_aside_between_commas_then_the_content() -> None:
    text = "It said, despite four years of preparations, some councils were still not ready."
    found = find_attributions(text, [Span(start=0, end=len(text))], NEWS).attributions
    assert [text[c.start : c.end] for c in found[0].content] == [
        "some councils were still not ready"
    ]
    # Near case: an aside with no clause after it names no content.
    near = "It said, despite four years of preparations, nothing."
    assert not find_attributions(near, [Span(start=0, end=len(near))], NEWS).attributions
