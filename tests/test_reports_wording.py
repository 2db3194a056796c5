"""Reports say things as people read them: who is a person, why a claim is flagged, where a
quote is, and which addresses are only text."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from markdown_it import MarkdownIt
from prov.model import PROV, PROV_TYPE, ProvAgent, ProvDocument

from claims.reports.claimreview import appearance_warnings, claim_reviews
from claims.reports.html import render_html
from claims.reports.markdown import render_markdown
from claims.reports.propaganda import propaganda_sentence
from claims.reports.provenance import render_prov_json
from claims.reports.schema import Export
from claims.reports.urls import safe_url
from claims.store.exports import read_export
from db.models import Setting, SourceFlag
from tests.conftest import Cli, Target
from tests.factories import FIXED_TIME, make_claim, make_document, make_source

PAGE = (
    " date 2025-01-26 Iraq has expressed interest in closer ties, the deputy minister said."
    "\n\nShare\n\nThe channel says the visit went well."
)
DESIGNATION = "Named by the Council of the EU (17 May 2024) as an instrument of propaganda."
METADATA_URL = "http://169.254.169.254/latest/meta-data/"
SHARE = PAGE.index("Share")
DEBRIS = [[0, PAGE.index(" Iraq"), "date line"], [SHARE, SHARE + len("Share"), "share"]]
QUOTE = "Iraq has expressed interest in closer ties, the deputy minister said."


@pytest.fixture
def world(sqlite_target: Target) -> dict[str, int]:
    """An official quoted in a page with debris and a private canonical URL; a claim from a
    propaganda channel, reached directly, and one through a person who speaks for it."""
    with sqlite_target.database.write() as session:
        session.add(Setting(key="organisation.name", value="Fact Desk"))
        session.add(Setting(key="organisation.url", value="https://factdesk.example/"))
        official = make_source(session, "Sergey Vershinin", "C", kind="official")
        channel = make_source(session, "Rybar", "E", kind="propaganda_outlet")
        session.add(
            SourceFlag(
                source_id=channel.id, flag="propaganda", rationale=DESIGNATION, set_at=FIXED_TIME
            )
        )
        founder = make_source(session, "Mikhail Zvinchuk", "E", kind="person", parent_id=channel.id)
        document = make_document(
            session, PAGE, url=METADATA_URL, title="Iraq and Russia", debris=DEBRIS
        )
        quoted = make_claim(
            session,
            document,
            QUOTE,
            chain=[("speaker", "the deputy minister", official)],
            verdict="mostly_true",
            reviewed_at=FIXED_TIME,
        )
        quoted.attributions[0].speaker_role = "deputy foreign minister"
        flagged = make_claim(
            session,
            document,
            "The channel says the visit went well.",
            chain=[("speaker", "Zvinchuk", founder)],
            propaganda_sourced=True,
            propaganda_path=[
                {
                    "source_id": channel.id,
                    "name": "Rybar",
                    "role": "speaker",
                    "flag": "propaganda",
                    "via": "affiliation",
                    "text": "the speaker Mikhail Zvinchuk speaks for Rybar, flagged propaganda",
                    "position": 0,
                    "through": "Mikhail Zvinchuk",
                }
            ],
        )
        return {"official": official.id, "quoted": quoted.id, "flagged": flagged.id}


@pytest.fixture
def export(sqlite_target: Target, world: dict[str, int]) -> Export:
    return read_export(sqlite_target.database)


def test_a_named_official_is_a_person_in_claimreview_and_prov(
    export: Export, world: dict[str, int]
) -> None:
    (review,) = json.loads(json.dumps(claim_reviews(export)))
    author = review["itemReviewed"]["author"]
    assert author == {
        "@type": "Person",
        "name": "Sergey Vershinin",
        "jobTitle": "deputy foreign minister",
    }
    graph = ProvDocument.deserialize(content=render_prov_json(export), format="json")
    agents = {str(a.identifier): a for a in graph.get_records(ProvAgent)}
    official = agents[f"claims:source-{world['official']}"]
    assert set(official.get_attribute(PROV_TYPE)) == {PROV["Person"]}


def test_the_propaganda_reason_is_a_sentence(export: Export) -> None:
    sentence = (
        "Mikhail Zvinchuk, the speaker, speaks for Rybar, which is flagged propaganda"
        f" (designation: {DESIGNATION.rstrip('.')})."
    )
    markdown = render_markdown(export)
    assert f"\n1. {sentence}\n" in markdown
    html = render_html(export)
    assert f"<li>{sentence}</li>" in html
    assert "source_id" not in markdown and "source_id" not in html
    assert "via: " not in markdown and "position: " not in html


def test_propaganda_sentences_name_role_flag_designation_and_relay() -> None:
    direct = {
        "source_id": 1,
        "name": "Izvestia",
        "role": "publisher",
        "flag": "propaganda",
        "via": "direct",
    }
    assert propaganda_sentence(direct, "EU ban.") == (
        "Izvestia, the publisher, is itself flagged propaganda (designation: EU ban)."
    )
    parent = direct | {"via": "parent", "through": "RIA Novosti", "name": "Rossiya Segodnya"}
    assert propaganda_sentence(parent) == (
        "RIA Novosti, the publisher, belongs to Rossiya Segodnya, which is flagged propaganda"
        " (no designation recorded)."
    )
    assert propaganda_sentence("RIA Novosti (propaganda)") == (
        "RIA Novosti (propaganda) (no designation recorded)."
    )


def test_quotes_leave_debris_out_and_places_count_from_one(export: Export) -> None:
    markdown = render_markdown(export)
    quote = next(line for line in markdown.splitlines() if "closer ties" in line)
    assert "date 2025" not in quote
    other = next(
        line for line in markdown.splitlines() if "visit went well" in line and line.startswith(">")
    )
    assert "Share" not in other
    start = PAGE.index(QUOTE)
    assert f"paragraph 1, sentence 1, characters {start + 1}–{start + len(QUOTE)}" in markdown
    assert "paragraph 0" not in markdown and "paragraph 0" not in render_html(export)


def test_private_addresses_stay_text(export: Export) -> None:
    html = render_html(export)
    assert METADATA_URL not in re.findall(r'href="([^"]*)"', html)
    assert METADATA_URL in html  # shown, as text
    links = [
        t.attrs["href"]
        for t in MarkdownIt().parse(render_markdown(export))
        for t in (t.children or [])
        if t.type == "link_open"
    ]
    assert METADATA_URL not in links


@pytest.mark.parametrize(
    "url",
    [
        METADATA_URL,
        "http://127.0.0.1:8080/admin",
        "http://2130706433/",
        "http://0x7f000001/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://10.1.2.3/",
        "http://192.168.0.1/",
        "http://[fe80::1]/",
        "http://localhost/",
        "http://metadata.google.internal/",
        "ftp://example.org/",
    ],
)
def test_only_public_http_urls_become_links(url: str) -> None:
    assert safe_url(url) is None
    assert safe_url("https://www.reuters.com/world/") == "https://www.reuters.com/world/"


def test_claimreview_warns_about_appearances_without_a_url(
    export: Export, world: dict[str, int], sqlite_cli: Cli
) -> None:
    (warning,) = appearance_warnings(export)
    assert f"claim {world['quoted']}" in warning and "appearance.url" in warning
    result = sqlite_cli("export", "--format", "claimreview")
    assert result.exit_code == 0
    reviews: list[dict[str, Any]] = json.loads(result.stdout)
    assert "url" not in reviews[0]["itemReviewed"]["appearance"][0]
    assert f"warning: claim {world['quoted']}:" in result.stderr
    assert "1 warning(s)" in result.stderr
