"""Ingest runs the whole analysis in the document's transaction: claims, chains, registry
flags, matches; a new version of a document carries its reviews over or marks them orphaned."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from claims.ingest.inputs import ReadOptions, expand
from claims.ingest.models import DocumentMeta
from claims.store.documents import IngestOptions, ingest_all
from claims.store.documents import ingest as ingest_module
from claims.store.review import ReviewService
from db.models import AuditEntry, Claim, Document, Relation
from tests.conftest import SEEDS, Cli

REGISTRY = SEEDS / "sources.toml"

STORY = """\
Officials in Riverton said on Monday that the bridge on Route 9 would reopen in March 2027.

The council approved 40 million dollars for the repairs, according to the mayor's office.

Engineers found cracks in three of the eleven supporting piers during an inspection in May.
"""


def claim_rows(cli: Cli) -> list[Claim]:
    with cli.target.database.read() as session:
        rows = session.scalars(select(Claim).order_by(Claim.document_id, Claim.start)).all()
        for row in rows:
            _ = row.document.text
        session.expunge_all()
        return list(rows)


def test_seed_articles_arrive_analysed(cli: Cli) -> None:
    assert cli("sources", "import", str(REGISTRY)).exit_code == 0
    result = cli("ingest", str(SEEDS))
    assert result.exit_code == 0, result.output
    rows = claim_rows(cli)
    assert len(rows) > 50
    for row in rows:
        assert row.document.text[row.start : row.end] == row.text
    flagged = [row for row in rows if row.propaganda_sourced]
    assert any("Rybar" in row.text for row in flagged)
    isw_only = [row for row in rows if row.text.startswith("According to the Institute for the")]
    assert isw_only and not any(row.propaganda_sourced for row in isw_only)
    with cli.target.database.read() as session:
        kinds = dict(
            session.execute(select(Relation.kind, func.count()).group_by(Relation.kind)).all()
        )
    assert kinds.get("conflicts", 0) > 0 and kinds.get("corroborates", 0) > 0

    again = cli("ingest", str(SEEDS))
    assert "0 added, 5 unchanged" in again.stderr
    assert len(claim_rows(cli)) == len(rows)


def test_new_version_carries_reviews_and_orphans_vanished_claims(cli: Cli, tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY)
    assert cli("ingest", str(story)).exit_code == 0
    first = claim_rows(cli)
    budget = next(row for row in first if "40 million" in row.text)
    cracks = next(row for row in first if "cracks" in row.text)
    service = ReviewService(cli.target.database, "alice")
    service.set_verdict(budget.id, budget.row_version, "true", "Council minutes, item 4.")
    service.set_verdict(cracks.id, cracks.row_version, "false", "Report says two piers.")

    changed = "A new opening line was added by the editors overnight.\n\n" + STORY.replace(
        "Engineers found cracks in three of the eleven supporting piers during an inspection "
        "in May.",
        "The inspection report was not published.",
    )
    story.write_text(changed)
    result = cli("ingest", str(story))
    assert "1 new version" in result.stderr, result.output

    rows = claim_rows(cli)
    newest = max(row.document_id for row in rows)
    carried = next(row for row in rows if row.document_id == newest and "40 million" in row.text)
    assert (carried.verdict, carried.rationale, carried.reviewed_by) == (
        "true",
        "Council minutes, item 4.",
        "alice",
    )
    assert carried.anchor_status == "moved"
    old_cracks = next(row for row in rows if row.id == cracks.id)
    assert old_cracks.anchor_status == "orphaned" and old_cracks.verdict == "false"
    with cli.target.database.read() as session:
        actions = list(session.scalars(select(AuditEntry.action)))
    assert actions.count("claim.carry") == 1 and actions.count("claim.orphaned") == 1


def test_a_failing_analysis_leaves_nothing_behind_and_the_run_goes_on(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad, good = tmp_path / "bad.txt", tmp_path / "good.txt"
    bad.write_text(STORY)
    good.write_text("The harbour reopened on Friday after a storm, the port authority said.\n")
    real = ingest_module.match_claims

    def broken_for_bad(
        session: Any, claims: Any, actor: str, *extracted: Any, **options: Any
    ) -> Any:
        if any("Riverton" in claim.text for claim in claims):
            raise RuntimeError("matching failed")
        return real(session, claims, actor, *extracted, **options)

    monkeypatch.setattr(ingest_module, "match_claims", broken_for_bad)
    options = IngestOptions(actor="tester", meta=DocumentMeta(), read=ReadOptions())
    report = ingest_all(cli.target.database, expand([str(bad), str(good)]), options)
    assert [failure.origin for failure in report.failed] == [str(bad)]
    assert "could not be analysed (RuntimeError: matching failed)" in str(report.failed[0])
    with cli.target.database.read() as session:
        origins = list(session.scalars(select(Document.origin)))
        texts = list(session.scalars(select(Claim.text)))
    assert origins == [str(good)]
    assert not any("Riverton" in text for text in texts)


def test_a_repeated_paragraph_is_one_claim_that_knows_its_copy(cli: Cli, tmp_path: Path) -> None:
    paragraph = "The ministry said on Tuesday that 300 new buses would arrive by June 2026."
    story = tmp_path / "repeats.txt"
    story.write_text(f"{paragraph}\n\nOther news followed later that week.\n\n{paragraph}\n")
    assert cli("ingest", str(story)).exit_code == 0
    rows = [row for row in claim_rows(cli) if row.text == paragraph]
    assert len(rows) == 1
    copy = rows[0].features["repeated"][0]
    assert rows[0].document.text[copy["start"] : copy["end"]] == paragraph
    assert copy["start"] > rows[0].end


def test_claims_meet_their_earlier_version_as_one_origin(cli: Cli, tmp_path: Path) -> None:
    story = tmp_path / "bridge.txt"
    story.write_text(STORY)
    assert cli("ingest", str(story)).exit_code == 0
    story.write_text(STORY.replace("in March 2027", "in April 2027"))
    assert "1 new version" in cli("ingest", str(story)).stderr
    with cli.target.database.read() as session:
        relations = session.scalars(select(Relation)).all()
        changed = [r for r in relations if r.kind == "conflicts"]
        assert len(changed) == 1
        assert changed[0].reasons[0] == "changed in the new version"
        assert any("March 2027 vs April 2027" in reason for reason in changed[0].reasons)
        assert all(r.independent is False for r in relations)
        assert all("versions of one document" in " ".join(r.dependency) for r in relations)


def test_relation_decisions_follow_the_new_version(cli: Cli, tmp_path: Path) -> None:
    story, other = tmp_path / "story.txt", tmp_path / "other.txt"
    story.write_text(STORY)
    other.write_text(
        "The council approved 40 million dollars for the repairs, the mayor's office said.\n"
    )
    assert cli("ingest", str(story), str(other)).exit_code == 0
    with cli.target.database.read() as session:
        first = session.scalars(select(Relation).order_by(Relation.id)).all()
    assert first, "the two documents share a claim"
    service = ReviewService(cli.target.database, "alice")
    decided = {
        relation.id: service.review_relation(relation.id, relation.row_version, "reject")
        for relation in first
    }
    assert decided

    story.write_text("Editors added this opening sentence on Tuesday morning.\n\n" + STORY)
    assert "1 new version" in cli("ingest", str(story)).stderr
    with cli.target.database.read() as session:
        newest = session.scalar(
            select(func.max(Document.id)).where(Document.origin.like("%story%"))
        )
        new_claims = set(session.scalars(select(Claim.id).where(Claim.document_id == newest)))
        carried = session.scalars(
            select(Relation).where(
                Relation.claim_id.in_(new_claims) | Relation.other_claim_id.in_(new_claims)
            )
        ).all()
        crossing = [r for r in carried if not {r.claim_id, r.other_claim_id} <= new_claims]
        to_other = [r for r in crossing if "versions of one document" not in " ".join(r.dependency)]
        actions = list(session.scalars(select(AuditEntry.action)))
    assert to_other and all(r.status == "rejected" for r in to_other)
    assert all(r.reviewed_by == "alice" for r in to_other)
    assert actions.count("relation.carry") == len(to_other)


def test_new_proposals_never_make_a_reviewers_save_stale(cli: Cli, tmp_path: Path) -> None:
    story, other = tmp_path / "story.txt", tmp_path / "other.txt"
    story.write_text(STORY)
    assert cli("ingest", str(story)).exit_code == 0
    budget = next(row for row in claim_rows(cli) if "40 million" in row.text)
    other.write_text(
        "The council approved 40 million dollars for the bridge repairs, the treasurer said.\n"
    )
    assert cli("ingest", str(other)).exit_code == 0
    again = next(row for row in claim_rows(cli) if row.id == budget.id)
    assert again.credibility_reasons != budget.credibility_reasons  # a new corroboration
    assert again.row_version == budget.row_version
    saved = ReviewService(cli.target.database, "alice").set_verdict(
        budget.id, budget.row_version, "true", "Council minutes."
    )
    assert saved.row_version == budget.row_version + 1


def test_extraction_before_the_transaction_equals_extraction_of_the_stored_document(
    sqlite_cli: Cli,
) -> None:
    """Ingest extracts before it takes the write lock; what it stores must be what the stored
    document (text, debris, metadata from the sidecar) gives when extracted again."""
    from claims.extract.pipeline import extract_claims
    from claims.ingest.inputs import read
    from claims.ingest.prepare import prepare
    from claims.store.documents.claims import debris_spans, document_context, extract_prepared

    options = IngestOptions(actor="tester", read=ReadOptions())
    database = sqlite_cli.target.database
    refs = list(expand([str(SEEDS / "articles")]))
    assert len(refs) >= 5
    dated = 0
    for ref in refs:
        prepared = prepare(read(ref, options.read, options.meta))
        stored = ingest_module.save_prepared(database, prepared, "tester")
        with database.read() as session:
            document = session.get_one(Document, stored.document_id)
            again = extract_claims(
                document.text, debris_spans(document), document_context(document)
            )
            dated += document.published is not None
        assert extract_prepared(prepared) == again
        assert [(c.start, c.end) for c in again] == [
            (row.start, row.end)
            for row in claim_rows(sqlite_cli)
            if row.document_id == stored.document_id
        ]
    assert dated >= 3, "the seeds' sidecars give publication dates that anchor relative dates"
