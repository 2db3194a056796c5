"""What attribution finds in a one-sentence text, as the strings a test compares."""

from __future__ import annotations

from claims.extract.attribution import find_attributions
from claims.extract.models import DocumentContext, Span
from claims.extract.sentences import split_sentences


def found(text: str) -> list[tuple[str, str | None, list[str]]]:
    """(cue, source, contents) of every attribution of a one-sentence text."""
    result = find_attributions(text, [Span(start=0, end=len(text))], DocumentContext())
    return [
        (
            text[a.cue.start : a.cue.end] if a.cue else "",
            text[a.source.start : a.source.end] if a.source else None,
            [text[c.start : c.end] for c in a.content],
        )
        for a in result.attributions
    ]


def sourced(
    text: str, context: DocumentContext | None = None
) -> list[tuple[str | None, list[str], str | None]]:
    """(source, contents, cue) of every attribution of a one-sentence text."""
    result = find_attributions(text, [Span(start=0, end=len(text))], context or DocumentContext())
    return [
        (
            text[a.source.start : a.source.end] if a.source else None,
            [text[c.start : c.end] for c in a.content],
            text[a.cue.start : a.cue.end] if a.cue else None,
        )
        for a in result.attributions
    ]


def read_sentences(
    text: str, context: DocumentContext | None = None
) -> list[tuple[str | None, str | None, str]]:
    """(source, cue, contents joined by " | ") of every attribution of a text of sentences."""
    sentences = [Span(start=s.start, end=s.end) for s in split_sentences(text)]
    result = find_attributions(text, sentences, context or DocumentContext())
    return [
        (
            text[a.source.start : a.source.end] if a.source else None,
            text[a.cue.start : a.cue.end] if a.cue else None,
            " | ".join(text[c.start : c.end] for c in a.content),
        )
        for a in result.attributions
    ]
