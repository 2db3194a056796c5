"""A document's pairs judged on a read snapshot before its write transaction (SQLite and
PostgreSQL): saves go on meanwhile, a stale snapshot is matched again, results are the same."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from claims.ingest.models import DocumentMeta, MetaOrigin, PreparedDocument, RawInput
from claims.ingest.prepare import prepare
from claims.match import pipeline
from claims.match.judge import judge_pair
from claims.store.documents import claims as claims_module
from claims.store.documents import ingest, save_prepared
from claims.store.documents.ahead import judged_ahead
from claims.store.documents.claims import extract_prepared, frames_prepared
from claims.store.documents.ingest import store_and_analyse
from claims.store.matching import MatchReport, match_claims
from claims.store.matching.generation import generation
from claims.store.review import ReviewService
from claims.store.sources import resolve_attributions
from claims.store.sources.edits import SourceEdit, edit_source
from db.engine import Database
from db.models import Claim, Relation, Source
from tests.conftest import PostgresServer, Target, migrated_sqlite

FIRST = (
    "Officials in Varnholm said on Monday that 40 trucks had crossed the Quellin border at "
    "dawn.\n\nThe Varnholm council said the new bridge over the Ostra river would open in May."
)
SECOND = (
    "Officials in Varnholm said on Tuesday that 40 trucks had crossed the Quellin border at "
    "dawn.\n\nThe Varnholm council said the bridge over the Ostra river would open in June."
)
THIRD = (
    "Officials in Varnholm said on Monday that 40 trucks crossed the Quellin border at dawn, "
    "as officials said the Ostra bridge would open in May."
)


@pytest.fixture
def twin(target: Target, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Target]:
    """A second empty database of the same kind as `target`, to compare results with."""
    if target.database.is_sqlite:
        database = migrated_sqlite(tmp_path / "twin.db")
        yield Target(str(database.path), database)
        database.dispose()
        return
    server: PostgresServer = request.getfixturevalue("pg_server")
    url = server.create(template=request.getfixturevalue("pg_template"))
    database = Database.from_target(url)
    yield Target(url, database)
    database.dispose()
    server.drop(url)


@pytest.fixture
def reports(monkeypatch: pytest.MonkeyPatch) -> list[MatchReport]:
    """The report of every document's matching at ingest (the real matching, recorded)."""
    found: list[MatchReport] = []

    def recorded(*args: Any, **kwargs: Any) -> MatchReport:
        report = match_claims(*args, **kwargs)
        found.append(report)
        return report

    monkeypatch.setattr(ingest, "match_claims", recorded)
    return found


def prepared(text: str, name: str) -> PreparedDocument:
    raw = RawInput(
        origin=name,
        locator=None,
        data=text.encode(),
        media_type="text/plain",
        meta=DocumentMeta.of(MetaOrigin.OPTION, title=name),
    )
    return prepare(raw)


def relations(database: Database) -> set[tuple[str, str, str]]:
    """The stored relations by the two claims' texts, so two databases can be compared."""
    with database.read() as session:
        texts = dict(session.execute(select(Claim.id, Claim.text)).all())
        rows = session.execute(
            select(Relation.claim_id, Relation.other_claim_id, Relation.kind)
        ).all()
    return {(texts[low], texts[high], kind) for low, high, kind in rows}


def store(database: Database, document: PreparedDocument, ahead: object) -> None:
    extracted = extract_prepared(document)
    frames = frames_prepared(document, extracted)
    database.run_analysis(
        lambda session: store_and_analyse(
            session,
            document,
            "tester",
            extracted,
            frames,
            ahead,  # type: ignore[arg-type]
        )
    )


def ahead_of(database: Database, document: PreparedDocument) -> object:
    extracted = extract_prepared(document)
    with database.read() as session:
        return judged_ahead(
            session, document, "tester", extracted, frames_prepared(document, extracted)
        )


