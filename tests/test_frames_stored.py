"""Claim frames end to end: read at ingest, stored with the claim on SQLite and PostgreSQL,
exported as claims[].frame, shown by `claims show --claim`, and conflicts between two wire
reports of one company's quarter found through them."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from db.models import Claim, Relation
from tests.conftest import Cli

TABLE = (
    "Example Corp 1st Qtr Net\n\n"
    "    NEW YORK, March 3 -\n"
    "    Shr 25 cts vs 1.21 dlrs\n"
    "    Revs 45.6 mln vs 40.1 mln\n"
)
RESTATED = (
    "Example Corp Restates First Quarter\n\n"
    "    NEW YORK, March 9 - Example Corp said its first quarter net income was 1,734,000"
    " dlrs, or 35 cts a share, after an accounting change.\n"
)
OTHER_COMPANY = (
    "Brightwater Industries Inc 1st Qtr Net\n\n"
    "    CHICAGO, March 4 -\n"
    "    Shr 40 cts vs 31 cts\n"
    "    Revs 88.2 mln vs 79.5 mln\n"
)


def ingest(cli: Cli, folder: Path, texts: dict[str, str]) -> None:
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    result = cli("ingest", "--published", "1987-03-10", str(folder))
    assert result.exit_code == 0, result.output


def shr_claim(cli: Cli, document_name: str) -> Claim:
    with cli.target.database.read() as session:
        rows = session.scalars(select(Claim).where(Claim.text.like("Shr %"))).all()
        return next(row for row in rows if row.document.origin.endswith(document_name))


def test_a_table_line_is_stored_with_the_headlines_company(cli: Cli, tmp_path: Path) -> None:
    ingest(cli, tmp_path, {"table.txt": TABLE})
    frame = shr_claim(cli, "table.txt").features["frame"]
    assert frame["subject"]["text"] == "Example Corp"
    assert frame["subject"]["found"] == "headline"
    assert frame["measure"] == "earnings per share"
    assert frame["period"]["text"] == "Q1 1987"


def test_the_export_carries_the_frame(cli: Cli, tmp_path: Path) -> None:
    ingest(cli, tmp_path, {"table.txt": TABLE})
    result = cli("export", "--format", "json")
    assert result.exit_code == 0, result.output
    claims = json.loads(result.stdout)["claims"]
    shr = next(claim for claim in claims if claim["text"].startswith("Shr"))
    assert shr["frame"]["subject"]["text"] == "Example Corp"
    assert [value["amount"] for value in shr["frame"]["values"]] == [0.25, 1.21]


def test_the_claim_card_shows_the_frame(cli: Cli, tmp_path: Path) -> None:
    ingest(cli, tmp_path, {"table.txt": TABLE})
    claim_id = shr_claim(cli, "table.txt").id
    result = cli("show", "--claim", str(claim_id))
    assert result.exit_code == 0, result.output
    assert "frame: Example Corp | earnings per share | Q1 1987 | 25 cts, 1.21 dlrs" in (
        result.stdout
    )


def test_one_companys_restated_figure_conflicts_and_anothers_does_not(
    cli: Cli, tmp_path: Path
) -> None:
    ingest(cli, tmp_path, {"a.txt": TABLE, "b.txt": RESTATED, "c.txt": OTHER_COMPANY})
    example, other = shr_claim(cli, "a.txt").id, shr_claim(cli, "c.txt").id
    with cli.target.database.read() as session:
        conflicts = session.scalars(select(Relation).where(Relation.kind == "conflicts")).all()
        pairs = {frozenset((r.claim_id, r.other_claim_id)): r for r in conflicts}
        found = [r for key, r in pairs.items() if example in key]
        assert len(found) == 1
        assert "same subject: Example Corp; same measure: earnings per share, Q1 1987" in (
            found[0].reasons
        )
        assert not any(other in key for key in pairs)
