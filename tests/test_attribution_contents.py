"""Content spans chosen on PolNeAR train misses (contents missed or cut): made-up sentences,
each with a near case that must not change."""

from __future__ import annotations

from claims.extract.attribution import find_attributions
from claims.extract.models import DocumentContext, Span
from claims.extract.sentences import split_sentences
from tests.attribution_spans import found


def test_a_quotation_after_a_time_phrase_and_a_comma_is_the_content() -> None:
    text = 'The harbour master said Wednesday, "The pier stays closed until spring."'
    assert found(text) == [
        ("said", "The harbour master", ['"The pier stays closed until spring."'])
    ]
    text = "The harbour master said in a statement: “The pier stays closed until spring.”"
    assert found(text)[0][2] == ["“The pier stays closed until spring.”"]
    # Near case: a that-clause after the time phrase stays the content.
    text = "The harbour master said Wednesday that the pier stays closed."
    assert found(text)[0][2] == ["the pier stays closed"]


def test_a_report_after_an_opening_clause_that_closed_is_in_the_main_clause() -> None:
    text = (
        "While she was touring the docks in Brill on Monday, the harbour master said, "
        "“The pier stays closed.”"
    )
    assert found(text) == [("said", "the harbour master", ["“The pier stays closed.”"])]
    text = "Although the ferry runs again, the harbour master said Friday, “The pier stays shut.”"
    assert found(text)[0][2] == ["“The pier stays shut.”"]
    # Near case: a report inside the opening clause still ends at its comma.
    text = "When the mayor suggested the pier should reopen, the council refused the plan."
    assert found(text)[0] == ("suggested", "the mayor", ["the pier should reopen"])


def test_a_quotation_that_ends_its_sentence_is_not_the_next_verbs_content() -> None:
    text = (
        "The council passed a rule “to protect the old harbour.” "
        "Ortiz says she has not read the details of the rule."
    )
    assert ("says", "Ortiz", ["she has not read the details of the rule"]) in found(text)
    # Near cases: with a comma the quotation is the content; with nothing after the verb too.
    text = "“The harbour stays open,” Ortiz says she was told."
    assert found(text)[0][2] == ["“The harbour stays open,”"]
    text = "“The harbour stays open.” Ortiz said on Tuesday."
    assert found(text)[0][2] == ["“The harbour stays open.”"]


def test_a_quotation_inside_the_writers_clause_keeps_the_clause() -> None:
    text = 'The new toll may be "a stealth tax," said Jan Brill, a local economist.'
    assert found(text)[0][2] == ['The new toll may be "a stealth tax,"']
    text = "The harbour, it turns out, is a favourite of “Pier Patrol,” said Mr. Ortiz."
    assert found(text)[0][2] == ["The harbour, it turns out, is a favourite of “Pier Patrol,”"]
    # Near case: a quotation after an opening phrase and a comma is the content alone.
    text = "In a statement, “We will reopen the pier,” Ortiz said."
    assert found(text)[0][2] == ["“We will reopen the pier,”"]


def test_a_lone_dash_before_a_new_clause_ends_the_content() -> None:
    text = "Ortiz said the toll would pay for the pier — and he noted that prices would rise."
    assert found(text)[0] == ("said", "Ortiz", ["the toll would pay for the pier"])
    text = "Ortiz thought the toll would rise - except that it has fallen since then."
    assert found(text)[0][2] == ["the toll would rise"]
    # Near cases: a pair of dashes encloses an insertion; a dash before a phrase continues.
    text = "Ortiz said the toll — which the council backed — would pay for the pier."
    assert found(text)[0][2] == ["the toll — which the council backed — would pay for the pier"]
    text = "Ortiz said the pier deserves a new roof - and not only because of the storms."
    assert found(text)[0][2] == [
        "the pier deserves a new roof - and not only because of the storms"
    ]


def test_what_follows_a_quotation_that_ends_its_sentence_is_not_its_content() -> None:
    text = (
        "The harbour master said on Friday: “A year ago they told us we were mad.” "
        "But she added that the pier was nearly done."
    )
    assert found(text) == [
        ("said", "The harbour master", ["“A year ago they told us we were mad.”"]),
        ("added", "she", ["the pier was nearly done"]),
    ]
    # Near case: words after a quotation that goes on inside the sentence stay with it.
    text = "The harbour master said “no” to the new toll."
    assert found(text)[0][2] == ["“no”", "to the new toll"]


def test_an_addressee_after_a_possessive_is_no_part_of_the_content() -> None:
    text = "The harbour master told her staff the pier would close."
    assert found(text)[0] == ("told", "The harbour master", ["the pier would close"])
    text = "The pier must close, the harbour master told her closest advisers as she left."
    assert found(text)[0] == ("told", "the harbour master", ["The pier must close"])
    # Near case: before "that", any noun after a possessive is the addressee, as before.
    text = "The harbour master told his wife that the pier would close."
    assert found(text)[0] == ("told", "The harbour master", ["the pier would close"])


def test_a_subject_with_its_apposition_before_the_verb_takes_the_clause_after() -> None:
    text = "The council's former treasurer, Jan Brill, said the clerk who replaced him should go."
    assert found(text) == [
        (
            "said",
            "The council's former treasurer, Jan Brill",
            ["the clerk who replaced him should go"],
        )
    ]
    # Near cases: a clause before the comma is the content of an inverted report, also after
    # an opening phrase with a comma of its own.
    text = "The pier is unsafe, said Jan Brill, the treasurer."
    assert found(text)[0] == ("said", "Jan Brill, the treasurer", ["The pier is unsafe"])
    text = "Despite a rise in tolls, the pier is losing money, said a council report."
    assert found(text)[0] == (
        "said",
        "a council report",
        ["Despite a rise in tolls, the pier is losing money"],
    )


