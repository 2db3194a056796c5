"""The claim detail shows the claim's frame, as plain text (document text is never markup)."""

from __future__ import annotations

from db.models import Claim
from tests.conftest import Target
from tests.factories import build_sample, settle, widget_text
from tui.app import make_app
from tui.screens.detail import ClaimDetailScreen

FRAME = {
    "subject": {"text": "[b]Example[/b] Corp", "key": "example corp", "kind": "organization"},
    "measure": "earnings per share",
    "period": {"text": "Q1 1987", "label": "Q1", "year": 1987},
    "values": [{"text": "25 cts", "amount": 0.25, "unit": "USD"}],
}


async def test_the_detail_shows_the_frame_literally(sqlite_target: Target) -> None:
    with sqlite_target.database.write() as session:
        sample = build_sample(session)
        claim = session.get_one(Claim, sample.claims[0])
        claim.features = {**claim.features, "frame": FRAME}
    app = make_app(sqlite_target.database, reviewer="tester")
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ClaimDetailScreen)
        assert app.screen.claim_id == sample.claims[0]
        text = " ".join(widget_text(app.screen).split())
        assert "Frame: [b]Example[/b] Corp | earnings per share | Q1 1987 | 25 cts" in text
