"""One file per document or claim: names from the app, inside the folder, atomic, no clobbering."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.errors import ClaimsError
from claims.reports.files import (
    MAX_NAME_BYTES,
    export_file_name,
    safe_export_path,
    slug,
    write_new_file,
)
from tests.conftest import Cli
from tests.report_factories import hostile_file, populate

NAME = re.compile(r"^(document|claim)-[0-9]+(-[a-z0-9]+(-[a-z0-9]+)*)?\.[a-z0-9.]+$")
TRAVERSAL = [
    *hostile_file("export_filename_traversal.txt").split("\n"),
    "\x00",
    "a\x00b",
    "\u202egpj.exe",
]


def check(folder: Path, title: str, record_id: int = 7, suffix: str = "html") -> Path:
    path = safe_export_path(folder, "document", record_id, title, suffix)
    assert path.parent == folder.resolve()
    assert NAME.match(path.name), path.name
    assert len(path.name.encode("utf-8")) <= MAX_NAME_BYTES
    return path


@pytest.mark.parametrize("title", TRAVERSAL)
def test_hostile_titles_give_contained_plain_names(tmp_path: Path, title: str) -> None:
    path = check(tmp_path, title)
    assert path.name.startswith("document-7")


def test_examples() -> None:
    assert export_file_name("document", 3, "../../etc/passwd", "md") == "document-3-etc-passwd.md"
    assert export_file_name("claim", 4, "CON", "html") == "claim-4-con.html"
    assert export_file_name("document", 5, "Министерство обороны", "md") == (
        "document-5-ministerstvo-oborony.md"
    )
    assert export_file_name("document", 6, "", "csv") == "document-6.csv"
    assert export_file_name("document", 8, "x" * 300, "prov.json").endswith("xxx.prov.json")
    assert slug("ＣＯＮ (full-width)") == "con-full-width"
    with pytest.raises(ValueError):
        export_file_name("../x", 1, "t", "md")
    with pytest.raises(ValueError):
        export_file_name("document", 1, "t", "../md")


@settings(max_examples=200, deadline=None)
@given(title=st.text(max_size=400), record_id=st.integers(min_value=1, max_value=10**12))
def test_any_title_stays_inside(
    tmp_path_factory: pytest.TempPathFactory, title: str, record_id: int
) -> None:
    folder = tmp_path_factory.getbasetemp() / "hypothesis-out"
    folder.mkdir(exist_ok=True)
    check(folder, title, record_id)


def test_a_symlink_at_the_name_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.html"
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / export_file_name("document", 1, "x", "html")).symlink_to(outside)
    with pytest.raises(ClaimsError, match="outside"):
        safe_export_path(folder, "document", 1, "x", "html")


def test_no_overwrite_without_force(tmp_path: Path) -> None:
    path = tmp_path / "document-1.md"
    write_new_file(path, b"first")
    with pytest.raises(ClaimsError, match="already exists"):
        write_new_file(path, b"second")
    assert path.read_bytes() == b"first"
    write_new_file(path, b"third", force=True)
    assert path.read_bytes() == b"third"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["document-1.md"]  # no temp files left


def test_cli_writes_one_file_per_document_then_refuses_to_overwrite(
    sqlite_cli: Cli, tmp_path: Path
) -> None:
    with sqlite_cli.target.database.write() as session:
        story = populate(session)
    out = tmp_path / "reports"
    out.mkdir()
    result = sqlite_cli("export", "--format", "md", "--output-dir", str(out))
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(
        [
            f"document-{story.documents['ria']}-russia-to-ship-wheat-to-iraq.md",
            f"document-{story.documents['reuters_v1']}-wheat-talks.md",
            f"document-{story.documents['reuters']}-russia-says-wheat-shipments-to-iraq-on-track.md",
            f"document-{story.documents['monitor']}-no-grain-deal-yet-baghdad-officials-say.md",
        ]
    )
    monitor = (
        out / f"document-{story.documents['monitor']}-no-grain-deal-yet-baghdad-officials-say.md"
    ).read_text("utf-8")
    assert f"### Claim {story.claims['no_contract']}:" in monitor
    assert f"### Claim {story.claims['rybar']}:" in monitor
    assert f"### Claim {story.claims['wheat_ria']}:" not in monitor
    again = sqlite_cli("export", "--format", "md", "--output-dir", str(out))
    assert again.exit_code == 1 and "already exists (use --force" in again.stderr
    forced = sqlite_cli("export", "--format", "md", "--output-dir", str(out), "--force")
    assert forced.exit_code == 0, forced.stderr


def test_cli_per_claim_split(sqlite_cli: Cli, tmp_path: Path) -> None:
    with sqlite_cli.target.database.write() as session:
        story = populate(session)
    result = sqlite_cli(
        "export",
        "--format",
        "html",
        "--reviewed-only",
        "--output-dir",
        str(tmp_path),
        "--split",
        "claim",
    )
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".html")
    assert [n.split("-")[1] for n in names] == sorted(
        [str(story.claims["wheat_reuters"]), str(story.claims["no_contract"])]
    )


def test_cli_output_and_output_dir_conflict(sqlite_cli: Cli, tmp_path: Path) -> None:
    result = sqlite_cli("export", "--format", "md", "--output-dir", str(tmp_path), "-o", "x.md")
    assert result.exit_code == 1 and "not both" in result.stderr


def test_an_export_is_readable_as_any_new_file_would_be(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        write_new_file(tmp_path / "report.html", b"<p>x</p>")
        write_new_file(tmp_path / "again.html", b"<p>y</p>", force=True)
    finally:
        os.umask(previous)
    for name in ("report.html", "again.html"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644
