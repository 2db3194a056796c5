"""W3C PROV: the output parses with the `prov` package and holds the provenance graph."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from prov.model import (
    PROV,
    PROV_TYPE,
    ProvActivity,
    ProvAgent,
    ProvAssociation,
    ProvAttribution,
    ProvDerivation,
    ProvDocument,
    ProvEntity,
    ProvRecord,
)

from claims.reports.provenance import render_prov_json, render_provn
from claims.reports.schema import Export
from tests.report_factories import Story, export_story, hostile_file

HOSTILE = (
    hostile_file("html_report_xss_payloads.txt")
    + hostile_file("bidi_override_spoof.txt")
    + "\x01\x1b[2J\u0085\u2028\u2029\ufeff\U0001f600 \\u0000 \" ' {{7*7}}"
)


def load(export: Export) -> ProvDocument:
    document: ProvDocument = ProvDocument.deserialize(
        content=render_prov_json(export), format="json"
    )
    return document


def ids(document: ProvDocument, kind: type[ProvRecord]) -> set[str]:
    return {str(r.identifier) for r in document.get_records(kind)}


def pairs(document: ProvDocument, kind: type[ProvRecord]) -> list[tuple[Any, ...]]:
    return [
        (str(r.args[0]), str(r.args[1]), {str(k): v for k, v in r.extra_attributes})
        for r in document.get_records(kind)
    ]


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> tuple[Export, Story]:
    return export_story(tmp_path_factory.mktemp("prov"))


def test_entities_agents_activities(story: tuple[Export, Story]) -> None:
    export, s = story
    document = load(export)
    entities = ids(document, ProvEntity)
    assert {f"claims:document-{d.id}" for d in export.documents} <= entities
    assert {f"claims:claim-{c.id}" for c in export.claims} <= entities
    agents = ids(document, ProvAgent)
    assert {f"claims:source-{i}" for i in s.sources.values()} <= agents
    assert "claims:organisation" in agents
    activities = ids(document, ProvActivity)
    assert {f"claims:ingestion-{d.id}" for d in export.documents} <= activities
    assert {f"claims:review-{r.id}" for r in export.reviews} <= activities
    assert any(a.startswith("claims:extraction-") for a in activities)


def test_attribution_chain(story: tuple[Export, Story]) -> None:
    export, s = story
    document = load(export)
    claim = f"claims:claim-{s.claims['wheat_reuters']}"
    attributed = {
        (agent, attrs.get("claims:role"))
        for entity, agent, attrs in pairs(document, ProvAttribution)
        if entity == claim
    }
    assert attributed == {
        (f"claims:source-{s.sources['minister']}", "speaker"),
        (f"claims:source-{s.sources['ria']}", "intermediary"),
        (f"claims:source-{s.sources['reuters']}", "publisher"),
    }
    derived = defaultdict(set)
    for record in document.get_records(ProvDerivation):
        kinds = {str(t) for t in record.get_attribute(PROV_TYPE)} or {"derivation"}
        for kind in kinds:
            derived[kind].add((str(record.args[0]), str(record.args[1])))
    speaker_statement = f"claims:statement-{s.claims['wheat_reuters']}-0"
    relay_statement = f"claims:statement-{s.claims['wheat_reuters']}-1"
    assert (claim, speaker_statement) in derived[str(PROV["PrimarySource"])]
    assert (relay_statement, speaker_statement) in derived[str(PROV["Quotation"])]
    assert (claim, relay_statement) in derived[str(PROV["Quotation"])]
    statements = {e: a for e, a, _ in pairs(document, ProvAttribution)}
    assert statements[speaker_statement] == f"claims:source-{s.sources['minister']}"
    assert statements[relay_statement] == f"claims:source-{s.sources['ria']}"
    reuters, previous = s.documents["reuters"], s.documents["reuters_v1"]
    assert (f"claims:document-{reuters}", f"claims:document-{previous}") in derived[
        str(PROV["Revision"])
    ]


def test_reviews_are_derivations_by_reviewers(story: tuple[Export, Story]) -> None:
    export, s = story
    document = load(export)
    claim = f"claims:claim-{s.claims['wheat_reuters']}"
    reviews = [r for r in export.reviews if r.claim_id == s.claims["wheat_reuters"]]
    derivations = {
        (str(r.args[0]), str(r.args[1]), str(r.args[2]))
        for r in document.get_records(ProvDerivation)
    }
    for review in reviews:
        assert (
            f"claims:assessment-{review.id}",
            claim,
            f"claims:review-{review.id}",
        ) in derivations
    associations = {str(r.args[0]): str(r.args[1]) for r in document.get_records(ProvAssociation)}
    people = {
        str(r.identifier): str(r.label)
        for r in document.get_records(ProvAgent)
        if str(r.identifier).startswith("claims:person-")
    }
    assert people[associations[f"claims:review-{reviews[0].id}"]] == "alice"
    assert (f"claims:verdict-{s.claims['wheat_reuters']}", claim, "None") in derivations


def test_hostile_strings_survive_byte_exact(tmp_path: Path) -> None:
    export, _ = export_story(tmp_path, lambda v: HOSTILE + v)
    document = load(export)
    by_id = {str(r.identifier): r for r in document.get_records(ProvEntity)}
    for claim in export.claims:
        (value,) = by_id[f"claims:claim-{claim.id}"].get_attribute("prov:value")
        assert value == claim.text
    for source in export.sources:
        agents = {str(r.identifier): r for r in document.get_records(ProvAgent)}
        assert agents[f"claims:source-{source.id}"].label == source.name
    for item in export.documents:
        (title,) = by_id[f"claims:document-{item.id}"].get_attribute("claims:title")
        assert title == item.title
    assert render_prov_json(export).isascii()


def test_identifiers_never_come_from_text(tmp_path: Path) -> None:
    export, _ = export_story(tmp_path, lambda v: "claims:evil " + v)
    document = load(export)
    every_id = {str(r.identifier) for r in document.get_records() if r.identifier is not None}
    assert all(i.startswith("claims:") and " " not in i for i in every_id)


def test_provn_mentions_every_claim(story: tuple[Export, Story]) -> None:
    export, _ = story
    text = render_provn(export)
    assert text.startswith("document")
    for claim in export.claims:
        assert f"entity(claims:claim-{claim.id}," in text
