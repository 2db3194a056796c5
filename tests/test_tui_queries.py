"""The queries behind the workbench: filters, keyset pages, per-page counts and read models,
on SQLite and PostgreSQL, including hostile search strings."""

from __future__ import annotations

import random

import pytest
from sqlalchemy.orm import Session

from claims.store.views import (
    PAGE_CHARS,
    PAGE_LINES,
    ClaimFilter,
    ClaimSort,
    SortKey,
    claim_detail,
    claim_page,
    count_claims,
    document_page,
    page_cut,
    parse_filter,
    queue_page,
    source_page,
)
from db.models import Claim
from tests.conftest import HOSTILE, Target
from tests.factories import (
    Sample,
    build_sample,
    make_claim,
    make_document,
    make_hostile_claim,
    make_relation,
)
from tui.widgets import render


@pytest.fixture
def sample(target: Target) -> Sample:
    with target.database.write() as session:
        return build_sample(session)


def ids(session: Session, query: str, sort: ClaimSort | None = None) -> list[int]:
    return [row.id for row in claim_page(session, parse_filter(query), sort or ClaimSort())]


def test_parse_filter_reads_terms_quotes_and_reports_bad_values() -> None:
    parsed = parse_filter('verdict:None kind:Statistic source:"RIA Novosti" rel:conflict Oil  B')
    assert parsed == ClaimFilter(
        text="oil b", verdict="none", kind="statistic", source="RIA Novosti", relation="conflicts"
    )
    assert parse_filter("doc:12 flag:propaganda").document == 12
    assert parse_filter("col:x name:y").text == "col:x name:y"
    bad = parse_filter("verdict:maybe doc:abc flag:red rel:friends ok")
    assert bad.text == "ok" and bad.verdict is None and len(bad.problems) == 4
    assert parse_filter("a\x00b").text == "ab"
    assert len(parse_filter("x" * 5000).text) == 1000
    assert parse_filter("").is_empty and not parse_filter("kind:event").is_empty


def test_each_filter_narrows_the_listing(target: Target, sample: Sample) -> None:
    plant, worth, troops, plant2, worth2 = sample.claims
    with target.database.read() as session:
        assert ids(session, "") == sample.claims
        assert ids(session, "500 MW") == [plant, plant2]
        assert ids(session, "verdict:none") == [plant, worth, troops, plant2]
        assert ids(session, "verdict:any") == ids(session, "verdict:mostly_true") == [worth2]
        assert ids(session, "flag:propaganda") == [worth]
        assert ids(session, f"source:{sample.sources['ria']}") == [worth]
        assert ids(session, "source:ria") == [worth]
        assert ids(session, "source:РИА") == [worth]  # an alias in Cyrillic
        assert ids(session, "source:officials") == [troops]  # an unresolved mention
        assert ids(session, "rel:conflicts") == [worth, worth2]
        assert ids(session, "rel:none") == []
        assert ids(session, "kind:statistic") == [worth, worth2]
        assert ids(session, f"doc:{sample.documents[1]}") == [plant2, worth2]
        assert ids(session, "kind:statistic billion rel:conflicts doc:1") == [worth]
        assert count_claims(session, parse_filter("kind:statistic")) == 2


def test_text_search_finds_invisible_and_full_width_variants(target: Target) -> None:
    with target.database.write() as session:
        hidden = make_hostile_claim(session, "Pu\u200btin met the minister in Ｂａｓｒａ.").id
    with target.database.read() as session:
        assert ids(session, "putin") == [hidden]
        assert ids(session, "basra") == [hidden]
        assert ids(session, "100%") == ids(session, "_") == []


def test_relation_counts_are_per_claim_and_ignore_rejected(target: Target, sample: Sample) -> None:
    plant, worth, troops, plant2, worth2 = sample.claims
    with target.database.write() as session:
        make_relation(
            session,
            session.get_one(Claim, worth2),
            session.get_one(Claim, plant),
            "conflicts",
            status="rejected",
        )
    with target.database.read() as session:
        rows = {r.id: r for r in claim_page(session, ClaimFilter(), ClaimSort())}
    assert (rows[plant].independent, rows[plant].dependent, rows[plant].conflicts) == (1, 1, 0)
    assert (rows[worth].conflicts, rows[worth].dependent) == (1, 1)
    assert rows[troops].duplicates == 1 and rows[plant2].duplicates == 1
    assert (rows[worth2].conflicts, rows[worth2].verdict) == (1, "mostly_true")
    assert rows[worth].propaganda and rows[worth].speaker == "RIA Novosti"
    assert (rows[worth].speaker_grade, rows[worth].publisher, rows[worth].publisher_grade) == (
        "E",
        "TASS",
        "E",
    )
    assert rows[troops].speaker == "Iraqi officials" and rows[troops].speaker_grade is None


