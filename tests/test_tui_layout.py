"""What the workbench shows at real terminal sizes: labels, columns, wrapped reasons, help keys."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from textual.pilot import Pilot
from textual.widgets._footer import FooterKey

from db.models import Claim, Relation
from tests.conftest import Target
from tests.factories import (
    Sample,
    build_sample,
    make_claim,
    make_document,
    make_review,
    screen_text,
    settle,
    widget_text,
)
from tui.app import ClaimsApp, make_app
from tui.screens.detail import ClaimDetailScreen
from tui.screens.help import HelpScreen
from tui.widgets.virtual_table import VirtualTable


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


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (160, 45)])
async def test_footer_shows_whole_keys_with_labels(
    sqlite_target: Target, sample: Sample, size: tuple[int, int]
) -> None:
    async with workbench(sqlite_target, size) as (app, pilot):
        for view in ("f2", "f3", "f4"):
            await pilot.press(view)
            await settle(pilot)
            keys = list(app.screen.query(FooterKey))
            assert keys and all(key.description for key in keys)
            assert all(key.region.right <= size[0] for key in keys), "a key is cut off"
            assert "help" in {key.action for key in keys}


async def test_claims_show_the_document_id_and_outlet_in_every_row(
    sqlite_target: Target, sample: Sample
) -> None:
    with sqlite_target.database.write() as session:
        untitled = make_document(session, "Claim from a file.", title="A long page title")
        make_claim(session, untitled, "Claim from a file.")
    async with workbench(sqlite_target) as (app, _pilot):
        text = screen_text(app)
        assert "A long page title" not in text  # titles live in the detail, not the listing
        rows = [line for line in text.splitlines() if "Claim from a file." in line]
        assert rows and f" {untitled.id} —" in rows[0]
        tass = [line for line in text.splitlines() if "Russian troops" in line]
        assert tass and f" {sample.documents[0]} TASS" in tass[0]


async def test_sources_show_every_column_with_its_values_at_160(
    sqlite_target: Target, sample: Sample
) -> None:
    async with workbench(sqlite_target) as (app, pilot):
        await pilot.press("f4")
        await settle(pilot)
        assert " cited " in screen_text(app)
        assert "links" in app.screen.query_one(VirtualTable).shown_columns()


async def test_related_reasons_and_history_are_shown_in_full(
    sqlite_target: Target, sample: Sample
) -> None:
    reason = "wording 51% alike; " + "shared words: power, plant, Basra; " * 4 + "end of reasons"
    rationale = "Checked against the ministry's release; " * 5 + "the end of the rationale"
    with sqlite_target.database.write() as session:
        relation = session.get_one(Relation, sample.relations["independent"])
        relation.reasons = [reason]
        make_review(session, session.get_one(Claim, sample.claims[0]), "bob", rationale=rationale)
    async with workbench(sqlite_target) as (app, pilot):
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ClaimDetailScreen)
        text = " ".join(" ".join(screen_text(app).split()).split(" ▎ ▊ "))
        assert "end of reasons" in text
        assert "the end of the rationale" in text


async def test_queue_gives_a_claim_without_a_partner_the_whole_row(
    sqlite_target: Target, sample: Sample
) -> None:
    async with workbench(sqlite_target) as (app, pilot):
        await pilot.press("f3")
        await settle(pilot)
        rows = [line for line in screen_text(app).splitlines() if "propaganda " in line]
        assert rows and "according to RIA Novosti." in rows[0]


async def test_the_propaganda_reason_is_a_sentence_in_the_detail(
    sqlite_target: Target, sample: Sample
) -> None:
    step = {
        "source_id": sample.sources["ria"],
        "name": "RIA Novosti",
        "role": "speaker",
        "flag": "propaganda",
        "via": "direct",
        "text": "the speaker RIA Novosti is flagged propaganda",
        "position": 0,
    }
    with sqlite_target.database.write() as session:
        session.get_one(Claim, sample.claims[1]).propaganda_path = [step]
    async with workbench(sqlite_target) as (app, pilot):
        await pilot.press("down", "enter")
        await settle(pilot)
        text = " ".join(widget_text(app.screen).split())
        assert (
            "RIA Novosti, the speaker, is itself flagged propaganda"
            " (designation: propaganda (test))." in text
        )
        assert "source_id" not in text and "position:" not in text
