"""The review app opens on a real database, shows documents inertly, and quits on ctrl+q."""

from __future__ import annotations

from textual.widgets import DataTable

from tests.conftest import HOSTILE, SEEDS, Cli
from tui.app import make_app


async def test_opens_lists_documents_and_quits(sqlite_cli: Cli) -> None:
    assert (
        sqlite_cli(
            "ingest", str(SEEDS), str(HOSTILE / "markup_textual_click_actions.txt")
        ).exit_code
        == 0
    )
    app = make_app(sqlite_cli.target.database, reviewer="tester")
    async with app.run_test() as pilot:
        table = app.query_one("#documents", DataTable)
        assert table.row_count == 6
        await pilot.click("#documents", offset=(20, 6))  # the row showing [@click=...] text
        await pilot.pause()
        assert app.is_running
        await pilot.press("ctrl+q")
    assert app.return_code == 0
