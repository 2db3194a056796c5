"""Every review action driven through the real app with key presses, asserted in the database."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from claims.store.review import ReviewService
from db.models import (
    Attribution,
    AuditEntry,
    Claim,
    Relation,
    Review,
    ReviewDraft,
    Source,
    SourceAlias,
)
from tests.conftest import Target
from tests.factories import (
    Sample,
    build_sample,
    make_claim,
    make_document,
    screen_text,
    settle,
    widget_text,
)
from tui.app import ClaimsApp, make_app
from tui.screens.detail import ClaimDetailScreen
from tui.screens.dialogs import ConflictDialog, VerdictDialog
from tui.screens.help import HelpScreen
from tui.screens.reader import DocumentScreen
from tui.widgets.claim_table import ClaimTable

SIZE = (150, 45)


@pytest.fixture
def sample(sqlite_target: Target) -> Sample:
    with sqlite_target.database.write() as session:
        return build_sample(session)


@asynccontextmanager
async def workbench(
    target: Target, filter_text: str = ""
) -> AsyncIterator[tuple[ClaimsApp, Pilot[None]]]:
    app = make_app(target.database, reviewer="tester", filter_text=filter_text)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        yield app, pilot


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Put text into the focused box: typed key by key when short, pasted when long
    (each simulated key costs Pilot about 60 ms)."""
    focused = pilot.app.focused
    if len(text) > 8 and isinstance(focused, Input | TextArea):
        focused.insert(text) if isinstance(focused, TextArea) else focused.insert_text_at_cursor(
            text
        )
        await pilot.pause()
        return
    await pilot.press(*("space" if ch == " " else ch for ch in text))


def claim(target: Target, claim_id: int) -> Claim:
    with target.database.read() as session:
        return session.get_one(Claim, claim_id)


def last_audit(target: Target) -> AuditEntry:
    with target.database.read() as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert entry is not None
        return entry


async def test_verdict_key_saves_at_once_with_reviewer_and_audit(
    sqlite_target: Target, sample: Sample
) -> None:
    async with workbench(sqlite_target) as (app, pilot):
        await pilot.press("v")
        assert isinstance(app.screen, VerdictDialog)
        await pilot.press("6")
        await type_text(pilot, "Figures differ")
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = claim(sqlite_target, sample.claims[0])
        assert (saved.verdict, saved.rationale, saved.reviewed_by) == (
            "false",
            "Figures differ",
            "tester",
        )
        entry = last_audit(sqlite_target)
        assert (entry.actor, entry.action, entry.entity_id) == ("tester", "claim.verdict", 1)
        assert "False" in screen_text(app)


async def test_rationale_evidence_credibility_and_propaganda_keys(
    sqlite_target: Target, sample: Sample
) -> None:
    worth = sample.claims[1]
    async with workbench(sqlite_target) as (_app, pilot):
        await pilot.press("down", "r")
        await type_text(pilot, "From RIA")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert claim(sqlite_target, worth).rationale == "From RIA"
        await pilot.press("e")
        await type_text(pilot, "https://example.org/release")
        await pilot.press("enter")
        await settle(pilot)
        with sqlite_target.database.read() as session:
            evidence = session.scalars(
                select(Review.evidence).where(Review.action == "evidence")
            ).one()
        assert evidence[0]["ref"] == "https://example.org/release"
        await pilot.press("c", "4")
        await settle(pilot)
        assert claim(sqlite_target, worth).credibility == 4
        await pilot.press("p")  # the claim is flagged: p unflags, with a reason
        await type_text(pilot, "Figure confirmed elsewhere")
        await pilot.press("enter")
        await settle(pilot)
        saved = claim(sqlite_target, worth)
        assert (saved.propaganda_override, saved.propaganda_override_reason) == (
            False,
            "Figure confirmed elsewhere",
        )
        await pilot.press("P")
        await settle(pilot)
        assert claim(sqlite_target, worth).propaganda_override is None
        assert claim(sqlite_target, worth).row_version == 5


