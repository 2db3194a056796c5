"""Keys act on the list that has focus, focus is visible, and dialogs keep what was typed."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from rich.color import Color
from textual.pilot import Pilot
from textual.widgets import Label, OptionList, Static, TextArea

from db.models import Claim
from tests.conftest import Target
from tests.factories import Sample, build_sample, settle
from tui.app import ClaimsApp, make_app
from tui.screens.detail import ClaimDetailScreen
from tui.screens.dialogs import ChoiceDialog, TextDialog, VerdictDialog


@pytest.fixture
def sample(sqlite_target: Target) -> Sample:
    with sqlite_target.database.write() as session:
        return build_sample(session)


@asynccontextmanager
async def detail_of_first_claim(target: Target) -> AsyncIterator[tuple[ClaimsApp, Pilot[None]]]:
    app = make_app(target.database, reviewer="tester")
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ClaimDetailScreen)
        yield app, pilot


def row_background(options: OptionList, y: int) -> Color | None:
    return next(iter(options.render_line(y))).style.bgcolor


async def test_only_the_focused_list_shows_its_highlighted_row(
    sqlite_target: Target, sample: Sample
) -> None:
    async with detail_of_first_claim(sqlite_target) as (app, pilot):
        chain = app.screen.query_one("#chain", OptionList)
        assert app.focused is app.screen.query_one("#related") and chain.highlighted == 0
        assert row_background(chain, 0) == row_background(chain, 1)
        await pilot.press("shift+tab")
        assert app.focused is chain
        assert row_background(chain, 0) != row_background(chain, 1)


async def test_grade_acts_on_the_chain_only_when_it_has_focus(
    sqlite_target: Target, sample: Sample
) -> None:
    async with detail_of_first_claim(sqlite_target) as (app, pilot):
        await pilot.press("g")  # the related list has focus: nothing is graded
        await settle(pilot)
        assert not isinstance(app.screen, ChoiceDialog)
        assert app.focused is app.screen.query_one("#chain")
        await pilot.press("down", "g")  # the publisher, TASS
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        assert dialog.heading == "Grade of TASS: now E (Unreliable)"
        assert dialog.current == "E"


async def test_relation_keys_act_only_when_the_related_list_has_focus(
    sqlite_target: Target, sample: Sample
) -> None:
    async with detail_of_first_claim(sqlite_target) as (app, pilot):
        screen = app.screen
        await pilot.press("shift+tab", "y")  # in the chain: y confirms nothing
        await settle(pilot)
        assert app.focused is screen.query_one("#related")
        assert all(r.status == "proposed" for r in screen.detail.related)  # type: ignore[attr-defined]


async def test_verdict_dialog_keeps_text_typed_after_tab_and_asks_before_discarding(
    sqlite_target: Target, sample: Sample
) -> None:
    app = make_app(sqlite_target.database, reviewer="tester")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("v", "3")
        dialog = app.screen
        assert isinstance(dialog, VerdictDialog)
        label = str(dialog.query_one("#rationale-label", Label).render())
        assert "tab to edit" not in label and "ctrl+s" in label
        await pilot.press("N", "o", "t", "e", "tab", "d")  # tab leaves the box; d comes back
        assert app.focused is dialog.query_one("#rationale", TextArea)
        assert dialog.query_one("#rationale", TextArea).text == "Noted"
        await pilot.press("escape")  # typed text: the first escape only warns
        assert app.screen is dialog
        assert "escape again" in str(dialog.query_one("#problem", Static).render())
        await pilot.press("ctrl+s")
        await settle(pilot)
        with sqlite_target.database.read() as session:
            saved = session.get_one(Claim, sample.claims[0])
            assert (saved.verdict, saved.rationale) == ("mixed", "Noted")


async def test_text_dialog_closes_at_once_when_nothing_was_typed(
    sqlite_target: Target, sample: Sample
) -> None:
    app = make_app(sqlite_target.database, reviewer="tester")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        assert isinstance(app.screen, TextDialog)
        await pilot.press("escape")
        assert not isinstance(app.screen, TextDialog)
        await pilot.press("r", "x", "escape", "escape")
        assert not isinstance(app.screen, TextDialog)
