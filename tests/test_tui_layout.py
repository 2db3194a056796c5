"""What the workbench shows at real terminal sizes: labels, columns, wrapped reasons, help keys."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from textual.pilot import Pilot

from tests.conftest import Target
from tests.factories import Sample, build_sample, settle, widget_text
from tui.app import ClaimsApp, make_app
from tui.screens.help import HelpScreen


@pytest.fixture
def sample(sqlite_target: Target) -> Sample:
    with sqlite_target.database.write() as session:
        return build_sample(session)


@asynccontextmanager
async def workbench(
    target: Target, size: tuple[int, int] = (160, 45)
) -> AsyncIterator[tuple[ClaimsApp, Pilot[None]]]:
    app = make_app(target.database, reviewer="tester")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        yield app, pilot


async def test_help_shows_keys_as_typed(sqlite_target: Target, sample: Sample) -> None:
    async with workbench(sqlite_target) as (app, pilot):
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        text = widget_text(app.screen)
        assert "right_square_bracket" not in text and "slash" not in text
        lines = {line.split()[-1]: line.split()[0] for line in text.splitlines() if line.split()}
        assert lines["reader.next_page"] == "]"
        assert lines["claims.filter"] == "/"
