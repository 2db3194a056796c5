"""One source service: a grade given on the command line and in the workbench writes the same."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from click.testing import CliRunner
from sqlalchemy import select

from claims.store.review import ReviewService
from db.engine import Database
from db.models import AuditEntry, Source, SourceRating
from tests.conftest import SEEDS, Cli, Target, migrated_sqlite

WHY = "Repeated state narratives; corrections are rare."


def _database(path: Path) -> Target:
    database = migrated_sqlite(path)
    return Target(str(path), database)


def _graded_state(database: Database, name: str) -> dict[str, Any]:
    """The source's grade fields, its newest rating row and its newest audit entry."""
    with database.read() as session:
        source = session.scalars(select(Source).where(Source.name == name)).one()
        rating = session.scalars(
            select(SourceRating)
            .where(SourceRating.source_id == source.id)
            .order_by(SourceRating.id.desc())
        ).first()
        entry = session.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == "source", AuditEntry.entity_id == source.id)
            .order_by(AuditEntry.id.desc())
        ).first()
        assert rating is not None and entry is not None
        after = {k: v for k, v in (entry.after or {}).items() if k not in ("rating_id",)}
        return {
            "source": (
                source.reliability,
                source.reliability_rationale,
                list(source.reliability_evidence),
                source.reliability_set_by,
            ),
            "rating": (rating.grade, rating.rationale, list(rating.evidence), rating.set_by),
            "rating_is_the_entry's": rating.id == (entry.after or {}).get("rating_id"),
            "audit": (entry.action, entry.actor, _timeless(entry.before), _timeless(after)),
        }


def _timeless(values: dict[str, Any] | None) -> dict[str, Any]:
    return {k: v for k, v in (values or {}).items() if not k.endswith("_at")}


def test_a_grade_from_the_command_line_and_from_the_workbench_writes_the_same(
    tmp_path: Path,
) -> None:
    runner = CliRunner()
    by_cli, by_workbench = _database(tmp_path / "cli.db"), _database(tmp_path / "tui.db")
    for target in (by_cli, by_workbench):
        assert Cli(target, runner)("sources", "import", str(SEEDS / "sources.toml")).exit_code == 0

    edited = Cli(by_cli, runner)("sources", "edit", "Izvestia", "--grade", "E", "--why", WHY)
    assert edited.exit_code == 0, edited.output
    with by_workbench.database.read() as session:
        izvestia = session.scalars(select(Source).where(Source.name == "Izvestia")).one()
        seen = (izvestia.id, izvestia.row_version)
    ReviewService(by_workbench.database, "tester").set_source_grade(seen[0], seen[1], "E", WHY)

    from_cli = _graded_state(by_cli.database, "Izvestia")
    assert from_cli["source"] == ("E", WHY, [], "tester")
    assert from_cli["audit"][0] == "source.grade" and from_cli["rating_is_the_entry's"]
    assert from_cli == _graded_state(by_workbench.database, "Izvestia")
    for target in (by_cli, by_workbench):
        target.database.dispose()


def test_a_grade_given_on_the_command_line_is_undone_in_the_workbench(sqlite_cli: Cli) -> None:
    assert sqlite_cli("sources", "import", str(SEEDS / "sources.toml")).exit_code == 0
    database = sqlite_cli.target.database
    before = _graded_state(database, "Izvestia")["source"]
    assert sqlite_cli("sources", "edit", "Izvestia", "--grade", "E", "--why", WHY).exit_code == 0
    assert _graded_state(database, "Izvestia")["source"][0] == "E"

    ReviewService(database, "tester").undo()

    assert _graded_state(database, "Izvestia")["source"] == before
