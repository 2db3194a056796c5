"""Reports trace origins: "first appeared" only from the same claim, and echoes counted apart
from independent corroboration, as the proposed credibility counts them."""

from __future__ import annotations

from typing import Any

import pytest

from claims.reports.claimreview import claim_reviews
from claims.reports.html import render_html
from claims.reports.markdown import render_markdown
from claims.reports.schema import Export, ExportOrigin
from claims.reports.view import build_view
from tests.report_factories import Story, export_story

RIA_URL = "https://ria.example/news/1"
REUTERS_URL = "https://www.reuters.example/world/wheat"


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> tuple[Export, Story]:
    return export_story(tmp_path_factory.mktemp("origin"))


def with_echo(export: Export, story: Story, **changes: Any) -> Export:
    """The story with the RIA-Reuters wheat corroboration changed."""
    pair = {story.claims["wheat_ria"], story.claims["wheat_reuters"]}
    relations = [
        r.model_copy(update=changes) if {r.claim_id, r.other_claim_id} == pair else r
        for r in export.relations
    ]
    return export.model_copy(update={"relations": relations})


def with_origin(export: Export, claim_id: int, name: str) -> Export:
    claims = [
        c.model_copy(update={"origin": ExportOrigin(source_id=None, name=name)})
        if c.id == claim_id
        else c
        for c in export.claims
    ]
    return export.model_copy(update={"claims": claims})


def first_appearance(export: Export, claim_id: int) -> Any:
    [review] = [r for r in claim_reviews(export) if r["url"].endswith(f"-{claim_id}")]
    return review["itemReviewed"]["firstAppearance"]["url"]


def test_an_echo_of_the_same_origin_is_where_the_claim_first_appeared(
    story: tuple[Export, Story],
) -> None:
    export, ids = story
    reuters = ids.claims["wheat_reuters"]
    assert first_appearance(export, reuters) == RIA_URL
    assert f"First appeared as claim {ids.claims['wheat_ria']} in RIA Novosti, 2025-02-27." in (
        render_markdown(export)
    )


@pytest.mark.parametrize(
    "changes",
    [
        {"kind": "related", "independent": None},  # merely related, though in one cluster
        {"independent": True},  # an independent corroboration is another origin
    ],
)
def test_a_claim_that_only_relates_or_corroborates_is_no_first_appearance(
    story: tuple[Export, Story], changes: dict[str, Any]
) -> None:
    export, ids = story
    changed = with_echo(export, ids, **changes)
    reuters = ids.claims["wheat_reuters"]
    assert first_appearance(changed, reuters) == REUTERS_URL
    view = {item.claim.id: item for item in build_view(changed).claims}
    assert view[reuters].first_appearance == view[reuters].claim
    assert "First appeared" not in render_markdown(changed)


def test_a_dependent_corroboration_of_another_origin_is_no_first_appearance(
    story: tuple[Export, Story],
) -> None:
    export, ids = story
    elsewhere = with_origin(export, ids.claims["wheat_ria"], "Ministry of Agriculture")
    assert first_appearance(elsewhere, ids.claims["wheat_reuters"]) == REUTERS_URL


def test_reports_say_echoes_and_independent_origins(story: tuple[Export, Story]) -> None:
    export, ids = story
    markdown = render_markdown(export)
    assert "Echoed by 1 (1 propaganda-flagged), independently corroborated by 0." in markdown
    assert "Origin: Fuad Hussein." in markdown
    html = render_html(export)
    assert (
        '<p class="support">Echoed by 1 (1 propaganda-flagged), independently corroborated by 0.'
        in html
    )
    view = {item.claim.id: item for item in build_view(export).claims}
    assert view[ids.claims["no_contract"]].support.independent == 1


def test_an_old_export_without_origins_still_renders(story: tuple[Export, Story]) -> None:
    export, _ = story
    old = export.model_copy(
        update={"claims": [c.model_copy(update={"origin": None}) for c in export.claims]}
    )
    assert "Origin: unknown." in render_markdown(old)
