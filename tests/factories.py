"""ORM factories for tests: documents, sources, claims with chains, relations and reviews.

Rows get fixed timestamps so snapshots and histories are deterministic. `build_sample` makes a
small newsroom world (two articles, a propaganda outlet, every relation kind) for TUI tests.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from claims.text.normalize import fold, norm_key
from db.models import (
    Attribution,
    Claim,
    Document,
    Relation,
    Review,
    Source,
    SourceAlias,
    SourceFlag,
)

FIXED_TIME = datetime(2026, 1, 2, 9, 30, tzinfo=UTC)


def make_document(session: Session, text: str, **fields: Any) -> Document:
    """A stored document with the given text (hashes derived from it)."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    values: dict[str, Any] = {
        "origin": fields.pop("origin", f"test/{digest[:8]}.txt"),
        "content_type": "text/plain",
        "text": text,
        "text_sha256": digest,
        "norm_sha256": digest,
        "raw_sha256": digest,
        "ingested_at": FIXED_TIME,
    }
    document = Document(**{**values, **fields})
    session.add(document)
    session.flush()
    return document


def make_source(
    session: Session,
    name: str,
    grade: str = "C",
    *,
    flags: Sequence[str] = (),
    aliases: Sequence[str] = (),
    **fields: Any,
) -> Source:
    """A registry source with its grade, flags (with a rationale) and aliases."""
    source = Source(name=name, reliability=grade, created_at=FIXED_TIME, **fields)
    session.add(source)
    session.flush()
    for flag in flags:
        session.add(
            SourceFlag(
                source_id=source.id, flag=flag, rationale=f"{flag} (test)", set_at=FIXED_TIME
            )
        )
    for alias in aliases:
        session.add(SourceAlias(source_id=source.id, alias=alias, key=norm_key(alias)))
    session.flush()
    return source


Link = tuple[str, str, Source | None]
"""(role, mention, source) of one chain link."""


def make_claim(
    session: Session,
    document: Document,
    text: str,
    *,
    chain: Sequence[Link] = (),
    cue: str | None = "said",
    **fields: Any,
) -> Claim:
    """A claim on the first occurrence of `text` in the document, with its chain."""
    start = document.text.find(text)
    assert start >= 0, f"{text!r} is not in document {document.id}"
    claim = Claim(
        document_id=document.id,
        start=start,
        end=start + len(text),
        text=text,
        norm_text=fold(text),
        created_at=FIXED_TIME,
        **fields,
    )
    claim.attributions = [
        Attribution(
            position=position,
            role=role,
            mention=mention,
            source_id=source.id if source else None,
            cue=cue if role == "speaker" else None,
        )
        for position, (role, mention, source) in enumerate(chain)
    ]
    session.add(claim)
    session.flush()
    return claim


def make_relation(
    session: Session, first: Claim, second: Claim, kind: str, **fields: Any
) -> Relation:
    """A relation between two claims (stored in id order, as the schema requires)."""
    low, high = sorted((first.id, second.id))
    relation = Relation(
        claim_id=low,
        other_claim_id=high,
        kind=kind,
        score=fields.pop("score", 0.9),
        created_at=FIXED_TIME,
        **fields,
    )
    session.add(relation)
    session.flush()
    return relation


def make_review(session: Session, claim: Claim, reviewer: str, **fields: Any) -> Review:
    review = Review(
        claim_id=claim.id,
        reviewer=reviewer,
        action=fields.pop("action", "verdict"),
        created_at=fields.pop("created_at", FIXED_TIME),
        **fields,
    )
    session.add(review)
    session.flush()
    return review


ARTICLE_ONE = (
    "Moscow and Baghdad sign energy deal\n\n"
    "Share this article\n\n"
    "Russia will build a 500 MW power plant in Basra, the energy minister said on Monday. "
    "The deal is worth 2 billion dollars, according to RIA Novosti.\n\n"
    "Iraqi officials denied that Russian troops are stationed near the border."
)
ARTICLE_TWO = (
    "Iraq confirms Basra power plant\n\n"
    "A Russian company will build a 500 MW power plant in Basra, Reuters reported. "
    "The contract is worth 1.5 billion dollars, an Iraqi ministry spokesman said."
)


@dataclass
class Sample:
    """Ids of the rows `build_sample` made."""

    documents: list[int] = field(default_factory=list)
    sources: dict[str, int] = field(default_factory=dict)
    claims: list[int] = field(default_factory=list)
    relations: dict[str, int] = field(default_factory=dict)


