"""Quotations and names looked up by offset: the same answers as a scan, in linear time."""

from __future__ import annotations

import random
import sys
from types import FrameType

from claims.extract.attribution.document import find_attributions
from claims.extract.attribution.quotes import QuoteIndex, scan_quotes
from claims.extract.models import DocumentContext, Span
from claims.extract.sentences import split_sentences

TEXT = (
    "“We are ready,” the minister said. Nobody answered.\n"
    "She called it “a fine plan” and “a start”. «Open\n"
    "The mayor said the “deal” was done.\n"
    "Another «mark left open\n"
)


def _scanned_overlapping(quotes: tuple[Span, ...], span: Span) -> tuple[Span, ...]:
    return tuple(q for q in quotes if q.start < span.end and span.start < q.end)


def test_overlapping_quotes_match_a_scan_for_every_span() -> None:
    scan = scan_quotes(TEXT)
    index = QuoteIndex(scan)
    assert len(scan.quotes) == 4 and len(scan.unclosed) == 2
    rng = random.Random(7)
    for _ in range(2000):
        a = rng.randrange(len(TEXT) + 1)
        b = rng.randrange(a, len(TEXT) + 1)
        span = Span(start=a, end=b)
        assert index.overlapping(span) == _scanned_overlapping(scan.quotes, span)
        unclosed = any(a <= offset < b for offset in scan.unclosed)
        assert index.holds_unclosed(span) is unclosed


def test_a_span_touching_a_quotation_does_not_overlap_it() -> None:
    index = QuoteIndex(scan_quotes(TEXT))
    first = index.quotes[0]
    assert TEXT[first.start : first.end] == "“We are ready,”"
    assert index.overlapping(Span(start=first.end, end=first.end + 10)) == ()
    assert index.overlapping(Span(start=first.end - 1, end=first.end + 10)) == (first,)
    # A span holding two quotations returns both, in text order.
    both = Span(start=TEXT.index("She"), end=TEXT.index("«Open"))
    assert [TEXT[q.start : q.end] for q in index.overlapping(both)] == [
        "“a fine plan”",
        "“a start”",
    ]


def test_exact_quotation_test_compares_offsets_only() -> None:
    index = QuoteIndex(scan_quotes(TEXT))
    deal = index.quotes[3]
    assert TEXT[deal.start : deal.end] == "“deal”"
    assert index.is_quote(Span(start=deal.start, end=deal.end))
    assert not index.is_quote(Span(start=deal.start, end=deal.end - 1))


def test_unclosed_mark_is_found_only_inside_its_span() -> None:
    index = QuoteIndex(scan_quotes(TEXT))
    mark = TEXT.index("«Open")
    assert index.holds_unclosed(Span(start=mark, end=mark + 1))
    assert not index.holds_unclosed(Span(start=mark + 1, end=mark + 20))
    assert not index.holds_unclosed(Span(start=0, end=mark))


_REPORT = (
    "“We are ready to talk,” the minister said. “The plan is fine.” Officials said the "
    "“deal” was “almost” done, according to Jan de Vries. De Vries said the “talks” went "
    "well. He added that nothing changed, the spokesman said.\n\n"
)


def _calls_to_attribute(paragraphs: int) -> int:
    """Python and C function calls made attributing `paragraphs` copies of a quoted report."""
    text = _REPORT * paragraphs
    sentences = [Span(start=s.start, end=s.end) for s in split_sentences(text, [])]
    context = DocumentContext(outlet="Example News", published="2024-01-01")
    count = 0

    def profile(frame: FrameType, event: str, arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        result = find_attributions(text, sentences, context)
    finally:
        sys.setprofile(None)
    assert len(result.attributions) >= 4 * paragraphs
    return count


def test_attributing_a_long_document_grows_linearly_with_its_quotations() -> None:
    # Quote pairing, description and surname lookback once scanned everything before them:
    # four times the text then cost over twelve times the calls.
    small, large = _calls_to_attribute(80), _calls_to_attribute(320)
    assert large < 5 * small, (small, large)
