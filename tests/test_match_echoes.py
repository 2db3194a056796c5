"""Echoes through the real command line: one ministry relayed by a wire agency and by a
propaganda-flagged state agency is one origin, and never raises a credibility.

Made-up articles and a made-up registry, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import Cli

REGISTRY = """\
format = "claims-sources/1"

[[sources]]
name = "Russian Ministry of Defence"
kind = "government"
grade = "D"
rationale = "A party to the war it reports on."
aliases = ["Russian Defence Ministry", "Russia's Defence Ministry"]

[[sources]]
name = "Wire Agency"
kind = "news_agency"
grade = "B"
rationale = "An established wire service."

[[sources]]
name = "RIA Novosti"
kind = "state_media"
grade = "E"
rationale = "A designated instrument of state propaganda."

[[sources.flags]]
flag = "propaganda"
rationale = "Named in a sanctions decision as an instrument of propaganda."
"""
WIRE = """\
Drones downed over border region, ministry says

MOSCOW, March 3 (Wire Agency) - Russia's Defence Ministry said on Tuesday that its air \
defence units had shot down 42 Ukrainian drones over the Belgorod region overnight.
"""
STATE = """\
Air defence destroys drones over Belgorod region

The Russian Defence Ministry said that air defence systems shot down 42 Ukrainian drones \
over the Belgorod region overnight.
"""
REGIONAL = """\
Governor reports drone attack repelled

The Belgorod regional governor, Vyacheslav Gladkov, said that air defence units shot down \
42 Ukrainian drones over the Belgorod region overnight.
"""
STATEMENT = "42 Ukrainian drones"


def ingest(cli: Cli, folder: Path, name: str, outlet: str, text: str) -> None:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    result = cli("ingest", "--outlet", outlet, "--published", "2026-03-03", str(path))
    assert result.exit_code == 0, result.output


def exported(cli: Cli) -> dict[str, Any]:
    result = cli("export", "--format", "json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def statement(data: dict[str, Any], outlet: str) -> dict[str, Any]:
    """The claim of the ministry's statement in the document of `outlet`."""
    documents = {d["id"]: d["outlet"] for d in data["documents"]}
    [found] = [
        c
        for c in data["claims"]
        if STATEMENT in c["text"] and documents[c["document_id"]] == outlet
    ]
    return found


def relations_of(data: dict[str, Any], claim_id: int) -> list[dict[str, Any]]:
    return [r for r in data["relations"] if claim_id in (r["claim_id"], r["other_claim_id"])]


def between(data: dict[str, Any], first: int, second: int) -> dict[str, Any]:
    [found] = [
        r for r in relations_of(data, first) if second in (r["claim_id"], r["other_claim_id"])
    ]
    return found


def test_a_wire_and_a_state_agency_relaying_one_ministry_are_echoes(
    cli: Cli, tmp_path: Path
) -> None:
    (tmp_path / "registry.toml").write_text(REGISTRY, encoding="utf-8")
    assert cli("sources", "import", str(tmp_path / "registry.toml")).exit_code == 0
    ingest(cli, tmp_path, "wire.txt", "Wire Agency", WIRE)
    alone = statement(exported(cli), "Wire Agency")
    ingest(cli, tmp_path, "state.txt", "RIA Novosti", STATE)

    for _ in range(2):  # as ingested, and again after a rebuild
        data = exported(cli)
        wire, state = statement(data, "Wire Agency"), statement(data, "RIA Novosti")
        ministry = {"source_id": wire["origin"]["source_id"], "name": "Russian Ministry of Defence"}
        assert wire["origin"] == state["origin"] == ministry
        echo = between(data, wire["id"], state["id"])
        assert echo["kind"] == "corroborates" and echo["independent"] is False
        assert echo["dependency"][:2] == [
            "same origin: Russian Ministry of Defence",
            "relayed by RIA Novosti (propaganda)",
        ]
        assert not any(r["independent"] for r in relations_of(data, wire["id"]))
        assert wire["credibility_proposed"] == alone["credibility_proposed"] == 4
        assert cli("match", "--rebuild").exit_code == 0

    report = cli("export", "--format", "md", "--claim", str(wire["id"]))
    assert "Origin: Russian Ministry of Defence." in report.stdout
    assert "Echoed by 2 (2 propaganda-flagged), independently corroborated by 0." in report.stdout
    listed = cli("list", "--document", str(wire["document_id"]))
    assert "origin: Russian Ministry of Defence" in listed.stdout
    card = cli("show", "--claim", str(wire["id"])).stdout
    assert "  origin: Russian Ministry of Defence" in card
    assert "  support: echoed by 2 (2 propaganda-flagged), independently corroborated by 0" in card


def test_a_second_origin_from_an_unflagged_outlet_raises_the_credibility(
    cli: Cli, tmp_path: Path
) -> None:
    (tmp_path / "registry.toml").write_text(REGISTRY, encoding="utf-8")
    assert cli("sources", "import", str(tmp_path / "registry.toml")).exit_code == 0
    ingest(cli, tmp_path, "wire.txt", "Wire Agency", WIRE)
    ingest(cli, tmp_path, "regional.txt", "Regional Daily", REGIONAL)
    data = exported(cli)
    wire, regional = statement(data, "Wire Agency"), statement(data, "Regional Daily")
    assert regional["origin"]["name"] == "Vyacheslav Gladkov"
    link = between(data, wire["id"], regional["id"])
    assert link["kind"] == "corroborates" and link["independent"] is True
    assert wire["credibility_proposed"] == 3
