"""Stored candidates' sides a writer keeps between its documents (SQLite and PostgreSQL): used
again, with what judging prepared on them, only while the rows they were built from are
unchanged; bounded; holding no rarity of a past document."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy.orm import Session

from claims.match.score import Rarity
from claims.store.matching import kept_sides
from claims.store.matching.kept_sides import KeptSides
from claims.store.matching.sides import stored_sides
from tests.conftest import Target
from tests.test_stored_sides import (
    _flag_path,
    _fresh,
    _move_outlet,
    _rename_source,
    _reword_features,
    _reword_text,
    _store,
)


def test_kept_sides_are_the_sides_built_afresh_and_keep_what_judging_prepared(
    target: Target,
) -> None:
    with target.database.write() as session:
        ids, _, _ = _store(session)
    kept = KeptSides()
    with target.database.read() as session:
        lent = stored_sides(session, ids, kept)
        marks = {claim_id: found.marks for claim_id, found in lent.items()}  # judging reads it
        kept.pack()
        again = stored_sides(session, ids, kept)
        fresh = stored_sides(session, ids)
    assert (kept.built, kept.hits) == (2, 2)
    assert list(again) == list(fresh) == ids
    for claim_id, found in again.items():
        assert found is not lent[claim_id]
        assert "marks" in vars(found)  # not prepared again
        assert found.marks == marks[claim_id] == fresh[claim_id].marks
        assert found.claim == fresh[claim_id].claim
        assert (found.words, found.wording, found.verbs, found.subjects) == (
            fresh[claim_id].words,
            fresh[claim_id].wording,
            fresh[claim_id].verbs,
            fresh[claim_id].subjects,
        )


@pytest.mark.parametrize(
    "change", [_reword_features, _rename_source, _move_outlet, _flag_path, _reword_text]
)
def test_a_kept_side_whose_rows_changed_is_built_again(
    target: Target, change: Callable[[Session, list[int], int, int], None]
) -> None:
    with target.database.write() as session:
        ids, source, document = _store(session)
    kept = KeptSides()
    with target.database.read() as session:
        before = stored_sides(session, ids, kept)[ids[0]]
    kept.pack()
    with target.database.write() as session:
        change(session, ids, source, document)
    with target.database.read() as session:
        after = stored_sides(session, ids, kept)[ids[0]]
        fresh = _fresh(session, ids)[ids[0]]
    assert after.claim == fresh
    assert after.claim != before.claim
    assert kept.built >= 3


def test_packed_sides_hold_no_rarity_and_stay_within_the_bound(
    target: Target, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kept_sides, "MAX_SIDES", 1)
    with target.database.write() as session:
        ids, _, _ = _store(session)
    kept = KeptSides()
    with target.database.read() as session:
        lent = stored_sides(session, ids, kept)
        rarity = Rarity.of_keys({}, 2)
        for found in lent.values():
            found.total_weight(rarity)
        kept.pack()
        assert all(found._weighed is None for found in lent.values())
        assert list(kept.packed) == [ids[1]]  # the least recently used went
        stored_sides(session, ids[:1], kept)
    assert (kept.hits, kept.built) == (0, 3)
