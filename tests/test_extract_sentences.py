"""Sentence splitting: abbreviations, quotes, dashes, headlines, paragraphs, debris, speed."""

from __future__ import annotations

from pathlib import Path

import pytest

from claims.extract.sentences import MAX_SENTENCE_CHARS, Sentence, split_sentences
from claims.text.normalize import is_boundary

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"


def texts(text: str, debris: list[tuple[int, int, str]] | None = None) -> list[str]:
    return [sentence.text for sentence in split_sentences(text, debris or [])]


def assert_exact(text: str, sentences: list[Sentence]) -> None:
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Smith met Dr. Jones at 9 a.m. on Monday. They talked for an hour.",
            ["Mr. Smith met Dr. Jones at 9 a.m. on Monday.", "They talked for an hour."],
        ),
        (
            "The U.S. State Department spoke. It was brief.",
            ["The U.S. State Department spoke.", "It was brief."],
        ),
        (
            "He flew back to the U.S. The next day he resigned.",
            ["He flew back to the U.S.", "The next day he resigned."],
        ),
        (
            "J. R. Smith wrote the report. It was long.",
            ["J. R. Smith wrote the report.", "It was long."],
        ),
        (
            "Resolution No. 5 passed on Friday. It was close.",
            ["Resolution No. 5 passed on Friday.", "It was close."],
        ),
        (
            "Prices rose 2.5% in 2003. Exports fell.",
            ["Prices rose 2.5% in 2003.", "Exports fell."],
        ),
        (
            "Is it true? Nobody knows! The vote is on Sunday.",
            ["Is it true?", "Nobody knows!", "The vote is on Sunday."],
        ),
    ],
)
def test_abbreviations_initials_and_numbers(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_quote_followed_by_lowercase_attribution_stays_one_sentence() -> None:
    text = '"Baghdad still has a shortage of air defense." the expert said. Next one here.'
    assert texts(text) == [
        '"Baghdad still has a shortage of air defense." the expert said.',
        "Next one here.",
    ]


def test_quote_followed_by_named_speaker_stays_one_sentence() -> None:
    text = "“We are ready to help.” Maxim Maximov said in an interview. Talks go on."
    assert texts(text)[0] == "“We are ready to help.” Maxim Maximov said in an interview."


def test_multi_sentence_quote_is_split_inside_the_quotes() -> None:
    text = "“We won. They lost,” he said."
    assert texts(text) == ["“We won.", "They lost,” he said."]


def test_dialogue_dash_with_parenthetical_note_is_one_sentence() -> None:
    text = (
        "— Columns moved out of the base towards Erbil (a city in Kurdistan. — Izvestia), "
        "in accordance with the agreement, — the interlocutors of Izvestia reported."
    )
    assert texts(text) == [text]


def test_ellipsis_ends_a_sentence_only_before_a_capital() -> None:
    assert texts("He paused... then went on. It ended… The next day came.") == [
        "He paused... then went on.",
        "It ended…",
        "The next day came.",
    ]


def test_headline_line_without_punctuation_is_its_own_unit() -> None:
    text = (
        "The United States will withdraw its forces from Iraq\n"
        "As the US State Department notes, the mission ends in 2025."
    )
    sentences = split_sentences(text, [])
    assert [s.text for s in sentences] == text.split("\n")
    assert sentences[0].whole_line and not sentences[0].terminated
    assert sentences[1].terminated


def test_hard_wrapped_line_continues_in_lower_case() -> None:
    text = "Editor's note: Donald Trump regularly\nincites political violence.\nNew line here."
    assert texts(text) == [
        "Editor's note: Donald Trump regularly\nincites political violence.",
        "New line here.",
    ]


def test_sentences_never_cross_a_blank_line() -> None:
    text = "The first part has no end\n\nthe second part does.\n \nThird paragraph here."
    sentences = split_sentences(text, [])
    assert [s.text for s in sentences] == [
        "The first part has no end",
        "the second part does.",
        "Third paragraph here.",
    ]
    assert [s.paragraph for s in sentences] == [0, 1, 2]
    assert [s.index for s in sentences] == [0, 1, 2]


def test_list_markers_are_left_out_of_the_sentence() -> None:
    text = "- The economy grew by 5%.\n* Unemployment fell.\n2. Exports rose sharply."
    assert texts(text) == ["The economy grew by 5%.", "Unemployment fell.", "Exports rose sharply."]


def test_crlf_and_unicode_line_breaks() -> None:
    text = "First line here.\r\nSecond line here.\u2029Third paragraph here."
    sentences = split_sentences(text, [])
    assert [s.text for s in sentences] == [
        "First line here.",
        "Second line here.",
        "Third paragraph here.",
    ]
    assert sentences[2].paragraph == 1


def test_debris_never_becomes_part_of_a_sentence() -> None:
    text = "Rybar met officials in Baghdad. Share\n\nThe visit lasted two days."
    share = text.index("Share")
    debris = [(share, share + len("Share"), "interface")]
    sentences = split_sentences(text, debris)
    assert [s.text for s in sentences] == [
        "Rybar met officials in Baghdad.",
        "The visit lasted two days.",
    ]
    assert_exact(text, sentences)


def test_debris_inside_a_sentence_cuts_it() -> None:
    text = "Troops left the base ADVERT HERE on Sunday morning."
    start = text.index("ADVERT")
    debris = [(start, start + len("ADVERT HERE"), "ad")]
    result = texts(text, debris)
    assert result == ["Troops left the base", "on Sunday morning."]


def test_out_of_range_and_overlapping_debris_is_tolerated() -> None:
    text = "One sentence here. Two sentence here."
    debris = [(-5, 3, "a"), (2, 8, "b"), (30, 500, "c"), (10, 10, "empty")]
    sentences = split_sentences(text, debris)
    assert_exact(text, sentences)
    for sentence in sentences:
        assert sentence.start >= 8 and sentence.end <= 30


def test_spans_never_split_combining_sequences() -> None:
    text = "Cafe\u0301 opened. Zalgo: a" + "\u0301" * 50 + ". Fami\u200dly ok."
    cut = text.index("\u0301")
    sentences = split_sentences(text, [(0, cut, "debris ends inside a grapheme")])
    assert sentences
    for sentence in sentences:
        assert is_boundary(text, sentence.start) and is_boundary(text, sentence.end)
    assert_exact(text, sentences)


def test_over_long_unit_is_cut_at_white_space() -> None:
    text = ("propaganda " * 5000).strip()
    sentences = split_sentences(text, [])
    assert len(sentences) > 1
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in sentences)
    assert_exact(text, sentences)
    assert sum(len(s.text.split()) for s in sentences) == 5000


@pytest.mark.parametrize(
    "name", ["attribution_confusion.txt", "long_single_line_45kb.txt", "many_short_lines.txt"]
)
@pytest.mark.timeout(30)  # a hang guard (catastrophic backtracking); speed is benchmarked
def test_hostile_inputs_split_quickly(name: str) -> None:
    text = (HOSTILE / name).read_text(encoding="utf-8")
    sentences = split_sentences(text, [])
    assert_exact(text, sentences)


@pytest.mark.timeout(30)  # a hang guard (quadratic scanning would take minutes)
def test_deeply_nested_and_unclosed_quotes_are_linear() -> None:
    text = "«" * 20000 + "Deep claim. Another." + "»" * 20000 + ' "Unclosed quote. Next.'
    sentences = split_sentences(text, [])
    assert sentences[-1].text == "Next."
    assert_exact(text, sentences)