async def test_relations_are_confirmed_and_rejected_from_the_detail(
    sqlite_target: Target, sample: Sample
) -> None:
    async with workbench(sqlite_target) as (app, pilot):
        await pilot.press("down", "enter")
        await settle(pilot)
        detail = app.screen
        assert isinstance(detail, ClaimDetailScreen) and detail.claim_id == sample.claims[1]
        first = detail.selected_relation()
        assert first is not None and first.relation_id == sample.relations["dependent"]
        await pilot.press("y")
        await settle(pilot)
        await pilot.press("down")  # skips the "Conflicting" heading
        second = detail.selected_relation()
        assert second is not None and second.relation_id == sample.relations["conflict"]
        await pilot.press("n")
        await settle(pilot)
        with sqlite_target.database.read() as session:
            dependent = session.get_one(Relation, sample.relations["dependent"])
            conflict = session.get_one(Relation, sample.relations["conflict"])
        assert (dependent.status, dependent.reviewed_by) == ("confirmed", "tester")
        assert conflict.status == "rejected"
        await pilot.press("enter")  # jump to the related claim
        await settle(pilot)
        assert isinstance(app.screen, ClaimDetailScreen)
        assert app.screen.claim_id == sample.claims[4]
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert isinstance(app.screen.query_one(ClaimTable), ClaimTable)


async def test_grade_alias_and_merge_on_the_sources_screen(
    sqlite_target: Target, sample: Sample
) -> None:
    async with workbench(sqlite_target) as (_app, pilot):
        await pilot.press("f4")
        await settle(pilot)
        await pilot.press("g", "b")  # first row by name: the energy minister
        await type_text(pilot, "Official statements")
        await pilot.press("ctrl+s")
        await settle(pilot)
        with sqlite_target.database.read() as session:
            minister = session.get_one(Source, sample.sources["minister"])
            assert (minister.reliability, minister.reliability_rationale) == (
                "B",
                "Official statements",
            )
        await pilot.press("a")
        await type_text(pilot, "Minister of Energy")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("m")
        await type_text(pilot, str(sample.sources["reuters"]))
        await pilot.press("enter")
        await settle(pilot)
        with sqlite_target.database.read() as session:
            assert session.get(Source, sample.sources["minister"]) is None
            moved = session.scalars(
                select(Attribution.source_id).where(Attribution.mention == "the energy minister")
            ).one()
            assert moved == sample.sources["reuters"]
            aliases = session.scalars(
                select(SourceAlias.alias).where(SourceAlias.source_id == sample.sources["reuters"])
            ).all()
            assert {"Minister of Energy", "Energy minister"} <= set(aliases)
        await pilot.press("ctrl+z")  # the merge comes undone
        await settle(pilot)
        with sqlite_target.database.read() as session:
            assert session.get(Source, sample.sources["minister"]) is not None


async def test_queue_triage_is_one_key_per_item(sqlite_target: Target, sample: Sample) -> None:
    async with workbench(sqlite_target) as (app, pilot):
        await pilot.press("f3")
        await settle(pilot)
        assert "1 unreviewed conflicts · 1 unreviewed propaganda" in screen_text(app)
        await pilot.press("y")  # the conflict
        await settle(pilot)
        await pilot.press("n")  # the propaganda-sourced claim: not propaganda after all
        await settle(pilot)
        await pilot.press("space", "y")  # skip one corroboration, confirm the next
        await settle(pilot)
        with sqlite_target.database.read() as session:
            statuses = {
                r.id: r.status for r in session.scalars(select(Relation).order_by(Relation.id))
            }
            worth = session.get_one(Claim, sample.claims[1])
        assert statuses[sample.relations["conflict"]] == "confirmed"
        assert (worth.propaganda_override, worth.propaganda_override_reason) == (
            False,
            "rejected in triage",
        )
        assert statuses[sample.relations["independent"]] == "proposed"
        assert statuses[sample.relations["dependent"]] == "confirmed"


async def test_undo_key_restores_the_last_action(sqlite_target: Target, sample: Sample) -> None:
    async with workbench(sqlite_target) as (app, pilot):
        await pilot.press("v", "1", "ctrl+s")
        await settle(pilot)
        assert claim(sqlite_target, sample.claims[0]).verdict == "true"
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert claim(sqlite_target, sample.claims[0]).verdict is None
        assert last_audit(sqlite_target).action == "claim.verdict.undo"
        row = app.screen.query_one(ClaimTable).cursor
        assert row is not None and row.verdict is None  # the table shows it again


