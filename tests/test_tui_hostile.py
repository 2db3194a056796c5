"""Hostile document text in every screen: shown literally, inert to clicks, never sent to the
terminal as control sequences, and never freezing the app (hostile/INDEX.md section A)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from textual.pilot import Pilot

from db.models import AuditEntry, Claim, Document
from tests.conftest import HOSTILE, Target
from tests.factories import (
    make_claim,
    make_document,
    make_relation,
    make_review,
    make_source,
    screen_segments,
    screen_text,
    settle,
    widget_text,
)
from tui.app import ClaimsApp, make_app
from tui.screens.detail import ClaimDetailScreen
from tui.screens.reader import DocumentScreen
from tui.widgets.claim_table import ClaimTable

FILES = (
    "markup_rich_style_injection.txt",
    "markup_textual_click_actions.txt",
    "markup_unbalanced_tags.txt",
    "markup_backslash_edge_cases.txt",
    "ansi_csi_cursor_and_clear.txt",
    "ansi_osc_title_clipboard_hyperlink.txt",
    "control_chars_c0_c1.txt",
    "bidi_override_spoof.txt",
    "zero_width_and_homoglyphs.txt",
    "grapheme_zalgo_and_wide.txt",
)
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
SIZE = (160, 50)


def build_hostile(session: Session) -> dict[str, int]:
    """One document per hostile file: every line a claim, hostile names in the chain,
    a conflict and a propaganda path for the queue, a hostile review for the history."""
    documents: dict[str, int] = {}
    for name in FILES:
        text = (HOSTILE / name).read_text(encoding="utf-8")
        lines = [line for line in dict.fromkeys(text.splitlines()) if line.strip()]
        source = make_source(session, f"{name}: {lines[0][:120]}", "E", aliases=[lines[-1][:80]])
        document = make_document(
            session,
            text,
            title=lines[0][:200],
            outlet=lines[-1][:200],
            debris=[[0, min(len(text), 5), lines[0][:40]]],
        )
        claims = [
            make_claim(
                session,
                document,
                line,
                chain=[("speaker", line[:80], source), ("publisher", lines[0][:60], None)],
                propaganda_sourced=index == 0,
                propaganda_path=[line[:100]],
            )
            for index, line in enumerate(lines)
        ]
        if len(claims) > 1:
            make_relation(session, claims[0], claims[1], "conflicts", reasons=[lines[1][:100]])
        make_review(session, claims[0], lines[0][:100], rationale=text, evidence=[lines[0]])
        documents[name] = document.id
    return documents


@pytest.fixture
def hostile(sqlite_target: Target) -> dict[str, int]:
    with sqlite_target.database.write() as session:
        return build_hostile(session)


def assert_inert(app: ClaimsApp) -> None:
    """Nothing reaches the terminal as a control or bidi character, link or click action."""
    for segment in screen_segments(app):
        if segment.control:
            continue
        assert not UNSAFE.search(segment.text), repr(segment.text)
        style = segment.style
        if style is not None:
            assert not style.link, style.link
            assert "@click" not in (style.meta or {}), style.meta


async def page_through(app: ClaimsApp, pilot: Pilot[None]) -> None:
    table = app.screen.query_one(ClaimTable)
    while table.total is None or table.cursor_row < table.total - 1:
        assert_inert(app)
        await pilot.press("pagedown")
        await settle(pilot)
    assert_inert(app)


async def test_claims_table_shows_hostile_text_literally(
    sqlite_target: Target, hostile: dict[str, int]
) -> None:
    app = make_app(sqlite_target.database, reviewer="tester")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "[bold white on green]" in screen_text(app)  # markup shown as typed
        await page_through(app, pilot)
        for view in ("f3", "f4"):
            await pilot.press(view)
            await settle(pilot)
            assert_inert(app)
    assert app.return_code in (None, 0)


async def test_detail_and_reader_of_every_file_are_inert(
    sqlite_target: Target, hostile: dict[str, int]
) -> None:
    app = make_app(sqlite_target.database, reviewer="tester")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        with sqlite_target.database.read() as session:
            firsts = {
                name: session.scalar(select(func.min(Claim.id)).where(Claim.document_id == doc))
                for name, doc in hostile.items()
            }
        for name, claim_id in firsts.items():
            assert claim_id is not None
            app.open_claim(claim_id)
            await settle(pilot)
            assert isinstance(app.screen, ClaimDetailScreen), name
            assert_inert(app)
            first_line = (HOSTILE / name).read_text(encoding="utf-8").splitlines()[0]
            if name.startswith("markup"):
                # brackets, slashes and backslashes shown as typed
                assert first_line in widget_text(app.screen)
            app.pop_screen()
            app.open_document(hostile[name], claim_id)
            await settle(pilot)
            reader = app.screen
            assert isinstance(reader, DocumentScreen), name
            assert_inert(app)
            reader.mode = "flag"
            await settle(pilot)
            assert_inert(app)
            app.pop_screen()
        assert app.is_running


async def test_clicking_action_links_does_nothing(
    sqlite_target: Target, hostile: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    monkeypatch.chdir(workdir)
    screenshot = Path("/tmp/x.svg")
    before = screenshot.stat().st_mtime if screenshot.exists() else None
    filter_text = f"doc:{hostile['markup_textual_click_actions.txt']}"
    app = make_app(sqlite_target.database, reviewer="tester", filter_text=filter_text)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ClaimTable)
        assert table.total == 8
        columns = [table.column_offset(key) + 2 for key in ("claim", "chain", "document")]
        for row in range(1, 9):  # the text shown in the claim, chain and document columns
            for x in columns:
                await pilot.click(ClaimTable, offset=(x, row))
        await settle(pilot)
        assert app.is_running and type(app.screen).__name__ == "ClaimsScreen"
        app.open_claim(table.row_at(0).id)  # type: ignore[union-attr]
        await settle(pilot)
        for y in range(2, 14):  # the paragraph and the chain
            await pilot.click(offset=(12, y))
        await settle(pilot)
        assert app.is_running
    with sqlite_target.database.read() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == 0
    assert list(workdir.iterdir()) == []
    assert (screenshot.stat().st_mtime if screenshot.exists() else None) == before


@pytest.mark.timeout(60)  # a hang guard: the pages are what is asserted; speed is benchmarked
async def test_huge_documents_open_quickly_with_a_marker(sqlite_target: Target) -> None:
    long_line = (HOSTILE / "long_single_line_45kb.txt").read_text(encoding="utf-8")
    huge = "Start.\n" + ("word " * 2_000_000)  # 10 MB on one line
    with sqlite_target.database.write() as session:
        line_doc = make_document(session, long_line, title="45 KB line")
        line_claim = make_claim(session, line_doc, long_line[:30000])
        huge_doc = make_document(session, huge, title="10 MB")
        make_claim(session, huge_doc, "Start.")
        many = make_document(session, (HOSTILE / "many_short_lines.txt").read_text(), title="many")
        ids = (line_claim.id, huge_doc.id, many.id)
    app = make_app(sqlite_target.database, reviewer="tester")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_claim(ids[0])
        await settle(pilot)
        assert "claim continues" in widget_text(app.screen)
        for document_id in ids[1:]:
            app.open_document(document_id)
            await settle(pilot)
            assert "text continues below" in screen_text(app)
            await pilot.press("right_square_bracket")
            await settle(pilot)
            assert "text continues above" in screen_text(app)
            await pilot.press("escape")
    with sqlite_target.database.read() as session:
        stored = session.scalar(select(func.length(Document.text)).where(Document.id == ids[1]))
    assert stored == len(huge)  # the display is cut, never the evidence
