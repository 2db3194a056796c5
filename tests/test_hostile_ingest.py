"""Every hostile input is either stored byte-exact and flagged, or refused with a clear reason.

A refusal leaves the database unchanged; an acceptance keeps the raw bytes as evidence.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from db.models import Document, DocumentSnapshot
from tests.conftest import HOSTILE, Cli

REFUSED = {
    "archive_zipslip_and_ratio.zip": "binary file, not text",
    "bomb_gzip_40MB.html.gz": "decompressed size exceeds the 20 MB limit",
    "db_corrupt_page.sqlite": "binary file, not text",
    "db_truncated.sqlite": "binary file, not text",
    "html_deep_nesting_3000.html": "document too deeply nested",
    "many_short_lines.txt": "empty input",
    "xml_billion_laughs.xhtml": "unsafe XML construct",
    "xml_xxe_external_entities.xhtml": "unsafe XML construct",
}
FLAGGED = {
    "ansi_csi_cursor_and_clear.txt": {"contains_control_chars"},
    "ansi_osc_title_clipboard_hyperlink.txt": {"contains_control_chars"},
    "bidi_override_spoof.txt": {"contains_bidi_controls"},
    "control_chars_c0_c1.txt": {"contains_control_chars"},
    "encoding_cp1251_meta_says_utf8.html": {"encoding_declared_mismatch"},
    "encoding_invalid_utf8_sequences.bin": {"encoding_uncertain"},
    "encoding_mixed_utf8_then_cp1251.txt": {"encoding_uncertain", "invalid_bytes_replaced"},
    "encoding_nul_bytes.txt": {"nul_replaced"},
    "html_hidden_and_script_text.html": {"hidden_text_removed"},
    "zero_width_and_homoglyphs.txt": {"contains_invisible_chars"},
}
ACCEPTED = sorted(
    p.name
    for p in HOSTILE.iterdir()
    if p.name not in REFUSED and not p.name.startswith("dup_article")
)


def counts(cli: Cli) -> tuple[int, int]:
    with cli.target.database.read() as session:
        documents = session.scalar(select(func.count()).select_from(Document))
        snapshots = session.scalar(select(func.count()).select_from(DocumentSnapshot))
    return documents or 0, snapshots or 0


@pytest.mark.timeout(20)
@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_with_reason_and_nothing_written(sqlite_cli: Cli, name: str) -> None:
    result = sqlite_cli("ingest", str(HOSTILE / name))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and REFUSED[name] in errors[0] and name in errors[0]
    assert "Traceback" not in result.output
    assert counts(sqlite_cli) == (0, 0)


@pytest.mark.timeout(20)
@pytest.mark.parametrize("name", ACCEPTED)
def test_accepted_byte_exact_and_flagged(sqlite_cli: Cli, name: str) -> None:
    result = sqlite_cli("ingest", str(HOSTILE / name))
    assert result.exit_code == 0, result.output
    with sqlite_cli.target.database.read() as session:
        document = session.scalars(select(Document)).one()
        snapshot = session.scalars(select(DocumentSnapshot)).one()
        assert snapshot.raw == (HOSTILE / name).read_bytes()
        assert "\x00" not in document.text
        assert FLAGGED.get(name, set()) <= set(document.flags)
    exported = json.loads(sqlite_cli("export").stdout)
    assert exported["documents"][0]["text"] == document.text


def test_cp1251_is_decoded_not_mojibake(sqlite_cli: Cli) -> None:
    for name in ("encoding_cp1251_undeclared.txt", "encoding_cp1251_meta_says_utf8.html"):
        assert sqlite_cli("ingest", str(HOSTILE / name)).exit_code == 0
    with sqlite_cli.target.database.read() as session:
        documents = session.scalars(select(Document).order_by(Document.id)).all()
    assert documents[0].encoding == "cp1251"
    assert "encoding_uncertain" not in documents[0].flags
    assert "Министерство" in documents[1].text


def test_utf16_with_bom(sqlite_cli: Cli) -> None:
    assert sqlite_cli("ingest", str(HOSTILE / "encoding_utf16le_bom.txt")).exit_code == 0
    with sqlite_cli.target.database.read() as session:
        document = session.scalars(select(Document)).one()
    assert document.encoding == "utf-16"
    assert any("\u0400" <= ch <= "\u04ff" for ch in document.text)


def test_hidden_html_text_is_not_article_text(sqlite_cli: Cli) -> None:
    assert sqlite_cli("ingest", str(HOSTILE / "html_hidden_and_script_text.html")).exit_code == 0
    with sqlite_cli.target.database.read() as session:
        document = session.scalars(select(Document)).one()
    assert "Visible paragraph" in document.text
    for hidden in (
        "Hidden paragraph",
        "hidden attribute",
        "Zero-size",
        "Template",
        "Noscript",
        "inside script",
        "Comment claim",
        "inside CSS",
    ):
        assert hidden not in document.text


@pytest.mark.postgres
def test_nul_is_normalised_the_same_on_postgres(pg_target: object) -> None:
    from click.testing import CliRunner

    from tests.conftest import Cli as CliType

    cli = CliType(pg_target, CliRunner())  # type: ignore[arg-type]
    assert cli("ingest", str(HOSTILE / "encoding_nul_bytes.txt")).exit_code == 0
    with cli.target.database.read() as session:
        document = session.scalars(select(Document)).one()
        snapshot = session.scalars(select(DocumentSnapshot)).one()
    assert document.text == (HOSTILE / "encoding_nul_bytes.txt").read_bytes().decode().replace(
        "\x00", "\ufffd"
    )
    assert snapshot.raw == (HOSTILE / "encoding_nul_bytes.txt").read_bytes()
