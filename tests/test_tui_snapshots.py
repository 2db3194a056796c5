"""SVG snapshots of the key screens at three terminal sizes, on fixed data (update with
--snapshot-update)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.conftest import Target
from tests.factories import build_sample, settle
from tui.app import make_app

SMALL, MEDIUM, LARGE = (80, 24), (120, 40), (160, 45)
SCREENS = {
    "claims": (),
    "detail": ("down", "enter"),
    "reader": ("down", "d"),
    "queue": ("f3",),
    "sources": ("f4", "down"),
}
CASES = [
    ("claims", SMALL),
    ("claims", MEDIUM),
    ("claims", LARGE),
    ("detail", SMALL),
    ("detail", LARGE),
    ("reader", MEDIUM),
    ("queue", LARGE),
    ("sources", LARGE),
]


@pytest.fixture
def sample_target(sqlite_target: Target) -> Target:
    with sqlite_target.database.write() as session:
        build_sample(session)
    return sqlite_target


def steps(*keys: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Press keys, letting the workbench settle after each one."""

    async def run(pilot: Pilot[None]) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run


@pytest.mark.parametrize(("name", "size"), CASES, ids=[f"{name}-{w}x{h}" for name, (w, h) in CASES])
def test_screen_snapshot(
    snap_compare: Any, sample_target: Target, name: str, size: tuple[int, int]
) -> None:
    app = make_app(sample_target.database, reviewer="snapshot")
    assert snap_compare(app, terminal_size=size, run_before=steps(*SCREENS[name]))
