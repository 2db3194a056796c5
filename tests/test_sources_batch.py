"""A document's new sources are written in one batch, exactly as one by one would make them."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from claims.store.sources import (
    NewSources,
    Resolver,
    resolution,
    resolve_attributions,
    shared_index,
)
from db.models import Attribution, AuditEntry, Claim, Source, SourceAlias
from tests.conftest import Target
from tests.factories import make_claim, make_document, make_source

LONG = "Committee for " + "X" * 480
"""Two mentions starting with this get the same name once cut to the name's length."""

SPEAKERS = [
    "Ivan Petrov (2)",
    "Ivan Petrov",
    "Safaa al-Assam",
    "IVAN PETROV",
    "Rеuters",  # a Cyrillic "е": a look-alike, created with its homoglyph flag
    "Official sources",
    f"{LONG} Alpha",
    f"{LONG} Beta",
    "security sources",
    "Safaa al-Assam",
    "Safaa al-Asam",  # a misspelling of a source created just before
    "Anna Petrova",  # another source's alias as well as a person's name
]


def registry(session: Session) -> None:
    """Two sources a plain "Ivan Petrov" or "Anna Petrova" cannot choose between, Reuters."""
    make_source(session, "Ivan Petrov", kind="person")
    make_source(session, "IVAN PETROV", kind="person")
    make_source(session, "Anna Petrova", kind="person")
    make_source(session, "Petrova Foundation", kind="think_tank", aliases=["Anna Petrova"])
    make_source(session, "Reuters", kind="news_agency")


def article(session: Session) -> list[Claim]:
    sentences = [f"Claim number {n} is about the harbour." for n in range(len(SPEAKERS))]
    document = make_document(session, " ".join(sentences))
    return [
        make_claim(session, document, sentence, chain=[("speaker", speaker, None)])
        for sentence, speaker in zip(sentences, SPEAKERS, strict=True)
    ]


def links_of(claims: list[Claim]) -> list[Attribution]:
    return [link for claim in claims for link in claim.attributions]


def snapshot(session: Session, claims: list[Claim]) -> dict[str, Any]:
    """The new sources (in creation order) with their rows, audit entries and links by name."""
    session.flush()
    created = session.scalars(
        select(Source).where(Source.created_by == "tester").order_by(Source.id)
    ).all()
    names = {source.id: source.name for source in session.scalars(select(Source))}
    audit = session.scalars(
        select(AuditEntry).where(AuditEntry.action == "source.create").order_by(AuditEntry.id)
    ).all()
    return {
        "sources": [
            (
                s.name,
                s.kind,
                s.country,
                s.parent_id,
                s.description,
                s.needs_review,
                s.reliability,
                s.reliability_rationale,
                s.row_version,
                [(a.alias, a.key) for a in s.aliases],
                [(f.flag, f.rationale, f.evidence, f.set_by) for f in s.flags],
                [(r.grade, r.rationale, r.evidence, r.set_by, r.disputed) for r in s.ratings],
            )
            for s in created
        ],
        "audit": [(e.actor, names[e.entity_id or 0], e.after) for e in audit],
        "links": [
            (link.mention, names.get(link.source_id or 0), link.resolution, link.resolution_score)
            for link in links_of(claims)
        ],
    }


def one_at_a_time_is_not_expected(*args: object, **kwargs: object) -> Source:
    raise AssertionError("the batch fell back to creating sources one at a time")


def one_by_one(session: Session, claims: list[Claim]) -> dict[str, Any]:
    """What resolving the links one at a time makes, undone afterwards."""
    savepoint = session.begin_nested()
    resolver = Resolver(session, "tester", shared_index(session))
    for link in links_of(claims):
        resolver.apply(link)
    found = snapshot(session, claims)
    savepoint.rollback()
    return found


