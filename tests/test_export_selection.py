"""Export filters: --claim, --document, --source, --reviewed-only, --propaganda-only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claims.errors import ClaimsError, NotFound
from claims.reports.schema import Export, ExportSelection
from claims.store.exports import read_export
from tests.conftest import Cli, Target
from tests.report_factories import Story, populate


@pytest.fixture
def story(target: Target) -> Story:
    with target.database.write() as session:
        return populate(session)


def chosen(target: Target, **filters: object) -> Export:
    return read_export(target.database, ExportSelection.model_validate(filters))


def focus(export: Export) -> set[int]:
    assert export.selection is not None
    return set(export.selection.focus_claim_ids)


def test_no_filter_is_everything(target: Target, story: Story) -> None:
    export = read_export(target.database, ExportSelection())
    assert export.selection is None
    assert {c.id for c in export.claims} == set(story.claims.values())
    assert len(export.sources) == len(story.sources)


def test_claim_filter_brings_related_claims_as_context(target: Target, story: Story) -> None:
    export = chosen(target, claim_ids=[story.claims["wheat_reuters"]])
    c = story.claims
    assert focus(export) == {c["wheat_reuters"]}
    assert {x.id for x in export.claims} == {c["wheat_reuters"], c["wheat_ria"], c["no_contract"]}
    assert {r.claim_id for r in export.reviews} <= {x.id for x in export.claims}
    document_ids = {d.id for d in export.documents}
    assert story.documents["reuters_v1"] in document_ids  # the earlier version comes along
    source_ids = {s.id for s in export.sources}
    assert story.sources["ministry"] in source_ids  # the minister's organisation comes along
    assert story.sources["rybar"] not in source_ids


def test_filters_combine(target: Target, story: Story) -> None:
    c, d = story.claims, story.documents
    assert focus(chosen(target, document_ids=[d["monitor"]])) == {c["no_contract"], c["rybar"]}
    assert focus(chosen(target, reviewed_only=True)) == {c["wheat_reuters"], c["no_contract"]}
    assert focus(chosen(target, propaganda_only=True)) == {c["wheat_ria"], c["wheat_reuters"]}
    both = chosen(target, reviewed_only=True, propaganda_only=True)
    assert focus(both) == {c["wheat_reuters"]}
    two = chosen(target, claim_ids=[c["rybar"], c["wheat_ria"]], document_ids=[d["monitor"]])
    assert focus(two) == {c["rybar"]}


def test_source_by_name_alias_or_parent(target: Target, story: Story) -> None:
    c = story.claims
    assert focus(chosen(target, source_names=["RIA Novosti"])) == {
        c["wheat_ria"],
        c["wheat_reuters"],
    }
    assert focus(chosen(target, source_names=["риа новости"])) == {
        c["wheat_ria"],
        c["wheat_reuters"],
    }
    ministry = chosen(target, source_names=["ministry of foreign affairs of iraq"])
    assert focus(ministry) == {c["wheat_ria"], c["wheat_reuters"]}  # through its minister
    assert focus(chosen(target, source_names=["Рыбарь", "Reuters"])) == {
        c["rybar"],
        c["wheat_reuters"],
        c["old_version"],
    }


def test_unknown_ids_and_names_are_errors(target: Target, story: Story) -> None:
    with pytest.raises(NotFound, match="no claim with id 9999"):
        chosen(target, claim_ids=[9999])
    with pytest.raises(NotFound, match="no document with id 777"):
        chosen(target, document_ids=[777])
    with pytest.raises(NotFound, match="no source with that name"):
        chosen(target, source_names=["Nobody"])


def test_cli_filters_and_formats(cli: Cli, story: Story) -> None:
    result = cli("export", "--format", "json", "--source", "Rybar", "--propaganda-only")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["selection"]["focus_claim_ids"] == []  # the reviewer overrode Rybar's flag
    for fmt in ("md", "html", "csv", "claimreview", "prov", "provn"):
        result = cli("export", "--format", fmt, "--reviewed-only")
        assert result.exit_code == 0, (fmt, result.stderr)
        assert "Russia will ship two million tonnes" in result.stdout, fmt
    rows = cli("export", "--format", "csv", "--reviewed-only").stdout.splitlines()
    assert [row.split(",")[0] for row in rows[1:]] == [
        str(story.claims["wheat_reuters"]),
        str(story.claims["no_contract"]),
    ]


def test_cli_unknown_claim_is_one_line(cli: Cli, story: Story) -> None:
    result = cli("export", "--format", "md", "--claim", "4242")
    assert result.exit_code == 1
    assert result.stderr == "error: no claim with id 4242\n"


def test_terminal_output_shows_controls_and_files_stay_exact(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from claims.cli import export as export_module

    raw = "a\x1b]0;title\x07\u202eb\n".encode()
    monkeypatch.setattr(export_module.sys.stdout, "isatty", lambda: True, raising=False)
    assert export_module._for_terminal(raw, "-") == "a\\x1b]0;title\\x07⟨U+202E⟩b\n".encode()
    assert export_module._for_terminal(raw, "out.csv") == raw


def test_export_file_for_the_workbench(target: Target, story: Story, tmp_path: Path) -> None:
    from claims.store.exports import export_file

    selection = ExportSelection(claim_ids=[story.claims["no_contract"]])
    path = export_file(target.database, selection, "html", tmp_path / "claim.html")
    assert "Iraq has signed no grain contract" in path.read_text("utf-8")
    with pytest.raises(ClaimsError, match="already exists"):
        export_file(target.database, selection, "html", path)
