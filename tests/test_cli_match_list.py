"""`claims match`: the summary says what this run did; --list lists what is stored, and
--json is one JSON value."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import func, select

from db.models import Relation
from tests.conftest import Cli, Target
from tests.factories import Sample, build_sample


@pytest.fixture
def sample(cli: Cli) -> Sample:
    with cli.target.database.write() as session:
        return build_sample(session)


def stored_relations(target: Target) -> int:
    with target.database.read() as session:
        return session.scalar(select(func.count()).select_from(Relation)) or 0


def test_match_list_shows_what_is_stored_and_json_is_one_value(cli: Cli, sample: Sample) -> None:
    assert cli("match").exit_code == 0  # every claim is matched now: the next run finds none
    stored = stored_relations(cli.target)
    assert stored > 0
    result = cli("match", "--list")
    assert result.exit_code == 0, result.output
    assert "this run matched 0 claims" in result.stdout
    assert f"({stored} stored in all" in result.stdout
    assert "credibility: \n" not in result.stdout + "\n"
    assert f"stored relations: {stored} (" in result.stdout
    listed = [line for line in result.stdout.splitlines() if re.match(r"#\d+ \w+ #\d+", line)]
    assert len(listed) == stored
    with cli.target.database.read() as session:
        relation = session.scalars(select(Relation).order_by(Relation.id)).first()
        assert relation is not None and relation.reasons
        head = f"#{relation.claim_id} {relation.kind} #{relation.other_claim_id} "
        assert any(line.startswith(head) and relation.reasons[0] in line for line in listed)
    as_json = cli("match", "--list", "--json")
    assert as_json.exit_code == 0, as_json.output
    value = json.loads(as_json.stdout)  # one JSON value, nothing after it
    assert value["claims"] == 0 and len(value["stored_relations"]) == stored
    assert {"kind", "reasons", "status", "claim_id", "other_claim_id"} <= set(
        value["stored_relations"][0]
    )
    document = cli("match", "--document", str(sample.documents[1]), "--list", "--json")
    other = json.loads(document.stdout)["stored_relations"]
    assert 0 < len(other) <= stored
