"""ClaimReview JSON-LD: valid against our schema, mapped from the right fields, http(s) only."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from claims.reports.claimreview import claim_reviews, render_claimreview
from claims.reports.errors import ReportError
from claims.reports.schema import Export
from claims.review_scale import BEST_RATING, WORST_RATING, verdict
from tests.conftest import Cli
from tests.report_factories import export_story, hostile_file

SCHEMA = json.loads(
    (Path(__file__).parent.parent / "docs" / "claimreview.schema.json").read_text("utf-8")
)


def validate(reviews: list[dict[str, Any]]) -> None:
    Draft202012Validator.check_schema(SCHEMA)
    errors = sorted(Draft202012Validator(SCHEMA).iter_errors(reviews), key=str)
    assert not errors, [e.message for e in errors]


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> tuple[Export, Any]:
    return export_story(tmp_path_factory.mktemp("cr"))


def test_reviewed_claims_give_valid_claimreviews(story: tuple[Export, Any]) -> None:
    export, _ = story
    reviews = json.loads(render_claimreview(export))
    validate(reviews)
    assert len(reviews) == 2  # the two reviewed claims of the story


def test_field_mapping(story: tuple[Export, Any]) -> None:
    export, ids = story
    by_text = {r["claimReviewed"]: r for r in claim_reviews(export)}
    review = by_text["Russia will ship two million tonnes of wheat to Iraq this year."]
    assert review["url"] == f"https://factdesk.example/#claim-{ids.claims['wheat_reuters']}"
    assert review["author"] == {
        "@type": "Organization",
        "name": "Fact Desk",
        "url": "https://factdesk.example/",
    }
    assert review["datePublished"] == "2025-03-04"
    assert review["reviewRating"] == {
        "@type": "Rating",
        "alternateName": verdict("false").label,
        "ratingValue": verdict("false").rating,
        "bestRating": BEST_RATING,
        "worstRating": WORST_RATING,
    }
    item = review["itemReviewed"]
    assert item["author"] == {
        "@type": "Person",
        "name": "Fuad Hussein",
        "jobTitle": "Iraq's foreign minister",
    }
    # RIA relays the same minister's statement: an echo of one origin, the same claim.
    assert [a["url"] for a in item["appearance"]] == [
        "https://www.reuters.example/world/wheat",
        "https://ria.example/news/1",
    ]
    assert item["firstAppearance"]["url"] == "https://ria.example/news/1"  # the earliest
    assert item["datePublished"] == "2025-02-27"
    anonymous = by_text["Iraq has signed no grain contract with Moscow this year."]
    assert anonymous["itemReviewed"]["author"]["@type"] == "Organization"
    assert "url" not in anonymous["itemReviewed"]["appearance"][0]  # javascript: is dropped


def test_unrated_verdict_has_only_its_name(tmp_path: Path) -> None:
    export, _ = export_story(tmp_path, verdicts=("unverifiable", "mostly_true"))
    ratings = [r["reviewRating"] for r in claim_reviews(export)]
    validate(claim_reviews(export))
    assert {"@type": "Rating", "alternateName": "Unverifiable"} in ratings
    assert any(r.get("ratingValue") == 4 for r in ratings)


def with_settings(export: Export, **settings: str) -> Export:
    return export.model_copy(update={"settings": {"organisation.name": "Fact Desk", **settings}})


@pytest.mark.parametrize(
    "settings",
    [
        {},
        {"organisation.url": "javascript:alert(1)"},
        {"organisation.url": " https://factdesk.example/"},
        {"claimreview.url_template": "javascript:alert({claim_id})"},
        {"claimreview.url_template": "data:text/html,{claim_id}"},
    ],
)
def test_a_url_that_is_not_http_is_refused(
    story: tuple[Export, Any], settings: dict[str, str]
) -> None:
    with pytest.raises(ReportError, match="http"):
        claim_reviews(with_settings(story[0], **settings))


def test_url_template(story: tuple[Export, Any]) -> None:
    export = with_settings(
        story[0], **{"claimreview.url_template": "https://checks.example/c/{claim_id}"}
    )
    urls = sorted(r["url"] for r in claim_reviews(export))
    assert urls == sorted(
        f"https://checks.example/c/{c.id}" for c in export.claims if c.verdict is not None
    )


def test_without_organisation_says_how_to_set_it(story: tuple[Export, Any]) -> None:
    export = story[0].model_copy(update={"settings": {}})
    with pytest.raises(ReportError, match=r"claims config set organisation\.name"):
        claim_reviews(export)


def test_hostile_strings_stay_valid_json(tmp_path: Path) -> None:
    hostile = json.loads(hostile_file("jsonld_script_breakout.json"))
    payload = hostile["claimReviewed"] + hostile["author"]["name"] + hostile["extra"]
    payload += hostile["reviewRating"]["alternateName"]
    export, _ = export_story(tmp_path, lambda v: payload + v)
    text = render_claimreview(export)
    reviews = json.loads(text)
    validate(reviews)
    assert reviews[0]["author"]["name"].startswith(payload)
    assert reviews == claim_reviews(export)


def test_cli_without_organisation_is_one_line(sqlite_cli: Cli) -> None:
    result = sqlite_cli("export", "--format", "claimreview")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "organisation.name is not set" in result.stderr
