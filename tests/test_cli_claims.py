"""`claims show --claim` and the filters of `claims list`."""

from __future__ import annotations

import json

import pytest

from tests.conftest import Cli
from tests.factories import Sample, build_sample


@pytest.fixture
def sample(cli: Cli) -> Sample:
    with cli.target.database.write() as session:
        return build_sample(session)


def test_show_one_claim_with_chain_flags_relations_and_verdict(cli: Cli, sample: Sample) -> None:
    worth = sample.claims[1]
    result = cli("show", "--claim", str(worth))
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert f"claim {worth} in document {sample.documents[0]}" in text
    assert "1. says RIA Novosti [E Unreliable]  flags: propaganda" in text
    assert "propaganda: propaganda-sourced" in text and "RIA Novosti is flagged propaganda" in text
    assert "conflicts #" in text and "amount differs: 2 vs 1.5 billion" in text
    assert "corroborates #" in text and "shared origin: both published by TASS" in text
    reviewed = cli("show", "--claim", str(sample.claims[4]), "--json")
    card = json.loads(reviewed.stdout)
    assert card["verdict"] == "mostly_true" and card["history"][0]["reviewer"] == "alice"
    assert cli("show", str(sample.documents[0])).stdout.startswith("document ")
    neither = cli("show")
    assert neither.exit_code == 1 and "--claim" in neither.stderr
    assert cli("show", "--claim", "9999").exit_code == 1


def listed_ids(cli: Cli, *options: str) -> list[int]:
    result = cli("list", "--json", *options)
    assert result.exit_code == 0, result.output
    return [json.loads(line)["id"] for line in result.stdout.splitlines()]


def test_list_filters_by_source_flag_and_verdict(cli: Cli, sample: Sample) -> None:
    plant, worth, troops, plant2, worth2 = sample.claims
    assert listed_ids(cli, "--source", "RIA") == [worth]
    assert listed_ids(cli, "--source", str(sample.sources["reuters"])) == [plant2, worth2]
    assert listed_ids(cli, "--flag", "propaganda") == [worth]
    assert listed_ids(cli, "--flag", "none") == [plant, troops, plant2, worth2]
    assert listed_ids(cli, "--verdict", "mostly_true") == [worth2]
    assert listed_ids(cli, "--verdict", "none", "--source", "Reuters") == [plant2]
    assert listed_ids(cli, "--source", "%") == []
    assert listed_ids(cli, "--source", "x' OR '1'='1") == []
    assert listed_ids(cli, "--document", str(sample.documents[1]), "--verdict", "any") == [worth2]
    assert cli("list", "--verdict", "wrong").exit_code == 2
