"""The claim index a writer keeps between its documents (SQLite and PostgreSQL): it holds the
database's own values, spares reading them again, and is forgotten when anyone else changes
what matching reads or a transaction fails."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from claims.store.documents import ingest, save_prepared
from claims.store.matching import MatchReport, match_claims
from claims.store.matching.index import SqlIndex
from claims.store.matching.memo import IndexMemo
from claims.store.review import ReviewService
from db.engine import Database
from db.models import Claim, ClaimKeySize
from tests.conftest import Target
from tests.test_ingest_snapshot import FIRST, SECOND, THIRD, prepared, relations, reports, twin

__all__ = ["reports", "twin"]  # fixtures shared with the snapshot tests

FOURTH = (
    "The Varnholm council said on Friday that the Ostra bridge would open in May, and that "
    "40 trucks a day would cross it.\n\nOfficials in Quellin said the border stayed open."
)


def memo_matches_database(database: Database, memo: IndexMemo) -> None:
    """Every value the memo holds is the one the database holds now."""
    with database.read() as session:
        sizes = dict(session.execute(select(ClaimKeySize.claim_id, ClaimKeySize.keys)).all())
        texts = dict(session.execute(select(Claim.id, Claim.text)).all())
        total = session.scalar(select(func.count()).select_from(Claim))
    assert memo.texts and memo.sizes
    assert memo.sizes == {claim: sizes.get(claim, 0) for claim in memo.sizes}
    assert memo.texts == {claim: texts[claim] for claim in memo.texts}
    assert memo.total in (None, total)


def test_a_writer_keeps_the_databases_values_and_stores_the_same_relations(
    target: Target, twin: Target, reports: list[MatchReport]
) -> None:
    database, expected, memo = target.database, twin.database, IndexMemo()
    for number, text in enumerate((FIRST, SECOND, THIRD, FOURTH)):
        save_prepared(database, prepared(text, f"{number}.txt"), "tester", memo=memo)
        save_prepared(expected, prepared(text, f"{number}.txt"), "tester")
        memo_matches_database(database, memo)
    assert all(report.precomputed for report in reports)
    assert relations(database) == relations(expected)
    assert relations(database)


def test_what_the_writer_wrote_is_not_read_again(
    target: Target, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The claims a writer stored itself are judged against without reading their texts or
    their key sizes back (they were read for every document before)."""
    database, memo = target.database, IndexMemo()
    save_prepared(database, prepared(FIRST, "first.txt"), "tester", memo=memo)
    with database.read() as session:
        first = set(session.scalars(select(Claim.id)))
    asked: list[int] = []

    def texts(self: SqlIndex, ids: list[int]) -> Any:
        asked.extend(ids)
        return real_texts(self, ids)

    real_texts = SqlIndex.texts
    monkeypatch.setattr(SqlIndex, "texts", texts)
    save_prepared(database, prepared(THIRD, "third.txt"), "tester", memo=memo)
    assert first and first <= set(memo.texts)
    assert not first & set(asked)


def test_another_writers_document_makes_the_writer_read_again(target: Target, twin: Target) -> None:
    database, expected, memo = target.database, twin.database, IndexMemo()
    save_prepared(database, prepared(FIRST, "first.txt"), "tester", memo=memo)
    kept = memo.generation
    save_prepared(database, prepared(SECOND, "second.txt"), "other")  # not through the memo
    save_prepared(database, prepared(THIRD, "third.txt"), "tester", memo=memo)
    for number, text in enumerate((FIRST, SECOND, THIRD)):
        save_prepared(expected, prepared(text, f"{number}.txt"), "tester")
    assert memo.generation != kept
    memo_matches_database(database, memo)
    assert relations(database) == relations(expected)


def test_a_propaganda_override_makes_the_writer_read_again(target: Target) -> None:
    database, memo = target.database, IndexMemo()
    save_prepared(database, prepared(FIRST, "first.txt"), "tester", memo=memo)
    kept = memo.generation
    with database.read() as session:
        claim = session.scalars(select(Claim).order_by(Claim.id)).first()
        assert claim is not None
        claim_id, version = claim.id, claim.row_version
    ReviewService(database, "reviewer").set_propaganda_override(
        claim_id, version, True, "a state outlet's relay"
    )
    save_prepared(database, prepared(THIRD, "third.txt"), "tester", memo=memo)
    assert memo.generation not in (None, kept)
    memo_matches_database(database, memo)


def test_a_failed_transaction_forgets_what_was_kept(
    target: Target, monkeypatch: pytest.MonkeyPatch
) -> None:
    database, memo = target.database, IndexMemo()
    save_prepared(database, prepared(FIRST, "first.txt"), "tester", memo=memo)
    assert memo.generation is not None

    def failing(*args: Any, **kwargs: Any) -> MatchReport:
        match_claims(*args, **kwargs)
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(ingest, "match_claims", failing)
    with pytest.raises(RuntimeError):
        save_prepared(database, prepared(THIRD, "third.txt"), "tester", memo=memo)
    assert memo.generation is None
    assert not memo.texts and not memo.sizes
