"""Importing a registry file again keeps what a person changed in the database since."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from db.models import Source
from tests.conftest import SEEDS, Cli

SEED_REGISTRY = SEEDS / "sources.toml"
WHY = "Made-up reason: three corrections refused this year."


def _grade(cli: Cli, name: str) -> str:
    with cli.target.database.read() as session:
        return session.scalars(select(Source.reliability).where(Source.name == name)).one()


def test_a_grade_a_person_gave_survives_a_reimport_that_says_where_it_differs(
    sqlite_cli: Cli,
) -> None:
    assert sqlite_cli("sources", "import", str(SEED_REGISTRY)).exit_code == 0
    edited = sqlite_cli("sources", "edit", "Izvestia", "--grade", "E", "--why", WHY)
    assert edited.exit_code == 0, edited.output

    again = sqlite_cli("sources", "import", str(SEED_REGISTRY))

    assert again.exit_code == 0, again.output
    assert _grade(sqlite_cli, "Izvestia") == "E"
    kept = [line for line in again.stderr.splitlines() if line.startswith("kept Izvestia")]
    assert len(kept) == 1 and "grade D" in kept[0], again.stderr
    assert "1 kept as changed in the database" in again.stderr
    assert "updated Izvestia" not in again.stderr


def test_overwrite_takes_the_file_and_a_later_import_changes_nothing(sqlite_cli: Cli) -> None:
    assert sqlite_cli("sources", "import", str(SEED_REGISTRY)).exit_code == 0
    assert sqlite_cli("sources", "edit", "Izvestia", "--grade", "E", "--why", WHY).exit_code == 0

    overwritten = sqlite_cli("sources", "import", "--overwrite", str(SEED_REGISTRY))

    assert overwritten.exit_code == 0, overwritten.output
    assert _grade(sqlite_cli, "Izvestia") == "D"
    assert "updated Izvestia: grade D" in overwritten.stderr
    quiet = sqlite_cli("sources", "import", str(SEED_REGISTRY))
    assert "registry unchanged" in quiet.stderr and "kept" not in quiet.stderr


def test_a_source_nobody_edited_still_takes_a_changed_file(sqlite_cli: Cli, tmp_path: Path) -> None:
    assert sqlite_cli("sources", "import", str(SEED_REGISTRY)).exit_code == 0
    assert sqlite_cli("sources", "edit", "Izvestia", "--grade", "E", "--why", WHY).exit_code == 0
    text = SEED_REGISTRY.read_text(encoding="utf-8")
    block = text.index('name = "Izvestia"')
    changed = text[:block] + text[block:].replace('grade = "D"', 'grade = "C"', 1)
    target = text.index('name = "Government of the Russian Federation"')
    changed = changed[:target] + changed[target:].replace('grade = "D"', 'grade = "E"', 1)
    registry = tmp_path / "registry.toml"
    registry.write_text(changed, encoding="utf-8")

    result = sqlite_cli("sources", "import", str(registry))

    assert result.exit_code == 0, result.output
    assert _grade(sqlite_cli, "Government of the Russian Federation") == "E"
    assert _grade(sqlite_cli, "Izvestia") == "E"
    assert "kept Izvestia" in result.stderr and "grade C" in result.stderr
