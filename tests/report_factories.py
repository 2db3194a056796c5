"""Rows for export, report and import tests, inserted with the ORM (not through the importer).

`populate` builds a small but complete story: sources with parents, aliases, flags and grade
history; a document with two versions; a cluster; claims with speaker / intermediary /
publisher chains; corroborations (independent and dependent), conflicts and duplicates;
reviews with an undone one; claim keys; snapshots; organisation settings. Every text column
goes through `dress`, so hostile tests can put a payload into every field at once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from claims.reports.schema import Export, ExportSelection
from claims.store.exports import select_export
from db.models import (
    Attribution,
    Claim,
    ClaimKey,
    Cluster,
    Document,
    DocumentSnapshot,
    Relation,
    Review,
    Setting,
    Source,
    SourceAlias,
    SourceFlag,
    SourceRating,
)

Dress = Callable[[str], str]
T0 = datetime(2025, 3, 1, 9, 30, 15, 123456, tzinfo=UTC)


def plain(value: str) -> str:
    return value


@dataclass
class Story:
    """Ids of what `populate` inserted."""

    sources: dict[str, int] = field(default_factory=dict)
    documents: dict[str, int] = field(default_factory=dict)
    claims: dict[str, int] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    dress: Dress = plain


def _hash(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def populate(
    session: Session,
    dress: Dress = plain,
    *,
    verdicts: tuple[str, str] = ("false", "true"),
    organisation: bool = True,
) -> Story:
    """Insert the story; `verdicts` are (a negative, a positive) verdict name of the scale."""
    story = Story(dress=dress)
    _sources(session, dress, story)
    _documents_and_claims(session, dress, story)
    _relations(session, dress, story)
    _reviews(session, dress, story, verdicts)
    if organisation:
        session.add(Setting(key="organisation.name", value=dress("Fact Desk")))
        session.add(Setting(key="organisation.url", value="https://factdesk.example/"))
    session.flush()
    return story


def _source(session: Session, story: Story, key: str, **values: object) -> Source:
    dress = story.dress
    source = Source(**(values | {"kind": dress(str(values["kind"]))}))
    session.add(source)
    session.flush()
    story.sources[key] = source.id
    return source


def _sources(session: Session, dress: Dress, story: Story) -> None:
    ministry = _source(
        session,
        story,
        "ministry",
        name=dress("Ministry of Foreign Affairs of Iraq"),
        kind="government body",
        country=dress("Iraq"),
        reliability="B",
        description=dress("The foreign ministry in Baghdad."),
        reliability_rationale=dress("Official statements, usually accurate on facts."),
        reliability_evidence=[dress("https://example.org/about-mofa")],
        reliability_set_by=dress("alice"),
        reliability_set_at=T0,
        created_at=T0,
        created_by=dress("alice"),
    )
    minister = _source(
        session,
        story,
        "minister",
        name=dress("Fuad Hussein"),
        kind="official person",
        parent_id=ministry.id,
        reliability="B",
        created_at=T0,
    )
    minister.aliases.append(
        SourceAlias(alias=dress("F. Hussein"), key=dress("f hussein"), language="en")
    )
    ria = _source(
        session,
        story,
        "ria",
        name=dress("RIA Novosti"),
        kind="state-affiliated media",
        country=dress("Russia"),
        reliability="E",
        created_at=T0,
        reliability_rationale=dress("State outlet repeating government narratives."),
    )
    ria.aliases.append(
        SourceAlias(alias=dress("РИА Новости"), key=dress("риа новости"), language="ru")
    )
    ria.flags.append(
        SourceFlag(
            flag="propaganda",
            rationale=dress("EU sanctions listing"),
            evidence=[dress("https://example.org/eu-listing")],
            set_by=dress("bob"),
            set_at=T0,
        )
    )
    ria.flags.append(SourceFlag(flag="state-affiliated", set_by=dress("bob"), set_at=T0))
    ria.ratings.append(
        SourceRating(grade="D", rationale=dress("first grade"), set_by=dress("bob"), set_at=T0)
    )
    ria.ratings.append(
        SourceRating(
            grade="E",
            edition=dress("Arabic edition"),
            rationale=dress("regraded"),
            evidence=[dress("https://example.org/study"), {"note": dress("panel")}],
            disputed=True,
            set_by=dress("carol"),
            set_at=T0 + timedelta(days=2),
        )
    )
    rybar = _source(
        session,
        story,
        "rybar",
        name=dress("Rybar"),
        kind="propaganda outlet",
        reliability="E",
        created_at=T0,
    )
    rybar.aliases.append(SourceAlias(alias=dress("Рыбарь"), key=dress("рыбарь")))
    rybar.flags.append(SourceFlag(flag="propaganda", set_at=T0))
    _source(
        session,
        story,
        "reuters",
        name=dress("Reuters"),
        kind="news agency",
        reliability="A",
        created_at=T0,
    )
    _source(
        session,
        story,
        "monitor",
        name=dress("Al-Monitor"),
        kind="independent media",
        reliability="B",
        created_at=T0,
    )
    _source(
        session,
        story,
        "anonymous",
        name=dress("official sources in Baghdad"),
        kind="anonymous source",
        reliability="F",
        needs_review=True,
        created_at=T0,
    )


CLAIM_TEXTS = {
    "wheat_ria": "Russia will deliver 2 million tonnes of wheat to Iraq in 2025.",
    "wheat_reuters": "Russia will ship two million tonnes of wheat to Iraq this year.",
    "no_contract": "Iraq has signed no grain contract with Moscow this year.",
    "old_version": "Talks on wheat deliveries were postponed.",
    "rybar": "Rybar channels claim Iraqi officials asked for Russian troops.",
}


def _document(
    session: Session, dress: Dress, story: Story, key: str, parts: list[str], **values: object
) -> tuple[Document, dict[str, tuple[int, int]]]:
    """A document whose text is the given claim texts separated by filler sentences."""
    text, spans = "", {}
    for part in parts:
        filler = dress("Filler sentence before the claim.") + "\n\n"
        text += filler
        claim_text = story.texts[part]
        spans[part] = (len(text), len(text) + len(claim_text))
        text += claim_text + " "
    text += dress("Closing words.")
    raw = text.encode("utf-8")
    document = Document(
        text=text,
        text_sha256=_hash(text),
        norm_sha256=_hash(f"norm:{text}"),
        raw_sha256=hashlib.sha256(raw).hexdigest(),
        content_type="text/plain",
        **values,
    )
    document.snapshots.append(
        DocumentSnapshot(
            origin=str(values.get("origin", "-")),
            raw_sha256=document.raw_sha256,
            raw=raw,
            size=len(raw),
            media_type="text/plain",
            seen_at=T0,
        )
    )
    session.add(document)
    session.flush()
    story.documents[key] = document.id
    return document, spans


def _claim(
    session: Session,
    dress: Dress,
    story: Story,
    key: str,
    document: Document,
    span: tuple[int, int],
    links: list[tuple[str, str, str]],
    **values: object,
) -> Claim:
    start, end = span
    claim = Claim(
        document_id=document.id,
        start=start,
        end=end,
        text=document.text[start:end],
        norm_text=document.text[start:end].casefold(),
        paragraph=len(story.claims),
        sentence=1,
        selector={"type": "TextQuoteSelector", "exact": document.text[start:end]},
        features={"entities": [dress("Iraq")], "quantities": [{"value": 2000000, "unit": "t"}]},
        checkworthiness=0.875,
        checkworthiness_reasons=[dress("quantity"), dress("named entity")],
        credibility_proposed=3,
        credibility_reasons=[dress("single source")],
        created_at=T0,
        **values,
    )
    for position, (role, source_key, cue) in enumerate(links):
        source_id = story.sources.get(source_key)
        claim.attributions.append(
            Attribution(
                position=position,
                role=role,
                source_id=source_id,
                mention=dress(source_key.title()),
                mention_start=0,
                mention_end=5,
                speaker_role=dress("Iraq's foreign minister") if role == "speaker" else None,
                cue=dress(cue),
                cue_start=6,
                cue_end=6 + len(cue),
                stance="distancing" if cue == "claimed" else "neutral",
                inherited=position == 2,
                resolution="exact" if source_id else None,
                resolution_score=0.95 if source_id else None,
            )
        )
    session.add(claim)
    session.flush()
    session.add_all(ClaimKey(claim_id=claim.id, key=k) for k in ("iraq", "wheat", f"n:{key}"))
    story.claims[key] = claim.id
    return claim


def _documents_and_claims(session: Session, dress: Dress, story: Story) -> None:
    story.texts = {key: dress(text) for key, text in CLAIM_TEXTS.items()}
    cluster = Cluster(label=dress("Russian wheat for Iraq"), size=2, created_at=T0)
    session.add(cluster)
    session.flush()
    ria_doc, ria_spans = _document(
        session,
        dress,
        story,
        "ria",
        ["wheat_ria"],
        origin=dress("https://ria.example/news/1"),
        locator="https://ria.example/news/1",
        title=dress("Russia to ship wheat to Iraq"),
        outlet=dress("RIA Novosti"),
        author=dress("Staff"),
        published="2025-02-27",
        url="https://ria.example/news/1",
        language="en",
        metadata_provenance={"title": "html"},
        encoding="utf-8",
        encoding_confidence=1.0,
        flags=[dress("contains_bidi_controls")],
        debris=[[0, 5, "share"]],
        notes=[dress("1 share bar removed")],
        ingested_at=T0,
        ingested_by=dress("alice"),
    )
    old, old_spans = _document(
        session,
        dress,
        story,
        "reuters_v1",
        ["old_version"],
        origin=dress("reuters.txt"),
        locator="/data/reuters.txt",
        title=dress("Wheat talks"),
        outlet=dress("Reuters"),
        published="2025-03",
        ingested_at=T0,
    )
    reuters, reuters_spans = _document(
        session,
        dress,
        story,
        "reuters",
        ["wheat_reuters"],
        origin=dress("reuters.txt"),
        locator="/data/reuters.txt",
        version_no=2,
        previous_id=old.id,
        title=dress("Russia says wheat shipments to Iraq on track"),
        outlet=dress("Reuters"),
        published="2025-03-02",
        url=dress("https://www.reuters.example/world/wheat"),
        original_publisher=dress("Reuters"),
        machine_translation=dress("Machine translated"),
        ingested_at=T0 + timedelta(days=1),
        extracted_at=T0 + timedelta(days=1),
        extractor="rules-1",
    )
    monitor, monitor_spans = _document(
        session,
        dress,
        story,
        "monitor",
        ["no_contract", "rybar"],
        origin=dress("monitor.html"),
        title=dress("No grain deal yet, Baghdad officials say"),
        outlet=dress("Al-Monitor"),
        published="2025-03-03",
        url="javascript:alert(1)",
        ingested_at=T0,
    )
    wheat_ria = _claim(
        session,
        dress,
        story,
        "wheat_ria",
        ria_doc,
        ria_spans["wheat_ria"],
        [("speaker", "minister", "said"), ("publisher", "ria", "")],
        propaganda_sourced=True,
        propaganda_path=[{"source": dress("RIA Novosti"), "flag": "propaganda"}],
        cluster_id=cluster.id,
        kind="statistic",
    )
    cluster.first_claim_id = wheat_ria.id
    _claim(
        session,
        dress,
        story,
        "wheat_reuters",
        reuters,
        reuters_spans["wheat_reuters"],
        [
            ("speaker", "minister", "told"),
            ("intermediary", "ria", "citing"),
            ("publisher", "reuters", ""),
        ],
        propaganda_sourced=True,
        propaganda_path=[dress("RIA Novosti (propaganda)")],
        cluster_id=cluster.id,
        kind="statistic",
    )
    _claim(
        session,
        dress,
        story,
        "old_version",
        old,
        old_spans["old_version"],
        [("publisher", "reuters", "")],
        anchor_status="orphaned",
    )
    _claim(
        session,
        dress,
        story,
        "no_contract",
        monitor,
        monitor_spans["no_contract"],
        [("speaker", "anonymous", "claimed"), ("publisher", "monitor", "")],
    )
    _claim(
        session,
        dress,
        story,
        "rybar",
        monitor,
        monitor_spans["rybar"],
        [("speaker", "rybar", "claim"), ("publisher", "monitor", "")],
        propaganda_sourced=True,
        propaganda_override=False,
        propaganda_override_reason=dress("Reported critically, not relayed."),
        kind="quotation",
    )


def _relations(session: Session, dress: Dress, story: Story) -> None:
    c = story.claims

    def link(a: str, b: str, kind: str, **values: object) -> None:
        low, high = sorted((c[a], c[b]))
        session.add(Relation(claim_id=low, other_claim_id=high, kind=kind, created_at=T0, **values))

    link(
        "wheat_ria",
        "wheat_reuters",
        "corroborates",
        score=0.91,
        reasons=[dress("same quantity and year")],
        independent=False,
        dependency=[dress("RIA Novosti")],
        status="confirmed",
        reviewed_by=dress("alice"),
        reviewed_at=T0,
    )
    link(
        "wheat_reuters",
        "no_contract",
        "conflicts",
        score=0.7,
        reasons=[dress("deal vs no contract")],
    )
    link(
        "wheat_ria",
        "no_contract",
        "conflicts",
        score=0.6,
        reasons=[dress("deal vs no deal")],
        status="rejected",
    )
    link(
        "no_contract",
        "rybar",
        "corroborates",
        score=0.4,
        reasons=[dress("same officials")],
        independent=True,
    )
    link("wheat_ria", "old_version", "related", score=0.3, reasons=[])
    session.flush()


def _reviews(session: Session, dress: Dress, story: Story, verdicts: tuple[str, str]) -> None:
    negative, positive = verdicts
    reuters = session.get(Claim, story.claims["wheat_reuters"])
    assert reuters is not None
    reuters.verdict, reuters.credibility = negative, 5
    reuters.rationale = dress("Iraq's ministry denied any contract.")
    reuters.reviewed_by, reuters.reviewed_at = dress("alice"), T0 + timedelta(days=3)
    contract = session.get(Claim, story.claims["no_contract"])
    assert contract is not None
    contract.verdict, contract.credibility = positive, 2
    contract.rationale = dress("Customs data show no grain imports from Russia.")
    contract.reviewed_by, contract.reviewed_at = dress("bob"), T0 + timedelta(days=4)
    session.add_all(
        [
            Review(
                claim_id=reuters.id,
                reviewer=dress("alice"),
                created_at=T0 + timedelta(days=2),
                action=dress("verdict"),
                verdict=positive,
                rationale=dress("first look"),
                credibility=3,
                undone=True,
            ),
            Review(
                claim_id=reuters.id,
                reviewer=dress("alice"),
                created_at=T0 + timedelta(days=3),
                action=dress("verdict"),
                verdict=negative,
                rationale=reuters.rationale,
                credibility=5,
                evidence=[
                    dress("https://example.org/mofa-denial"),
                    "javascript:alert(2)",
                    {"url": "https://example.org/customs", "note": dress("customs")},
                ],
            ),
            Review(
                claim_id=contract.id,
                reviewer=dress("bob"),
                created_at=T0 + timedelta(days=4),
                action=dress("verdict"),
                verdict=positive,
                rationale=contract.rationale,
                credibility=2,
                evidence=[dress("customs data 2025")],
            ),
        ]
    )


def hostile_file(name: str) -> str:
    """A hostile input from tests/fixtures/hostile as text."""
    from tests.conftest import HOSTILE

    return (HOSTILE / name).read_text(encoding="utf-8")


def export_story(
    folder: Path, dress: Dress = plain, selection: ExportSelection | None = None, **options: Any
) -> tuple[Export, Story]:
    """Populate a fresh SQLite database in `folder` and export it (or a selection of it)."""
    from tests.conftest import migrated_sqlite

    database = migrated_sqlite(folder / "story.db")
    try:
        with database.write() as session:
            story = populate(session, dress, **options)
        with database.read() as session:
            return select_export(session, selection), story
    finally:
        database.dispose()
