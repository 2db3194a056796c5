"""Incremental matching in the database, on SQLite and PostgreSQL (`target` fixture)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claims.match import candidates
from claims.match.build import from_text
from claims.match.candidates import KeyIndex
from claims.match.engine import keys_of
from claims.store import matching
from claims.store.credibility import corroboration_counts
from claims.store.matching import match_claims, rebuild, repeated_claims
from claims.store.matching.index import SqlIndex
from claims.store.review import ReviewService
from db.models import Claim, ClaimKey, Document, Relation, Source
from tests.conftest import SEEDS, Cli, Target
from tests.factories import Link, make_claim, make_document, make_source

TASS_TEXT = (
    "Iraq will buy Russian S-400 air defence systems, ambassador Haidar Hadi told TASS. "
    "The coalition mission in Iraq will be completed no later than September 2025. "
    "Moscow hosted a chess festival on Sunday."
)
MONITOR_TEXT = (
    "Ambassador Haidar Mansour Hadi denied that Iraq will buy Russian S-400 air defence "
    "systems. The coalition mission in Iraq will be completed by 2026, officials said."
)
REUTERS_TEXT = "Iraq will buy Russian S-400 air defence systems, Reuters learned from a source."


def add_claims(
    session: Session, document: Document, texts: Sequence[str], chain: Sequence[Link] = ()
) -> list[Claim]:
    """Claims with the features extraction would store (entities, dates, amounts, polarity)."""
    claims = []
    for text in texts:
        found = from_text(0, document.id, text, published=document.published)
        features: dict[str, Any] = {
            "entities": [e.model_dump(mode="json") for e in found.entities],
            "dates": [d.model_dump(mode="json") for d in found.dates],
            "quantities": [q.model_dump(mode="json") for q in found.quantities],
            "negated": found.negated,
        }
        start = document.text.find(text)
        claims.append(
            make_claim(session, document, text, chain=chain, features=_shift(features, start))
        )
    return claims


def _shift(features: dict[str, Any], start: int) -> dict[str, Any]:
    """Spans from sentence offsets to document offsets, as extraction stores them."""
    shifted: dict[str, Any] = {}
    for name, items in features.items():
        if isinstance(items, bool):
            shifted[name] = items
            continue
        shifted[name] = [
            {**item, "span": {key: value + start for key, value in item["span"].items()}}
            for item in items
        ]
    return shifted


def seed(session: Session) -> dict[str, list[Claim]]:
    tass = make_source(session, "TASS", "E")
    monitor = make_source(session, "Al-Monitor", "B")
    first = make_document(session, TASS_TEXT, outlet="TASS", published="2025-01-20")
    second = make_document(session, MONITOR_TEXT, outlet="Al-Monitor", published="2025-02-03")
    one = add_claims(
        session,
        first,
        [
            TASS_TEXT.split(". ")[0] + ".",
            TASS_TEXT.split(". ")[1] + ".",
            "Moscow hosted a chess festival on Sunday.",
        ],
        chain=[("speaker", "Haidar Hadi", None), ("publisher", "TASS", tass)],
    )
    two = add_claims(
        session,
        second,
        [MONITOR_TEXT.split(". ")[0] + ".", MONITOR_TEXT.split(". ")[1]],
        chain=[("publisher", "Al-Monitor", monitor)],
    )
    return {"tass": one, "monitor": two}


def relations(session: Session) -> dict[tuple[int, int], Relation]:
    return {(r.claim_id, r.other_claim_id): r for r in session.scalars(select(Relation))}


def test_new_claims_are_matched_against_stored_ones(target: Target) -> None:
    with target.database.write() as session:
        claims = seed(session)
        first = match_claims(session, claims["tass"], "tester")
        assert first.relations == {}
        report = match_claims(session, claims["monitor"], "tester")
        found = relations(session)
        s400, deadline = (
            (claims["tass"][0].id, claims["monitor"][0].id),
            (
                claims["tass"][1].id,
                claims["monitor"][1].id,
            ),
        )
        assert report.relations == {"conflicts": 1, "corroborates": 1}
        assert "polarity: reported vs denied" in found[s400].reasons
        # Two deadlines are compatible: "no later than September 2025" is "by 2026".
        assert found[deadline].kind == "corroborates"
        assert found[s400].status == "proposed"
        assert (
            session.scalar(select(func.count()).select_from(ClaimKey)) == report.keys + first.keys
        )


def seed_with_wire(session: Session) -> tuple[dict[str, list[Claim]], list[Claim], Source]:
    """The seed, matched, and an unmatched Reuters wire claim that corroborates TASS's."""
    claims = seed(session)
    match_claims(session, [*claims["tass"], *claims["monitor"]], "tester")
    reuters = make_source(session, "Reuters", "A")
    third = make_document(session, REUTERS_TEXT, outlet="Reuters", published="2025-03-01")
    wire = add_claims(session, third, [REUTERS_TEXT], chain=[("publisher", "Reuters", reuters)])
    return claims, wire, reuters


