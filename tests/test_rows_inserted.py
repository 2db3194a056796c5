"""Claims and chain links written by one Core insert a table: the rows a flush would write
(SQLite and PostgreSQL)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event, func, inspect, select
from sqlalchemy.orm import Session

from claims.store.rows.inserted import insert_claims
from claims.text.normalize import fold
from db.models import Attribution, Claim
from tests.conftest import Target
from tests.factories import make_document, make_source

TEXT = "The canal toll rises to 12 crowns in May, the Lock Company said. Boaters objected."
SENTENCES = [
    "The canal toll rises to 12 crowns in May, the Lock Company said.",
    "Boaters objected.",
]


def _claims(document_id: int, source_id: int) -> list[Claim]:
    """New claims as ingest builds them: some columns set, some None, some left to defaults."""
    built = []
    for number, sentence in enumerate(SENTENCES):
        start = TEXT.index(sentence)
        values: dict[str, Any] = {
            "document_id": document_id,
            "start": start,
            "end": start + len(sentence),
            "text": sentence,
            "norm_text": fold(sentence),
            "paragraph": number,
            "features": {"entities": [], "negated": False, "amount": 12.5},
            "selector": {"quote": {"exact": sentence}},
            "credibility_proposed": 4 if number == 0 else None,
            "propaganda_path": [{"role": "publisher", "source_id": source_id}],
        }
        if number == 1:
            values["kind"] = None  # the column's default, as a flush gives it
            values["credibility_reasons"] = None  # JSON: stored as a JSON null
        claim = Claim(**values)
        claim.attributions = [
            Attribution(position=0, role="speaker", mention="Lock Company", source_id=source_id),
            Attribution(position=1, role="publisher", mention="Canal News", cue=None, stance=None),
        ]
        built.append(claim)
    return built


def _rows(session: Session, claims: list[Claim]) -> list[tuple[dict[str, Any], list[Any]]]:
    """Every column of the claims and their links but ids and times, as stored."""
    found = []
    for claim in claims:
        row = session.execute(select(Claim.__table__).where(Claim.id == claim.id)).one()._asdict()
        links = session.execute(
            select(Attribution.__table__)
            .where(Attribution.claim_id == claim.id)
            .order_by(Attribution.position)
        ).all()
        row = {k: v for k, v in row.items() if k not in ("id", "document_id", "created_at")}
        found.append((row, [{**link._asdict(), "id": 0, "claim_id": 0} for link in links]))
    return found


def test_inserted_claims_are_the_rows_a_flush_writes(target: Target) -> None:
    with target.database.write() as session:
        source = make_source(session, "Lock Company", "B")
        flushed = _claims(make_document(session, TEXT).id, source.id)
        session.add_all(flushed)
        session.flush()
        inserted = _claims(make_document(session, TEXT + "\n").id, source.id)
        insert_claims(session, inserted)
        assert _rows(session, inserted) == _rows(session, flushed)
        assert [c.id for c in inserted] == sorted(c.id for c in inserted)
        assert min(c.id for c in inserted) > max(c.id for c in flushed)
        for claim in inserted:
            assert inspect(claim).persistent and not session.dirty
            assert all(inspect(link).persistent for link in claim.attributions)
            assert claim.kind == "factual" and claim.row_version == 1
        inserted[0].verdict = "false"  # later changes are written as updates
        session.flush()
        assert session.scalar(select(Claim.verdict).where(Claim.id == inserted[0].id)) == "false"
        assert session.scalar(select(func.count()).select_from(Claim)) == 4
        assert session.scalar(select(func.count()).select_from(Attribution)) == 8


def test_a_failed_document_leaves_none_of_its_claims(target: Target) -> None:
    with target.database.write() as session:
        source = make_source(session, "Lock Company", "B")
        document = make_document(session, TEXT)
        ids = (document.id, source.id)
    with pytest.raises(RuntimeError), target.database.write() as session:
        insert_claims(session, _claims(*ids))
        raise RuntimeError("analysis failed")
    with target.database.read() as session:
        assert session.scalar(select(func.count()).select_from(Claim)) == 0
        assert session.scalar(select(func.count()).select_from(Attribution)) == 0


def test_inserted_claims_read_every_column_without_a_query(target: Target) -> None:
    """Columns left NULL (an override no one set) are known as written, not read back: a
    SELECT a claim cost more than the insert."""
    with target.database.write() as session:
        source = make_source(session, "Lock Company", "B")
        inserted = _claims(make_document(session, TEXT).id, source.id)
        insert_claims(session, inserted)
        statements: list[str] = []
        listen = session.connection()
        event.listen(listen, "before_cursor_execute", lambda *args: statements.append(args[2]))
        columns = [prop.key for prop in inspect(Claim).column_attrs]
        links = [prop.key for prop in inspect(Attribution).column_attrs]
        read = [
            [getattr(claim, name) for name in columns]
            + [getattr(link, name) for link in claim.attributions for name in links]
            for claim in inserted
        ]
        assert statements == []
        assert all(claim.propaganda_override is None for claim in inserted)
        assert read[0][columns.index("credibility_proposed")] == 4


def test_sqlite_gives_inserted_claims_the_ids_a_flush_would(sqlite_target: Target) -> None:
    """SQLite hands out the largest id plus one (ids freed at the top are used again); the
    inserted claims get exactly those."""
    database = sqlite_target.database
    with database.write() as session:
        source = make_source(session, "Lock Company", "B")
        session.add_all(_claims(make_document(session, TEXT).id, source.id))
        session.flush()
        top = session.scalars(select(Claim).order_by(Claim.id.desc())).first()
        assert top is not None
        session.delete(top)
        ids = (make_document(session, TEXT + "\n").id, source.id)
    session = database.sessionmaker()()
    try:
        flushed = _claims(*ids)
        session.add_all(flushed)
        session.flush()
        expected = [[c.id, *[link.id for link in c.attributions]] for c in flushed]
        session.rollback()
        inserted = _claims(*ids)
        insert_claims(session, inserted)
        assert [[c.id, *[link.id for link in c.attributions]] for c in inserted] == expected
        session.rollback()
    finally:
        session.close()
