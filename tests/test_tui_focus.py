"""Keys act on the list that has focus, focus is visible, and dialogs keep what was typed."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from rich.color import Color
from textual.pilot import Pilot
from textual.widgets import OptionList

from tests.conftest import Target
from tests.factories import Sample, build_sample, settle
from tui.app import ClaimsApp, make_app
from tui.screens.detail import ClaimDetailScreen
from tui.screens.dialogs import ChoiceDialog


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