def test_a_save_takes_the_write_lock_while_a_document_is_judged(
    sqlite_target: Target, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On SQLite a review save waited for the judging of a whole document; it must not."""
    database = sqlite_target.database
    save_prepared(database, prepared(FIRST, "first.txt"), "tester")
    path = str(database.path)
    saved: list[bool] = []

    def judging_while_saving(*args: object) -> object:
        # the real judgement, after a reviewer's save tried the write lock, without waiting
        connection = sqlite3.connect(path, timeout=0, isolation_level=None)
        try:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("UPDATE claims SET rationale = 'checked' WHERE id = 1")
            connection.execute("COMMIT")
            saved.append(True)
        except sqlite3.OperationalError:
            saved.append(False)
        finally:
            connection.close()
        return judge_pair(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "judge_pair", judging_while_saving)
    save_prepared(database, prepared(SECOND, "second.txt"), "tester")
    assert saved and all(saved)
    assert any(kind != "related" for *_, kind in relations(database))


def test_a_stale_snapshot_is_matched_again(
    target: Target, twin: Target, reports: list[MatchReport]
) -> None:
    """A document judged before another was stored must still be matched against it."""
    first, second, third = (
        prepared(FIRST, "first.txt"),
        prepared(SECOND, "second.txt"),
        prepared(THIRD, "third.txt"),
    )
    database = target.database
    store(database, first, None)
    stale = ahead_of(database, second)
    assert stale is not None
    store(database, third, None)
    store(database, second, stale)
    assert [report.precomputed for report in reports] == [False, False, False]
    expected = twin.database
    for document in (first, third, second):
        store(expected, document, None)
    found = relations(database)
    assert found == relations(expected)
    third_texts = {c.text for c in extract_prepared(third)}
    second_texts = {c.text for c in extract_prepared(second)}
    assert any({a, b} & third_texts and {a, b} & second_texts for a, b, _ in found), (
        "the second document was not matched against the third"
    )


def test_a_current_snapshot_stores_what_matching_in_the_transaction_finds(
    target: Target, twin: Target, reports: list[MatchReport]
) -> None:
    database, expected = target.database, twin.database
    documents = [
        prepared(FIRST, "first.txt"),
        prepared(SECOND, "second.txt"),
        prepared(THIRD, "third.txt"),
    ]
    for document in documents:
        ahead = ahead_of(database, document)
        assert ahead is not None
        store(database, document, ahead)
        store(expected, document, None)
    assert [report.precomputed for report in reports] == [True, False] * 3
    assert relations(database) == relations(expected)
    assert len(relations(database)) >= 3


def test_reviewers_verdicts_leave_the_snapshot_current_but_not_a_propaganda_flag(
    target: Target,
) -> None:
    database = target.database
    save_prepared(database, prepared(FIRST, "first.txt"), "tester")
    with database.read() as session:
        before = generation(session)
        claim = session.scalars(select(Claim).order_by(Claim.id)).first()
        assert claim is not None
        claim_id, version = claim.id, claim.row_version
    service = ReviewService(database, "reviewer")
    service.set_rationale(claim_id, version, "checked against the council's minutes")
    with database.read() as session:
        assert generation(session) == before
        version = session.get_one(Claim, claim_id).row_version
    service.set_verdict(claim_id, version, "true")
    with database.read() as session:
        assert generation(session) == before
        version = session.get_one(Claim, claim_id).row_version
    service.set_propaganda_override(claim_id, version, True, "a state outlet's relay")
    with database.read() as session:
        assert generation(session) > before
        after_flag = generation(session)
    save_prepared(database, prepared(SECOND, "second.txt"), "tester")
    with database.read() as session:
        assert generation(session) > after_flag


def test_a_new_speaker_owned_by_a_stored_source_is_judged_ahead(
    target: Target, twin: Target, reports: list[MatchReport]
) -> None:
    """A source the document creates, with an owner the registry holds, is planned with that
    owner, so the document is stored as judged (and judged as its transaction would)."""
    owner = prepared(
        "Zorblax Motors said its Varnholm plant built 4,000 cars in May.",
        "owner.txt",
    )
    speaker = prepared(
        "Quentin Marlowe, chief executive of Zorblax Motors, said the Varnholm plant built "
        "4,000 cars in May.",
        "speaker.txt",
    )
    database, expected = target.database, twin.database
    for document in (owner, speaker):
        store(database, document, ahead_of(database, document))
        store(expected, document, None)
    with database.read() as session:
        parents = session.execute(
            select(Source.name, Source.parent_id).where(Source.name == "Quentin Marlowe")
        ).all()
    assert [(name, parent is not None) for name, parent in parents] == [("Quentin Marlowe", True)]
    assert [report.precomputed for report in reports] == [True, False, True, False]
    assert relations(database) == relations(expected)


def resolved_claims(database: Database) -> dict[str, Any]:
    """Each claim's chain (mention, source name, method, score) and derived values, by text."""
    with database.read() as session:
        claims = session.scalars(select(Claim).order_by(Claim.id)).all()
        names = dict(session.execute(select(Source.id, Source.name)).all())
        return {
            claim.text: (
                [
                    (
                        link.mention,
                        names.get(link.source_id),
                        link.resolution,
                        link.resolution_score,
                    )
                    for link in sorted(claim.attributions, key=lambda link: link.position)
                ],
                claim.propaganda_sourced,
                claim.propaganda_path,
                claim.credibility_proposed,
                claim.credibility_reasons,
            )
            for claim in claims
        }


@pytest.fixture
def resolutions(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many links each resolution inside a write transaction resolved (the real one)."""
    calls: list[int] = []
    real = resolve_attributions

    def counted(session: Any, links: Any, actor: str, **options: Any) -> None:
        calls.append(len(links))
        real(session, links, actor, **options)

    monkeypatch.setattr(claims_module, "resolve_attributions", counted)
    return calls


OWNER = "Zorblax Motors said its Varnholm plant built 4,000 cars in May."
SPEAKER = "Quentin Marlowe, chief executive of Zorblax Motors, said 4,000 cars were recalled."
RECALL = "Zorblax Motors said 4,000 cars were recalled in Varnholm on Monday."


def test_a_current_snapshot_stores_the_chains_it_resolved(
    target: Target, twin: Target, resolutions: list[int]
) -> None:
    """Chains resolved and claims proposed on a current snapshot are written as they are
    (new sources included), not resolved again, and equal what the transaction finds: a
    new speaker borrows the grade of the stored company it speaks for."""
    database, expected = target.database, twin.database
    owner, speaker = prepared(OWNER, "owner.txt"), prepared(SPEAKER, "speaker.txt")
    edit = SourceEdit(grade="B", why="audited figures")
    for current in (database, expected):
        store(current, owner, None)
        edit_zorblax(current, edit)
    resolutions.clear()
    store(database, speaker, ahead_of(database, speaker))
    assert resolutions == []
    store(expected, speaker, None)
    assert resolutions and all(resolutions)
    found = resolved_claims(database)
    assert found == resolved_claims(expected)
    chain, _, _, _, reasons = found[SPEAKER]
    assert [name for _, name, _, _ in chain] == ["Quentin Marlowe"]
    assert any("Zorblax Motors's grade B" in reason for reason in reasons), reasons


def test_a_registry_edit_after_the_snapshot_resolves_the_chains_again(
    target: Target, twin: Target, resolutions: list[int], reports: list[MatchReport]
) -> None:
    """A grade given after the snapshot (matching does not read it: the snapshot's judging
    stays current) is what the stored proposal uses, as if the document arrived after it."""
    database, expected = target.database, twin.database
    owner, recall = prepared(OWNER, "owner.txt"), prepared(RECALL, "recall.txt")
    edit = SourceEdit(grade="A", why="audited figures")
    store(database, owner, None)
    ahead = ahead_of(database, recall)
    assert ahead is not None
    edit_zorblax(database, edit)
    resolutions.clear()
    store(database, recall, ahead)
    assert resolutions and all(resolutions)
    assert reports[-1].precomputed
    store(expected, owner, None)
    edit_zorblax(expected, edit)
    store(expected, recall, None)
    found = resolved_claims(database)
    assert found == resolved_claims(expected)
    chain, _, _, _, reasons = found[RECALL]
    assert [name for _, name, _, _ in chain] == ["Zorblax Motors"]
    assert any("grade A" in reason for reason in reasons), reasons


def edit_zorblax(database: Database, edit: SourceEdit) -> None:
    def edited(session: Any) -> None:
        source_id = session.scalar(select(Source.id).where(Source.name == "Zorblax Motors"))
        edit_source(session, "editor", source_id, edit)

    database.run_analysis(edited)