def test_an_inverted_source_may_end_before_an_adverbial() -> None:
    text = (
        "Tolls are a burden on the poor, said Brill, a Leeds Liberal who founded two firms "
        "after serving in the navy."
    )
    assert found(text)[0] == (
        "said",
        "Brill, a Leeds Liberal who founded two firms",
        ["Tolls are a burden on the poor"],
    )


def test_a_dashed_insertion_after_the_verb_is_skipped() -> None:
    text = "The treasurer said — on the radio, as it happens — that the toll raised $4 million."
    assert found(text)[0] == ("said", "The treasurer", ["the toll raised $4 million"])


def test_at_least_after_the_verb_starts_the_content() -> None:
    text = "On Friday, as the boats sailed past, the Courier reported at least six piers closed."
    assert found(text)[0] == ("reported", "the Courier", ["at least six piers closed"])
    # Near case: `at` before a place is an adverbial, and the report has no content after it.
    text = "The pier is closed, the Courier reported at the weekend."
    assert found(text)[0][2] == ["The pier is closed"]


def test_a_participle_after_a_comma_inside_a_quotation_speaks_for_the_subject() -> None:
    text = (
        "The treasurer mocked Brill for calling himself the “king of tolls,” noting that "
        "the toll would double."
    )
    assert ("noting", "The treasurer", ["the toll would double"]) in found(text)


def test_a_quoted_title_before_the_subject_is_no_quotation_of_the_speaker() -> None:
    text = "Late on Monday on the Courier’s “Harbour Hour,” Jan Brill said the pier would close."
    assert found(text)[0] == ("said", "Jan Brill", ["the pier would close"])
    # Near case: a quotation that opens the sentence is the content.
    text = "“The pier will close,” Jan Brill said after the vote."
    assert found(text)[0] == ("said", "Jan Brill", ["“The pier will close,”"])


def test_a_quotation_after_a_reported_clause_goes_on_with_it() -> None:
    text = (
        "Ortiz said that she would keep the pier open. “Let me be clear: it stays open.”\n\n"
        "The vote is in June."
    )
    sentences = [Span(start=s.start, end=s.end) for s in split_sentences(text)]
    result = find_attributions(text, sentences, DocumentContext())
    contents = [[text[c.start : c.end] for c in a.content] for a in result.attributions]
    assert contents == [["she would keep the pier open", "“Let me be clear: it stays open.”"]]
    # Near cases: a quotation with a cue of its own is a report of its own, also when it
    # runs over two sentences.
    text = (
        "Tolls would rise, the council said. “The pier is not in danger. It can be saved,” "
        "Jan Brill told the Courier."
    )
    sentences = [Span(start=s.start, end=s.end) for s in split_sentences(text)]
    result = find_attributions(text, sentences, DocumentContext())
    assert [[text[c.start : c.end] for c in a.content] for a in result.attributions] == [
        ["Tolls would rise"],
        ["“The pier is not in danger. It can be saved,”"],
    ]
    text = "Ortiz said that she would keep the pier open. “It stays open,” Brill said."
    sentences = [Span(start=s.start, end=s.end) for s in split_sentences(text)]
    result = find_attributions(text, sentences, DocumentContext())
    assert len(result.attributions) == 2


def test_a_phrasal_verb_before_a_thing_that_says_is_no_part_of_the_subject() -> None:
    text = "The harbour office put out a statement saying the pier would close."
    assert found(text)[0] == ("saying", "The harbour office", ["the pier would close"])
    # Near case: a possessive inside a relative clause is no subject of the main verb.
    text = "Ortiz, who will be giving his advice to the council on Monday, argues that tolls rise."
    assert ("argues", "his advice to the council on", ["tolls rise"]) not in found(text)
    # Near case: without the particle the subject was found already.
    text = "The council issued a statement saying the pier would close."
    assert found(text)[0] == ("saying", "The council", ["the pier would close"])


def test_a_one_word_subject_before_an_according_to_aside_is_content() -> None:
    text = "Tolls, according to the council, have doubled since May."
    assert found(text)[0] == ("according to", "the council", ["Tolls", "have doubled since May"])
    # Near case: a single word before a closing aside is not a content of its own.
    assert found("Tolls, according to the council.") == []


def test_a_quotation_goes_on_into_a_paragraph_that_is_only_quotation() -> None:
    text = (
        "“The pier is safe,” Ortiz said.\n\n"
        "“We will keep it open all year. Nobody will lose a job.”\n\n"
        "The vote is in June."
    )
    sentences = [Span(start=s.start, end=s.end) for s in split_sentences(text)]
    result = find_attributions(text, sentences, DocumentContext())
    assert [[text[c.start : c.end] for c in a.content] for a in result.attributions] == [
        ["“The pier is safe,”", "“We will keep it open all year. Nobody will lose a job.”"]
    ]
    # Near case: a quotation paragraph with a cue of its own is another report.
    text = "“The pier is safe,” Ortiz said.\n\n“We will keep it open,” Brill said."
    sentences = [Span(start=s.start, end=s.end) for s in split_sentences(text)]
    result = find_attributions(text, sentences, DocumentContext())
    assert [[text[c.start : c.end] for c in a.content] for a in result.attributions] == [
        ["“The pier is safe,”"],
        ["“We will keep it open,”"],
    ]
