"""Two reviewers saving the same claim: the second gets a conflict with both versions and keeps
their draft; nothing is silently overwritten, and no bulk UPDATE bypasses the version check
(THREATS D4), on SQLite and PostgreSQL."""

from __future__ import annotations

import ast
import multiprocessing
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from claims.store.review import EditConflict, ReviewService
from db.engine import Database
from db.models import AuditEntry, Claim, ReviewDraft
from tests.conftest import Target
from tests.team_factories import add_claims, add_document

FORK = multiprocessing.get_context("fork")
ROOT = Path(__file__).parent.parent
VERSIONED = {"Claim", "Relation", "Source", "Document"}


def _claim(target: Target) -> tuple[int, int]:
    with target.database.write() as session:
        claim = add_claims(session, add_document(session, "reviewed"))[0]
        return claim.id, claim.row_version


def _reviewer(target: Target, name: str) -> ReviewService:
    return ReviewService(Database.from_target(target.arg), name)  # an engine of its own


def test_orm_second_stale_save_is_refused(target: Target) -> None:
    claim_id, _ = _claim(target)
    first, second = Database.from_target(target.arg), Database.from_target(target.arg)
    with first.read() as session:
        seen_by_a = session.get(Claim, claim_id)
    with second.read() as session:
        seen_by_b = session.get(Claim, claim_id)
    assert seen_by_a is not None and seen_by_b is not None
    with first.write() as session:
        mine = session.merge(seen_by_a)
        mine.verdict = "false"
    with pytest.raises(StaleDataError), second.write() as session:
        theirs = session.merge(seen_by_b, load=False)
        theirs.verdict = "true"
    with target.database.read() as session:
        saved = session.get(Claim, claim_id)
        assert saved is not None and (saved.verdict, saved.row_version) == ("false", 2)
    first.dispose()
    second.dispose()


def test_second_reviewer_gets_both_versions_and_keeps_a_draft(target: Target) -> None:
    claim_id, version = _claim(target)
    ann, bob = _reviewer(target, "ann"), _reviewer(target, "bob")
    saved = ann.set_verdict(claim_id, version, "false", "satellite images show no tanks")
    assert saved.row_version == version + 1

    with pytest.raises(EditConflict) as refused:
        bob.set_verdict(claim_id, version, "true", "the ministry confirmed it")
    conflict = refused.value
    assert (conflict.seen_version, conflict.current_version) == (version, version + 1)
    assert conflict.changed_by == "ann"
    assert conflict.theirs["verdict"] == "false"
    assert conflict.yours["verdict"] == "true"
    assert "not saved" in str(conflict)

    with target.database.read() as session:
        claim = session.get(Claim, claim_id)
        assert claim is not None and claim.verdict == "false" and claim.reviewed_by == "ann"
        audit = session.scalars(
            select(AuditEntry).where(AuditEntry.entity == "claim", AuditEntry.entity_id == claim_id)
        ).all()
        assert [(entry.actor, entry.action) for entry in audit] == [
            ("ann", "claim.verdict"),
            ("bob", "claim.verdict.refused"),
        ]
        assert audit[1].after["values"]["verdict"] == "true"
        draft = session.get(ReviewDraft, conflict.draft_id)
        assert draft is not None and draft.reviewer == "bob" and draft.claim_id == claim_id
        assert draft.payload["values"] == {
            "verdict": "true",
            "rationale": "the ministry confirmed it",
        }
    ann.database.dispose()
    bob.database.dispose()


def _save_at_once(
    barrier: Any, results: Any, arg: str, name: str, claim_id: int, seen: int
) -> None:
    service = ReviewService(Database.from_target(arg), name)
    barrier.wait()
    try:
        service.set_verdict(claim_id, seen, "false" if name == "ann" else "true", name)
        results.put((name, "saved"))
    except EditConflict as conflict:
        results.put((name, f"conflict draft={conflict.draft_id is not None}"))
    except Exception as exc:
        results.put((name, repr(exc)))
    service.database.dispose()


@pytest.mark.parametrize("round_", range(3))
def test_two_reviewers_saving_at_the_same_moment_one_wins(target: Target, round_: int) -> None:
    claim_id, version = _claim(target)
    target.database.dispose()
    barrier, results = FORK.Barrier(2), FORK.Queue()
    processes = [
        FORK.Process(
            target=_save_at_once, args=(barrier, results, target.arg, name, claim_id, version)
        )
        for name in ("ann", "bob")
    ]
    for process in processes:
        process.start()
    outcomes = dict(results.get(timeout=60) for _ in processes)
    for process in processes:
        process.join(30)
    assert sorted(outcomes.values()) == ["conflict draft=True", "saved"], outcomes
    winner = next(name for name, outcome in outcomes.items() if outcome == "saved")
    with target.database.read() as session:
        claim = session.get(Claim, claim_id)
        assert claim is not None
        assert (claim.reviewed_by, claim.row_version) == (winner, version + 1)


def bulk_updates_of_versioned_tables(source: str) -> list[int]:
    """Lines running an UPDATE on a versioned table without the ORM's version check."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = (
            node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        )
        if name == "update" and node.args and _names_versioned(node.args[0]):
            found.append(node.lineno)  # update(Claim) / sa.update(Claim.__table__)
        elif name == "update" and isinstance(node.func, ast.Attribute):
            chain = node.func.value  # session.query(Claim).filter(...).update(...)
            while isinstance(chain, ast.Call) and isinstance(chain.func, ast.Attribute):
                if chain.func.attr == "query" and chain.args and _names_versioned(chain.args[0]):
                    found.append(node.lineno)
                    break
                chain = chain.func.value
    return sorted(found)


def _names_versioned(node: ast.expr) -> bool:
    while isinstance(node, ast.Attribute):  # Claim.__table__, models.Claim
        if node.attr in VERSIONED:
            return True
        node = node.value
    return isinstance(node, ast.Name) and node.id in VERSIONED


def test_no_code_bulk_updates_a_versioned_table() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{line}"
        for package in ("claims", "db", "tui")
        for path in sorted((ROOT / package).rglob("*.py"))
        for line in bulk_updates_of_versioned_tables(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_bulk_update_check_finds_each_form() -> None:
    source = (
        "session.execute(update(Claim).values(verdict='true'))\n"
        "session.execute(sa.update(models.Relation.__table__))\n"
        "session.query(Source).filter(Source.id == 1).update({'name': 'x'})\n"
        "session.execute(update(SourceAlias).values(source_id=2))\n"
        "counts.update(words)\n"
    )
    assert bulk_updates_of_versioned_tables(source) == [1, 2, 3]