def test_corroborations_are_marked_independent_or_not(target: Target) -> None:
    with target.database.write() as session:
        claims, wire, reuters = seed_with_wire(session)
        relay = make_document(
            session, REUTERS_TEXT + " ", outlet="Reuters", published="2025-03-02", origin="r2"
        )
        again = add_claims(
            session, relay, [REUTERS_TEXT], chain=[("publisher", "Reuters", reuters)]
        )
        match_claims(session, [*wire, *again], "tester")
        found = relations(session)
        independent = found[(claims["tass"][0].id, wire[0].id)]
        assert independent.kind == "corroborates" and independent.independent is True
        copy = found[(wire[0].id, again[0].id)]
        assert copy.kind == "duplicate" and copy.independent is False
        assert "same origin: Reuters" in copy.dependency
        counts = corroboration_counts(session, [claims["tass"][0].id])
        assert counts[claims["tass"][0].id] == (1, 0, 1)


def test_reviewed_relations_survive_rebuild(target: Target) -> None:
    with target.database.write() as session:
        claims = seed(session)
        match_claims(session, [*claims["tass"], *claims["monitor"]], "tester")
        pairs = relations(session)
        rejected_pair = (claims["tass"][0].id, claims["monitor"][0].id)
        confirmed_pair = (claims["tass"][1].id, claims["monitor"][1].id)
        pairs[rejected_pair].status = "rejected"
        pairs[confirmed_pair].status = "confirmed"
        pairs[confirmed_pair].kind = "corroborates"
        session.flush()
        report = rebuild(session, "tester")
        after = relations(session)
        assert report.kept_reviewed == 2
        assert after[rejected_pair].status == "rejected"
        assert after[confirmed_pair].kind == "corroborates"
        assert len(after) == len(pairs)
        again = match_claims(session, claims["monitor"], "tester")
        assert again.kept_reviewed == 2 and again.relations == {}
        assert relations(session)[rejected_pair].status == "rejected"


def test_conflicts_and_related_links_make_no_cluster(target: Target) -> None:
    with target.database.write() as session:
        claims = seed(session)
        match_claims(session, claims["monitor"], "tester")
        match_claims(session, claims["tass"], "tester")
        found = relations(session)
        tass, monitor = claims["tass"], claims["monitor"]
        assert found[(tass[0].id, monitor[0].id)].kind == "conflicts"
        # two compatible deadlines of one milestone corroborate (claims.match.timeline)
        assert found[(tass[1].id, monitor[1].id)].kind == "corroborates"
        clustered = {
            claim_id
            for claim_id, cluster_id in session.execute(select(Claim.id, Claim.cluster_id))
            if cluster_id is not None
        }
        assert clustered == {tass[1].id, monitor[1].id}


def test_repeated_paragraphs_are_duplicates_inside_the_document(target: Target) -> None:
    paragraph = "Moscow sees Iraq as a key partner in the region."
    text = f"{paragraph}\n\nOther words follow here.\n\n{paragraph}"
    copy = text.rindex(paragraph)
    with target.database.write() as session:
        document = make_document(
            session,
            text,
            debris=[[copy, len(text), f"repeated paragraph (first at 0-{len(paragraph)})"]],
        )
        claim = add_claims(session, document, [paragraph])[0]
        report = match_claims(session, [claim], "tester")
        found = repeated_claims(session, [claim.id])
        assert report.repeated == 1
        assert [(r.claim_id, r.start, r.end) for r in found] == [
            (claim.id, copy, copy + len(paragraph))
        ]
        assert session.scalar(select(func.count()).select_from(Claim)) == 1


def test_claims_match_command(cli: Cli) -> None:
    with cli.target.database.write() as session:
        seed(session)
    result = cli("match", "--list")
    assert result.exit_code == 0, result.output
    assert "matched 5 claims" in result.output
    assert "conflicts" in result.output and "polarity: reported vs denied" in result.output
    again = cli("match", "--json")
    assert again.exit_code == 0 and '"claims": 0' in again.output
    rebuilt = cli("match", "--rebuild")
    assert rebuilt.exit_code == 0
    assert "relations: conflicts 1, corroborates 1" in rebuilt.output
    assert cli("match", "--document", "999").exit_code == 1


