"""The workbench opens on real databases (empty or not), takes its options, and quits cleanly."""

from __future__ import annotations

from typing import Any

import pytest

import tui.app
from claims.errors import ClaimsError
from tests.conftest import Cli, Target
from tests.factories import build_sample, make_claim, make_document, screen_text, settle
from tui.app import make_app
from tui.widgets.claim_table import ClaimTable


async def test_empty_database_shows_a_hint_and_ctrl_q_exits_0(sqlite_target: Target) -> None:
    app = make_app(sqlite_target.database, reviewer="tester")
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(pilot)
        assert app.screen.query_one(ClaimTable).total == 0
        assert "No claims match" in screen_text(app)
        for key, hint in (("f3", "Nothing waits for triage"), ("f4", "No sources match")):
            await pilot.press(key)
            await settle(pilot)
            assert hint in screen_text(app)
        await pilot.press("ctrl+q")
    assert app.return_code == 0


async def test_preset_filter_applies_on_open(target: Target) -> None:
    with target.database.write() as session:
        build_sample(session)
    app = make_app(target.database, reviewer="tester", filter_text="kind:statistic billion")
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ClaimTable)
        assert table.total == 2
        assert [table.row_at(i).id for i in range(2)] == [2, 5]  # type: ignore[union-attr]
        assert "reviewer: tester" in screen_text(app)


class FakeApp:
    def __init__(self, seen: dict[str, Any], **kwargs: Any) -> None:
        seen.update(kwargs)

    def run(self) -> None:
        return None


@pytest.mark.parametrize(
    ("arguments", "reviewer"),
    [((), "tester"), (("--reviewer", "alice"), "alice")],
)
def test_review_command_options(
    sqlite_cli: Cli, monkeypatch: pytest.MonkeyPatch, arguments: tuple[str, ...], reviewer: str
) -> None:
    seen: dict[str, Any] = {}
    monkeypatch.setattr(
        tui.app,
        "make_app",
        lambda database, **kwargs: FakeApp(seen, database=database, **kwargs),
    )
    result = sqlite_cli("review", "--filter", "verdict:none", *arguments)
    assert result.exit_code == 0, result.output
    assert seen["reviewer"] == reviewer
    assert seen["filter_text"] == "verdict:none"


def test_keymap_file_is_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    path = tmp_path / "keys.toml"
    path.write_text('"claim.verdict" = "V"\n', encoding="utf-8")
    monkeypatch.setenv(tui.app.KEYMAP_VARIABLE, str(path))
    assert tui.app.keymap_from_environment() == {"claim.verdict": "V"}
    path.write_text("not toml [", encoding="utf-8")
    with pytest.raises(ClaimsError, match="cannot read the keymap"):
        tui.app.keymap_from_environment()


async def test_table_pages_through_blocks_and_jumps_to_the_end(sqlite_target: Target) -> None:
    sentences = [f"Claim number {n} about oil." for n in range(300)]
    with sqlite_target.database.write() as session:
        document = make_document(session, " ".join(sentences))
        for sentence in sentences:
            make_claim(session, document, sentence)
    app = make_app(sqlite_target.database, reviewer="tester")
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ClaimTable)
        assert table.total == 300  # counted: the first block was full
        await pilot.press("end")
        await settle(pilot)
        assert table.cursor_row == 299
        assert table.cursor is not None and table.cursor.id == 300
        assert "Claim number 299 about oil." in screen_text(app)
        await pilot.press("home", "pagedown", "down")
        await settle(pilot)
        assert table.cursor is not None and table.cursor.id == table.cursor_row + 1 > 20