def test_a_batch_creates_what_one_by_one_creates(
    target: Target, monkeypatch: pytest.MonkeyPatch
) -> None:
    with target.database.write() as session:
        registry(session)
        claims = article(session)
        expected = one_by_one(session, claims)
        assert all(link.source_id is None for link in links_of(claims))
        monkeypatch.setattr(resolution, "create_source", one_at_a_time_is_not_expected)
        resolve_attributions(session, links_of(claims), "tester")
        assert snapshot(session, claims) == expected
    names = [source[0] for source in expected["sources"]]
    assert names == [
        "Ivan Petrov (2)",
        "Ivan Petrov (3)",
        "Safaa al-Assam",
        "Rеuters (look-alike of Reuters)",
        "Anonymous source",
        LONG[:480],
        f"{LONG[:480]} (2)",
    ]
    by_mention = {mention: name for mention, name, _, _ in expected["links"]}
    assert by_mention["IVAN PETROV"] == by_mention["Ivan Petrov"] == "Ivan Petrov (3)"
    assert by_mention["security sources"] == "Anonymous source"
    assert by_mention["Safaa al-Asam"] == by_mention["Safaa al-Assam"] == "Safaa al-Assam"
    assert by_mention["Anna Petrova"] == "Petrova Foundation"
    assert expected["sources"][3][10][0][0] == "homoglyph"
    assert [after["name"] for _, _, after in expected["audit"]] == names


def test_a_source_a_concurrent_writer_created_meanwhile_is_reused(
    target: Target, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A row with a planned alias key appears between resolution and writing: the batch is
    undone and the links are resolved one by one, which finds that row."""
    write = NewSources.write
    rivals = [Source(name="Safaa Al Assam", kind="person", created_by="rival")]
    rivals[0].aliases = [SourceAlias(alias="Safaa al-Assam", key="safaa al assam")]

    def concurrent_then_write(self: NewSources) -> dict[int, int]:
        if rivals:  # the rival writes once, before the batch
            self.session.add(rivals.pop())
            self.session.flush()
        return write(self)

    with target.database.write() as session:
        registry(session)
        claims = article(session)
        monkeypatch.setattr(NewSources, "write", concurrent_then_write)
        resolve_attributions(session, links_of(claims), "tester")
        found = snapshot(session, claims)
        rival_id = session.scalars(select(Source.id).where(Source.created_by == "rival")).one()
    by_mention = {mention: name for mention, name, _, _ in found["links"]}
    assert by_mention["Safaa al-Assam"] == "Safaa Al Assam"
    assert [link.source_id for link in links_of(claims) if link.mention == "Safaa al-Assam"] == [
        rival_id,
        rival_id,
    ]
    names = [source[0] for source in found["sources"]]
    assert "Safaa al-Assam" not in names and "Ivan Petrov (3)" in names
    assert [after["name"] for _, _, after in found["audit"]] == names


@pytest.mark.postgres
def test_a_source_another_connection_committed_meanwhile_is_reused(
    pg_target: Target, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same on PostgreSQL with a real second writer, committed while ingest (READ
    COMMITTED, as `run_analysis` runs it) has resolved its links but not written yet."""
    database = pg_target.database
    with database.write() as session:
        registry(session)
        claim_ids = [claim.id for claim in article(session)]
    write = NewSources.write
    rival_pending = [True]

    def concurrent_then_write(self: NewSources) -> dict[int, int]:
        if rival_pending:  # the rival commits once, before the batch
            rival_pending.clear()
            with database.write() as other:
                rival = Source(name="Safaa Al Assam", kind="person", created_by="rival")
                rival.aliases = [SourceAlias(alias="Safaa al-Assam", key="safaa al assam")]
                other.add(rival)
        return write(self)

    monkeypatch.setattr(NewSources, "write", concurrent_then_write)

    def ingest(session: Session) -> dict[str, Any]:
        claims = list(
            session.scalars(select(Claim).where(Claim.id.in_(claim_ids)).order_by(Claim.id))
        )
        resolve_attributions(session, links_of(claims), "tester")
        return snapshot(session, claims)

    found = database.run_analysis(ingest)
    by_mention = {mention: name for mention, name, _, _ in found["links"]}
    assert by_mention["Safaa al-Assam"] == by_mention["Safaa al-Asam"] == "Safaa Al Assam"
    names = [source[0] for source in found["sources"]]
    assert "Safaa al-Assam" not in names and "Ivan Petrov (3)" in names
    with database.read() as session:
        assert session.scalar(select(func.count()).where(Source.name == "Safaa Al Assam")) == 1
