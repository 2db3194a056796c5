"""The PolNeAR reader and the attribution scorer, on a small hand-made brat sample."""

from __future__ import annotations

import json
from pathlib import Path

from claims.eval.attribution import (
    AttributionScores,
    cue_match,
    evaluate,
    format_scores,
    score_article,
    source_match,
)
from claims.eval.polnear import parse_ann, read_articles, simple_sentences
from claims.extract.attribution import FoundAttribution
from claims.extract.models import Span, Stance

MINI = Path(__file__).parent / "fixtures" / "polnear_mini"


def article_text() -> str:
    return next(read_articles(MINI)).text


def span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start=start, end=start + len(part))


def predicted(text: str, content: str, source: str | None, cue: str | None) -> FoundAttribution:
    return FoundAttribution(
        sentence=0,
        content=(span(text, content),),
        source=span(text, source) if source else None,
        cue=span(text, cue) if cue else None,
        stance=Stance.NEUTRAL,
        chain=(),
    )


def test_parse_ann_reads_discontinuous_spans_and_missing_sources() -> None:
    ann = (
        "T1\tContent 0 5;10 20\tfirst\nsecond line of covered text\n"
        "T2\tCue 6 9\tsaid\n"
        "T3\tSource 21 24\tRoe\n"
        "E1\tAttribution:T2 Content:T1 Cue:T2 Source:T3\n"
        "E2\tAttribution:T2 Content:T1 Cue:T2\n"
        "E3\tAttribution:T2 Cue:T2\n"
    )
    gold = parse_ann(ann)
    assert len(gold) == 2
    assert gold[0].content == (Span(start=0, end=5), Span(start=10, end=20))
    assert gold[0].source == (Span(start=21, end=24),)
    assert gold[1].source == ()


def test_read_articles_keeps_every_annotator() -> None:
    article = next(read_articles(MINI))
    assert article.name == "mini_2024-01-01_sample"
    assert sorted(article.annotations) == ["aaaa", "bbbb"]
    assert len(article.annotations["aaaa"]) == 3
    assert len(article.annotations["bbbb"]) == 4
    first = article.annotations["aaaa"][0]
    assert article.text[first.source[0].start : first.source[0].end] == "Senator Jane Roe"


def test_source_and_cue_matching_rules() -> None:
    text = "Senator Jane Roe said it. Roe agreed."
    assert source_match(text, [span(text, "Senator Jane Roe")], [span(text, "Jane Roe")])
    assert not source_match(text, [span(text, "Senator Jane Roe")], [span(text, "it")])
    assert source_match(text, [], [])
    assert not source_match(text, [span(text, "Roe agreed")], [])
    assert cue_match([Span(start=17, end=21)], [Span(start=20, end=24)])
    assert not cue_match([Span(start=17, end=21)], [Span(start=21, end=24)])


def test_score_article_counts_each_level_one_to_one() -> None:
    text = article_text()
    gold = next(read_articles(MINI)).annotations["aaaa"]
    predictions = [
        # right content, source and cue
        predicted(text, "the budget would pass next week", "Senator Jane Roe", "said"),
        # a duplicate of the same content can match only once
        predicted(text, "the budget would pass next week", "Senator Jane Roe", "said"),
        # right content, wrong source
        predicted(text, "“We have the votes,”", "reporters", "told"),
        # right content and source, cue elsewhere
        predicted(text, "the plan costs $3 billion", "the Daily Ledger", "The vote"),
    ]
    assert score_article(text, gold, predictions) == (3, 2, 1)


def test_evaluate_on_the_mini_split() -> None:
    scores = evaluate(MINI, splitter=simple_sentences)
    assert scores.articles == 1
    assert scores.gold == 3
    assert scores.content.recall == 1.0
    assert scores.content_source.matched == 3
    assert 0.0 < scores.content_source.precision <= 1.0
    each = evaluate(MINI, annotators="each", splitter=simple_sentences)
    assert each.gold == 7
    assert each.predicted == 2 * scores.predicted


def test_scores_render_for_people_and_as_json() -> None:
    scores = evaluate(MINI, splitter=simple_sentences)
    table = format_scores(scores)
    assert "content+source" in table and f"{scores.content_source.f1:.3f}" in table
    again = AttributionScores.model_validate(json.loads(scores.model_dump_json()))
    assert again == scores


def test_simple_sentences_keeps_abbreviations_and_paragraphs() -> None:
    text = "Mr. Roe met Dr. Poe in the U.S. capital. They talked.\n\nA new paragraph here."
    parts = [text[s.start : s.end] for s in simple_sentences(text)]
    assert parts == [
        "Mr. Roe met Dr. Poe in the U.S. capital.",
        "They talked.",
        "A new paragraph here.",
    ]
