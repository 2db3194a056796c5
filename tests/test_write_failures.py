"""Writes that fail (read-only folder, full disk): one line naming the file and why, exit 1,
and nothing left behind, for every command that writes a file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from db.engine import Database
from tests.conftest import Cli, Target
from tests.folders import run_with_file_size_limit, sealable_folder

ARTICLE = "\n\n".join(
    f"The harbour authority said on Monday that berth {n} would reopen after {n} weeks of"
    f" repairs costing {n}.5 million euros, according to a statement seen by the paper."
    for n in range(1, 40)
)

SEED_REGISTRY = Path(__file__).parents[1] / "seeds" / "sources.toml"
FULL_AT = 33 * 1024
"""A disk that takes files up to this size: room for SQLite's 32 KiB shared-memory file, not
for any of the outputs (the seed registry alone exports to about 34 KB)."""

WRITERS = {
    "export -o": lambda out: ("export", "--format", "json", "-o", str(out / "report.json")),
    "export --output-dir": lambda out: ("export", "--format", "md", "--output-dir", str(out)),
    "sources export -o": lambda out: ("sources", "export", "-o", str(out / "sources.toml")),
    "db backup": lambda out: ("db", "backup", str(out / "backup.db")),
}


@pytest.fixture(scope="module")
def stored_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("stored")
    article = folder / "harbour.txt"
    article.write_text("Harbour berths reopen\n\n" + ARTICLE)
    cli = Cli(
        Target(str(folder / "claims.db"), Database.from_target(str(folder / "claims.db"))),
        CliRunner(),
    )
    assert cli("sources", "import", str(SEED_REGISTRY)).exit_code == 0
    assert cli("ingest", "--outlet", "Harbour Gazette", str(article)).exit_code == 0
    cli.target.database.dispose()
    return folder / "claims.db"


@pytest.fixture
def stored(stored_once: Path, tmp_path: Path) -> Cli:
    shutil.copy(stored_once, tmp_path / "claims.db")
    copy = str(tmp_path / "claims.db")
    return Cli(Target(copy, Database.from_target(copy)), CliRunner())


def one_error_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("error: "), stderr
    assert "Traceback" not in stderr
    return lines[0]


@pytest.mark.parametrize("writer", WRITERS, ids=list(WRITERS))
def test_a_read_only_folder_gets_one_line_and_nothing_written(
    stored: Cli, tmp_path: Path, writer: str
) -> None:
    with sealable_folder(tmp_path / "out") as seal:
        seal()
        result = stored(*WRITERS[writer](tmp_path / "out"))
        assert result.exit_code == 1
        line = one_error_line(result.stderr)
        assert str(tmp_path / "out") in line
        assert "Read-only file system" in line or "Permission denied" in line
        assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.parametrize("writer", WRITERS, ids=list(WRITERS))
def test_a_full_disk_gets_one_line_and_nothing_left_behind(
    stored: Cli, tmp_path: Path, writer: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    args = WRITERS[writer](out)
    result = run_with_file_size_limit(FULL_AT, "--db", stored.target.arg, *args)
    assert result.returncode == 1, result.stderr
    line = one_error_line(result.stderr)
    assert str(out) in line
    assert list(out.iterdir()) == []
