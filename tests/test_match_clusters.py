"""Clusters from same-claim links, kept incrementally, and bounded `related` links."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from claims.match import bounded
from claims.match.bounded import Edge, strongest
from claims.store.matching import match_claims, rebuild, refresh_clusters
from claims.store.review import ReviewService
from db.models import Claim, Cluster, Relation
from tests.conftest import Target
from tests.factories import make_document
from tests.test_match_store import REUTERS_TEXT, add_claims, relations, seed_with_wire


def clusters(session: Session) -> set[tuple[frozenset[int], int | None, int]]:
    """Each cluster as (members, first claim, size)."""
    members: dict[int, set[int]] = {}
    for claim_id, cluster_id in session.execute(select(Claim.id, Claim.cluster_id)):
        if cluster_id is not None:
            members.setdefault(cluster_id, set()).add(claim_id)
    return {
        (frozenset(members.get(c.id, ())), c.first_claim_id, c.size)
        for c in session.scalars(select(Cluster))
    }


def test_corroborations_join_clusters_and_a_rejection_splits_them(target: Target) -> None:
    with target.database.write() as session:
        claims, wire, reuters = seed_with_wire(session)
        relay = make_document(
            session, REUTERS_TEXT + " ", outlet="Reuters", published="2025-03-02", origin="r2"
        )
        again = add_claims(
            session, relay, [REUTERS_TEXT], chain=[("publisher", "Reuters", reuters)]
        )
        match_claims(session, wire, "tester")
        match_claims(session, again, "tester")
        tass, copy, latest = claims["tass"][0].id, wire[0].id, again[0].id
        # two compatible deadlines of one milestone corroborate (claims.match.timeline)
        deadline, later = claims["tass"][1].id, claims["monitor"][1].id
        timeline = (frozenset({deadline, later}), deadline, 2)
        # the TASS claim appeared first; the Al-Monitor denial conflicts and stays out
        assert clusters(session) == {(frozenset({tass, copy, latest}), tass, 3), timeline}
        link = relations(session)[(tass, copy)]
        relation_id, version = link.id, link.row_version
    reviewer = ReviewService(target.database, "reviewer")
    reviewer.review_relation(relation_id, version, "reject")
    with target.database.read() as session:
        # the TASS claim still corroborates the relayed copy, which repeats the wire
        assert clusters(session) == {(frozenset({tass, copy, latest}), tass, 3), timeline}
        link = relations(session)[(tass, latest)]
        relation_id, version = link.id, link.row_version
    reviewer.review_relation(relation_id, version, "reject")
    with target.database.write() as session:
        assert clusters(session) == {(frozenset({copy, latest}), copy, 2), timeline}
        incremental = clusters(session)
        refresh_clusters(session, {tass, copy, latest})
        assert clusters(session) == incremental


def test_each_claim_keeps_its_strongest_related_links(
    target: Target, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bounded, "RELATED_PER_CLAIM", 2)
    acts = [
        "approved new cranes for container ships",
        "hired twelve pilots from Norway",
        "closed the northern pier after storms",
        "published accounts showing falling revenue",
        "opened a museum about whaling history",
        "banned fishing boats near the lighthouse",
        "elected a chairwoman from Dunmore village",
        "signed a contract with a Dutch dredging firm",
    ]
    texts = [f"The Kellmoor harbour board {act}." for act in acts]  # all related to each other
    with target.database.write() as session:
        for text in texts:
            match_claims(session, add_claims(session, make_document(session, text), [text]), "t")
        one_at_a_time = _related(session)
        rebuild(session, "tester")
        assert _related(session) == one_at_a_time
    edges = [Edge(low, high, score) for (low, high), score in one_at_a_time.items()]
    assert len(texts) <= len(edges) < len(texts) * (len(texts) - 1) / 2  # some were dropped
    assert {edge.pair() for edge in edges} == strongest(edges)  # each kept by one of its claims


def _related(session: Session) -> dict[tuple[int, int], float]:
    return {
        (r.claim_id, r.other_claim_id): r.score
        for r in session.scalars(select(Relation).where(Relation.kind == "related"))
    }


def test_a_related_link_leaves_the_old_claims_credibility_alone(target: Target) -> None:
    texts = [
        "The Kellmoor harbour board approved new cranes for container ships.",
        "The Kellmoor harbour board hired twelve pilots from Norway.",
    ]
    with target.database.write() as session:
        first = add_claims(session, make_document(session, texts[0]), [texts[0]])
        match_claims(session, first, "t")
        report = match_claims(
            session, add_claims(session, make_document(session, texts[1]), [texts[1]]), "t"
        )
        assert set(_related(session)) == {(first[0].id, first[0].id + 1)}
        # a `related` link moves no count: only the arriving claim is proposed again
        assert report.credibility == "updated for 1 claims"
        proposed = _proposals(session)
        rebuild(session, "tester")
        assert _proposals(session) == proposed


def _proposals(session: Session) -> dict[int, tuple[object, ...]]:
    return {
        claim.id: (claim.credibility_proposed, claim.credibility_reasons, claim.propaganda_sourced)
        for claim in session.scalars(select(Claim).execution_options(populate_existing=True))
    }
