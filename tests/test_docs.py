"""Docs stay honest: generated references are current and every command is documented."""

from __future__ import annotations

from pathlib import Path

from tests.scripts import load_script

ROOT = Path(__file__).parent.parent


def test_cli_reference_is_current() -> None:
    generator = load_script("gen_docs")
    assert generator.CLI_DOC.read_text(encoding="utf-8") == generator.cli_reference(), (
        "docs/cli.md is out of date: run python scripts/gen_docs.py"
    )


def test_export_schema_is_current() -> None:
    generator = load_script("gen_docs")
    assert generator.SCHEMA_DOC.read_text(encoding="utf-8") == generator.export_schema(), (
        "docs/export.schema.json is out of date: run python scripts/gen_docs.py"
    )


def test_every_export_field_is_described_in_the_export_guide() -> None:
    guide = (ROOT / "docs" / "export.md").read_text(encoding="utf-8")
    from claims.reports.schema import (
        ExportAttribution,
        ExportClaim,
        ExportDocument,
        ExportRelation,
        ExportSource,
    )

    for model in (ExportDocument, ExportSource, ExportClaim, ExportAttribution, ExportRelation):
        for name in model.model_fields:
            assert f"`{name}`" in guide, f"docs/export.md does not describe {model.__name__}.{name}"