@pytest.mark.parametrize("key", list(SortKey))
def test_keyset_pages_equal_one_ordered_listing(target: Target, key: SortKey) -> None:
    rng = random.Random(7)
    verdicts = [None, "true", "false", "mixed", "unverifiable"]
    with target.database.write() as session:
        sentences = [f"Claim number {n} about oil." for n in range(45)]
        document = make_document(session, " ".join(sentences))
        for sentence in sentences:
            make_claim(
                session,
                document,
                sentence,
                kind=rng.choice(["event", "factual"]),
                checkworthiness=rng.choice([0.1, 0.5, 0.9]),
                credibility=rng.choice([None, 2, 4]),
                verdict=rng.choice(verdicts),
            )
    for descending in (False, True):
        sort = ClaimSort(key=key, descending=descending)
        with target.database.read() as session:
            whole = [r.id for r in claim_page(session, ClaimFilter(), sort, limit=1000)]
            paged: list[int] = []
            after = None
            while True:
                page = claim_page(session, ClaimFilter(), sort, after=after, limit=7)
                if not page:
                    break
                paged += [r.id for r in page]
                after = page[-1].cursor
            jumped = [r.id for r in claim_page(session, ClaimFilter(), sort, offset=14, limit=7)]
        assert paged == whole and len(whole) == 45
        assert jumped == whole[14:21]


def test_hostile_search_strings_never_raise(target: Target, sample: Sample) -> None:
    queries = (HOSTILE / "fts5_search_queries.txt").read_text(encoding="utf-8").splitlines()
    queries += ["\x00", 'a"\x00"b', "%", "_", "\\", "'; DROP TABLE claims; --", "x" * 5000]
    with target.database.read() as session:
        for query in queries:
            parsed = parse_filter(query)
            claim_page(session, parsed, ClaimSort(), limit=5)
            count_claims(session, parsed)
            source_page(session, query, 0, 5)
    with target.database.read() as session:
        assert count_claims(session, ClaimFilter()) == 5  # nothing was dropped


def test_claim_detail_groups_related_claims(target: Target, sample: Sample) -> None:
    plant, worth, _troops, plant2, worth2 = sample.claims
    with target.database.read() as session:
        detail = claim_detail(session, plant)
        propaganda = claim_detail(session, worth)
    assert detail.before == "" and detail.after.startswith(" The deal is worth")
    assert detail.text.startswith("Russia will build")
    assert [link.role for link in detail.chain] == ["speaker", "publisher"]
    assert detail.chain[1].source_name == "TASS" and detail.chain[1].flags == ["state-affiliated"]
    assert [r.other_id for r in detail.group("independent")] == [plant2]
    assert [r.other_id for r in detail.group("dependent")] == [worth]
    assert detail.group("dependent")[0].dependency == ["both published by TASS"]
    assert propaganda.propaganda and propaganda.propaganda_path == [
        "source: RIA Novosti; flag: propaganda"
    ]
    assert [r.other_id for r in propaganda.group("conflicting")] == [worth2]


def test_claim_detail_traces_the_origin_and_counts_echoes(target: Target, sample: Sample) -> None:
    plant, worth, troops, _plant2, _worth2 = sample.claims
    with target.database.read() as session:
        detail = claim_detail(session, plant)
        unnamed = claim_detail(session, troops)
        relayed = claim_detail(session, worth)
    assert detail.origin == "Energy minister"
    assert detail.support == "echoed by 1 (1 propaganda-flagged), independently corroborated by 1"
    assert unnamed.origin == "TASS"  # "Iraqi officials" name nobody: the publisher's own
    assert relayed.origin == "RIA Novosti"
    shown = render.review_state(detail).plain
    assert "Origin: Energy minister" in shown
    assert "Support: echoed by 1 (1 propaganda-flagged), independently corroborated by 1" in shown


def test_detail_of_a_huge_claim_is_bounded(target: Target) -> None:
    with target.database.write() as session:
        huge = make_hostile_claim(session, "word " * 20_000).id
    with target.database.read() as session:
        detail = claim_detail(session, huge)
    assert detail.text_truncated and len(detail.text) == 5000


def test_reader_pages_cut_long_lines_and_many_lines() -> None:
    assert page_cut("a" * PAGE_CHARS, complete=False) == PAGE_CHARS
    lines = "x\n" * (PAGE_LINES * 3)
    assert page_cut(lines, complete=False) == PAGE_LINES * 2
    text = ("para one.\n" * 1500)[:PAGE_CHARS]
    cut = page_cut(text, complete=False)
    assert text[cut - 1] == "\n" and cut <= PAGE_LINES * 10


def test_document_page_windows(target: Target) -> None:
    with target.database.write() as session:
        document = make_document(session, "a" * 45_000)
        document_id = document.id
    with target.database.read() as session:
        first = document_page(session, document_id, 0, 45_000)
        last = document_page(session, document_id, 40_000, 45_000)
    assert (first.start, first.end, first.has_next, first.has_previous) == (
        0,
        PAGE_CHARS,
        True,
        False,
    )
    assert (last.end, last.has_next) == (45_000, False)


def test_queue_puts_conflicts_then_propaganda_then_other_relations(
    target: Target, sample: Sample
) -> None:
    with target.database.read() as session:
        items = queue_page(session, 0, 50)
        tail = queue_page(session, 2, 50)
    assert [i.section for i in items] == [
        "conflict",
        "propaganda",
        "relation",
        "relation",
        "relation",
    ]
    assert items[0].relation_id == sample.relations["conflict"]
    assert items[1].claim_id == sample.claims[1]
    assert [i.section for i in tail] == ["relation"] * 3
