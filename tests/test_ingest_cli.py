"""`claims ingest` end to end on a real SQLite file and a real PostgreSQL server."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from db.models import AuditEntry, Document, DocumentSnapshot
from tests.conftest import HOSTILE, SEEDS, Cli

ARTICLES = SEEDS / "articles"


def export(cli: Cli) -> dict:
    result = cli("export", "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def audit_actions(cli: Cli) -> list[str]:
    with cli.target.database.read() as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def count(cli: Cli, model: type) -> int:
    with cli.target.database.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_seeds_twice_leave_five_documents_with_exact_texts(cli: Cli) -> None:
    first = cli("ingest", str(SEEDS))
    assert first.exit_code == 0, first.output
    assert "5 added, 0 unchanged, 0 failed" in first.stderr
    second = cli("ingest", str(SEEDS))
    assert second.exit_code == 0, second.output
    assert "0 added, 5 unchanged, 0 failed" in second.stderr
    data = export(cli)
    assert data["schema_version"] == 1
    assert len(data["documents"]) == 5
    by_name = {Path(d["origin"]).name: d for d in data["documents"]}
    for path in sorted(ARTICLES.glob("*.txt")):
        document = by_name[path.name]
        assert document["text"] == path.read_text(encoding="utf-8")
        assert len(document["sha256"]) == 64


def test_seed_metadata_from_sidecars_and_text(cli: Cli) -> None:
    assert cli("ingest", str(SEEDS)).exit_code == 0
    docs = {Path(d["origin"]).name[:3]: d for d in export(cli)["documents"]}
    assert docs["000"]["published"] == "2025-01-26"
    assert docs["000"]["metadata_provenance"]["published"] == "text"
    assert docs["000"]["outlet"] is None
    assert docs["002"]["author"] == "Thomas Henry"
    assert docs["002"]["published"] == "2023-10-05"
    assert docs["002"]["outlet"] == "Medium"
    assert docs["002"]["metadata_provenance"]["outlet"] == "inferred"
    assert docs["003"]["original_publisher"] == "Al-Monitor"
    assert docs["003"]["metadata_provenance"]["published"] == "inferred"
    assert docs["004"]["outlet"] == "Izvestia"
    assert "Яндекс" in docs["004"]["machine_translation"]
    assert "machine_translated" in docs["004"]["flags"]


def test_debris_spans_point_into_the_original_text(cli: Cli) -> None:
    assert cli("ingest", str(ARTICLES / "003_4b18886d36a1d27c.txt")).exit_code == 0
    (document,) = export(cli)["documents"]
    reasons = {reason for _, _, reason in document["debris"]}
    assert "republication notice" in reasons
    assert any(r.startswith("repeated paragraph") for r in reasons)
    for start, end, _ in document["debris"]:
        assert document["text"][start:end].strip() == document["text"][start:end]
        assert 0 <= start < end <= len(document["text"])


def test_options_override_and_are_recorded(cli: Cli) -> None:
    result = cli(
        "ingest",
        "--outlet",
        "Example Times",
        "--published",
        "2024-02-03",
        "--title",
        "A title",
        str(ARTICLES / "000_705913ff69d0f8c1.txt"),
    )
    assert result.exit_code == 0, result.output
    (document,) = export(cli)["documents"]
    assert (document["outlet"], document["published"], document["title"]) == (
        "Example Times",
        "2024-02-03",
        "A title",
    )
    assert document["metadata_provenance"]["published"] == "option"


def test_stdin(cli: Cli) -> None:
    result = cli("ingest", "--outlet", "Wire", "-", input="Officials said the bridge reopened.\n")
    assert result.exit_code == 0, result.output
    (document,) = export(cli)["documents"]
    assert document["origin"] == "-"
    assert document["text"] == "Officials said the bridge reopened.\n"


def test_changed_text_at_same_path_is_a_new_version(cli: Cli, tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text("The ministry said the plant will open in May.\n")
    assert cli("ingest", str(article)).exit_code == 0
    article.write_text("The ministry said the plant will open in June.\n")
    result = cli("ingest", str(article))
    assert result.exit_code == 0, result.output
    assert "1 new version" in result.stderr
    docs = export(cli)["documents"]
    assert [d["version"] for d in docs] == [1, 2]
    assert docs[1]["previous_id"] == docs[0]["id"]
    listing = cli("documents")
    assert listing.stdout.count("story.txt") == 1  # only the newest version is listed
    assert cli("documents", "--all-versions").stdout.count("story.txt") == 2


def test_same_article_in_other_bytes_is_one_document_with_snapshots(cli: Cli) -> None:
    files = ["dup_article_lf.txt", "dup_article_crlf_bom.txt", "dup_article_trailing_ws_nfd.txt"]
    result = cli("ingest", *(str(HOSTILE / name) for name in files))
    assert result.exit_code == 0, result.output
    assert "1 added, 2 unchanged" in result.stderr
    assert count(cli, Document) == 1
    assert count(cli, DocumentSnapshot) == 3
    with cli.target.database.read() as session:
        raws = set(session.scalars(select(DocumentSnapshot.raw)))
    assert raws == {(HOSTILE / name).read_bytes() for name in files}


def test_bad_inputs_fail_alone_and_write_nothing(cli: Cli, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    good = tmp_path / "good.txt"
    good.write_text("The council approved the budget on Monday.\n")
    missing = tmp_path / "missing.txt"
    result = cli("ingest", str(empty), str(binary), str(missing), str(good))
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 3
    assert f"{empty}: empty input" in result.stderr
    assert f"{binary}: binary file, not text" in result.stderr
    assert f"{missing}: no such file or folder" in result.stderr
    assert "1 added, 0 unchanged, 3 failed" in result.stderr
    assert count(cli, Document) == 1
    assert count(cli, DocumentSnapshot) == 1
    assert audit_actions(cli) == ["document.ingest", "document.extract", "claims.match"]


def test_oversized_input_is_refused(cli: Cli, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (300 * 1024))
    result = cli("ingest", "--max-size", "1", str(big))
    assert result.exit_code == 1
    assert "larger than the 1 MB limit" in result.stderr
    assert count(cli, Document) == 0


def test_gzip_bomb_is_refused_by_decompressed_size(cli: Cli) -> None:
    result = cli("ingest", "--max-size", "5", str(HOSTILE / "bomb_gzip_40MB.html.gz"))
    assert result.exit_code == 1
    assert "decompressed size exceeds the 5 MB limit" in result.stderr
    assert count(cli, Document) == 0


def test_show_and_documents_render_hostile_text_inertly(cli: Cli) -> None:
    assert cli("ingest", str(HOSTILE / "ansi_osc_title_clipboard_hyperlink.txt")).exit_code == 0
    listing = cli("documents")
    shown = cli("show", "1")
    for output in (listing.stdout, shown.stdout, cli("show", "1", "--json").stdout):
        assert "\x1b" not in output and "\x9b" not in output and "\x9d" not in output
    assert "\\x1b" in shown.stdout


def test_show_unknown_document_is_a_clear_error(cli: Cli) -> None:
    result = cli("show", "42")
    assert result.exit_code == 1
    assert result.stderr.strip() == "error: no document with id 42"


def test_directory_walk_skips_sidecars_readmes_and_other_types(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(SEEDS, folder)
    (folder / "notes.csv").write_text("a,b\n")
    (folder / ".hidden.txt").write_text("Secret draft said nothing.\n")
    result = cli("ingest", str(folder))
    assert result.exit_code == 0, result.output
    assert count(cli, Document) == 5


def test_python_dash_m_claims_is_the_same_command(tmp_path: Path) -> None:
    """`python -m claims` works where the `claims` script is not on the PATH."""
    root = Path(__file__).parent.parent
    article = tmp_path / "note.txt"
    article.write_text("The Norland dam will be finished in March 2027, officials said.\n")
    database = str(tmp_path / "m.db")
    run = [sys.executable, "-m", "claims", "--db", database]
    ingested = subprocess.run(
        [*run, "ingest", str(article)], capture_output=True, text=True, cwd=root
    )
    assert ingested.returncode == 0, ingested.stderr
    listed = subprocess.run([*run, "documents"], capture_output=True, text=True, cwd=root)
    assert "note.txt" in listed.stdout
    wrong = subprocess.run([*run, "documents", "--nope"], capture_output=True, text=True, cwd=root)
    assert wrong.returncode == 2 and "Usage: claims documents" in wrong.stderr
