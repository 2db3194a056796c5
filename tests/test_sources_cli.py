"""`claims sources` end to end: the seed registry, files, outside lists and the seed articles."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from claims.store.documents import extract_document
from db.models import Attribution, Claim, Document, Source
from tests.conftest import SEEDS, Cli, Target

SEED_REGISTRY = str(SEEDS / "sources.toml")


def test_the_seed_registry_imports_once(cli: Cli) -> None:
    first = cli("sources", "import", SEED_REGISTRY)
    assert first.exit_code == 0, first.output
    assert "created" in first.stderr
    second = cli("sources", "import", SEED_REGISTRY)
    assert second.exit_code == 0 and "registry unchanged" in second.stderr
    listed = cli("sources", "list", "--flag", "propaganda", "--json")
    names = {json.loads(line)["name"] for line in listed.stdout.splitlines()}
    assert {"Rybar", "Izvestia", "RT", "Sputnik", "RIA Novosti"} <= names
    assert "Institute for the Study of War" not in names
    shown = cli("sources", "show", "Рыбарь")
    assert shown.exit_code == 0 and shown.stdout.startswith("source ")
    assert "flag propaganda" in shown.stdout and "evidence:" in shown.stdout


def test_export_and_import_round_trip_through_csv_and_toml(
    sqlite_cli: Cli, tmp_path: Path, sqlite_target: Target
) -> None:
    assert sqlite_cli("sources", "import", SEED_REGISTRY).exit_code == 0
    edited = sqlite_cli(
        "sources", "edit", "Izvestia", "--grade", "E", "--edition", "English", "--why", "MT"
    )
    assert edited.exit_code == 0, edited.output
    for file_format in ("csv", "toml"):
        path = tmp_path / f"registry.{file_format}"
        assert sqlite_cli("sources", "export", "-o", str(path)).exit_code == 0
        other = Cli(
            Target(str(tmp_path / f"other-{file_format}.db"), sqlite_target.database),
            sqlite_cli.runner,
        )
        imported = other("sources", "import", str(path))
        assert imported.exit_code == 0, imported.output
        again = tmp_path / f"again.{file_format}"
        assert other("sources", "export", "-o", str(again)).exit_code == 0
        assert again.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


def test_a_grade_needs_a_reason(sqlite_cli: Cli) -> None:
    sqlite_cli("sources", "import", SEED_REGISTRY)
    result = sqlite_cli("sources", "edit", "Interfax", "--grade", "B")
    assert result.exit_code == 1 and "--why" in result.stderr


def test_import_ratings_dry_run_reports_coverage_and_saves_nothing(
    sqlite_cli: Cli, tmp_path: Path
) -> None:
    sample = tmp_path / "sample.tsv"
    sample.write_text(
        "source_url\tsource_url_normalized\tref\tfact\tbias\n"
        "https://www.rt.com/news/\trt.com-news\thttps://mbfc.example/rt/\tmixed\tright-center\n"
        "https://fresh.example/\tfresh.example\thttps://mbfc.example/f/\thigh\tleft\n",
        encoding="utf-8",
    )
    sqlite_cli("sources", "import", SEED_REGISTRY)
    result = sqlite_cli("sources", "import-ratings", str(sample), "--format", "baly", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "2 rows read, 2 mapped (100.0 %)" in result.stdout
    assert "matched existing sources: 1 (RT)" in result.stdout
    assert "dry run: nothing saved" in result.stderr
    assert "fresh.example" not in sqlite_cli("sources", "list").stdout


def test_the_seed_articles_flag_rybar_but_not_isw_or_the_state_department(cli: Cli) -> None:
    assert cli("sources", "import", SEED_REGISTRY).exit_code == 0
    assert cli("ingest", "--quiet", str(SEEDS / "articles")).exit_code == 0
    with cli.target.database.write() as session:
        for document in session.scalars(select(Document)).all():
            if document.extracted_at is None:
                extract_document(session, document, "tester")
    with cli.target.database.read() as session:
        claims = session.scalars(select(Claim)).all()
        rybar = [c for c in claims if _speaker(c) == "Rybar"]
        assert rybar and all(c.propaganda_sourced for c in rybar)
        assert all(c.propaganda_path[0]["name"] == "Rybar" for c in rybar)
        for name in ("Institute for the Study of War", "US State Department"):
            cited = [c for c in claims if _speaker(c) == name]
            assert cited and not any(c.propaganda_sourced for c in cited), name
        links = session.scalars(select(Attribution)).all()
        for link in links:
            assert link.source_id is not None or link.resolution == "unnamed", link.mention
        queued = session.scalars(select(Source).where(Source.needs_review.is_(True))).all()
        assert all(source.reliability == "F" for source in queued)
    queue = cli("sources", "review-queue")
    assert queue.exit_code == 0 and "waiting for review" in queue.stderr


def _speaker(claim: Claim) -> str | None:
    for link in claim.attributions:
        if link.role == "speaker" and link.source is not None:
            return link.source.name
    return None