def build_sample(session: Session) -> Sample:
    """Two articles on one story: corroborations (independent and not), a conflict, a
    duplicate, a propaganda-sourced claim and one earlier review."""
    sample = Sample()
    ria = make_source(session, "RIA Novosti", "E", flags=["propaganda"], aliases=["РИА Новости"])
    reuters = make_source(session, "Reuters", "A")
    tass = make_source(session, "TASS", "E", flags=["state-affiliated"])
    minister = make_source(session, "Energy minister", "C", kind="person")
    sample.sources = {
        "ria": ria.id,
        "reuters": reuters.id,
        "tass": tass.id,
        "minister": minister.id,
    }
    one = make_document(
        session,
        ARTICLE_ONE,
        title="Moscow and Baghdad sign energy deal",
        outlet="TASS",
        published="2025-03-03",
        debris=[[38, 57, "share button"]],
    )
    two = make_document(
        session,
        ARTICLE_TWO,
        title="Iraq confirms Basra power plant",
        outlet="Reuters",
        published="2025-03-04",
    )
    sample.documents = [one.id, two.id]
    plant = make_claim(
        session,
        one,
        "Russia will build a 500 MW power plant in Basra, the energy minister said on Monday.",
        chain=[("speaker", "the energy minister", minister), ("publisher", "TASS", tass)],
        kind="prediction",
        checkworthiness=0.82,
        credibility_proposed=3,
    )
    worth = make_claim(
        session,
        one,
        "The deal is worth 2 billion dollars, according to RIA Novosti.",
        chain=[("speaker", "RIA Novosti", ria), ("publisher", "TASS", tass)],
        kind="statistic",
        checkworthiness=0.91,
        credibility_proposed=5,
        propaganda_sourced=True,
        propaganda_path=[{"source": "RIA Novosti", "flag": "propaganda"}],
    )
    troops = make_claim(
        session,
        one,
        "Iraqi officials denied that Russian troops are stationed near the border.",
        chain=[("speaker", "Iraqi officials", None), ("publisher", "TASS", tass)],
        kind="factual",
        checkworthiness=0.7,
    )
    plant2 = make_claim(
        session,
        two,
        "A Russian company will build a 500 MW power plant in Basra, Reuters reported.",
        chain=[("speaker", "Reuters", reuters), ("publisher", "Reuters", reuters)],
        kind="event",
        checkworthiness=0.8,
        credibility_proposed=2,
    )
    worth2 = make_claim(
        session,
        two,
        "The contract is worth 1.5 billion dollars, an Iraqi ministry spokesman said.",
        chain=[("speaker", "an Iraqi ministry spokesman", None), ("publisher", "Reuters", reuters)],
        kind="statistic",
        checkworthiness=0.88,
        verdict="mostly_true",
        rationale="Ministry figures.",
        reviewed_by="alice",
        reviewed_at=FIXED_TIME,
    )
    sample.claims = [plant.id, worth.id, troops.id, plant2.id, worth2.id]
    sample.relations = {
        "independent": make_relation(
            session,
            plant,
            plant2,
            "corroborates",
            independent=True,
            reasons=["same plant, capacity and city"],
        ).id,
        "conflict": make_relation(
            session,
            worth,
            worth2,
            "conflicts",
            reasons=["amount differs: 2 vs 1.5 billion"],
        ).id,
        "dependent": make_relation(
            session,
            worth,
            plant,
            "corroborates",
            independent=False,
            reasons=["same article"],
            dependency=["both published by TASS"],
        ).id,
        "duplicate": make_relation(
            session,
            troops,
            plant2,
            "duplicate",
            score=0.55,
            reasons=["test duplicate"],
        ).id,
    }
    make_review(
        session,
        worth2,
        "alice",
        verdict="mostly_true",
        rationale="Ministry figures.",
        created_at=FIXED_TIME - timedelta(hours=1),
    )
    return sample


def make_hostile_claim(session: Session, text: str, *, title: str | None = None) -> Claim:
    """A document whose whole text is one claim, for hostile-rendering tests."""
    document = make_document(session, text, title=title if title is not None else text[:60])
    return make_claim(session, document, text, chain=[("speaker", text[:80], None)])


# --- driving the workbench in tests ------------------------------------------------------


async def settle(pilot: Any, timeout: float = 10.0) -> None:
    """Wait until the app's workers are done and every table has its rows."""
    import asyncio
    import time

    from tui.widgets.virtual_table import VirtualTable

    app = pilot.app
    deadline = time.monotonic() + timeout
    while True:
        await pilot.pause()
        busy = any(worker.is_running for worker in app.workers)
        tables = list(app.screen.query(VirtualTable))
        if not busy and all(t.loaded for t in tables):
            await pilot.pause()
            if not any(worker.is_running for worker in app.workers):
                return
        if time.monotonic() > deadline:
            raise TimeoutError("the workbench did not settle")
        await asyncio.sleep(0.01)


def screen_segments(app: Any) -> list[Any]:
    """The segments the terminal would receive for the current screen."""
    import io

    from rich.console import Console

    console = Console(
        width=app.size.width,
        height=app.size.height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        legacy_windows=False,
        safe_box=False,
    )
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return list(console.render(update))


def screen_text(app: Any) -> str:
    """The current screen as plain text, line by line."""
    return "".join(segment.text for segment in screen_segments(app) if not segment.control)


def widget_text(screen: Any) -> str:
    """The plain text of every Static and Label on a screen (wrapping does not matter)."""
    from textual.widgets import Static

    return "\n".join(str(widget.render()) for widget in screen.query(Static))