@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
async def test_stale_save_is_refused_and_the_fresh_state_shown(
    request: pytest.FixtureRequest, backend: str
) -> None:
    target: Target = request.getfixturevalue(f"{'sqlite' if backend == 'sqlite' else 'pg'}_target")
    with target.database.write() as session:
        sample = build_sample(session)
    async with workbench(target) as (app, pilot):
        alice = ReviewService(
            target.database, "alice", now=lambda: datetime(2026, 3, 1, tzinfo=UTC)
        )
        alice.set_verdict(sample.claims[0], 1, "true", "Alice's rationale")
        await pilot.press("v", "6")
        await type_text(pilot, "Bob disagrees")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ConflictDialog)
        text = widget_text(app.screen)
        assert "changed by alice" in text and "you saw version 1" in text
        assert "Bob disagrees" in text and "Alice's rationale" in text
        saved = claim(target, sample.claims[0])
        assert (saved.verdict, saved.rationale) == ("true", "Alice's rationale")
        with target.database.read() as session:
            draft = session.scalars(select(ReviewDraft)).one()
        assert draft.reviewer == "tester"
        assert draft.payload["values"]["rationale"] == "Bob disagrees"
        await pilot.press("enter")
        await settle(pilot)
        row = app.screen.query_one(ClaimTable).cursor
        assert row is not None and (row.verdict, row.row_version) == ("true", 2)


async def test_filter_as_you_type_sort_keys_and_header_click(
    sqlite_target: Target, sample: Sample
) -> None:
    async with workbench(sqlite_target) as (app, pilot):
        table = app.screen.query_one(ClaimTable)
        await pilot.press("slash")
        await type_text(pilot, "billion")
        await settle(pilot)
        assert table.total == 2
        await pilot.press("escape", "escape")  # leave the box, then clear the filter
        await settle(pilot)
        assert table.total == 5
        await pilot.press("s", "s")  # id -> document -> check-worthiness
        await settle(pilot)
        assert table.cursor is not None and table.cursor.id == sample.claims[2]  # 0.70 lowest
        await pilot.press("S")
        await settle(pilot)
        assert table.cursor is not None and table.cursor.id == sample.claims[1]  # 0.91 highest
        verdict_x = table.column_offset("verdict") + 1
        await pilot.click(ClaimTable, offset=(verdict_x, 0))
        await settle(pilot)
        assert app.screen.sort.key.value == "verdict"  # type: ignore[attr-defined]
        assert table.cursor is not None and table.cursor.verdict is None  # unreviewed first
        await pilot.click(ClaimTable, offset=(verdict_x, 0))
        await settle(pilot)
        assert table.cursor is not None and table.cursor.verdict == "mostly_true"
        await pilot.click(ClaimTable, offset=(10, 3))  # the mouse moves the cursor
        assert table.cursor_row == 2
        await pilot.click(ClaimTable, offset=(10, 3), times=2)
        await settle(pilot)
        assert isinstance(app.screen, ClaimDetailScreen)


async def test_palette_help_and_theme(sqlite_target: Target, sample: Sample) -> None:
    async with workbench(sqlite_target) as (app, pilot):
        await pilot.press("ctrl+p")
        await type_text(pilot, "claim: Set verdict")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, VerdictDialog)
        await pilot.press("escape", "f1")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "claim.verdict" in text and "app.quit" in text
        await pilot.press("escape", "ctrl+t")
        assert app.theme == "textual-light"


async def test_reader_highlights_claims_and_pages_a_long_document(
    sqlite_target: Target, sample: Sample
) -> None:
    long_text = "Opening line.\n" + "x" * 45_000 + " The tail claim is here."
    with sqlite_target.database.write() as session:
        document = make_document(session, long_text, title="Long")
        make_claim(session, document, "Opening line.")
        tail = make_claim(session, document, "The tail claim is here.")
    async with workbench(sqlite_target, filter_text=f"doc:{document.id}") as (app, pilot):
        await pilot.press("d")
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, DocumentScreen)
        assert "text continues below" in screen_text(app)
        await pilot.press("n")  # to the tail claim, on a later page
        await settle(pilot)
        assert reader.current == tail.id
        assert reader.page is not None and reader.page.has_previous
        assert "text continues above" in screen_text(app)
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert reader.page.end < len(long_text)
        await pilot.press("h", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ClaimDetailScreen) and app.screen.claim_id == tail.id
