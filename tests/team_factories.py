"""Rows for the storage tests: documents with claims and every other table, and ways to compare
whole databases. Claims are inserted directly until ingestion extracts them."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from db.base import Base
from db.engine import Database
from db.models import (
    Attribution,
    AuditEntry,
    Claim,
    ClaimKey,
    Cluster,
    Document,
    DocumentSnapshot,
    Relation,
    Review,
    ReviewDraft,
    Setting,
    Source,
    SourceAlias,
    SourceFlag,
    SourceRating,
)

SENTENCE = "The minister said on Monday that 40 tanks had crossed the border at dawn. "


def sha(value: str | bytes) -> str:
    data = value.encode() if isinstance(value, str) else value
    return hashlib.sha256(data).hexdigest()


def add_document(session: Session, key: str, *, sentences: int = 3, **fields: Any) -> Document:
    """A document whose text holds `sentences` claim-sized sentences, with its raw snapshot."""
    body = f"[{key}] " + SENTENCE * sentences
    raw = body.encode()
    values: dict[str, Any] = {
        "origin": f"{key}.txt",
        "locator": f"/articles/{key}.txt",
        "content_type": "text/plain",
        "text": body,
        "text_sha256": sha(body),
        "norm_sha256": sha(f"norm:{key}:{body}"),
        "raw_sha256": sha(raw),
        "title": f"Article {key}",
    }
    document = Document(**{**values, **fields})
    session.add(document)
    session.flush()
    session.add(
        DocumentSnapshot(
            document_id=document.id,
            origin=document.origin,
            raw_sha256=document.raw_sha256,
            raw=raw,
            size=len(raw),
        )
    )
    return document


def claim_spans(document: Document) -> list[tuple[int, int]]:
    """Where each copy of SENTENCE (without its trailing space) is in the document's text."""
    spans = []
    start = document.text.find(SENTENCE)
    while start != -1:
        spans.append((start, start + len(SENTENCE) - 1))
        start = document.text.find(SENTENCE, start + len(SENTENCE))
    return spans


def add_claims(
    session: Session, document: Document, source: Source | None = None, *, flush_each: bool = False
) -> list[Claim]:
    """One claim per sentence of `document`, each with a two-link attribution chain."""
    claims = []
    for number, (start, end) in enumerate(claim_spans(document)):
        claim = Claim(
            document_id=document.id,
            start=start,
            end=end,
            text=document.text[start:end],
            norm_text=document.text[start:end].lower(),
            sentence=number,
            features={"numbers": ["40"]},
        )
        claim.attributions = [
            Attribution(position=0, role="speaker", mention="the minister", source=source),
            Attribution(position=1, role="publisher", mention=document.title or "?"),
        ]
        session.add(claim)
        claims.append(claim)
        if flush_each:
            session.flush()
    session.flush()
    return claims


def seed_everything(session: Session) -> dict[str, int]:
    """At least one row in every table, with references between them; returns a few ids."""
    parent = Source(name="Ministry of Defence", kind="government", reliability="C")
    session.add(parent)
    session.flush()
    source = Source(name="Defence minister", kind="person", parent_id=parent.id, reliability="B")
    session.add(source)
    session.flush()
    session.add(SourceAlias(source_id=source.id, alias="Minister", key="minister"))
    session.add(SourceFlag(source_id=parent.id, flag="state_affiliated", evidence=["doc 1"]))
    session.add(SourceRating(source_id=source.id, grade="B", rationale="record", disputed=True))
    first = add_document(session, "first", outlet="Izvestia", flags=["nul_replaced"])
    second = add_document(
        session, "second", previous_id=first.id, version_no=2, locator=first.locator
    )
    cluster = Cluster(label="tanks at the border", size=2)
    session.add(cluster)
    session.flush()
    claims = add_claims(session, first, source) + add_claims(session, second)
    claims[0].cluster_id = cluster.id
    claims[0].verdict = "false"
    claims[0].reviewed_at = datetime(2026, 11, 1, 12, 30, tzinfo=UTC)
    session.add(ClaimKey(claim_id=claims[0].id, key="num:40"))
    session.add(
        Relation(
            claim_id=claims[0].id,
            other_claim_id=claims[-1].id,
            kind="duplicate",
            score=0.93,
            reasons=["same numbers"],
        )
    )
    session.add(Review(claim_id=claims[0].id, reviewer="ann", action="verdict", verdict="false"))
    session.add(ReviewDraft(claim_id=claims[1].id, reviewer="bob", payload={"rationale": "wip"}))
    entry = AuditEntry(actor="ann", action="claim.verdict", entity="claim", entity_id=claims[0].id)
    session.add(entry)
    session.flush()
    session.add(AuditEntry(actor="ann", action="undo", entity="claim", undoes_id=entry.id))
    session.add(Setting(key="organisation", value={"name": "Checkers", "ids": [1, 2]}))
    session.flush()
    return {"document": first.id, "claim": claims[0].id, "source": source.id}


def table_contents(database: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the database, in primary-key order."""
    contents: dict[str, list[tuple[Any, ...]]] = {}
    with database.read() as session:
        names = set(inspect(session.connection()).get_table_names())
        for table in Base.metadata.sorted_tables:
            if table.name in names:
                query = select(table).order_by(*table.primary_key.columns)
                contents[table.name] = [tuple(row) for row in session.execute(query)]
    return contents


def count_rows(database: Database, *models: type[Base]) -> dict[str, int]:
    with database.read() as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in models
        }
