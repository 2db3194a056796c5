"""A quotation closed by its full stop and followed by a new report ends its sentence, so the
first report's content does not run on into the next. Made-up sentences, each with a near
case that keeps its reading."""

from __future__ import annotations

from claims.extract.attribution import find_attributions
from claims.extract.models import DocumentContext, Span
from claims.extract.sentences import split_sentences


def units(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def reports(text: str) -> list[tuple[str | None, list[str]]]:
    spans = [Span(start=s.start, end=s.end) for s in split_sentences(text)]
    found = find_attributions(text, spans, DocumentContext()).attributions
    return [
        (
            text[a.source.start : a.source.end] if a.source else None,
            [text[c.start : c.end] for c in a.content],
        )
        for a in found
    ]


def test_a_new_report_after_a_closed_quotation_starts_a_sentence() -> None:
    text = "Tom Reed said the audit is “ongoing.” He said the council had not seen it."
    assert units(text) == [
        "Tom Reed said the audit is “ongoing.”",
        "He said the council had not seen it.",
    ]
    assert reports(text) == [
        ("Tom Reed", ["the audit is “ongoing.”"]),
        ("He", ["the council had not seen it"]),
    ]
    quoted = "“It is over.” He added, “We will appeal.”"
    assert units(quoted) == ["“It is over.”", "He added, “We will appeal.”"]


def test_a_short_attribution_after_a_closed_quotation_stays_with_it() -> None:
    assert units("“It is over.” Tom Reed said.") == ["“It is over.” Tom Reed said."]
    assert units("“It is over.” Tom Reed said on Monday.") == [
        "“It is over.” Tom Reed said on Monday."
    ]
