"""Stored claims' sides built from their rows are the sides of the claims as loaded, and read
a claim as it stands now (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import update
from sqlalchemy.orm import Session

from claims.match.relate import side
from claims.store.matching import load_claims
from claims.store.matching.sides import stored_sides
from db.models import Claim, Document, Source
from tests.conftest import Target
from tests.factories import make_claim, make_document, make_source

TEXT = (
    "The Harbour Board said the new ferry pier will cost 40 million crowns. "
    "Critics said the ferry pier will cost 90 million crowns by 2031."
)
FIRST, SECOND = TEXT.split(". ")[0] + ".", TEXT.split(". ")[1]


def _store(session: Session) -> tuple[list[int], int, int]:
    """Two claims of one document, each said by a registry source; their ids, the first
    one's source and the document."""
    board = make_source(session, "Harbour Board", "B")
    critics = make_source(session, "Pier Watch", "D")
    document = make_document(session, TEXT, outlet="Harbour News", published="2030-05-02")
    features = {"entities": [], "dates": [], "quantities": [], "negated": False}
    one = make_claim(
        session,
        document,
        FIRST,
        chain=[("speaker", "Harbour Board", board), ("publisher", "Harbour News", None)],
        features=features,
    )
    two = make_claim(
        session,
        document,
        SECOND,
        chain=[("speaker", "Critics", critics)],
        features={**features, "negated": False},
    )
    return [one.id, two.id], board.id, document.id


def _fresh(session: Session, ids: list[int]) -> dict[int, object]:
    return {claim.id: claim for claim in load_claims(session, ids)}


def test_stored_sides_are_the_sides_of_the_claims_as_read(target: Target) -> None:
    with target.database.write() as session:
        ids, _, _ = _store(session)
    with target.database.read() as session:
        first = stored_sides(session, ids)
        fresh = _fresh(session, ids)
    assert sorted(first) == ids
    for claim_id, found in first.items():
        assert found.claim == fresh[claim_id]
        rebuilt = side(found.claim)
        assert (found.words, found.wording, found.marks, found.verbs) == (
            rebuilt.words,
            rebuilt.wording,
            rebuilt.marks,
            rebuilt.verbs,
        )


def _reword_features(session: Session, ids: list[int], source: int, document: int) -> None:
    features = {"entities": [], "dates": [], "quantities": [], "negated": True}
    session.execute(update(Claim).where(Claim.id == ids[0]).values(features=features))


def _rename_source(session: Session, ids: list[int], source: int, document: int) -> None:
    session.execute(update(Source).where(Source.id == source).values(name="Port Authority"))


def _move_outlet(session: Session, ids: list[int], source: int, document: int) -> None:
    session.execute(update(Document).where(Document.id == document).values(outlet="Quay Daily"))


def _flag_path(session: Session, ids: list[int], source: int, document: int) -> None:
    path = [{"role": "publisher", "name": "Harbour News", "flag": "propaganda"}]
    session.execute(update(Claim).where(Claim.id == ids[0]).values(propaganda_path=path))


def _reword_text(session: Session, ids: list[int], source: int, document: int) -> None:
    session.execute(update(Claim).where(Claim.id == ids[0]).values(text="The pier was cancelled."))


@pytest.mark.parametrize(
    "change", [_reword_features, _rename_source, _move_outlet, _flag_path, _reword_text]
)
def test_a_claim_changed_since_is_read_again(
    target: Target, change: Callable[[Session, list[int], int, int], None]
) -> None:
    with target.database.write() as session:
        ids, source, document = _store(session)
    with target.database.read() as session:
        before = stored_sides(session, ids)[ids[0]]
    with target.database.write() as session:
        change(session, ids, source, document)
    with target.database.read() as session:
        after = stored_sides(session, ids)[ids[0]]
        fresh = _fresh(session, ids)[ids[0]]
    assert after.claim == fresh
    assert after.claim != before.claim
