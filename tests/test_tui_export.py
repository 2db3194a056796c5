"""Exports from the workbench: `x` writes what the screen shows, in the chosen format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input

from tests.conftest import Target
from tests.factories import Sample, build_sample, settle
from tests.test_tui_actions import type_text, workbench
from tui.screens.detail import ClaimDetailScreen


@pytest.fixture
def sample(sqlite_target: Target) -> Sample:
    with sqlite_target.database.write() as session:
        return build_sample(session)


async def export_to(pilot: object, key: str, path: Path) -> None:
    await pilot.press("x", key)  # type: ignore[attr-defined]
    await settle(pilot)
    box = pilot.app.focused  # type: ignore[attr-defined]
    assert isinstance(box, Input)
    assert box.value.endswith(path.suffix)  # a default file name is offered
    box.value = ""
    await type_text(pilot, str(path))  # type: ignore[arg-type]
    await pilot.press("enter")  # type: ignore[attr-defined]
    await settle(pilot)


async def test_filtered_claims_export_as_json(
    sqlite_target: Target, sample: Sample, tmp_path: Path
) -> None:
    target = tmp_path / "flagged.json"
    async with workbench(sqlite_target, filter_text="flag:propaganda") as (_app, pilot):
        await export_to(pilot, "j", target)
    data = json.loads(target.read_text(encoding="utf-8"))
    flagged = {claim["id"] for claim in data["claims"] if claim["propaganda_sourced"]}
    assert flagged and set(data["selection"]["focus_claim_ids"]) == flagged


async def test_claim_detail_exports_one_claim_as_html_and_never_overwrites(
    sqlite_target: Target, sample: Sample, tmp_path: Path
) -> None:
    target = tmp_path / "claim.html"
    async with workbench(sqlite_target) as (app, pilot):
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ClaimDetailScreen)
        claim_id = app.screen.claim_id
        await export_to(pilot, "h", target)
        first = target.read_bytes()
        assert b"<html" in first.lower() and f"#{claim_id}".encode() in first
        await export_to(pilot, "h", target)  # the same path again: refused, file intact
        assert target.read_bytes() == first
        assert any("already exists" in str(n.message) for n in app._notifications)
