"""Who relays and who is named: time phrases are no part of a name, outlets in lower case
relay, `quoted by X` relays, laws do not speak, one person is one source. Made-up sentences,
each with a near case."""

from __future__ import annotations

from claims.extract.attribution import find_attributions
from claims.extract.models import ChainLink, DocumentContext, Span
from claims.extract.sentences import split_sentences
from claims.sources.normalize import name_problem

WIRE = DocumentContext(outlet="Wire")


def chains_of(text: str) -> list[list[tuple[str, str, str | None]]]:
    """Every sentence's chain as roles, names and cues."""
    sentences = [Span(start=s.start, end=s.end) for s in split_sentences(text)]
    chains: list[list[ChainLink]] = find_attributions(text, sentences, WIRE).chains
    return [[(link.role.value, link.mention, link.cue) for link in chain] for chain in chains]


def chain_of(text: str) -> list[tuple[str, str, str | None]]:
    return chains_of(text)[-1]


def test_a_time_phrase_is_cut_off_a_source_name() -> None:
    text = "The bridge is unsafe, according to Radio Vell on Sunday."
    assert chain_of(text)[0] == ("speaker", "Radio Vell", "according to")
    text = "The mayor told Radio Vell on Monday that the bridge was unsafe."
    assert chain_of(text)[1] == ("intermediary", "Radio Vell", "told")
    text = "The bridge is unsafe, the mayor told the Daily Courier earlier this month."
    assert chain_of(text)[1] == ("intermediary", "the Daily Courier", "told")
    # Near cases: a month or weekday that is part of a name stays (`Good Friday`), and so
    # does a number (`Channel 9`).
    text = "The bridge is unsafe, according to Channel 9."
    assert chain_of(text)[0] == ("speaker", "Channel 9", "according to")
    text = "The bridge is unsafe, according to the Good Friday group."
    assert chain_of(text)[0][1] == "the Good Friday group"


def test_an_outlet_in_lower_case_after_told_relays_and_an_audience_does_not() -> None:
    for outlet in ("the state news channel", "the state broadcaster", "a local newspaper"):
        text = f"The minister told {outlet} that the border would reopen."
        assert chain_of(text)[1] == ("intermediary", outlet, "told"), outlet
    text = "The border will reopen, the minister told the state broadcaster."
    assert chain_of(text)[:2] == [
        ("speaker", "the minister", "told"),
        ("intermediary", "the state broadcaster", "told"),
    ]
    text = "The border will reopen, the minister told the Daily Courier on Monday."
    assert chain_of(text)[1] == ("intermediary", "the Daily Courier", "told")
    for audience in ("reporters", "MPs", "the state assembly"):
        text = f"The minister told {audience} that the border would reopen."
        assert [link[0] for link in chain_of(text)] == ["speaker", "publisher"], audience


def test_quoted_by_an_outlet_makes_the_outlet_the_relay() -> None:
    cases = (
        "Dobrev, quoted by Vox, said the talks had stalled.",
        "Dobrev said, as quoted by Vox, that the talks had stalled.",
        "The talks have stalled, Dobrev said, as quoted by Vox.",
        "“The talks have stalled,” Dobrev was quoted as saying by Vox.",
    )
    for text in cases:
        assert [link[:2] for link in chain_of(text)[:2]] == [
            ("speaker", "Dobrev"),
            ("intermediary", "Vox"),
        ], text
        assert chain_of(text)[1][2] == "quoted", text
    # Near case: the speaker alone stays the only source.
    assert chain_of("Dobrev said the talks had stalled.")[:2] == [
        ("speaker", "Dobrev", "said"),
        ("publisher", "Wire", None),
    ]


def test_a_law_or_a_document_is_no_speaker_and_no_registry_name() -> None:
    text = (
        "The rules follow the Harbour Safety Act. Section 12 of the Harbour Safety Act "
        "calls for all ports to certify that their cranes are sound."
    )
    assert chain_of(text) == [("publisher", "Wire", None)]
    assert chain_of("The new law says that every port must be inspected.") == [
        ("publisher", "Wire", None)
    ]
    for name in ("Harbour Safety Act", "Section 12 of the Harbour Safety Act", "Treaty of Vell"):
        assert name_problem(name) is not None, name
    # Near cases: bodies and people whose names hold such words still speak.
    assert chain_of("The Resolution Trust said wages would fall.")[0][1] == "The Resolution Trust"
    assert chain_of("Bill Mendes said wages would fall.")[0][1] == "Bill Mendes"
    for name in ("Resolution Trust", "Bill Mendes", "Law Society", "Vell Harbour Report"):
        assert name_problem(name) is None, name


def test_a_title_with_a_given_name_is_the_full_name_and_a_surname_too() -> None:
    text = (
        "Foreign Minister Prince Faisal bin Omar said the talks would resume. "
        "Prince Faisal said the kingdom wanted calm."
    )
    assert chain_of(text)[0][:2] == ("speaker", "Faisal bin Omar")
    text = "Union leader Tom Fields said the strike would go ahead. Fields said members were angry."
    assert chain_of(text)[0][:2] == ("speaker", "Tom Fields")
    # Near cases: with no person of that name, the word stays as written.
    assert chain_of("Fields said lending had slowed.")[0][:2] == ("speaker", "Fields")
    assert chain_of("Prince Faisal said the kingdom wanted calm.")[0][:2] == ("speaker", "Faisal")


def test_regions_firm_name_tails_and_opening_words_make_no_person() -> None:
    text = (
        "Outsourcing is not to blame, Ms Mendes says. Wait times are the same in call centres "
        "based in Asia or North Ruritania. “You can run call centres anywhere,” she says."
    )
    assert chain_of(text)[0][:2] == ("speaker", "Mendes")
    text = (
        "Tom Fields, chief economist at Vell Capital & Investment Banking, said sales were "
        "decent. “They are healthy,” he added."
    )
    assert chain_of(text)[0][:2] == ("speaker", "Tom Fields")
    text = "Both Corvane and Vellair have orders. Corvane said it expected to sell 50 planes."
    assert chain_of(text)[0][:2] == ("speaker", "Corvane")


def test_a_headline_surname_is_the_full_name_written_below_it() -> None:
    text = (
        "Mendes denies harbour fraud\n\n"
        "Former port chief Ana Mendes has denied knowing about the fraud at the harbour."
    )
    assert chains_of(text)[0][0][:2] == ("speaker", "Ana Mendes")
    # Near case: below the headline a surname looks back only (`Fields` is no later person).
    text = "Fields said lending had slowed. Later, Tom Fields of Vell Bank said rates would rise."
    assert chains_of(text)[0][0][:2] == ("speaker", "Fields")


def test_a_common_noun_or_a_nationality_is_no_registry_name() -> None:
    for name in ("Airlines", "Court", "Oil", "Japanese", "Police"):
        assert name_problem(name) is not None, name
    for name in ("Corvane", "Vellair", "Europe"):
        assert name_problem(name) is None, name
