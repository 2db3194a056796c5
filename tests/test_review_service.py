"""The review service on SQLite and PostgreSQL: every action saved at once, audited, undoable,
and a stale save refused with both versions while the reviewer's input is kept as a draft."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from claims.errors import NotFound
from claims.store.review import (
    EditConflict,
    Evidence,
    ReviewError,
    ReviewService,
    last_undoable,
)
from db.engine import Database
from db.errors import ConcurrentEdit
from db.models import (
    Attribution,
    AuditEntry,
    Claim,
    Relation,
    Review,
    ReviewDraft,
    Source,
    SourceAlias,
    SourceFlag,
    SourceRating,
)
from tests.conftest import Target
from tests.factories import Sample, build_sample, make_source

NOW = datetime(2026, 2, 3, 10, 0, tzinfo=UTC)


@pytest.fixture
def sample(target: Target) -> Sample:
    with target.database.write() as session:
        return build_sample(session)


def service(target: Target, reviewer: str = "bob") -> ReviewService:
    return ReviewService(target.database, reviewer, now=lambda: NOW)


def claim(target: Target, claim_id: int) -> Claim:
    with target.database.read() as session:
        found = session.get(Claim, claim_id)
        assert found is not None
        return found


def audit(target: Target) -> list[AuditEntry]:
    with target.database.read() as session:
        return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def test_verdict_is_saved_audited_and_in_history(target: Target, sample: Sample) -> None:
    claim_id = sample.claims[0]
    result = service(target).set_verdict(claim_id, 1, "false", "Contradicted by Reuters.")
    saved = claim(target, claim_id)
    assert (saved.verdict, saved.rationale, saved.reviewed_by) == (
        "false",
        "Contradicted by Reuters.",
        "bob",
    )
    assert saved.reviewed_at == NOW
    assert saved.row_version == 2 == result.row_version
    entry = audit(target)[-1]
    assert (entry.actor, entry.action, entry.entity, entry.entity_id) == (
        "bob",
        "claim.verdict",
        "claim",
        claim_id,
    )
    assert entry.before is not None and entry.after is not None
    assert entry.before["verdict"] is None and entry.after["verdict"] == "false"
    with target.database.read() as session:
        review = session.get(Review, entry.after["review_id"])
        assert review is not None
        assert (review.action, review.verdict, review.reviewer) == ("verdict", "false", "bob")


def test_unknown_verdict_is_refused_and_nothing_is_written(target: Target, sample: Sample) -> None:
    before = len(audit(target))
    with pytest.raises(ReviewError, match="unknown verdict 'pants_on_fire'"):
        service(target).set_verdict(sample.claims[0], 1, "pants_on_fire")
    assert claim(target, sample.claims[0]).verdict is None
    assert len(audit(target)) == before


def test_stale_save_is_refused_with_both_versions_and_a_draft(
    target: Target, sample: Sample
) -> None:
    claim_id = sample.claims[0]
    second = Database(target.database.url)  # another reviewer's own engines
    try:
        service(target, "alice").set_verdict(claim_id, 1, "true", "Alice checked it.")
        bob = ReviewService(second, "bob", now=lambda: NOW)
        with pytest.raises(EditConflict) as caught:
            bob.set_verdict(claim_id, 1, "false", "Bob's careful rationale.")
    finally:
        second.dispose()
    conflict = caught.value
    assert isinstance(conflict, ConcurrentEdit)
    assert (conflict.seen_version, conflict.current_version) == (1, 2)
    assert conflict.changed_by == "alice"
    assert conflict.theirs["verdict"] == "true"
    assert conflict.yours["rationale"] == "Bob's careful rationale."
    assert "changed by alice" in str(conflict) and "you saw version 1" in str(conflict)
    saved = claim(target, claim_id)
    assert (saved.verdict, saved.rationale) == ("true", "Alice checked it.")
    with target.database.read() as session:
        draft = session.get(ReviewDraft, conflict.draft_id)
        assert draft is not None
        assert draft.reviewer == "bob" and draft.claim_id == claim_id
        assert draft.payload["values"]["rationale"] == "Bob's careful rationale."


def test_rationale_credibility_and_propaganda(target: Target, sample: Sample) -> None:
    claim_id = sample.claims[1]
    reviewer = service(target)
    reviewer.set_rationale(claim_id, 1, "  Figures from a \x00propaganda outlet.  ")
    reviewer.set_credibility(claim_id, 2, 5)
    reviewer.set_propaganda_override(claim_id, 3, False, "Figure also in ministry release")
    saved = claim(target, claim_id)
    assert saved.rationale == "Figures from a propaganda outlet."
    assert saved.credibility == 5
    assert (saved.propaganda_override, saved.propaganda_override_reason) == (
        False,
        "Figure also in ministry release",
    )
    with pytest.raises(ReviewError, match="1 to 6"):
        reviewer.set_credibility(claim_id, 4, 7)
    with pytest.raises(ReviewError, match="reason"):
        reviewer.set_propaganda_override(claim_id, 4, True, "   ")
    actions = [e.action for e in audit(target)]
    assert actions[-3:] == ["claim.rationale", "claim.credibility", "claim.propaganda"]


def test_evidence_is_validated_and_kept_in_history(target: Target, sample: Sample) -> None:
    reviewer = service(target)
    claim_id = sample.claims[0]
    reviewer.attach_evidence(claim_id, Evidence(kind="claim", ref=str(sample.claims[3])))
    reviewer.attach_evidence(claim_id, Evidence(kind="url", ref="https://example.org/a?b=1"))
    for bad in (
        Evidence(kind="url", ref="javascript:alert(1)"),
        Evidence(kind="url", ref="https://example.org/\x1b]52;c;x"),
        Evidence(kind="claim", ref="99999"),
        Evidence(kind="document", ref="1; DROP TABLE claims"),
    ):
        with pytest.raises(ReviewError):
            reviewer.attach_evidence(claim_id, bad)
    with target.database.read() as session:
        evidence = session.scalars(
            select(Review.evidence).where(Review.claim_id == claim_id, Review.action == "evidence")
        ).all()
    assert [e[0]["kind"] for e in evidence] == ["claim", "url"]
    assert claim(target, claim_id).row_version == 1


def test_relation_confirm_reject_and_undo(target: Target, sample: Sample) -> None:
    reviewer = service(target)
    relation_id = sample.relations["conflict"]
    confirmed = reviewer.review_relation(relation_id, 1, "confirm")
    with target.database.read() as session:
        relation = session.get(Relation, relation_id)
        assert relation is not None
        assert (relation.status, relation.reviewed_by, relation.row_version) == (
            "confirmed",
            "bob",
            2,
        )
    with pytest.raises(EditConflict):
        reviewer.review_relation(relation_id, 1, "reject")
    reviewer.undo(confirmed.entry_id)
    with target.database.read() as session:
        relation = session.get(Relation, relation_id)
        assert relation is not None and relation.status == "proposed"
        assert relation.reviewed_by is None


def test_undo_restores_verdict_marks_history_and_cannot_repeat(
    target: Target, sample: Sample
) -> None:
    reviewer = service(target)
    claim_id = sample.claims[4]  # reviewed by alice: mostly_true
    saved = reviewer.set_verdict(claim_id, 1, "false", "New evidence.")
    undone = reviewer.undo()
    restored = claim(target, claim_id)
    assert (restored.verdict, restored.rationale, restored.reviewed_by) == (
        "mostly_true",
        "Ministry figures.",
        "alice",
    )
    entry = audit(target)[-1]
    assert entry.id == undone.entry_id and entry.undoes_id == saved.entry_id
    assert entry.action == "claim.verdict.undo"
    with target.database.read() as session:
        review = session.scalars(
            select(Review).where(Review.claim_id == claim_id).order_by(Review.id.desc())
        ).first()
        assert review is not None and review.undone
        assert last_undoable(session, "bob") is None
    with pytest.raises(ReviewError, match="already undone"):
        reviewer.undo(saved.entry_id)
    with pytest.raises(ReviewError, match="nothing to undo"):
        reviewer.undo()


def test_undo_is_refused_when_someone_changed_the_claim_since(
    target: Target, sample: Sample
) -> None:
    claim_id = sample.claims[0]
    mine = service(target, "bob").set_verdict(claim_id, 1, "false")
    service(target, "alice").set_verdict(claim_id, 2, "true")
    with pytest.raises(EditConflict):
        service(target, "bob").undo(mine.entry_id)
    assert claim(target, claim_id).verdict == "true"


def test_source_grade_with_history_and_undo(target: Target, sample: Sample) -> None:
    reviewer = service(target)
    source_id = sample.sources["tass"]
    result = reviewer.set_source_grade(source_id, 1, "d", "Corrected twice this year.")
    with target.database.read() as session:
        source = session.get(Source, source_id)
        assert source is not None
        assert (source.reliability, source.reliability_rationale, source.reliability_set_by) == (
            "D",
            "Corrected twice this year.",
            "bob",
        )
        assert session.scalar(select(func.count()).select_from(SourceRating)) == 1
    with pytest.raises(ReviewError, match="grade must be one of"):
        reviewer.set_source_grade(source_id, 2, "Z", "")
    reviewer.undo(result.entry_id)
    with target.database.read() as session:
        source = session.get(Source, source_id)
        assert source is not None and source.reliability == "E"
        assert source.reliability_set_by is None
        assert session.scalar(select(func.count()).select_from(SourceRating)) == 0


def test_alias_is_unique_and_undoable(target: Target, sample: Sample) -> None:
    reviewer = service(target)
    added = reviewer.add_source_alias(sample.sources["tass"], "ТАСС")
    with pytest.raises(ReviewError, match="already belongs to source"):
        reviewer.add_source_alias(sample.sources["reuters"], "тасс")
    reviewer.undo(added.entry_id)
    with target.database.read() as session:
        aliases = session.scalars(
            select(SourceAlias.alias).where(SourceAlias.source_id == sample.sources["tass"])
        ).all()
    assert "ТАСС" not in aliases


def test_merge_moves_everything_and_undo_puts_it_back(target: Target, sample: Sample) -> None:
    with target.database.write() as session:
        copy = make_source(
            session, "RIA", "D", flags=["propaganda", "sanctioned"], aliases=["ria.ru"]
        )
        claim_row = session.get(Claim, sample.claims[2])
        assert claim_row is not None
        session.add(Attribution(claim_id=claim_row.id, position=5, role="intermediary",
                                mention="RIA", source_id=copy.id))  # fmt: skip
        copy_id = copy.id
    reviewer = service(target)
    merged = reviewer.merge_sources(copy_id, sample.sources["ria"], 1)
    with target.database.read() as session:
        assert session.get(Source, copy_id) is None
        moved = session.scalars(select(Attribution).where(Attribution.mention == "RIA")).one()
        assert moved.source_id == sample.sources["ria"]
        flags = session.scalars(
            select(SourceFlag.flag).where(SourceFlag.source_id == sample.sources["ria"])
        ).all()
        assert sorted(flags) == ["propaganda", "sanctioned"]
        names = session.scalars(
            select(SourceAlias.alias).where(SourceAlias.source_id == sample.sources["ria"])
        ).all()
        assert {"RIA", "ria.ru"} <= set(names)
    reviewer.undo(merged.entry_id)
    with target.database.read() as session:
        restored = session.get(Source, copy_id)
        assert restored is not None and (restored.name, restored.reliability) == ("RIA", "D")
        moved = session.scalars(select(Attribution).where(Attribution.mention == "RIA")).one()
        assert moved.source_id == copy_id
        restored_flags = session.scalars(
            select(SourceFlag.flag).where(SourceFlag.source_id == copy_id)
        ).all()
        assert sorted(restored_flags) == ["propaganda", "sanctioned"]
        aliases = session.scalars(select(SourceAlias.alias).where(SourceAlias.source_id == copy_id))
        assert list(aliases) == ["ria.ru"]
    with pytest.raises(ReviewError, match="itself"):
        reviewer.merge_sources(copy_id, copy_id, 1)


def test_missing_rows_are_reported(target: Target, sample: Sample) -> None:
    with pytest.raises(NotFound):
        service(target).set_verdict(424242, 1, "true")
    with pytest.raises(NotFound):
        service(target).review_relation(424242, 1, "confirm")