def test_rejecting_a_corroboration_recomputes_credibility_and_undo_restores_it(
    target: Target,
) -> None:
    with target.database.write() as session:
        claims, wire, _ = seed_with_wire(session)
        match_claims(session, wire, "tester")
        claim_id = claims["tass"][0].id
        link = relations(session)[(claim_id, wire[0].id)]
        relation_id, version = link.id, link.row_version

    def state() -> tuple[tuple[int, int, int], list[Any]]:
        with target.database.read() as session:
            claim = session.get_one(Claim, claim_id)
            return corroboration_counts(session, [claim_id])[claim_id], claim.credibility_reasons

    counts, corroborated = state()
    assert counts == (1, 0, 1)
    assert any("1 independent corroboration" in str(reason) for reason in corroborated)

    service = ReviewService(target.database, "reviewer")
    service.review_relation(relation_id, version, "reject")
    counts, rejected = state()
    assert counts == (0, 0, 1)
    assert not any("independent corroboration" in str(reason) for reason in rejected)

    service.undo()
    assert state() == ((1, 0, 1), corroborated)


def test_incremental_matching_keeps_the_candidate_budget_as_a_rebuild_does(
    target: Target, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(candidates, "CANDIDATE_BUDGET", 2)
    texts = [
        "Zorblax Quintor opened a factory.",
        "Zorblax Quintor opened a factory in Leeds after years of delays, protests and appeals.",
        "Zorblax Quintor closed a factory.",
        "Zorblax Quintor sold a shop, a factory, a depot and a warehouse in York last spring.",
    ]
    latest = "Zorblax Quintor opened a factory on Monday."
    with target.database.write() as session:
        stored = add_claims(session, make_document(session, " ".join(texts)), texts)
        match_claims(session, stored, "tester")
        [claim] = add_claims(session, make_document(session, latest), [latest])
        report = match_claims(session, [claim], "tester")
        loaded = matching.load_claims(session, [c.id for c in [*stored, claim]])
    index = KeyIndex()
    for item in loaded:
        index.add(item.id, keys_of(item))
    expected = index.candidates(claim.id, keys_of(loaded[-1]))
    assert report.candidates == len(expected) == 2
    assert expected == {stored[0].id, stored[2].id}  # the short ones share most of theirs


def test_claims_handed_over_at_ingest_are_the_claims_read_back(cli: Cli) -> None:
    """Ingest gives the matcher the extracted claims in memory; they must be exactly what
    reading the stored rows back gives (features, chains with sources and owners, metadata)."""
    from claims.ingest.inputs import ReadOptions, expand, read
    from claims.ingest.models import DocumentMeta
    from claims.ingest.prepare import prepare
    from claims.store.documents.claims import extract_prepared
    from claims.store.matching.loading import arrived

    assert cli("sources", "import", str(SEEDS / "sources.toml")).exit_code == 0
    assert cli("ingest", str(SEEDS / "articles")).exit_code == 0
    compared = 0
    for ref in expand([str(SEEDS / "articles")]):
        prepared = prepare(read(ref, ReadOptions(), DocumentMeta()))
        extracted = extract_prepared(prepared)
        with cli.target.database.read() as session:
            document = session.scalars(
                select(Document).where(Document.norm_sha256 == prepared.norm_sha256)
            ).one()
            rows = session.scalars(
                select(Claim).where(Claim.document_id == document.id).order_by(Claim.start)
            ).all()
            assert [(row.start, row.end) for row in rows] == [(c.start, c.end) for c in extracted]
            handed = arrived(session, document, rows, extracted)
            assert handed == matching.load_claims(session, [row.id for row in rows])
            compared += len(handed)
    assert compared > 50


def test_word_rarity_counts_the_claims_up_to_the_arriving_ones(target: Target) -> None:
    """The index's total: every claim up to the latest arrived or keyed, none stored after."""
    with target.database.write() as session:
        claims = seed(session)
        match_claims(session, claims["tass"], "tester")  # the Al-Monitor claims are not matched
        index = SqlIndex(session)
        index.add_claims([], {})
        assert index.total() == len(claims["tass"])
        index.add_claims([], {claims["monitor"][0].id: ["made-up key"]})
        assert index.total() == len(claims["tass"]) + 1
        fresh = SqlIndex(session, unkeyed=True)
        fresh.add_claims([], {claims["monitor"][1].id: ["another made-up key"]})
        assert fresh.total() == len(claims["tass"]) + 2
        keys = session.execute(select(ClaimKey.claim_id, ClaimKey.key)).all()
        assert (claims["monitor"][0].id, "made-up key") in keys
