"""The subject of `..., saying Y` past what opens the sentence: a dateline with a date and an
agency, a time phrase such as `The day before,`, a demonym for the person just quoted.
Made-up sentences, each with a near case."""

from __future__ import annotations

from claims.extract.attribution import find_attributions
from claims.extract.models import DocumentContext, Span
from claims.extract.sentences import split_sentences
from tests.attribution_spans import read_sentences

WIRE = DocumentContext(outlet="Wire")


def found(text: str) -> list[tuple[str | None, str | None]]:
    """Every attribution's source, cue and contents as written."""
    return [(source, cue) for source, cue, _ in read_sentences(text, WIRE)]


def speakers(text: str) -> list[str]:
    sentences = [Span(start=s.start, end=s.end) for s in split_sentences(text)]
    chains = find_attributions(text, sentences, WIRE).chains
    return [chain[0].mention for chain in chains]


def test_a_dateline_with_a_date_and_an_agency_is_no_subject() -> None:
    text = "LEEDS, Dec. 8 (UPI) — The mill owners' union wrote to members, saying it would close."
    assert ("The mill owners' union", "saying") in found(text)
    text = "DUNMORE, March 3 (Wire) — In reply to a strike, Ann Vell rallied staff, saying: “No.”"
    assert ("Ann Vell", "saying") in found(text)


def test_a_time_phrase_ending_in_before_or_after_opens_the_sentence() -> None:
    text = "The day before, Ann Vell was just as blunt, claiming that the mill would close."
    assert ("Ann Vell", "claiming") in found(text)
    text = "A week after, the union was calmer, saying the mill would stay open."
    assert ("the union", "saying") in found(text)
    # Near cases: a clause that ends in a time phrase keeps its pronoun subject, and
    # `Minutes later,` still opens the sentence.
    text = "He apologized the next day, saying it was a mistake."
    assert ("He", "saying") in found(text)
    text = "Minutes later, the union issued a statement saying the mill would close."
    assert ("the union", "saying") in found(text)


def test_a_demonym_means_the_player_just_quoted() -> None:
    text = "Tom Vell said he was calm. The Croatian added that the injury was minor."
    assert speakers(text) == ["Tom Vell", "Tom Vell"]
    # Near case: a demonym with no person before it stays as written.
    text = "The mill will close. The Croatian added that the injury was minor."
    assert speakers(text)[1] == "The Croatian"


def test_a_possessive_determiner_opens_the_subject_of_a_participle() -> None:
    text = "His office put out a statement saying the mill would close."
    assert ("His office", "saying") in found(text)
    text = "Their union sent a letter saying the mill would close."
    assert ("Their union", "saying") in found(text)
    # Near case: a name still opens the subject as before.
    text = "Ann Vell put out a statement saying the mill would close."
    assert ("Ann Vell", "saying") in found(text)
